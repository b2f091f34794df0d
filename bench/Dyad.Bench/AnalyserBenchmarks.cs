using BenchmarkDotNet.Attributes;
using Dyad.Text;
using Dyad.Text.Analysis;

namespace Dyad.Bench;

/// <summary>
/// Tag + lemma + parse with the shipped analyser, one thread, over the first <see cref="SentencesPerPass"/>
/// sentences of the benchmark corpus (<see cref="Corpus"/>: the dev-gold news texts or the bundled examples),
/// segmented in setup so only the analyser is measured. Times are per sentence; the setup prints the tokens per
/// sentence, so tokens/s = tokens per sentence / time per sentence.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class AnalyserBenchmarks
{
    /// <summary>Sentences analysed per benchmark invocation.</summary>
    public const int SentencesPerPass = 1000;

    private string[] _texts = [];
    private TextSpan[][] _spans = [];
    private string[] _upos = new string[1024];
    private string[] _xpos = new string[1024];
    private string[] _lemmas = new string[1024];
    private int[] _heads = new int[1024];
    private string[] _relations = new string[1024];

    /// <summary>Tokens in one pass.</summary>
    public int Tokens { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        var texts = new List<string>();
        var spans = new List<TextSpan[]>();
        var articles = Corpus.BaseArticles();
        for (int a = 0; spans.Count < SentencesPerPass; a = (a + 1) % articles.Count)
        {
            string text = articles[a].Text;
            var tokens = Tokenizer.Default.Tokenize(text);
            foreach (var sentence in SentenceSplitter.Default.Split(text, tokens))
            {
                if (spans.Count == SentencesPerPass || sentence.TokenCount > 1000)
                {
                    continue;
                }

                texts.Add(text);
                spans.Add([.. tokens.Skip(sentence.TokenStart).Take(sentence.TokenCount).Select(t => t.Span)]);
                Tokens += sentence.TokenCount;
            }
        }

        _texts = [.. texts];
        _spans = [.. spans];
        _ = AnalyserModel.Default.Fast;
        Console.WriteLine($"// AnalyserBenchmarks corpus: {Corpus.Origin}, {SentencesPerPass} sentences, {Tokens} tokens, {Tokens / (double)SentencesPerPass:F2} tokens per sentence");
    }

    /// <summary>Loads the shipped model from the embedded resource (not cached).</summary>
    [Benchmark]
    public AnalyserModel LoadModel()
    {
        using var stream = typeof(AnalyserModel).Assembly.GetManifestResourceStream(AnalyserModel.ResourceName)!;
        return AnalyserModel.Load(stream);
    }

    /// <summary>Tags, lemmatizes and parses one sentence with the model's default (biaffine) parser (mean over a pass of the corpus).</summary>
    [Benchmark(OperationsPerInvoke = SentencesPerPass)]
    public int AnalyseSentence() => AnalysePass(AnalyserModel.Default);

    /// <summary>The same with the fast transition-based parser the event coder uses: the baseline of the ratio.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = SentencesPerPass)]
    public int AnalyseSentenceFastParser() => AnalysePass(AnalyserModel.Default.Fast);

    private int AnalysePass(AnalyserModel model)
    {
        int roots = 0;
        for (int i = 0; i < _spans.Length; i++)
        {
            model.Analyse(_texts[i], _spans[i], _upos, _xpos, _lemmas, _heads, _relations);
            roots += _heads[0] < 0 ? 1 : 0;
        }

        return roots;
    }
}
