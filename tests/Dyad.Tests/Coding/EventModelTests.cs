using Dyad.Coding;
using Dyad.Coding.Evaluation;
using Dyad.Coding.Learning;
using Dyad.Coding.Training;
using Dyad.Text;
using Xunit;

namespace Dyad.Tests.Coding;

/// <summary>The learned event model: corpus reading, training, determinism, save/load, decoding, and the shipped model.</summary>
public sealed class EventModelTests
{
    /// <summary>A tiny labelled corpus in the corpus format (corpus/AUTHORING.md), written for these tests.</summary>
    private static readonly string[] TinyCorpus =
    [
        """{"id": "t-1", "text": "Kazakhstan's foreign minister lambasted Kyrgyzstan on Monday over the border closure.", "dateline_date": "2024-03-04", "origin": "synthetic", "events": [{"trigger": "lambasted", "code": "111", "mode": "asserted", "source": "Kazakhstan's foreign minister", "source_code": "KAZGOV", "target": "Kyrgyzstan", "target_code": "KGZGOV"}]}""",
        """{"id": "t-2", "text": "Mongolia lambasted Tajikistan over the new tariffs.", "dateline_date": null, "origin": "synthetic", "events": [{"trigger": "lambasted", "code": "111", "mode": "asserted", "source": "Mongolia", "source_code": "MNGGOV", "target": "Tajikistan", "target_code": "TJKGOV"}]}""",
        """{"id": "t-3", "text": "The storm lashed the coast of Estonia on Tuesday.", "dateline_date": "2024-03-05", "origin": "synthetic", "events": []}""",
        """{"id": "t-4", "text": "Latvia extradited two suspects to Lithuania.", "dateline_date": null, "origin": "synthetic", "events": [{"trigger": "extradited", "code": "063", "mode": "asserted", "source": "Latvia", "source_code": "LVAGOV", "target": "Lithuania", "target_code": "LTUGOV"}]}""",
        """{"id": "t-5", "text": "Georgia lambasted Armenia, and Latvia extradited a banker to Estonia.", "dateline_date": null, "origin": "synthetic", "events": [{"trigger": "lambasted", "code": "111", "mode": "asserted", "source": "Georgia", "source_code": "GEOGOV", "target": "Armenia", "target_code": "ARMGOV"}, {"trigger": "extradited", "code": "063", "mode": "asserted", "source": "Latvia", "source_code": "LVAGOV", "target": "Estonia", "target_code": "ESTGOV"}]}""",
    ];

    private static List<CorpusDocument> ReadTiny()
    {
        var problems = new List<CorpusProblem>();
        var docs = TinyCorpus.Select((line, i) => EventCorpus.ParseLine(line, $"tiny:{i + 1}", problems)).OfType<CorpusDocument>().ToList();
        Assert.Empty(problems);
        return docs;
    }

    private static readonly Lazy<(EventModel Model, byte[] Bytes)> Tiny = new(() =>
    {
        var trainer = new EventModelTrainer(new DyadCoder(decider: EventDecider.Rules, parseEveryActorSentence: true));
        var (model, _) = trainer.Train(ReadTiny(), new EventTrainingOptions(Epochs: 10, Seed: 7, UseRuleFeatures: false, RootMargin: 0f));
        using var buffer = new MemoryStream();
        model.Write(buffer);
        return (model, buffer.ToArray());
    });

    private static string Summary(DyadCoder coder, string text) =>
        string.Join("; ", coder.Code(new Document("t", text)).Select(e => $"{e.Source} {e.Code} {e.Target}"));

    [Fact]
    public void Train_TinyCorpus_LearnsItsActsAndActors()
    {
        var coder = new DyadCoder(decider: EventDecider.Model, model: Tiny.Value.Model);
        Assert.Equal("MNGGOV 111 TJKGOV", Summary(coder, "Mongolia lambasted Tajikistan over the new tariffs."));
        Assert.Equal("LVAGOV 063 LTUGOV", Summary(coder, "Latvia extradited two suspects to Lithuania."));
        Assert.Equal(string.Empty, Summary(coder, "The storm lashed the coast of Estonia on Tuesday."));
    }

    [Fact]
    public void SaveAndLoad_TinyModel_RoundTripsToTheSameBytesAndEvents()
    {
        string path = Path.Combine(Path.GetTempPath(), $"dyad-events-{Guid.NewGuid():N}.model");
        try
        {
            Tiny.Value.Model.Save(path);
            Assert.Equal(Tiny.Value.Bytes, File.ReadAllBytes(path));
            var loaded = EventModel.Load(path);
            Assert.Equal(Tiny.Value.Model.Version, loaded.Version);
            string text = "Georgia lambasted Armenia, and Latvia extradited a banker to Estonia.";
            Assert.Equal(
                Summary(new DyadCoder(decider: EventDecider.Model, model: Tiny.Value.Model), text),
                Summary(new DyadCoder(decider: EventDecider.Model, model: loaded), text));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Train_SameSeedTwice_GivesTheSameModel()
    {
        var trainer = new EventModelTrainer(new DyadCoder(decider: EventDecider.Rules, parseEveryActorSentence: true));
        var (again, _) = trainer.Train(ReadTiny(), new EventTrainingOptions(Epochs: 10, Seed: 7, UseRuleFeatures: false, RootMargin: 0f));
        using var buffer = new MemoryStream();
        again.Write(buffer);
        Assert.Equal(Tiny.Value.Bytes, buffer.ToArray());
    }

    [Fact]
    public void Load_NotAModel_ThrowsInvalidDataNamingTheFile()
    {
        string path = Path.Combine(Path.GetTempPath(), $"dyad-not-a-model-{Guid.NewGuid():N}.model");
        try
        {
            File.WriteAllText(path, "not a model");
            var ex = Assert.Throws<InvalidDataException>(() => EventModel.Load(path));
            Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Load_TruncatedModel_ThrowsInvalidData()
    {
        var bytes = Tiny.Value.Bytes[..(Tiny.Value.Bytes.Length / 2)];
        Assert.Throws<InvalidDataException>(() => EventModel.Read(bytes, "half a model"));
    }

    [Theory]
    [InlineData("""{"id": "x", "text": "Iran criticised Iraq.", "dateline_date": null, "events": [{"trigger": "condemned", "code": "111"}]}""", "trigger 'condemned' is not in the text")]
    [InlineData("""{"id": "x", "text": "Iran met Iraq and met Oman.", "dateline_date": null, "events": [{"trigger": "met", "code": "040"}]}""", "occurs 2 times")]
    [InlineData("""{"id": "x", "text": "Iran met Iraq.", "dateline_date": null, "events": [{"trigger": "met", "code": "040", "mode": "maybe"}]}""", "unknown mode")]
    [InlineData("""{"id": "x", "text": "Iran met Iraq.", "dateline_date": "2024-13-01", "events": []}""", "not yyyy-MM-dd")]
    [InlineData("""{"id": "x", "text": "Iran met Iraq.", "dateline_date": null, "events": [{"trigger": "met", "code": "040", "source": "Oman"}]}""", "not in the text")]
    [InlineData("""{"id": "x", "text": "Iran met""", "invalid JSON")]
    public void ParseLine_BadLine_ReportsWhereAndWhy(string line, string expected)
    {
        var problems = new List<CorpusProblem>();
        Assert.Null(EventCorpus.ParseLine(line, "f.jsonl:3", problems));
        var problem = Assert.Single(problems);
        Assert.Equal("f.jsonl:3", problem.Location);
        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseLine_AnchoredTrigger_ResolvesToTheOccurrenceInsideTheAnchor()
    {
        var problems = new List<CorpusProblem>();
        var doc = EventCorpus.ParseLine("""{"id": "x", "text": "Iran met Iraq and Oman met Qatar.", "dateline_date": null, "events": [{"trigger": "met", "anchor": "Oman met Qatar", "code": "040", "source": "Oman", "target": "Qatar"}]}""", "f:1", problems);
        Assert.NotNull(doc);
        var e = Assert.Single(doc.Events);
        Assert.Equal(23, e.Trigger.Start);
        Assert.Equal("Oman", doc.Text[e.Source!.Value.Start..e.Source.Value.End]);
    }

    [Fact]
    public void NounActors_Learn_KeepsNounsWithAClearRoleOfTheArticlesCountry()
    {
        var nouns = NounActors.Learn(
        [
            ("protester", "BLROPP", "BLR"), ("protester", "KENOPP", "KEN"), ("protester", "GEOOPP", "GEO"),
            ("side", "USAGOV", "CHN"), ("side", "CHNGOV", "CHN"), ("side", "RUSGOV", "UKR"),
            ("bloc", "IGOEUREEC", null), ("bloc", "IGOSEAASN", "THA"),
            ("crowd", "KENOPP", "KEN"),
        ]);
        Assert.Equal("OPP", nouns.RoleOf("protester"));
        Assert.Equal("ORG", nouns.RoleOf("bloc"));
        Assert.Null(nouns.RoleOf("side")); // the labelled country is mostly not the article's
        Assert.Null(nouns.RoleOf("crowd")); // seen once
    }

    [Fact]
    public void Corpus_Committed_ReadsWithoutProblems()
    {
        string folder = Path.Combine(SharedData.RepositoryRoot(), "corpus", "docs");
        var (documents, problems) = EventCorpus.Read(folder);
        Assert.Empty(problems.Select(p => p.ToString()));
        Assert.True(documents.Count >= 100, $"only {documents.Count} corpus documents under {folder}");
    }

    [Fact]
    public void ShippedModel_IsPresentAndDecidesByDefault()
    {
        Assert.NotNull(EventModel.Default);
        Assert.Equal(EventDecider.Combined, new DyadCoder().Decider);
        Assert.Equal(EventDecider.Rules, new DyadCoder(FictionalLexicon.Build()).Decider);
    }

    [SharedDataFact]
    public void ShippedModel_DevGold_KeepsItsMeasuredF1()
    {
        var problems = new List<string>();
        var items = GoldItem.ReadFile(SharedData.PathTo("eval/dev-gold.jsonl"), SharedData.PathTo("seed"), problems);
        var coder = new DyadCoder();
        var system = items.ToDictionary(i => i.Id, i => coder.Code(new Document(i.Id, i.Text, new DocumentMetadata(i.DatelineDate))));
        var report = Scorer.Score(items, system);
        Assert.True(report.Overall.F1 >= ShippedDevGoldFloor, $"dev-gold F1 {report.Overall.F1:F3} fell below {ShippedDevGoldFloor} (docs/coder.md)");
    }

    /// <summary>The shipped model's dev-gold F1 as measured (0.838, docs/coder.md), less about 0.01.</summary>
    private const double ShippedDevGoldFloor = 0.83;
}
