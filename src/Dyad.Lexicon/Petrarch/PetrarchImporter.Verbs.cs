using System.Text;
using System.Text.RegularExpressions;

namespace Dyad.Lexicon.Petrarch;

/// <summary>The verb dictionary part of the importer: synsets, verb blocks, verb forms and patterns.</summary>
public static partial class PetrarchImporter
{
    /// <summary>An event code as PETRARCH writes it: <c>[010]</c>, <c>[---]</c>, <c>[042:043]</c>.</summary>
    private sealed record CodeSpec(string Code, string? Reverse, bool Reciprocal)
    {
        /// <summary>Only the reverse event (<c>[:CODE]</c>): the target acts on the source.</summary>
        public bool Swap { get; init; }
    }

    /// <summary>A verb of a block: per position, the alternatives (base form and listed forms).</summary>
    private sealed record VerbUnit(List<SortedSet<string>> Positions, CodeSpec? Code, int Line);

    private sealed record PatternLine(List<string> Pre, List<string> Post, CodeSpec Code, bool Reciprocal, bool Passive, int Line)
    {
        public bool Compound { get; init; }
    }

    private sealed class VerbBlock
    {
        public required string Name { get; init; }

        public required CodeSpec? Code { get; init; }

        public required int Line { get; init; }

        public List<VerbUnit> Verbs { get; } = [];

        public List<PatternLine> Patterns { get; } = [];
    }

    [GeneratedRegex(@"^---\s*(?<name>[^\[\s][^\[]*?)\s*\[(?<code>[^\]]*)\]\s*-*\s*---\s*$")]
    private static partial Regex BlockRegex();

    private static void ReadVerbs(PetrarchFile file, State state)
    {
        string[] lines = file.Text.Split('\n');
        var synsetNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var synsetLines = new StringBuilder();
        var patternLines = new StringBuilder();
        var written = new HashSet<string>(StringComparer.Ordinal);
        string? synset = null;
        int synsetLine = 0;
        var members = new List<string>();
        VerbBlock? block = null;

        void CloseSynset()
        {
            if (synset is null)
            {
                return;
            }

            if (members.Count == 0)
            {
                state.Warn(file, synsetLine, $"synset &{synset} has no members; skipped.");
            }
            else
            {
                synsetNames.Add(synset);
                state.Counts.Synsets++;
                synsetLines.Append('&').Append(synset.ToLowerInvariant()).Append(" = ").Append(string.Join(" | ", members)).Append(Provenance(file, synsetLine)).Append('\n');
            }

            synset = null;
            members.Clear();
        }

        for (int i = 0; i < lines.Length; i++)
        {
            int number = i + 1;
            string body = StripComment(lines[i].TrimEnd('\r')).Trim();
            if (body.Length == 0 || body.StartsWith('<'))
            {
                continue;
            }

            if (body.StartsWith('&'))
            {
                CloseSynset();
                CloseBlock(file, block, synsetNames, patternLines, written, state);
                block = null;
                synset = body[1..].Trim();
                synsetLine = number;
                if (synset.Length == 0 || !synset.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
                {
                    state.Warn(file, number, $"synset name '&{synset}' is not letters, digits and _; skipped.");
                    synset = null;
                }

                continue;
            }

            if (synset is not null && body.StartsWith('+'))
            {
                string member = body[1..].Trim();
                if (member.StartsWith('&'))
                {
                    if (!synsetNames.Contains(member[1..]))
                    {
                        state.Warn(file, number, $"synset member {member} names no synset defined above; skipped.");
                        continue;
                    }

                    members.Add(member.ToLowerInvariant());
                    continue;
                }

                string words = string.Join(' ', PhraseWords(member.Replace("(", " ").Replace(")", " "))).ToLowerInvariant();
                if (words.Length == 0 || !Writable(words))
                {
                    state.Warn(file, number, $"synset member '{member}' contains characters Dyad's formats reserve; skipped.");
                    continue;
                }

                members.Add(words);
                continue;
            }

            CloseSynset();
            if (body.StartsWith("---", StringComparison.Ordinal))
            {
                CloseBlock(file, block, synsetNames, patternLines, written, state);
                block = null;
                var m = BlockRegex().Match(body);
                if (!m.Success)
                {
                    state.Warn(file, number, "block header is not '--- NAME [CODE] ---'; the block's lines are skipped.");
                    continue;
                }

                state.Counts.VerbBlocks++;
                block = new VerbBlock { Name = m.Groups["name"].Value, Code = ParseCodeSpec(file, number, m.Groups["code"].Value, state), Line = number };
                continue;
            }

            if (block is null)
            {
                state.Warn(file, number, "line outside any synset or '--- VERB [CODE] ---' block; skipped.");
                continue;
            }

            if (body.StartsWith('-'))
            {
                state.Counts.PatternLines++;
                if (ParsePattern(file, number, body[1..].Trim(), state) is PatternLine pattern)
                {
                    block.Patterns.Add(pattern);
                }

                continue;
            }

            if (body.StartsWith('*') || body.StartsWith('$') || body.StartsWith('%') || body.StartsWith('^'))
            {
                state.Warn(file, number, "pattern line without its leading '- '; read as a pattern.");
                state.Counts.PatternLines++;
                if (ParsePattern(file, number, body, state) is PatternLine unmarked)
                {
                    block.Patterns.Add(unmarked);
                }

                continue;
            }

            state.Counts.Verbs++;
            if (ParseVerb(file, number, body, state) is VerbUnit verb)
            {
                block.Verbs.Add(verb);
            }
        }

        CloseSynset();
        CloseBlock(file, block, synsetNames, patternLines, written, state);
        state.Verbs.Append(synsetLines).Append(patternLines);
    }

    private static CodeSpec? ParseCodeSpec(PetrarchFile file, int line, string text, State state)
    {
        text = text.Trim();
        int colon = text.IndexOf(':');
        if (colon < 0)
        {
            string? code = state.EventCode(file, line, text);
            return code is null ? null : new CodeSpec(code, null, false);
        }

        string forward = text[..colon].Trim();
        string reverse = text[(colon + 1)..].Trim();
        if (forward.Length == 0)
        {
            // [:CODE]: only the reverse event, the target acting on the source ("appeared before court" [:173]).
            string? swapped = state.EventCode(file, line, reverse);
            return swapped is null || swapped == "---" ? null : new CodeSpec(swapped, null, false) { Swap = true };
        }

        string? f = state.EventCode(file, line, forward);
        if (f is null)
        {
            return null;
        }

        if (reverse == forward)
        {
            return new CodeSpec(f, null, true);
        }

        string? r = reverse.Length == 0 ? null : state.EventCode(file, line, reverse);
        return new CodeSpec(f, r == "---" ? null : r, false);
    }

    [GeneratedRegex(@"\{(?<forms>[^}]*)\}")]
    private static partial Regex FormsRegex();

    private static VerbUnit? ParseVerb(PetrarchFile file, int line, string body, State state)
    {
        CodeSpec? code = null;
        var bracket = BracketRegex().Match(body);
        if (bracket.Success)
        {
            code = ParseCodeSpec(file, line, bracket.Groups[1].Value, state);
            if (code is null)
            {
                return null;
            }

            body = body.Remove(bracket.Index, bracket.Length);
        }

        var forms = new List<string>();
        var braces = FormsRegex().Match(body);
        if (braces.Success)
        {
            forms.AddRange(braces.Groups["forms"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            body = body.Remove(braces.Index, braces.Length);
        }

        string baseForm = body.Trim();
        if (baseForm.Length == 0 || baseForm.Contains(' ') && !baseForm.Contains('_'))
        {
            if (baseForm.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length != 1)
            {
                state.Warn(file, line, $"verb line '{body.Trim()}' is not 'VERB {{FORMS}} [CODE]'; skipped.");
                return null;
            }
        }

        var sequences = new List<string[]> { VerbWords(baseForm) };
        sequences.AddRange(forms.Select(VerbWords));
        if (sequences[0].Length > 0)
        {
            // PETRARCH matches the listed forms and the regular ones it generates (-s, -ed, -ing) of the verb word, which '+'
            // marks in a multi-word verb (WIRE_+TAP); never a noun plural such as "meetings".
            int verbAt = VerbPosition(baseForm);
            foreach (string form in RegularForms(sequences[0][verbAt]))
            {
                var generated = sequences[0].ToArray();
                generated[verbAt] = form;
                sequences.Add(generated);
            }
        }

        sequences.RemoveAll(s => s.Length == 0);
        if (sequences.Count == 0 || sequences.Any(s => s.Any(w => !Writable(w) || w.Contains('(') || w.Contains(')'))))
        {
            state.Warn(file, line, $"verb '{baseForm}' contains characters Dyad's formats reserve; skipped.");
            return null;
        }

        int length = sequences[0].Length;
        if (sequences.Any(s => s.Length != length))
        {
            state.Warn(file, line, $"the forms of '{baseForm}' differ in length; only the base form is kept.");
            sequences = [sequences[0]];
        }

        var positions = Enumerable.Range(0, length).Select(k => new SortedSet<string>(sequences.Select(s => s[k]), StringComparer.Ordinal)).ToList();
        return new VerbUnit(positions, code, line);
    }

    /// <summary>Index of the verb word in a verb form: the word '+' marks, else the first.</summary>
    private static int VerbPosition(string form)
    {
        string[] words = PhraseWords(form);
        int marked = Array.FindIndex(words, w => w.StartsWith('+') || w.Contains("+", StringComparison.Ordinal));
        return marked < 0 ? 0 : marked;
    }

    /// <summary>The regular forms PETRARCH generates for a verb: third person -s, past -ed, participle -ing.</summary>
    internal static IEnumerable<string> RegularForms(string verb)
    {
        if (verb.Length < 2 || !verb.All(char.IsLetter))
        {
            yield break;
        }

        bool consonantY = verb.EndsWith('y') && !"aeiou".Contains(verb[^2]);
        yield return verb.EndsWith('s') || verb.EndsWith('x') || verb.EndsWith('z') || verb.EndsWith("ch", StringComparison.Ordinal) || verb.EndsWith("sh", StringComparison.Ordinal) ? verb + "es"
            : consonantY ? verb[..^1] + "ies" : verb + "s";
        yield return verb.EndsWith('e') ? verb + "d" : consonantY ? verb[..^1] + "ied" : verb + "ed";
        yield return verb.EndsWith('e') && !verb.EndsWith("ee", StringComparison.Ordinal) ? verb[..^1] + "ing" : verb + "ing";
    }

    private static readonly HashSet<string> NoPlural = new(StringComparer.Ordinal)
    {
        "from", "to", "in", "on", "at", "by", "with", "for", "of", "the", "a", "an", "and", "or", "not", "over", "against", "into", "about", "between",
        "up", "down", "off", "out", "that", "than", "as", "no", "n't", "will", "would", "said", "should", "could", "may", "might", "be", "been", "has", "have", "had",
    };

    /// <summary>A pattern word matched as PETRARCH does: its exact form or its regular plural.</summary>
    private static string ExactWord(string word)
    {
        if (word.EndsWith('s') || NoPlural.Contains(word))
        {
            return "=" + word;
        }

        string plural = Plural(word).ToLowerInvariant();
        return "=" + word + (plural != word && plural.All(c => char.IsLetter(c) || c is '-' or '\'') ? "|" + plural : string.Empty);
    }

    /// <summary>The words of a verb form: '+' marks the verb in a multi-word verb (WIRE_+TAP), '_' joins words.</summary>
    private static string[] VerbWords(string form) =>
        PhraseWords(form.Replace("+", string.Empty)).Select(w => w.ToLowerInvariant()).ToArray();

    private static PatternLine? ParsePattern(PetrarchFile file, int line, string body, State state)
    {
        int open = body.LastIndexOf('[');
        int close = body.LastIndexOf(']');
        if (open < 0 || close < open)
        {
            state.Warn(file, line, "pattern without a [CODE]; skipped.");
            return null;
        }

        var code = ParseCodeSpec(file, line, body[(open + 1)..close], state);
        if (code is null)
        {
            return null;
        }

        string text = body[..open];
        foreach (char c in "{}()")
        {
            text = text.Replace(c.ToString(), " " + c + " ");
        }

        var tokens = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToList();
        int star = tokens.IndexOf("*");
        if (star < 0)
        {
            state.Warn(file, line, "pattern without the verb position '*'; skipped.");
            return null;
        }

        bool reciprocal = code.Reciprocal, passive = false, compound = false;
        var pre = new List<string>();
        var post = new List<string>();
        for (int k = 0; k < tokens.Count; k++)
        {
            if (k == star)
            {
                continue;
            }

            string t = tokens[k];
            bool before = k < star;
            var output = before ? pre : post;
            switch (t)
            {
                case "{" or "}" or "(" or ")":
                    continue; // noun and prepositional phrase grouping: Dyad matches the words in order
                case "%":
                    compound = true; // a compound actor acting together
                    continue;
                case "^":
                    output.Add("^"); // skip a noun phrase, which may be an actor
                    continue;
                case "$":
                    if (!before)
                    {
                        output.Add("$S");
                    }

                    continue; // a source before the verb is its subject, Dyad's default
                case "+":
                    if (before)
                    {
                        passive = true; // the subject is the target
                    }
                    else
                    {
                        output.Add("$T");
                    }

                    continue;
                case "*":
                    state.Warn(file, line, "pattern with a second '*'; skipped.");
                    return null;
            }

            if (t.StartsWith('&'))
            {
                output.Add(t.ToLowerInvariant());
                continue;
            }

            if (t.StartsWith('@'))
            {
                state.Warn(file, line, $"'{t}' (TABARI class) is not supported; pattern skipped.");
                return null;
            }

            string[] words = PhraseWords(t).Select(w => w.ToLowerInvariant()).ToArray();
            if (words.Any(w => !Writable(w)))
            {
                state.Warn(file, line, $"pattern token '{t}' contains characters Dyad's formats reserve; pattern skipped.");
                return null;
            }

            output.AddRange(words.Select(ExactWord));
        }

        if (pre.Contains("$S") || post.Count(x => x == "$S") > 1 || post.Count(x => x == "$T") > 1)
        {
            state.Warn(file, line, "pattern with more than one source or target slot; skipped.");
            return null;
        }

        return new PatternLine(pre, post, code, reciprocal, passive, line) { Compound = compound };
    }

    private static void CloseBlock(PetrarchFile file, VerbBlock? block, HashSet<string> synsets, StringBuilder output, HashSet<string> written, State state)
    {
        if (block is null)
        {
            return;
        }

        if (block.Verbs.Count == 0)
        {
            state.Warn(file, block.Line, $"block '{block.Name}' has no verbs; its {block.Patterns.Count} patterns are skipped.");
            return;
        }

        // Single-word verbs share one token of alternatives; each multi-word verb is its own unit.
        var units = new List<(string[] Tokens, CodeSpec? Code, int Line)>();
        foreach (var group in block.Verbs.Where(v => v.Positions.Count == 1).GroupBy(v => v.Code))
        {
            var words = new SortedSet<string>(group.SelectMany(v => v.Positions[0]), StringComparer.Ordinal);
            units.Add((["=" + string.Join('|', words)], group.Key, group.First().Line));
        }

        units.AddRange(block.Verbs.Where(v => v.Positions.Count > 1).Select(v => (v.Positions.Select(p => "=" + string.Join('|', p)).ToArray(), v.Code, v.Line)));

        output.Append("# --- ").Append(block.Name).Append(" ---").Append(Provenance(file, block.Line)).Append('\n');
        foreach (var (tokens, code, line) in units)
        {
            var spec = code ?? block.Code;
            if (spec is null)
            {
                continue; // the block's code was reported
            }

            Write(string.Join(' ', tokens), spec, spec.Reciprocal, false, line);
        }

        foreach (var pattern in block.Patterns)
        {
            var unknown = pattern.Pre.Concat(pattern.Post).FirstOrDefault(t => t.StartsWith('&') && !synsets.Contains(t[1..]));
            if (unknown is not null)
            {
                state.Warn(file, pattern.Line, $"pattern uses {unknown.ToUpperInvariant()}, which names no synset; skipped.");
                continue;
            }

            foreach (var (tokens, _, _) in units)
            {
                var seq = new List<string>();
                foreach (string t in pattern.Pre)
                {
                    seq.Add(t);
                    seq.Add("*");
                }

                seq.AddRange(tokens);
                foreach (string t in pattern.Post)
                {
                    // PETRARCH finds the words anywhere in the verb phrase: a Dyad gap (a few words, no actor) between them.
                    seq.Add("*");
                    seq.Add(t);
                }

                // Collapse runs of gaps and drop trailing ones.
                var clean = new List<string>();
                foreach (string t in seq)
                {
                    if (t is "*" or "* *" or "^" && (clean.Count == 0 || clean[^1] is "*" or "* *" or "^"))
                    {
                        if (t == "^" && clean.Count > 0)
                        {
                            clean[^1] = "^"; // a skip absorbs the gaps beside it
                        }

                        continue;
                    }

                    clean.Add(t);
                }

                while (clean.Count > 0 && clean[^1] is "*" or "* *" or "^")
                {
                    clean.RemoveAt(clean.Count - 1);
                }

                Write(string.Join(' ', clean), pattern.Code, pattern.Reciprocal, pattern.Passive, pattern.Line, pattern.Compound);
            }
        }

        void Write(string pattern, CodeSpec code, bool reciprocal, bool passive, int line, bool compound = false)
        {
            var flags = new StringBuilder();
            if (compound)
            {
                flags.Append(" [compound]");
            }

            if (code.Swap)
            {
                flags.Append(" [swap]");
            }

            if (reciprocal)
            {
                flags.Append(" [recip]");
            }

            if (passive)
            {
                flags.Append(" [passive]");
            }

            if (code.Reverse is not null && !reciprocal)
            {
                flags.Append(" [reverse ").Append(code.Reverse).Append(']');
            }

            string text = $"{code.Code}  {pattern}{flags}";
            if (!written.Add(text))
            {
                return; // the same Dyad pattern from another PETRARCH line
            }

            state.Counts.DyadPatterns++;
            output.Append(text).Append(Provenance(file, line)).Append('\n');
        }
    }
}
