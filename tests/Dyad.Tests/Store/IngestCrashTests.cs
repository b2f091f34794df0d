using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Dyad.Store;
using Xunit;
using Xunit.Abstractions;

namespace Dyad.Tests.Store;

/// <summary>
/// Kills a real <c>dyad ingest</c> process (kill -9) in the middle of a 10,000-article ingest, re-runs it, and
/// checks that no article was lost or stored twice and that each batch was stored whole or not at all.
/// </summary>
public sealed class IngestCrashTests(ITestOutputHelper output)
{
    private const int Articles = 10_000;
    private const int BatchSize = 250;

    [SkippableTheory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public async Task Ingest_KilledMidBatchThenRerun_NoLossNoDuplicate(string kind)
    {
        await using var location = await TestStores.CreateAsync(kind);
        string folder = Path.Combine(Path.GetTempPath(), "dyad-crash-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            string input = Path.Combine(folder, "articles.jsonl");
            WriteArticles(input);

            // First run: killed once a few batches have been committed, while the next one is in flight.
            var clock = Stopwatch.StartNew();
            using (var first = StartIngest(location.Store, input))
            {
                int batches = 0;
                string? line;
                while ((line = await first.StandardError.ReadLineAsync()) is not null)
                {
                    if (line.StartsWith("dyad ingest:", StringComparison.Ordinal) && line.Contains(" read, ", StringComparison.Ordinal) && ++batches == 4)
                    {
                        await Task.Delay(Random.Shared.Next(0, 40));
                        first.Kill(entireProcessTree: true); // SIGKILL: no cleanup, no finally blocks
                        break;
                    }
                }

                await first.WaitForExitAsync();
                Assert.True(batches == 4, $"the ingest ended before it could be killed; stderr ended after {batches} progress lines");
                Assert.NotEqual(0, first.ExitCode);
            }

            long storedAfterKill;
            await using (var store = await EventStores.OpenAsync(location.Store))
            {
                var counts = await store.CountAsync();
                storedAfterKill = counts.Articles;
                await AssertConsistentAsync(store);
            }

            output.WriteLine($"{kind}: killed after {clock.Elapsed.TotalSeconds:F1} s with {storedAfterKill} articles stored");
            Assert.InRange(storedAfterKill, 4 * BatchSize, Articles - 1);
            Assert.Equal(0, storedAfterKill % BatchSize); // every batch all or nothing

            // Second run completes; the articles of the first run are skipped.
            using (var second = StartIngest(location.Store, input))
            {
                string errors = await second.StandardError.ReadToEndAsync();
                await second.WaitForExitAsync();
                output.WriteLine(errors.Split('\n').LastOrDefault(l => l.Contains("article(s) read", StringComparison.Ordinal)) ?? errors);
                Assert.True(second.ExitCode == 0, errors);
                Assert.Contains($"{Articles - storedAfterKill} stored, {storedAfterKill} already stored, 0 failed", errors, StringComparison.Ordinal);
            }

            await using (var store = await EventStores.OpenAsync(location.Store))
            {
                var counts = await store.CountAsync();
                Assert.Equal(Articles, counts.Articles);
                Assert.Equal(0L, counts.Failures);
                Assert.Equal((long)Articles, Convert.ToInt64(await store.ScalarAsync("SELECT count(DISTINCT article_key) FROM articles")));
                Assert.Equal((long)Articles, Convert.ToInt64(await store.ScalarAsync("SELECT count(DISTINCT doc_id) FROM articles")));
                await AssertConsistentAsync(store);
            }

            output.WriteLine($"{kind}: total {clock.Elapsed.TotalSeconds:F1} s");
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    /// <summary>Invariants that hold after any crash: ids unique, mentions point at stored rows, counts agree.</summary>
    private static async Task AssertConsistentAsync(IEventStore store)
    {
        async Task<long> Count(string sql) => Convert.ToInt64(await store.ScalarAsync(sql));
        Assert.Equal(0L, await Count("SELECT count(*) - count(DISTINCT id) FROM articles"));
        Assert.Equal(0L, await Count("SELECT count(*) - count(DISTINCT id) FROM events"));
        Assert.Equal(0L, await Count("SELECT count(*) - count(DISTINCT id) FROM event_mentions"));
        Assert.Equal(0L, await Count("SELECT count(*) FROM event_mentions m WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = m.article_id)"));
        Assert.Equal(0L, await Count("SELECT count(*) FROM event_mentions m WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.id = m.event_id)"));
        Assert.Equal(0L, await Count("SELECT count(*) FROM sentences s WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = s.article_id)"));
        Assert.Equal(await Count("SELECT count(*) FROM event_mentions"), await Count("SELECT CAST(coalesce(sum(num_mentions), 0) AS BIGINT) FROM events"));
        Assert.Equal(0L, await Count("SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM sentences s WHERE s.article_id = a.id)"));
    }

    private static Process StartIngest(string store, string input)
    {
        string cli = Path.Combine(AppContext.BaseDirectory, "dyad.dll");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (string arg in new[] { cli, "ingest", "--store", store, "--batch-size", BatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture), "--progress", "lines", input })
        {
            info.ArgumentList.Add(arg);
        }

        return Process.Start(info) ?? throw new InvalidOperationException("Could not start dyad ingest.");
    }

    /// <summary>10,000 distinct articles; every tenth has no URL (identified by its content hash).</summary>
    internal static void WriteArticles(string path, int count = Articles)
    {
        string[] actors = ["Armenia", "Azerbaijan", "Russia", "Turkey", "Iran", "Georgia", "France", "the United States"];
        string[] verbs = ["accused", "met with", "condemned", "praised", "threatened", "signed an agreement with", "attacked", "urged"];
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        var sb = new StringBuilder();
        for (int i = 0; i < count; i++)
        {
            sb.Clear();
            sb.Append("BAKU, April 14 (Wire) - ");
            for (int s = 0; s < 6; s++)
            {
                string a = actors[(i + s) % actors.Length], b = actors[((i * 7) + (s * 3) + 1) % actors.Length];
                sb.Append(a).Append(' ').Append(verbs[((i / 3) + s) % verbs.Length]).Append(' ').Append(b)
                    .Append(" on Friday, officials said in report ").Append(i).Append('.').Append(s).Append(". ");
            }

            var record = new Dictionary<string, string>
            {
                ["id"] = "art-" + i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture),
                ["text"] = sb.ToString(),
                ["date"] = $"2023-04-{1 + (i % 28):00}",
                ["source"] = "Wire " + (i % 5),
            };
            if (i % 10 != 0)
            {
                record["url"] = $"https://news.example/{i % 5}/story-{i}";
            }

            writer.WriteLine(JsonSerializer.Serialize(record));
        }
    }
}
