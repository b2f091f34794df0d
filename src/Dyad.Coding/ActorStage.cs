using System.Collections.Frozen;
using Dyad.Lexicon;
using Dyad.Text;

namespace Dyad.Coding;

/// <summary>How an actor mention was recognised.</summary>
public enum ActorMentionKind
{
    /// <summary>A country (name, adjective or people) without a role.</summary>
    Country,
    /// <summary>A country composed with a role ("Armenian armed forces", "Foreign Minister of Azerbaijan").</summary>
    Composed,
    /// <summary>A capital or seat standing for a role ("Baku", "the Kremlin").</summary>
    Metonym,
    /// <summary>An organisation with its own code.</summary>
    Organisation,
    /// <summary>A named person with a dated role.</summary>
    Person,
    /// <summary>A role resolved from the article (earlier mention or dateline country).</summary>
    Inferred,
}

/// <summary>One actor mention: tokens <c>[First, Last]</c>, its code and how it was found.</summary>
/// <param name="First">First token (inclusive).</param>
/// <param name="Last">Last token (inclusive).</param>
/// <param name="Code">CAMEO actor code.</param>
/// <param name="Kind">How it was recognised.</param>
/// <param name="Locative">True when the mention names a place ("in Azerbaijan", "region of Armenia"), not an actor.</param>
/// <param name="Evidence">Dictionary lines that produced it.</param>
public sealed record ActorMention(int First, int Last, string Code, ActorMentionKind Kind, bool Locative, IReadOnlyList<Provenance> Evidence)
{
    /// <summary>Index of the first mention of its compound group ("X and Y" share one group).</summary>
    public int Group { get; set; } = -1;

    /// <summary>The country part of the code (first three letters), or null for organisations.</summary>
    public string? Country => Kind == ActorMentionKind.Organisation ? null : Code[..3];

    /// <summary>True for a bare country adjective ("Kyrgyz" in "Kyrgyz and Tajik border troops").</summary>
    public bool IsAdjective { get; init; }
}

/// <summary>The actor mentions of a document, in text order.</summary>
public sealed class ActorLayer
{
    /// <summary>Creates the layer.</summary>
    public ActorLayer(List<ActorMention> mentions) => Mentions = mentions;

    /// <summary>Mentions in text order.</summary>
    public List<ActorMention> Mentions { get; }

    /// <summary>The country the dateline names (its city as a capital, or its region), or null.</summary>
    public string? DatelineCountry { get; init; }

    /// <summary>The mention covering token <paramref name="token"/>, or null.</summary>
    public ActorMention? At(int token) => Covering(Mentions, token);

    /// <summary>The first of <paramref name="mentions"/> (in text order) covering token <paramref name="token"/>, or null.</summary>
    public static ActorMention? Covering(List<ActorMention> mentions, int token)
    {
        foreach (var m in mentions)
        {
            if (token >= m.First && token <= m.Last)
            {
                return m;
            }

            if (m.First > token)
            {
                break;
            }
        }

        return null;
    }
}

/// <summary>
/// Finds actor mentions: dictionary phrases composed into actors (country + role, role of country,
/// organisations, people with dated roles, capitals and seats as metonyms), titles without a country resolved
/// from earlier mentions or the dateline, places told apart from actors, and compounds grouped.
/// </summary>
public sealed class ActorStage : IPipelineStage
{
    private static readonly FrozenSet<string> LocativePrepositions = new[] { "in", "at", "near", "inside", "outside", "across", "throughout", "within", "around" }.ToFrozenSet();
    private static readonly FrozenSet<string> PlaceNouns = new[]
    {
        "region", "district", "village", "province", "city", "town", "territory", "territories", "capital", "coast", "border", "part", "parts",
        "north", "south", "east", "west", "state", "area", "areas", "outskirts", "side", "soil", "airspace", "waters", "borders", "regions",
        "districts", "villages", "provinces", "cities", "towns", "centre", "center", "heart", "enclave", "frontier", "direction",
    }.ToFrozenSet();
    private static readonly FrozenSet<string> Determiners = new[] { "the", "a", "an", "its", "their", "his", "her", "this", "that", "these", "those" }.ToFrozenSet();

    private readonly Lexicon.Lexicon _lexicon;

    /// <summary>Creates the stage over <paramref name="lexicon"/>.</summary>
    public ActorStage(Lexicon.Lexicon lexicon) => _lexicon = lexicon;

    /// <inheritdoc />
    public string Name => "actors";

    /// <inheritdoc />
    public IReadOnlyList<Layer> Needs { get; } = [Layer.Tokens, Layer.Sentences, Layer.Dateline, Layer.Lexical];

    /// <inheritdoc />
    public IReadOnlyList<Layer> Adds { get; } = [Layer.Actors];

    /// <inheritdoc />
    public void Process(Document document)
    {
        var lexical = document.GetLayer<LexicalLayer>();
        var mentions = new List<ActorMention>();
        var memory = new Dictionary<string, string>(StringComparer.Ordinal); // agent word -> last code
        DateOnly date = document.ReportDate ?? DateOnly.FromDateTime(DateTime.UtcNow);
        var dateline = document.Dateline?.Span;
        var allHits = new List<(Sentence Sentence, List<Hit> Hits)>();
        foreach (var sentence in document.Sentences)
        {
            var hits = FindHits(document, lexical, sentence);
            if (dateline is TextSpan d)
            {
                // The dateline names where the report was filed, not an actor.
                hits.RemoveAll(h => document.Token(h.First).Start >= d.Start && document.Token(h.Last).End <= d.End);
            }

            // "military assistance", "security cooperation", "police training": an agent word used as a modifier of
            // a thing is not an actor.
            hits.RemoveAll(h => h.Entry.Kind == ActorEntryKind.Agent && h.Last + 1 < sentence.TokenEnd && IsThingModified(document, h.Last + 1));
            allHits.Add((sentence, hits));
        }

        string? datelineCountry = DatelineCountry(document);
        var home = new HomeCountry(datelineCountry ?? MostFrequentCountry(allHits), FromDateline: datelineCountry is not null);
        foreach (var (sentence, hits) in allHits)
        {
            Compose(document, lexical, sentence, hits, mentions, memory, home, date);
        }

        mentions = AddAppositiveNames(document, lexical, mentions);
        mentions = MentionRules.MergeTitleAndName(mentions);
        mentions = AddSurnameReferences(document, lexical, mentions);
        var pairs = AddPairReferences(document, mentions);
        GroupCompounds(document, mentions, t => IsVerbToken(lexical, t));
        foreach (var (first, second) in pairs)
        {
            second.Group = first.Group; // "the two countries" is one compound of both parties
        }

        document.SetLayer(Layer.Actors, new ActorLayer(mentions) { DatelineCountry = datelineCountry });
    }

    /// <summary>
    /// A surname alone that ends an earlier named person ("Pakistani Foreign Minister Shah Mehmood Qureshi ...
    /// Qureshi's earlier stops") refers to that person: it takes the earlier mention's code (Kind Inferred, the
    /// earlier mention's evidence). Only capitalised words that are no actor phrase of their own and not the first
    /// word of the earlier name.
    /// </summary>
    private static List<ActorMention> AddSurnameReferences(Document document, LexicalLayer lexical, List<ActorMention> mentions)
    {
        var surnames = new Dictionary<string, ActorMention>(StringComparer.Ordinal);
        var added = new List<ActorMention>();
        var sentenceStart = new bool[document.TokenCount];
        foreach (var sentence in document.Sentences)
        {
            if (sentence.TokenStart < sentenceStart.Length)
            {
                sentenceStart[sentence.TokenStart] = true;
            }
        }

        int next = 0;
        for (int t = 0; t < document.TokenCount; t++)
        {
            while (next < mentions.Count && mentions[next].Last < t)
            {
                var m = mentions[next++];
                bool named = m.Kind is ActorMentionKind.Person or ActorMentionKind.Composed && m.Last > m.First && lexical.Capitalised[m.Last] && lexical.Capitalised[m.Last - 1] &&
                             document.Token(m.Last).Kind == TokenKind.Word && m.Code.Length >= 6;
                if (named)
                {
                    surnames[Vocabulary.Fold(document.TokenText(m.Last))] = m;
                }
            }

            if (surnames.Count == 0 || !lexical.Capitalised[t] || document.Token(t).Kind != TokenKind.Word || (next < mentions.Count && mentions[next].First <= t) ||
                (t + 1 < document.TokenCount && lexical.Capitalised[t + 1] && document.Token(t + 1).Kind == TokenKind.Word) ||
                (t > 0 && lexical.Capitalised[t - 1] && document.Token(t - 1).Kind == TokenKind.Word && !sentenceStart[t - 1]))
            {
                continue; // part of a longer name ("Sergei Lavrov", "Mr Lavrov" is fine: "Mr" is no name here)
            }

            if (surnames.TryGetValue(Vocabulary.Fold(document.TokenText(t)), out var person))
            {
                added.Add(new ActorMention(t, t, person.Code, ActorMentionKind.Inferred, false, person.Evidence));
            }
        }

        if (added.Count == 0)
        {
            return mentions;
        }

        return [.. mentions.Concat(added).OrderBy(m => m.First).ThenByDescending(m => m.Last)];
    }

    private static readonly FrozenSet<string> ModifiedThings = new[]
    {
        "aid", "assistance", "equipment", "hardware", "cooperation", "co-operation", "ties", "exercise", "exercises", "drills", "spending",
        "budget", "budgets", "package", "packages", "supplies", "training", "buildup", "build-up", "base", "bases", "installations",
        "infrastructure", "capabilities", "capability", "technology", "sales", "deal", "deals", "purchases", "procurement",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static bool IsThingModified(Document document, int next) => ModifiedThings.Contains(document.TokenText(next).ToString());

    private static readonly FrozenSet<string> PairCountryNouns = new[] { "countries", "nations", "states", "neighbours", "neighbors", "republics", "allies", "adversaries", "rivals", "foes", "powers" }.ToFrozenSet();
    private static readonly FrozenSet<string> PairGovernmentNouns = new[]
    {
        "leaders", "ministers", "presidents", "governments", "delegations", "capitals", "premiers", "administrations", "counterparts", "envoys", "diplomats",
        "ministries", "heads", "prime", "chancellors", "negotiators", "officials",
    }.ToFrozenSet();
    private static readonly FrozenSet<string> PairPartyNouns = new[] { "sides", "parties" }.ToFrozenSet();

    /// <summary>
    /// "The two countries", "both sides", "the two leaders", "each side", "the two" (as a subject): a reference to
    /// the two parties last named, each a country other than the other. Adds one mention per party over the phrase
    /// (Kind <see cref="ActorMentionKind.Inferred"/>, no dictionary evidence); the pairs are grouped as one compound.
    /// Countries for "countries", their governments for "leaders"/"ministers", the parties as last named for "sides".
    /// </summary>
    private static List<(ActorMention First, ActorMention Second)> AddPairReferences(Document document, List<ActorMention> mentions)
    {
        var pairs = new List<(ActorMention, ActorMention)>();
        var added = new List<ActorMention>();
        foreach (var sentence in document.Sentences)
        {
            for (int t = sentence.TokenStart; t < sentence.TokenEnd; t++)
            {
                if (!Is(document, t, "two", "both", "each"))
                {
                    continue; // the cheap test first: this loop sees every token of the article
                }

                string w = Vocabulary.Fold(document.TokenText(t));
                int last;
                string kind;
                if ((w is "two" && t > sentence.TokenStart && Is(document, t - 1, "the")) || w is "both" || (w is "each" && t + 1 < sentence.TokenEnd && Is(document, t + 1, "side", "party", "country")))
                {
                    int first = w is "two" ? t - 1 : t;
                    int n = t + 1;
                    if (n < sentence.TokenEnd && Is(document, n, "foreign", "defence", "defense", "prime", "heads"))
                    {
                        n++; // "the two foreign ministers", "both prime ministers"
                    }

                    string noun = n < sentence.TokenEnd ? Vocabulary.Fold(document.TokenText(n)) : string.Empty;
                    if (w is "each")
                    {
                        (last, kind) = (t + 1, "party");
                    }
                    else if (PairCountryNouns.Contains(noun))
                    {
                        (last, kind) = (n, "country");
                    }
                    else if (PairGovernmentNouns.Contains(noun))
                    {
                        (last, kind) = (n, "government");
                    }
                    else if (PairPartyNouns.Contains(noun))
                    {
                        (last, kind) = (n, "party");
                    }
                    else if (w is "two" && first == sentence.TokenStart && n == t + 1 && n < sentence.TokenEnd && document.Token(n).Kind == TokenKind.Word && !char.IsUpper(document.TokenText(n)[0]) && Vocabulary.Fold(document.TokenText(n)) is not ("of" or "and" or "days" or "weeks" or "months" or "years" or "hours"))
                    {
                        (last, kind) = (t, "party"); // "The two agreed to ..."
                    }
                    else
                    {
                        continue;
                    }

                    if (mentions.Any(m => m.First <= last && m.Last >= first && !(m.Kind == ActorMentionKind.Inferred && m.First >= first && m.Last <= last)))
                    {
                        continue; // already an actor ("both Armenia and Azerbaijan")
                    }

                    mentions.RemoveAll(m => m.Kind == ActorMentionKind.Inferred && m.First >= first && m.Last <= last); // "ministers" alone was one party

                    // A country named later in the same sentence is the other side of the act, not one of "both".
                    // A possessor names no side ("during India's upcoming term").
                    var laterInSentence = mentions.Where(m => m.First > last && m.Last < sentence.TokenEnd && m.Country is not null &&
                                                              !(m.Last + 1 < sentence.TokenEnd && Is(document, m.Last + 1, "'s", "'")))
                        .Select(m => m.Country!).ToHashSet(StringComparer.Ordinal);
                    // "former ministers Sinha and Shourie ... The two had earlier called ...": a named pair of people
                    // just before is "the two" rather than the article's two leading countries.
                    var parties = kind == "party" && w is "two" ? LastNamedPairOfPeople(document, mentions, first) : null;
                    parties ??= LastTwoParties(mentions, first, laterInSentence);
                    if (parties is null)
                    {
                        continue;
                    }

                    ActorMention Make(ActorMention party)
                    {
                        string code = kind switch
                        {
                            "country" => party.Code[..3],
                            "government" => party.Code[..3] + "GOV",
                            _ => party.Code,
                        };
                        // A bare country code acts as a country (its government in political acts), like a named country.
                        var mentionKind = party.Kind == ActorMentionKind.Organisation ? ActorMentionKind.Organisation
                            : code.Length == 3 ? ActorMentionKind.Country : ActorMentionKind.Inferred;
                        return new ActorMention(first, last, code, mentionKind, false, []);
                    }

                    var a = Make(parties.Value.Item1);
                    var b = Make(parties.Value.Item2);
                    added.Add(a);
                    added.Add(b);
                    pairs.Add((a, b));
                    t = last;
                }
            }
        }

        if (added.Count > 0)
        {
            mentions.AddRange(added);
            var ordered = mentions.OrderBy(m => m.First).ThenBy(m => m.Last).ToList(); // stable: the pair stays in order
            mentions.Clear();
            mentions.AddRange(ordered);
        }

        return pairs;
    }

    /// <summary>
    /// The two parties a pair reference means: of the countries named before token <paramref name="before"/>, the two
    /// named most often (ties go to the more recent), each represented by its latest mention; older first.
    /// "The two countries" in an article about Armenia and Azerbaijan is them, even when Russia was named last.
    /// </summary>
    /// <summary>The last "X and Y" of two people or officials within the previous ~60 tokens, or null.</summary>
    private static (ActorMention, ActorMention)? LastNamedPairOfPeople(Document document, List<ActorMention> mentions, int before)
    {
        for (int k = mentions.Count - 1; k > 0; k--)
        {
            var second = mentions[k];
            var first = mentions[k - 1];
            if (second.Last >= before)
            {
                continue;
            }

            if (second.Last < before - 60)
            {
                break;
            }

            bool people = first.Kind is ActorMentionKind.Person or ActorMentionKind.Inferred && second.Kind is ActorMentionKind.Person or ActorMentionKind.Inferred;
            bool joined = second.First == first.Last + 2 && Is(document, first.Last + 1, "and");
            if (people && joined && !first.Locative && !second.Locative)
            {
                return (first, second);
            }
        }

        return null;
    }

    private static (ActorMention, ActorMention)? LastTwoParties(List<ActorMention> mentions, int before, IReadOnlySet<string> excluded)
    {
        var counts = new Dictionary<string, (int Count, int LastIndex, ActorMention Latest)>(StringComparer.Ordinal);
        for (int k = 0; k < mentions.Count; k++)
        {
            var m = mentions[k];
            if (m.Last >= before || m.Locative || m.Country is null || m.Evidence.Count == 0 || excluded.Contains(m.Country))
            {
                continue;
            }

            counts[m.Country] = counts.TryGetValue(m.Country, out var c) ? (c.Count + 1, k, m) : (1, k, m);
        }

        if (counts.Count < 2)
        {
            return null;
        }

        var top = counts.Values.OrderByDescending(c => c.Count).ThenByDescending(c => c.LastIndex).Take(2).OrderBy(c => c.LastIndex).ToList();
        return (top[0].Latest, top[1].Latest);
    }

    /// <summary>
    /// A personal name the dictionaries do not know, followed by an apposition that names a role ("Zuheir Jabbour,
    /// the charge d'affaires at Syria's embassy"), takes the apposition's code, so that "expelled Zuheir Jabbour"
    /// has a target. The name must be two or more capitalised words inside the sentence, not at its start.
    /// </summary>
    private static List<ActorMention> AddAppositiveNames(Document document, LexicalLayer lexical, List<ActorMention> mentions)
    {
        var added = new List<ActorMention>();
        foreach (var m in mentions)
        {
            if (m.Locative || m.Kind is not (ActorMentionKind.Composed or ActorMentionKind.Person or ActorMentionKind.Inferred))
            {
                continue;
            }

            int comma = m.First - 1;
            if (comma >= 0 && Is(document, comma, "the", "a"))
            {
                comma--;
            }

            if (comma < 1 || !Is(document, comma, ","))
            {
                continue;
            }

            int sentenceStart = document.Sentence(document.SentenceOfToken(comma)).TokenStart;
            int first = comma;
            while (first - 1 > sentenceStart && lexical.Capitalised[first - 1] && document.Token(first - 1).Kind == TokenKind.Word && comma - first < 4)
            {
                first--;
            }

            int length = comma - first;
            bool free = !mentions.Any(x => x.Last >= first && x.First < comma);
            if (length >= 2 && free && !lexical.Capitalised[first - 1])
            {
                added.Add(new ActorMention(first, comma - 1, m.Code, ActorMentionKind.Inferred, false, m.Evidence));
            }
        }

        return added.Count == 0 ? mentions : mentions.Concat(added).OrderBy(x => x.First).ToList();
    }

    /// <summary>The article's home country and whether the dateline says so (stronger than a count of mentions).</summary>
    private readonly record struct HomeCountry(string? Code, bool FromDateline);

    /// <summary>A raw dictionary hit: tokens [First, Last] matched by <see cref="Entry"/>.</summary>
    private readonly record struct Hit(int First, int Last, ActorEntry Entry);

    private List<Hit> FindHits(Document document, LexicalLayer lexical, Sentence sentence)
    {
        var hits = new List<Hit>();
        int i = sentence.TokenStart;
        while (i < sentence.TokenEnd)
        {
            Hit? best = null;
            foreach (var entry in _lexicon.Actors.StartingWith(lexical.FormIds[i]))
            {
                if (i + entry.Length > sentence.TokenEnd)
                {
                    continue;
                }

                if (Matches(lexical, entry, i))
                {
                    best = new Hit(i, i + entry.Length - 1, entry);
                    break; // longest first
                }
            }

            if (best is Hit hit)
            {
                hits.Add(hit);
                i = hit.Last + 1;
            }
            else
            {
                i++;
            }
        }

        return hits;
    }

    private static bool Matches(LexicalLayer lexical, ActorEntry entry, int start)
    {
        for (int k = 0; k < entry.Length; k++)
        {
            int t = start + k;
            if (lexical.FormIds[t] != entry.TokenIds[k])
            {
                return false;
            }

            if (entry.AllCaps[k] && !lexical.AllCaps[t])
            {
                return false;
            }

            if (entry.Capitalised[k] && !lexical.Capitalised[t])
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsCountryish(ActorEntry e) => e.Kind is ActorEntryKind.CountryName or ActorEntryKind.CountryAdjective or ActorEntryKind.CountryPeople or ActorEntryKind.Organisation or ActorEntryKind.Capital;

    private void Compose(Document document, LexicalLayer lexical, Sentence sentence, List<Hit> hits, List<ActorMention> output, Dictionary<string, string> memory, HomeCountry home, DateOnly date)
    {
        for (int h = 0; h < hits.Count; h++)
        {
            var hit = hits[h];
            var entry = hit.Entry;
            if (IsCountryish(entry))
            {
                // Country (+ 's) (+ up to two modifiers) + agent -> country + role.
                int next = hit.Last + 1;
                if (next < sentence.TokenEnd && Is(document, next, "'s", "'"))
                {
                    next++;
                }

                int agentHit = FindAgentAhead(document, lexical, sentence, hits, h + 1, next);
                if (agentHit >= 0)
                {
                    var agent = hits[agentHit];
                    string code = entry.Kind == ActorEntryKind.Organisation ? entry.Code : entry.Code + agent.Entry.Code;
                    int last = ExtendOverName(document, lexical, sentence, hits, ref agentHit, agent.Last);
                    var mention = new ActorMention(hit.First, last, code, entry.Kind == ActorEntryKind.Organisation ? ActorMentionKind.Organisation : ActorMentionKind.Composed, false, [entry.Where, agent.Entry.Where]);
                    output.Add(mention);
                    Remember(document, memory, agent, code);
                    h = agentHit;
                    continue;
                }

                string bare = entry.Kind switch
                {
                    ActorEntryKind.Capital => entry.Code + "GOV",
                    _ => entry.Code,
                };
                var kind = entry.Kind switch
                {
                    ActorEntryKind.Capital => ActorMentionKind.Metonym,
                    ActorEntryKind.Organisation => ActorMentionKind.Organisation,
                    _ => ActorMentionKind.Country,
                };
                // PETRARCH conventions read every actor as an actor, also in a place phrase ("fired at Seoul").
                bool locative = _lexicon.Conventions.PlacesAsLocations && IsLocative(document, lexical, sentence, hit.First, hit.Last, entry.Kind);
                int end = entry.Kind == ActorEntryKind.Organisation ? hit.Last : ExtendOverName(document, lexical, sentence, hits, ref h, hit.Last);
                output.Add(new ActorMention(hit.First, end, bare, kind, locative, [entry.Where]) { IsAdjective = entry.Kind == ActorEntryKind.CountryAdjective && end == hit.Last });
                continue;
            }

            switch (entry.Kind)
            {
                case ActorEntryKind.Seat:
                    output.Add(new ActorMention(hit.First, hit.Last, entry.Code + entry.Role, ActorMentionKind.Metonym, false, [entry.Where]));
                    break;
                case ActorEntryKind.Person:
                    string? personCode = entry.Roles.FirstOrDefault(r => r.Covers(date))?.Code;
                    if (personCode is not null)
                    {
                        output.Add(new ActorMention(hit.First, hit.Last, personCode, ActorMentionKind.Person, false, [entry.Where]));
                    }

                    break;
                case ActorEntryKind.Agent:
                    h = ComposeAgent(document, lexical, sentence, hits, h, output, memory, home, date);
                    break;
            }
        }
    }

    /// <summary>An agent hit not preceded by a country: "minister of X", "units of the Armenian forces", a title + person, or context.</summary>
    private int ComposeAgent(Document document, LexicalLayer lexical, Sentence sentence, List<Hit> hits, int h, List<ActorMention> output, Dictionary<string, string> memory, HomeCountry home, DateOnly date)
    {
        var agent = hits[h];
        // Chain: agent (of|for|in) (the) [agents / capitalised words] ... country-ish.
        int t = agent.Last + 1;
        int k = h + 1;
        // "at/in" only lead to an institution of a country ("charge d'affaires at Syria's embassy"), never to a bare
        // place ("the ambassador in Moscow" is not Russia's).
        bool institutionOnly = t < sentence.TokenEnd && Is(document, t, "at", "in");
        if (t < sentence.TokenEnd && (institutionOnly || Is(document, t, "of", "for", "from")))
        {
            int limit = Math.Min(sentence.TokenEnd, t + 10);
            int scan = t;
            while (k < hits.Count && hits[k].First < limit)
            {
                var candidate = hits[k];
                if (!OnlyChainTokens(document, lexical, scan, candidate.First))
                {
                    break;
                }

                if (IsCountryish(candidate.Entry))
                {
                    // The country may itself carry a role ("the Armenian armed forces").
                    int inner = k;
                    string code;
                    int last = candidate.Last;
                    int nextTok = candidate.Last + 1;
                    if (nextTok < sentence.TokenEnd && Is(document, nextTok, "'s", "'"))
                    {
                        nextTok++;
                    }

                    int innerAgent = FindAgentAhead(document, lexical, sentence, hits, k + 1, nextTok);
                    if (candidate.Entry.Kind == ActorEntryKind.Organisation)
                    {
                        code = candidate.Entry.Code;
                    }
                    else if (innerAgent >= 0)
                    {
                        code = candidate.Entry.Code + hits[innerAgent].Entry.Code;
                        last = hits[innerAgent].Last;
                        inner = innerAgent;
                    }
                    else if (institutionOnly)
                    {
                        break;
                    }
                    else
                    {
                        code = candidate.Entry.Code + agent.Entry.Code;
                    }

                    output.Add(new ActorMention(agent.First, last, code, ActorMentionKind.Composed, false, [agent.Entry.Where, candidate.Entry.Where]));
                    Remember(document, memory, agent, code);
                    return inner;
                }

                if (candidate.Entry.Kind is not (ActorEntryKind.Agent or ActorEntryKind.Seat))
                {
                    break;
                }

                scan = candidate.Last + 1;
                k++;
            }
        }

        // Title + person: "President Vladimir Putin" (the person's own code wins), or "Foreign Minister Hakan Fidan".
        if (h + 1 < hits.Count && hits[h + 1].Entry.Kind == ActorEntryKind.Person && hits[h + 1].First == agent.Last + 1)
        {
            var person = hits[h + 1];
            string? code = person.Entry.Roles.FirstOrDefault(r => r.Covers(date))?.Code;
            if (code is not null)
            {
                output.Add(new ActorMention(agent.First, person.Last, code, ActorMentionKind.Person, false, [agent.Entry.Where, person.Entry.Where]));
                Remember(document, memory, agent, code);
                return h + 1;
            }
        }

        int end = agent.Last;
        int hi = h;
        bool named = FollowedByName(document, lexical, sentence, agent.Last);
        end = ExtendOverName(document, lexical, sentence, hits, ref hi, end);

        // An earlier mention with the same title word in this article ("the deputy minister").
        string key = HeadWord(document, agent);
        if (memory.TryGetValue(key, out string? remembered) && !named)
        {
            output.Add(new ActorMention(agent.First, end, remembered, ActorMentionKind.Inferred, false, [agent.Entry.Where]));
            return hi;
        }

        // A role working for an outlet or body based somewhere: "a correspondent for the Moscow-based TV Dozhd".
        if ((BasedIn(document, sentence, end) ?? PeopleInApposition(document, sentence, hits, hi, end)) is string basedIn)
        {
            string code = basedIn + agent.Entry.Code;
            output.Add(new ActorMention(agent.First, end, code, ActorMentionKind.Inferred, false, [agent.Entry.Where]));
            return hi;
        }

        // A role with no country: the article's home country (dateline, else the country it names most):
        // "Gunmen abducted students" in a Nigerian report, "Foreign Minister Hakan Fidan" filed from Ankara.
        // Generic words ("the government", "authorities") only when the dateline names the country.
        // Generic words ("the government", "the authorities") only as a definite reference, and only when the dateline
        // names the country ("several other governments" is nobody in particular).
        bool generic = agent.Entry.Generic && !named;
        bool definite = agent.First > sentence.TokenStart && Is(document, agent.First - 1, "the");

        // "Diop said that his government wanted ...": the government of the person or body the pronoun refers to.
        if (generic && agent.First > sentence.TokenStart && Is(document, agent.First - 1, "his", "her", "its", "their", "our") &&
            output.LastOrDefault(m => m.First >= sentence.TokenStart && m.Last < agent.First && !m.Locative && m.Country is not null && m.Kind is not ActorMentionKind.Organisation) is { } owner)
        {
            string code = owner.Country + agent.Entry.Code;
            output.Add(new ActorMention(agent.First, end, code, ActorMentionKind.Inferred, false, [agent.Entry.Where]));
            return hi;
        }

        if (home.Code is not null && (!generic || (home.FromDateline && definite && agent.Entry.Code is "GOV" or "COP" or "MIL" or "OPP")))
        {
            string code = home.Code + agent.Entry.Code;
            output.Add(new ActorMention(agent.First, end, code, ActorMentionKind.Inferred, false, [agent.Entry.Where]));
            Remember(document, memory, agent, code);
        }

        return hi;
    }

    /// <summary>
    /// The nationality given right after a group in apposition: "undocumented migrants, mostly Afghans",
    /// "the detainees, all Iranians". Only the plural people word of a country counts.
    /// </summary>
    private static string? PeopleInApposition(Document document, Sentence sentence, List<Hit> hits, int h, int roleEnd)
    {
        int t = roleEnd + 1;
        if (t >= sentence.TokenEnd || !Is(document, t, ","))
        {
            return null;
        }

        t++;
        if (t < sentence.TokenEnd && Is(document, t, "mostly", "mainly", "largely", "chiefly", "all", "most", "many", "predominantly"))
        {
            t++;
        }

        for (int k = h + 1; k < hits.Count && hits[k].First <= t; k++)
        {
            if (hits[k].First == t && hits[k].Entry.Kind == ActorEntryKind.CountryPeople)
            {
                return hits[k].Entry.Code.Length >= 3 ? hits[k].Entry.Code[..3] : null;
            }
        }

        return null;
    }

    /// <summary>The country of "for|of|with|at (the) X-based ..." right after a role, when X is a country or capital.</summary>
    private string? BasedIn(Document document, Sentence sentence, int roleEnd)
    {
        int t = roleEnd + 1;
        if (t >= sentence.TokenEnd || !Is(document, t, "for", "of", "with", "at"))
        {
            return null;
        }

        t++;
        if (t < sentence.TokenEnd && Is(document, t, "the", "a", "an"))
        {
            t++;
        }

        if (t >= sentence.TokenEnd)
        {
            return null;
        }

        var word = document.TokenText(t);
        const string suffix = "-based";
        if (word.Length <= suffix.Length || !word.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        string? code = CountryOfPlace(word[..^suffix.Length].ToString());
        return code is { Length: 3 } ? code : code?[..3];
    }

    private static string HeadWord(Document document, Hit agent) => Vocabulary.Fold(document.TokenText(agent.Last));

    /// <summary>Remembers the code under each content word of the title ("deputy", "minister", "affairs"...).</summary>
    private static void Remember(Document document, Dictionary<string, string> memory, Hit agent, string code)
    {
        if (code.Length < 6 || code.StartsWith("IGO", StringComparison.Ordinal) || code.StartsWith("NGO", StringComparison.Ordinal))
        {
            return;
        }

        for (int t = agent.First; t <= agent.Last; t++)
        {
            string word = Vocabulary.Fold(document.TokenText(t));
            if (word is not ("of" or "the" or "for" or "and" or "'s" or "-"))
            {
                memory[word] = code;
            }
        }
    }

    /// <summary>Index of an agent hit starting at <paramref name="from"/> after at most two modifier words, or -1.</summary>
    private int FindAgentAhead(Document document, LexicalLayer lexical, Sentence sentence, List<Hit> hits, int nextHit, int from)
    {
        if (nextHit >= hits.Count)
        {
            return -1;
        }

        var candidate = hits[nextHit];
        if (candidate.Entry.Kind != ActorEntryKind.Agent || candidate.First - from > 2 || candidate.First < from)
        {
            return -1;
        }

        for (int t = from; t < candidate.First; t++)
        {
            var token = document.Token(t);
            if (token.Kind != TokenKind.Word || _lexicon.Verbs.TriggeredBy(lexical.FormIds[t]).Length > 0 || IsFunctionWord(document, t) ||
                Is(document, t, "its", "their", "his", "her", "our") || IsFiniteVerb(document, lexical, t))
            {
                return -1; // "Israel recalled its ambassador" is a clause, not one actor
            }
        }

        return nextHit;
    }

    private bool OnlyChainTokens(Document document, LexicalLayer lexical, int from, int to)
    {
        for (int t = from; t < to; t++)
        {
            if (Is(document, t, "the", "of", "and", "'s", "at", "in", "for", "from"))
            {
                continue;
            }

            if (lexical.Capitalised[t] && document.Token(t).Kind == TokenKind.Word)
            {
                continue;
            }

            return false;
        }

        return true;
    }

    /// <summary>Extends a mention over a following personal name (capitalised words, initials), up to four tokens.</summary>
    private static int ExtendOverName(Document document, LexicalLayer lexical, Sentence sentence, List<Hit> hits, ref int hitIndex, int last)
    {
        int t = last + 1;
        int added = 0;
        while (t < sentence.TokenEnd && added < 4 && lexical.Capitalised[t] && document.Token(t).Kind == TokenKind.Word &&
               !(hitIndex + 1 < hits.Count && hits[hitIndex + 1].First == t && hits[hitIndex + 1].Entry.Kind != ActorEntryKind.Person))
        {
            if (hitIndex + 1 < hits.Count && hits[hitIndex + 1].First == t)
            {
                hitIndex++;
                t = hits[hitIndex].Last + 1;
            }
            else
            {
                t++;
            }

            added++;
        }

        return t - 1;
    }

    private static bool FollowedByName(Document document, LexicalLayer lexical, Sentence sentence, int last)
    {
        int t = last + 1;
        return t < sentence.TokenEnd && lexical.Capitalised[t] && document.Token(t).Kind == TokenKind.Word && !lexical.AllCaps[t];
    }

    private static bool IsLocative(Document document, LexicalLayer lexical, Sentence sentence, int first, int last, ActorEntryKind kind)
    {
        if (last + 1 < sentence.TokenEnd && Is(document, last + 1, "'s", "’s"))
        {
            return false; // "at Prague's decision": a possessor acts, even after a place preposition
        }

        int before = first - 1;
        if (before >= sentence.TokenStart && Is(document, before, "central", "northern", "southern", "eastern", "western", "downtown", "north", "south", "east", "west", "greater"))
        {
            before--; // "in central Moscow", "in northern Syria"
        }

        if (before >= sentence.TokenStart && Is(document, before, "the"))
        {
            before--;
        }

        if (before >= sentence.TokenStart)
        {
            string previous = Vocabulary.Fold(document.TokenText(before));
            if (LocativePrepositions.Contains(previous))
            {
                return true;
            }

            if (previous == "of" && before - 1 >= sentence.TokenStart && PlaceNouns.Contains(Vocabulary.Fold(document.TokenText(before - 1))))
            {
                return true;
            }
        }

        // "Armenian-Azerbaijani border", "Azerbaijani territory", "Lachin region of Azerbaijan".
        int after = last + 1;
        if (after < sentence.TokenEnd && kind is ActorEntryKind.CountryAdjective or ActorEntryKind.CountryName)
        {
            string next = Vocabulary.Fold(document.TokenText(after));
            if (next is "-" && after + 2 < sentence.TokenEnd)
            {
                next = Vocabulary.Fold(document.TokenText(after + 2));
            }

            if (PlaceNouns.Contains(next) && next is not ("side" or "state"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A finite verb or modal: never a modifier between a country and its agent. By the tagger when the document
    /// is tagged; otherwise a lower-case inflected form whose base form triggers a verb pattern ("sent" from "send").
    /// </summary>
    private bool IsFiniteVerb(Document document, LexicalLayer lexical, int t)
    {
        if (t < document.Xpos.Length)
        {
            return document.Xpos[t] is "VBD" or "VBZ" or "VBP" or "MD";
        }

        if (lexical.Capitalised[t])
        {
            return false;
        }

        var candidates = lexical.Candidates(t);
        for (int k = 1; k < candidates.Length; k++)
        {
            if (candidates[k] >= 0 && candidates[k] != candidates[0] && _lexicon.Verbs.TriggeredBy(candidates[k]).Length > 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsFunctionWord(Document document, int t) =>
        Is(document, t, "the", "a", "an", "and", "or", "of", "to", "in", "on", "at", "by", "with", "for", "from", "that", "which", "who", "said", "has", "have", "had", "is", "was", "were", "are", "will", "would");

    internal static bool Is(Document document, int t, params ReadOnlySpan<string> words)
    {
        ReadOnlySpan<char> text = document.TokenText(t);
        foreach (string w in words)
        {
            if (text.Equals(w, StringComparison.OrdinalIgnoreCase) || (w == "'s" && text.Equals("\u2019s", StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Links mentions into compound groups: "X and Y", "X or Y", "X, Y and Z", "X as well as Y". A comma alone links
    /// only inside a list that ends with "and"/"or" ("Azerbaijan, Armenia continues" is two clauses).
    /// </summary>
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

    private static void GroupCompounds(Document document, List<ActorMention> mentions, Func<int, bool> isVerb)
    {
        for (int m = 0; m < mentions.Count; m++)
        {
            mentions[m].Group = m;
        }

        // link[m] describes the joint between mentions m-1 and m: 0 none, 1 comma, 2 and/or.
        var link = new int[mentions.Count];
        for (int m = 1; m < mentions.Count; m++)
        {
            var previous = mentions[m - 1];
            var current = mentions[m];
            if (previous.Locative != current.Locative || document.SentenceOfToken(previous.Last) != document.SentenceOfToken(current.First))
            {
                continue;
            }

            int from = previous.Last + 1;
            int to = MentionRules.ModifiersStart(document, from, current.First, isVerb); // "and the evil awful Gondor"
            var words = new List<string>();
            for (int t = from; t < to; t++)
            {
                words.Add(Vocabulary.Fold(document.TokenText(t)));
            }

            words.RemoveAll(w => w is "the");
            link[m] = words switch
            {
                ["and"] or ["or"] or [",", "and"] or [",", "or"] or ["as", "well", "as"] or ["and", "also"] => 2,
                [","] => 1,
                _ => 0,
            };
        }

        for (int m = 1; m < mentions.Count; m++)
        {
            if (link[m] == 2)
            {
                mentions[m].Group = mentions[m - 1].Group;
                // "22 Russian officials and two companies": a role whose country was only guessed takes the country
                // of the composed actor it is coordinated with.
                if (mentions[m].Kind == ActorMentionKind.Inferred && mentions[m].Evidence.Count > 0 && mentions[m].Code.Length == 6 &&
                    mentions[m - 1].Kind == ActorMentionKind.Composed && mentions[m - 1].Country is string shared && shared != mentions[m].Code[..3])
                {
                    var group = mentions[m].Group;
                    mentions[m] = mentions[m] with { Code = shared + mentions[m].Code[3..] };
                    mentions[m].Group = group;
                }

                // "Kyrgyz and Tajik border troops": the adjectives share the head noun and its role.
                for (int k = m - 1; k >= 0 && mentions[k].Group == mentions[m].Group && mentions[k].IsAdjective && mentions[m].Kind == ActorMentionKind.Composed; k--)
                {
                    mentions[k] = mentions[k] with { Code = mentions[k].Code[..3] + mentions[m].Code[3..], Kind = ActorMentionKind.Composed, IsAdjective = false };
                }
            }
            else if (link[m] == 1)
            {
                // A comma joins only when the list goes on, through commas, to an "and"/"or".
                int k = m + 1;
                while (k < mentions.Count && link[k] == 1)
                {
                    k++;
                }

                // ... or when it is a list of three or more ("Britain, France, Germany and other governments").
                bool longList = k - m >= 2 || (m >= 2 && link[m - 1] == 1);
                if ((k < mentions.Count && link[k] == 2) || longList)
                {
                    mentions[m].Group = mentions[m - 1].Group;
                }
            }
        }
    }

    /// <summary>The country named most often in the article (ties: the first named), or null.</summary>
    private static string? MostFrequentCountry(List<(Sentence Sentence, List<Hit> Hits)> allHits)
    {
        var counts = new Dictionary<string, (int Count, int First)>(StringComparer.Ordinal);
        int order = 0;
        foreach (var (_, hits) in allHits)
        {
            foreach (var h in hits)
            {
                if (h.Entry.Kind is ActorEntryKind.CountryName or ActorEntryKind.CountryAdjective or ActorEntryKind.CountryPeople or ActorEntryKind.Capital)
                {
                    counts[h.Entry.Code] = counts.TryGetValue(h.Entry.Code, out var c) ? (c.Count + 1, c.First) : (1, order++);
                }
            }
        }

        return counts.Count == 0 ? null : counts.OrderByDescending(kv => kv.Value.Count).ThenBy(kv => kv.Value.First).First().Key;
    }

    /// <summary>The country of the dateline: its city (a capital) or its region ("KAGARA, Nigeria").</summary>
    private string? DatelineCountry(Document document)
    {
        if (document.Dateline is not Dateline dateline)
        {
            return null;
        }

        foreach (string? place in new[] { dateline.Region, dateline.City?.Split('/', ',')[0].Trim() })
        {
            if (place is not null && CountryOfPlace(place) is string code)
            {
                return code;
            }
        }

        // A dateline city that is no capital ("SRINAGAR", "ALMATY"): the country of the most populous place of that
        // name in the gazetteer, when it is a sizeable city (small homonyms abroad are no evidence).
        if (dateline.Region is null && dateline.City?.Split('/', ',')[0].Trim() is { Length: > 0 } city)
        {
            var gazetteer = Dyad.Lexicon.Geo.Gazetteer.Default;
            var found = gazetteer.Lookup(city, allowVariants: false);
            if (found.Found && gazetteer[found.Places[0]] is { Kind: Dyad.Lexicon.Geo.PlaceKind.City, Population: >= 100_000 } place &&
                CountryByIso2(place.Country) is string byPlace)
            {
                return byPlace;
            }
        }

        return null;
    }

    private string? CountryByIso2(string iso2)
    {
        if (_countryByIso2 is null)
        {
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (code, alpha2) in _lexicon.Actors.CountryIso2)
            {
                map.TryAdd(alpha2, code);
            }

            _countryByIso2 = map;
        }

        return _countryByIso2.GetValueOrDefault(iso2);
    }

    private Dictionary<string, string>? _countryByIso2;

    private string? CountryOfPlace(string place)
    {
        var tokens = Tokenizer.Default.Tokenize(place);
        if (tokens.Count == 0)
        {
            return null;
        }

        int id = _lexicon.Vocabulary.IdOf(place.AsSpan(tokens[0].Start, tokens[0].End - tokens[0].Start));
        foreach (var entry in _lexicon.Actors.StartingWith(id))
        {
            if (entry.Kind is ActorEntryKind.Capital or ActorEntryKind.CountryName && entry.Length == tokens.Count)
            {
                bool all = true;
                for (int k = 0; k < tokens.Count; k++)
                {
                    all &= _lexicon.Vocabulary.IdOf(place.AsSpan(tokens[k].Start, tokens[k].End - tokens[k].Start)) == entry.TokenIds[k];
                }

                if (all)
                {
                    return entry.Code;
                }
            }
        }

        return null;
    }
}
