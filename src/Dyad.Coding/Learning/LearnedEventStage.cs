using System.Collections.Frozen;
using System.Globalization;
using Dyad.Lexicon;
using Dyad.Text;

namespace Dyad.Coding.Learning;

/// <summary>Who decides the events: the dictionary rules, the learned model, or both.</summary>
public enum EventDecider
{
    /// <summary>The rule coder alone (dictionary patterns and tree rules).</summary>
    Rules,
    /// <summary>The learned model alone.</summary>
    Model,
    /// <summary>The rule coder's events plus the model's events that the rules did not produce.</summary>
    Combined,
    /// <summary>The model's events plus the rule coder's events at words the model did not read as acts.</summary>
    ModelFirst,
}

/// <summary>The model's reading of each sentence, kept for <c>dyad explain</c>.</summary>
public sealed class ModelActLayer
{
    /// <summary>Creates the layer.</summary>
    public ModelActLayer(Dictionary<int, List<ModelAct>> bySentence) => BySentence = bySentence;

    /// <summary>Acts the model read, by sentence index.</summary>
    public IReadOnlyDictionary<int, List<ModelAct>> BySentence { get; }

    /// <summary>Rule events the combined decider dropped, with the model's reading of their word (root margin and mode).</summary>
    public List<(CodedEvent Event, float RootMargin, Training.EventMode Mode)> Vetoed { get; } = [];
}

/// <summary>
/// Runs the learned event model after the rule coder and decides the event layer: with
/// <see cref="EventDecider.Combined"/> the model's acts are added at words the rules did not code, when the rules
/// coded no event of the same root between the same countries in the sentence; with <see cref="EventDecider.Model"/> the model's events replace the
/// rules'. Codebook pairs follow the model's choice as they follow a pattern's (CODING_RULES 3 and 7): reciprocal
/// acts both ways, a visit with its hosting, one event per member of a compound actor.
/// </summary>
public sealed class LearnedEventStage : IPipelineStage
{
    /// <summary>Codes coded in both directions (CODING_RULES 7).</summary>
    private static readonly FrozenSet<string> ReciprocalCodes = new[] { "019", "030", "040", "041", "044", "046", "050", "057", "062", "0871" }.ToFrozenSet();

    /// <summary>Codes that come with a counterpart in the other direction (CODING_RULES 3: 042 and 043 come as a pair).</summary>
    private static readonly FrozenDictionary<string, string> CounterpartCodes = new Dictionary<string, string> { ["042"] = "043", ["043"] = "042" }.ToFrozenDictionary();

    private readonly Lexicon.Lexicon _lexicon;
    private readonly EventModel _model;
    private readonly EventModelDecoder _decoder;
    private readonly EventDecider _decider;

    private readonly ITokenEncoder? _encoder;

    /// <summary>Creates the stage; a model trained with an encoder needs that <paramref name="encoder"/>.</summary>
    /// <exception cref="ArgumentException">When the model needs an encoder and none is given.</exception>
    public LearnedEventStage(Lexicon.Lexicon lexicon, EventModel model, EventDecider decider, ITokenEncoder? encoder = null)
    {
        if (model.NeedsEncoder && encoder is null)
        {
            throw new ArgumentException($"The event model {model.Version} was trained with the encoder '{model.Settings.Encoder}' (accurate mode) and needs it to decode.", nameof(encoder));
        }

        _encoder = model.NeedsEncoder ? encoder : null;
        _lexicon = lexicon;
        _model = model;
        _decoder = new EventModelDecoder(model);
        _decider = decider;
    }

    /// <inheritdoc />
    public string Name => "learned-events";

    /// <inheritdoc />
    public IReadOnlyList<Layer> Needs { get; } = [Layer.Tokens, Layer.Sentences, Layer.Lexical, Layer.Actors, Layer.Events];

    /// <inheritdoc />
    public IReadOnlyList<Layer> Adds { get; } = [Layer.ModelActs];

    /// <inheritdoc />
    public void Process(Document document)
    {
        var layer = document.GetLayer<EventLayer>();
        var ruleEvents = layer.Events.ToList();
        var contexts = SentenceContexts.Build(document, _lexicon, ruleEvents, _model.WordClasses, _model.NounActors, skipWithoutActors: true);
        if (_encoder is not null)
        {
            SentenceContexts.Encode(document, contexts, _encoder);
        }

        var bySentence = new Dictionary<int, List<ModelAct>>();
        var modelEvents = new List<CodedEvent>();
        foreach (var ctx in contexts)
        {
            var acts = _decoder.Decode(ctx);
            if (acts.Count == 0)
            {
                continue;
            }

            bySentence[ctx.Sentence.Index] = acts;
            foreach (var act in acts)
            {
                if (act.IsCoded && act.Source is not null && act.SourceMargin >= SourceFloor)
                {
                    AddEvents(document, ctx, act, modelEvents);
                }
            }
        }

        var actLayer = new ModelActLayer(bySentence);
        document.SetLayer(Layer.ModelActs, actLayer);
        if (_decider == EventDecider.Model)
        {
            layer.Events.Clear();
            layer.Events.AddRange(Distinct(modelEvents));
            return;
        }

        if (_decider == EventDecider.ModelFirst)
        {
            var modelTriggers = new HashSet<int>(bySentence.Values.SelectMany(a => a).Select(a => a.Trigger));
            var kept = new List<CodedEvent>(Distinct(modelEvents));
            var keys = new HashSet<(int, string, string?, string?, bool)>(kept.Select(Key));
            foreach (var e in ruleEvents)
            {
                if (!modelTriggers.Contains(e.TriggerFirst) && !modelTriggers.Contains(e.TriggerLast) && keys.Add(Key(e)))
                {
                    kept.Add(e);
                }
            }

            layer.Events.Clear();
            layer.Events.AddRange(kept);
            layer.Events.Sort((a, b) => a.SentenceIndex != b.SentenceIndex ? a.SentenceIndex.CompareTo(b.SentenceIndex) : a.TriggerFirst.CompareTo(b.TriggerFirst));
            return;
        }

        if (!float.IsNegativeInfinity(VetoMargin))
        {
            // A rule event the model reads as no act of its root, or as an act that is not coded (alleged, hedged,
            // generic), is dropped: the rules' known weakness on unseen text is precision on such words.
            layer.Events.RemoveAll(e => Vetoed(contexts[e.SentenceIndex], e, actLayer));
            ruleEvents = layer.Events.ToList();
        }

        var have = new HashSet<(int, string, string?, string?, bool)>(ruleEvents.Select(Key));
        var ruleTriggers = new HashSet<int>(ruleEvents.SelectMany(e => new[] { e.TriggerFirst, e.TriggerLast }));
        foreach (var e in modelEvents)
        {
            if (ruleTriggers.Contains(e.TriggerFirst))
            {
                continue;
            }

            if (have.Add(Key(e)))
            {
                layer.Events.Add(e);
            }
        }

        layer.Events.Sort((a, b) => a.SentenceIndex != b.SentenceIndex ? a.SentenceIndex.CompareTo(b.SentenceIndex) : a.TriggerFirst.CompareTo(b.TriggerFirst));
    }

    /// <summary>
    /// The model's acts whose best source scores more than this below "none" are not coded: the source is a guess.
    /// -10 was best on dev2-train (the rules' and the model's F1 both, measured with the corpus-only model).
    /// </summary>
    public float SourceFloor { get; init; } = -10f;

    /// <summary>
    /// With <see cref="EventDecider.Combined"/>, rule events whose root the model scores more than this below "no act",
    /// or whose word the model reads in a mode that is not coded (alleged, hedged, generic), are dropped (negative
    /// infinity: never). The default, -1000, drops only rule events whose word the model reads in a mode that is not
    /// coded: -15 raised dev2-train precision by 4-5 points and F1 by one, but dropped 10 of the seed's 17 events.
    /// </summary>
    public float VetoMargin { get; init; } = DefaultVetoMargin;

    /// <summary>The default <see cref="VetoMargin"/>.</summary>
    public const float DefaultVetoMargin = ModeOnlyVeto;

    /// <summary>A veto margin this low checks only the mode of the act the model read at the rule's word (no extra scoring).</summary>
    public const float ModeOnlyVeto = -1000f;

    private bool Vetoed(SentenceContext ctx, CodedEvent e, ModelActLayer record)
    {
        if (e.Record.Rule.StartsWith("inferred", StringComparison.Ordinal) || e.Record.Root.Length != 2 || !ctx.Contains(e.TriggerFirst))
        {
            return false;
        }

        if (VetoMargin <= ModeOnlyVeto)
        {
            // Mode only: the act the model already read at the rule's word, if it is one that is not coded.
            var read = record.BySentence.TryGetValue(ctx.Sentence.Index, out var acts)
                ? acts.Find(a => a.Trigger == e.TriggerFirst || a.Trigger == e.TriggerLast)
                : null;
            if (read is null || read.IsCoded)
            {
                return false;
            }

            record.Vetoed.Add((e, read.RootMargin, read.Mode));
            return true;
        }

        var (margin, mode, _) = _decoder.Judge(ctx, e.TriggerFirst, e.Record.Root);
        bool vetoed = margin < VetoMargin || mode > Training.EventMode.Background;
        if (vetoed)
        {
            record.Vetoed.Add((e, margin, mode));
        }

        return vetoed;
    }

    private static (int, string, string?, string?, bool) Key(CodedEvent e) =>
        (e.SentenceIndex, e.Record.Root, Country(e.Record.Source), Country(e.Record.Target), e.Record.Negated);

    private static string? Country(string? code) => code is null ? null : code.Length >= 3 ? code[..3] : code;

    private static IEnumerable<CodedEvent> Distinct(List<CodedEvent> events)
    {
        var seen = new HashSet<(int, string, string?, string?, bool)>();
        foreach (var e in events)
        {
            if (seen.Add((e.SentenceIndex, e.Record.Code, e.Record.Source, e.Record.Target, e.Record.Negated)))
            {
                yield return e;
            }
        }
    }

    private void AddEvents(Document document, SentenceContext ctx, ModelAct act, List<CodedEvent> into)
    {
        if (_lexicon.Ontology.Find(act.Code) is not CameoEventType type)
        {
            return;
        }

        var sources = Members(ctx, act.Source!);
        var targets = act.Target is null ? [] : Members(ctx, act.Target);
        string rule = string.Create(CultureInfo.InvariantCulture,
            $"model {_model.Version}: act {act.RootMargin:F1}, mode {act.Mode} {act.ModeMargin:F1}, source {act.SourceMargin:F1}, target {act.TargetMargin:F1}");
        if (targets.Count == 0 && sources.Count >= 2 && ReciprocalCodes.Contains(type.Code))
        {
            // "X and Y spoke by telephone": a reciprocal act of a compound is coded between its members (CODING_RULES 7).
            foreach (var a in sources)
            {
                foreach (var b in sources)
                {
                    string ac = RoleForSource(a.Mention, type.Root), bc = RoleForSource(b.Mention, type.Root);
                    if (a != b && ac != bc)
                    {
                        Add(a, ac, b, bc, type);
                    }
                }
            }

            return;
        }

        foreach (var s in sources)
        {
            string sourceCode = RoleForSource(s.Mention, type.Root);
            if (targets.Count == 0)
            {
                Add(s, sourceCode, null, null, type);
                continue;
            }

            foreach (var t in targets)
            {
                string targetCode = ReciprocalCodes.Contains(type.Code) ? RoleForSource(t.Mention, type.Root) : RoleForTarget(t.Mention, type.Root);
                if (targetCode == sourceCode)
                {
                    continue;
                }

                Add(s, sourceCode, t, targetCode, type);
                if (ReciprocalCodes.Contains(type.Code))
                {
                    Add(t, targetCode, s, sourceCode, type);
                }

                if (CounterpartCodes.TryGetValue(type.Code, out string? other) && _lexicon.Ontology.Find(other) is CameoEventType otherType)
                {
                    Add(t, RoleForSource(t.Mention, otherType.Root), s, RoleForTarget(s.Mention, otherType.Root), otherType);
                }
            }
        }

        void Add(ArgumentCandidate source, string sourceCode, ArgumentCandidate? target, string? targetCode, CameoEventType eventType)
        {
            var sentence = ctx.Sentence;
            var triggerSpan = document.TokenRange(act.Trigger, act.Trigger);
            var record = new EventRecord
            {
                DocId = document.Id,
                Sentence = sentence.Index,
                Source = sourceCode,
                SourceText = document.Slice(document.TokenRange(source.First, source.Last)),
                SourceSpan = [document.Token(source.First).Start, document.Token(source.Last).End],
                Target = targetCode,
                TargetText = target is null ? null : document.Slice(document.TokenRange(target.First, target.Last)),
                TargetSpan = target is null ? null : [document.Token(target.First).Start, document.Token(target.Last).End],
                Code = eventType.Code,
                CodeName = eventType.Name,
                Root = eventType.Root,
                Quad = eventType.Quad,
                Goldstein = eventType.Goldstein,
                Negated = act.Mode == Training.EventMode.Negated,
                Plover = eventType.Plover,
                Evidence = new Evidence(sentence.Span.Start, sentence.Span.End, document.Slice(sentence.Span)),
                Trigger = new Evidence(triggerSpan.Start, triggerSpan.End, document.Slice(triggerSpan)),
                Rule = rule,
                DictionaryVersion = _lexicon.Version,
            };
            into.Add(new CodedEvent(record, sentence.Index, act.Trigger, act.Trigger, (source.First, source.Last), target is null ? null : (target.First, target.Last))
            {
                IsSpeechAct = eventType.Root is "01" or "02" or "03" or "05" or "10" or "11" or "12" or "13" || eventType.Code is "016" or "051" or "055",
            });
        }
    }

    /// <summary>The members of a compound actor ("X and Y") in the sentence, or the actor alone.</summary>
    private static List<ArgumentCandidate> Members(SentenceContext ctx, ArgumentCandidate a)
    {
        if (a.IsPronoun || a.Mention.Group < 0)
        {
            return [a];
        }

        var members = new List<ArgumentCandidate>();
        foreach (var other in ctx.Arguments)
        {
            if (!other.IsPronoun && other.Mention.Group == a.Mention.Group)
            {
                members.Add(other);
            }
        }

        return members.Count == 0 ? [a] : members;
    }

    private string RoleForSource(ActorMention m, string root) =>
        _lexicon.Conventions.BareCountryAsGovernment && m.Kind == ActorMentionKind.Country && m.Code.Length == 3 ? m.Code + (root is "15" or "18" or "19" or "20" ? "MIL" : "GOV") : m.Code;

    private string RoleForTarget(ActorMention m, string root) =>
        _lexicon.Conventions.BareCountryAsGovernment && m.Kind == ActorMentionKind.Country && m.Code.Length == 3 && root is "01" or "02" or "03" or "04" or "05" or "06" or "09" or "10" or "11" or "12" or "13" or "16"
            ? m.Code + "GOV"
            : m.Code;
}
