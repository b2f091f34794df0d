using System.Collections.Frozen;
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
public sealed class EventStage : IPipelineStage
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
    private static readonly FrozenSet<string> Pronouns = new[] { "he", "she", "they", "it", "we" }.ToFrozenSet();

    private readonly Lexicon.Lexicon _lexicon;

    /// <summary>Creates the stage over <paramref name="lexicon"/>.</summary>
    public EventStage(Lexicon.Lexicon lexicon) => _lexicon = lexicon;

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
        var events = new List<CodedEvent>();
        var seen = new HashSet<(string?, string?, string, bool)>();
        List<ActorMention>? lastSource = null;
        foreach (var sentence in document.Sentences)
        {
            var sentenceMentions = actors.Mentions.Where(m => m.First >= sentence.TokenStart && m.Last < sentence.TokenEnd).ToList();
            bool discard = ContainsDiscard(lexical, sentence);
            var matches = FindMatches(document, lexical, sentence, sentenceMentions);
            foreach (var match in matches)
            {
                string code = match.Pattern.Code;
                if (discard && !(code.StartsWith("018", StringComparison.Ordinal) || code.StartsWith("023", StringComparison.Ordinal) || code.StartsWith("07", StringComparison.Ordinal)))
                {
                    continue;
                }

                if (IsUnderAllegation(document, sentence, match) && !IsSpeechCode(code))
                {
                    continue;
                }

                bool negated = IsNegated(document, sentence, match.Trigger);
                if (IsFuture(document, sentence, match.Trigger))
                {
                    code = FutureCode(code);
                }

                var (sources, targets) = AssignActors(document, lexical, sentence, sentenceMentions, match, lastSource);
                if (sources is null && (targets is null || IsSpeechCode(code)))
                {
                    continue; // nobody to code, or a statement without a known speaker
                }

                lastSource = sources ?? lastSource;

                Emit(document, sentence, match, code, negated, sources, targets, events, seen);
            }
        }

        document.SetLayer(Layer.Events, new EventLayer(events));
    }

    private void Emit(Document document, Sentence sentence, PatternMatch match, string code, bool negated, List<ActorMention>? sources, List<ActorMention>? targets, List<CodedEvent> events, HashSet<(string?, string?, string, bool)> seen)
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
                string? targetCode = target is null ? null : RoleForTarget(target, type.Root);
                if (sourceCode is not null && sourceCode == targetCode)
                {
                    continue;
                }

                Add(sourceCode, source, targetCode, target);
                if ((match.Pattern.Flags & PatternFlags.Reciprocal) != 0 && sourceCode is not null && targetCode is not null)
                {
                    Add(targetCode, target, sourceCode, source);
                }
            }
        }

        void Add(string? sourceCode, ActorMention? source, string? targetCode, ActorMention? target)
        {
            if (!seen.Add((sourceCode, targetCode, type.Code, negated)))
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
                TargetText = target is null ? null : document.Slice(document.TokenRange(target.First, target.Last)),
                TargetSpan = target is null ? null : [document.Token(target.First).Start, document.Token(target.Last).End],
                Code = type.Code,
                CodeName = type.Name,
                Root = type.Root,
                Quad = type.Quad,
                Goldstein = type.Goldstein,
                Negated = negated,
                Plover = type.Plover,
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
                IsSpeechAct = IsSpeechCode(type.Code),
            });
        }
    }

    /// <summary>A bare country acting in a political (non-violent) act is its government.</summary>
    private static string RoleForSource(ActorMention m, string root) =>
        m.Kind == ActorMentionKind.Country && m.Code.Length == 3 ? m.Code + "GOV" : m.Code;

    /// <summary>A bare country addressed by a statement or diplomatic act is its government; aid and force go to the country.</summary>
    private static string RoleForTarget(ActorMention m, string root) =>
        m.Kind == ActorMentionKind.Country && m.Code.Length == 3 && root is "01" or "02" or "03" or "04" or "05" or "06" or "09" or "10" or "11" or "12" or "13" or "16"
            ? m.Code + "GOV"
            : m.Code;

    private static bool IsSpeechCode(string code) =>
        code.Length >= 2 && (code[..2] is "01" or "02" or "03" or "05" or "10" or "11" or "12" or "13" || code.StartsWith("016", StringComparison.Ordinal));

    private static string FutureCode(string code) => code[..2] switch
    {
        "04" => "036",
        "05" => "030",
        "06" => "031",
        "07" => "033",
        "08" => "035",
        "18" or "19" or "20" => "138",
        "14" or "15" or "16" or "17" => "130",
        _ => code,
    };

    /// <summary>A pattern found at a trigger.</summary>
    private sealed record PatternMatch(VerbPattern Pattern, int Trigger, int End, int TriggerEnd, ActorMention? SlotSource, ActorMention? SlotTarget);

    private List<PatternMatch> FindMatches(Document document, LexicalLayer lexical, Sentence sentence, List<ActorMention> mentions)
    {
        var matches = new List<PatternMatch>();
        int i = sentence.TokenStart;
        while (i < sentence.TokenEnd)
        {
            if (mentions.Any(m => i >= m.First && i <= m.Last && !m.Locative))
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

                    var match = TryMatch(document, lexical, sentence, mentions, pattern, i);
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

    private static PatternMatch? TryMatch(Document document, LexicalLayer lexical, Sentence sentence, List<ActorMention> mentions, VerbPattern pattern, int start)
    {
        ActorMention? source = null, target = null;
        int lastWord = start;
        int end = MatchFrom(0, start);
        return end < 0 ? null : new PatternMatch(pattern, start, end, Math.Max(start, lastWord), source, target);

        // Returns the index after the match, or -1.
        int MatchFrom(int element, int position)
        {
            if (element == pattern.Elements.Length)
            {
                return position;
            }

            var e = pattern.Elements[element];
            if (e.Optional)
            {
                int taken = MatchOne(element, position);
                if (taken >= 0)
                {
                    return taken;
                }

                return MatchFrom(element + 1, position);
            }

            return MatchOne(element, position);
        }

        int MatchOne(int element, int position)
        {
            var e = pattern.Elements[element];
            switch (e.Kind)
            {
                case PatternElementKind.Lemma:
                case PatternElementKind.Surface:
                    if (position >= sentence.TokenEnd || !WordMatches(lexical, e, position))
                    {
                        return -1;
                    }

                    int after = MatchFrom(element + 1, position + 1);
                    if (after >= 0 && position > lastWord)
                    {
                        lastWord = position;
                    }

                    return after;
                case PatternElementKind.Gap:
                    for (int skip = 0; skip <= 3; skip++)
                    {
                        int p = position + skip;
                        if (p > sentence.TokenEnd)
                        {
                            break;
                        }

                        if (skip > 0)
                        {
                            int t = p - 1;
                            if (t >= sentence.TokenEnd || IsClauseBreak(document, t) || mentions.Any(m => m.First == t && !m.Locative))
                            {
                                break;
                            }
                        }

                        int result = MatchFrom(element + 1, p);
                        if (result >= 0)
                        {
                            return result;
                        }
                    }

                    return -1;
                default:
                    int q = position;
                    if (q < sentence.TokenEnd && ActorStage.Is(document, q, "the", "a", "an", "its", "their", "his", "her"))
                    {
                        q++;
                    }

                    var mention = mentions.FirstOrDefault(m => m.First == q && !m.Locative);
                    if (mention is null)
                    {
                        return -1;
                    }

                    var groupLast = mentions.Where(m => m.Group == mention.Group).Max(m => m.Last);
                    if (e.Kind == PatternElementKind.Target)
                    {
                        target = mention;
                    }
                    else
                    {
                        source = mention;
                    }

                    return MatchFrom(element + 1, groupLast + 1);
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

    private static bool IsClauseBreak(Document document, int t) => ActorStage.Is(document, t, ".", ";", ":", "!", "?", "\"", "\u201c", "\u201d");

    private (List<ActorMention>? Sources, List<ActorMention>? Targets) AssignActors(Document document, LexicalLayer lexical, Sentence sentence, List<ActorMention> mentions, PatternMatch match, List<ActorMention>? lastSource)
    {
        var actorMentions = mentions.Where(m => !m.Locative).ToList();
        ActorMention? source = match.SlotSource;
        ActorMention? target = match.SlotTarget;
        bool noTarget = (match.Pattern.Flags & PatternFlags.NoTarget) != 0;
        bool passive = (match.Pattern.Flags & PatternFlags.Passive) != 0 || IsPassive(document, sentence, match.Trigger);
        bool nominal = !passive && IsNominal(document, sentence, match.Trigger);

        if (source is null && (passive || nominal))
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

        if (passive && target is null && !noTarget)
        {
            target = NearestBefore(document, actorMentions, sentence, match.Trigger);
        }

        if (source is null && !passive)
        {
            source = NearestBefore(document, actorMentions, sentence, match.Trigger);
            if (source is null && lastSource is not null && HasPronounSubject(document, sentence, match.Trigger))
            {
                return (lastSource, noTarget ? null : Group(actorMentions, TargetAfter(document, actorMentions, sentence, match, nominal, source)));
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

        return (Group(actorMentions, source), Group(actorMentions, target));
    }

    private static List<ActorMention>? Group(List<ActorMention> mentions, ActorMention? mention) =>
        mention is null ? null : mentions.Where(m => m.Group == mention.Group).ToList();

    private static ActorMention? TargetAfter(Document document, List<ActorMention> mentions, Sentence sentence, PatternMatch match, bool nominal, ActorMention? source)
    {
        int from = Math.Max(match.End, source is not null && source.First > match.Trigger ? source.Last + 1 : match.End);
        int limit = Math.Min(sentence.TokenEnd, from + 12);
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

            int before = m.First - 1;
            bool afterPreposition = before >= sentence.TokenStart && ActorStage.Is(document, before, "of", "to", "with", "for", "from", "on", "against", "by", "about", "between", "over");
            if (!afterPreposition)
            {
                // Take the head of its compound group.
                return mentions.First(x => x.Group == m.Group);
            }

            fallback ??= m;
        }

        return fallback;
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
                          word is "held" or "shot" or "hit" or "struck" or "seized" or "met" or "sent" or "fought" or "taken" or "built" or "led" or "sought" or "thrown" or "withdrawn";
        if (!participle)
        {
            return false;
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
        return NominalCues.Contains(previous) || (previous.EndsWith("ive", StringComparison.Ordinal) && trigger - 2 >= sentence.TokenStart && Vocabulary.Fold(document.TokenText(trigger - 2)) is "the" or "a" or "an");
    }

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

    private static bool IsFuture(Document document, Sentence sentence, int trigger)
    {
        for (int t = trigger - 1; t >= Math.Max(sentence.TokenStart, trigger - 3); t--)
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

            if (w is "," or ";" or "and" or "but" or "said")
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
        if (_lexicon.DiscardIds.Count == 0)
        {
            return false;
        }

        for (int t = sentence.TokenStart; t < sentence.TokenEnd; t++)
        {
            if (_lexicon.DiscardIds.Contains(lexical.FormIds[t]))
            {
                return true;
            }
        }

        return false;
    }
}
