using Dyad.Text;

namespace Dyad.Coding;

/// <summary>
/// Small rules over actor mentions that the actor and event stages share: titles followed by a name the dictionary knows,
/// modifiers inside compounds, and the speaker of a trailing report ("..., a senior official said").
/// </summary>
internal static class MentionRules
{
    private static readonly HashSet<string> SpeechVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "said", "says", "say", "told", "tells", "reported", "reports", "added", "adds", "stated", "states", "announced", "noted", "quoted", "confirmed", "according",
    };

    private static readonly HashSet<string> NotModifiers = new(StringComparer.OrdinalIgnoreCase)
    {
        "its", "their", "his", "her", "our", "other", "others", "some", "several", "many", "all", "both", "also", "then", "not", "with", "to", "of", "in",
        "on", "at", "by", "for", "from", "as", "that", "which", "who", "whose", "while", "but", "or", "and", "nor", "neither", "either", "whether", "if",
        "is", "are", "was", "were", "be", "has", "have", "had", "will", "would", "said", "says",
    };

    /// <summary>
    /// A title composed with a country followed directly by a name that the dictionary gives the same country ("Bree Prime
    /// Minister Romendacil", where Romendacil is BRE) is one mention with the title's code (BREGOV), not two actors.
    /// </summary>
    public static List<ActorMention> MergeTitleAndName(List<ActorMention> mentions)
    {
        if (mentions.Count < 2)
        {
            return mentions;
        }

        var result = new List<ActorMention>(mentions.Count);
        for (int i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            if (i + 1 < mentions.Count && m.Kind is ActorMentionKind.Composed or ActorMentionKind.Person && !m.Locative && m.Code.Length > 3)
            {
                var next = mentions[i + 1];
                if (next.First == m.Last + 1 && next.Kind == ActorMentionKind.Country && !next.IsAdjective && next.Code.Length == 3 &&
                    m.Code.StartsWith(next.Code, StringComparison.Ordinal))
                {
                    result.Add(m with { Last = next.Last, Evidence = [.. m.Evidence, .. next.Evidence] });
                    i++;
                    continue;
                }
            }

            result.Add(m);
        }

        return result;
    }

    /// <summary>
    /// Where the modifiers before a mention start ("and the evil awful Gondor" -> before "evil"): at most two lower-case
    /// words that are neither function words nor verbs, and a "the" before them. Returns <paramref name="first"/> when there
    /// are none; never goes before <paramref name="from"/>.
    /// </summary>
    public static int ModifiersStart(Document document, int from, int first, Func<int, bool> isVerbToken)
    {
        int t = first;
        int stripped = 0;
        while (t - 1 > from && stripped < 2)
        {
            var text = document.TokenText(t - 1);
            if (text.Length < 3 || document.Token(t - 1).Kind != TokenKind.Word || !char.IsLower(text[0]) || NotModifiers.Contains(text.ToString()) || isVerbToken(t - 1))
            {
                break;
            }

            t--;
            stripped++;
        }

        if (stripped > 0 && t - 1 >= from && ActorStage.Is(document, t - 1, "the"))
        {
            t--;
        }

        return stripped > 0 ? t : first;
    }

    /// <summary>The actor whose possessive stands right before <paramref name="trigger"/> ("Eriador 's death toll"), or null.</summary>
    public static ActorMention? PossessorOf(Document document, List<ActorMention> mentions, int trigger)
    {
        if (trigger < 2 || !ActorStage.Is(document, trigger - 1, "'s", "'"))
        {
            return null;
        }

        return mentions.FirstOrDefault(m => m.Last == trigger - 2 && !m.Locative);
    }

    /// <summary>True for a participle opening a clause after a comma (", killing", ", also wounding").</summary>
    public static bool IsParticipleAfterComma(Document document, Sentence sentence, int trigger)
    {
        if (!document.TokenText(trigger).EndsWith("ing", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        int t = trigger - 1;
        if (t >= sentence.TokenStart && ActorStage.Is(document, t, "also", "thereby", "further"))
        {
            t--;
        }

        return t >= sentence.TokenStart && ActorStage.Is(document, t, ",");
    }

    /// <summary>
    /// True when <paramref name="mention"/> is the speaker of a report that closes the sentence after a comma
    /// ("..., a senior Bree official said on Saturday"): the reporter, not the object of the verb before the comma.
    /// </summary>
    public static bool IsTrailingSpeaker(Document document, Sentence sentence, ActorMention mention, Func<int, bool> isVerbToken)
    {
        // A comma shortly before the mention (over "a", "the", "senior", "very"...; no verb).
        int t = mention.First - 1;
        int steps = 0;
        while (t >= sentence.TokenStart && steps < 5 && !ActorStage.Is(document, t, ","))
        {
            if (document.Token(t).Kind != TokenKind.Word || isVerbToken(t))
            {
                return false;
            }

            t--;
            steps++;
        }

        if (t < sentence.TokenStart || !ActorStage.Is(document, t, ","))
        {
            return false;
        }

        // A speech verb shortly after it.
        for (int k = mention.Last + 1; k < Math.Min(sentence.TokenEnd, mention.Last + 4); k++)
        {
            if (SpeechVerbs.Contains(document.TokenText(k).ToString()))
            {
                return true;
            }

            if (document.Token(k).Kind != TokenKind.Word)
            {
                return false;
            }
        }

        return false;
    }
}
