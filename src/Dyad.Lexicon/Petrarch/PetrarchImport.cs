namespace Dyad.Lexicon.Petrarch;

/// <summary>A PETRARCH/TABARI dictionary file given to the importer: its name (for provenance) and text.</summary>
/// <param name="Name">File name as reported in warnings and provenance comments (e.g. <c>Phoenix.agents.txt</c>).</param>
/// <param name="Text">The file's text.</param>
public sealed record PetrarchFile(string Name, string Text)
{
    /// <summary>Reads <paramref name="path"/>; the name is the file name without folders.</summary>
    public static PetrarchFile Read(string path) => new(Path.GetFileName(path), File.ReadAllText(path));
}

/// <summary>A construct the importer could not convert, or converted only approximately, with its PETRARCH file:line.</summary>
/// <param name="File">PETRARCH file name.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Message">What happened to the line.</param>
public sealed record PetrarchWarning(string File, int Line, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{File}:{Line}: warning: {Message}";
}

/// <summary>The PETRARCH files to import; any list may be empty.</summary>
public sealed record PetrarchSources
{
    /// <summary>Verb dictionaries (CAMEO.2.0.txt, PETR_Validate_verbs).</summary>
    public IReadOnlyList<PetrarchFile> Verbs { get; init; } = [];

    /// <summary>Actor dictionaries (Phoenix.Countries.actors.txt, ...).</summary>
    public IReadOnlyList<PetrarchFile> Actors { get; init; } = [];

    /// <summary>Agent dictionaries (Phoenix.agents.txt).</summary>
    public IReadOnlyList<PetrarchFile> Agents { get; init; } = [];

    /// <summary>Discard lists (Phoenix.discards.txt).</summary>
    public IReadOnlyList<PetrarchFile> Discards { get; init; } = [];

    /// <summary>PETRARCH internal coding ontology (PICO), used to code negated acts; optional.</summary>
    public PetrarchFile? Pico { get; init; }
}

/// <summary>Import options.</summary>
public sealed record PetrarchImportOptions
{
    /// <summary>
    /// Keep event codes that are numeric but not CAMEO (the PETRARCH validation suite uses old WEIS-style codes such as 212 or
    /// 802): the output then carries its own <c>cameo/cameo.tsv</c> with those codes added. Otherwise such patterns are
    /// skipped with a warning.
    /// </summary>
    public bool AllowNonCameoCodes { get; init; }
}

/// <summary>What was read and written, for the import report.</summary>
public sealed class PetrarchImportCounts
{
    /// <summary>Actor entries (a head line with its synonyms) read.</summary>
    public int ActorEntries { get; set; }

    /// <summary>Actor phrases written (heads and synonyms).</summary>
    public int ActorPhrases { get; set; }

    /// <summary>Actor entries written as countries (3-letter code, no dates).</summary>
    public int Countries { get; set; }

    /// <summary>Actor entries written as organisations (longer codes, no dates).</summary>
    public int Organisations { get; set; }

    /// <summary>Actor entries written as people (dated codes).</summary>
    public int People { get; set; }

    /// <summary>Dated role lines written.</summary>
    public int DatedRoles { get; set; }

    /// <summary>Agent lines read.</summary>
    public int AgentLines { get; set; }

    /// <summary>Agent phrases written (with generated plurals and substitutions).</summary>
    public int AgentPhrases { get; set; }

    /// <summary>Verb blocks read.</summary>
    public int VerbBlocks { get; set; }

    /// <summary>Verb lines (single and multi-word verbs) read.</summary>
    public int Verbs { get; set; }

    /// <summary>Pattern lines read.</summary>
    public int PatternLines { get; set; }

    /// <summary>Synonym sets read.</summary>
    public int Synsets { get; set; }

    /// <summary>Dyad pattern lines written.</summary>
    public int DyadPatterns { get; set; }

    /// <summary>Discard lines written.</summary>
    public int Discards { get; set; }

    /// <summary>Numeric non-CAMEO event codes added to the ontology (only with <see cref="PetrarchImportOptions.AllowNonCameoCodes"/>).</summary>
    public int ExtraCodes { get; set; }

    /// <summary>A few lines of text.</summary>
    public IEnumerable<string> Lines()
    {
        yield return $"actors:   {ActorEntries} entries -> {Countries} countries, {Organisations} organisations, {People} people ({DatedRoles} dated roles); {ActorPhrases} phrases";
        yield return $"agents:   {AgentLines} lines -> {AgentPhrases} phrases (plurals and !substitutions! expanded)";
        yield return $"verbs:    {VerbBlocks} blocks, {Verbs} verbs, {PatternLines} patterns, {Synsets} synsets -> {DyadPatterns} Dyad pattern lines";
        yield return $"discards: {Discards}";
        if (ExtraCodes > 0)
        {
            yield return $"codes:    {ExtraCodes} non-CAMEO event codes added to cameo/cameo.tsv";
        }
    }
}

/// <summary>The result of an import: Dyad dictionary files (names as under <c>Data/</c>), warnings and counts.</summary>
public sealed class PetrarchImport
{
    internal PetrarchImport(IReadOnlyList<DictionaryFile> files, IReadOnlyList<PetrarchWarning> warnings, PetrarchImportCounts counts, CodingConventions conventions)
    {
        Files = files;
        Warnings = warnings;
        Counts = counts;
        Conventions = conventions;
    }

    /// <summary>PETRARCH's coding conventions (with the negations of the PICO file when one was given).</summary>
    public CodingConventions Conventions { get; }

    /// <summary>The converted dictionaries in Dyad's formats (<c>actors/countries.txt</c>, <c>verbs/petrarch.txt</c>, ...).</summary>
    public IReadOnlyList<DictionaryFile> Files { get; }

    /// <summary>Unsupported or approximated constructs, each with its PETRARCH file:line.</summary>
    public IReadOnlyList<PetrarchWarning> Warnings { get; }

    /// <summary>Counts of what was read and written.</summary>
    public PetrarchImportCounts Counts { get; }

    /// <summary>Compiles the converted files into a lexicon (Dyad's own dictionaries are not included).</summary>
    public Lexicon Compile() => Lexicon.Compile(Files).WithConventions(Conventions);

    /// <summary>Writes the converted files under <paramref name="folder"/> (created when missing).</summary>
    public void WriteTo(string folder)
    {
        foreach (var file in Files)
        {
            string path = Path.Combine(folder, file.Name.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file.Text);
        }
    }
}
