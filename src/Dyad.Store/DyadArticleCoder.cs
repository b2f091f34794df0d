using Dyad.Coding;
using Dyad.Text;

namespace Dyad.Store;

/// <summary>The real coder (<see cref="DyadCoder"/>) as an <see cref="IArticleCoder"/>; version = dictionary version.</summary>
/// <param name="coder">The coder.</param>
public sealed class DyadArticleCoder(DyadCoder coder) : IArticleCoder
{
    /// <inheritdoc />
    public string Version { get; } = coder.Lexicon.Version;

    /// <inheritdoc />
    public IReadOnlyList<EventRecord> Code(Document document) => coder.Code(document);
}
