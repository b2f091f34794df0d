using System.Diagnostics;
using Dyad.Text;
using Dyad.Text.Analysis;

namespace Dyad.Bench;

/// <summary>
/// <c>analyser-speed [MODEL|-] [BEAM|fast]</c>: tokens/s of tag + lemma + parse on the <see cref="AnalyserBenchmarks"/>
/// corpus, one thread, for a model file (default: the shipped model) with its default parser, its transition parser
/// at another beam width (BEAM), or its fast parser (<c>fast</c>, <see cref="AnalyserModel.Fast"/>); a quick check
/// while tuning, without BenchmarkDotNet's long runs.
/// </summary>
public static class AnalyserSpeed
{
    public static int Run(string? modelPath, int beamWidth, int passes = 7, bool fast = false)
    {
        var loadClock = Stopwatch.StartNew();
        var loadCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var model = modelPath is null ? AnalyserModel.Default : AnalyserModel.Load(modelPath);
        Console.WriteLine($"model loaded in {loadClock.Elapsed.TotalMilliseconds:F0} ms ({(Process.GetCurrentProcess().TotalProcessorTime - loadCpu).TotalMilliseconds:F0} ms CPU, fresh process)");
        if (fast)
        {
            model = model.Fast;
        }

        if (beamWidth > 0)
        {
            model = model.WithBeamWidth(beamWidth);
        }

        Console.WriteLine($"parser: {model.ParserKind}");

        var corpus = new List<(string Text, TextSpan[] Words)>();
        var articles = Corpus.BaseArticles();
        for (int a = 0; corpus.Count < AnalyserBenchmarks.SentencesPerPass; a = (a + 1) % articles.Count)
        {
            string text = articles[a].Text;
            var tokens = Tokenizer.Default.Tokenize(text);
            foreach (var sentence in SentenceSplitter.Default.Split(text, tokens))
            {
                if (corpus.Count < AnalyserBenchmarks.SentencesPerPass && sentence.TokenCount <= 1000)
                {
                    corpus.Add((text, [.. tokens.Skip(sentence.TokenStart).Take(sentence.TokenCount).Select(t => t.Span)]));
                }
            }
        }

        int tokenCount = corpus.Sum(c => c.Words.Length);
        var upos = new string[1024];
        var xpos = new string[1024];
        var lemmas = new string[1024];
        var heads = new int[1024];
        var relations = new string[1024];
        var rates = new List<double>();
        for (int pass = 0; pass < passes; pass++)
        {
            // Processor time, not wall time: the machine is shared, and the work runs on this one thread.
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            foreach (var (text, words) in corpus)
            {
                model.Analyse(text, words, upos, xpos, lemmas, heads, relations);
            }

            rates.Add(tokenCount / (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
        }

        rates.Sort();
        Console.WriteLine($"{corpus.Count} sentences, {tokenCount} tokens; tokens per CPU second: median {rates[rates.Count / 2]:N0}, best {rates[^1]:N0} (passes: {string.Join(", ", rates.Select(r => r.ToString("N0")))})");
        return 0;
    }
}
