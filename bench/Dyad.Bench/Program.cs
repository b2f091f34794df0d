using BenchmarkDotNet.Running;

namespace Dyad.Bench;

/// <summary>
/// <c>dotnet run -c Release --project bench/Dyad.Bench -- throughput [runs]</c>: whole-pipeline sentences/s and MB/s.
/// <c>... -- store [runs]</c>: event store (articles/s stored, 1M-event aggregate, 1M-event Parquet export).
/// <c>... -- geo-share [runs]</c>: the pipeline with and without where-and-when in one run (median, ratio, share).
/// <c>... -- micro [BenchmarkDotNet arguments]</c>: the micro-benchmarks with their naive baselines.
/// <c>... -- analyser-speed [MODEL|-] [BEAM|fast]</c>: quick tokens/s of the analyser.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        string mode = args.Length > 0 ? args[0] : "throughput";
        switch (mode)
        {
            case "throughput":
                int runs = args.Length > 1 && int.TryParse(args[1], out int r) ? r : 7;
                return Throughput.Run(runs);
            case "store":
                return StoreBenchmarks.Run(args.Length > 1 && int.TryParse(args[1], out int s) ? s : 5);
            case "geo-share":
                return WhereWhenShare.Run(args.Length > 1 && int.TryParse(args[1], out int g) ? g : 9);
            case "geo-loop":
                return WhereWhenShare.Loop(args.Length > 1 && int.TryParse(args[1], out int l) ? l : 20);
            case "profile":
                return Profile.Run();
            case "accurate":
                if (args.Length < 2)
                {
                    Console.Error.WriteLine("usage: Dyad.Bench accurate MODEL [runs]   (MODEL: written by dyad train-coder --encoder minilm)");
                    return 2;
                }

                return Throughput.RunAccurate(args[1], args.Length > 2 && int.TryParse(args[2], out int a) ? a : 3);
            case "analyser-speed":
                bool fast = args.Length > 2 && args[2] == "fast";
                return AnalyserSpeed.Run(args.Length > 1 && args[1] != "-" ? args[1] : null, args.Length > 2 && !fast ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 0, fast: fast);
            case "micro":
                var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args.Length > 1 ? args[1..] : ["--filter", "*"]);
                return summaries.Any(s => s.HasCriticalValidationErrors) ? 1 : 0;
            default:
                Console.Error.WriteLine("usage: Dyad.Bench throughput [runs] | accurate MODEL [runs] | store [runs] | geo-share [runs] | profile | micro [BenchmarkDotNet arguments, e.g. --filter *Tokenizer*]");
                return 2;
        }
    }
}
