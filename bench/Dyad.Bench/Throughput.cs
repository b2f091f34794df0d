using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Dyad.Coding;
using Dyad.Text;

namespace Dyad.Bench;

/// <summary>
/// Whole-process throughput on one thread: read (from memory), segment, tag and parse, look up, find actors, code, and
/// serialise every event to JSON, over the fixed corpus. Reports the median of several runs, and, measured in
/// the same run, the segmentation-only pass as the reference floor and coder v1 (no parse) as the baseline.
/// </summary>
public static class Throughput
{
    public static int Run(int runs)
    {
        var corpus = Corpus.Build();
        long bytes = corpus.Sum(a => (long)Encoding.UTF8.GetByteCount(a.Text));
        int sentences = corpus.Sum(a => Corpus.CountSentences(a.Text));
        var loadClock = Stopwatch.StartNew();
        var shippedModel = Dyad.Coding.Learning.EventModel.Default;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"event model load (first use, cold): {loadClock.Elapsed.TotalMilliseconds:F0} ms ({shippedModel?.Version ?? "none shipped"})"));
        var coder = new DyadCoder();
        var rulesCoder = new DyadCoder(decider: Dyad.Coding.Learning.EventDecider.Rules);
        var wordOrderCoder = new DyadCoder(parse: false);
        Console.WriteLine($"corpus: {corpus.Count:N0} articles, {sentences:N0} sentences, {bytes / 1e6:F2} MB from {Corpus.Origin}; dictionaries {coder.Lexicon.Version}; event model {coder.Model?.Version ?? "none"} ({coder.Decider}); {runs} runs, one thread");

        // Warm-up: dictionary load and two full passes so that tiered JIT reaches optimised code.
        CodeAll(coder, corpus);
        CodeAll(coder, corpus);
        CodeAll(wordOrderCoder, corpus);
        CodeAll(rulesCoder, corpus);
        SegmentAll(corpus);

        var segmentOnly = Measure(runs, () => SegmentAll(corpus));
        var full = Measure(runs, () => CodeAll(coder, corpus));
        var wordOrder = Measure(runs, () => CodeAll(wordOrderCoder, corpus));
        var rulesOnly = Measure(runs, () => CodeAll(rulesCoder, corpus));
        Report("segmentation only (reference)", segmentOnly, sentences, bytes);
        Report("dyad code --no-parse (coder v1)", wordOrder, sentences, bytes);
        Report("dyad code --decider rules", rulesOnly, sentences, bytes);
        Report("dyad code (whole pipeline + JSON)", full, sentences, bytes);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio: the default decider ({coder.Decider}) takes {Median(full) / Median(rulesOnly):F2}x the time of the rules alone"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio: parsing every sentence makes the pipeline {Median(full) / Median(wordOrder):F1}x slower than coder v1"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio: whole pipeline takes {Median(full) / Median(segmentOnly):F1}x the time of segmentation alone"));
        return 0;
    }

    /// <summary>
    /// A model trained with the MiniLM encoder (<c>dyad train-coder --encoder minilm</c>, the accurate mode) against
    /// the shipped default on the first 2,000 sentences of the corpus, medians of <paramref name="runs"/> runs in the
    /// same process, one thread.
    /// </summary>
    public static int RunAccurate(string modelPath, int runs)
    {
        var accurateModel = Dyad.Coding.Learning.EventModel.Load(modelPath);

        var all = Corpus.Build();
        var corpus = new List<(string Id, string Text, DateOnly? Date)>();
        int sentences = 0;
        foreach (var a in all)
        {
            if (sentences >= 2000)
            {
                break;
            }

            corpus.Add(a);
            sentences += Corpus.CountSentences(a.Text);
        }

        long bytes = corpus.Sum(a => (long)Encoding.UTF8.GetByteCount(a.Text));
        using var encoder = new Dyad.Encoder.MiniLmTokenEncoder(threads: 1);
        var fast = new DyadCoder();
        var accurate = new DyadCoder(model: accurateModel, encoder: encoder);
        Console.WriteLine($"corpus: {corpus.Count:N0} articles, {sentences:N0} sentences from {Corpus.Origin}; fast model {fast.Model?.Version}, accurate model {accurateModel.Version}; {runs} runs, one thread");
        CodeAll(fast, corpus);
        CodeAll(accurate, corpus);
        var fastTimes = Measure(runs, () => CodeAll(fast, corpus));
        var accurateTimes = Measure(runs, () => CodeAll(accurate, corpus));
        Report("dyad code (default, fast model)", fastTimes, sentences, bytes);
        Report("dyad code --event-model (MiniLM)", accurateTimes, sentences, bytes);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio: the accurate mode takes {Median(accurateTimes) / Median(fastTimes):F1}x the time of the fast model"));
        return 0;
    }

    private static List<double> Measure(int runs, Func<long> action)
    {
        var times = new List<double>();
        for (int r = 0; r < runs; r++)
        {
            var sw = Stopwatch.StartNew();
            long sink = action();
            sw.Stop();
            times.Add(sw.Elapsed.TotalSeconds);
            GC.KeepAlive(sink);
        }

        return times;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static void Report(string name, List<double> times, int sentences, long bytes)
    {
        double median = Median(times);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-36} median {median * 1000,8:F1} ms   {sentences / median,10:N0} sentences/s   {bytes / median / 1e6,7:F2} MB/s   (runs: {string.Join(", ", times.Select(t => (t * 1000).ToString("F0", CultureInfo.InvariantCulture)))} ms)"));
    }

    private static long SegmentAll(List<(string Id, string Text, DateOnly? Date)> corpus)
    {
        var stage = new SegmentationStage();
        long n = 0;
        foreach (var (id, text, date) in corpus)
        {
            var doc = new Document(id, text, new DocumentMetadata(date));
            stage.Process(doc);
            n += doc.SentenceCount;
        }

        return n;
    }

    private static long CodeAll(DyadCoder coder, List<(string Id, string Text, DateOnly? Date)> corpus)
    {
        using var sink = new Utf8JsonWriter(Stream.Null);
        long n = 0;
        foreach (var (id, text, date) in corpus)
        {
            foreach (var e in coder.Code(new Document(id, text, new DocumentMetadata(date))))
            {
                JsonSerializer.Serialize(sink, e, BenchJsonContext.Default.EventRecord);
                sink.Reset();
                n++;
            }
        }

        return n;
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(EventRecord))]
internal sealed partial class BenchJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
