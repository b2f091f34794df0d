using BenchmarkDotNet.Attributes;
using Dyad.Coding;
using Dyad.Coding.WhereWhen;
using Dyad.Lexicon.Geo;
using Dyad.Text;

namespace Dyad.Bench;

/// <summary>
/// Toponym lookup: Dyad's gazetteer (span normalisation into a stack buffer, alternate-key dictionary, no
/// allocation) against a naive dictionary keyed by <c>ToLowerInvariant()</c> names (one string allocated per
/// lookup, no diacritic folding). 2,048 queries per operation: half place names in their GeoNames spelling,
/// upper- or lower-cased, half capitalised words that are not places.
/// </summary>
[MemoryDiagnoser]
public class ToponymLookupBenchmarks
{
    private const int Queries = 2048;
    private string[] _queries = [];
    private Gazetteer _gazetteer = null!;
    private Dictionary<string, int[]> _naive = [];

    [GlobalSetup]
    public void Setup()
    {
        _gazetteer = Gazetteer.Default;
        var naive = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int i = 0; i < _gazetteer.Count; i++)
        {
            string key = _gazetteer[i].Name.ToLowerInvariant();
            if (!naive.TryGetValue(key, out var list))
            {
                naive[key] = list = [];
            }

            list.Add(i);
        }

        _naive = naive.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        string[] words = ["President", "Ministry", "Council", "Thursday", "Reuters", "Army", "Commonwealth", "Security", "Foreign", "Deputy"];
        _queries = new string[Queries];
        var random = new Random(5);
        for (int q = 0; q < Queries; q++)
        {
            if (q % 2 == 0)
            {
                string name = _gazetteer[random.Next(_gazetteer.Count)].Name;
                _queries[q] = q % 4 == 0 ? name.ToUpperInvariant() : name;
            }
            else
            {
                _queries[q] = words[random.Next(words.Length)] + (q % 3 == 0 ? "s" : string.Empty);
            }
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Queries, Description = "naive: Dictionary<string> + ToLowerInvariant")]
    public int NaiveLowercaseDictionary()
    {
        int found = 0;
        foreach (string q in _queries)
        {
            if (_naive.TryGetValue(q.ToLowerInvariant(), out var places))
            {
                found += places.Length;
            }
        }

        return found;
    }

    [Benchmark(OperationsPerInvoke = Queries, Description = "Dyad gazetteer: normalised span lookup")]
    public int GazetteerLookup()
    {
        int found = 0;
        foreach (string q in _queries)
        {
            found += _gazetteer.Lookup(q, allowVariants: false).Places.Length;
        }

        return found;
    }
}

/// <summary>
/// The cost of where-and-when in the whole pipeline: the coder's stages on the benchmark corpus's base articles,
/// without (baseline) and with <see cref="WhereWhenStage"/>. The ratio is the share the issue bounds (10%).
/// </summary>
[MemoryDiagnoser]
public class WhereWhenShareBenchmarks
{
    private List<(string Id, string Text, DateOnly? Date)> _articles = [];
    private Pipeline _without = null!;
    private Pipeline _with = null!;

    [GlobalSetup]
    public void Setup()
    {
        var lexicon = Dyad.Lexicon.Lexicon.Default;
        _articles = Corpus.BaseArticles().ToList();
        _without = Pipeline.Create(new SegmentationStage(), new LexicalStage(lexicon), new ActorStage(lexicon), new EventStage(lexicon));
        _with = Pipeline.Create(new SegmentationStage(), new LexicalStage(lexicon), new ActorStage(lexicon), new EventStage(lexicon), new WhereWhenStage());
        _ = Gazetteer.Default; // loaded once, as in a running coder
        _ = Run(_with);
    }

    [Benchmark(Baseline = true, Description = "coder without where-and-when")]
    public int Without() => Run(_without);

    [Benchmark(Description = "coder with where-and-when")]
    public int With() => Run(_with);

    private int Run(Pipeline pipeline)
    {
        int events = 0;
        foreach (var (id, text, date) in _articles)
        {
            var document = pipeline.Run(new Document(id, text, new DocumentMetadata(date)));
            events += document.GetLayer<EventLayer>().Events.Count;
        }

        return events;
    }
}
