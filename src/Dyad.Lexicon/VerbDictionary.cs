using Dyad.Text;

namespace Dyad.Lexicon;

/// <summary>Kind of one pattern element.</summary>
public enum PatternElementKind : byte
{
    /// <summary>A token whose lemma (or a lemma candidate) is one of the ids.</summary>
    Lemma,
    /// <summary>A token whose folded surface form is one of the ids.</summary>
    Surface,
    /// <summary>A gap of 0 to 3 tokens without actors or clause punctuation.</summary>
    Gap,
    /// <summary>The target actor slot.</summary>
    Target,
    /// <summary>The source actor slot.</summary>
    Source,
    /// <summary>A gap that may contain an actor (PETRARCH's <c>^</c>, skip a noun phrase).</summary>
    Skip,
}

/// <summary>One element of a compiled pattern.</summary>
/// <param name="Kind">What it matches.</param>
/// <param name="Ids">Vocabulary ids of the alternatives (lemma or surface).</param>
/// <param name="Optional">May be skipped.</param>
public readonly record struct PatternElement(PatternElementKind Kind, int[] Ids, bool Optional);

/// <summary>Flags of a verb pattern.</summary>
[Flags]
public enum PatternFlags
{
    /// <summary>None.</summary>
    None = 0,
    /// <summary>Emit the reverse event too.</summary>
    Reciprocal = 1,
    /// <summary>Never take a target.</summary>
    NoTarget = 2,
    /// <summary>The pattern is passive: the subject is the target.</summary>
    Passive = 4,
    /// <summary>With a compound subject the act is among its members (PETRARCH's <c>%</c>); ranks above the same words without it.</summary>
    Compound = 8,
    /// <summary>The act goes the other way: the target of the words acts on their source (PETRARCH's <c>[:CODE]</c>, "X received an invitation from Y" -> Y invites X).</summary>
    Swap = 16,
    /// <summary>
    /// An act named as what a speaker expects, urges or demands ("expects the withdrawal of X and the opening of
    /// transport links"), before or after the appeal verb: coded only in a sentence with one, from its subject.
    /// </summary>
    Demanded = 32,
    /// <summary>
    /// A past agreement referred to by the place it was concluded in ("the Prague and Sochi agreements"): coded only
    /// after such a name, between the article's two leading countries, one pair of events per name.
    /// </summary>
    NamedAfterPlace = 64,
    /// <summary>
    /// A judgement of another party's conduct ("continues to escalate the situation", "are unacceptable"): coded only
    /// when a speaker reports it, from the speaker to the party judged.
    /// </summary>
    Judged = 128,
}

/// <summary>A compiled verb or noun pattern.</summary>
public sealed record VerbPattern
{
    /// <summary>CAMEO event code.</summary>
    public required string Code { get; init; }

    /// <summary>The pattern as written.</summary>
    public required string Text { get; init; }

    /// <summary>Elements from the trigger on (leading optional elements are dropped).</summary>
    public required PatternElement[] Elements { get; init; }

    /// <summary>Flags.</summary>
    public PatternFlags Flags { get; init; }

    /// <summary>Source line.</summary>
    public required Provenance Where { get; init; }

    /// <summary>
    /// Code of the reverse event (target acting on source) that the act also implies, e.g. 043 host for a 042 visit
    /// (<c>[reverse 043]</c>); null when none.
    /// </summary>
    public string? ReverseCode { get; init; }

    /// <summary>
    /// True for a null pattern (code <c>---</c>): it matches and wins like any pattern but yields no event, which blocks a
    /// shorter pattern at the same trigger ("approve the budget" is no event though "approve" is 080).
    /// </summary>
    public bool IsNull => Code == NullCode;

    /// <summary>The code of null patterns.</summary>
    public const string NullCode = "---";

    /// <summary>
    /// The alternatives of every required word after the trigger: a sentence lacking any one of these groups cannot
    /// match, which lets the matcher skip the pattern with a few set lookups.
    /// </summary>
    public int[][] RequiredWords { get; init; } = [];

    /// <summary>Number of required word elements (for ranking: more specific first).</summary>
    public int Specificity { get; init; }

    /// <summary>The rule string reported with events: <c>file:line pattern</c>.</summary>
    public string Rule => $"{Where} {Text}";
}

/// <summary>
/// The verb and noun patterns, indexed by the trigger's vocabulary id. Immutable and thread-safe.
/// </summary>
public sealed class VerbDictionary
{
    private readonly Dictionary<int, VerbPattern[]> _byTrigger;

    internal VerbDictionary(List<VerbPattern> patterns)
    {
        Patterns = patterns;
        _byTrigger = patterns
            .SelectMany(p => p.Elements[0].Ids.Select(id => (id, p)))
            .GroupBy(x => x.id)
            .ToDictionary(g => g.Key, g => g.Select(x => x.p).OrderByDescending(p => p.Specificity).ThenByDescending(p => p.Code.Length).ToArray());
    }

    /// <summary>All patterns in file order.</summary>
    public IReadOnlyList<VerbPattern> Patterns { get; }

    /// <summary>Patterns whose trigger has vocabulary id <paramref name="id"/>, most specific first.</summary>
    public ReadOnlySpan<VerbPattern> TriggeredBy(int id) => id >= 0 && _byTrigger.TryGetValue(id, out var list) ? list : [];

    /// <summary>Parses pattern lines; returns raw patterns whose words are compiled later.</summary>
    internal static List<RawPattern> Parse(IEnumerable<DictionaryFile> files, CameoOntology ontology, List<LexiconDiagnostic> diagnostics)
    {
        var result = new List<RawPattern>();
        foreach (var file in files)
        {
            // Synonym sets: "&name = word | two words | ..." defined before use in the same file.
            var synsets = new Dictionary<string, List<string[]>>(StringComparer.Ordinal);
            foreach (var line in LineReader.Read(file, "verbs", diagnostics))
            {
                var where = new Provenance(file.Name, line.Number);
                string text = line.Text;
                if (text.StartsWith('&'))
                {
                    ParseSynset(text, where, synsets, diagnostics);
                    continue;
                }

                var flags = PatternFlags.None;
                string? reverse = null;
                while (text.EndsWith(']'))
                {
                    int open = text.LastIndexOf('[');
                    if (open < 0)
                    {
                        break;
                    }

                    string flag = text[(open + 1)..^1].Trim();
                    if (flag.StartsWith("reverse ", StringComparison.Ordinal))
                    {
                        reverse = flag["reverse ".Length..].Trim();
                        if (!ontology.Contains(reverse))
                        {
                            diagnostics.Add(new LexiconDiagnostic(LexiconErrorCode.E103UnknownEventCode, where, $"'{reverse}' in [reverse {reverse}] is not a CAMEO event code."));
                            reverse = null;
                        }

                        text = text[..open].TrimEnd();
                        continue;
                    }

                    flags |= flag switch
                    {
                        "recip" => PatternFlags.Reciprocal,
                        "notarget" => PatternFlags.NoTarget,
                        "passive" => PatternFlags.Passive,
                        "compound" => PatternFlags.Compound,
                        "swap" => PatternFlags.Swap,
                        "demanded" => PatternFlags.Demanded,
                        "named" => PatternFlags.NamedAfterPlace,
                        "judged" => PatternFlags.Judged,
                        _ => PatternFlags.None,
                    };
                    if (flag is not ("recip" or "notarget" or "passive" or "compound" or "swap" or "demanded" or "named" or "judged"))
                    {
                        diagnostics.Add(new LexiconDiagnostic(LexiconErrorCode.E105BadPattern, where, $"Unknown flag [{flag}]: use [recip], [notarget], [passive], [compound], [swap], [demanded], [named], [judged] or [reverse CODE]."));
                    }

                    text = text[..open].TrimEnd();
                }

                int space = text.IndexOfAny([' ', '\t']);
                if (space < 0)
                {
                    diagnostics.Add(new LexiconDiagnostic(LexiconErrorCode.E102Malformed, where, "A pattern line is 'CODE pattern [flags]'."));
                    continue;
                }

                string code = text[..space];
                string pattern = text[(space + 1)..].Trim();
                if (code != VerbPattern.NullCode && !ontology.Contains(code))
                {
                    diagnostics.Add(new LexiconDiagnostic(LexiconErrorCode.E103UnknownEventCode, where, $"'{code}' is not a CAMEO event code."));
                    continue;
                }

                // A synset token stands for each of its members: single words become one token's alternatives,
                // each multi-word member a variant of the pattern.
                var variants = new List<List<string>> { new() };
                bool ok = true;
                foreach (string token in pattern.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    bool optional = token.StartsWith("(&", StringComparison.Ordinal) && token.EndsWith(')');
                    string name = optional ? token[1..^1] : token;
                    if (!name.StartsWith('&'))
                    {
                        variants.ForEach(v => v.Add(token));
                        continue;
                    }

                    if (!synsets.TryGetValue(name[1..].ToLowerInvariant(), out var members))
                    {
                        diagnostics.Add(new LexiconDiagnostic(LexiconErrorCode.E105BadPattern, where, $"Unknown synset '{name}': define it above with '{name} = word | word ...'."));
                        ok = false;
                        break;
                    }

                    var single = members.Where(m => m.Length == 1).Select(m => m[0]).ToList();
                    var choices = new List<string[]>();
                    if (single.Count > 0)
                    {
                        string alternatives = string.Join('|', single);
                        choices.Add([optional ? "(" + alternatives + ")" : alternatives]);
                    }

                    choices.AddRange(members.Where(m => m.Length > 1).Select(m => optional ? m.Select(w => "(" + w + ")").ToArray() : m));
                    if (optional)
                    {
                        choices.Add([]);
                    }

                    if (variants.Count * choices.Count > MaxVariants)
                    {
                        diagnostics.Add(new LexiconDiagnostic(LexiconErrorCode.E105BadPattern, where, $"The synsets of this pattern expand to more than {MaxVariants} variants; split it."));
                        ok = false;
                        break;
                    }

                    variants = variants.SelectMany(v => choices.Select(c => v.Concat(c).ToList())).ToList();
                }

                if (!ok)
                {
                    continue;
                }

                foreach (var variant in variants)
                {
                    var elements = new List<RawElement>();
                    foreach (string token in variant)
                    {
                        var element = ParseElement(token);
                        if (element is null)
                        {
                            diagnostics.Add(new LexiconDiagnostic(LexiconErrorCode.E105BadPattern, where, $"Bad pattern token '{token}'."));
                            ok = false;
                            break;
                        }

                        elements.Add(element);
                    }

                    // Drop leading optional elements and leading gaps; the first remaining word is the trigger.
                    while (elements.Count > 0 && (elements[0].Optional || elements[0].Kind is PatternElementKind.Gap or PatternElementKind.Skip))
                    {
                        elements.RemoveAt(0);
                    }

                    if (!ok || elements.Count == 0 || elements[0].Kind is not (PatternElementKind.Lemma or PatternElementKind.Surface))
                    {
                        if (ok)
                        {
                            diagnostics.Add(new LexiconDiagnostic(LexiconErrorCode.E105BadPattern, where, "A pattern must contain a required word before any slot ($S $T) to serve as trigger; reorder it."));
                        }

                        break;
                    }

                    result.Add(new RawPattern(code, pattern, elements, flags, where) { ReverseCode = reverse });
                }
            }
        }

        return result;
    }

    /// <summary>Most pattern variants one line's synsets may expand to.</summary>
    public const int MaxVariants = 4096;

    private static void ParseSynset(string text, Provenance where, Dictionary<string, List<string[]>> synsets, List<LexiconDiagnostic> diagnostics)
    {
        int eq = text.IndexOf('=');
        string name = eq < 0 ? string.Empty : text[1..eq].Trim().ToLowerInvariant();
        if (eq < 0 || name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
        {
            diagnostics.Add(new LexiconDiagnostic(LexiconErrorCode.E102Malformed, where, "A synset line is '&name = word | two words | ...'."));
            return;
        }

        var members = new List<string[]>();
        foreach (string member in text[(eq + 1)..].Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (member.StartsWith('&'))
            {
                // A synset may include an earlier one.
                if (synsets.TryGetValue(member[1..].ToLowerInvariant(), out var inner))
                {
                    members.AddRange(inner);
                }
                else
                {
                    diagnostics.Add(new LexiconDiagnostic(LexiconErrorCode.E105BadPattern, where, $"Unknown synset '{member}' inside '&{name}'."));
                }

                continue;
            }

            string[] words = member.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Any(w => ParseElement(w) is not { Kind: PatternElementKind.Lemma or PatternElementKind.Surface }))
            {
                diagnostics.Add(new LexiconDiagnostic(LexiconErrorCode.E105BadPattern, where, $"Bad synset member '{member}': words only."));
                continue;
            }

            members.Add(words);
        }

        if (members.Count == 0)
        {
            diagnostics.Add(new LexiconDiagnostic(LexiconErrorCode.E102Malformed, where, $"Synset '&{name}' has no members."));
            return;
        }

        synsets[name] = members;
    }

    private static RawElement? ParseElement(string token)
    {
        bool optional = false;
        if (token.StartsWith('(') && token.EndsWith(')'))
        {
            optional = true;
            token = token[1..^1];
        }

        if (token.Length == 0)
        {
            return null;
        }

        switch (token)
        {
            case "*": return new RawElement(PatternElementKind.Gap, [], optional);
            case "^": return new RawElement(PatternElementKind.Skip, [], optional);
            case "$T": return new RawElement(PatternElementKind.Target, [], optional);
            case "$S": return new RawElement(PatternElementKind.Source, [], optional);
        }

        var kind = PatternElementKind.Lemma;
        if (token.StartsWith('='))
        {
            kind = PatternElementKind.Surface;
            token = token[1..];
        }

        string[] alternatives = token.Split('|', StringSplitOptions.RemoveEmptyEntries);
        if (alternatives.Length == 0 || alternatives.Any(a => a.Any(c => char.IsWhiteSpace(c) || c is '(' or ')' or '$' or '*' or '^')))
        {
            return null;
        }

        return new RawElement(kind, alternatives.Select(a => Vocabulary.Fold(a)).ToArray(), optional);
    }
}

internal sealed record RawElement(PatternElementKind Kind, string[] Words, bool Optional);

internal sealed record RawPattern(string Code, string Text, List<RawElement> Elements, PatternFlags Flags, Provenance Where)
{
    public string? ReverseCode { get; init; }

    public VerbPattern Compile(Vocabulary vocabulary) => new()
    {
        Code = Code,
        ReverseCode = ReverseCode,
        Text = Text,
        Flags = Flags,
        Where = Where,
        Elements = Elements.Select(e => new PatternElement(e.Kind, e.Words.Select(w => vocabulary.IdOfFolded(w)).ToArray(), e.Optional)).ToArray(),
        Specificity = Elements.Count(e => !e.Optional && e.Kind is not (PatternElementKind.Gap or PatternElementKind.Skip)) * 2 + Elements.Count(e => e.Optional) + ((Flags & PatternFlags.Compound) != 0 ? 1 : 0),
        RequiredWords = Elements.Skip(1)
            .Where(e => !e.Optional && e.Kind is PatternElementKind.Lemma or PatternElementKind.Surface)
            .Select(e => e.Words.Select(w => vocabulary.IdOfFolded(w)).ToArray())
            .ToArray(),
    };
}
