using Dyad.Coding.Syntax;
using Dyad.Lexicon;
using Dyad.Text;

namespace Dyad.Coding;

/// <summary>
/// Acts named as what a speaker expects, urges or demands (<see cref="PatternFlags.Demanded"/>): "Azerbaijan
/// expects the withdrawal of Armenian armed groups and the opening of transport links" is one appeal per act
/// (0256, 0211; CODING_RULES 14 and 16), wherever the acts stand relative to the appeal verb.
/// </summary>
public sealed partial class EventStage
{
    /// <summary>Appeal verbs whose object is the act appealed for; "demand" and "insist" make it a demand (10x).</summary>
    private static readonly string[] AppealForms =
    [
        "expect", "expects", "expected", "expecting", "urge", "urges", "urged", "urging", "demand", "demands", "demanded", "demanding",
        "insist", "insists", "insisted", "insisting",
    ];

    private static readonly string[] AppealForPrepositionForms = ["call", "calls", "called", "calling", "appeal", "appeals", "appealed", "appealing", "ask", "asks", "asked", "asking"];

    /// <summary>The first appeal verb of the sentence ("expects", "urged", "called for"), or -1.</summary>
    private static int AppealVerb(Document document, Sentence sentence)
    {
        for (int t = sentence.TokenStart; t < sentence.TokenEnd; t++)
        {
            if (ActorStage.Is(document, t, AppealForms))
            {
                // "as expected", "is expected to": not an appeal.
                bool raising = t > sentence.TokenStart && ActorStage.Is(document, t - 1, "as", "is", "are", "was", "were", "be", "been", "widely");
                if (!raising)
                {
                    return t;
                }
            }
            else if (t + 1 < sentence.TokenEnd && ActorStage.Is(document, t, AppealForPrepositionForms) && ActorStage.Is(document, t + 1, "for"))
            {
                return t;
            }
        }

        return -1;
    }

    private void CodeDemandedAct(
        Document document,
        DependencyTree? tree,
        Sentence sentence,
        List<ActorMention> sentenceMentions,
        PatternMatch match,
        int appealVerb,
        List<ActorMention>? lastSpeaker,
        List<CodedEvent> events,
        HashSet<(string?, string?, string, bool)> seen,
        EventTrace? trace)
    {
        var mentions = sentenceMentions.Where(m => !m.Locative || m.Evidence.Count == 0).ToList();
        var speaker = AppealSpeaker(document, tree, sentence, mentions.Where(m => !m.Locative).ToList(), appealVerb, lastSpeaker);
        if (speaker is null)
        {
            Trace(trace, sentence, match, "not coded", "a demanded act needs the speaker of its appeal verb, and none was found", null, null, null);
            return;
        }

        string? speakerCountry = speaker[0].Country;
        var target = NamedParty(document, sentence, mentions, match, speaker) ?? Counterpart(mentions, speakerCountry) ?? AddresseeOfEarlierAppeal(sentence, mentions, events);
        if (target is null)
        {
            Trace(trace, sentence, match, "not coded", "a demanded act needs the party it is asked of: none is named and no counterpart is known", speaker, null, null);
            return;
        }

        // The addressee of "withdraw the Armenian armed groups" is Armenia's government.
        if (target.Country is string country && target.Code.Length == 6 && target.Code[3..] is "MIL" or "UAF")
        {
            target = new ActorMention(target.First, target.Last, country, ActorMentionKind.Country, false, target.Evidence) { Group = target.Group };
        }

        string code = match.Pattern.Code;
        if (ActorStage.Is(document, appealVerb, "demand", "demands", "demanded", "demanding", "insist", "insists", "insisted", "insisting") &&
            code.StartsWith("02", StringComparison.Ordinal) && _lexicon.Ontology.Find("10" + code[2..]) is not null)
        {
            code = "10" + code[2..]; // CODING_RULES 16: "demanded" and "insisted" are 10
        }

        Trace(trace, sentence, match, "coded", $"an act the speaker asks for ('{document.TokenText(appealVerb)}'): {code}", speaker, [target], null);
        Emit(document, sentence, match, code, negated: false, speaker, [target], events, seen);
    }

    /// <summary>The subject of the appeal verb: an actor, a pronoun for the last speaker, or the sentence's subject.</summary>
    private static List<ActorMention>? AppealSpeaker(Document document, DependencyTree? tree, Sentence sentence, List<ActorMention> mentions, int appealVerb, List<ActorMention>? lastSpeaker)
    {
        if (tree is not null && SyntacticActors.Read(document, tree, mentions, appealVerb, appealVerb, null) is { } syntax)
        {
            if (syntax.Source is not null)
            {
                return Group(mentions, syntax.Source);
            }

            if (syntax.SourceIsPronoun)
            {
                // "he expects": the speaker named earlier in the sentence, else the last one.
                var named = mentions.FirstOrDefault(m => m.First < appealVerb && (m.Kind is ActorMentionKind.Person or ActorMentionKind.Inferred || m.Code.EndsWith("GOV", StringComparison.Ordinal)));
                return named is not null ? Group(mentions, named) : lastSpeaker;
            }
        }

        var subject = SentenceSubject(document, mentions, sentence, appealVerb);
        return subject is null ? null : Group(mentions, subject);
    }

    /// <summary>The actor the act's own words name: "the withdrawal of Armenian armed groups" asks it of Armenia.</summary>
    private static ActorMention? NamedParty(Document document, Sentence sentence, List<ActorMention> mentions, PatternMatch match, List<ActorMention> speaker)
    {
        int limit = Math.Min(sentence.TokenEnd, Math.Max(match.End, match.TriggerEnd + 1) + 4);
        foreach (var m in mentions)
        {
            if (m.First > match.Trigger && m.First < limit && !m.Locative && m.Country is not null && speaker.All(s => s.Country != m.Country) &&
                ActorStage.Is(document, match.Trigger + 1, "of", "by"))
            {
                return m;
            }
        }

        return null;
    }

    /// <summary>
    /// The party of an appeal coded before in the sentence: "demanded the withdrawal of Russian troops and the opening of
    /// transport links" asks both of Russia.
    /// </summary>
    private static ActorMention? AddresseeOfEarlierAppeal(Sentence sentence, List<ActorMention> mentions, List<CodedEvent> events)
    {
        for (int e = events.Count - 1; e >= 0 && events[e].SentenceIndex == sentence.Index; e--)
        {
            if (events[e].Record.Root is "02" or "10" && events[e].TargetTokens is { } tokens)
            {
                return MentionSpanning(mentions, tokens);
            }
        }

        return null;
    }

    /// <summary>The speaker's counterpart among the sentence's pair reference ("between the two countries").</summary>
    private static ActorMention? Counterpart(List<ActorMention> mentions, string? speakerCountry) =>
        speakerCountry is null ? null : mentions.FirstOrDefault(m => m.Kind == ActorMentionKind.Inferred && m.Evidence.Count == 0 && m.Country is not null && m.Country != speakerCountry)
            ?? mentions.FirstOrDefault(m => m.Evidence.Count == 0 && m.Country is not null && m.Country != speakerCountry);
}
