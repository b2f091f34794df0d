using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using Dyad.Coding;
using Dyad.Lexicon;
using Dyad.Text;

namespace Dyad.Bench;

/// <summary>Tokenizer against a naive regular-expression tokenizer.</summary>
[MemoryDiagnoser]
public partial class TokenizerBenchmarks
{
    private string _text = string.Empty;

    [GeneratedRegex(@"\w+|[^\w\s]")]
    private static partial Regex NaiveToken();

    [GlobalSetup]
    public void Setup() => _text = Corpus.JoinedText(100_000);

    [Benchmark(Baseline = true, Description = "naive regex \\w+|[^\\w\\s]")]
    public int NaiveRegex() => NaiveToken().Count(_text);

    [Benchmark(Description = "Dyad tokenizer (UD rules, spans)")]
    public int DyadTokenizer() => Tokenizer.Default.Tokenize(_text).Count;
}

/// <summary>Actor matching against a naive scan of every phrase in every sentence.</summary>
[MemoryDiagnoser]
public class ActorMatcherBenchmarks
{
    private List<(string Id, string Text, DateOnly? Date)> _articles = [];
    private string[] _sentences = [];
    private string[] _phrases = [];
    private Lexicon.Lexicon _lexicon = null!;

    [GlobalSetup]
    public void Setup()
    {
        _lexicon = Lexicon.Lexicon.Default;
        _articles = Corpus.BaseArticles().ToList();
        _sentences = _articles.SelectMany(a => SentenceSplitter.Default.Split(a.Text, Tokenizer.Default.Tokenize(a.Text)).Select(s => a.Text[s.Span.Start..s.Span.End])).ToArray();
        _phrases = _lexicon.Actors.Entries.Select(e => e.Phrase).Distinct().ToArray();
    }

    [Benchmark(Baseline = true, Description = "naive: IndexOf of every phrase")]
    public int NaiveScan()
    {
        int hits = 0;
        foreach (string sentence in _sentences)
        {
            foreach (string phrase in _phrases)
            {
                if (sentence.Contains(phrase, StringComparison.OrdinalIgnoreCase))
                {
                    hits++;
                }
            }
        }

        return hits;
    }

    [Benchmark(Description = "Dyad: token ids + first-token index + composition")]
    public int DyadActors()
    {
        var segment = new SegmentationStage();
        var lexical = new LexicalStage(_lexicon);
        var actors = new ActorStage(_lexicon);
        int mentions = 0;
        foreach (var (id, text, date) in _articles)
        {
            var doc = new Document(id, text, new DocumentMetadata(date));
            segment.Process(doc);
            lexical.Process(doc);
            actors.Process(doc);
            mentions += doc.GetLayer<ActorLayer>().Mentions.Count;
        }

        return mentions;
    }
}

/// <summary>Pattern matching against a naive substring scan of every pattern's words.</summary>
[MemoryDiagnoser]
public class PatternMatcherBenchmarks
{
    private List<(string Id, string Text, DateOnly? Date)> _articles = [];
    private string[] _sentences = [];
    private string[] _patternTexts = [];
    private DyadCoder _coder = null!;

    [GlobalSetup]
    public void Setup()
    {
        _coder = new DyadCoder();
        _articles = Corpus.BaseArticles().ToList();
        _sentences = _articles.SelectMany(a => SentenceSplitter.Default.Split(a.Text, Tokenizer.Default.Tokenize(a.Text)).Select(s => a.Text[s.Span.Start..s.Span.End].ToLowerInvariant())).ToArray();
        _patternTexts = _coder.Lexicon.Verbs.Patterns
            .Select(p => string.Join(' ', p.Text.Split(' ').Where(w => !w.StartsWith('$') && w != "*" && !w.StartsWith('(')).Select(w => w.TrimStart('=').Split('|')[0])))
            .Where(t => t.Length > 0)
            .ToArray();
    }

    [Benchmark(Baseline = true, Description = "naive: substring search of every pattern")]
    public int NaiveScan()
    {
        int hits = 0;
        foreach (string sentence in _sentences)
        {
            foreach (string pattern in _patternTexts)
            {
                if (sentence.Contains(pattern, StringComparison.Ordinal))
                {
                    hits++;
                }
            }
        }

        return hits;
    }

    [Benchmark(Description = "Dyad: whole coder (trigger index + slots)")]
    public int DyadCoder()
    {
        int events = 0;
        foreach (var (id, text, date) in _articles)
        {
            events += _coder.Code(new Document(id, text, new DocumentMetadata(date))).Count;
        }

        return events;
    }
}
