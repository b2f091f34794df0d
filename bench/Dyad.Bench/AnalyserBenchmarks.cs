using BenchmarkDotNet.Attributes;
using Dyad.Text;
using Dyad.Text.Analysis;

namespace Dyad.Bench;

/// <summary>
/// Tag + lemma + parse with the shipped analyser, one thread, on a fixed corpus of news-like sentences
/// (pre-tokenized, so only the analyser is measured). Reports time per corpus pass; tokens/s = Tokens / mean.
/// </summary>
[MemoryDiagnoser]
public class AnalyserBenchmarks
{
    private static readonly string[] Sentences =
    [
        "Azerbaijan 's Deputy Foreign Minister accused Armenia of an armed attack on Azerbaijani positions in the Lachin district .",
        "The village was shelled by units of the Armenian armed forces on Tuesday , the ministry said in a statement .",
        "Officials who declined to be named said that the talks in Samarkand had ended without an agreement .",
        "Russia and Turkey signed a deal to resume grain exports , but Ukraine rejected it .",
        "Police arrested dozens of protesters in Minsk after they marched toward the presidential palace .",
        "The foreign ministers of the CIS met to discuss regional security and economic cooperation .",
        "Iran threatened to retaliate if the sanctions were not lifted by the end of the month .",
        "He did n't say whether the government would send troops to the border .",
    ];

    private string _text = string.Empty;
    private TextSpan[][] _spans = [];
    private string[] _upos = new string[64];
    private string[] _xpos = new string[64];
    private string[] _lemmas = new string[64];
    private int[] _heads = new int[64];
    private string[] _relations = new string[64];

    /// <summary>Tokens in one pass over the corpus (32 copies of the sentences).</summary>
    public int Tokens { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        var text = new System.Text.StringBuilder();
        var spans = new List<TextSpan[]>();
        for (int copy = 0; copy < 32; copy++)
        {
            foreach (string sentence in Sentences)
            {
                var words = sentence.Split(' ');
                var s = new TextSpan[words.Length];
                for (int i = 0; i < words.Length; i++)
                {
                    int start = text.Length;
                    text.Append(words[i]).Append(' ');
                    s[i] = new TextSpan(start, start + words[i].Length);
                }

                spans.Add(s);
                Tokens += words.Length;
            }
        }

        _text = text.ToString();
        _spans = [.. spans];
        _ = AnalyserModel.Default;
    }

    /// <summary>Loads the shipped model from the embedded resource (not cached).</summary>
    [Benchmark]
    public AnalyserModel LoadModel()
    {
        using var stream = typeof(AnalyserModel).Assembly.GetManifestResourceStream(AnalyserModel.ResourceName)!;
        return AnalyserModel.Load(stream);
    }

    /// <summary>Tags, lemmatizes and parses the whole corpus (256 sentences).</summary>
    [Benchmark(OperationsPerInvoke = 256)]
    public int AnalyseSentence()
    {
        var model = AnalyserModel.Default;
        int roots = 0;
        foreach (var s in _spans)
        {
            model.Analyse(_text, s, _upos, _xpos, _lemmas, _heads, _relations);
            roots += _heads[0] < 0 ? 1 : 0;
        }

        return roots;
    }
}
