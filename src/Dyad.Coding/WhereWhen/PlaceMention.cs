using Dyad.Lexicon.Geo;
using Dyad.Text;

namespace Dyad.Coding.WhereWhen;

/// <summary>The words that mark a name as a place (or as something else) in its sentence.</summary>
public enum PlaceCue : byte
{
    /// <summary>No cue: the name is only evidence of the countries the article is about.</summary>
    None,
    /// <summary>"in X", "inside X", "throughout X".</summary>
    In,
    /// <summary>"at X".</summary>
    At,
    /// <summary>"near X", "outside X", "around X", "along X".</summary>
    Near,
    /// <summary>"to X", "into X", "towards X": a destination (visits, deliveries).</summary>
    To,
    /// <summary>"X district", "X region", "X village", "X area": a place by its own suffix word.</summary>
    Suffix,
    /// <summary>"village of X", "town of X", "city of X", "enclave of X".</summary>
    SettlementOf,
    /// <summary>"X's Y district", "Y, X state", "Y of the X region": X contains another mention.</summary>
    Container,
    /// <summary>"from X", "from the direction of X": where fire or movement came from, not where it landed.</summary>
    Origin,
    /// <summary>"the X road", "the X corridor", "the X highway".</summary>
    Road,
    /// <summary>"X-based": an organisation's seat, not an event's place.</summary>
    Based,
    /// <summary>"the X agreement", "the Prague and Sochi agreements", "the X summit": named after a place.</summary>
    NamedAfter,
    /// <summary>A border or frontier ("the Tajik-Kyrgyz frontier", "the Line of Control").</summary>
    Border,
}

/// <summary>
/// A place name found in a sentence: its tokens, the cue that marks it, and its gazetteer candidates (most
/// populous first). Candidates may be empty for a name the gazetteer lacks but the text marks plainly as a
/// place ("the Jamrud area", "Digh village").
/// </summary>
/// <param name="SentenceIndex">Sentence of the mention.</param>
/// <param name="First">First token (inclusive).</param>
/// <param name="Last">Last token (inclusive), including a suffix word.</param>
/// <param name="Span">Characters of the mention in the original text.</param>
/// <param name="Text">The mention as written.</param>
/// <param name="Cue">What marks it as a place.</param>
/// <param name="Suffix">Kind of the suffix word, if any.</param>
/// <param name="Candidates">Gazetteer place indexes, most important first.</param>
/// <param name="ByVariant">True when the gazetteer matched a spelling variant.</param>
public sealed record PlaceMention(
    int SentenceIndex,
    int First,
    int Last,
    TextSpan Span,
    string Text,
    PlaceCue Cue,
    PlaceSuffix Suffix,
    int[] Candidates,
    bool ByVariant)
{
    /// <summary>Index (in the sentence's mention list) of a mention that contains this one, or -1.</summary>
    public int Container { get; init; } = -1;

    /// <summary>True for "its border (with X)": the border of the acting country, placed in that country.</summary>
    public bool OwnBorder { get; init; }

    /// <summary>True when the name stands for an actor here ("Moscow said", "Baku's ministry").</summary>
    public bool IsActor { get; init; }

    /// <summary>True when the cue marks where the act happened (not an origin, seat, road or bare name).</summary>
    public bool IsLocative => Cue is PlaceCue.In or PlaceCue.At or PlaceCue.Near or PlaceCue.To or PlaceCue.Suffix
        or PlaceCue.SettlementOf or PlaceCue.Container or PlaceCue.Border;
}

/// <summary>The place mentions of a document, by sentence (the <see cref="Layer.Places"/> layer).</summary>
public sealed class PlaceLayer
{
    /// <summary>Creates the layer.</summary>
    public PlaceLayer(IReadOnlyList<IReadOnlyList<PlaceMention>> bySentence) => BySentence = bySentence;

    /// <summary>Mentions of each sentence, in text order.</summary>
    public IReadOnlyList<IReadOnlyList<PlaceMention>> BySentence { get; }
}
