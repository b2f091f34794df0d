using Dyad.Text;

namespace Dyad.Coding;

/// <summary>
/// The whole coding pipeline from text to events: segmentation, lexical lookup, actors, events, plus any
/// stages appended after coding (places and dates, dedup). Thread-safe: one instance serves concurrent documents.
/// </summary>
public sealed class DyadCoder
{
    private readonly Pipeline _pipeline;

    /// <summary>Creates a coder over <paramref name="lexicon"/> (the shipped dictionaries when null).</summary>
    public DyadCoder(Lexicon.Lexicon? lexicon = null, IEnumerable<IPipelineStage>? extraStages = null)
    {
        Lexicon = lexicon ?? Dyad.Lexicon.Lexicon.Default;
        var stages = new List<IPipelineStage>
        {
            new SegmentationStage(),
            new LexicalStage(Lexicon),
            new ActorStage(Lexicon),
            new EventStage(Lexicon),
        };
        stages.AddRange(extraStages ?? []);
        _pipeline = Pipeline.Create([.. stages]);
    }

    /// <summary>The dictionaries in use.</summary>
    public Lexicon.Lexicon Lexicon { get; }

    /// <summary>The pipeline's stages in order.</summary>
    public IReadOnlyList<IPipelineStage> Stages => _pipeline.Stages;

    /// <summary>Runs the pipeline on <paramref name="document"/> and returns it with all layers.</summary>
    public Document Analyse(Document document) => _pipeline.Run(document);

    /// <summary>Codes one document: its events in text order.</summary>
    public IReadOnlyList<EventRecord> Code(Document document) =>
        _pipeline.Run(document).GetLayer<EventLayer>().Events.Select(e => e.Record).ToList();
}
