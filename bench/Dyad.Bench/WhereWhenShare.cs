using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Dyad.Coding;
using Dyad.Coding.WhereWhen;
using Dyad.Lexicon.Geo;
using Dyad.Text;

namespace Dyad.Bench;

/// <summary>
/// <c>dotnet run -c Release --project bench/Dyad.Bench -- geo-share [runs]</c>: the share of where-and-when in the
/// whole pipeline (issue 5 bounds it at 10%), measured in one process on the throughput corpus, one thread.
/// Three figures, each the median of <c>runs</c> passes, the passes of the two pipelines interleaved so that
/// load from other processes falls on both alike:
/// <list type="bullet">
/// <item>the whole pipeline (segmentation, lexical, actors, events, JSON) without and with <see cref="WhereWhenStage"/>;</item>
/// <item>the stage alone, timed over documents the pipeline without it has already coded (the direct measure,
/// steadier than a difference of two noisy totals).</item>
/// </list>
/// The share is reported both ways: (with - without) / with, and stage / (without + stage).
/// </summary>
public static class WhereWhenShare
{
    public static int Run(int runs)
    {
        var corpus = Corpus.Build();
        var lexicon = Dyad.Lexicon.Lexicon.Default;
        _ = Gazetteer.Default; // loaded once, as in a running coder
        var stage = new WhereWhenStage();
        IPipelineStage[] coder = [new SegmentationStage(), new LexicalStage(lexicon), new ActorStage(lexicon), new EventStage(lexicon)];
        var without = Pipeline.Create(coder);
        var with = Pipeline.Create([.. coder, stage]);
        int sentences = corpus.Sum(a => Corpus.CountSentences(a.Text));
        Console.WriteLine($"corpus: {corpus.Count:N0} articles, {sentences:N0} sentences from {Corpus.Origin}; {runs} interleaved runs, one thread");

        // Warm-up: two passes of each so that tiered JIT reaches optimised code.
        for (int w = 0; w < 2; w++)
        {
            CodeAll(without, corpus);
            CodeAll(with, corpus);
            StageOnly(without, stage, corpus);
        }

        var tWithout = new List<double>();
        var tWith = new List<double>();
        var tStage = new List<double>();
        var cWithout = new List<double>();
        var cWith = new List<double>();
        var cStage = new List<double>();
        long eventsWith = 0;
        for (int r = 0; r < runs; r++)
        {
            // Alternate the order so that neither pipeline always runs first after a collection.
            for (int k = 0; k < 2; k++)
            {
                if ((r + k) % 2 == 0)
                {
                    Time(() => CodeAll(without, corpus), tWithout, cWithout);
                }
                else
                {
                    eventsWith = Time(() => CodeAll(with, corpus), tWith, cWith);
                }
            }

            var (wall, cpu) = StageOnly(without, stage, corpus);
            tStage.Add(wall);
            cStage.Add(cpu);
        }

        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine("                                 wall-clock median (runs)                      thread CPU-time median");
        Line("pipeline without where-and-when", tWithout, cWithout);
        Line("pipeline with where-and-when", tWith, cWith);
        Line("where-and-when stage alone", tStage, cStage);
        foreach (var (name, w, o, st) in new[] { ("wall-clock", tWith, tWithout, tStage), ("CPU time", cWith, cWithout, cStage) })
        {
            double mWith = Median(w), mWithout = Median(o), mStage = Median(st);
            Console.WriteLine(string.Create(inv, $"{name,-10}: ratio with/without {mWith / mWithout:F3}; share (with - without) / with {(mWith - mWithout) / mWith:P1}; share stage / (without + stage) {mStage / (mWithout + mStage):P1}; stage {mStage * 1e6 / corpus.Count:F1} us an article"));
        }

        Console.WriteLine(string.Create(inv, $"throughput with where-and-when: {sentences / Median(tWith):N0} sentences/s wall-clock, {sentences / Median(cWith):N0} sentences/s of CPU time; events coded: {eventsWith:N0}"));
        return 0;

        void Line(string name, List<double> wall, List<double> cpu) =>
            Console.WriteLine(string.Create(inv, $"{name,-32} {Median(wall) * 1000,8:F1} ms ({Runs(wall)})   {Median(cpu) * 1000,8:F1} ms"));
    }

    /// <summary>
    /// Codes the base articles and runs the stage on them over and over for <paramref name="seconds"/>, for a profiler
    /// to sample (filter the samples to <see cref="WhereWhenStage.Process"/>); prints the stage's own time an article.
    /// </summary>
    public static int Loop(int seconds)
    {
        var corpus = Corpus.BaseArticles().ToList();
        var lexicon = Dyad.Lexicon.Lexicon.Default;
        var stage = new WhereWhenStage();
        var without = Pipeline.Create(new SegmentationStage(), new LexicalStage(lexicon), new ActorStage(lexicon), new EventStage(lexicon));
        for (int warm = 0; warm < 3; warm++)
        {
            foreach (var (id, text, date) in corpus)
            {
                stage.Process(without.Run(new Document(id, text, new DocumentMetadata(date))));
            }
        }

        var total = Stopwatch.StartNew();
        var inStage = new Stopwatch();
        long articles = 0, allocated = 0;
        while (total.Elapsed.TotalSeconds < seconds)
        {
            foreach (var (id, text, date) in corpus)
            {
                var document = without.Run(new Document(id, text, new DocumentMetadata(date)));
                long before = GC.GetAllocatedBytesForCurrentThread();
                inStage.Start();
                stage.Process(document);
                inStage.Stop();
                allocated += GC.GetAllocatedBytesForCurrentThread() - before;
                articles++;
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{articles} articles, stage {inStage.Elapsed.TotalMilliseconds * 1000 / articles:F1} us and {allocated / articles:N0} bytes allocated an article"));
        return 0;
    }

    private static long Time(Func<long> action, List<double> wall, List<double> cpu)
    {
        double c0 = ThreadCpuSeconds();
        var sw = Stopwatch.StartNew();
        long result = action();
        sw.Stop();
        cpu.Add(ThreadCpuSeconds() - c0);
        wall.Add(sw.Elapsed.TotalSeconds);
        return result;
    }

    // Codes each batch of articles without the stage (untimed), then times the stage alone on that batch, so that
    // the documents are as warm in cache as in the pipeline.
    private static (double Wall, double Cpu) StageOnly(Pipeline without, WhereWhenStage stage, List<(string Id, string Text, DateOnly? Date)> corpus)
    {
        const int Batch = 64;
        var documents = new List<Document>(Batch);
        double wall = 0, cpu = 0;
        for (int start = 0; start < corpus.Count; start += Batch)
        {
            documents.Clear();
            for (int i = start; i < Math.Min(corpus.Count, start + Batch); i++)
            {
                var (id, text, date) = corpus[i];
                documents.Add(without.Run(new Document(id, text, new DocumentMetadata(date))));
            }

            double c0 = ThreadCpuSeconds();
            long t0 = Stopwatch.GetTimestamp();
            foreach (var document in documents)
            {
                stage.Process(document);
            }

            wall += Stopwatch.GetElapsedTime(t0).TotalSeconds;
            cpu += ThreadCpuSeconds() - c0;
        }

        return (wall, cpu);
    }

    // CPU time of the calling thread (Linux CLOCK_THREAD_CPUTIME_ID): unlike wall-clock time it does not count the
    // time the thread waits for a core that other processes hold, so it is steadier on a shared machine.
    private static double ThreadCpuSeconds()
    {
        if (OperatingSystem.IsLinux() && ClockGetTime(3, out var ts) == 0)
        {
            return ts.Seconds + (ts.Nanoseconds / 1e9);
        }

        return Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
    }

    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    private static long CodeAll(Pipeline pipeline, List<(string Id, string Text, DateOnly? Date)> corpus)
    {
        using var sink = new Utf8JsonWriter(Stream.Null);
        long n = 0;
        foreach (var (id, text, date) in corpus)
        {
            var document = pipeline.Run(new Document(id, text, new DocumentMetadata(date)));
            foreach (var e in document.GetLayer<EventLayer>().Events)
            {
                JsonSerializer.Serialize(sink, e.Record, BenchJsonContext.Default.EventRecord);
                sink.Reset();
                n++;
            }
        }

        return n;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Runs(List<double> times) => string.Join(", ", times.Select(t => (t * 1000).ToString("F0", CultureInfo.InvariantCulture)));
}
