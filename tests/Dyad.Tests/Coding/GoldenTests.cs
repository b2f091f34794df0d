using System.Text.Json;
using System.Text.Json.Nodes;
using Dyad.Coding;
using Dyad.Text;
using Xunit;

namespace Dyad.Tests.Coding;

/// <summary>
/// Golden files: each line of Golden/fictional-sentences.jsonl is a sentence with the events Dyad must produce
/// (source, target, code, negated, trigger text, rule), coded with the fictional dictionaries. Set
/// DYAD_UPDATE_GOLDEN=1 to rewrite the file from the current output (then review the diff).
/// </summary>
public sealed class GoldenTests
{
    private static readonly DyadCoder Coder = new(FictionalLexicon.Build());

    private static string GoldenPath => Path.Combine(AppContext.BaseDirectory, "Golden", "fictional-sentences.jsonl");

    private static JsonArray Project(IEnumerable<EventRecord> events) =>
        new(events.Select(e => (JsonNode)new JsonObject
        {
            ["source"] = e.Source,
            ["target"] = e.Target,
            ["code"] = e.Code,
            ["negated"] = e.Negated,
            ["trigger"] = e.Trigger.Text,
            ["rule"] = e.Rule,
        }).ToArray());

    [Fact]
    public void Golden_FictionalSentences_MatchExpectedEvents()
    {
        var lines = File.ReadAllLines(GoldenPath).Where(l => l.Trim().Length > 0).ToList();
        Assert.NotEmpty(lines);
        var updated = new List<string>();
        var failures = new List<string>();
        foreach (string line in lines)
        {
            var item = JsonNode.Parse(line)!.AsObject();
            string text = item["text"]!.GetValue<string>();
            var actual = Project(Coder.Code(new Document("golden", text, new DocumentMetadata(new DateOnly(2023, 4, 14)))));
            string expected = item["events"]!.ToJsonString();
            if (actual.ToJsonString() != expected)
            {
                failures.Add($"{text}\n  expected {expected}\n  actual   {actual.ToJsonString()}");
            }

            updated.Add(new JsonObject { ["text"] = text, ["events"] = actual }.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        }

        if (Environment.GetEnvironmentVariable("DYAD_UPDATE_GOLDEN") == "1")
        {
            string source = Path.Combine(SharedData.RepositoryRoot(), "tests", "Dyad.Tests", "Golden", "fictional-sentences.jsonl");
            File.WriteAllLines(source, updated);
            return;
        }

        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }
}
