using Dyad.Text;

namespace Dyad.Coding.Learning;

/// <summary>
/// Contextual vectors for the words of a sentence (the accurate mode's encoder). Implementations must be
/// deterministic and thread-safe.
/// </summary>
public interface ITokenEncoder
{
    /// <summary>A name and version of the encoder, stored with models trained on it.</summary>
    string Name { get; }

    /// <summary>Width of each vector.</summary>
    int Dimension { get; }

    /// <summary>
    /// One vector per token of each sentence (index = token - sentence start); tokens past the encoder's length
    /// limit get zero vectors.
    /// </summary>
    float[][][] Encode(Document document, IReadOnlyList<Sentence> sentences);
}
