using System.Collections.Frozen;
using Dyad.Coding.Syntax;
using Dyad.Lexicon;
using Dyad.Text;

namespace Dyad.Coding;

/// <summary>
/// Coder v1: finds verb and noun patterns, assigns source and target within the clause (subject before,
/// object after, "by" agents of passives and nominal events, compounds one event each), marks negation,
/// turns future cooperation into intent (03x) and future force into threats (13x), skips acts framed as
/// alleged, and records the rule and words of every event. Clause heuristics stand in for the parser
/// and live only in this stage.
/// </summary>
public sealed partial class EventStage : IPipelineStage
{
    private static readonly FrozenSet<string> Negators = new[] { "not", "n't", "never", "no" }.ToFrozenSet();
    private static readonly FrozenSet<string> Modals = new[] { "will", "shall", "would", "'ll" }.ToFrozenSet();
    private static readonly FrozenSet<string> IntentVerbs = new[]
    {
        "plan", "plans", "planned", "planning", "intend", "intends", "intended", "expect", "expects", "expected", "prepare", "prepares", "preparing",
        "agree", "agreed", "agrees", "aim", "aims", "hope", "hopes", "want", "wants", "seek", "seeks", "set", "going", "offered", "offer", "offers", "ready", "willing", "due", "decided",
    }.ToFrozenSet();
    private static readonly FrozenSet<string> AllegationCues = new[]
    {
        "alleged", "allegedly", "allegations", "allegation", "accused", "accusing", "accuses", "suspected", "assumptions", "claims", "claimed", "reportedly", "rumours", "rumors", "speculative", "baseless",
    }.ToFrozenSet();
    private static readonly FrozenSet<string> BeForms = new[] { "was", "were", "been", "being", "is", "are", "be", "got", "get" }.ToFrozenSet();
    private static readonly FrozenSet<string> NominalCues = new[] { "the", "a", "an", "its", "their", "'s", "his", "her", "this", "such", "further", "new", "intensive", "heavy", "recent", "deadly", "latest" }.ToFrozenSet();
    private static readonly FrozenSet<string> TargetPrepositions = new[] { "on", "against", "at", "targeting", "upon", "into", "to", "with" }.ToFrozenSet();
    private static readonly FrozenSet<string> LightVerbs = new[]
    {
        "hold", "holds", "held", "holding", "have", "has", "had", "conduct", "conducted", "conducts", "launch", "launched", "launches",
        "stage", "staged", "make", "made", "makes", "sign", "signed", "carry", "carried", "begin", "began", "resume", "resumed", "mount", "mounted", "start", "started", "give", "gave",
    }.ToFrozenSet();
    /// <summary>Things that arrive without visiting: "a French aircraft carrying supplies arrived in Islamabad".</summary>
    private static readonly string[] Vehicles = ["aircraft", "plane", "planes", "jet", "jets", "flight", "flights", "ship", "ships", "vessel", "vessels", "convoy", "convoys", "truck", "trucks", "shipment", "shipments", "cargo"];
    private static readonly FrozenSet<string> Pronouns = new[] { "he", "she", "they", "it", "we" }.ToFrozenSet();

    /// <summary>Most words a <c>*</c> in a pattern may skip (never across a clause break or an actor).</summary>
    private const int MaxGap = 6;

    private readonly Lexicon.Lexicon _lexicon;
    private readonly bool _useSyntax;
    private readonly bool _explain;

    /// <summary>
    /// Creates the stage over <paramref name="lexicon"/>. With <paramref name="useSyntax"/> (the default) and a
    /// dependency layer present, actors are read off the tree first and word order only fills the gaps.
    /// </summary>
    /// With <paramref name="explain"/>, every decision is recorded in an <see cref="EventTrace"/> layer.
    public EventStage(Lexicon.Lexicon lexicon, bool useSyntax = true, bool explain = false)
    {
        _lexicon = lexicon;
        _useSyntax = useSyntax;
        _explain = explain;
    }

    /// <inheritdoc />
    public string Name => "events";

    /// <inheritdoc />
    public IReadOnlyList<Layer> Needs { get; } = [Layer.Tokens, Layer.Sentences, Layer.Lexical, Layer.Actors];

    /// <inheritdoc />
    public IReadOnlyList<Layer> Adds { get; } = [Layer.Events];

    /// <inheritdoc />
    public void Process(Document document)
    {
        var lexical = document.GetLayer<LexicalLayer>();
        var actors = document.GetLayer<ActorLayer>();
        var tree = _useSyntax ? DependencyTree.Of(document) : null;
        var trace = _explain ? new EventTrace() : null;
        var events = new List<CodedEvent>();
        var seen = new HashSet<(string?, string?, string, bool)>();
        List<ActorMention>? lastSource = null;
        List<ActorMention>? lastSpeaker = null; // last person or government subject, for "he"/"she"
        int mentionIndex = 0;
        foreach (var sentence in document.Sentences)
        {
            // Mentions are in text order: walk them with one pointer (linear in the document).
            var sentenceMentions = new List<ActorMention>();
            while (mentionIndex < actors.Mentions.Count && actors.Mentions[mentionIndex].First < sentence.TokenEnd)
            {
                var m = actors.Mentions[mentionIndex++];
                if (m.First >= sentence.TokenStart && m.Last < sentence.TokenEnd)
                {
                    sentenceMentions.Add(m);
                }
            }

            // No actor, no event (but "They agreed to ..." after a compound still acts, and an agentless curfew or
            // protest in a dated report is the dateline country's).
            bool impliedOnly = false;
            if (sentenceMentions.Count == 0 && !(lastSource is { Count: >= 2 } && StartsWithPluralPronoun(document, sentence)))
            {
                if (actors.DatelineCountry is null)
                {
                    continue;
                }

                impliedOnly = true;
            }

            bool discard = ContainsDiscard(lexical, sentence);
            int appealVerb = UnknownYet; // looked for only when a [demanded] pattern needs it
            var matches = FindMatches(document, lexical, sentence, sentenceMentions, ref appealVerb);
            (PatternMatch Match, List<ActorMention> Sources)? previous = null;
            int rebuttalEnd = -1; // end of a coded 016 whose object names an accusation
            int criticismEnd = -1; // end of a coded verb of root 11 ("condemning what he called Russia's war of aggression")
            var violentTriggers = new HashSet<int>(); // triggers of force coded in this sentence
            foreach (var match in matches)
            {
                if (match.Pattern.IsNull)
                {
                    continue; // a null pattern (---) blocks shorter patterns at its trigger and codes nothing
                }

                if ((match.Pattern.Flags & PatternFlags.NamedAfterPlace) != 0)
                {
                    CodeNamedAgreement(document, actors, sentence, match, events, trace);
                    continue;
                }

                if ((match.Pattern.Flags & PatternFlags.Judged) != 0)
                {
                    CodeJudgement(document, tree, sentence, sentenceMentions, match, lastSpeaker ?? lastSource, events, seen, trace);
                    continue;
                }

                if ((match.Pattern.Flags & PatternFlags.Demanded) != 0)
                {
                    CodeDemandedAct(document, tree, sentence, sentenceMentions, match, appealVerb, lastSpeaker ?? lastSource, events, seen, trace);
                    continue;
                }

                string code = match.Pattern.Code;
                if (discard && !(code.StartsWith("018", StringComparison.Ordinal) || code.StartsWith("023", StringComparison.Ordinal) || code.StartsWith("07", StringComparison.Ordinal)))
                {
                    Trace(trace, sentence, match, "not coded", "the sentence contains a discard phrase (discards.txt)", null, null, null);
                    continue;
                }

                if (code.StartsWith("11", StringComparison.Ordinal) && rebuttalEnd >= 0 && match.Trigger >= rebuttalEnd && match.Trigger <= rebuttalEnd + 8 &&
                    ActorStage.Is(document, match.Trigger, "alleged", "allegedly", "purported", "supposed"))
                {
                    Trace(trace, sentence, match, "not coded", "an accusation inside a rebuttal's object is coded once, as the accuser's 112 beside the 016", null, null, null);
                    continue;
                }

                if (code.StartsWith("11", StringComparison.Ordinal) && criticismEnd >= 0 && match.Trigger >= criticismEnd && match.Trigger <= criticismEnd + 10 &&
                    (tree is not null ? tree.Upos(match.Trigger) is "NOUN" or "PROPN" : IsNominal(document, sentence, match.Trigger)))
                {
                    Trace(trace, sentence, match, "not coded", "a disapproving noun in the object of a criticism already coded names what is criticised", null, null, null);
                    continue;
                }

                if (code.StartsWith("04", StringComparison.Ordinal) && match.Trigger > sentence.TokenStart && ActorStage.Is(document, match.Trigger - 1, "for") &&
                    events.Count > 0 && events[^1].SentenceIndex == sentence.Index && events[^1].Record.Code is "042" or "043")
                {
                    Trace(trace, sentence, match, "not coded", "talks named as the purpose of a visit ('visited Baku for talks with X') are the visit", null, null, null);
                    continue;
                }

                if (IsUnderAllegation(document, sentence, match) && !IsSpeechCode(code))
                {
                    Trace(trace, sentence, match, "not coded", "the act is framed as alleged (CODING_RULES 8.2): only the accusation is coded", null, null, null);
                    continue;
                }

                if (tree is not null && IsForceCode(code) && ActorStage.Is(document, match.Trigger, "killing", "wounding", "injuring") &&
                    tree.Relation(match.Trigger) is "advcl" or "xcomp" or "conj" && violentTriggers.Contains(tree.Head(match.Trigger)))
                {
                    // "blew up a bus, killing 35 passengers": the deaths are the outcome of the act already coded.
                    Trace(trace, sentence, match, "not coded", "the outcome ('killing ...') of a use of force already coded in this sentence", null, null, null);
                    continue;
                }

                if (IsAttempt(document, sentence, match.Trigger))
                {
                    Trace(trace, sentence, match, "not coded", "an attempt ('tried to') is not the act", null, null, null);
                    continue; // "tried to mediate": an attempt is not the act
                }

                if (tree is not null && ClauseRoles.IsGoal(document, tree, match.Trigger, match.TriggerEnd))
                {
                    Trace(trace, sentence, match, "not coded", "an aim ('steps towards normalization') is not an act that took place", null, null, null);
                    continue;
                }

                if (IsHedged(document, sentence, match.Trigger))
                {
                    Trace(trace, sentence, match, "not coded", "the act is open ('whether'): hedges are neither events nor negations (CODING_RULES 9)", null, null, null);
                    continue;
                }

                bool negated = IsNegated(document, sentence, match.Trigger);
                if (negated && _lexicon.Conventions.NegatedCodes is { } negations)
                {
                    // PETRARCH conventions: a negated act takes the code of its opposite, or is not coded.
                    if (!negations.TryGetValue(code, out string? opposite))
                    {
                        continue;
                    }

                    (code, negated) = (opposite, false);
                }

                if (_lexicon.Conventions.FutureAsIntent && IsFuture(document, sentence, match.Trigger))
                {
                    code = FutureCode(code);
                }

                if (impliedOnly && !IsImpliedActorCode(code))
                {
                    continue;
                }

                var (sources, targets) = impliedOnly ? (null, null) : AssignActors(document, tree, sentence, sentenceMentions, match, PersonalPronounBefore(document, sentence, match.Trigger) ? lastSpeaker ?? lastSource : lastSource);
                bool unknownPerpetrator = false;
                if (ImpliedActors(document, tree, sentence, sentenceMentions, match, code, sources, targets, actors.DatelineCountry,
                        matches.Any(m => m.Trigger < match.Trigger && m.Pattern.Code.StartsWith("112", StringComparison.Ordinal))) is { } implied)
                {
                    (sources, targets, unknownPerpetrator, _) = implied;
                    Trace(trace, sentence, match, "implied", implied.Rule, sources, targets, null);
                }
                if ((match.Pattern.Flags & PatternFlags.Swap) != 0)
                {
                    (sources, targets) = (targets, sources); // [swap]: "X received an invitation from Y" is Y inviting X
                }

                if (previous is not null && sources is not null && match.SlotSource is null && IsCoordinatedVerb(document, previous.Value.Match, sources[0], sources.Max(m => m.Last), match))
                {
                    // "X visited Y and held talks with Z": the object of the first verb is not the subject of the second.
                    sources = previous.Value.Sources;
                }

                bool nounTrigger = tree is not null ? tree.Upos(match.Trigger) is "NOUN" or "PROPN" : IsNominal(document, sentence, match.Trigger);
                if (sources is not null && !nounTrigger)
                {
                    previous = (match, sources); // verbs only: "condemning Russia's war of aggression and pledging" joins the two verbs
                }
                if (targets is null && sources is { Count: >= 2 } && EachOtherAfter(document, sentence, match))
                {
                    targets = sources; // "each side accused the other", "the two criticized each other"
                }

                // [compound]: an act among the members of a compound subject ("Gondor and Osgiliath postponed their meeting").
                bool amongMembers = (match.Pattern.Flags & PatternFlags.Compound) != 0 && sources is { Count: >= 2 };
                if ((targets is null || amongMembers) && sources is { Count: >= 2 } && (amongMembers || (match.Pattern.Flags & PatternFlags.Reciprocal) != 0))
                {
                    targets = sources; // reciprocal act among the members of a compound
                }

                if (code.StartsWith("07", StringComparison.Ordinal) && actors.DatelineCountry is string recipient && sources is not null &&
                    (targets is null || match.SlotSource is not null || targets[0].Kind == ActorMentionKind.Organisation || PrecededBy(document, targets[0], "from")))
                {
                    // Aid that arrives where the report is filed ("relief flights from Turkey landed", KHARTOUM): the
                    // recipient is the dateline's country, coded bare (CODING_RULES 5: aid to a country).
                    var head = sources[0];
                    targets = [new ActorMention(head.First, head.Last, recipient, ActorMentionKind.Country, false, head.Evidence) { Group = -3 }];
                }

                if (code.StartsWith("152", StringComparison.Ordinal) && sources is null && targets is { Count: > 0 } && targets.All(t => t.Code.EndsWith("MIL", StringComparison.Ordinal)) &&
                    IsPassive(document, sentence, match.Trigger))
                {
                    sources = targets; // "the air force was put on high alert": the force on alert is the one posturing
                    targets = null;
                }

                if (IsPostureCode(code) && sources is { Count: > 0 } && sources[0].Country is string own &&
                    (targets is null || targets.All(t => t.Country == own)) &&
                    sentenceMentions.FirstOrDefault(m => m.Country is not null && m.Country != own && m.Code.Length == 3 && (targets is not null || !m.Locative)) is { } rival)
                {
                    // Military posture and withdrawal are directed at the rival country, not at one's own troops
                    // ("raised the caution level of its soldiers" on the border with China -> CHN; CODING_RULES 5).
                    targets = [new ActorMention(rival.First, rival.Last, rival.Country!, ActorMentionKind.Country, rival.Locative, rival.Evidence) { Group = rival.Group }];
                }

                if (code == "0874" && sources is { Count: > 0 } && sources[0].Country is string withdrawing &&
                    (targets is null || targets.All(t => t.Country == withdrawing)) &&
                    CountryOfPlaceAfter(document, sentence, match, ["of", "from"]) is string left && left != withdrawing)
                {
                    // "pulled its troops out of the city of Kherson": the withdrawal is from the country the place is in.
                    var head = sources[0];
                    targets = [new ActorMention(head.First, head.Last, left, ActorMentionKind.Country, false, head.Evidence) { Group = -3 }];
                }

                if (targets is not null && sources is not null && IsDomesticCode(code) &&
                    targets.All(t => t.Country is not null && t.Country == sources[0].Country && (t.Code.Length == 3 || t.Code.EndsWith("GOV", StringComparison.Ordinal))))
                {
                    targets = null; // "authorities relaxed the curfew as the new prime minister took charge": the measure is on the country
                }

                if (targets is null && sources is not null && IsDomesticCode(code))
                {
                    // Curfews, states of emergency, bans: the government acts on its own country (CODING_RULES 6).
                    targets = sources.Where(m => m.Country is not null)
                        .Select(m => new ActorMention(m.First, m.Last, m.Country!, ActorMentionKind.Country, false, m.Evidence) { Group = -2 })
                        .Take(1)
                        .ToList();
                    targets = targets.Count == 0 ? null : targets;
                }

                if (targets is null && sources is not null && code.StartsWith("12", StringComparison.Ordinal) &&
                    OfferAnswered(document, sentence, match, sources, events, actors) is { } offer)
                {
                    // "Maoist leader Ramanna dismissed the offer": the offer made before to the rejecting side.
                    targets = [offer.Maker];
                    if (offer.OfTalks && code is "120" or "125")
                    {
                        code = "125"; // rejecting an offer of talks is rejecting a proposal to negotiate
                    }
                }

                if (targets is null && sources is not null && code.Length >= 2 && code[..2] is "01" or "05" && code != "010" &&
                    AddresseeOfSameSpeaker(sentence, sources, events, actors) is { } addressee)
                {
                    // "wrote to Putin: '... I say I'm sorry'": the speaker still addresses the same party.
                    targets = [addressee];
                }

                bool targetless = (match.Pattern.Flags & PatternFlags.NoTarget) != 0;
                if (sources is not null && tree is not null && code.Length >= 2 && code[..2] is "02" or "10" &&
                    AnsweringSubject(tree, sentenceMentions, match) is { } answering && sources.All(m => m.Group != answering.Group))
                {
                    // "The government has rebuffed calls from the UN to reconsider": the calls were made to the government.
                    targets = Group(sentenceMentions, answering);
                }

                // Appeals to nobody in particular ("urged the world to", "called for restraint") and investigations of
                // unnamed parties keep a null target (CODING_RULES 3 and 5: vague collectives are not coded).
                targetless |= targets is null && sources is not null && (code.StartsWith("02", StringComparison.Ordinal) || code.StartsWith("09", StringComparison.Ordinal)) &&
                              !negated && NoNamedAddressee(document, sentence, sentenceMentions, match, sources);
                // "Russia accused the West of prolonging the war": a vague collective is not coded, the accusation is.
                targetless |= targets is null && sources is not null && code.Length >= 2 && code[..2] is "11" or "13" && !negated &&
                              VagueCollectiveAfter(document, sentence, match.Trigger) && NoNamedAddressee(document, sentence, sentenceMentions, match, sources);
                if (sources is null && !unknownPerpetrator && code.StartsWith("11", StringComparison.Ordinal) && tree is not null &&
                    tree.Upos(match.Trigger) is "NOUN" && JudgingSpeaker(document, tree, sentence, sentenceMentions.Where(m => !m.Locative).ToList(), match.Trigger, null) is not null)
                {
                    // "telling a cabinet meeting that the checkpoint installed by Baku was a provocation": a disapproving
                    // noun without an agent in someone's report is that speaker's judgement of the party it names.
                    CodeJudgement(document, tree, sentence, sentenceMentions, match, lastSpeaker ?? lastSource, events, seen, trace);
                    continue;
                }

                if ((sources is null && !unknownPerpetrator) || (targets is null && !targetless))
                {
                    // A dyadic event needs both actors; unknown perpetrators and addressees are left uncoded
                    // rather than guessed (the gold uses null actors for under 2% of events).
                    lastSource = sources ?? lastSource;
                    Trace(trace, sentence, match, "not coded", sources is null ? "no source actor was found" : "no target actor was found", sources, targets, tree is null ? null : document, tree);
                    continue;
                }

                lastSource = sources ?? lastSource;

                Trace(trace, sentence, match, "coded", (negated ? "negated; " : "") + (code != match.Pattern.Code ? $"future or planned: {match.Pattern.Code} -> {code}" : "pattern matched with both actors"), sources, targets, tree is null ? null : document, tree);
                Emit(document, sentence, match, code, negated, sources, targets, events, seen);
                if (code.StartsWith("016", StringComparison.Ordinal) && ContainsAccusationNoun(document, match))
                {
                    rebuttalEnd = match.End;
                }

                if (code.StartsWith("11", StringComparison.Ordinal) && tree is not null && tree.Upos(match.Trigger) == "VERB")
                {
                    criticismEnd = match.End;
                }

                if (IsForceCode(code) && !code.StartsWith("181", StringComparison.Ordinal))
                {
                    // Killing in the course of an abduction is an act of its own ("kidnapping students and killing a guard").
                    for (int t = match.Trigger; t <= match.TriggerEnd; t++)
                    {
                        violentTriggers.Add(t);
                    }
                }

                if (code.StartsWith("062", StringComparison.Ordinal) && (match.Pattern.Flags & PatternFlags.Reciprocal) != 0 && targets is { Count: >= 2 })
                {
                    // A joint exercise with several partners is one exercise of all of them: the partners drill with
                    // each other too (CODING_RULES 7, pairwise reciprocal events).
                    for (int a = 0; a < targets.Count; a++)
                    {
                        for (int b = a + 1; b < targets.Count; b++)
                        {
                            if (targets[a].Country != targets[b].Country)
                            {
                                Emit(document, sentence, match, code, negated, [targets[a]], [targets[b]], events, seen);
                            }
                        }
                    }
                }
            }

            var subject = SentenceSubject(document, sentenceMentions.Where(m => !m.Locative).ToList(), sentence, sentence.TokenEnd);
            if (subject is not null && (subject.Kind is ActorMentionKind.Person or ActorMentionKind.Inferred || subject.Code.EndsWith("GOV", StringComparison.Ordinal)))
            {
                lastSpeaker = [subject];
            }
        }

        document.SetLayer(Layer.Events, new EventLayer(events));
        if (trace is not null)
        {
            document.SetLayer(Layer.EventTrace, trace);
        }
    }

    private static void Trace(EventTrace? trace, Sentence sentence, PatternMatch match, string outcome, string reason, List<ActorMention>? sources, List<ActorMention>? targets, Document? document, DependencyTree? tree = null)
    {
        if (trace is null)
        {
            return;
        }

        var syntax = document is not null && tree is not null ? ClauseRoles.Find(document, tree, match.Trigger, match.TriggerEnd)?.Paths ?? [] : [];
        trace.Decisions.Add(new EventDecision(
            sentence.Index,
            match.Trigger,
            match.TriggerEnd,
            match.Pattern.Rule,
            match.Pattern.Code,
            outcome,
            reason,
            sources?.Select(m => m.Code).ToList() ?? [],
            targets?.Select(m => m.Code).ToList() ?? [],
            syntax));
    }

    private void Emit(Document document, Sentence sentence, PatternMatch match, string code, bool negated, List<ActorMention>? sources, List<ActorMention>? targets, List<CodedEvent> events, HashSet<(string?, string?, string, bool)> seen, bool reference = false)
    {
        var type = _lexicon.Ontology.Find(code) ?? _lexicon.Ontology.Find(code[..Math.Min(3, code.Length)])!;
        foreach (var source in (IEnumerable<ActorMention?>?)sources ?? [null])
        {
            foreach (var target in (IEnumerable<ActorMention?>?)targets ?? [null])
            {
                if (source is not null && target is not null && ReferenceEquals(source, target))
                {
                    continue;
                }

                string? sourceCode = source is null ? null : RoleForSource(source, type.Root);
                // Both parties of a reciprocal act are agents of it, so they are coded alike.
                bool reciprocal = (match.Pattern.Flags & PatternFlags.Reciprocal) != 0;
                string? targetCode = target is null ? null : reciprocal ? RoleForSource(target, type.Root) : RoleForTarget(target, type.Root);
                if (sourceCode is not null && sourceCode == targetCode)
                {
                    continue;
                }

                if (type.Code == "075" && target?.Country is string nationality)
                {
                    targetCode = nationality; // asylum: the target is the asylee's nationality (CODING_RULES 6)
                }

                Add(sourceCode, source, targetCode, target);
                // A planned meeting of one actor with another is one actor's intent (036), not a reciprocal act;
                // "X and Y will meet" still gives both directions through the compound.
                // A summit is arranged by both: "Xi will hold a summit with Obama" is the intent of each.
                bool intentOfOne = code.StartsWith("03", StringComparison.Ordinal) && code != match.Pattern.Code && sources is { Count: < 2 } &&
                                   !document.Slice(document.TokenRange(match.Trigger, match.TriggerEnd)).Contains("summit", StringComparison.OrdinalIgnoreCase);
                if (reciprocal && !intentOfOne && sourceCode is not null && targetCode is not null)
                {
                    Add(targetCode, target, sourceCode, source);
                }

                // An act implying its counterpart with another code ([reverse 043]: a visit is hosted).
                if (match.Pattern.ReverseCode is string reverseCode && code == match.Pattern.Code && sourceCode is not null && targetCode is not null &&
                    _lexicon.Ontology.Find(reverseCode) is CameoEventType reverseType)
                {
                    Add(targetCode, target, sourceCode, source, reverseType);
                }

                if (type.Code == "016" && sourceCode is not null && targetCode is not null && ContainsAccusationNoun(document, match))
                {
                    // Denying "Armenian claims" also reports the claim: the accuser's 112 (CODING_RULES 14, seed-000).
                    Add(targetCode, target, sourceCode, source, _lexicon.Ontology.Find("112"));
                }

                if (sourceCode is not null && targetCode is not null && target is not null &&
                    (type.Code == "042" || (type.Code == "043" && HostsTheVisitor(match, target))))
                {
                    // Visits come as a pair (CODING_RULES 3): the visitor's 042 and the host's 043. Hosting talks
                    // between others ("talks hosted by Germany") is not a visit by them.
                    Add(targetCode, target, sourceCode, source, _lexicon.Ontology.Find(type.Code == "042" ? "043" : "042"));
                }
            }
        }

        void Add(string? sourceCode, ActorMention? source, string? targetCode, ActorMention? target, CameoEventType? asType = null)
        {
            var eventType = asType ?? type;
            string refined = RefineByRoles(eventType.Code, sourceCode, targetCode, document.Slice(document.TokenRange(match.Trigger, match.TriggerEnd)));
            if (refined != eventType.Code)
            {
                eventType = _lexicon.Ontology.Find(refined) ?? eventType;
            }

            if (!seen.Add((sourceCode, targetCode, eventType.Code, negated)))
            {
                return;
            }

            var triggerSpan = document.TokenRange(match.Trigger, match.TriggerEnd);
            var record = new EventRecord
            {
                DocId = document.Id,
                Sentence = sentence.Index,
                Source = sourceCode,
                SourceText = source is null ? null : document.Slice(document.TokenRange(source.First, source.Last)),
                SourceSpan = source is null ? null : [document.Token(source.First).Start, document.Token(source.Last).End],
                Target = targetCode,
                // Targets inferred by rule (own country of a domestic measure, dateline country receiving aid) have no words.
                TargetText = target is null || target.Group < -1 ? null : document.Slice(document.TokenRange(target.First, target.Last)),
                TargetSpan = target is null || target.Group < -1 ? null : [document.Token(target.First).Start, document.Token(target.Last).End],
                Code = eventType.Code,
                CodeName = eventType.Name,
                Root = eventType.Root,
                Quad = eventType.Quad,
                Goldstein = eventType.Goldstein,
                Negated = negated,
                Plover = eventType.Plover,
                Evidence = new Evidence(sentence.Span.Start, sentence.Span.End, document.Slice(sentence.Span)),
                Trigger = new Evidence(triggerSpan.Start, triggerSpan.End, document.Slice(triggerSpan)),
                Rule = match.Pattern.Rule,
                DictionaryVersion = _lexicon.Version,
            };
            events.Add(new CodedEvent(
                record,
                sentence.Index,
                match.Trigger,
                match.TriggerEnd,
                source is null ? null : (source.First, source.Last),
                target is null ? null : (target.First, target.Last))
            {
                IsSpeechAct = IsSpeechCode(eventType.Code),
                IsReference = reference,
            });
        }
    }

    /// <summary>A bare country acting in a political (non-violent) act is its government.</summary>
    private string RoleForSource(ActorMention m, string root) =>
        _lexicon.Conventions.BareCountryAsGovernment && m.Kind == ActorMentionKind.Country && m.Code.Length == 3 ? m.Code + (root == "15" ? "MIL" : "GOV") : m.Code;

    /// <summary>A bare country addressed by a statement or diplomatic act is its government; aid and force go to the country.</summary>
    private string RoleForTarget(ActorMention m, string root) =>
        _lexicon.Conventions.BareCountryAsGovernment && m.Kind == ActorMentionKind.Country && m.Code.Length == 3 && root is "01" or "02" or "03" or "04" or "05" or "06" or "09" or "10" or "11" or "12" or "13" or "16"
            ? m.Code + "GOV"
            : m.Code;

    /// <summary>Acts whose actors a report may leave implied: arrests, domestic measures, protests, mass violence.</summary>
    internal static bool IsImpliedActorCode(string code) =>
        code.StartsWith("173", StringComparison.Ordinal) || code.StartsWith("172", StringComparison.Ordinal) ||
        code.StartsWith("14", StringComparison.Ordinal) || code.StartsWith("20", StringComparison.Ordinal) || code == "075";

    /// <summary>
    /// Actors a report leaves implied (CODING_RULES 5-6): an agentless arrest ("staff detained in Kiev", "were
    /// detained at a rally") is the police's of the country where it happened; an agentless curfew or ban ("was
    /// placed under curfew") is the government's, on its country; protests named without protesters ("after
    /// protests turned violent") are the opposition's against the government; mass violence whose perpetrator is
    /// not named has no source, its victims the civilians of the reporting country. The country is that of a
    /// place named in the sentence, else the dateline's. Returns null when nothing is implied.
    /// </summary>
    private (List<ActorMention>? Sources, List<ActorMention>? Targets, bool UnknownPerpetrator, string Rule)? ImpliedActors(
        Document document, DependencyTree? tree, Sentence sentence, List<ActorMention> mentions, PatternMatch match, string code,
        List<ActorMention>? sources, List<ActorMention>? targets, string? dateline, bool accusation)
    {
        if (!IsImpliedActorCode(code) || match.SlotSource is not null)
        {
            return null;
        }

        bool explicitNonActor = false;
        if (sources is null && tree is not null && mentions.Count > 0)
        {
            var nonLocative = mentions.Where(m => !m.Locative).ToList();
            var read = SyntacticActors.Read(document, tree, nonLocative, match.Trigger, match.TriggerEnd, null);
            // A time possessor ("last week's massacre") names no agent.
            explicitNonActor = read?.SourceIsNonActor == true &&
                               !ActorStage.Is(document, read.Roles.Source, "week", "month", "year", "day", "night", "weekend", "today", "yesterday",
                                   "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");
        }

        string? placeCountry = mentions.FirstOrDefault(m => m.Locative && m.Country is not null)?.Country;
        var anchor = sources?[0] ?? mentions.FirstOrDefault() ;
        ActorMention Make(string country, string role) =>
            new(anchor?.First ?? match.Trigger, anchor?.Last ?? match.Trigger, country + role, ActorMentionKind.Inferred, false, anchor?.Evidence ?? []) { Group = -4 };

        // The act is named by a noun: "protests turned violent", "an unauthorised rally".
        bool nounTrigger = tree is not null && (document.Upos[match.Trigger] == "NOUN" ||
                                                (document.Upos[match.Trigger] == "ADJ" && document.Upos[match.TriggerEnd] == "NOUN"));
        if (code.StartsWith("14", StringComparison.Ordinal) && nounTrigger)
        {
            // A protest noun without protesters of its own: "protests turned violent", "an unauthorised rally".
            bool stateSource = sources is not null && sources.All(m => m.Code.Length == 6 && m.Code[3..] is "GOV" or "MIL" or "COP") &&
                               sources.All(m => m.Last < match.Trigger - 2);
            if (sources is not null && !stateSource)
            {
                return null;
            }

            if (explicitNonActor && sources is null)
            {
                return null;
            }

            string? country = sources?[0].Country ?? placeCountry ?? dateline;
            if (country is null)
            {
                return null;
            }

            var target = targets?.FirstOrDefault(t => t.Country == country && t.Code.EndsWith("LEG", StringComparison.Ordinal)) ?? Make(country, "GOV");
            return ([Make(country, "OPP")], [target], false, "protest without named protesters: the country's opposition against its government (CODING_RULES 6)");
        }

        if (sources is not null || explicitNonActor)
        {
            return null;
        }

        bool passive = (match.Pattern.Flags & PatternFlags.Passive) != 0 || IsPassive(document, sentence, match.Trigger) ||
                       (tree is not null && tree.Relation(match.Trigger) is "acl" or "amod") || nounTrigger ||
                       (tree is not null && ClauseRoles.Find(document, tree, match.Trigger, match.TriggerEnd) is { Passive: true });
        if (!passive)
        {
            return null;
        }

        if (code.StartsWith("173", StringComparison.Ordinal) && targets is null && (placeCountry ?? dateline) is string protestCountry &&
            ProtestWordIn(document, sentence))
        {
            // "About 200 more were held at a similar protest": people detained at a protest are protesters (CODING_RULES 6).
            return ([Make(protestCountry, "COP")], [Make(protestCountry, "OPP")], false, "agentless arrest at a protest: the police against the protesters (CODING_RULES 6)");
        }

        if (code.StartsWith("173", StringComparison.Ordinal) && targets is not null && (placeCountry ?? dateline) is string arrestCountry)
        {
            return ([Make(arrestCountry, "COP")], targets, false, "agentless arrest: the police of the country where it happened (CODING_RULES 6)");
        }

        if (code == "075" && targets is not null && (placeCountry ?? dateline) is string asylumCountry)
        {
            return ([Make(asylumCountry, "GOV")], targets, false, "agentless grant of asylum: the government of the country that grants it (CODING_RULES 6)");
        }

        if (code.StartsWith("172", StringComparison.Ordinal) && (placeCountry ?? dateline) is string measureCountry)
        {
            return ([Make(measureCountry, "GOV")], targets, false, "agentless domestic measure: the government's, on its country (CODING_RULES 6)");
        }

        if (code.StartsWith("20", StringComparison.Ordinal) && !accusation && (targets is null || targets.All(t => t.Kind == ActorMentionKind.Inferred)))
        {
            // The victims' country: a town named after the act ("in the town of Houla"), else that of victims named
            // without a country of their own, else the dateline's when the sentence names no other country.
            string role = targets?[0].Code is { Length: 6 } named ? named[3..] : "CVL";
            string? victims = CountryOfPlaceAfter(document, sentence, match, ["in", "at", "near"]) ?? targets?[0].Country ??
                              (dateline is not null && !mentions.Any(m => !m.Locative && m.Country is not null && m.Country != dateline) ? dateline : null);
            if (victims is not null)
            {
                return (null, [Make(victims, role)], true, "mass violence, perpetrator not named: null source, the civilians of the country where it happened (CODING_RULES 5)");
            }
        }

        return null;
    }

    /// <summary>
    /// The country of a place named after one of <paramref name="prepositions"/> (and "the city|town|village of")
    /// behind a trigger, by the gazetteer: "pulling its troops out of the city of Kherson" -> UKR, "the massacre
    /// of 108 people in the town of Houla" -> SYR.
    /// </summary>
    private string? CountryOfPlaceAfter(Document document, Sentence sentence, PatternMatch match, string[] prepositions)
    {
        int limit = Math.Min(sentence.TokenEnd, match.TriggerEnd + 12);
        for (int t = match.TriggerEnd + 1; t < limit; t++)
        {
            if (IsClauseBreak(document, t))
            {
                break;
            }

            if (!ActorStage.Is(document, t, prepositions))
            {
                continue;
            }

            int first = t + 1;
            while (first < limit && ActorStage.Is(document, first, "the", "city", "town", "village", "region", "province", "district", "of"))
            {
                first++;
            }

            if (first >= limit || document.TokenText(first).Length == 0 || !char.IsUpper(document.TokenText(first)[0]))
            {
                continue;
            }

            var gazetteer = Dyad.Lexicon.Geo.Gazetteer.Default;
            var found = gazetteer.Lookup(document.TokenText(first), allowVariants: false);
            if (!found.Found || gazetteer[found.Places[0]] is not { Kind: Dyad.Lexicon.Geo.PlaceKind.City or Dyad.Lexicon.Geo.PlaceKind.Admin1 } place)
            {
                continue;
            }

            foreach (var (code, alpha2) in _lexicon.Actors.CountryIso2)
            {
                if (alpha2 == place.Country && code.Length == 3)
                {
                    return code;
                }
            }
        }

        return null;
    }

    private static bool IsForceCode(string code) =>
        code.StartsWith("18", StringComparison.Ordinal) || code.StartsWith("19", StringComparison.Ordinal) || code.StartsWith("20", StringComparison.Ordinal);

    private static bool ProtestWordIn(Document document, Sentence sentence)
    {
        for (int t = sentence.TokenStart; t < sentence.TokenEnd; t++)
        {
            if (ActorStage.Is(document, t, "protest", "protests", "rally", "rallies", "demonstration", "demonstrations", "protesters", "demonstrators"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Force posture (15x) and military withdrawal (0874): acts aimed at a rival, never at one's own forces.</summary>
    private static bool IsPostureCode(string code) =>
        (code.StartsWith("15", StringComparison.Ordinal) && code is not ("151" or "153")) || code == "0874";

    private static bool IsDomesticCode(string code) =>
        code.StartsWith("081", StringComparison.Ordinal) || code.StartsWith("172", StringComparison.Ordinal) || code is "1724" or "1723";

    private static bool IsSpeechCode(string code) =>
        code.Length >= 2 && (code[..2] is "01" or "02" or "03" or "05" or "10" or "11" or "12" or "13" || code.StartsWith("016", StringComparison.Ordinal));

    /// <summary>
    /// A future or planned act (CODING_RULES 10): cooperation becomes intent (03x, keeping the kind: 072 military
    /// aid -> 0332), force becomes a threat (13x).
    /// </summary>
    private static string FutureCode(string code) => code switch
    {
        _ when code.StartsWith("04", StringComparison.Ordinal) => "036",
        _ when code.StartsWith("05", StringComparison.Ordinal) => "032",
        "061" => "0311",
        "062" => "0312",
        "063" => "0313",
        "064" => "0314",
        _ when code.StartsWith("06", StringComparison.Ordinal) => "031",
        "071" => "0331",
        "072" => "0332",
        "073" => "0333",
        "074" => "0334",
        _ when code.StartsWith("07", StringComparison.Ordinal) => "033",
        _ when code.StartsWith("081", StringComparison.Ordinal) => "0351",
        "082" => "0352",
        _ when code.StartsWith("084", StringComparison.Ordinal) => "0353",
        "085" => "0354",
        "086" => "0355",
        _ when code.StartsWith("087", StringComparison.Ordinal) => "0356",
        _ when code.StartsWith("08", StringComparison.Ordinal) => "035",
        _ when code.StartsWith("163", StringComparison.Ordinal) => "1312",
        _ when code.StartsWith("18", StringComparison.Ordinal) || code.StartsWith("19", StringComparison.Ordinal) || code.StartsWith("20", StringComparison.Ordinal) => "138",
        _ when code.StartsWith("14", StringComparison.Ordinal) || code.StartsWith("15", StringComparison.Ordinal) || code.StartsWith("16", StringComparison.Ordinal) || code.StartsWith("17", StringComparison.Ordinal) => "130",
        _ => code,
    };

    /// <summary>
    /// Codebook precedence by the actors' roles: force used on protesters is repression (175); an attack by
    /// non-state or unidentified actors on civilians, students or pilgrims is an assault (180); killing an
    /// official by anyone but an army or government is an assassination (186).
    /// </summary>
    private static string RefineByRoles(string code, string? source, string? target, string triggerText)
    {
        string? targetRole = target is { Length: 6 } ? target[3..] : null;
        string? sourceRole = source is { Length: 6 } ? source[3..] : null;
        if (code is "190" or "193" && targetRole == "OPP" && sourceRole is "COP" or "MIL" or "GOV")
        {
            return "175";
        }

        if (code == "190" && targetRole is "CVL" or "EDU" or "REF" && sourceRole is "REB" or "UAF" or "CRM" or null)
        {
            return "180";
        }

        // Expelling diplomats is 161, expelling other people 174 (CODING_RULES 3).
        bool expel = triggerText.Contains("expel", StringComparison.OrdinalIgnoreCase) || triggerText.Contains("expul", StringComparison.OrdinalIgnoreCase);
        if (expel && code == "174" && targetRole == "GOV")
        {
            return "161";
        }

        // An attack by anyone on armed forces or police is fighting (190); 180 is for attacks on civilians (CODING_RULES 16).
        if (code == "180" && targetRole is "MIL" or "COP" && triggerText.StartsWith("attack", StringComparison.OrdinalIgnoreCase))
        {
            return "190";
        }

        // Killing an official outside combat is an assassination (186): "gunmen shot dead the governor".
        bool killing = triggerText.Contains("dead", StringComparison.OrdinalIgnoreCase) || triggerText.Contains("kill", StringComparison.OrdinalIgnoreCase) ||
                       triggerText.Contains("murder", StringComparison.OrdinalIgnoreCase);
        if (killing && code is "190" or "193" or "180" && targetRole == "GOV" && sourceRole is not ("MIL" or "GOV"))
        {
            return "186";
        }

        return code;
    }

    /// <summary>A pattern found at a trigger.</summary>
    private sealed record PatternMatch(VerbPattern Pattern, int Trigger, int End, int TriggerEnd, ActorMention? SlotSource, ActorMention? SlotTarget);

    /// <summary>Per-sentence lookups for matching: which non-locative mention starts at or covers a token.</summary>
    private sealed class SentenceIndex
    {
        public SentenceIndex(Sentence sentence, List<ActorMention> mentions)
        {
            Sentence = sentence;
            StartsAt = new ActorMention?[sentence.TokenCount];
            Covered = new bool[sentence.TokenCount];
            GroupLast = [];
            foreach (var m in mentions)
            {
                GroupLast[m.Group] = Math.Max(GroupLast.GetValueOrDefault(m.Group, -1), m.Last);
                if (m.Locative)
                {
                    continue;
                }

                StartsAt[m.First - sentence.TokenStart] ??= m;
                for (int t = m.First; t <= m.Last; t++)
                {
                    Covered[t - sentence.TokenStart] = true;
                }
            }
        }

        public Sentence Sentence { get; }

        public ActorMention?[] StartsAt { get; }

        public bool[] Covered { get; }

        public Dictionary<int, int> GroupLast { get; }

        public ActorMention? MentionAt(int token) => token >= Sentence.TokenStart && token < Sentence.TokenEnd ? StartsAt[token - Sentence.TokenStart] : null;
    }

    private const int UnknownYet = -2;

    private List<PatternMatch> FindMatches(Document document, LexicalLayer lexical, Sentence sentence, List<ActorMention> mentions, ref int appealVerb)
    {
        var matches = new List<PatternMatch>();
        var index = new SentenceIndex(sentence, mentions);
        var present = new HashSet<int>();
        for (int t = sentence.TokenStart; t < sentence.TokenEnd; t++)
        {
            foreach (int id in lexical.Candidates(t))
            {
                if (id >= 0)
                {
                    present.Add(id);
                }
            }
        }

        int i = sentence.TokenStart;
        while (i < sentence.TokenEnd)
        {
            if (index.Covered[i - sentence.TokenStart])
            {
                i++;
                continue;
            }

            PatternMatch? best = null;
            foreach (int id in lexical.Candidates(i))
            {
                if (id < 0)
                {
                    continue;
                }

                foreach (var pattern in _lexicon.Verbs.TriggeredBy(id))
                {
                    if (best is not null && pattern.Specificity < best.Pattern.Specificity)
                    {
                        break;
                    }

                    if (!AllPresent(pattern.RequiredWords, present))
                    {
                        continue;
                    }

                    if ((pattern.Flags & PatternFlags.Demanded) != 0)
                    {
                        appealVerb = appealVerb == UnknownYet ? AppealVerb(document, sentence) : appealVerb;
                        if (appealVerb < 0)
                        {
                            continue; // a demanded act needs an appeal verb in its sentence
                        }
                    }

                    var match = TryMatch(document, lexical, index, pattern, i);
                    if (match is not null && (best is null || match.Pattern.Specificity > best.Pattern.Specificity ||
                        (match.Pattern.Specificity == best.Pattern.Specificity && match.End > best.End)))
                    {
                        best = match;
                    }
                }
            }

            if (best is not null)
            {
                matches.Add(best);
                i = best.TriggerEnd + 1;
            }
            else
            {
                i++;
            }
        }

        return matches;
    }

    private static bool AllPresent(int[][] required, HashSet<int> present)
    {
        foreach (int[] alternatives in required)
        {
            bool any = false;
            foreach (int id in alternatives)
            {
                if (present.Contains(id))
                {
                    any = true;
                    break;
                }
            }

            if (!any)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>What a match has bound so far; passed by reference through the recursion (no allocation).</summary>
    private struct MatchState
    {
        public ActorMention? Source;
        public ActorMention? Target;
        public int LastWord;
    }

    private static PatternMatch? TryMatch(Document document, LexicalLayer lexical, SentenceIndex index, VerbPattern pattern, int start)
    {
        // Cheap rejection: a required word right after the trigger must be there.
        var elements = pattern.Elements;
        if (elements.Length > 1 && !elements[1].Optional && elements[1].Kind is PatternElementKind.Lemma or PatternElementKind.Surface &&
            (start + 1 >= index.Sentence.TokenEnd || !WordMatches(lexical, elements[1], start + 1)))
        {
            return null;
        }

        var state = new MatchState { LastWord = start };
        int end = MatchFrom(document, lexical, index, pattern, 0, start, ref state);
        return end < 0 ? null : new PatternMatch(pattern, start, end, Math.Max(start, state.LastWord), state.Source, state.Target);
    }

    /// <summary>Matches elements from <paramref name="element"/> at <paramref name="position"/>; returns the index after the match or -1.</summary>
    private static int MatchFrom(Document document, LexicalLayer lexical, SentenceIndex index, VerbPattern pattern, int element, int position, ref MatchState state)
    {
        if (element == pattern.Elements.Length)
        {
            return position;
        }

        if (pattern.Elements[element].Optional)
        {
            var saved = state;
            int taken = MatchOne(document, lexical, index, pattern, element, position, ref state);
            if (taken >= 0)
            {
                return taken;
            }

            state = saved;
            return MatchFrom(document, lexical, index, pattern, element + 1, position, ref state);
        }

        return MatchOne(document, lexical, index, pattern, element, position, ref state);
    }

    private static int MatchOne(Document document, LexicalLayer lexical, SentenceIndex index, VerbPattern pattern, int element, int position, ref MatchState state)
    {
        var e = pattern.Elements[element];
        var sentence = index.Sentence;
        switch (e.Kind)
        {
            case PatternElementKind.Lemma:
            case PatternElementKind.Surface:
            {
                if (position >= sentence.TokenEnd || !WordMatches(lexical, e, position))
                {
                    return -1;
                }

                int after = MatchFrom(document, lexical, index, pattern, element + 1, position + 1, ref state);
                if (after >= 0 && position > state.LastWord)
                {
                    state.LastWord = position;
                }

                return after;
            }

            case PatternElementKind.Gap:
            case PatternElementKind.Skip: // like a gap, but may pass over an actor
                for (int skip = 0; skip <= MaxGap; skip++)
                {
                    int p = position + skip;
                    if (p > sentence.TokenEnd)
                    {
                        break;
                    }

                    if (skip > 0)
                    {
                        int t = p - 1;
                        if (t >= sentence.TokenEnd || IsClauseBreak(document, t) || (e.Kind == PatternElementKind.Gap && index.MentionAt(t) is not null))
                        {
                            break;
                        }
                    }

                    var saved = state;
                    int result = MatchFrom(document, lexical, index, pattern, element + 1, p, ref state);
                    if (result >= 0)
                    {
                        return result;
                    }

                    state = saved;
                }

                return -1;
            default:
            {
                int q = position;
                if (q < sentence.TokenEnd && ActorStage.Is(document, q, "the", "a", "an", "its", "their", "his", "her"))
                {
                    q++;
                }

                if (q < sentence.TokenEnd && index.MentionAt(q) is null && IsNumber(document, q))
                {
                    q++; // "expelled 45 Russian diplomats", "killed three Afghan soldiers"
                }

                var mention = index.MentionAt(q);
                if (mention is null)
                {
                    return -1;
                }

                if (e.Kind == PatternElementKind.Target)
                {
                    state.Target = mention;
                }
                else
                {
                    state.Source = mention;
                }

                // "between $S and $T": the slot takes one member of the compound, the pattern's "and" the other.
                bool andFollows = element + 1 < pattern.Elements.Length && pattern.Elements[element + 1].Kind is PatternElementKind.Lemma or PatternElementKind.Surface &&
                                  mention.Last + 1 < sentence.TokenEnd && ActorStage.Is(document, mention.Last + 1, "and") && WordMatches(lexical, pattern.Elements[element + 1], mention.Last + 1);
                return MatchFrom(document, lexical, index, pattern, element + 1, andFollows ? mention.Last + 1 : index.GroupLast[mention.Group] + 1, ref state);
            }
        }
    }

    private static bool WordMatches(LexicalLayer lexical, PatternElement e, int position)
    {
        foreach (int id in e.Ids)
        {
            if (e.Kind == PatternElementKind.Surface ? lexical.FormIds[position] == id : lexical.HasLemma(position, id))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsVerbToken(LexicalLayer lexical, int t)
    {
        foreach (int id in lexical.Candidates(t))
        {
            if (id >= 0 && _lexicon.Verbs.TriggeredBy(id).Length > 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsNumber(Document document, int t)
    {
        var w = document.TokenText(t);
        return (w.Length > 0 && char.IsAsciiDigit(w[0])) || ActorStage.Is(document, t, "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens", "hundreds", "thousands", "several", "some");
    }

    private static bool IsClauseBreak(Document document, int t) => ActorStage.Is(document, t, ".", ";", ":", "!", "?");

    private (List<ActorMention>? Sources, List<ActorMention>? Targets) AssignActors(Document document, DependencyTree? tree, Sentence sentence, List<ActorMention> mentions, PatternMatch match, List<ActorMention>? lastSource)
    {
        var actorMentions = mentions.Where(m => !m.Locative).ToList();
        ActorMention? source = match.SlotSource;
        ActorMention? target = match.SlotTarget;
        if (source is not null && target is not null && source.Group == target.Group && source != target)
        {
            return ([source], [target]); // "a meeting between $S and $T": the two members of one compound, each in its slot
        }

        bool noTarget = (match.Pattern.Flags & PatternFlags.NoTarget) != 0;
        bool passive = (match.Pattern.Flags & PatternFlags.Passive) != 0 || IsPassive(document, sentence, match.Trigger);
        bool nominal = !passive && IsNominal(document, sentence, match.Trigger);

        // A pattern that ends in a preposition ("cut ties with", "opened fire on") names its target right after it.
        if (target is null && !noTarget && match.End == match.TriggerEnd + 1 && match.TriggerEnd + 1 < sentence.TokenEnd &&
            ActorStage.Is(document, match.TriggerEnd, "with", "against", "on", "at", "toward", "towards", "into", "upon", "between"))
        {
            target = FirstMentionAfter(document, actorMentions, match.End, Math.Min(sentence.TokenEnd, match.End + 3), skipOfChains: false);
        }

        // A visit's destination ("is due in Moscow", "arrived in Beijing") is its host: the place stands for its country.
        if (target is null && !noTarget && (match.Pattern.Code.StartsWith("04", StringComparison.Ordinal) || match.Pattern.Code == "036") && match.End == match.TriggerEnd + 1 &&
            match.End < sentence.TokenEnd && ActorStage.Is(document, match.TriggerEnd, "in", "to") &&
            mentions.FirstOrDefault(m => m.First == match.End && m.Locative && m.Country is not null && m.Kind is ActorMentionKind.Metonym or ActorMentionKind.Country) is { } destination &&
            !(tree is not null && tree.Child(match.Trigger, "nsubj") is int subject && subject >= 0 && ActorStage.Is(document, subject, Vehicles)))
        {
            target = new ActorMention(destination.First, destination.Last, destination.Code, destination.Kind, false, destination.Evidence) { Group = destination.Group };
            actorMentions.Add(target);
        }

        // The tree decides next; the word-order heuristics below fill only what it leaves open.
        var syntax = tree is null ? null : SyntacticActors.Read(document, tree, actorMentions, match.Trigger, match.TriggerEnd, source);
        bool sourceSettled = source is not null;
        if (syntax is not null)
        {
            passive = syntax.Roles.Passive || (match.Pattern.Flags & PatternFlags.Passive) != 0;
            nominal = syntax.Roles.Nominal && !passive;
            if (source is null && syntax.Source is not null)
            {
                source = syntax.Source;
                sourceSettled = true;
            }
            else if (source is null && lastSource is { Count: >= 2 } && IsCollectiveAnaphor(document, sentence, match.Trigger))
            {
                // "The two countries also criticised Israel": the compound named before.
                return (lastSource, noTarget ? null : Group(actorMentions, target ?? syntax.Target ?? TargetAfter(document, actorMentions, sentence, match, nominal, null)));
            }
            else if (source is null && syntax.SourceIsPronoun && syntax.Roles.Source >= 0 && ActorStage.Is(document, syntax.Roles.Source, "I", "we", "We") &&
                     QuoteSpeaker(document, sentence, actorMentions, match.Trigger) is { } quoted)
            {
                // "Erdogan wrote: 'I would like to express my sympathy ...'": the first person of a quote is its speaker.
                source = quoted;
                sourceSettled = true;
            }
            else if (source is null && syntax.SourceIsPronoun && lastSource is not null)
            {
                return (lastSource, noTarget ? null : Group(actorMentions, target ?? syntax.Target ?? TargetAfter(document, actorMentions, sentence, match, nominal, null)));
            }
            else if (source is null && syntax.SourceIsNonActor)
            {
                sourceSettled = true; // the subject is a word the dictionaries do not code ("gunmen", "the company")
            }

            if (target is not null && source is not null && target.Group == source.Group)
            {
                target = null;
            }

            if (target is null && syntax.Target is not null && (source is null || syntax.Target.Group != source.Group))
            {
                target = syntax.Target;
            }
            else if (target is null && syntax.TargetIsPronoun && !noTarget)
            {
                // "deported X ... and banned him": the pronoun stands for the nearest earlier actor other than the source.
                target = actorMentions.LastOrDefault(m => m.Last < match.Trigger && (source is null || m.Group != source.Group));
                if (target is null)
                {
                    return (source is null ? null : Group(actorMentions, source), null);
                }
            }
        }

        if (syntax is not null && target is null && (match.Pattern.Flags & PatternFlags.Reciprocal) != 0 && source is not null)
        {
            // A joint act's other party may hang on the noun with "from" ("X's trilateral statement from Armenia").
            foreach (int c in tree!.Children(syntax.Roles.Anchor))
            {
                if (tree.Relation(c) == "nmod" && tree.CaseMarker(c) is int marker && marker >= 0 && ActorStage.Is(document, marker, "from") &&
                    SyntacticActors.MentionFor(tree, actorMentions, c, match.Trigger, match.TriggerEnd) is { } otherParty && otherParty.Group != source.Group)
                {
                    target = otherParty;
                    break;
                }
            }
        }

        if (syntax is not null && syntax.Roles.Nominal && source is null && match.Pattern.Code.StartsWith("04", StringComparison.Ordinal) &&
            ClauseRoles.GoverningSubject(document, tree!, syntax.Roles.Anchor, []) is int party && party >= 0 &&
            SyntacticActors.MentionFor(tree!, actorMentions, party, match.Trigger, match.TriggerEnd) is { } participant &&
            (target is null || participant.Group != target.Group))
        {
            source = participant; // "Fidan visited Baku for talks with Bayramov": the visitor takes part in the talks
            sourceSettled = true;
        }

        if (syntax is not null && syntax.Roles.Passive && match.Trigger + 1 < sentence.TokenEnd && ActorStage.Is(document, match.Trigger + 1, "to") &&
            ActorStage.Is(document, match.Trigger, "expected", "scheduled", "set", "slated", "supposed"))
        {
            // "Blinken is expected to meet Qin": the subject of a raising verb is the one who will act, not a target.
            if (source is null && target is not null)
            {
                source = target;
                sourceSettled = true;
            }

            target = match.SlotTarget;
            passive = false;
        }

        if (syntax is not null && syntax.Roles.Nominal && source is null)
        {
            // The tree found no agent of the noun: the word-order reading of v1 decides ("the firing of X on Y").
            passive = (match.Pattern.Flags & PatternFlags.Passive) != 0 || IsPassive(document, sentence, match.Trigger);
            nominal = !passive && IsNominal(document, sentence, match.Trigger);
        }

        if (source is null && !sourceSettled && (passive || nominal))
        {
            // "attacked by X", "the firing of/by X on Y".
            int limit = Math.Min(sentence.TokenEnd, match.End + 12);
            for (int t = match.End; t < limit; t++)
            {
                if (IsClauseBreak(document, t))
                {
                    break;
                }

                bool agentCue = ActorStage.Is(document, t, "by") || (nominal && t == match.End && ActorStage.Is(document, t, "of"));
                if (agentCue)
                {
                    source = FirstMentionAfter(document, actorMentions, t + 1, Math.Min(sentence.TokenEnd, t + 10), skipOfChains: true);
                    if (source is not null)
                    {
                        break;
                    }
                }
            }
        }

        if (source is null && nominal && match.SlotSource is null)
        {
            source = MentionRules.PossessorOf(document, actorMentions, match.Trigger); // "Eriador's death toll", "Russia's attack on"
        }

        if (nominal && source is not null && source.First > match.Trigger && match.SlotSource is null && match.Pattern.Code.StartsWith("11", StringComparison.Ordinal))
        {
            // "provocations by Armenia", "the aggression of X": a disapproving noun names the accused; the
            // accuser is the sentence's speaker (CODING_RULES 8: the speech act is coded, source = speaker).
            var accused = source;
            var speaker = SentenceSubject(document, actorMentions, sentence, match.Trigger);
            if (IsAccusationNoun(document, match.Trigger) && speaker is not null && speaker.Group != accused.Group)
            {
                // "Ukrainian accusations", "accusations by Blinken": the noun's owner is the accuser and the
                // speaker who answers them is the accused (the embedded accusation of CODING_RULES 14).
                return (Group(actorMentions, accused), Group(actorMentions, speaker));
            }

            if (speaker is null && lastSource is not null && accused.Group != lastSource[0].Group)
            {
                return (lastSource, Group(actorMentions, accused));
            }

            return speaker is null || speaker.Group == accused.Group ? (null, null) : (Group(actorMentions, speaker), Group(actorMentions, accused));
        }

        if (passive && target is null && !noTarget)
        {
            target = NearestBefore(document, actorMentions, sentence, match.Trigger);
        }

        if (source is null && !sourceSettled && !passive && !nominal)
        {
            // "Gunmen shot dead the governor ..., also wounding several residents": the participle's subject is the sentence's.
            source = MentionRules.IsParticipleAfterComma(document, sentence, match.Trigger) ? SentenceSubject(document, actorMentions, sentence, match.Trigger) : null;
            source ??= NearestBefore(document, actorMentions, sentence, match.Trigger);
            if (source is not null && lastSource is not null && PronounSubjectAfter(document, source.Last, match.Trigger))
            {
                // "Qureshi's earlier stops were Kabul and Tehran, and he is due in Moscow": "he" is the subject, not Tehran.
                return (lastSource, noTarget ? null : Group(actorMentions, target ?? TargetAfter(document, actorMentions, sentence, match, nominal, null)));
            }
            if (source is null && lastSource is not null && HasPronounSubject(document, sentence, match.Trigger))
            {
                return (lastSource, noTarget ? null : Group(actorMentions, target ?? TargetAfter(document, actorMentions, sentence, match, nominal, source)));
            }
        }

        if (target is null && !noTarget && !passive)
        {
            target = TargetAfter(document, actorMentions, sentence, match, nominal, source);
        }

        if (target is not null && source is not null && target.Group == source.Group && match.SlotTarget is null)
        {
            target = null;
        }

        bool reciprocal = (match.Pattern.Flags & PatternFlags.Reciprocal) != 0;
        if (reciprocal && match.SlotTarget is null)
        {
            // "X and Y held talks" / "talks between X and Y": the act is among the members of one compound.
            var between = match.End < sentence.TokenEnd && ActorStage.Is(document, match.End, "between", "among")
                ? FirstMentionAfter(document, actorMentions, match.End + 1, Math.Min(sentence.TokenEnd, match.End + 4), skipOfChains: false)
                : null;
            var pool = between ?? source;
            var members = Group(actorMentions, pool);
            // A counterpart introduced by "with" ("talks with X"); "with their envoys" refers back to the compound itself.
            bool targetByWith = target is not null && target.First > 0 && ActorStage.Is(document, target.First - 1, "with") ||
                                target is not null && target.First > 1 && ActorStage.Is(document, target.First - 2, "with") && ActorStage.Is(document, target.First - 1, "the");
            if (members is { Count: >= 2 } && (between is not null || !targetByWith))
            {
                return (members, null);
            }
        }

        var lexicalLayer = document.GetLayer<LexicalLayer>();
        if (target is not null && match.SlotTarget is null && MentionRules.IsTrailingSpeaker(document, sentence, target, t => IsVerbToken(lexicalLayer, t)))
        {
            target = null; // "..., a senior official said": the reporter is not the object
        }

        if (target is null && !noTarget && !reciprocal)
        {
            // The pattern's own words name the target: "killed dozens of protesters", "clashed with police".
            target = actorMentions.FirstOrDefault(m => m.First > match.Trigger && m.Last < match.End && (source is null || m.Group != source.Group));
        }

        return (Group(actorMentions, source), Group(actorMentions, target));
    }

    private static List<ActorMention>? Group(List<ActorMention> mentions, ActorMention? mention) =>
        mention is null ? null : mentions.Where(m => m.Group == mention.Group).ToList();

    private static ActorMention? TargetAfter(Document document, List<ActorMention> mentions, Sentence sentence, PatternMatch match, bool nominal, ActorMention? source)
    {
        int from = Math.Max(match.End, source is not null && source.First > match.Trigger ? source.Last + 1 : match.End);
        int limit = Math.Min(sentence.TokenEnd, from + (nominal ? 30 : 12));
        if (nominal)
        {
            for (int t = from; t < limit; t++)
            {
                if (IsClauseBreak(document, t))
                {
                    return null;
                }

                if (TargetPrepositions.Contains(Vocabulary.Fold(document.TokenText(t))))
                {
                    return FirstMentionAfter(document, mentions, t + 1, Math.Min(sentence.TokenEnd, t + 10), skipOfChains: true);
                }
            }

            return null;
        }

        return FirstMentionAfter(document, mentions, from, limit, skipOfChains: false);
    }

    private static ActorMention? FirstMentionAfter(Document document, List<ActorMention> mentions, int from, int limit, bool skipOfChains)
    {
        foreach (var m in mentions)
        {
            if (m.First < from)
            {
                continue;
            }

            if (m.First >= limit)
            {
                break;
            }

            for (int t = from; t < m.First; t++)
            {
                if (IsClauseBreak(document, t))
                {
                    return null;
                }
            }

            return m;
        }

        return null;
    }

    private static ActorMention? NearestBefore(Document document, List<ActorMention> mentions, Sentence sentence, int trigger)
    {
        ActorMention? fallback = null;
        for (int k = mentions.Count - 1; k >= 0; k--)
        {
            var m = mentions[k];
            if (m.Last >= trigger)
            {
                continue;
            }

            bool crossesBreak = false;
            for (int t = m.Last + 1; t < trigger; t++)
            {
                if (ActorStage.Is(document, t, ";", ":"))
                {
                    crossesBreak = true;
                    break;
                }
            }

            if (crossesBreak)
            {
                break;
            }

            // The preposition that matters is the one before the head of the compound ("with Putin and Blinken").
            var head = mentions.First(x => x.Group == m.Group);
            int before = head.First - 1;
            bool afterPreposition = before >= sentence.TokenStart && ActorStage.Is(document, before, "of", "to", "with", "for", "from", "on", "against", "by", "about", "between", "over", "among");
            if (!afterPreposition)
            {
                return head;
            }

            fallback ??= head;
            k = mentions.IndexOf(head);
        }

        return fallback;
    }

    /// <summary>
    /// True when <paramref name="subject"/> stands after an earlier verb's trigger (so it is that verb's object or
    /// complement) and only "and" (no relative pronoun or new clause) joins the two verbs.
    /// </summary>
    private static bool IsCoordinatedVerb(Document document, PatternMatch earlier, ActorMention subject, int subjectEnd, PatternMatch current)
    {
        if (subject.First <= earlier.Trigger || subjectEnd >= current.Trigger)
        {
            return false;
        }

        // The "and" inside a compound subject ("Colombia and Chile recalled") does not coordinate verbs.
        bool sawAnd = false;
        for (int t = subjectEnd + 1; t < current.Trigger; t++)
        {
            string w = Vocabulary.Fold(document.TokenText(t));
            if (w is "and" or "then")
            {
                sawAnd = true;
            }
            else if (w is "who" or "which" or "that" or "whose" or ";" or ":" or "said" or "says")
            {
                return false;
            }
        }

        return sawAnd;
    }

    /// <summary>The first actor of the sentence before the trigger that is not inside a prepositional phrase.</summary>
    private static ActorMention? SentenceSubject(Document document, List<ActorMention> mentions, Sentence sentence, int trigger)
    {
        foreach (var m in mentions)
        {
            if (m.First >= trigger)
            {
                break;
            }

            int before = m.First - 1;
            bool afterPreposition = before >= sentence.TokenStart && ActorStage.Is(document, before, "of", "to", "with", "for", "from", "on", "against", "by", "about", "between", "over", "in", "at");
            if (!afterPreposition)
            {
                return m;
            }
        }

        return null;
    }

    private static bool StartsWithPluralPronoun(Document document, Sentence sentence) =>
        sentence.TokenCount > 1 && ActorStage.Is(document, sentence.TokenStart, "they", "both");

    /// <summary>"the two countries", "both sides", "the two leaders" shortly before the trigger: a plural anaphor of a compound.</summary>
    private static bool IsCollectiveAnaphor(Document document, Sentence sentence, int trigger)
    {
        for (int t = Math.Max(sentence.TokenStart, trigger - 6); t + 1 < trigger; t++)
        {
            if (ActorStage.Is(document, t, "two", "both") &&
                ActorStage.Is(document, t + 1, "countries", "sides", "leaders", "ministers", "nations", "governments", "presidents", "neighbours", "neighbors"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when "he" or "she" stands shortly before the trigger (the subject is a person).</summary>
    private static bool PersonalPronounBefore(Document document, Sentence sentence, int trigger)
    {
        for (int t = Math.Max(sentence.TokenStart, trigger - 6); t < trigger; t++)
        {
            if (ActorStage.Is(document, t, "he", "she"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"he", "she" or "they" after <paramref name="after"/> within three words of the trigger ("and he is due in").</summary>
    private static bool PronounSubjectAfter(Document document, int after, int trigger)
    {
        for (int t = Math.Max(after + 1, trigger - 3); t < trigger; t++)
        {
            if (ActorStage.Is(document, t, "he", "she", "they"))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasPronounSubject(Document document, Sentence sentence, int trigger)
    {
        for (int t = Math.Max(sentence.TokenStart, trigger - 6); t < trigger; t++)
        {
            if (Pronouns.Contains(Vocabulary.Fold(document.TokenText(t))))
            {
                return true;
            }
        }

        return trigger - sentence.TokenStart <= 3;
    }

    private static bool IsPassive(Document document, Sentence sentence, int trigger)
    {
        ReadOnlySpan<char> word = document.TokenText(trigger);
        bool participle = word.EndsWith("ed", StringComparison.OrdinalIgnoreCase) || word.EndsWith("en", StringComparison.OrdinalIgnoreCase) ||
                          word is "held" or "shot" or "hit" or "struck" or "seized" or "met" or "sent" or "fought" or "taken" or "built" or "led" or "sought" or "thrown" or "withdrawn" or "put" or "cut" or "set";
        if (!participle)
        {
            return false;
        }

        if (trigger + 1 < sentence.TokenEnd && ActorStage.Is(document, trigger + 1, "by"))
        {
            return true; // reduced relative: "talks hosted by Germany"
        }

        for (int t = trigger - 1; t >= Math.Max(sentence.TokenStart, trigger - 3); t--)
        {
            string w = Vocabulary.Fold(document.TokenText(t));
            if (BeForms.Contains(w))
            {
                return true;
            }

            if (!(w.EndsWith("ly", StringComparison.Ordinal) || w is "not" or "also" or "reportedly" or "allegedly" or "then"))
            {
                return false;
            }
        }

        return false;
    }

    private static bool IsNominal(Document document, Sentence sentence, int trigger)
    {
        if (trigger == sentence.TokenStart)
        {
            return false;
        }

        string previous = Vocabulary.Fold(document.TokenText(trigger - 1));
        if (trigger - 2 >= sentence.TokenStart && LightVerbs.Contains(Vocabulary.Fold(document.TokenText(trigger - 2))))
        {
            return false; // "held a meeting", "launched an attack": the subject of the light verb is the source
        }

        return NominalCues.Contains(previous) || (previous.EndsWith("ive", StringComparison.Ordinal) && trigger - 2 >= sentence.TokenStart && Vocabulary.Fold(document.TokenText(trigger - 2)) is "the" or "a" or "an");
    }

    /// <summary>"each other", "one another" or "the other" inside the pattern's words or within three words after them.</summary>
    private static bool EachOtherAfter(Document document, Sentence sentence, PatternMatch match)
    {
        for (int t = match.Trigger + 1; t < Math.Min(sentence.TokenEnd - 1, match.TriggerEnd + 4); t++)
        {
            if ((ActorStage.Is(document, t, "each", "one", "the") && ActorStage.Is(document, t + 1, "other", "another")) ||
                (ActorStage.Is(document, t, "one") && ActorStage.Is(document, t + 1, "another")))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The hosted actor stands right by the host verb: "hosted Ukraine's minister", "Bayramov was hosted by".</summary>
    private static bool HostsTheVisitor(PatternMatch match, ActorMention target) =>
        (target.First > match.TriggerEnd && target.First - match.TriggerEnd <= 2) || (target.Last < match.Trigger && match.Trigger - target.Last <= 3);

    private static bool ContainsAccusationNoun(Document document, PatternMatch match)
    {
        for (int t = match.Trigger; t < match.End; t++)
        {
            if (IsAccusationNoun(document, t) || ActorStage.Is(document, t, "accusation", "allegation", "claims", "claim", "assumption", "assumptions"))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAccusationNoun(Document document, int trigger) =>
        ActorStage.Is(document, trigger, "accusation", "accusations", "allegation", "allegations", "charges");

    private static bool PrecededBy(Document document, ActorMention mention, string word) =>
        mention.First > 0 && ActorStage.Is(document, mention.First - 1, word);

    private static bool IsAttempt(Document document, Sentence sentence, int trigger) =>
        trigger - 2 >= sentence.TokenStart && ActorStage.Is(document, trigger - 1, "to") &&
        ActorStage.Is(document, trigger - 2, "try", "tries", "tried", "trying", "attempt", "attempts", "attempted", "attempting");

    private static bool IsNegated(Document document, Sentence sentence, int trigger)
    {
        for (int t = trigger - 1; t >= Math.Max(sentence.TokenStart, trigger - 3); t--)
        {
            string w = Vocabulary.Fold(document.TokenText(t));
            if (Negators.Contains(w))
            {
                return true;
            }

            if (w is "," or ";" or "and" or "but")
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>True when "whether" opens the clause of the trigger ("it was not clear whether the two would meet").</summary>
    private static bool IsHedged(Document document, Sentence sentence, int trigger)
    {
        for (int t = trigger - 1; t >= Math.Max(sentence.TokenStart, trigger - 8); t--)
        {
            string w = Vocabulary.Fold(document.TokenText(t));
            if (w == "whether")
            {
                return true;
            }

            if (w is "," or ";" or ":" or "but")
            {
                return false;
            }
        }

        return false;
    }

    private static bool IsFuture(Document document, Sentence sentence, int trigger)
    {
        for (int t = trigger - 1; t >= Math.Max(sentence.TokenStart, trigger - 8); t--)
        {
            string w = Vocabulary.Fold(document.TokenText(t));
            if (Modals.Contains(w))
            {
                return true;
            }

            if (w == "to" && t - 1 >= sentence.TokenStart && IntentVerbs.Contains(Vocabulary.Fold(document.TokenText(t - 1))))
            {
                return true;
            }

            if (w == "to" && t == trigger - 1 && t - 1 >= sentence.TokenStart && ActorStage.Is(document, t - 1, "is", "are"))
            {
                return true; // "is to visit": a planned act
            }

            if (w is "," or ";" or "but" or "said" or "says" or "that" or "after" or "before" or "when" or "which" or "who")
            {
                return false;
            }
        }

        return false;
    }

    private static bool IsUnderAllegation(Document document, Sentence sentence, PatternMatch match)
    {
        for (int t = match.Trigger - 1; t >= Math.Max(sentence.TokenStart, match.Trigger - 10); t--)
        {
            if (AllegationCues.Contains(Vocabulary.Fold(document.TokenText(t))))
            {
                return true;
            }
        }

        return false;
    }

    private bool ContainsDiscard(LexicalLayer lexical, Sentence sentence)
    {
        return (_lexicon.DiscardIds.Count > 0 || _lexicon.DiscardPhrases.Count > 0) &&
               _lexicon.ContainsDiscard(lexical.FormIds.AsSpan(sentence.TokenStart, sentence.TokenEnd - sentence.TokenStart));
    }
}
