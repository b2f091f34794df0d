using Dyad.Text;

namespace Dyad.Coding;

/// <summary>
/// Addressees the words leave implicit: the maker of "the offer" rejected (125 for an offer of talks), the party a
/// speaker addressed before in the sentence, the one who answered an appeal noun ("rebuffed calls from X"), the
/// speaker of a quotation, and the null target of an appeal to nobody named or of a vague collective.
/// </summary>
public sealed partial class EventStage
{
    /// <summary>The mention spanning exactly <paramref name="tokens"/> (an earlier event's source or target), or null.</summary>
    private static ActorMention? MentionSpanning(List<ActorMention> mentions, (int First, int Last) tokens) =>
        mentions.FirstOrDefault(m => m.First == tokens.First && m.Last == tokens.Last);

    private static (ActorMention Maker, bool OfTalks)? OfferAnswered(Document document, Sentence sentence, PatternMatch match, List<ActorMention> rejecting, List<CodedEvent> events, ActorLayer actors)
    {
        bool namesOffer = false;
        for (int t = match.Trigger; t < Math.Min(sentence.TokenEnd, match.End + 1); t++)
        {
            namesOffer |= ActorStage.Is(document, t, "offer", "offers", "proposal", "proposals", "overture", "overtures", "invitation");
        }

        if (!namesOffer)
        {
            return null;
        }

        string? rejectingCountry = rejecting[0].Country; // organisations ("the ELN") are compared by code
        for (int e = events.Count - 1; e >= 0; e--)
        {
            var offer = events[e];
            if (offer.SentenceIndex >= sentence.Index || !offer.Record.Code.StartsWith("03", StringComparison.Ordinal) || offer.SourceTokens is not { } tokens ||
                offer.Record.Target is not string offeredTo ||
                !(rejectingCountry is null ? offeredTo == rejecting[0].Code : offeredTo.StartsWith(rejectingCountry, StringComparison.Ordinal)))
            {
                continue;
            }

            var maker = MentionSpanning(actors.Mentions, tokens);
            if (maker is null)
            {
                continue;
            }

            return (maker, offer.Record.Code == "036");
        }

        return null;
    }

    /// <summary>The target of the last event in the sentence from the same source: the party that source is addressing.</summary>
    private static ActorMention? AddresseeOfSameSpeaker(Sentence sentence, List<ActorMention> sources, List<CodedEvent> events, ActorLayer actors)
    {
        for (int e = events.Count - 1; e >= 0 && events[e].SentenceIndex == sentence.Index; e--)
        {
            var earlier = events[e];
            if (earlier.SourceTokens is { } s && sources.Any(m => m.First == s.First && m.Last == s.Last || m.Code == earlier.Record.Source) &&
                earlier.TargetTokens is { } t)
            {
                return MentionSpanning(actors.Mentions, t);
            }
        }

        return null;
    }

    /// <summary>
    /// True when the sentence names no actor besides the source after the trigger (the appeal or investigation is
    /// addressed to nobody the dictionaries code: "the world", "all parties", "any party").
    /// </summary>
    private static bool NoNamedAddressee(Document document, Sentence sentence, List<ActorMention> mentions, PatternMatch match, List<ActorMention> sources) =>
        sources.All(s => s.Evidence.Count > 0) && // a source only inferred ("the two") is too unsure to stand alone
        !mentions.Any(m => m.First > match.Trigger && !m.Locative && sources.All(s => s.Group != m.Group));

    /// <summary>The subject of the verb an appeal noun is the object of ("X rebuffed/rejected/heeded calls from Y"): its addressee.</summary>
    private static ActorMention? AnsweringSubject(Syntax.DependencyTree tree, List<ActorMention> mentions, PatternMatch match)
    {
        int noun = match.Trigger;
        int head = tree.Head(noun);
        if (tree.Upos(noun) != "NOUN" || head < 0 || tree.Upos(head) != "VERB" || tree.Relation(noun) != "obj")
        {
            return null;
        }

        int subject = tree.Child(head, "nsubj");
        return subject < 0 ? null : Syntax.SyntacticActors.MentionFor(tree, mentions.Where(m => !m.Locative).ToList(), subject, match.Trigger, match.TriggerEnd);
    }

    /// <summary>
    /// The speaker of the quotation around <paramref name="trigger"/>: the last person, official or government before
    /// the opening quotation mark ("Erdogan wrote: \"I ...\""), else the first after the closing one ("\"...,\" Iqbal said").
    /// </summary>
    private static ActorMention? QuoteSpeaker(Document document, Sentence sentence, List<ActorMention> mentions, int trigger)
    {
        int open = -1, close = -1;
        bool inside = false;
        for (int t = sentence.TokenStart; t < sentence.TokenEnd; t++)
        {
            if (!ActorStage.Is(document, t, "\"", "\u201C", "\u201D", "``", "''"))
            {
                continue;
            }

            if (!inside && t < trigger)
            {
                open = t;
                inside = true;
            }
            else if (inside && t < trigger)
            {
                inside = false;
            }
            else if (inside && t > trigger)
            {
                close = t;
                break;
            }
        }

        if (!inside)
        {
            return null;
        }

        static bool Speaker(ActorMention m) => !m.Locative && (m.Kind is ActorMentionKind.Person or ActorMentionKind.Inferred || m.Code.EndsWith("GOV", StringComparison.Ordinal));
        return mentions.LastOrDefault(m => m.Last < open && Speaker(m)) ?? (close >= 0 ? mentions.FirstOrDefault(m => m.First > close && Speaker(m)) : null);
    }

    /// <summary>"the West", "Western countries", "the international community" within three words after the trigger.</summary>
    private static bool VagueCollectiveAfter(Document document, Sentence sentence, int trigger)
    {
        for (int t = trigger + 1; t < Math.Min(sentence.TokenEnd, trigger + 4); t++)
        {
            if (ActorStage.Is(document, t, "West") ||
                (ActorStage.Is(document, t, "Western") && t + 1 < sentence.TokenEnd && ActorStage.Is(document, t + 1, "countries", "governments", "nations", "powers", "states", "capitals")) ||
                (ActorStage.Is(document, t, "international") && t + 1 < sentence.TokenEnd && ActorStage.Is(document, t + 1, "community")))
            {
                return true;
            }
        }

        return false;
    }
}
