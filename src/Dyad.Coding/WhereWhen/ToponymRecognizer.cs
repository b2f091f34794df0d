using System.Collections.Frozen;
using Dyad.Lexicon.Geo;
using Dyad.Text;

namespace Dyad.Coding.WhereWhen;

/// <summary>
/// Finds place names in a sentence and the cue that marks each: "in X", "near X", "X district", "village of
/// X", "from the direction of X", "the X road", "X-based", "the X agreements", lists ("near Jermuk, Goris and
/// Sotk") and containers ("Chhattisgarh's Dantewada district", "Kuriga, Kaduna state"). A capitalised name is
/// tried against the gazetteer longest first (up to <see cref="MaxNameTokens"/> tokens). Names of actors
/// ("Moscow said") carry no locative cue and are marked <see cref="PlaceMention.IsActor"/> when followed by a
/// verb or a possessive noun. Stateless and thread-safe.
/// </summary>
public sealed class ToponymRecognizer
{
    /// <summary>Longest name tried, in tokens (without a suffix word).</summary>
    public const int MaxNameTokens = 5;

    private static readonly WordSet NotPlaceStarts = new[]
    {
        "the", "a", "an", "in", "on", "at", "of", "and", "or", "but", "he", "she", "it", "they", "we", "i", "you",
        "his", "her", "its", "their", "our", "this", "that", "these", "those", "there", "mr", "mrs", "ms", "dr",
        "president", "prime", "minister", "ministry", "foreign", "deputy", "secretary", "general", "army", "council",
        "commonwealth", "chief", "king", "queen", "prince", "court", "party", "police", "reuters", "ap", "xinhua",
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "state", "republic", "united",
        "national", "international", "federal", "central", "democratic", "islamic", "supreme", "security", "defence",
        "defense", "interior", "affairs", "office", "embassy", "government", "parliament", "cabinet", "committee",
        "union", "organization", "organisation", "nations", "forces", "troops", "command", "agency", "news", "press",
        "times", "post", "mirror", "tv", "radio", "said", "after", "before", "during", "while", "when", "if",
        "as", "with", "for", "from", "by", "to", "into", "near", "across", "under", "over", "some", "many", "all",
        "both", "each", "two", "three", "one", "new", "former", "senior", "top", "local", "regional",
        "no", "not", "yes", "any", "every", "such", "other", "another", "neither", "nor", "either",
    }.ToWordSet(StringComparer.OrdinalIgnoreCase);

    private static readonly WordSet UnknownStop = new[]
    {
        "Parliament", "Congress", "Senate", "Geneva", "Talks", "Washington", "Reuters", "Twitter", "Facebook", "Telegram",
        "Villa", "Hall", "House", "Palace", "Kremlin", "Pentagon", "Downing", "Brussels", "Christmas", "Easter", "Ramadan",
        "Eid", "Parliament's", "Assembly", "Council", "Court", "Cabinet", "Kurdish", "English", "French",
    }.ToWordSet(StringComparer.Ordinal);

    // Common nouns after a place name that make it a modifier or an actor: "the Nepali capital", "Moscow officials".
    private static readonly WordSet ModifiedNouns = new[]
    {
        "capital", "troops", "forces", "army", "government", "officials", "authorities", "police", "side", "military",
        "president", "minister", "leader", "leaders", "people", "citizens", "embassy", "ambassador", "envoy", "counterpart",
        "officer", "officers", "soldiers", "nationals", "diplomats", "diplomat", "delegation", "regime", "administration",
        "parliament", "media", "news", "counterparts", "servicemen", "guards", "navy", "militants", "rebels", "team",
    }.ToWordSet(StringComparer.OrdinalIgnoreCase);

    // Suffix words strong enough to make an unknown capitalised name a place.
    private static readonly WordSet StrongSuffixes = new[]
    {
        "district", "region", "province", "state", "village", "town", "area", "oblast", "governorate", "rayon",
        "county", "prefecture", "city", "settlement", "outskirts", "camp",
    }.ToWordSet(StringComparer.OrdinalIgnoreCase);

    private static readonly WordSet MotionWords = new[]
    {
        "trip", "visit", "visits", "visited", "travel", "travelled", "traveled", "sailed", "flew", "went", "came", "arrived",
        "returned", "headed", "moved", "deployed", "sent", "delivered", "deliveries", "journey", "tour", "flights", "flight",
        "convoy", "aid", "shipped", "fled", "marched", "advanced", "withdrew", "way", "back",
    }.ToWordSet(StringComparer.OrdinalIgnoreCase);

    private static readonly WordSet Connectors = new[] { "of", "al", "el", "de", "la", "le", "du", "da", "del", "di", "ul", "and" }
        .ToWordSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, PlaceCue> Prepositions = new Dictionary<string, PlaceCue>(StringComparer.OrdinalIgnoreCase)
    {
        ["in"] = PlaceCue.In, ["inside"] = PlaceCue.In, ["throughout"] = PlaceCue.In, ["across"] = PlaceCue.In,
        ["at"] = PlaceCue.At, ["near"] = PlaceCue.Near, ["outside"] = PlaceCue.Near, ["around"] = PlaceCue.Near,
        ["along"] = PlaceCue.Near, ["off"] = PlaceCue.Near, ["over"] = PlaceCue.Near, ["covering"] = PlaceCue.Near,
        ["within"] = PlaceCue.In, ["to"] = PlaceCue.To,
        ["into"] = PlaceCue.To, ["towards"] = PlaceCue.To, ["toward"] = PlaceCue.To, ["from"] = PlaceCue.Origin,
        // Verbs whose object is a place: "visited Baku", "shelled Goma", "stormed Kherson".
        ["visited"] = PlaceCue.At, ["visiting"] = PlaceCue.At, ["toured"] = PlaceCue.At, ["reached"] = PlaceCue.At,
        ["entered"] = PlaceCue.At, ["shelled"] = PlaceCue.At, ["bombed"] = PlaceCue.At, ["stormed"] = PlaceCue.At,
        ["captured"] = PlaceCue.At, ["raided"] = PlaceCue.At, ["struck"] = PlaceCue.At, ["hit"] = PlaceCue.At,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, PlaceCue>.AlternateLookup<ReadOnlySpan<char>> PrepositionLookup = Prepositions.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly WordSet OfNouns = new[]
    {
        "village", "town", "city", "district", "region", "province", "enclave", "territory", "outskirts", "suburb",
        "suburbs", "area", "capital", "coast", "island", "port", "state", "county", "municipality", "villages",
        "towns", "cities", "center", "centre", "heart", "streets", "governorate", "oblast", "strip", "west",
        "east", "north", "south", "parts", "part",
    }.ToWordSet(StringComparer.OrdinalIgnoreCase);

    private static readonly WordSet RoadNouns = new[] { "road", "corridor", "highway", "motorway", "route", "pass", "crossing", "checkpoint" }
        .ToWordSet(StringComparer.OrdinalIgnoreCase);

    private static readonly WordSet NamedAfterNouns = new[]
    {
        "agreement", "agreements", "accord", "accords", "summit", "talks", "format", "declaration", "statement",
        "process", "protocol", "protocols", "treaty", "communique", "deal", "memorandum", "meeting", "meetings",
    }.ToWordSet(StringComparer.OrdinalIgnoreCase);

    private static readonly WordSet BorderNouns = new[] { "border", "frontier", "boundary", "borders" }
        .ToWordSet(StringComparer.OrdinalIgnoreCase);

    // Words that may stand between a preposition and the name: "in the besieged Syrian enclave of", "in central".
    private static readonly WordSet Skippable = new[]
    {
        "the", "a", "an", "central", "northern", "southern", "eastern", "western", "north", "south", "east", "west",
        "northeastern", "northwestern", "southeastern", "southwestern", "besieged", "disputed", "occupied",
        "neighbouring", "neighboring", "nearby", "downtown", "rural", "remote", "restive", "embattled", "capital",
        "city", "town", "port", "village", "border", "frontline", "front-line", "coastal", "breakaway", "rebel-held",
        "opposition-held", "government-held", "key", "strategic", "main", "northwest", "northeast", "southwest", "southeast",
        "entire", "whole", "province", "state", "region", "district",
    }.ToWordSet(StringComparer.OrdinalIgnoreCase);

    private static readonly WordSet Verbish = new[]
    {
        "said", "says", "say", "told", "has", "have", "had", "is", "are", "was", "were", "will", "would", "accused",
        "warned", "announced", "called", "urged", "denied", "rejected", "insisted", "demanded", "claimed", "stated",
        "added", "confirmed", "expressed", "welcomed", "condemned", "agreed", "sent", "asked", "wants", "did",
    }.ToWordSet(StringComparer.OrdinalIgnoreCase);

    private readonly Gazetteer? _gazetteer;

    /// <summary>Creates a recognizer over <paramref name="gazetteer"/> (the shipped one when null).</summary>
    public ToponymRecognizer(Gazetteer? gazetteer = null) => _gazetteer = gazetteer;

    private Gazetteer Gazetteer => _gazetteer ?? Gazetteer.Default;

    /// <summary>Finds the place mentions of sentence <paramref name="sentenceIndex"/>, in text order.</summary>
    public List<PlaceMention> Find(Document document, int sentenceIndex)
    {
        ArgumentNullException.ThrowIfNull(document);
        var sentence = document.Sentence(sentenceIndex);
        var found = new List<PlaceMention>();
        int i = sentence.TokenStart;
        var dateline = document.Dateline?.Span;
        int datelineEnd = dateline is TextSpan ds && ds.Overlaps(sentence.Span) ? ds.End : -1;
        var actors = document.TryGetLayer<ActorLayer>()?.Mentions;
        int actor = 0; // cursor into the actor mentions, which are in text order
        while (i < sentence.TokenEnd)
        {
            if (datelineEnd >= 0 && document.Token(i).Start < datelineEnd && dateline!.Value.Overlaps(document.Token(i).Span))
            {
                i++; // the dateline's city is not a mention (CODING_RULES 13); the place resolver decides on it
                continue;
            }

            if (!IsNameWord(document, i))
            {
                i++; // names start with a capital ("Moscow-based" too)
                continue;
            }

            if (actors is not null && NamedActorEnd(document, sentence, actors, i, ref actor) is int skip and >= 0)
            {
                i = skip + 1; // an actor the actor stage named and did not call a place ("Vladimir Putin", "Moscow said", "Armenia continues")
                continue;
            }

            if (!MayBePlaceAnyway(document, sentence, i, i) && !document.TokenText(i).EndsWith("-based", StringComparison.OrdinalIgnoreCase))
            {
                i++; // no cue can reach it: a bare name is never an event's place, so the gazetteer is not asked
                continue;
            }

            var mention = TryAt(document, sentence, i) ?? TryUnknownAfterPreposition(document, sentence, i);
            if (mention is null)
            {
                i++;
                continue;
            }

            if (mention.Cue != PlaceCue.Based && PartOfLongerName(document, sentence, mention))
            {
                i = mention.Last + 1;
                continue;
            }

            found.Add(mention);
            i = mention.Last + 1;
        }

        AddBorders(document, sentence, found);
        AssignCues(document, sentence, found);
        return found;
    }

    // The last token of the actor mention that covers token i and names no place, or -1: people, organisations,
    // countries and capitals acting ("Armenia continues", "Baku said"). Not looking them up in the gazetteer is
    // most of what keeps the recognizer cheap; the place resolver takes the article's countries from the actor
    // layer instead. The cursor only moves forward: tokens are visited in order.
    private static int NamedActorEnd(Document document, Sentence sentence, List<ActorMention> actors, int i, ref int cursor)
    {
        while (cursor < actors.Count && actors[cursor].Last < i)
        {
            cursor++;
        }

        for (int k = cursor; k < actors.Count && actors[k].First <= i; k++)
        {
            var m = actors[k];
            if (m.Last >= i && !m.Locative && m.Last < sentence.TokenEnd && !MayBePlaceAnyway(document, sentence, m.First, m.Last))
            {
                return m.Last;
            }
        }

        return -1;
    }

    // An actor mention the text may still use as a place: after a preposition or a place verb ("a trip to China",
    // "visited Baku"), in a list or after "of", or followed by a name, a suffix or a possessive ("the Taiwan Strait",
    // "Lachin region", "Nigeria's Kebbi state").
    private static bool MayBePlaceAnyway(Document document, Sentence sentence, int first, int last)
    {
        int j = first - 1;
        while (j >= sentence.TokenStart && first - j <= 4 && Skippable.Contains(document.TokenText(j)))
        {
            j--;
        }

        if (j >= sentence.TokenStart && document.TokenText(j) is var before
            && (PrepositionLookup.ContainsKey(before) || before is "of" or "," or "and" or "or"))
        {
            return true;
        }

        int k = last + 1;
        if (k >= sentence.TokenEnd)
        {
            return false;
        }

        var after = document.TokenText(k);
        return IsNameWord(document, k) || after is "'s" or "\u2019s" or "'" || IsConnector(document, k) || SuffixKind(document, k) != PlaceSuffix.None
            || RoadNouns.Contains(after) || BorderNouns.Contains(after) || NamedAfterNouns.Contains(after);
    }

    // "Vladimir Putin", "Paris Hilton", "President Ashraf Ghani": a place name inside a longer proper name.
    private static bool PartOfLongerName(Document document, Sentence sentence, PlaceMention mention)
    {
        int after = mention.Last + 1;
        if (mention.Suffix == PlaceSuffix.None && after < sentence.TokenEnd && IsNameWord(document, after)
            && SuffixKind(document, after) == PlaceSuffix.None && !IsMonthOrWeekday(document.TokenText(after)))
        {
            return true; // "U.N. Security Council", "Azerbaijan Army"
        }

        var text = mention.Text.AsSpan();
        if (text.Contains('.') && text.Length <= 5 && mention.Candidates.Length > 0 && !text.SequenceEqual("U.S.") && !text.SequenceEqual("U.K."))
        {
            return true; // "U.N.", "E.U." are organisations
        }

        int before = mention.First - 1;
        if (before > sentence.TokenStart && IsNameWord(document, before) && !Has(Skippable, document.TokenText(before))
            && !IsDemonymLike(document.TokenText(before)) && !Has(PrepositionLookup, document.TokenText(before)))
        {
            // A capitalised word before it, not at the start of the sentence: a person's or an organisation's name.
            return !Has(NotPlaceStarts, document.TokenText(before)) || IsTitle(document.TokenText(before));
        }

        return false;
    }

    private static bool Has(WordSet set, ReadOnlySpan<char> word) => set.Contains(word);

    private static bool Has(FrozenDictionary<string, PlaceCue>.AlternateLookup<ReadOnlySpan<char>> map, ReadOnlySpan<char> word) => map.ContainsKey(word);

    private static bool IsMonthOrWeekday(ReadOnlySpan<char> word) =>
        word is "January" or "February" or "March" or "April" or "May" or "June" or "July" or "August" or "September" or "October"
            or "November" or "December" or "Monday" or "Tuesday" or "Wednesday" or "Thursday" or "Friday" or "Saturday" or "Sunday";

    private static bool AllUpper(ReadOnlySpan<char> word)
    {
        foreach (char c in word)
        {
            if (!char.IsUpper(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsTitle(ReadOnlySpan<char> word) => word is "President" or "King" or "Queen" or "Prince" or "Minister" or "General" or "Mr" or "Mrs" or "Ms" or "Dr" or "Secretary";

    // "crossing at Torkham was overwhelmed": a capitalised word after in/at/near that the gazetteer lacks.
    private static PlaceMention? TryUnknownAfterPreposition(Document document, Sentence sentence, int index)
    {
        if (index - 1 <= sentence.TokenStart || !IsNameWord(document, index))
        {
            return null;
        }

        if (document.TokenText(index - 1) is not ("in" or "at" or "near"))
        {
            return null;
        }

        var word = document.TokenText(index);
        if (word.Length < 4 || NotPlaceStarts.Contains(word) || UnknownStop.Contains(word) || IsDemonymLike(word)
            || AllUpper(word))
        {
            return null;
        }

        int after = index + 1;
        if (after < sentence.TokenEnd && document.Token(after).Kind == TokenKind.Word && char.IsUpper(document.TokenText(after)[0]))
        {
            return null; // multi-word names the gazetteer lacks are too often organisations
        }

        var span = document.Token(index).Span;
        return new PlaceMention(sentence.Index, index, index, span, document.Slice(span), PlaceCue.None, PlaceSuffix.None, [], false);
    }

    // "the disputed Tajik-Kyrgyz frontier", "along the Armenian-Azerbaijani border", "the India-Pakistan border".
    private static void AddBorders(Document document, Sentence sentence, List<PlaceMention> found)
    {
        for (int i = sentence.TokenStart + 1; i < sentence.TokenEnd; i++)
        {
            var word = document.TokenText(i);
            if (word.Length < 6 || word[0] is not ('b' or 'f') || !Has(BorderNouns, word))
            {
                continue; // "Reporters Without Borders" is a name
            }

            int name = i - 1;
            if (!IsNameWord(document, name) || Has(NotPlaceStarts, document.TokenText(name)))
            {
                // "moved troops to its international border with India": the actor's own border.
                int j = i - 1;
                while (j > sentence.TokenStart && i - j <= 3 && document.Token(j).Kind == TokenKind.Word && char.IsLower(document.TokenText(j)[0])
                    && document.TokenText(j) is not ("its" or "their"))
                {
                    j--;
                }

                if (j >= sentence.TokenStart && document.TokenText(j) is "its" or "their")
                {
                    int end = i;
                    if (i + 2 < sentence.TokenEnd && document.TokenText(i + 1) is "with" && IsNameWord(document, i + 2))
                    {
                        end = i + 2;
                    }

                    var own = document.TokenRange(j + 1, end);
                    for (int k = found.Count - 1; k >= 0; k--)
                    {
                        if (found[k].First > i && found[k].Last <= end)
                        {
                            found.RemoveAt(k);
                        }
                    }

                    int position = IndexStartingAfter(found, j);
                    found.Insert(position < 0 ? found.Count : position, new PlaceMention(sentence.Index, j + 1, end, own, document.Slice(own), PlaceCue.Border, PlaceSuffix.None, [], false) { OwnBorder = true });
                }

                continue;
            }

            int first = name;
            int existing = -1;
            for (int k = 0; k < found.Count && existing < 0; k++)
            {
                existing = found[k].Last == name ? k : -1;
            }

            if (existing >= 0)
            {
                first = found[existing].First;
                found.RemoveAt(existing);
            }

            var span = document.TokenRange(first, i);
            var mention = new PlaceMention(sentence.Index, first, i, span, document.Slice(span), PlaceCue.Border, PlaceSuffix.None, [], false);
            int at = IndexStartingAfter(found, first);
            found.Insert(at < 0 ? found.Count : at, mention);
        }
    }

    // The first mention starting after token <paramref name="token"/>, or -1. (No lambdas in the loop above: a
    // closure over its locals would be allocated at every token.)
    private static int IndexStartingAfter(List<PlaceMention> found, int token)
    {
        for (int k = 0; k < found.Count; k++)
        {
            if (found[k].First > token)
            {
                return k;
            }
        }

        return -1;
    }

    private PlaceMention? TryAt(Document document, Sentence sentence, int first)
    {
        if (document.TokenText(first).EndsWith("-based", StringComparison.OrdinalIgnoreCase))
        {
            return TryBased(document, sentence, first);
        }

        if (!IsNameWord(document, first) || Has(NotPlaceStarts, document.TokenText(first)))
        {
            return null;
        }

        if (!Gazetteer.StartsAName(document.TokenText(first)))
        {
            // No place name begins with this word; it may still be an unknown name with a suffix ("Jamrud area").
            return first + 1 < sentence.TokenEnd && SuffixKind(document, first + 1) != PlaceSuffix.None ? UnknownWithSuffix(document, sentence, first) : null;
        }

        int limit = first;
        while (limit + 1 < sentence.TokenEnd && limit + 1 - first < MaxNameTokens
            && (IsNameWord(document, limit + 1) || (IsConnector(document, limit + 1) && limit + 2 < sentence.TokenEnd && IsNameWord(document, limit + 2)))
            && Gazetteer.IsNamePrefix(Text(document, first, limit + 1)))
        {
            limit++; // "Bay" -> "Bay of" -> "Bay of Bengal", while some name starts so
        }

        for (int last = limit; last >= first; last--)
        {
            if (!IsNameWord(document, last))
            {
                continue;
            }

            // With a following suffix word first: "Lachin region", "Kebbi state", "Digh village".
            int suffixToken = last + 1 < sentence.TokenEnd && SuffixKind(document, last + 1) != PlaceSuffix.None ? last + 1 : -1;
            if (suffixToken >= 0)
            {
                var withSuffix = Lookup(document, first, suffixToken);
                if (withSuffix is not null)
                {
                    return withSuffix;
                }
            }

            var plain = Lookup(document, first, last);
            if (plain is not null)
            {
                return plain;
            }

            if (last == first && first - 1 >= sentence.TokenStart && Has(PrepositionLookup, document.TokenText(first - 1)))
            {
                // A spelling variant, only where the text marks a place: "near Gorus".
                var variant = Lookup(document, first, last, allowVariants: true);
                if (variant is not null)
                {
                    return variant;
                }
            }

            if (suffixToken >= 0 && last == limit && last - first < 3)
            {
                var unknown = UnknownWithSuffix(document, sentence, first, last);
                if (unknown is not null)
                {
                    return unknown;
                }
            }
        }

        return null;
    }

    // Not in the gazetteer, but the text calls it a district, village or area: kept, unresolved.
    private static PlaceMention? UnknownWithSuffix(Document document, Sentence sentence, int first, int last = -1)
    {
        if (last < 0)
        {
            last = first;
        }

        int suffixToken = last + 1;
        if (suffixToken >= sentence.TokenEnd || !Has(StrongSuffixes, document.TokenText(suffixToken))
            || IsDemonymLike(document.TokenText(last)) || Has(NotPlaceStarts, document.TokenText(last)))
        {
            return null;
        }

        var span = document.TokenRange(first, suffixToken);
        return new PlaceMention(sentence.Index, first, suffixToken, span, document.Slice(span), PlaceCue.Suffix, SuffixKind(document, suffixToken), [], false);
    }

    private PlaceMention? TryBased(Document document, Sentence sentence, int index)
    {
        var text = document.TokenText(index);
        int dash = text.LastIndexOf('-');
        if (dash <= 0 || !text[(dash + 1)..].Equals("based", StringComparison.OrdinalIgnoreCase) || !char.IsUpper(text[0]))
        {
            return null;
        }

        var match = Gazetteer.Lookup(text[..dash], allowVariants: false);
        if (!match.Found)
        {
            return null;
        }

        var token = document.Token(index);
        var span = new TextSpan(token.Start, token.Start + dash);
        return new PlaceMention(sentence.Index, index, index, span, document.Slice(span), PlaceCue.Based, PlaceSuffix.None, match.Places.ToArray(), false);
    }

    private PlaceMention? Lookup(Document document, int first, int last, bool allowVariants = false)
    {
        var span = document.TokenRange(first, last);
        var text = document.Text.Value.AsSpan(span.Start, span.End - span.Start);
        var match = Gazetteer.Lookup(text, allowVariants);
        if (!match.Found)
        {
            return null;
        }

        var candidates = match.Places;
        if (match.ByVariant)
        {
            // A spelling variant must be close to the place's own name (Gorus -> Goris), not just share a skeleton.
            var close = new List<int>();
            foreach (int c in candidates)
            {
                if (Gazetteer.IsCloseSpelling(text, Gazetteer[c]))
                {
                    close.Add(c);
                }
            }

            if (close.Count == 0)
            {
                return null;
            }

            return new PlaceMention(document.SentenceOfToken(first), first, last, span, document.Slice(span), PlaceCue.None, match.Suffix, [.. close], true);
        }

        return new PlaceMention(document.SentenceOfToken(first), first, last, span, document.Slice(span), PlaceCue.None, match.Suffix, candidates.ToArray(), false);
    }

    private static void AssignCues(Document document, Sentence sentence, List<PlaceMention> mentions)
    {
        for (int m = 0; m < mentions.Count; m++)
        {
            var mention = mentions[m];
            if (mention.Cue is PlaceCue.Based or PlaceCue.Border)
            {
                continue;
            }

            int after = mention.Last + 1;
            var next = after < sentence.TokenEnd ? document.TokenText(after) : [];
            var next2 = after + 1 < sentence.TokenEnd ? document.TokenText(after + 1) : [];
            var before = CueBefore(document, sentence, mention.First, mentions, m);
            PlaceCue cue;
            if (before == PlaceCue.Origin)
            {
                cue = PlaceCue.Origin;
            }
            else if (RoadNouns.Contains(next) && !IsNameWord(document, after))
            {
                cue = PlaceCue.Road;
            }
            else if (BorderNouns.Contains(next))
            {
                cue = PlaceCue.Border;
            }
            else if (NamedAfterNouns.Contains(next) || IsListBeforeNamedAfter(document, sentence, mentions, m, next))
            {
                cue = PlaceCue.NamedAfter;
            }
            else if (before != PlaceCue.None)
            {
                cue = before;
            }
            else
            {
                cue = mention.Suffix != PlaceSuffix.None ? PlaceCue.Suffix : PlaceCue.None;
            }

            bool actor = false;
            if (next is "'s" or "\u2019s" or "'")
            {
                // "Chhattisgarh's Dantewada district" (container) or "Baku's defence ministry" (actor).
                if (m + 1 < mentions.Count && mentions[m + 1].First <= after + 2)
                {
                    cue = PlaceCue.Container;
                    mentions[m + 1] = mentions[m + 1] with { Container = m };
                }
                else if (mention.Suffix == PlaceSuffix.None)
                {
                    actor = true; // "Baku's defence ministry", "at Uruguay's mission"
                }
            }
            else if (ModifiedNouns.Contains(next) && mention.Suffix == PlaceSuffix.None)
            {
                actor = true; // "the Nepali capital", "Moscow officials"
            }
            else if (cue is PlaceCue.None && Verbish.Contains(next))
            {
                actor = true;
            }
            else if (next is "," && m + 1 < mentions.Count && mentions[m + 1].First == after + 1
                && (mentions[m + 1].Suffix == PlaceSuffix.Admin || SuffixKind(document, mentions[m + 1].Last) == PlaceSuffix.Admin))
            {
                // "Kuriga, Kaduna state": the second contains the first.
                mention = mention with { Container = m + 1 };
            }
            else if (next.Equals("of", StringComparison.OrdinalIgnoreCase) && m + 1 < mentions.Count && (mentions[m + 1].First == after + 1 || (mentions[m + 1].First == after + 2 && next2.Equals("the", StringComparison.OrdinalIgnoreCase))))
            {
                // "the Digh village of the Gorus region of Armenia": the next mention contains this one.
                mention = mention with { Container = m + 1 };
            }

            mentions[m] = mention with { Cue = cue, IsActor = actor };
        }

        // A spelling variant is only believed where the text marks a place; a bare capitalised word at the start
        // of a sentence is only kept when it names a country or region (evidence of the article's countries).
        for (int m = mentions.Count - 1; m >= 0; m--)
        {
            var x = mentions[m];
            bool bare = x.Cue == PlaceCue.None || x.IsActor;
            if (bare && x.ByVariant)
            {
                RemoveAt(mentions, m);
            }
        }

        // A container inherits the origin of what it contains ("from the direction of the Digh village of the
        // Gorus region of Armenia"); contained names written "of the X region" get the container's cue otherwise.
        for (int m = 0; m < mentions.Count; m++)
        {
            int c = mentions[m].Container;
            if (c > m && mentions[m].Cue == PlaceCue.Origin)
            {
                mentions[c] = mentions[c] with { Cue = PlaceCue.Origin };
            }
        }
    }

    private static void RemoveAt(List<PlaceMention> mentions, int index)
    {
        mentions.RemoveAt(index);
        for (int i = 0; i < mentions.Count; i++)
        {
            int c = mentions[i].Container;
            if (c == index)
            {
                mentions[i] = mentions[i] with { Container = -1 };
            }
            else if (c > index)
            {
                mentions[i] = mentions[i] with { Container = c - 1 };
            }
        }
    }

    private static PlaceCue CueBefore(Document document, Sentence sentence, int first, List<PlaceMention> mentions, int m)
    {
        int i = first - 1;
        int skipped = 0;
        while (i >= sentence.TokenStart && skipped < 4)
        {
            var word = document.TokenText(i);
            if (PrepositionLookup.TryGetValue(word, out var cue))
            {
                if (cue == PlaceCue.Origin)
                {
                    return PlaceCue.Origin;
                }

                if (cue == PlaceCue.To && !(i - 1 >= sentence.TokenStart && Has(MotionWords, document.TokenText(i - 1))))
                {
                    return PlaceCue.None; // "ambassador to Turkey", "wrote to Vladimir": not a destination
                }

                return cue;
            }

            if (word.Equals("of", StringComparison.OrdinalIgnoreCase))
            {
                if (IsFromTheDirectionOf(document, sentence, i))
                {
                    return PlaceCue.Origin;
                }

                if (i - 1 >= sentence.TokenStart && Has(OfNouns, document.TokenText(i - 1)))
                {
                    // "village of X"; but "the Digh village of the Gorus region": X is a container of the previous mention.
                    if (m > 0 && mentions[m - 1].Last == i - 1)
                    {
                        return mentions[m - 1].Cue == PlaceCue.Origin || CueBefore(document, sentence, mentions[m - 1].First, mentions, m - 1) == PlaceCue.Origin
                            ? PlaceCue.Origin
                            : PlaceCue.Container;
                    }

                    var outer = CueBefore(document, sentence, i - 1, mentions, m);
                    return outer == PlaceCue.Origin ? PlaceCue.Origin : PlaceCue.SettlementOf;
                }

                if (m > 0 && mentions[m - 1].Last == i - 1)
                {
                    var previous = CueBefore(document, sentence, mentions[m - 1].First, mentions, m - 1);
                    return previous == PlaceCue.Origin ? PlaceCue.Origin : PlaceCue.Container;
                }

                return PlaceCue.None;
            }

            if (word is "," or "and" or "or" && m > 0 && mentions[m - 1].Last == i - 1)
            {
                // A list: "near Jermuk, Goris and Sotk".
                return CueBefore(document, sentence, mentions[m - 1].First, mentions, m - 1) switch
                {
                    PlaceCue.None when mentions[m - 1].Suffix != PlaceSuffix.None => PlaceCue.None,
                    var c => c,
                };
            }

            if (Skippable.Contains(word))
            {
                i--;
                skipped++;
                continue;
            }

            if (document.Token(i).Kind == TokenKind.Word && char.IsUpper(document.TokenText(i)[0]) && skipped < 2 && IsDemonymLike(word))
            {
                // "in the besieged Syrian enclave of Douma": adjectives of nationality.
                i--;
                skipped++;
                continue;
            }

            return PlaceCue.None;
        }

        return PlaceCue.None;
    }

    private static bool IsListBeforeNamedAfter(Document document, Sentence sentence, List<PlaceMention> mentions, int m, ReadOnlySpan<char> next)
    {
        // "the Prague and Sochi agreements": Prague is named-after too.
        if (!next.Equals("and", StringComparison.OrdinalIgnoreCase) || m + 1 >= mentions.Count)
        {
            return false;
        }

        var following = mentions[m + 1];
        return following.First == mentions[m].Last + 2 && following.Last + 1 < sentence.TokenEnd
            && Has(NamedAfterNouns, document.TokenText(following.Last + 1));
    }

    private static bool IsDemonymLike(ReadOnlySpan<char> word) =>
        word.EndsWith("ian", StringComparison.Ordinal) || word.EndsWith("ese", StringComparison.Ordinal) || word.EndsWith("ish", StringComparison.Ordinal)
        || word.EndsWith("an", StringComparison.Ordinal) || word.EndsWith("i", StringComparison.Ordinal) || word.EndsWith("ic", StringComparison.Ordinal);

    private static bool IsFromTheDirectionOf(Document document, Sentence sentence, int index)
    {
        // index points at "of": "from the direction of", "from the side of", "from direction of".
        if (index - 2 < sentence.TokenStart || document.TokenText(index - 1) is not ("direction" or "side" or "territory" or "area"))
        {
            return false;
        }

        return document.TokenText(index - 2).Equals("from", StringComparison.OrdinalIgnoreCase)
            || (index - 3 >= sentence.TokenStart && document.TokenText(index - 3).Equals("from", StringComparison.OrdinalIgnoreCase));
    }

    private static bool IsNameWord(Document document, int index)
    {
        var token = document.Token(index);
        if (token.Kind != TokenKind.Word)
        {
            return false;
        }

        var text = document.TokenText(index);
        return char.IsUpper(text[0]);
    }

    private static ReadOnlySpan<char> Text(Document document, int first, int last)
    {
        var span = document.TokenRange(first, last);
        return document.Text.Value.AsSpan(span.Start, span.End - span.Start);
    }

    private static bool IsConnector(Document document, int index) =>
        document.Token(index).Kind == TokenKind.Word && Has(Connectors, document.TokenText(index));

    private static PlaceSuffix SuffixKind(Document document, int index)
    {
        var token = document.Token(index);
        if (token.Kind != TokenKind.Word)
        {
            return PlaceSuffix.None;
        }

        Span<char> buffer = stackalloc char[32];
        var text = document.TokenText(index);
        if (text.Length > buffer.Length)
        {
            return PlaceSuffix.None;
        }

        int n = GeoName.Normalize(text, buffer);
        return GeoName.Classify(buffer[..n]);
    }
}
