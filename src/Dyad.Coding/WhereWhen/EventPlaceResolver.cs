using System.Collections.Frozen;
using Dyad.Lexicon.Geo;
using Dyad.Text;

namespace Dyad.Coding.WhereWhen;

/// <summary>
/// Decides where each event happened (CODING_RULES 13) from the place mentions of its sentence and the
/// article:
/// <list type="number">
/// <item>a locative mention is owned by the nearest event trigger of its sentence (a place after a verb belongs
/// to it); a name cued as an origin ("from the direction of X"), a seat ("X-based"), a road or an actor is
/// never an event's place, so fire from village A on positions in district B is placed at B;</item>
/// <item>a speech act does not take a place from the clause it reports ("said that ... in X");</item>
/// <item>a speech act with no place of its own takes the venue of the same speaker's meeting or speech in the
/// article (the CIS meeting in Samarkand), when the dates agree;</item>
/// <item>otherwise the dateline city, only for an act of that country's own actors, a meeting, or an agreement or
/// pledge reported in the lead, on or about the report date, with low confidence; else none.</item>
/// </list>
/// Candidates are ranked by the countries of the event's actors and of the article, by containment ("Kuriga,
/// Kaduna state"), by the kind the suffix asks for (district -> region), by capital status and population.
/// Stateless and thread-safe.
/// </summary>
public sealed class EventPlaceResolver
{
    private static readonly WordSet ComplementMarkers = new[]
    {
        "that", "said", "says", "told", "announced", "added", "stated", "reported", "claimed", "accused", "alleged",
        "for", "into", "saying", "calling",
    }.ToWordSet(StringComparer.OrdinalIgnoreCase);

    // Words after which a place belongs to another clause or to the topic of the act, not to the act:
    // "... after protests in Almaty turned violent", "in protest at its offensive in the Gaza Strip".
    private static readonly WordSet ClauseBarriers = new[]
    {
        "after", "before", "because", "since", "following", "amid", "which", "who", "whose", "where", "while",
        "although", "but", "whereas", "until", "over", "about", "against", "protest", ";",
    }.ToWordSet(StringComparer.OrdinalIgnoreCase);

    private static readonly WordSet Nationwide = new[] { "nationwide", "countrywide", "nation-wide" }
        .ToWordSet(StringComparer.OrdinalIgnoreCase);

    private const int MaxCachedDatelines = 4096;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (int Index, double Score, string Country)[]> _datelineCities = new(StringComparer.Ordinal);

    private readonly Gazetteer? _gazetteer;

    /// <summary>Creates a resolver over <paramref name="gazetteer"/> (the shipped one when null).</summary>
    public EventPlaceResolver(Gazetteer? gazetteer = null) => _gazetteer = gazetteer;

    private Gazetteer Gazetteer => _gazetteer ?? Gazetteer.Default;

    /// <summary>The place of each event (parallel to <paramref name="events"/>), or null.</summary>
    public EventLocation?[] Resolve(Document document, IReadOnlyList<CodedEvent> events, PlaceLayer places, IReadOnlyList<EventDate?> dates)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(places);
        var result = new EventLocation?[events.Count];
        var articleCountries = ArticleCountries(document, events, places);
        var attached = Attach(document, events, places);
        for (int e = 0; e < events.Count; e++)
        {
            var mention = attached[e];
            if (mention is not null)
            {
                var actors = ActorCountries(events[e]);
                var container = mention.Container >= 0 ? places.BySentence[mention.SentenceIndex][mention.Container] : null;
                result[e] = Locate(mention, container, actors, articleCountries, document.ReportDate, events[e]);
            }
        }

        // Material conflict with no place of its own takes the place of another act in its sentence ("seized the
        // airport in Goma ... after days of fighting").
        for (int e = 0; e < events.Count; e++)
        {
            var ev = events[e];
            if (result[e] is not null || !int.TryParse(ev.Record.Root, out int r) || r < 14)
            {
                continue;
            }

            for (int o = 0; o < events.Count; o++)
            {
                if (o != e && events[o].SentenceIndex == ev.SentenceIndex && attached[o] is { Cue: not (PlaceCue.NamedAfter or PlaceCue.To) } && result[o] is EventLocation other
                    && int.TryParse(events[o].Record.Root, out int ro) && ro >= 14)
                {
                    result[e] = other with { Confidence = Math.Round(other.Confidence.GetValueOrDefault() * 0.8, 2) };
                    break;
                }
            }
        }

        // Acts agreed or done at talks take the talks' venue ("agreed on Thursday to keep negotiating after two days
        // of talks at the Villa Borsig").
        for (int e = 0; e < events.Count; e++)
        {
            if (result[e] is not null)
            {
                continue;
            }

            for (int o = 0; o < events.Count; o++)
            {
                if (o != e && events[o].SentenceIndex == events[e].SentenceIndex && events[o].Record.Root == "04" && events[o].Record.Code != "041"
                    && result[o] is EventLocation venue && attached[o] is { Cue: not (PlaceCue.NamedAfter or PlaceCue.To) })
                {
                    result[e] = venue with { Confidence = Math.Round(venue.Confidence.GetValueOrDefault() * 0.8, 2) };
                    break;
                }
            }
        }

        // Nationwide measures ("ended the nationwide state of emergency"): the source's country.
        for (int e = 0; e < events.Count; e++)
        {
            var ev = events[e];
            if (result[e] is null && ev.Record.Source is string code && Gazetteer.Alpha2(code) is string iso && NearTrigger(document, ev, Nationwide)
                && Gazetteer.Country(iso) is Place country)
            {
                result[e] = ToLocation(country.Name, country, 0.5);
            }
        }

        // Speech acts without a place of their own: the venue of the same speaker's located statement or meeting.
        for (int e = 0; e < events.Count; e++)
        {
            var ev = events[e];
            if (result[e] is not null || !ev.IsSpeechAct || ev.IsEmbedded || ev.IsReference || ev.Record.Source is null)
            {
                continue;
            }

            for (int v = 0; v < events.Count; v++)
            {
                var venue = events[v];
                if (v != e && result[v] is EventLocation place && attached[v] is not null && !venue.IsReference && venue.Record.Source == ev.Record.Source
                    && (venue.IsSpeechAct || venue.Record.Root == "04") && SameDay(dates, e, v) && place.Confidence >= 0.5)
                {
                    result[e] = place with { Confidence = Math.Round(place.Confidence.GetValueOrDefault() * 0.9, 2) };
                    break;
                }
            }
        }

        // A visit whose host is named by its capital ("Qureshi's earlier stops were Kabul and Tehran") was in that capital.
        var actorLayer = document.TryGetLayer<ActorLayer>();
        for (int e = 0; e < events.Count && actorLayer is not null; e++)
        {
            var ev = events[e];
            var hostTokens = ev.Record.Code == "042" ? ev.TargetTokens : ev.Record.Code == "043" ? ev.SourceTokens : null;
            string? hostCode = ev.Record.Code == "042" ? ev.Record.Target : ev.Record.Source;
            if (result[e] is not null || hostTokens is not { } tokens || hostCode is null || Gazetteer.Alpha2(hostCode) is not string hostCountry ||
                actorLayer.At(tokens.First) is not { Kind: ActorMentionKind.Metonym } capital)
            {
                continue;
            }

            string name = document.Slice(document.TokenRange(capital.First, capital.Last));
            var match = Gazetteer.Lookup(name);
            foreach (int candidate in match.Places)
            {
                if (string.Equals(Gazetteer[candidate].Country, hostCountry, StringComparison.OrdinalIgnoreCase))
                {
                    result[e] = ToLocation(name, Gazetteer[candidate], 0.6);
                    break;
                }
            }
        }

        // The dateline city, only for the acts of its own country's actors on about the report date.
        var dateline = Array.IndexOf(result, null) >= 0 ? DatelinePlace(document, articleCountries) : null;
        if (dateline is Place city)
        {
            for (int e = 0; e < events.Count; e++)
            {
                var ev = events[e];
                if (result[e] is not null || ev.IsEmbedded)
                {
                    continue;
                }

                bool recent = dates.Count <= e || dates[e] is not EventDate d || document.ReportDate is not DateOnly r || Math.Abs(d.Date.DayNumber - r.DayNumber) <= 1;
                string? source = ev.Record.Source is string s ? Gazetteer.Alpha2(s) : null;
                string? target = ev.Record.Target is string t ? Gazetteer.Alpha2(t) : null;
                bool physical = int.TryParse(ev.Record.Root, out int root) && root >= 14;
                bool meeting = ev.Record.Root == "04" && ev.Record.Code != "041"; // a phone call has no venue
                bool withHost = ev.Record.Root == "05" && target == city.Country; // signing with the dateline's country
                // What the lead reports as agreed or pledged ("BERLIN – The foreign ministers ... agreed on Thursday to
                // keep negotiating") was agreed where the report was filed.
                bool leadAgreement = ev.Record.Root is "03" or "05" && ev.SentenceIndex == 0;
                if (recent && (meeting || withHost || leadAgreement || source == city.Country || (source is null && physical && target == city.Country)))
                {
                    result[e] = ToLocation(document.Dateline!.City is string name ? TitleCase(name.Split('/')[0]) : city.Name, city, 0.4);
                }
            }
        }

        return result;
    }

    private static bool NearTrigger(Document document, CodedEvent ev, WordSet lookup)
    {
        var sentence = document.Sentence(ev.SentenceIndex);
        for (int i = ev.TriggerFirst; i < Math.Min(sentence.TokenEnd, ev.TriggerLast + 7); i++)
        {
            if (lookup.Contains(document.TokenText(i)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool SameDay(IReadOnlyList<EventDate?> dates, int a, int b)
    {
        var da = a < dates.Count ? dates[a] : null;
        var db = b < dates.Count ? dates[b] : null;
        return da is null || db is null || da.Value.Date == db.Value.Date;
    }

    private PlaceMention?[] Attach(Document document, IReadOnlyList<CodedEvent> events, PlaceLayer places)
    {
        var result = new PlaceMention?[events.Count];
        AttachInSentences(document, events, places, result);

        // A headline restates the lead: its events take the lead's place ("... held in Samarkand").
        int lead = EventDateResolver.LeadSentence(document);
        bool headlineEvent = false;
        for (int e = 0; e < events.Count && !headlineEvent; e++)
        {
            headlineEvent = result[e] is null && events[e].SentenceIndex < lead && document.Sentence(events[e].SentenceIndex).IsHeadline;
        }

        if (headlineEvent && lead < places.BySentence.Count)
        {
            var leadPlace = places.BySentence[lead].FirstOrDefault(m => m.IsLocative && !m.IsActor && m.Cue is not (PlaceCue.Origin or PlaceCue.To));
            for (int e = 0; e < events.Count; e++)
            {
                if (result[e] is null && leadPlace is not null && events[e].SentenceIndex < lead && document.Sentence(events[e].SentenceIndex).IsHeadline
                    && !EventDateResolver.IsIntentOrThreat(events[e].Record.Code))
                {
                    result[e] = leadPlace;
                }
            }
        }

        return result;
    }

    private void AttachInSentences(Document document, IReadOnlyList<CodedEvent> events, PlaceLayer places, PlaceMention?[] result)
    {
        for (int e0 = 0; e0 < events.Count; e0++)
        {
            int s = events[e0].SentenceIndex;
            if (s < 0 || s >= places.BySentence.Count || FirstEventOfSentence(events, e0) != e0)
            {
                continue; // each sentence once
            }

            var mentions = places.BySentence[s];
            bool usableMention = false;
            for (int im = 0; im < mentions.Count; im++)
            {
                var m = mentions[im];
                usableMention |= !m.IsActor && (m.IsLocative || m.Cue == PlaceCue.NamedAfter);
            }

            if (!usableMention)
            {
                continue; // most sentences: nothing to attach
            }

            // Each usable mention goes to the nearest trigger of the sentence (by its first token; a place after a
            // trigger belongs to it, one before counts double the distance).
            bool allIntents = true;
            for (int e = e0; e < events.Count; e++)
            {
                if (events[e].SentenceIndex == s && !EventDateResolver.IsIntentOrThreat(events[e].Record.Code))
                {
                    allIntents = false;
                }
            }

            var owners = new int[mentions.Count];
            for (int mi = 0; mi < mentions.Count; mi++)
            {
                var m = mentions[mi];
                owners[mi] = -1;
                if (m.IsActor || !(m.IsLocative || m.Cue == PlaceCue.NamedAfter))
                {
                    continue;
                }

                if (m.Cue == PlaceCue.To && allIntents)
                {
                    continue; // "will travel to Samarkand": the planned place is not the intent's (CODING_RULES 10)
                }

                int owner = -1, best = int.MaxValue;
                for (int e = e0; e < events.Count; e++)
                {
                    if (events[e].SentenceIndex != s)
                    {
                        continue;
                    }

                    int first = events[e].TriggerFirst, last = events[e].TriggerLast;
                    int distance = m.Cue == PlaceCue.NamedAfter
                        ? (first > m.Last && first - m.Last <= 4 ? first - m.Last : int.MaxValue)
                        : (m.First > last ? m.First - last : (first - m.Last) * 2);
                    if (distance < best)
                    {
                        best = distance;
                        owner = first;
                    }
                }

                owners[mi] = owner >= 0 && best != int.MaxValue ? owner : -1;
            }

            // The events sharing a trigger share its mentions: named-after names are dealt out in order ("the Prague
            // and Sochi agreements"), otherwise each event takes the most specific mention it may use.
            for (int e = e0; e < events.Count; e++)
            {
                var ev = events[e];
                if (ev.SentenceIndex != s)
                {
                    continue;
                }

                int k = 0, members = 0;
                for (int o = e0; o < events.Count; o++)
                {
                    if (events[o].SentenceIndex == s && events[o].TriggerFirst == ev.TriggerFirst)
                    {
                        k += o < e ? 1 : 0;
                        members++;
                    }
                }

                int named = 0;
                List<PlaceMention>? usable = null;
                bool intent = EventDateResolver.IsIntentOrThreat(ev.Record.Code);
                bool speech = IsSpeechLike(ev);
                for (int mi = 0; mi < mentions.Count; mi++)
                {
                    if (owners[mi] != ev.TriggerFirst || owners[mi] < 0)
                    {
                        continue;
                    }

                    var m = mentions[mi];
                    if (m.Cue == PlaceCue.NamedAfter)
                    {
                        named++;
                        continue;
                    }

                    if (!(m.First > ev.TriggerLast
                        && (intent || Between(document, ev.TriggerLast, m.First, ClauseBarriers) || (speech && Between(document, ev.TriggerLast, m.First, ComplementMarkers)))))
                    {
                        (usable ??= []).Add(m);
                    }
                }

                if (named > 0)
                {
                    int wanted = Math.Min(named - 1, k * named / members);
                    for (int mi = 0, n = 0; mi < mentions.Count; mi++)
                    {
                        if (owners[mi] == ev.TriggerFirst && owners[mi] >= 0 && mentions[mi].Cue == PlaceCue.NamedAfter && n++ == wanted)
                        {
                            result[e] = mentions[mi];
                            break;
                        }
                    }

                    continue;
                }

                result[e] = usable is null ? null : MostSpecific(usable, mentions);
            }
        }
    }

    private static int FirstEventOfSentence(IReadOnlyList<CodedEvent> events, int e)
    {
        for (int i = 0; i < e; i++)
        {
            if (events[i].SentenceIndex == events[e].SentenceIndex)
            {
                return i;
            }
        }

        return e;
    }

    private static bool Between(Document document, int from, int to, WordSet lookup)
    {
        if (to - from <= 1)
        {
            return false;
        }

        for (int i = from + 1; i < to; i++)
        {
            if (lookup.Contains(document.TokenText(i)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Statements (roots 01-03, 10-13) and events the coder marks as speech acts.</summary>
    internal static bool IsSpeechLike(CodedEvent ev) =>
        ev.IsSpeechAct || ev.Record.Root is "01" or "02" or "03" or "10" or "11" or "12" or "13";

    private PlaceMention? MostSpecific(List<PlaceMention> mentions, IReadOnlyList<PlaceMention> all)
    {
        PlaceMention? best = null;
        int bestRank = int.MaxValue;
        foreach (var m in mentions)
        {
            int rank = Specificity(m);
            for (int o = 0; o < all.Count; o++)
            {
                if (all[o].Container >= 0 && ReferenceEquals(all[all[o].Container], m) && mentions.Contains(all[o]))
                {
                    rank += 10; // a container of another chosen mention is less specific than it
                    break;
                }
            }

            if (rank < bestRank)
            {
                best = m;
                bestRank = rank;
            }
        }

        return best;
    }

    private int Specificity(PlaceMention m)
    {
        if (m.Cue == PlaceCue.Border)
        {
            return 3;
        }

        if (m.Candidates.Length == 0)
        {
            return m.Suffix == PlaceSuffix.Admin ? 2 : 1;
        }

        return Gazetteer[m.Candidates[0]].Kind switch
        {
            PlaceKind.City => 1,
            PlaceKind.Water or PlaceKind.Line => 2,
            PlaceKind.Admin1 => m.Suffix == PlaceSuffix.Admin ? 2 : 1,
            _ => 4,
        };
    }

    private EventLocation? Locate(PlaceMention mention, PlaceMention? container, HashSet<string> actors, HashSet<string> article, DateOnly? report, CodedEvent ev)
    {
        Place? containerPlace = container is not null ? Choose(container, null, actors, article, out _) : null;
        if (mention.Cue == PlaceCue.Border && mention.Candidates.Length == 0)
        {
            // A border between two named sides has no country (CODING_RULES 13); "its border" is the actor's own side.
            string? side = mention.OwnBorder && ev.Record.Source is string own ? Gazetteer.Alpha2(own) : null;
            return new EventLocation(mention.Text, side, null, null) { Confidence = side is null ? 0.6 : 0.5 };
        }

        var place = Choose(mention, containerPlace, actors, article, out double confidence);
        string name = container is not null && containerPlace is { Kind: not PlaceKind.Country } ? mention.Text + ", " + container.Text : mention.Text;
        if (place is Place p)
        {
            return ToLocation(name, p, confidence);
        }

        // A name the gazetteer lacks but the text calls a place: the country of its container or of the act.
        string? country = containerPlace?.Country;
        if (country is null && ev.Record.Target is string t && Gazetteer.Alpha2(t) is string targetCountry)
        {
            country = targetCountry;
        }
        else if (country is null && ev.Record.Source is string s && Gazetteer.Alpha2(s) is string sourceCountry)
        {
            country = sourceCountry;
        }

        return new EventLocation(name, country, containerPlace?.Lat, containerPlace?.Lon)
        {
            Admin1 = containerPlace is Place cp && Gazetteer.Admin1Of(cp) is Place a ? a.Name : null,
            Confidence = country is null ? 0.2 : 0.35,
        };
    }

    /// <summary>
    /// Ranks a mention's candidates and returns the best, with a confidence in [0, 1] from the cue and the
    /// margin over the runner-up.
    /// </summary>
    public Place? Choose(PlaceMention mention, Place? container, IReadOnlySet<string> actorCountries, IReadOnlySet<string> articleCountries, out double confidence)
    {
        ArgumentNullException.ThrowIfNull(mention);
        confidence = 0;
        double best = double.NegativeInfinity, second = double.NegativeInfinity;
        Place? chosen = null;
        foreach (int index in mention.Candidates)
        {
            var p = Gazetteer[index];
            double score = Math.Log10(p.Population + 10) / 2;
            bool inActors = actorCountries.Contains(p.Country);
            bool inArticle = articleCountries.Contains(p.Country);
            if (inActors)
            {
                score += 3;
            }
            else if (inArticle)
            {
                score += 2;
            }

            if (container is Place c && p.Country == c.Country && (c.Kind == PlaceKind.Country || p.Admin1Code == c.Admin1Code))
            {
                score += 4;
            }

            score += (mention.Suffix, p.Kind) switch
            {
                (PlaceSuffix.Admin, PlaceKind.Admin1) => 2.5,
                (PlaceSuffix.Admin, PlaceKind.City) when p.IsAdminSeat => 1,
                (PlaceSuffix.Settlement, PlaceKind.City) => 2,
                (PlaceSuffix.None, PlaceKind.Country) => 2,
                (PlaceSuffix.None, PlaceKind.City) => 0.5,
                (_, PlaceKind.Water or PlaceKind.Line) => 2,
                _ => 0,
            };
            if (p.IsCapital)
            {
                score += 1;
            }

            if (mention.ByVariant && !inActors && !inArticle && p.Population < 100_000)
            {
                continue; // a spelling variant of an obscure place far from the story is no match
            }

            if (score > best)
            {
                second = best;
                best = score;
                chosen = p;
            }
            else if (score > second)
            {
                second = score;
            }
        }

        if (chosen is null)
        {
            return null;
        }

        double margin = double.IsNegativeInfinity(second) ? 3 : best - second;
        double cue = mention.Cue switch
        {
            PlaceCue.In or PlaceCue.At or PlaceCue.Suffix or PlaceCue.SettlementOf => 0.55,
            PlaceCue.Near or PlaceCue.Container or PlaceCue.Border or PlaceCue.NamedAfter => 0.5,
            _ => 0.4,
        };
        confidence = Math.Round(Math.Clamp(cue + (0.12 * Math.Min(margin, 3)) - (mention.ByVariant ? 0.1 : 0), 0.05, 0.95), 2);
        return chosen;
    }

    private EventLocation ToLocation(string name, Place place, double confidence) =>
        new(name, place.Country.Length == 0 ? null : place.Country, Math.Round(place.Lat, 5), Math.Round(place.Lon, 5))
        {
            Admin1 = place.Kind != PlaceKind.Country && Gazetteer.Admin1Of(place) is Place a ? a.Name : null,
            GeoNamesId = place.GeoNamesId == 0 ? null : place.GeoNamesId,
            Confidence = confidence,
        };

    private HashSet<string> ActorCountries(CodedEvent ev)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        if (ev.Record.Source is string s && Gazetteer.Alpha2(s) is string a)
        {
            set.Add(a);
        }

        if (ev.Record.Target is string t && Gazetteer.Alpha2(t) is string b)
        {
            set.Add(b);
        }

        return set;
    }

    private HashSet<string> ArticleCountries(Document document, IReadOnlyList<CodedEvent> events, PlaceLayer places)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (int e = 0; e < events.Count; e++)
        {
            var ev = events[e];
            if (ev.Record.Source is string s && Gazetteer.Alpha2(s) is string a)
            {
                set.Add(a);
            }

            if (ev.Record.Target is string t && Gazetteer.Alpha2(t) is string b)
            {
                set.Add(b);
            }

            // Countries named in the event sentences (each sentence once).
            int sentence = ev.SentenceIndex;
            if (sentence < 0 || sentence >= places.BySentence.Count || FirstEventOfSentence(events, e) != e)
            {
                continue;
            }

            for (int im = 0; im < places.BySentence[sentence].Count; im++)
            {
                var m = places.BySentence[sentence][im];
                if (m.Candidates.Length > 0 && Gazetteer[m.Candidates[0]] is { Kind: PlaceKind.Country } country)
                {
                    set.Add(country.Country);
                }
            }
        }

        // Countries named as actors in the event sentences ("Armenia continues ..."), which the recognizer leaves out.
        if (document.TryGetLayer<ActorLayer>() is { } actors)
        {
            foreach (var a in actors.Mentions)
            {
                if (a.Kind == ActorMentionKind.Country && !a.IsAdjective && IsEventSentence(document.SentenceOfToken(a.First)) && Gazetteer.Alpha2(a.Code) is string iso)
                {
                    set.Add(iso);
                }
            }
        }

        return set;

        bool IsEventSentence(int s)
        {
            for (int ie = 0; ie < events.Count; ie++)
            {
                var ev = events[ie];
                if (ev.SentenceIndex == s)
                {
                    return true;
                }
            }

            return false;
        }
    }

    private Place? DatelinePlace(Document document, HashSet<string> articleCountries)
    {
        if (document.Dateline?.City is not string city)
        {
            return null;
        }

        // The cities a dateline names, with their article-independent scores, are kept per city name: a wire
        // service writes the same few datelines over and over, and the gazetteer lookup and the candidates'
        // records are cold by the time this stage runs.
        if (!_datelineCities.TryGetValue(city, out var candidates))
        {
            int slash = city.IndexOf('/');
            var match = Gazetteer.Lookup(slash >= 0 ? city.AsSpan(0, slash) : city, allowVariants: false);
            var list = new List<(int, double, string)>();
            foreach (int i in match.Places)
            {
                var p = Gazetteer[i];
                if (p.Kind == PlaceKind.City)
                {
                    list.Add((i, Math.Log10(p.Population + 10) + (p.IsCapital ? 1 : 0), p.Country));
                }
            }

            candidates = [.. list];
            if (_datelineCities.Count < MaxCachedDatelines)
            {
                _datelineCities.TryAdd(city, candidates);
            }
        }

        int best = -1;
        double bestScore = double.NegativeInfinity;
        foreach (var (index, baseScore, country) in candidates)
        {
            double score = baseScore + (articleCountries.Contains(country) ? 3 : 0);
            if (score > bestScore)
            {
                best = index;
                bestScore = score;
            }
        }

        return best < 0 ? null : Gazetteer[best];
    }

    private static string TitleCase(string upper)
    {
        var chars = upper.ToLowerInvariant().ToCharArray();
        for (int i = 0; i < chars.Length; i++)
        {
            if (i == 0 || chars[i - 1] is ' ' or '-' or '.')
            {
                chars[i] = char.ToUpperInvariant(chars[i]);
            }
        }

        return new string(chars);
    }
}
