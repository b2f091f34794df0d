using Dyad.Text;
using Dyad.Text.Analysis;

namespace Dyad.Coding;

/// <summary>
/// The whole coding pipeline from text to events: segmentation, lexical lookup, actors, events, places and dates, plus any
/// stages appended after coding (dedup). Thread-safe: one instance serves concurrent documents.
/// </summary>
public sealed class DyadCoder
{
    private readonly Pipeline _pipeline;

    /// <summary>
    /// Creates a coder over <paramref name="lexicon"/> (the shipped dictionaries when null). With
    /// <paramref name="parse"/> (the default) every sentence is tagged and parsed by the shipped analyser and the
    /// coder reads source and target off the tree; without it, word-order rules alone assign them (faster, less
    /// accurate). With <paramref name="explain"/> the event stage records every decision (<see cref="EventTrace"/>).
    /// </summary>
    public DyadCoder(Lexicon.Lexicon? lexicon = null, IEnumerable<IPipelineStage>? extraStages = null, bool parse = true, bool explain = false)
    {
        Lexicon = lexicon ?? Dyad.Lexicon.Lexicon.Default;
        var stages = new List<IPipelineStage> { new SegmentationStage(), new LexicalStage(Lexicon), new ActorStage(Lexicon) };
        if (parse)
        {
            // Only sentences that can yield an event are parsed (an actor and a pattern trigger); in explain mode, all.
            stages.Add(explain
                ? new AnalysisStage(fastParser: true)
                : new AnalysisStage(worthParsing: ParseSelection.WorthParsing(Lexicon), filterNeeds: [Layer.Lexical, Layer.Actors], worthTagging: ParseSelection.WorthTagging(Lexicon), fastParser: true));
        }

        stages.AddRange(
        [
            new EventStage(Lexicon, useSyntax: parse, explain: explain),
            new WhereWhen.WhereWhenStage(),
            new ImpliedVisitStage(Lexicon),
        ]);
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
