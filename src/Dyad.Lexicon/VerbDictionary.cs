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
            foreach (var line in LineReader.Read(file, "verbs", diagnostics))
            {
                var where = new Provenance(file.Name, line.Number);
                string text = line.Text;
                var flags = PatternFlags.None;
                while (text.EndsWith(']'))
                {
                    int open = text.LastIndexOf('[');
                    if (open < 0)
                    {
                        break;
                    }

                    string flag = text[(open + 1)..^1].Trim();
                    flags |= flag switch
                    {
                        "recip" => PatternFlags.Reciprocal,
                        "notarget" => PatternFlags.NoTarget,
                        "passive" => PatternFlags.Passive,
                        _ => PatternFlags.None,
                    };
                    if (flag is not ("recip" or "notarget" or "passive"))
                    {
                        diagnostics.Add(new LexiconDiagnostic(LexiconErrorCode.E105BadPattern, where, $"Unknown flag [{flag}]: use [recip], [notarget] or [passive]."));
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
                if (!ontology.Contains(code))
                {
                    diagnostics.Add(new LexiconDiagnostic(LexiconErrorCode.E103UnknownEventCode, where, $"'{code}' is not a CAMEO event code."));
                    continue;
                }

                var elements = new List<RawElement>();
                bool ok = true;
                foreach (string token in pattern.Split(' ', StringSplitOptions.RemoveEmptyEntries))
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
                while (elements.Count > 0 && (elements[0].Optional || elements[0].Kind == PatternElementKind.Gap))
                {
                    elements.RemoveAt(0);
                }

                if (!ok || elements.Count == 0 || elements[0].Kind is not (PatternElementKind.Lemma or PatternElementKind.Surface))
                {
                    if (ok)
                    {
                        diagnostics.Add(new LexiconDiagnostic(LexiconErrorCode.E105BadPattern, where, "A pattern must contain a required word before any slot ($S $T) to serve as trigger; reorder it."));
                    }

                    continue;
                }

                result.Add(new RawPattern(code, pattern, elements, flags, where));
            }
        }

        return result;
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
        if (alternatives.Length == 0 || alternatives.Any(a => a.Any(c => char.IsWhiteSpace(c) || c is '(' or ')' or '$' or '*')))
        {
            return null;
        }

        return new RawElement(kind, alternatives.Select(a => Vocabulary.Fold(a)).ToArray(), optional);
    }
}

internal sealed record RawElement(PatternElementKind Kind, string[] Words, bool Optional);

internal sealed record RawPattern(string Code, string Text, List<RawElement> Elements, PatternFlags Flags, Provenance Where)
{
    public VerbPattern Compile(Vocabulary vocabulary) => new()
    {
        Code = Code,
        Text = Text,
        Flags = Flags,
        Where = Where,
        Elements = Elements.Select(e => new PatternElement(e.Kind, e.Words.Select(w => vocabulary.IdOfFolded(w)).ToArray(), e.Optional)).ToArray(),
        Specificity = Elements.Count(e => !e.Optional && e.Kind != PatternElementKind.Gap) * 2 + Elements.Count(e => e.Optional),
        RequiredWords = Elements.Skip(1)
            .Where(e => !e.Optional && e.Kind is PatternElementKind.Lemma or PatternElementKind.Surface)
            .Select(e => e.Words.Select(w => vocabulary.IdOfFolded(w)).ToArray())
            .ToArray(),
    };
}
