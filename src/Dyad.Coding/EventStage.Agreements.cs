using Dyad.Lexicon;
using Dyad.Text;

namespace Dyad.Coding;

/// <summary>
/// Past agreements referred to by the place they were concluded in (<see cref="PatternFlags.NamedAfterPlace"/>):
/// "all the provisions of the Prague and Sochi agreements" in an article about Azerbaijan and Armenia is one
/// reciprocal 057 pair per name (CODING_RULES 11), placed at the name by the where-and-when stage.
/// </summary>
public sealed partial class EventStage
{
    /// <summary>Capitalised words before "agreement" that are not place names.</summary>
    private static readonly HashSet<string> NotPlaceNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "this", "that", "these", "those", "a", "an", "any", "every", "peace", "trade", "security", "framework", "cooperation", "partnership",
        "association", "free", "nuclear", "grain", "ceasefire", "cease-fire", "final", "interim", "new", "historic", "landmark", "bilateral",
        "trilateral", "comprehensive", "strategic", "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "i", "ii", "iii", "un", "eu", "nato",
    };

    private void CodeNamedAgreement(Document document, ActorLayer actors, Sentence sentence, PatternMatch match, List<CodedEvent> events, EventTrace? trace)
    {
        var names = PlaceNamesBefore(document, actors, sentence, match.Trigger);
        if (names.Count == 0)
        {
            Trace(trace, sentence, match, "not coded", "an agreement is coded here only when named after a place ('the Prague agreements')", null, null, null);
            return;
        }

        var parties = LeadingCountries(actors, sentence.TokenEnd);
        if (parties is null)
        {
            Trace(trace, sentence, match, "not coded", "the agreement's parties are the article's two leading countries, and it has no two countries named twice each", null, null, null);
            return;
        }

        var (first, second) = parties.Value;
        Trace(trace, sentence, match, "coded", $"a past agreement named after {string.Join(" and ", names.Select(n => document.TokenText(n).ToString()))}: between the article's two leading countries", [first], [second], null);
        foreach (int _ in names)
        {
            // One pair per name: the place resolver deals the names out to the pairs in order.
            Emit(document, sentence, match, match.Pattern.Code, negated: false, [first], [second], events, [], reference: true);
        }
    }

    /// <summary>The single-word names right before <paramref name="noun"/>: "Prague and Sochi", "Minsk", "Oslo".</summary>
    private static List<int> PlaceNamesBefore(Document document, ActorLayer actors, Sentence sentence, int noun)
    {
        var names = new List<int>();
        int t = noun - 1;
        while (t >= sentence.TokenStart)
        {
            string word = document.TokenText(t).ToString();
            bool capitalised = word.Length > 1 && char.IsUpper(word[0]) && document.Token(t).Kind == TokenKind.Word;
            var covering = ActorLayer.Covering(actors.Mentions, t);
            bool notAPlace = NotPlaceNames.Contains(word) || (covering is not null && covering.Kind != ActorMentionKind.Metonym);
            if (!capitalised || notAPlace || (t == sentence.TokenStart && names.Count == 0))
            {
                break;
            }

            names.Insert(0, t);
            if (t - 2 >= sentence.TokenStart && ActorStage.Is(document, t - 1, "and", ","))
            {
                t -= 2;
                continue;
            }

            break;
        }

        return names;
    }

    /// <summary>The two countries named most often (by name, as actors) up to <paramref name="end"/>, each at least twice.</summary>
    private static (ActorMention First, ActorMention Second)? LeadingCountries(ActorLayer actors, int end)
    {
        var counts = new Dictionary<string, (int Count, int FirstSeen, ActorMention Last)>(StringComparer.Ordinal);
        foreach (var m in actors.Mentions)
        {
            if (m.Last >= end)
            {
                break;
            }

            if (m.Country is not string country || m.Evidence.Count == 0 || m.Kind == ActorMentionKind.Metonym)
            {
                continue;
            }

            counts[country] = counts.TryGetValue(country, out var c) ? (c.Count + 1, c.FirstSeen, m) : (1, m.First, m);
        }

        var top = counts.Where(kv => kv.Value.Count >= 2).OrderByDescending(kv => kv.Value.Count).ThenBy(kv => kv.Value.FirstSeen).Take(2).ToList();
        if (top.Count < 2)
        {
            return null;
        }

        ActorMention AsCountry(ActorMention m) => new(m.First, m.Last, m.Country!, ActorMentionKind.Country, false, m.Evidence) { Group = m.Group };
        return (AsCountry(top[0].Value.Last), AsCountry(top[1].Value.Last));
    }
}
