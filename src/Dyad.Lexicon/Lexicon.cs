using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Dyad.Text;

namespace Dyad.Lexicon;

/// <summary>
/// All of Dyad's dictionaries compiled together: the CAMEO ontology, the actor dictionaries and the verb
/// patterns over one shared <see cref="Vocabulary"/>. Immutable and thread-safe; load once and share.
/// </summary>
public sealed class Lexicon
{
    private static readonly Lazy<Lexicon> LazyDefault = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private Lexicon(CameoOntology ontology, ActorDictionary actors, VerbDictionary verbs, Vocabulary vocabulary, string version, IReadOnlyList<LexiconDiagnostic> diagnostics, IReadOnlySet<int> discardIds)
    {
        Ontology = ontology;
        Actors = actors;
        Verbs = verbs;
        Vocabulary = vocabulary;
        Version = version;
        Diagnostics = diagnostics;
        DiscardIds = discardIds;
    }

    /// <summary>The dictionaries shipped inside Dyad (loaded on first use).</summary>
    /// <exception cref="InvalidOperationException">When a shipped dictionary has errors (a build defect).</exception>
    public static Lexicon Default => LazyDefault.Value;

    /// <summary>The CAMEO event codes.</summary>
    public CameoOntology Ontology { get; }

    /// <summary>Actor phrases.</summary>
    public ActorDictionary Actors { get; }

    /// <summary>Verb and noun patterns.</summary>
    public VerbDictionary Verbs { get; }

    /// <summary>Every word any dictionary uses, folded.</summary>
    public Vocabulary Vocabulary { get; }

    /// <summary>Dictionary version: <c>dyad-&lt;first 12 hex of SHA-256 over all files&gt;</c>.</summary>
    public string Version { get; }

    /// <summary>Problems found while loading (empty for the shipped dictionaries).</summary>
    public IReadOnlyList<LexiconDiagnostic> Diagnostics { get; }

    /// <summary>Vocabulary ids of discard words: a sentence containing one is not coded (sports, weather...).</summary>
    public IReadOnlySet<int> DiscardIds { get; }

    /// <summary>The coding conventions the dictionaries were written for (Dyad's own unless imported).</summary>
    public CodingConventions Conventions { get; private init; } = CodingConventions.Dyad;

    /// <summary>The same dictionaries coded under other conventions.</summary>
    public Lexicon WithConventions(CodingConventions conventions) =>
        new(Ontology, Actors, Verbs, Vocabulary, Version, Diagnostics, DiscardIds) { DiscardPhrases = DiscardPhrases, Conventions = conventions };

    /// <summary>Discards of several words ("African Nations Cup"), as vocabulary ids of their folded tokens.</summary>
    public IReadOnlyList<int[]> DiscardPhrases { get; private init; } = [];

    /// <summary>
    /// True when the tokens <c>[start, end)</c> of <paramref name="formIds"/> (vocabulary ids of folded forms) contain a discard
    /// word or phrase: such a sentence is not coded (sports, weather, disasters...).
    /// </summary>
    public bool ContainsDiscard(ReadOnlySpan<int> formIds)
    {
        for (int t = 0; t < formIds.Length; t++)
        {
            if (DiscardIds.Contains(formIds[t]))
            {
                return true;
            }

            foreach (int[] phrase in DiscardPhrases)
            {
                if (phrase[0] == formIds[t] && t + phrase.Length <= formIds.Length && formIds.Slice(t, phrase.Length).SequenceEqual(phrase))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The names of the embedded dictionary files.</summary>
    public static IEnumerable<string> EmbeddedFileNames =>
        typeof(Lexicon).Assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Select(n => n[ResourcePrefix.Length..]);

    private const string ResourcePrefix = "Dyad.Data/";

    /// <summary>Reads an embedded data file (e.g. <c>cameo/cameo.tsv</c>).</summary>
    public static DictionaryFile ReadEmbedded(string name)
    {
        using var stream = typeof(Lexicon).Assembly.GetManifestResourceStream(ResourcePrefix + name)
            ?? throw new FileNotFoundException($"No embedded dictionary '{name}'.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return new DictionaryFile(name, reader.ReadToEnd());
    }

    /// <summary>
    /// Compiles a lexicon from files named as under <c>Data/</c>: <c>cameo/cameo.tsv</c>, <c>actors/*.txt</c>,
    /// <c>verbs/*.txt</c>, <c>discards.txt</c>. Problems are collected in <see cref="Diagnostics"/>; bad lines are skipped.
    /// </summary>
    public static Lexicon Compile(IReadOnlyList<DictionaryFile> files)
    {
        var diagnostics = new List<LexiconDiagnostic>();
        var cameoFile = files.FirstOrDefault(f => f.Name.EndsWith("cameo.tsv", StringComparison.Ordinal)) ?? ReadEmbedded("cameo/cameo.tsv");
        var ontology = CameoOntology.Parse(cameoFile, diagnostics);
        var iso2 = new Dictionary<string, string>(StringComparer.Ordinal);
        var rolesFile = files.FirstOrDefault(f => f.Name.EndsWith("actor-roles.tsv", StringComparison.Ordinal)) ?? ReadEmbedded("cameo/actor-roles.tsv");
        var roles = RoleCodes(rolesFile);
        var rawActors = ActorDictionary.Parse(files.Where(f => f.Name.StartsWith("actors/", StringComparison.Ordinal)), diagnostics, iso2, roles);
        var rawPatterns = VerbDictionary.Parse(files.Where(f => f.Name.StartsWith("verbs/", StringComparison.Ordinal)), ontology, diagnostics);
        var discardWords = new List<string>();
        var discardPhrases = new List<string[]>();
        foreach (var file in files.Where(f => f.Name.EndsWith("discards.txt", StringComparison.Ordinal)))
        {
            foreach (var line in LineReader.Read(file, "discards", diagnostics))
            {
                var tokens = Tokenizer.Default.Tokenize(line.Text);
                if (tokens.Count > 1)
                {
                    discardPhrases.Add(tokens.Select(t => Vocabulary.Fold(line.Text.AsSpan(t.Start, t.End - t.Start))).ToArray());
                }
                else
                {
                    discardWords.Add(Vocabulary.Fold(line.Text));
                }
            }
        }

        var vocabulary = new Vocabulary(
            ActorDictionary.Words(rawActors)
                .Concat(rawPatterns.SelectMany(p => p.Elements.SelectMany(e => e.Words)))
                .Concat(discardWords)
                .Concat(discardPhrases.SelectMany(p => p))
                .Concat(FunctionWords));
        var actors = new ActorDictionary(rawActors.Select(r => r.Compile(vocabulary)).ToList(), iso2);
        var verbs = new VerbDictionary(rawPatterns.Select(p => p.Compile(vocabulary)).ToList());
        var discards = discardWords.Select(w => vocabulary.IdOfFolded(w)).ToHashSet();
        var phrases = discardPhrases.Select(p => p.Select(w => vocabulary.IdOfFolded(w)).ToArray()).ToList();
        return new Lexicon(ontology, actors, verbs, vocabulary, ComputeVersion(files), diagnostics, discards) { DiscardPhrases = phrases };
    }

    /// <summary>The role codes of cameo/actor-roles.tsv.</summary>
    private static HashSet<string> RoleCodes(DictionaryFile file) =>
        file.Text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t')[0]).ToHashSet(StringComparer.Ordinal);

    /// <summary>Words the coder itself looks for (negation, modality, prepositions, speech).</summary>
    public static readonly string[] FunctionWords =
    [
        "the", "a", "an", "of", "by", "and", "or", "to", "in", "on", "at", "with", "from", "for", "against", "into", "over",
        "not", "n't", "never", "no", "nor", "without", "neither",
        "will", "would", "shall", "could", "may", "might", "should", "plan", "intend", "expect", "prepare", "hope", "aim",
        "be", "is", "are", "was", "were", "been", "being", "have", "has", "had",
        "'s", "'", ",", ";", ":", "(", ")", "\"", "who", "which", "that", "whose", "whom", "where", "when", "while", "as", "after", "before",
        "he", "she", "they", "it", "his", "her", "their", "its", "him", "them", "we", "our",
        "say", "said", "tell", "told", "state", "allege", "alleged", "allegedly", "accuse", "claim", "report", "reportedly", "suspect", "suspected",
        "-", "\u2013", "\u2014", "\u201c", "\u201d",
    ];

    private static string ComputeVersion(IReadOnlyList<DictionaryFile> files)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            sha.AppendData(Encoding.UTF8.GetBytes(file.Name));
            sha.AppendData(Encoding.UTF8.GetBytes(file.Text));
        }

        return "dyad-" + Convert.ToHexStringLower(sha.GetHashAndReset())[..12];
    }

    private static Lexicon LoadEmbedded()
    {
        var files = EmbeddedFileNames.Where(n => n.EndsWith(".txt", StringComparison.Ordinal) || n.EndsWith(".tsv", StringComparison.Ordinal))
            .Where(n => n.StartsWith("actors/", StringComparison.Ordinal) || n.StartsWith("verbs/", StringComparison.Ordinal) || n.StartsWith("cameo/", StringComparison.Ordinal) || n == "discards.txt")
            .Select(ReadEmbedded)
            .ToList();
        var lexicon = Compile(files);
        if (lexicon.Diagnostics.Count > 0)
        {
            throw new InvalidOperationException("The shipped dictionaries have errors:\n" + string.Join('\n', lexicon.Diagnostics.Take(20)));
        }

        return lexicon;
    }
}
