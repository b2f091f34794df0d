using Dyad.Coding.Learning;
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
    /// With <paramref name="decider"/> other than <see cref="EventDecider.Rules"/>, the learned event model
    /// (<paramref name="model"/>, else the shipped one) reads every sentence with an actor, and its events are added
    /// to or replace the rules'. <paramref name="parseEveryActorSentence"/> parses every sentence with an actor even
    /// for the rules alone (the analysis the model is trained on).
    /// <exception cref="InvalidOperationException">When the model is asked for and none is given or shipped.</exception>
    public DyadCoder(Lexicon.Lexicon? lexicon = null, IEnumerable<IPipelineStage>? extraStages = null, bool parse = true, bool explain = false,
        EventDecider? decider = null, EventModel? model = null, bool parseEveryActorSentence = false, float vetoMargin = LearnedEventStage.DefaultVetoMargin, ITokenEncoder? encoder = null)
    {
        Lexicon = lexicon ?? Dyad.Lexicon.Lexicon.Default;
        Decider = decider ?? DefaultDecider(lexicon, model, parse);
        if (Decider != EventDecider.Rules)
        {
            Model = model ?? EventModel.Default ?? throw new InvalidOperationException("No event model is shipped in this build; train one with 'dyad train-coder' and pass it with --event-model, or use --decider rules.");
            parseEveryActorSentence = true;
        }

        var stages = new List<IPipelineStage> { new SegmentationStage(), new LexicalStage(Lexicon), new ActorStage(Lexicon) };
        if (parse)
        {
            // Only sentences that can yield an event are parsed (an actor and a pattern trigger); in explain mode, all.
            stages.Add(explain
                ? new AnalysisStage(fastParser: true)
                : new AnalysisStage(worthParsing: parseEveryActorSentence ? ParseSelection.WithActor : ParseSelection.WorthParsing(Lexicon), filterNeeds: [Layer.Lexical, Layer.Actors], worthTagging: ParseSelection.WorthTagging(Lexicon), fastParser: true));
        }

        stages.AddRange(
        [
            new EventStage(Lexicon, useSyntax: parse, explain: explain),
            .. Model is null ? Array.Empty<IPipelineStage>() : [new LearnedEventStage(Lexicon, Model, Decider, encoder) { VetoMargin = vetoMargin }],
            new WhereWhen.WhereWhenStage(),
            new ImpliedVisitStage(Lexicon),
        ]);
        stages.AddRange(extraStages ?? []);
        _pipeline = Pipeline.Create([.. stages]);
    }

    /// <summary>
    /// The decider when none is named: the rules combined with the learned model when the model fits the dictionaries
    /// (the shipped ones, or a model given explicitly) and sentences are parsed; otherwise the rules alone.
    /// </summary>
    public static EventDecider DefaultDecider(Lexicon.Lexicon? lexicon, EventModel? model, bool parse) =>
        parse && (model is not null || (lexicon is null && EventModel.Default is not null)) ? EventDecider.Combined : EventDecider.Rules;

    /// <summary>Who decides the events.</summary>
    public EventDecider Decider { get; }

    /// <summary>The learned event model in use, or null with the rules alone.</summary>
    public EventModel? Model { get; }

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
