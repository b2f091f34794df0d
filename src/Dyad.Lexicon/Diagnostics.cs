namespace Dyad.Lexicon;

/// <summary>Error codes of dictionary loading; tests assert on the code, not the message.</summary>
public enum LexiconErrorCode
{
    /// <summary>E101: the file's header line is missing or names another kind.</summary>
    E101BadHeader = 101,
    /// <summary>E102: a line does not follow the format of its file.</summary>
    E102Malformed = 102,
    /// <summary>E103: an unknown CAMEO event code.</summary>
    E103UnknownEventCode = 103,
    /// <summary>E104: an invalid actor code.</summary>
    E104BadActorCode = 104,
    /// <summary>E105: an invalid pattern token.</summary>
    E105BadPattern = 105,
    /// <summary>E106: an invalid date range.</summary>
    E106BadDateRange = 106,
    /// <summary>Two actor phrases fold to the same words (case, accents) with different codes.</summary>
    E107AmbiguousPhrase = 107,
}

/// <summary>Where a dictionary entry comes from: file (relative to the dictionary root) and 1-based line.</summary>
/// <param name="File">File name, e.g. <c>verbs/19-fight.txt</c>.</param>
/// <param name="Line">1-based line number.</param>
public readonly record struct Provenance(string File, int Line)
{
    /// <inheritdoc />
    public override string ToString() => $"{File}:{Line}";
}

/// <summary>A problem found while loading a dictionary: where and what.</summary>
/// <param name="Code">The error code.</param>
/// <param name="Where">File and line.</param>
/// <param name="Message">What is wrong and what to do.</param>
public sealed record LexiconDiagnostic(LexiconErrorCode Code, Provenance Where, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Where}: E{(int)Code}: {Message}";
}

/// <summary>A dictionary file's name and text.</summary>
/// <param name="Name">Path relative to the dictionary root, with forward slashes (<c>actors/countries.txt</c>).</param>
/// <param name="Text">The file's text.</param>
public sealed record DictionaryFile(string Name, string Text);
