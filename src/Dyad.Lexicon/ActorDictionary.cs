using System.Globalization;
using Dyad.Text;

namespace Dyad.Lexicon;

/// <summary>What an actor phrase names.</summary>
public enum ActorEntryKind
{
    /// <summary>A country's name ("Azerbaijan", "the Republic of Azerbaijan").</summary>
    CountryName,
    /// <summary>A country adjective or demonym used as a modifier ("Azerbaijani").</summary>
    CountryAdjective,
    /// <summary>A country's people ("Azerbaijanis").</summary>
    CountryPeople,
    /// <summary>A capital used as a metonym for the government ("Baku").</summary>
    Capital,
    /// <summary>A building or institution standing for a role ("the Kremlin").</summary>
    Seat,
    /// <summary>An organisation or group with a full code (IGOs, NGOs, named armed groups).</summary>
    Organisation,
    /// <summary>A role phrase ("armed forces", "foreign minister").</summary>
    Agent,
    /// <summary>A named person with dated roles.</summary>
    Person,
}

/// <summary>A role a person holds between two dates (inclusive; null = open).</summary>
/// <param name="Code">Actor code (e.g. RUSGOV).</param>
/// <param name="From">First day, or null.</param>
/// <param name="To">Last day, or null.</param>
/// <param name="Where">Source line.</param>
public sealed record DatedRole(string Code, DateOnly? From, DateOnly? To, Provenance Where)
{
    /// <summary>True when the role is in force on <paramref name="date"/>.</summary>
    public bool Covers(DateOnly date) => (From is null || date >= From) && (To is null || date <= To);
}

/// <summary>One compiled actor phrase.</summary>
public sealed record ActorEntry
{
    /// <summary>The phrase as written in the dictionary.</summary>
    public required string Phrase { get; init; }

    /// <summary>Vocabulary ids of the phrase's folded tokens.</summary>
    public required int[] TokenIds { get; init; }

    /// <summary>Per token: the text must be capitalised (the dictionary wrote it with a capital).</summary>
    public required bool[] Capitalised { get; init; }

    /// <summary>Per token: the text must be all upper-case (acronyms of up to 4 letters: US, UN).</summary>
    public required bool[] AllCaps { get; init; }

    /// <summary>What the phrase names.</summary>
    public required ActorEntryKind Kind { get; init; }

    /// <summary>Country code (countries, capitals, seats), full code (organisations), or role (agents).</summary>
    public required string Code { get; init; }

    /// <summary>Role for seats (GOV, MIL...), else null.</summary>
    public string? Role { get; init; }

    /// <summary>For agents: only coded when composed with a country.</summary>
    public bool Generic { get; init; }

    /// <summary>For people: their dated roles.</summary>
    public IReadOnlyList<DatedRole> Roles { get; init; } = [];

    /// <summary>Source line.</summary>
    public required Provenance Where { get; init; }

    /// <summary>Number of tokens.</summary>
    public int Length => TokenIds.Length;
}

/// <summary>
/// The actor dictionaries (countries, organisations, agents, people) compiled for token matching.
/// Immutable and thread-safe.
/// </summary>
public sealed class ActorDictionary
{
    private readonly Dictionary<int, ActorEntry[]> _byFirstToken;

    internal ActorDictionary(List<ActorEntry> entries, Dictionary<string, string> countryIso2)
    {
        Entries = entries;
        CountryIso2 = countryIso2;
        _byFirstToken = entries
            .GroupBy(e => e.TokenIds[0])
            .ToDictionary(g => g.Key, g => g.OrderByDescending(e => e.Length).ThenBy(e => e.Kind).ToArray());
    }

    /// <summary>All entries.</summary>
    public IReadOnlyList<ActorEntry> Entries { get; }

    /// <summary>ISO 3166 alpha-2 code of each CAMEO country code.</summary>
    public IReadOnlyDictionary<string, string> CountryIso2 { get; }

    /// <summary>Entries whose first token has vocabulary id <paramref name="tokenId"/>, longest first.</summary>
    public ReadOnlySpan<ActorEntry> StartingWith(int tokenId) =>
        tokenId >= 0 && _byFirstToken.TryGetValue(tokenId, out var list) ? list : [];

    /// <summary>The words of every phrase, folded (for building the shared vocabulary).</summary>
    internal static IEnumerable<string> Words(IEnumerable<RawActorEntry> raw) => raw.SelectMany(r => r.Tokens);

    /// <summary>Parses the actor files into raw entries (phrases not yet mapped to vocabulary ids).</summary>
    internal static List<RawActorEntry> Parse(IEnumerable<DictionaryFile> files, List<LexiconDiagnostic> diagnostics, Dictionary<string, string> iso2, IReadOnlySet<string> knownRoles)
    {
        var raw = new List<RawActorEntry>();
        foreach (var file in files)
        {
            string kind = file.Name.Contains("countries", StringComparison.Ordinal) ? "countries"
                : file.Name.Contains("igos", StringComparison.Ordinal) ? "igos"
                : file.Name.Contains("agents", StringComparison.Ordinal) ? "agents"
                : file.Name.Contains("people", StringComparison.Ordinal) ? "people"
                : "?";
            var lines = LineReader.Read(file, kind, diagnostics);
            switch (kind)
            {
                case "countries": ParseCountries(file, lines, raw, diagnostics, iso2); break;
                case "igos": ParseOrganisations(file, lines, raw, diagnostics); break;
                case "agents": ParseAgents(file, lines, raw, diagnostics, knownRoles); break;
                case "people": ParsePeople(file, lines, raw, diagnostics); break;
                default:
                    diagnostics.Add(new LexiconDiagnostic(LexiconErrorCode.E101BadHeader, new Provenance(file.Name, 1), "Actor file names must contain countries, igos, agents or people."));
                    break;
            }
        }

        ReportFoldedCollisions(raw, diagnostics);
        return raw;
    }

    /// <summary>
    /// Two country or organisation phrases that fold to the same words ("Erdoğan" and "Erdogan", "Côte d'Ivoire"
    /// and "Cote d'Ivoire") but carry different codes make a match depend on file order: reported with both lines.
    /// People are exempt (dated roles of namesakes are told apart by date), and so are agents (roles, not actors).
    /// </summary>
    private static void ReportFoldedCollisions(List<RawActorEntry> raw, List<LexiconDiagnostic> diagnostics)
    {
        var first = new Dictionary<string, RawActorEntry>(StringComparer.Ordinal);
        foreach (var entry in raw)
        {
            if (entry.Kind is ActorEntryKind.Agent or ActorEntryKind.Person || entry.Tokens.Length == 0)
            {
                continue;
            }

            string key = string.Join(' ', entry.Tokens);
            if (!first.TryAdd(key, entry) && first[key] is { } earlier && earlier.Code != entry.Code &&
                !(earlier.Generic || entry.Generic))
            {
                diagnostics.Add(new LexiconDiagnostic(
                    LexiconErrorCode.E107AmbiguousPhrase,
                    entry.Where,
                    $"'{entry.Phrase}' folds to the same words as '{earlier.Phrase}' at {earlier.Where} but is coded {entry.Code}, not {earlier.Code}."));
            }
        }
    }

    private static void ParseCountries(DictionaryFile file, List<DictLine> lines, List<RawActorEntry> raw, List<LexiconDiagnostic> diagnostics, Dictionary<string, string> iso2)
    {
        string? country = null;
        foreach (var line in lines)
        {
            var where = new Provenance(file.Name, line.Number);
            if (!line.Indented)
            {
                string[] parts = SplitAlternatives(line.Text);
                string[] head = parts[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (head.Length != 2 || !IsCode(head[0], 3) || head[1].Length != 2)
                {
                    diagnostics.Add(new LexiconDiagnostic(LexiconErrorCode.E104BadActorCode, where, "A country block starts with 'CCC II | Name | ...' (CAMEO code, ISO alpha-2, or -- when it has none)."));
                    country = null;
                    continue;
                }

                country = head[0];
                if (head[1] != "--")
                {
                    iso2[country] = head[1].ToUpperInvariant();
                }
                foreach (string name in parts.Skip(1))
                {
                    raw.Add(RawActorEntry.Create(name, ActorEntryKind.CountryName, country, null, false, where));
                }

                continue;
            }

            if (country is null)
            {
                continue; // the block head was already reported
            }

            int colon = line.Text.IndexOf(':');
            if (colon < 0)
            {
                diagnostics.Add(new LexiconDiagnostic(LexiconErrorCode.E102Malformed, where, "Expected 'adj:', 'people:', 'capital:' or 'seat ROLE:'."));
                continue;
            }

            string key = line.Text[..colon].Trim();
            string[] phrases = SplitAlternatives(line.Text[(colon + 1)..]);
            (ActorEntryKind kind, string? role) = key switch
            {
                "adj" => (ActorEntryKind.CountryAdjective, (string?)null),
                "people" => (ActorEntryKind.CountryPeople, null),
                "capital" => (ActorEntryKind.Capital, "GOV"),
                "name" => (ActorEntryKind.CountryName, null),
                _ when key.StartsWith("seat ", StringComparison.Ordinal) && IsCode(key[5..].Trim(), 3) => (ActorEntryKind.Seat, key[5..].Trim()),
                _ => ((ActorEntryKind)(-1), null),
            };
            if ((int)kind < 0)
            {
                diagnostics.Add(new LexiconDiagnostic(LexiconErrorCode.E102Malformed, where, $"Unknown key '{key}': use adj, people, capital, name or seat ROLE."));
                continue;
            }

            foreach (string phrase in phrases)
            {
                raw.Add(RawActorEntry.Create(phrase, kind, country, role, false, where));
            }
        }
    }

    private static void ParseOrganisations(DictionaryFile file, List<DictLine> lines, List<RawActorEntry> raw, List<LexiconDiagnostic> diagnostics)
    {
        string? code = null;
        foreach (var line in lines)
        {
            var where = new Provenance(file.Name, line.Number);
            if (!line.Indented)
            {
                string[] parts = SplitAlternatives(line.Text);
                if (!IsActorCode(parts[0]))
                {
                    diagnostics.Add(new LexiconDiagnostic(LexiconErrorCode.E104BadActorCode, where, $"'{parts[0]}' is not an actor code (upper-case letters, 3 to 15; imported codes may also use digits and / + -)."));
                    code = null;
                    continue;
                }

                code = parts[0];
                foreach (string name in parts.Skip(1))
                {
                    raw.Add(RawActorEntry.Create(name, ActorEntryKind.Organisation, code, null, false, where));
                }

                continue;
            }

            if (code is null)
            {
                continue;
            }

            int colon = line.Text.IndexOf(':');
            string key = colon < 0 ? string.Empty : line.Text[..colon].Trim();
            if (key is "adj" or "name")
            {
                foreach (string phrase in SplitAlternatives(line.Text[(colon + 1)..]))
                {
                    raw.Add(RawActorEntry.Create(phrase, ActorEntryKind.Organisation, code, null, false, where));
                }
            }
            else if (key != "member")
            {
                diagnostics.Add(new LexiconDiagnostic(LexiconErrorCode.E102Malformed, where, "Expected 'adj:', 'name:' or 'member:'."));
            }
        }
    }

    private static void ParseAgents(DictionaryFile file, List<DictLine> lines, List<RawActorEntry> raw, List<LexiconDiagnostic> diagnostics, IReadOnlySet<string> knownRoles)
    {
        foreach (var line in lines)
        {
            var where = new Provenance(file.Name, line.Number);
            string[] parts = SplitAlternatives(line.Text);
            if (line.Indented || !IsRoleCode(parts[0]))
            {
                diagnostics.Add(new LexiconDiagnostic(LexiconErrorCode.E104BadActorCode, where, "An agent line is 'ROLE | phrase | phrase ...' with a 3-letter role code (or up to four of them, GOVMED)."));
                continue;
            }

            foreach (string phrase in parts.Skip(1))
            {
                if (knownRoles.Count > 0 && Enumerable.Range(0, parts[0].Length / 3).Any(k => !knownRoles.Contains(parts[0].Substring(k * 3, 3))))
                {
                    diagnostics.Add(new LexiconDiagnostic(LexiconErrorCode.E104BadActorCode, where, $"'{parts[0]}' is not a role (or roles) in cameo/actor-roles.tsv."));
                    break;
                }

                bool generic = phrase.StartsWith('!');
                raw.Add(RawActorEntry.Create(generic ? phrase[1..] : phrase, ActorEntryKind.Agent, parts[0], parts[0], generic, where));
            }
        }
    }

    private static void ParsePeople(DictionaryFile file, List<DictLine> lines, List<RawActorEntry> raw, List<LexiconDiagnostic> diagnostics)
    {
        List<RawActorEntry>? current = null;
        List<DatedRole>? roles = null;
        void Close()
        {
            if (current is not null && roles is not null)
            {
                foreach (var entry in current)
                {
                    raw.Add(entry with { Roles = roles.ToArray() });
                }
            }
        }

        foreach (var line in lines)
        {
            var where = new Provenance(file.Name, line.Number);
            if (!line.Indented)
            {
                Close();
                roles = [];
                current = SplitAlternatives(line.Text)
                    .Select(name => RawActorEntry.Create(name, ActorEntryKind.Person, string.Empty, null, false, where))
                    .ToList();
                continue;
            }

            if (roles is null)
            {
                continue;
            }

            string[] f = line.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (f.Length < 1 || !IsActorCode(f[0]))
            {
                diagnostics.Add(new LexiconDiagnostic(LexiconErrorCode.E104BadActorCode, where, "A role line is '  CODE FROM..TO'."));
                continue;
            }

            DateOnly? from = null, to = null;
            if (f.Length > 1)
            {
                int dots = f[1].IndexOf("..", StringComparison.Ordinal);
                string a = dots < 0 ? f[1] : f[1][..dots];
                string b = dots < 0 ? string.Empty : f[1][(dots + 2)..];
                if (!TryDate(a, out from) || !TryDate(b, out to) || dots < 0)
                {
                    diagnostics.Add(new LexiconDiagnostic(LexiconErrorCode.E106BadDateRange, where, $"'{f[1]}' is not a range YYYY-MM-DD..YYYY-MM-DD (either side may be empty)."));
                    continue;
                }
            }

            roles.Add(new DatedRole(f[0], from, to, where));
        }

        Close();
    }

    private static bool TryDate(string s, out DateOnly? date)
    {
        date = null;
        if (s.Length == 0)
        {
            return true;
        }

        if (DateOnly.TryParseExact(s, ["yyyy-MM-dd", "yyyy-MM", "yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            date = d;
            return true;
        }

        return false;
    }

    /// <summary>Splits on ' | ' and trims; removes empty parts.</summary>
    internal static string[] SplitAlternatives(string text) =>
        text.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>A role code: one to four 3-letter segments (GOV, GOVMED).</summary>
    internal static bool IsRoleCode(string s) => s.Length % 3 == 0 && s.Length is >= 3 and <= 12 && s.All(char.IsAsciiLetterUpper);

    /// <summary>
    /// A full actor code: upper-case letters (3 to 15), or, as imported from PETRARCH, 3 to 24 of upper-case letters, digits
    /// and <c>/ + -</c> (<c>G77</c>, <c>FRO/BIL/SAM</c>, <c>+++</c>).
    /// </summary>
    internal static bool IsActorCode(string s) =>
        IsCode(s, -1) || (s.Length is >= 3 and <= 24 && s.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c is '/' or '+' or '-'));

    /// <summary>Upper-case ASCII letters; exact length when <paramref name="length"/> &gt; 0, else 3 to 15.</summary>
    internal static bool IsCode(string s, int length) =>
        (length > 0 ? s.Length == length : s.Length is >= 3 and <= 15) && s.All(char.IsAsciiLetterUpper);
}

/// <summary>An actor phrase before its words are mapped to vocabulary ids.</summary>
internal sealed record RawActorEntry(string Phrase, string[] Tokens, bool[] Capitalised, bool[] AllCaps, ActorEntryKind Kind, string Code, string? Role, bool Generic, Provenance Where)
{
    public IReadOnlyList<DatedRole> Roles { get; init; } = [];

    public static RawActorEntry Create(string phrase, ActorEntryKind kind, string code, string? role, bool generic, Provenance where)
    {
        string text = phrase.StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? phrase[4..] : phrase;
        var tokens = Tokenizer.Default.Tokenize(text);
        var words = new string[tokens.Count];
        var capitalised = new bool[tokens.Count];
        var allCaps = new bool[tokens.Count];
        for (int i = 0; i < tokens.Count; i++)
        {
            var span = text.AsSpan(tokens[i].Start, tokens[i].End - tokens[i].Start);
            words[i] = Vocabulary.Fold(span);
            capitalised[i] = char.IsUpper(span[0]);
            int letters = 0;
            bool upper = true;
            foreach (char c in span)
            {
                if (char.IsLetter(c))
                {
                    letters++;
                    upper &= char.IsUpper(c);
                }
            }

            allCaps[i] = upper && letters is >= 2 and <= 4 && kind != ActorEntryKind.Agent;
        }

        return new RawActorEntry(phrase, words, capitalised, allCaps, kind, code, role, generic, where);
    }

    public ActorEntry Compile(Vocabulary vocabulary) => new()
    {
        Phrase = Phrase,
        TokenIds = Tokens.Select(t => vocabulary.IdOfFolded(t)).ToArray(),
        Capitalised = Capitalised,
        AllCaps = AllCaps,
        Kind = Kind,
        Code = Code,
        Role = Role,
        Generic = Generic,
        Roles = Roles,
        Where = Where,
    };
}
