using Dyad.Coding;
using Dyad.Coding.Evaluation;
using Xunit;

namespace Dyad.Tests.Evaluation;

public sealed class ScorerTests
{
    private static EventRecord Sys(string? source, string? target, string code, bool negated = false) => new()
    {
        DocId = "i",
        Sentence = 0,
        Source = source,
        Target = target,
        Code = code,
        Root = code[..2],
        Quad = 1,
        Goldstein = 0,
        Negated = negated,
        Evidence = new Evidence(0, 1, "x"),
        Trigger = new Evidence(0, 1, "x"),
        Rule = "test:1",
    };

    private static GoldItem Item(params GoldEvent[] events) => new() { Id = "i", Text = "x", Events = events };

    private static EvaluationReport Score(GoldItem item, params EventRecord[] system) =>
        Scorer.Score([item], new Dictionary<string, IReadOnlyList<EventRecord>> { ["i"] = system });

    [Fact]
    public void Score_RootAndCountriesMatch_CountsTruePositiveWithPartialCode()
    {
        var report = Score(Item(new GoldEvent { Source = "ARMMIL", Target = "AZEMIL", Root = "11", Code = "1123" }), Sys("ARMGOV", "AZE", "112"));
        Assert.Equal((1, 0, 0), (report.Overall.TruePositives, report.Overall.FalsePositives, report.Overall.FalseNegatives));
        Assert.Equal(0, report.FullCodeAccuracy);
        Assert.Equal(1, report.PartialCodeAccuracy);
        Assert.Equal(0, report.RoleAccuracy);
    }

    [Fact]
    public void Score_AltCode_CountsAsFullMatch()
    {
        var report = Score(Item(new GoldEvent { Source = "AZEGOV", Target = "IGOCASCIS", Root = "05", Code = "051", AltCodes = ["030"] }), Sys("AZEGOV", "IGOCASCIS", "030"));
        Assert.Equal(1, report.Overall.TruePositives);
        Assert.Equal(1, report.FullCodeAccuracy);
    }

    [Fact]
    public void Score_WrongCountry_IsMissAndFalsePositive()
    {
        var report = Score(Item(new GoldEvent { Source = "ARMMIL", Target = "AZEMIL", Root = "19", Code = "190" }), Sys("AZEMIL", "ARMMIL", "190"));
        Assert.Equal((0, 1, 1), (report.Overall.TruePositives, report.Overall.FalsePositives, report.Overall.FalseNegatives));
    }

    [Fact]
    public void Score_NullGoldActor_IsWildcard() =>
        Assert.Equal(1, Score(Item(new GoldEvent { Source = null, Target = "SYRCVL", Root = "20", Code = "2041" }), Sys("SYRGOV", "SYRCVL", "2041")).Overall.TruePositives);

    [Fact]
    public void Score_OrganisationCodes_MustAgreeInFull() =>
        Assert.Equal(0, Score(Item(new GoldEvent { Source = "AZEGOV", Target = "IGOCASCIS", Root = "04", Code = "040" }), Sys("AZEGOV", "IGOUNO", "040")).Overall.TruePositives);

    [Fact]
    public void Score_OptionalGold_AbsorbsWithoutCounting()
    {
        var report = Score(Item(new GoldEvent { Source = "AZEGOV", Target = null, Root = "01", Code = "010", Note = "OPTIONAL: statement" }), Sys("AZEGOV", null, "010"));
        Assert.Equal((0, 0, 0, 1), (report.Overall.TruePositives, report.Overall.FalsePositives, report.Overall.FalseNegatives, report.AbsorbedByOptional));
    }

    [Fact]
    public void Score_UnnegatedEventAgainstNegatedGold_IsFalsePositive()
    {
        var report = Score(Item(new GoldEvent { Source = "USAGOV", Target = "RUSGOV", Root = "04", Code = "040", Negated = true }), Sys("USAGOV", "RUSGOV", "040"));
        Assert.Equal((0, 1, 1), (report.Overall.TruePositives, report.Overall.FalsePositives, report.Overall.FalseNegatives));
    }

    [Fact]
    public void Score_NegativeItemWithoutEvents_IsClean()
    {
        var report = Scorer.Score([Item()], new Dictionary<string, IReadOnlyList<EventRecord>>());
        Assert.Equal((1, 1), (report.NegativeItems, report.NegativeItemsClean));
    }

    [Fact]
    public void Score_OneSystemEventTwoGold_MatchesOnlyOnce()
    {
        var g = new GoldEvent { Source = "AZEGOV", Target = "ARMGOV", Root = "11", Code = "112" };
        var report = Score(Item(g, g with { Code = "1123" }), Sys("AZEGOV", "ARMGOV", "1123"));
        Assert.Equal((1, 1), (report.Overall.TruePositives, report.Overall.FalseNegatives));
    }
}

public sealed class DevGoldTests
{
    [SharedDataFact]
    public void Eval_DevGold_MeetsCoderV1Acceptance()
    {
        var problems = new List<string>();
        var items = GoldItem.ReadFile(SharedData.PathTo("eval/dev-gold.jsonl"), SharedData.PathTo("seed"), problems);
        Assert.Empty(problems);
        var coder = new DyadCoder();
        var system = items.ToDictionary(i => i.Id, i => coder.Code(new Dyad.Text.Document(i.Id, i.Text, new Dyad.Text.DocumentMetadata(i.DatelineDate))));
        var report = Scorer.Score(items, system);
        Assert.True(report.Overall.F1 >= 0.45, $"root-level F1 {report.Overall.F1:F3} < 0.45 (P {report.Overall.Precision:F3}, R {report.Overall.Recall:F3})");
        Assert.True(report.NegativeItemsClean >= 10, $"only {report.NegativeItemsClean} of {report.NegativeItems} negative items have no event");
    }

    [SharedDataFact]
    public void Eval_DevGold_MeetsCodingFromTheTreeAcceptance()
    {
        // Issue 4: root-level F1 >= 0.75, no event on at least 12 of the 13 negatives, every required seed event found.
        var problems = new List<string>();
        var items = GoldItem.ReadFile(SharedData.PathTo("eval/dev-gold.jsonl"), SharedData.PathTo("seed"), problems);
        var coder = new DyadCoder();
        var system = items.ToDictionary(i => i.Id, i => coder.Code(new Dyad.Text.Document(i.Id, i.Text, new Dyad.Text.DocumentMetadata(i.DatelineDate))));
        var report = Scorer.Score(items, system);
        Assert.True(report.Overall.F1 >= 0.75, $"root-level F1 {report.Overall.F1:F3} < 0.75 (P {report.Overall.Precision:F3}, R {report.Overall.Recall:F3})");
        Assert.True(report.NegativeItemsClean >= 12, $"only {report.NegativeItemsClean} of {report.NegativeItems} negative items have no event");
        var seedMisses = report.Misses.Where(m => m.Item.Id == "seed-000").Select(m => $"{m.Gold.Source} -> {m.Gold.Target} {m.Gold.Code}").ToList();
        Assert.True(seedMisses.Count == 0, "seed events missed: " + string.Join("; ", seedMisses));
    }

    [SharedDataFact]
    public void Code_Seed_FindsAttackAttendanceAndAccusation()
    {
        string text = File.ReadAllText(SharedData.PathTo("seed/000_f4f8f4fedf290728.txt"));
        var events = new DyadCoder().Code(new Dyad.Text.Document("seed-000", text, new Dyad.Text.DocumentMetadata(new DateOnly(2023, 4, 14))));
        Assert.Contains(events, e => e.Root == "19" && e.Source?.StartsWith("ARM", StringComparison.Ordinal) == true && e.Target?.StartsWith("AZE", StringComparison.Ordinal) == true);
        Assert.Contains(events, e => e.Root == "04" && e.Source?.StartsWith("AZE", StringComparison.Ordinal) == true && e.Target == "IGOCASCIS");
        Assert.Contains(events, e => e.Root == "11" && e.Source?.StartsWith("AZE", StringComparison.Ordinal) == true && e.Target?.StartsWith("ARM", StringComparison.Ordinal) == true);
    }
}
