using Dyad.Coding;
using Dyad.Store;
using Xunit;
using static Dyad.Tests.Store.TestData;

namespace Dyad.Tests.Store;

/// <summary>The store contract; every test runs against DuckDB and PostgreSQL.</summary>
public sealed class EventStoreTests
{
    private const string Text1 = "Armenian units fired on Azerbaijani positions in the Lachin district on Friday.";
    private const string Text2 = "Azerbaijan said Armenian forces shelled its positions in Lachin; the ministry protested.";

    [SkippableTheory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public async Task Open_TwiceOnSameStore_MigratesOnce(string kind)
    {
        await using var t = await TestStores.OpenAsync(kind);
        Assert.Equal(1, t.Store.SchemaVersion);
        await t.ReopenAsync();
        Assert.Equal(1, t.Store.SchemaVersion);
        Assert.Equal(1L, Convert.ToInt64(await t.Store.ScalarAsync("SELECT count(*) FROM schema_migrations")));
    }

    [SkippableTheory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public async Task WriteBatch_NewArticles_StoresArticlesEventsAndMentions(string kind)
    {
        await using var t = await TestStores.OpenAsync(kind);
        long run = await t.Store.StartRunAsync("ingest", "test-1", "unit");
        var a = Doc("a", Text1, url: "https://news.example/a", date: new DateOnly(2023, 4, 14), source: "APA");
        var b = Doc("b", Text2, date: new DateOnly(2023, 4, 14), source: "Trend");
        var result = await t.Store.WriteBatchAsync(run, "test-1",
            [Coded(a, Event("a", "ARMMIL", "AZEMIL", "190")), Coded(b, Event("b", "AZEGOV", "ARMGOV", "111", place: null))], []);

        Assert.Equal(new BatchResult(2, 0, 2, 2, 0), result);
        var counts = await t.Store.CountAsync();
        Assert.Equal((2L, 2L, 2L, 0L), (counts.Articles, counts.Events, counts.Mentions, counts.Failures));
        Assert.Equal(Text1, await t.Store.ScalarAsync("SELECT raw_text FROM articles WHERE doc_id = 'a'"));
    }

    [SkippableTheory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public async Task WriteBatch_SameArticleAgain_ChangesNothing(string kind)
    {
        await using var t = await TestStores.OpenAsync(kind);
        long run = await t.Store.StartRunAsync("ingest", "test-1", "unit");
        var byUrl = Doc("a", Text1, url: "https://News.Example/a/");
        var byHash = Doc("b", Text2);
        await t.Store.WriteBatchAsync(run, "test-1", [Coded(byUrl, Event("a", "ARMMIL", "AZEMIL", "190")), Coded(byHash, Event("b", "AZEGOV", "ARMGOV", "111"))], []);
        var before = await t.Store.CountAsync();

        // Same URL (normalised) with other text; same text with different spacing and no URL; repeated in one batch.
        var again = await t.Store.WriteBatchAsync(run, "test-1",
        [
            Coded(Doc("a2", Text1 + " Updated.", url: "https://news.example/a"), Event("a2", "ARMMIL", "AZEMIL", "190")),
            Coded(Doc("b2", "  " + Text2.Replace(" ", "   ", StringComparison.Ordinal) + "\n"), Event("b2", "AZEGOV", "ARMGOV", "111")),
        ], []);

        Assert.Equal(0, again.ArticlesStored);
        Assert.Equal(2, again.ArticlesSkipped);
        Assert.Equal(before, await t.Store.CountAsync());
    }

    [SkippableTheory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public async Task WriteBatch_SameActInSentencesAndArticles_OneEventWithCounts(string kind)
    {
        await using var t = await TestStores.OpenAsync(kind);
        long run = await t.Store.StartRunAsync("ingest", "test-1", "unit");
        var a = Doc("a", Text1, source: "APA");
        var b = Doc("b", Text2, source: "Trend");
        var c = Doc("c", Text2 + " More.", source: "APA");
        await t.Store.WriteBatchAsync(run, "test-1",
        [
            Coded(a, Event("a", "ARMMIL", "AZEMIL", "190", sentence: 0), Event("a", "ARMMIL", "AZEMIL", "193", sentence: 3)),
            Coded(b, Event("b", "ARMMIL", "AZEMIL", "190", date: "2023-04-15", sentence: 2)),
        ], []);
        // A later batch reports the same act (one day apart) in a third article.
        await t.Store.WriteBatchAsync(run, "test-1", [Coded(c, Event("c", "ARMMIL", "AZEMIL", "190", date: "2023-04-13", sentence: 1))], []);

        var events = await ReadAllAsync(t.Store);
        var e = Assert.Single(events);
        Assert.Equal((4, 2, 3), (e.NumMentions, e.NumSources, e.NumArticles));
        Assert.True(e.IsRoot);
        Assert.Equal(4L, (await t.Store.CountAsync()).Mentions);
    }

    [SkippableTheory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public async Task WriteBatch_DifferentRootPlaceDayOrNegation_SeparateEvents(string kind)
    {
        await using var t = await TestStores.OpenAsync(kind);
        long run = await t.Store.StartRunAsync("ingest", "test-1", "unit");
        var a = Doc("a", Text1);
        await t.Store.WriteBatchAsync(run, "test-1",
        [
            Coded(
                a,
                Event("a", "ARMMIL", "AZEMIL", "190"),
                Event("a", "ARMMIL", "AZEMIL", "111"),
                Event("a", "ARMMIL", "AZEMIL", "190", place: "Kalbajar"),
                Event("a", "ARMMIL", "AZEMIL", "190", date: "2023-04-16"),
                Event("a", "ARMMIL", "AZEMIL", "190", negated: true),
                Event("a", "AZEMIL", "ARMMIL", "190")),
        ], []);

        Assert.Equal(6L, (await t.Store.CountAsync()).Events);
    }

    [SkippableTheory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public async Task WriteBatch_BadRowMidway_LeavesNoArticleOfTheBatch(string kind)
    {
        await using var t = await TestStores.OpenAsync(kind);
        long run = await t.Store.StartRunAsync("ingest", "test-1", "unit");
        var bad = Event("b", "ARMMIL", "AZEMIL", "190") with { Rule = null! }; // violates NOT NULL in the events table
        await Assert.ThrowsAnyAsync<Exception>(() => t.Store.WriteBatchAsync(run, "test-1",
            [Coded(Doc("a", Text1), Event("a", "ARMMIL", "AZEMIL", "190")), Coded(Doc("b", Text2), bad)], []));

        await t.ReopenAsync();
        var counts = await t.Store.CountAsync();
        Assert.Equal((0L, 0L, 0L), (counts.Articles, counts.Events, counts.Mentions));
    }

    [SkippableTheory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public async Task Ingest_CoderThrowsOrInputUnreadable_FailuresRecordedBatchGoesOn(string kind)
    {
        await using var t = await TestStores.OpenAsync(kind);
        var coder = new DelegateCoder("test-1", d => d.Id == "boom" ? throw new InvalidOperationException("bad parse") : [Event(d.Id, "ARMMIL", "AZEMIL", "190")]);
        var items = new[]
        {
            IngestItem.Of(Doc("a", Text1)),
            IngestItem.Of(Doc("boom", Text2)),
            IngestItem.Failed(null, "in.jsonl:3", "E203: line is not JSON"),
            IngestItem.Of(Doc("c", Text2 + " Later.")),
        };

        var summary = await new Ingestor(t.Store, coder, batchSize: 10).IngestAsync(items, "unit");

        Assert.Equal(2, summary.Totals.ArticlesStored);
        Assert.Equal(2, summary.Totals.Failures);
        Assert.Equal(2L, (await t.Store.CountAsync()).Failures);
        Assert.Contains("bad parse", (string)(await t.Store.ScalarAsync("SELECT reason FROM failures WHERE doc_id = 'boom'"))!, StringComparison.Ordinal);
        Assert.Equal("done", await t.Store.ScalarAsync("SELECT status FROM ingest_runs"));
    }

    [SkippableTheory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public async Task Ingest_Twice_SecondRunStoresNothing(string kind)
    {
        await using var t = await TestStores.OpenAsync(kind);
        var events = new Dictionary<string, EventRecord[]>();
        var items = Enumerable.Range(0, 120).Select(i =>
        {
            string id = "n" + i;
            string day = $"2023-04-{1 + (3 * (i % 9)):00}"; // nine days, three apart: never within one day
            events[id] = [Event(id, "ARMMIL", "AZEMIL", "190", date: day), Event(id, "AZEGOV", "ARMGOV", "111", date: day)];
            return IngestItem.Of(Doc(id, $"Article number {i}: Armenian units fired on Azerbaijani positions."));
        }).ToList();

        var first = await new Ingestor(t.Store, Coder(events), batchSize: 25).IngestAsync(items, "unit");
        var counts = await t.Store.CountAsync();
        var second = await new Ingestor(t.Store, Coder(events), batchSize: 25).IngestAsync(items, "unit");

        Assert.Equal(120, first.Totals.ArticlesStored);
        Assert.Equal(0, second.Totals.ArticlesStored);
        Assert.Equal(120, second.Totals.ArticlesSkipped);
        Assert.Equal(counts with { Runs = 2 }, await t.Store.CountAsync());
        Assert.Equal(18L, counts.Events); // 9 days x 2 dyads
    }

    [SkippableTheory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public async Task Recode_NewVersion_KeepsOldEventsAndQueriesTheNew(string kind)
    {
        await using var t = await TestStores.OpenAsync(kind);
        var items = new[] { IngestItem.Of(Doc("a", Text1)), IngestItem.Of(Doc("b", Text2)) };
        var v1 = new DelegateCoder("v1", d => [Event(d.Id, "ARMMIL", "AZEMIL", "190", version: "v1")]);
        var v2 = new DelegateCoder("v2", d => [Event(d.Id, "ARMMIL", "AZEMIL", "193", version: "v2"), Event(d.Id, "AZEGOV", "ARMGOV", "111", version: "v2")]);
        await new Ingestor(t.Store, v1).IngestAsync(items, "unit");

        var recode = await new Ingestor(t.Store, v2).RecodeAsync();
        var again = await new Ingestor(t.Store, v2).RecodeAsync();

        Assert.Equal(2, recode.Totals.ArticlesStored);
        Assert.Equal((0, 4), (again.Totals.EventsCreated, again.Totals.MentionsStored)); // same version: mentions replaced, events kept
        Assert.Equal((3L, 6L), ((await t.Store.CountAsync()).Events, (await t.Store.CountAsync()).Mentions)); // v1: 1 event; v2: 2
        var current = await t.Store.QueryAsync(new EventQuery());
        Assert.Equal(2, current.Rows.Count);
        var old = await t.Store.QueryAsync(new EventQuery { Version = "v1" });
        Assert.Equal(2L, Assert.Single(old.Rows)[11]); // mentions
    }

    [SkippableTheory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public async Task Query_Filters_MatchTheRightEvents(string kind)
    {
        await using var t = await TestStores.OpenAsync(kind);
        await SeedQueryDataAsync(t.Store);

        async Task<int> Count(EventQuery q) => (await t.Store.QueryAsync(q)).Rows.Count;
        Assert.Equal(4, await Count(new EventQuery()));
        Assert.Equal(3, await Count(new EventQuery { Actor = "AZE" }));
        Assert.Equal(2, await Count(new EventQuery { Actor = "arm" }));
        Assert.Equal(1, await Count(new EventQuery { Dyad = ("ARM", "AZE") }));
        Assert.Equal(2, await Count(new EventQuery { Root = "19" }));
        Assert.Equal(1, await Count(new EventQuery { Code = "193" }));
        Assert.Equal(2, await Count(new EventQuery { Quad = 4 }));
        Assert.Equal(1, await Count(new EventQuery { Country = "uz" }));
        Assert.Equal(1, await Count(new EventQuery { Place = "samarkand" }));
        Assert.Equal(2, await Count(new EventQuery { From = new DateOnly(2023, 4, 1), To = new DateOnly(2023, 4, 30) }));
        Assert.Equal(1, await Count(new EventQuery { Text = "SHELLED positions" }));
        Assert.Equal(0, await Count(new EventQuery { Text = "shelled nowhere" }));
    }

    [SkippableTheory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public async Task Query_ByMonth_SumsGoldsteinPerDyad(string kind)
    {
        await using var t = await TestStores.OpenAsync(kind);
        await SeedQueryDataAsync(t.Store);

        var table = await t.Store.QueryAsync(new EventQuery { By = Period.Month });

        Assert.Equal(["period", "source", "target", "events", "mentions", "goldstein_sum", "goldstein_mean"], table.Columns);
        var april = table.Rows.Where(r => Equals(r[0], new DateOnly(2023, 4, 1))).ToList();
        Assert.Equal(2, april.Count);
        var armAze = april.Single(r => (string?)r[1] == "ARMMIL");
        Assert.Equal((1L, -10.0), ((long)armAze[3]!, (double)armAze[5]!));
        var week = await t.Store.QueryAsync(new EventQuery { By = Period.Week, Dyad = ("AZE", "ARM") });
        Assert.Equal(new DateOnly(2023, 4, 10), Assert.Single(week.Rows)[0]); // Monday of the week of 14 April
    }

    [SkippableTheory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public async Task ReadEvents_RoundTrip_KeepsEveryRecordField(string kind)
    {
        await using var t = await TestStores.OpenAsync(kind);
        long run = await t.Store.StartRunAsync("ingest", "test-1", "unit");
        var record = Event("a", "ARMMIL", "AZEMIL", "190") with
        {
            Location = new EventLocation("Lachin", "AZ", 39.64, 46.55) { Admin1 = "Lachin District", GeoNamesId = 147622, Confidence = 0.9 },
        };
        await t.Store.WriteBatchAsync(run, "test-1", [Coded(Doc("a", Text1, url: "https://news.example/a"), record)], []);

        var stored = Assert.Single(await ReadAllAsync(t.Store));

        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(record), System.Text.Json.JsonSerializer.Serialize(stored.Record));
        Assert.Equal("https://news.example/a", stored.SourceUrl);
        Assert.Equal(new DateOnly(2023, 4, 14), stored.Day);
    }

    internal static async Task<List<StoredEvent>> ReadAllAsync(IEventStore store, EventQuery? query = null)
    {
        var list = new List<StoredEvent>();
        await foreach (var e in store.ReadEventsAsync(query ?? new EventQuery()))
        {
            list.Add(e);
        }

        return list;
    }

    internal static async Task SeedQueryDataAsync(IEventStore store)
    {
        long run = await store.StartRunAsync("ingest", "test-1", "unit");
        await store.WriteBatchAsync(run, "test-1",
        [
            Coded(Doc("a", Text1), Event("a", "ARMMIL", "AZEMIL", "190")),
            Coded(Doc("b", Text2), Event("b", "AZEGOV", "ARMGOV", "111", evidence: "Azerbaijan said Armenian forces shelled its positions.")),
            Coded(Doc("c", Text2 + " CIS."), Event("c", "AZEGOV", "IGOCASCIS", "040", date: "2023-05-02", place: "Samarkand", country: "UZ")),
            Coded(Doc("d", Text1 + " USA."), Event("d", "USAGOV", "RUSGOV", "193", date: "2022-01-05", place: null)),
        ], []);
    }
}
