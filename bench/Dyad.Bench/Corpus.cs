using System.Text.Json;
using Dyad.Text;

namespace Dyad.Bench;

/// <summary>
/// The fixed benchmark corpus: the dev-gold texts (../shared/eval, when present) or the bundled examples,
/// repeated in a fixed order until it holds at least <see cref="MinimumSentences"/> sentences. Deterministic.
/// </summary>
public static class Corpus
{
    /// <summary>Sentences the throughput corpus holds at least.</summary>
    public const int MinimumSentences = 20_000;

    /// <summary>Where the texts came from.</summary>
    public static string Origin { get; private set; } = "?";

    /// <summary>The base articles (id, text, date) before repetition.</summary>
    public static IReadOnlyList<(string Id, string Text, DateOnly? Date)> BaseArticles() => LazyBase.Value;

    private static readonly Lazy<List<(string Id, string Text, DateOnly? Date)>> LazyBase = new(LoadBase);

    /// <summary>Articles repeated until the corpus has at least <paramref name="minimumSentences"/> sentences.</summary>
    public static List<(string Id, string Text, DateOnly? Date)> Build(int minimumSentences = MinimumSentences)
    {
        var basis = BaseArticles();
        int perRound = basis.Sum(a => CountSentences(a.Text));
        int rounds = Math.Max(1, (int)Math.Ceiling(minimumSentences / (double)Math.Max(1, perRound)));
        var corpus = new List<(string, string, DateOnly?)>(basis.Count * rounds);
        for (int r = 0; r < rounds; r++)
        {
            foreach (var (id, text, date) in basis)
            {
                corpus.Add(($"{id}#{r}", text, date));
            }
        }

        return corpus;
    }

    /// <summary>All base texts joined (for tokenizer benchmarks).</summary>
    public static string JoinedText(int minimumChars = 200_000)
    {
        var sb = new System.Text.StringBuilder();
        while (sb.Length < minimumChars)
        {
            foreach (var a in BaseArticles())
            {
                sb.Append(a.Text).Append("\n\n");
            }
        }

        return sb.ToString();
    }

    /// <summary>Sentences in a text, as Dyad splits them.</summary>
    public static int CountSentences(string text) => SentenceSplitter.Default.Split(text, Tokenizer.Default.Tokenize(text)).Count;

    private static List<(string, string, DateOnly?)> LoadBase()
    {
        string? repo = FindRepositoryRoot();
        string? gold = repo is null ? null : Path.Combine(repo, "..", "shared", "eval", "dev-gold.jsonl");
        var articles = new List<(string, string, DateOnly?)>();
        if (gold is not null && File.Exists(gold))
        {
            string seedDir = Path.Combine(repo!, "..", "shared", "seed");
            foreach (string line in File.ReadLines(gold))
            {
                using var json = JsonDocument.Parse(line);
                string id = json.RootElement.GetProperty("id").GetString()!;
                string text = json.RootElement.GetProperty("text").GetString()!;
                if (text.StartsWith("@seed:", StringComparison.Ordinal))
                {
                    string path = Path.Combine(seedDir, text[6..]);
                    if (!File.Exists(path))
                    {
                        continue;
                    }

                    text = File.ReadAllText(path);
                }

                DateOnly? date = json.RootElement.TryGetProperty("dateline_date", out var d) && d.ValueKind == JsonValueKind.String ? DateOnly.Parse(d.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : null;
                articles.Add((id, text, date));
            }

            Origin = "../shared/eval/dev-gold.jsonl";
            return articles;
        }

        foreach (string file in Directory.EnumerateFiles(Path.Combine(repo ?? ".", "examples"), "*.txt").Order(StringComparer.Ordinal))
        {
            articles.Add((Path.GetFileNameWithoutExtension(file), File.ReadAllText(file), null));
        }

        Origin = "examples/*.txt";
        return articles;
    }

    /// <summary>The folder holding Dyad.sln, searched upward from the working and base directories.</summary>
    public static string? FindRepositoryRoot()
    {
        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            var dir = new DirectoryInfo(start);
            while (dir is not null)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Dyad.sln")))
                {
                    return dir.FullName;
                }

                dir = dir.Parent;
            }
        }

        return null;
    }
}
