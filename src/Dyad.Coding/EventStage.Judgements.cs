using Dyad.Coding.Syntax;
using Dyad.Lexicon;
using Dyad.Text;

namespace Dyad.Coding;

/// <summary>
/// Judgements a speaker passes on another party's conduct (<see cref="PatternFlags.Judged"/>): "Armenia continues to
/// escalate the situation", "its lack of interest in the peace process", "... are all unacceptable", said by
/// Azerbaijan's deputy minister, are his accusations against Armenia (CODING_RULES 8: the speech act is coded, with
/// the speaker as source). Without a speaker, the words are the reporter's and code nothing.
/// </summary>
public sealed partial class EventStage
{
    private void CodeJudgement(
        Document document,
        DependencyTree? tree,
        Sentence sentence,
        List<ActorMention> sentenceMentions,
        PatternMatch match,
        List<ActorMention>? lastSpeaker,
        List<CodedEvent> events,
        HashSet<(string?, string?, string, bool)> seen,
        EventTrace? trace)
    {
        var actorMentions = sentenceMentions.Where(m => !m.Locative).ToList();
        var speaker = JudgingSpeaker(document, tree, sentence, actorMentions, match.Trigger, lastSpeaker);
        if (speaker is null)
        {
            Trace(trace, sentence, match, "not coded", "a judgement is coded only as a speaker's, and no speaker reports it", null, null, null);
            return;
        }

        string? speakerCountry = speaker[0].Country;
        bool Other(ActorMention m) => speaker.All(s => s.Group != m.Group) && (m.Country is null || m.Country != speakerCountry);

        // The judged party: the nearest other actor before the words ("its" and "Armenia" in "provocations by Armenia
        // ... its lack of interest"), else the first after them; a country named as a place will do ("to Armenia").
        var judged = sentenceMentions.LastOrDefault(m => m.Last < match.Trigger && !m.Locative && Other(m))
                     ?? sentenceMentions.LastOrDefault(m => m.Last < match.Trigger && Other(m))
                     ?? sentenceMentions.FirstOrDefault(m => m.First > match.TriggerEnd && !m.Locative && Other(m));
        if (judged is null)
        {
            Trace(trace, sentence, match, "not coded", "the judgement names no party other than the speaker", speaker, null, null);
            return;
        }

        var target = judged.Locative ? new ActorMention(judged.First, judged.Last, judged.Code, judged.Kind, false, judged.Evidence) { Group = judged.Group } : judged;
        Trace(trace, sentence, match, "coded", "the speaker's judgement of another party's conduct", speaker, [target], null);
        Emit(document, sentence, match, match.Pattern.Code, IsNegated(document, sentence, match.Trigger), speaker, Group(sentenceMentions, target) ?? [target], events, seen);
    }

    /// <summary>
    /// The subject of the outermost clause that reports the words ("the deputy minister" of "the deputy minister
    /// said that ... are unacceptable"), or the last speaker for "he"; null when the words stand in no report.
    /// </summary>
    private static List<ActorMention>? JudgingSpeaker(Document document, DependencyTree? tree, Sentence sentence, List<ActorMention> mentions, int trigger, List<ActorMention>? lastSpeaker)
    {
        if (tree is null)
        {
            var subject = SentenceSubject(document, mentions, sentence, trigger);
            return subject is null ? null : Group(mentions, subject);
        }

        // Subjects up the chain of heads: the first is the judged clause's own ("Armenia continues to escalate"),
        // the outermost the reporter's; with one only, nobody reports the words.
        int outermost = -1, subjects = 0;
        for (int h = trigger, steps = 0; h >= 0 && steps < 40; h = tree.Head(h), steps++)
        {
            int subject = tree.Child(h, "nsubj");
            if (subject >= 0 && subject != trigger)
            {
                outermost = subject;
                subjects++;
            }
        }

        if (subjects < 2)
        {
            return ReporterByWordOrder(document, sentence, mentions);
        }

        if (SyntacticActors.MentionFor(tree, mentions, outermost, trigger, trigger) is { } speaker &&
            (speaker.Kind is ActorMentionKind.Person or ActorMentionKind.Inferred or ActorMentionKind.Organisation || speaker.Code.Length > 3))
        {
            return Group(mentions, speaker);
        }

        return Pronouns.Contains(Vocabulary.Fold(document.TokenText(outermost))) ? lastSpeaker : ReporterByWordOrder(document, sentence, mentions);
    }

    private static readonly string[] ReportingVerbs =
    [
        "said", "says", "stated", "states", "stating", "emphasized", "emphasised", "emphasizing", "emphasising", "stressed", "stressing", "noted", "added",
        "told", "spoke", "speaking", "underlined", "underscored", "declared", "warned", "insisted", "argued", "complained", "charged", "asserted",
    ];

    /// <summary>
    /// Where the parse of a long sentence breaks: a person, official or government that is no preposition's object,
    /// in a sentence with a reporting verb after it ("the deputy minister, who ..., emphasized that ...").
    /// </summary>
    private static List<ActorMention>? ReporterByWordOrder(Document document, Sentence sentence, List<ActorMention> mentions)
    {
        foreach (var m in mentions)
        {
            bool speakerKind = m.Kind is ActorMentionKind.Person or ActorMentionKind.Inferred || m.Code.EndsWith("GOV", StringComparison.Ordinal);
            bool objectOfPreposition = m.First > sentence.TokenStart &&
                ActorStage.Is(document, m.First - 1, "of", "to", "with", "for", "from", "on", "against", "by", "about", "between", "over", "in", "at");
            if (!speakerKind || objectOfPreposition)
            {
                continue;
            }

            for (int t = sentence.TokenStart; t < sentence.TokenEnd; t++)
            {
                if ((t > m.Last || t < m.First - 1) && ActorStage.Is(document, t, ReportingVerbs))
                {
                    return Group(mentions, m);
                }
            }
        }

        return null;
    }
}
