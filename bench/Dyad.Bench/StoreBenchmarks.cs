using System.Diagnostics;
using System.Globalization;
using Dyad.Coding;
using Dyad.Store;
using Dyad.Text;

namespace Dyad.Bench;

/// <summary>
/// Event store throughput: <c>dotnet run -c Release --project bench/Dyad.Bench -- store [runs]</c>.
/// (1) storing articles (10,000 generated articles, 8 sentences and 3 events each, batches of 500; coding
/// excluded: the events are made beforehand), on DuckDB and, when DYAD_TEST_POSTGRES is set, PostgreSQL;
/// (2) aggregate by dyad and month over 1,000,000 events (DuckDB); (3) export of those events to Parquet.
/// Prints the median of the runs, with every run's time.
/// </summary>
public static class StoreBenchmarks
{
    private const int Articles = 10_000;
    private const int BatchSize = 500;
    private const int AggregateEvents = 1_000_000;

    public static int Run(int runs)
    {
        string folder = Path.Combine(Path.GetTempPath(), "dyad-store-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            RunAsync(runs, folder).GetAwaiter().GetResult();
            return 0;
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    private static async Task RunAsync(int runs, string folder)
    {
        var articles = GenerateArticles(Articles);
        Console.WriteLine($"store: {Articles:N0} articles, {articles.Sum(a => a.Events.Count):N0} events, batches of {BatchSize}; {runs} runs");

        // (1) Store articles/s, coding excluded.
        var stores = new List<(string Name, Func<int, string> Location)> { ("duckdb", r => Path.Combine(folder, $"ingest-{r}.duckdb")) };
        if (Environment.GetEnvironmentVariable("DYAD_TEST_POSTGRES") is { Length: > 0 } pg)
        {
            stores.Add(("postgres", r => pg));
        }

        foreach (var (name, location) in stores)
        {
            var times = new List<double>();
            for (int r = 0; r < runs; r++)
            {
                await using var store = await EventStores.OpenAsync(location(r));
                if (name == "postgres")
                {
                    await ResetPostgresAsync(store);
                }

                long run = await store.StartRunAsync("ingest", "bench", "bench");
                var sw = Stopwatch.StartNew();
                foreach (var batch in articles.Chunk(BatchSize))
                {
                    await store.WriteBatchAsync(run, "bench", batch, []);
                }

                sw.Stop();
                times.Add(sw.Elapsed.TotalSeconds);
            }

            Report($"store articles ({name})", times, $"{Articles / Median(times),10:N0} articles/s");
        }

        // (2) Aggregate by dyad and month over 1M events; (3) export them to Parquet.
        string big = Path.Combine(folder, "million.duckdb");
        await using (var store = await EventStores.OpenAsync(big))
        {
            var sw = Stopwatch.StartNew();
            await GenerateEventsAsync(store, AggregateEvents);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generated {AggregateEvents:N0} events in {sw.Elapsed.TotalSeconds:F1} s"));
            var query = new EventQuery { By = Period.Month };
            await store.QueryAsync(query); // warm-up
            var times = new List<double>();
            int rows = 0;
            for (int r = 0; r < runs; r++)
            {
                sw.Restart();
                rows = (await store.QueryAsync(query)).Rows.Count;
                times.Add(sw.Elapsed.TotalSeconds);
            }

            Report("aggregate by dyad and month (1M)", times, $"{rows:N0} rows");

            times.Clear();
            string parquet = Path.Combine(folder, "events.parquet");
            long written = 0;
            for (int r = 0; r < runs; r++)
            {
                sw.Restart();
                written = await store.ExportParquetAsync(new EventQuery(), parquet);

                times.Add(sw.Elapsed.TotalSeconds);
            }

            Report("export to Parquet (1M)", times, $"{written:N0} events, {new FileInfo(parquet).Length / 1e6:F0} MB");
        }
    }

    /// <summary>Articles with 8 sentences and 3 events each; a fifth of the events repeat an earlier act (dedup).</summary>
    internal static List<CodedArticle> GenerateArticles(int count)
    {
        string[] countries = ["USA", "RUS", "CHN", "AZE", "ARM", "IRN", "TUR", "FRA", "DEU", "GBR"];
        string[] agents = ["GOV", "MIL", ""];
        string[] codes = ["010", "036", "042", "051", "111", "112", "130", "173", "190", "193"];
        var list = new List<CodedArticle>(count);
        var rng = new Random(42);
        for (int i = 0; i < count; i++)
        {
            var text = new System.Text.StringBuilder(1600);
            var sentences = new SentenceSpan[8];
            for (int s = 0; s < 8; s++)
            {
                int start = text.Length;
                text.Append("Officials of ").Append(countries[(i + s) % 10]).Append(" said on Friday that talks with ")
                    .Append(countries[(i * 3 + s) % 10]).Append(" about the border would continue next week, report ")
                    .Append(i).Append('.').Append(s).Append(", according to the ministry statement issued in the capital.");
                sentences[s] = new SentenceSpan(s, start, text.Length);
                text.Append(' ');
            }

            string raw = text.ToString();
            var day = new DateOnly(2023, 1, 1).AddDays(i % 365);
            var article = new ArticleRecord(
                i % 10 == 0 ? "sha256:" + i.ToString("x8", CultureInfo.InvariantCulture) : $"url:https://news.example/{i % 7}/{i}",
                "bench-" + i.ToString(CultureInfo.InvariantCulture),
                "Source " + (i % 7),
                i % 10 == 0 ? null : $"https://news.example/{i % 7}/{i}",
                "Title " + i,
                day,
                "en",
                i.ToString("x64", CultureInfo.InvariantCulture),
                raw);
            var events = new List<EventRecord>(3);
            for (int e = 0; e < 3; e++)
            {
                int k = rng.Next(5) == 0 ? i / 2 : i * 3 + e; // some repeats of earlier acts
                string code = codes[k % 10];
                var sentence = sentences[(e * 3) % 8];
                events.Add(new EventRecord
                {
                    DocId = article.DocId,
                    Sentence = sentence.Index,
                    Source = countries[k % 10] + agents[k % 3],
                    SourceText = "officials",
                    Target = countries[(k / 10 + 1 + k) % 10] + agents[(k / 3) % 3],
                    TargetText = "the neighbours",
                    Code = code,
                    Root = code[..2],
                    Quad = code[0] == '1' ? 4 : 1,
                    Goldstein = code[0] == '1' ? -5.0 : 3.0,
                    Date = day.AddDays(-(k % 2)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    DatePrecision = "day",
                    Location = new EventLocation("Capital " + (k % 20), "AZ", 40.4, 49.9),
                    Evidence = new Evidence(sentence.Start, sentence.End, raw[sentence.Start..sentence.End]),
                    Trigger = new Evidence(sentence.Start + 5, sentence.Start + 9, raw.Substring(sentence.Start + 5, 4)),
                    Rule = "verbs.bench:1 SAY",
                    Plover = "CONSULT",
                    CodeName = "bench",
                    DictionaryVersion = "bench",
                });
            }

            list.Add(new CodedArticle(article, sentences, events));
        }

        return list;
    }

    /// <summary>Fills a DuckDB store with <paramref name="count"/> events over four years, 10 x 10 x 3 x 3 dyads.</summary>
    private static async Task GenerateEventsAsync(IEventStore store, int count)
    {
        long run = await store.StartRunAsync("ingest", "bench", "generated");
        await store.WriteBatchAsync(run, "bench", GenerateArticles(1000), []); // articles for the source URLs
        string sql = string.Create(CultureInfo.InvariantCulture, $"""
            INSERT INTO events
            SELECT i + 100000 AS id, 'bench|' || (i % 50000) AS dedup_key, DATE '2020-01-01' + CAST(i % 1461 AS INTEGER) AS event_day,
                   'bench', 'bench-' || (i % 1000), CAST(i % 8 AS INTEGER),
                   c[1 + i % 10] || a[1 + (i // 10) % 3], 'the source', c[1 + (i // 30) % 10] || a[1 + (i // 300) % 3], 'the target',
                   k[1 + i % 10], substr(k[1 + i % 10], 1, 2), CAST(1 + i % 4 AS INTEGER), CAST((i % 21) - 10 AS DOUBLE), i % 50 = 0,
                   strftime(DATE '2020-01-01' + CAST(i % 1461 AS INTEGER), '%Y-%m-%d'), 'day',
                   'Capital ' || (i % 20), 'AZ', 40.4, 49.9, NULL, NULL, NULL,
                   0, 120, 'Officials said on Friday that talks about the border would continue next week, report ' || i || '.',
                   5, 9, 'said', 0, 3, 10, 14, 'verbs.bench:1 SAY', 'CONSULT', 'bench',
                   1 + i % 1000, CAST(1 + i % 3 AS INTEGER), 1, CAST(1 + i % 3 AS INTEGER), i % 5 = 0, TIMESTAMP '2024-01-01 00:00:00', {run}
            FROM range({count}) t(i),
                 (SELECT ['USA','RUS','CHN','AZE','ARM','IRN','TUR','FRA','DEU','GBR'] AS c, ['GOV','MIL',''] AS a,
                         ['010','036','042','051','111','112','130','173','190','193'] AS k) lists
            """);
        await ((SqlEventStore)store).ExecuteAsync(sql);
    }

    private static async Task ResetPostgresAsync(IEventStore store)
    {
        foreach (string table in new[] { "event_mentions", "events", "sentences", "articles", "failures" })
        {
            await ((SqlEventStore)store).ExecuteAsync($"TRUNCATE {table}");
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static void Report(string name, List<double> times, string what) =>
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{name,-36} median {Median(times) * 1000,8:F1} ms   {what}   (runs: {string.Join(", ", times.Select(t => (t * 1000).ToString("F0", CultureInfo.InvariantCulture)))} ms)"));
}
