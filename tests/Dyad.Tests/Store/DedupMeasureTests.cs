using System.Text.Json;
using Dyad.Coding;
using Dyad.Store;
using Xunit;
using Xunit.Abstractions;

namespace Dyad.Tests.Store;

/// <summary>
/// De-duplication measured on the dev-gold items ingested twice (and the seed, item seed-000): the gold events
/// stand in for the coder's output, so the measure does not depend on the coder's recall. Prints mentions
/// (events before de-duplication) and stored events (after).
/// </summary>
public sealed class DedupMeasureTests(ITestOutputHelper output)
{
    [SharedDataFact]
    public async Task Dedup_DevGoldIngestedTwice_ReportsEventsBeforeAndAfter()
    {
        var items = new List<(Dyad.Text.Document Doc, EventRecord[] Events)>();
        foreach (string line in File.ReadLines(SharedData.PathTo("eval/dev-gold.jsonl")))
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            string id = root.GetProperty("id").GetString()!;
            string text = root.GetProperty("text").GetString()!;
            if (text.StartsWith("@seed:", StringComparison.Ordinal))
            {
                text = File.ReadAllText(SharedData.PathTo("seed/" + text["@seed:".Length..]));
            }

            DateOnly? date = root.TryGetProperty("dateline_date", out var d) && d.ValueKind == JsonValueKind.String && DateOnly.TryParse(d.GetString(), out var dd) ? dd : null;
            string? url = root.TryGetProperty("source_url", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
            var events = root.GetProperty("events").EnumerateArray().Select((e, i) => Gold(id, text, e, i)).ToArray();
            items.Add((TestData.Doc(id, text, url, date), events));
        }

        await using var location = await TestStores.CreateAsync("duckdb");
        await using var store = await EventStores.OpenAsync(location.Store);
        var byId = items.ToDictionary(i => i.Doc.Id, i => i.Events);
        var coder = new DelegateCoder("gold", doc => byId[doc.Id]);
        var first = await new Ingestor(store, coder).IngestAsync(items.Select(i => IngestItem.Of(i.Doc)), "dev-gold");
        var second = await new Ingestor(store, coder).IngestAsync(items.Select(i => IngestItem.Of(i.Doc)), "dev-gold again");
        var counts = await store.CountAsync();
        long seedEvents = Convert.ToInt64(await store.ScalarAsync("SELECT count(DISTINCT event_id) FROM event_mentions WHERE doc_id = 'seed-000'"));
        long seedMentions = Convert.ToInt64(await store.ScalarAsync("SELECT count(*) FROM event_mentions WHERE doc_id = 'seed-000'"));

        output.WriteLine($"dev-gold: {items.Count} items, {items.Sum(i => i.Events.Length)} gold events (mentions) -> {counts.Events} stored events after de-duplication; second ingest stored {second.Totals.ArticlesStored} articles, {second.Totals.MentionsStored} mentions");
        output.WriteLine($"seed-000: {seedMentions} mentions -> {seedEvents} events");
        Assert.Equal(items.Count, first.Totals.ArticlesStored);
        Assert.Equal(0, second.Totals.ArticlesStored);
        Assert.Equal(counts.Mentions, items.Sum(i => i.Events.Length));
        Assert.True(counts.Events <= counts.Mentions);
    }

    private static EventRecord Gold(string docId, string text, JsonElement e, int index)
    {
        string? Str(JsonElement o, string name) => o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        EventLocation? location = e.TryGetProperty("location", out var l) && l.ValueKind == JsonValueKind.Object && Str(l, "name") is { } name
            ? new EventLocation(name, Str(l, "country_iso2"), null, null)
            : null;
        string code = Str(e, "code") ?? "010";
        return new EventRecord
        {
            DocId = docId,
            Sentence = index,
            Source = Str(e, "source"),
            Target = Str(e, "target"),
            Code = code,
            Root = Str(e, "root") ?? code[..2],
            Quad = e.TryGetProperty("quad", out var q) && q.ValueKind == JsonValueKind.Number ? q.GetInt32() : 1,
            Goldstein = 0,
            Negated = e.TryGetProperty("negated", out var n) && n.ValueKind == JsonValueKind.True,
            Date = Str(e, "event_date"),
            DatePrecision = Str(e, "event_date") is { Length: 10 } ? "day" : null,
            Location = location,
            Evidence = new Evidence(0, Math.Min(text.Length, 1), text[..Math.Min(text.Length, 1)]),
            Trigger = new Evidence(0, Math.Min(text.Length, 1), text[..Math.Min(text.Length, 1)]),
            Rule = "gold",
        };
    }
}
