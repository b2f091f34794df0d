using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Dyad.Lexicon.Petrarch;

/// <summary>
/// Converts PETRARCH2 / Phoenix / TABARI dictionaries (actors with dated codes, agents, verbs with synsets and patterns,
/// discards) to Dyad's dictionary formats. Every written line ends with a comment naming its PETRARCH file:line; every
/// construct that cannot be expressed is reported as a <see cref="PetrarchWarning"/> with its file:line.
/// See docs/petrarch.md.
/// </summary>
public static partial class PetrarchImporter
{
    /// <summary>Imports <paramref name="sources"/>.</summary>
    public static PetrarchImport Import(PetrarchSources sources, PetrarchImportOptions? options = null)
    {
        options ??= new PetrarchImportOptions();
        var state = new State(options);
        foreach (var file in sources.Actors)
        {
            ReadActors(file, state);
        }

        foreach (var file in sources.Agents)
        {
            ReadAgents(file, state);
        }

        foreach (var file in sources.Verbs)
        {
            ReadVerbs(file, state);
        }

        foreach (var file in sources.Discards)
        {
            ReadDiscards(file, state);
        }

        var conventions = CodingConventions.Petrarch with { Name = "petrarch" };
        if (sources.Pico is PetrarchFile pico)
        {
            conventions = conventions with { NegatedCodes = PicoOntology.Negations(PicoOntology.Parse(pico, state.Warnings)) };
        }

        return state.Finish(conventions);
    }

    private sealed class State
    {
        public State(PetrarchImportOptions options)
        {
            Options = options;
            Ontology = CameoOntology.Parse(Lexicon.ReadEmbedded("cameo/cameo.tsv"), []);
            foreach (var line in Lexicon.ReadEmbedded("cameo/actor-roles.tsv").Text.Split('\n'))
            {
                string l = line.TrimEnd('\r');
                if (l.Length > 0 && !l.StartsWith('#'))
                {
                    KnownRoles.Add(l.Split('\t')[0]);
                }
            }
        }

        public PetrarchImportOptions Options { get; }

        public CameoOntology Ontology { get; }

        public HashSet<string> KnownRoles { get; } = new(StringComparer.Ordinal);

        public SortedSet<string> NewRoles { get; } = new(StringComparer.Ordinal);

        public SortedSet<string> ExtraCodes { get; } = new(StringComparer.Ordinal);

        public List<PetrarchWarning> Warnings { get; } = [];

        public PetrarchImportCounts Counts { get; } = new();

        public StringBuilder Countries { get; } = Header("countries", "Countries (3-letter codes without dates) imported from PETRARCH actor dictionaries.");

        public StringBuilder Organisations { get; } = Header("igos", "Actors with longer codes imported from PETRARCH actor dictionaries.");

        public StringBuilder People { get; } = Header("people", "Actors with dated codes imported from PETRARCH actor dictionaries (undated default last).");

        public StringBuilder Agents { get; } = Header("agents", "Agents imported from PETRARCH agent dictionaries.");

        public StringBuilder Verbs { get; } = Header("verbs", "Verb patterns imported from PETRARCH verb dictionaries.");

        public StringBuilder DiscardText { get; } = Header("discards", "Discards imported from PETRARCH discard lists.");

        public void Warn(PetrarchFile file, int line, string message) => Warnings.Add(new PetrarchWarning(file.Name, line, message));

        /// <summary>A code usable in a Dyad pattern line, or null (warned) when it cannot be used.</summary>
        public string? EventCode(PetrarchFile file, int line, string code)
        {
            if (code == "---" || Ontology.Contains(code))
            {
                return code;
            }

            if (Options.AllowNonCameoCodes && code.Length is >= 2 and <= 4 && code.All(char.IsAsciiDigit))
            {
                ExtraCodes.Add(code);
                return code;
            }

            Warn(file, line, $"event code [{code}] is not a CAMEO code; pattern skipped.");
            return null;
        }

        public PetrarchImport Finish(CodingConventions conventions)
        {
            var files = new List<DictionaryFile>
            {
                new("actors/countries.txt", Countries.ToString()),
                new("actors/igos.txt", Organisations.ToString()),
                new("actors/people.txt", People.ToString()),
                new("actors/agents.txt", Agents.ToString()),
                new("verbs/petrarch.txt", Verbs.ToString()),
                new("discards.txt", DiscardText.ToString()),
            };

            var roles = new StringBuilder(Lexicon.ReadEmbedded("cameo/actor-roles.tsv").Text.TrimEnd('\n') + "\n");
            foreach (string role in NewRoles)
            {
                roles.Append(role).Append("\timported\trole segment used by the imported PETRARCH dictionaries\n");
            }

            files.Add(new DictionaryFile("cameo/actor-roles.tsv", roles.ToString()));
            if (ExtraCodes.Count > 0)
            {
                var cameo = new StringBuilder(Lexicon.ReadEmbedded("cameo/cameo.tsv").Text.TrimEnd('\n') + "\n");
                foreach (string code in ExtraCodes)
                {
                    int root = int.Parse(code[..2], CultureInfo.InvariantCulture);
                    int quad = root is >= 1 and <= 20 ? CameoOntology.QuadOfRoot(root) : 0;
                    cameo.Append(CultureInfo.InvariantCulture, $"{code}\tNON-CAMEO CODE (PETRARCH import)\t0.0\t{quad}\t\t\n");
                }

                files.Add(new DictionaryFile("cameo/cameo.tsv", cameo.ToString()));
                Counts.ExtraCodes = ExtraCodes.Count;
            }

            return new PetrarchImport(files, Warnings, Counts, conventions);
        }

        private static StringBuilder Header(string kind, string description) =>
            new StringBuilder().Append("# dyad-dict ").Append(kind).Append(" v1\n# ").Append(description).Append(" Generated by 'dyad dict import --format petrarch'; each line names its source file:line.\n");
    }

    // ---------------------------------------------------------------- shared lexical helpers

    /// <summary>A PETRARCH line without its comment, trimmed at the end.</summary>
    private static string StripComment(string line)
    {
        int hash = line.IndexOfAny(['#', ';']); // '#' and TABARI's ';'
        return (hash >= 0 ? line[..hash] : line).TrimEnd();
    }

    /// <summary>Words of a PETRARCH phrase: '_' joins words, a trailing '_' marks an exact word.</summary>
    private static string[] PhraseWords(string phrase) =>
        phrase.Replace('_', ' ').Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    private static readonly HashSet<string> LowerNameWords = new(StringComparer.OrdinalIgnoreCase) { "of", "the", "and", "for", "de", "du", "des", "la", "le", "el", "al", "in", "on", "to", "da", "do", "von", "van", "der" };

    /// <summary>A name as Dyad writes it: capitalised words (so they only match capitalised text), function words lower-case.</summary>
    private static string NameCase(string[] words) =>
        string.Join(' ', words.Select((w, i) => i > 0 && LowerNameWords.Contains(w) ? w.ToLowerInvariant() : Capitalise(w)));

    private static string Capitalise(string word)
    {
        var chars = word.ToLowerInvariant().ToCharArray();
        bool start = true;
        for (int i = 0; i < chars.Length; i++)
        {
            if (char.IsLetter(chars[i]))
            {
                if (start)
                {
                    chars[i] = char.ToUpperInvariant(chars[i]);
                }

                start = false;
            }
            else if (chars[i] is '-' or '.' or '(' or '\'' || char.IsDigit(chars[i]))
            {
                start = chars[i] is '-' or '.' or '(';
            }
        }

        return new string(chars);
    }

    /// <summary>True when a phrase can be written into a Dyad line (no characters Dyad's formats reserve).</summary>
    private static bool Writable(string phrase) => phrase.Length > 0 && phrase.IndexOfAny(['|', '#', '[', ']', '{', '}', '$', '*', '&', '%', '^', '!', '<', '>', '=', ':']) < 0;

    private static string Provenance(PetrarchFile file, int line) => $"  # {file.Name}:{line}";

    // ---------------------------------------------------------------- actors

    private sealed record CodeLine(string Code, DateOnly? From, DateOnly? To, int Line);

    private sealed class ActorEntry
    {
        public List<(string[] Words, int Line)> Phrases { get; } = [];

        public List<CodeLine> Codes { get; } = [];

        public int Line { get; init; }
    }

    [GeneratedRegex(@"\[([^\]]*)\]")]
    private static partial Regex BracketRegex();

    private static void ReadActors(PetrarchFile file, State state)
    {
        string[] lines = file.Text.Split('\n');
        ActorEntry? current = null;
        bool blank = false;
        for (int i = 0; i < lines.Length; i++)
        {
            int number = i + 1;
            string raw = lines[i].TrimEnd('\r');
            string trimmed = raw.Trim();
            if (trimmed.StartsWith('<'))
            {
                // XML-style comment lines of the validation files (<!-- ... -->); a comment may span lines.
                while (!lines[i].Contains('>') && i + 1 < lines.Length)
                {
                    i++;
                }

                continue;
            }

            string text = StripComment(raw);
            if (text.Trim().Length == 0)
            {
                if (raw.Trim().Length == 0)
                {
                    blank = true;
                }

                continue;
            }

            bool indented = char.IsWhiteSpace(text[0]);
            string body = text.Trim();
            if (body.StartsWith('['))
            {
                if (current is null)
                {
                    state.Warn(file, number, "code line with no actor before it; skipped.");
                    continue;
                }

                foreach (Match m in BracketRegex().Matches(body))
                {
                    if (ParseActorCode(file, number, m.Groups[1].Value, state) is CodeLine code)
                    {
                        current.Codes.Add(code);
                    }
                }

                continue;
            }

            if (body.StartsWith('+'))
            {
                if (current is null)
                {
                    state.Warn(file, number, "synonym (+) with no actor before it; skipped.");
                    continue;
                }

                AddActorPhrase(file, number, body[1..], current, state);
                continue;
            }

            if (indented && current is not null && !body.Contains('['))
            {
                state.Warn(file, number, "indented line that is neither a synonym (+) nor a code ([...]); skipped.");
                continue;
            }

            // A new actor: PHRASE [CODE] ... or PHRASE alone (codes on the following lines). Head lines without codes
            // directly above it (no blank line between) are further names of it, as in PETRARCH:
            //   IVO_JOSIPOVIC_ / PRESIDENT_JOSIPOVIC_ / JOSIPOVIC_ / [HRVGOV >20120219]
            var carried = current is not null && current.Codes.Count == 0 && !blank ? current : null;
            if (carried is null)
            {
                Close(file, current, state);
            }

            current = new ActorEntry { Line = carried?.Line ?? number };
            if (carried is not null)
            {
                current.Phrases.AddRange(carried.Phrases);
            }

            blank = false;
            int bracket = body.IndexOf('[');
            string phrase = bracket >= 0 ? body[..bracket] : body;
            AddActorPhrase(file, number, phrase, current, state);
            if (bracket >= 0)
            {
                foreach (Match m in BracketRegex().Matches(body[bracket..]))
                {
                    if (ParseActorCode(file, number, m.Groups[1].Value, state) is CodeLine code)
                    {
                        current.Codes.Add(code);
                    }
                }
            }
        }

        Close(file, current, state);
    }

    private static void AddActorPhrase(PetrarchFile file, int line, string phrase, ActorEntry entry, State state)
    {
        int bracket = phrase.IndexOf('[');
        if (bracket >= 0)
        {
            // "+SYNONYM [CODE]": a synonym carrying a code of its own is a code line of the entry.
            foreach (Match m in BracketRegex().Matches(phrase[bracket..]))
            {
                if (ParseActorCode(file, line, m.Groups[1].Value, state) is CodeLine code)
                {
                    entry.Codes.Add(code);
                }
            }

            phrase = phrase[..bracket];
        }

        string[] words = PhraseWords(phrase.Trim());
        if (words.Length == 0)
        {
            return;
        }

        if (!Writable(string.Join(' ', words)))
        {
            state.Warn(file, line, $"actor phrase '{phrase.Trim()}' contains characters Dyad's formats reserve; skipped.");
            return;
        }

        entry.Phrases.Add((words, line));
    }

    [GeneratedRegex(@"^\s*(?<code>\S+)?\s*(?:(?<op>[<>])\s*(?<d1>\d+)|(?<d1>\d+)\s*-\s*(?<d2>\d+))?\s*$")]
    private static partial Regex ActorCodeRegex();

    private static CodeLine? ParseActorCode(PetrarchFile file, int line, string inner, State state)
    {
        var m = ActorCodeRegex().Match(inner);
        if (!m.Success || !m.Groups["code"].Success)
        {
            state.Warn(file, line, $"code block [{inner}] is not [CODE], [CODE <DATE], [CODE >DATE] or [CODE DATE-DATE]; skipped.");
            return null;
        }

        string code = m.Groups["code"].Value;
        if (code.Any(char.IsAsciiLetterLower))
        {
            state.Warn(file, line, $"lower-case code [{code}] upper-cased.");
            code = code.ToUpperInvariant();
        }

        if (!ActorDictionary.IsActorCode(code))
        {
            state.Warn(file, line, $"'{code}' is not an actor code (letters, digits, / + -); skipped.");
            return null;
        }

        DateOnly? from = null, to = null;
        if (m.Groups["d1"].Success)
        {
            if (!TryPetrarchDate(m.Groups["d1"].Value, out var d1) || (m.Groups["d2"].Success && !TryPetrarchDate(m.Groups["d2"].Value, out _)))
            {
                state.Warn(file, line, $"date in [{inner}] is not YYMMDD or YYYYMMDD; skipped.");
                return null;
            }

            string op = m.Groups["op"].Value;
            if (op == "<")
            {
                to = d1.AddDays(-1); // before the date
            }
            else if (op == ">")
            {
                from = d1.AddDays(1); // after the date
            }
            else
            {
                TryPetrarchDate(m.Groups["d2"].Value, out var d2);
                from = d1;
                to = d2;
                if (to < from)
                {
                    state.Warn(file, line, $"date range in [{inner}] ends before it starts; skipped.");
                    return null;
                }
            }
        }

        return new CodeLine(code, from, to, line);
    }

    /// <summary>PETRARCH dates: YYYYMMDD, or YYMMDD with years below 30 in the 2000s.</summary>
    internal static bool TryPetrarchDate(string s, out DateOnly date)
    {
        date = default;
        if (s.Length == 6)
        {
            int yy = int.Parse(s[..2], CultureInfo.InvariantCulture);
            s = (yy < 30 ? "20" : "19") + s;
        }

        return s.Length == 8 && DateOnly.TryParseExact(s, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    private static void Close(PetrarchFile file, ActorEntry? entry, State state)
    {
        if (entry is null || entry.Phrases.Count == 0)
        {
            return;
        }

        state.Counts.ActorEntries++;
        if (entry.Codes.Count == 0)
        {
            state.Warn(file, entry.Line, $"actor '{string.Join(' ', entry.Phrases[0].Words)}' has no code; skipped.");
            return;
        }

        state.Counts.ActorPhrases += entry.Phrases.Count;
        bool dated = entry.Codes.Count > 1 || entry.Codes[0].From is not null || entry.Codes[0].To is not null;
        if (dated)
        {
            // People block: names on one line, then roles; dated roles first, undated defaults last (PETRARCH order).
            state.Counts.People++;
            var sb = state.People;
            foreach (var (words, line) in entry.Phrases.Take(1))
            {
                sb.Append(NameCase(words)).Append(Provenance(file, line)).Append('\n');
            }

            // Further names: Dyad's people format lists them on the first line; one name a line keeps provenance, so
            // each later synonym starts its own block with the same roles.
            var roles = entry.Codes.Where(c => c.From is not null || c.To is not null).Concat(entry.Codes.Where(c => c.From is null && c.To is null)).ToList();
            if (entry.Codes.Count(c => c.From is null && c.To is null) > 1)
            {
                state.Warn(file, entry.Line, "several undated codes: the first one is the default, the others never apply.");
            }

            WriteRoles(file, sb, roles, state);
            foreach (var (words, line) in entry.Phrases.Skip(1))
            {
                sb.Append(NameCase(words)).Append(Provenance(file, line)).Append('\n');
                WriteRoles(file, sb, roles, state, count: false);
            }

            return;
        }

        string code = entry.Codes[0].Code;
        if (code.Length == 3 && code.All(char.IsAsciiLetterUpper))
        {
            state.Counts.Countries++;
            var (words, line) = entry.Phrases[0];
            state.Countries.Append(code).Append(" -- | ").Append(NameCase(words)).Append(Provenance(file, line)).Append('\n');
            foreach (var (w, l) in entry.Phrases.Skip(1))
            {
                state.Countries.Append("  name: ").Append(NameCase(w)).Append(Provenance(file, l)).Append('\n');
            }
        }
        else
        {
            state.Counts.Organisations++;
            var (words, line) = entry.Phrases[0];
            state.Organisations.Append(code).Append(" | ").Append(NameCase(words)).Append(Provenance(file, line)).Append('\n');
            foreach (var (w, l) in entry.Phrases.Skip(1))
            {
                state.Organisations.Append("  name: ").Append(NameCase(w)).Append(Provenance(file, l)).Append('\n');
            }
        }
    }

    private static void WriteRoles(PetrarchFile file, StringBuilder sb, List<CodeLine> roles, State state, bool count = true)
    {
        foreach (var role in roles)
        {
            string range = role.From is null && role.To is null ? string.Empty : $" {role.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}..{role.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
            sb.Append("  ").Append(role.Code).Append(range).Append(Provenance(file, role.Line)).Append('\n');
            if (count)
            {
                state.Counts.DatedRoles++;
            }
        }
    }

    // ---------------------------------------------------------------- agents

    [GeneratedRegex(@"^!(?<name>[A-Za-z0-9_]+)!\s*=\s*(?<values>.+)$")]
    private static partial Regex SubstitutionRegex();

    [GeneratedRegex(@"!(?<name>[A-Za-z0-9_]+)!")]
    private static partial Regex SubstitutionUseRegex();

    private static void ReadAgents(PetrarchFile file, State state)
    {
        var substitutions = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        string[] lines = file.Text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            int number = i + 1;
            string raw = lines[i].TrimEnd('\r');
            if (raw.TrimStart().StartsWith('<'))
            {
                continue; // <!-- ... --> comment line
            }

            string body = StripComment(raw).Trim();
            if (body.Length == 0)
            {
                continue;
            }

            var sub = SubstitutionRegex().Match(body);
            if (sub.Success)
            {
                substitutions[sub.Groups["name"].Value] = sub.Groups["values"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                continue;
            }

            state.Counts.AgentLines++;
            int bracket = body.IndexOf('[');
            int close = body.IndexOf(']', Math.Max(bracket, 0));
            if (bracket < 0 || close < 0)
            {
                state.Warn(file, number, "agent line without a [~CODE] block; skipped.");
                continue;
            }

            string codeBlock = body[(bracket + 1)..close].Replace(" ", string.Empty);
            string phrasePart = body[..bracket].Trim();
            string? plurals = null;
            int brace = phrasePart.IndexOf('{');
            if (brace >= 0)
            {
                int braceEnd = phrasePart.IndexOf('}', brace);
                if (braceEnd < 0)
                {
                    state.Warn(file, number, "unclosed '{' in agent plurals; skipped.");
                    continue;
                }

                plurals = phrasePart[(brace + 1)..braceEnd].Trim();
                phrasePart = phrasePart[..brace].Trim();
            }

            string role;
            if (codeBlock.StartsWith('~'))
            {
                role = codeBlock[1..];
            }
            else if (codeBlock.EndsWith('~'))
            {
                role = codeBlock[..^1];
                state.Warn(file, number, $"prefix agent [{codeBlock}] (code before the actor's) written as the role {role} after the actor's code: Dyad composes roles after the country.");
            }
            else
            {
                state.Warn(file, number, $"agent code [{codeBlock}] has no '~'; read as [~{codeBlock}].");
                role = codeBlock;
            }

            if (!ActorDictionary.IsRoleCode(role))
            {
                state.Warn(file, number, $"agent code '{role}' is not one to four 3-letter role segments; skipped.");
                continue;
            }

            for (int k = 0; k < role.Length; k += 3)
            {
                string segment = role.Substring(k, 3);
                if (!state.KnownRoles.Contains(segment))
                {
                    state.NewRoles.Add(segment);
                }
            }

            // Phrases: substitutions expanded; the plural of each from {PLURALS}, or generated unless {} is given.
            var phrases = Expand(phrasePart, substitutions, file, number, state);
            var all = new List<string>();
            foreach (string p in phrases)
            {
                all.Add(p);
                if (plurals is null)
                {
                    all.Add(Plural(p));
                }
            }

            if (!string.IsNullOrEmpty(plurals))
            {
                all.AddRange(plurals.Split(' ', StringSplitOptions.RemoveEmptyEntries).SelectMany(p => Expand(p, substitutions, file, number, state)));
            }

            var words = all.Select(p => string.Join(' ', PhraseWords(p)).ToLowerInvariant()).Where(p => p.Length > 0).Distinct().ToList();
            var bad = words.Where(w => !Writable(w)).ToList();
            foreach (string b in bad)
            {
                state.Warn(file, number, $"agent phrase '{b}' contains characters Dyad's formats reserve; skipped.");
            }

            words = words.Except(bad).ToList();
            if (words.Count == 0)
            {
                continue;
            }

            state.Counts.AgentPhrases += words.Count;
            state.Agents.Append(role).Append(" | ").Append(string.Join(" | ", words)).Append(Provenance(file, number)).Append('\n');
        }
    }

    private static List<string> Expand(string phrase, Dictionary<string, string[]> substitutions, PetrarchFile file, int line, State state)
    {
        var m = SubstitutionUseRegex().Match(phrase);
        if (!m.Success)
        {
            return [phrase];
        }

        if (!substitutions.TryGetValue(m.Groups["name"].Value, out var values))
        {
            state.Warn(file, line, $"unknown substitution !{m.Groups["name"].Value}!; phrase skipped.");
            return [];
        }

        return values.SelectMany(v => Expand(phrase[..m.Index] + v + phrase[(m.Index + m.Length)..], substitutions, file, line, state)).ToList();
    }

    /// <summary>PETRARCH's regular plural of the last word: -Y -> -IES, -S/-X/-CH/-SH -> -ES, -MAN -> -MEN, else -S.</summary>
    internal static string Plural(string phrase)
    {
        string p = phrase.TrimEnd('_');
        string upper = p.ToUpperInvariant();
        if (upper.EndsWith("MAN", StringComparison.Ordinal))
        {
            return p[..^3] + "MEN";
        }

        if (upper.EndsWith('Y') && upper.Length > 1 && !"AEIOU".Contains(upper[^2]))
        {
            return p[..^1] + "IES";
        }

        if (upper.EndsWith('S') || upper.EndsWith('X') || upper.EndsWith("CH", StringComparison.Ordinal) || upper.EndsWith("SH", StringComparison.Ordinal))
        {
            return p + "ES";
        }

        return p + "S";
    }

    // ---------------------------------------------------------------- discards

    private static void ReadDiscards(PetrarchFile file, State state)
    {
        string[] lines = file.Text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            int number = i + 1;
            string body = StripComment(lines[i].TrimEnd('\r')).Trim();
            if (body.Length == 0 || body.StartsWith('<'))
            {
                continue;
            }

            if (body.StartsWith('+'))
            {
                body = body[1..].Trim();
                state.Warn(file, number, $"story-level discard '+{body}' written as a sentence-level discard: Dyad discards sentences, not whole stories.");
            }

            string phrase = string.Join(' ', PhraseWords(body)).ToLowerInvariant();
            if (!Writable(phrase))
            {
                state.Warn(file, number, $"discard '{body}' contains characters Dyad's formats reserve; skipped.");
                continue;
            }

            state.Counts.Discards++;
            state.DiscardText.Append(phrase).Append(Provenance(file, number)).Append('\n');
        }
    }
}
