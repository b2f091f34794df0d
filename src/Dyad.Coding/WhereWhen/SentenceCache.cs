using System.Collections;
using Dyad.Text;

namespace Dyad.Coding.WhereWhen;

/// <summary>
/// A per-sentence list computed on first access: place and date expressions are only looked for in the
/// sentences that something asks about (sentences with events, the lead), which keeps where-and-when a small
/// share of the pipeline on long articles. Not thread-safe, like a document while its stages run; read-only
/// use afterwards sees a fixed value for every sentence already computed and computes the rest the same way.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class SentenceCache<T> : IReadOnlyList<IReadOnlyList<T>>
{
    private readonly IReadOnlyList<T>?[] _items;
    private readonly Func<int, IReadOnlyList<T>>? _compute;
    private readonly Func<Document, int, IReadOnlyList<T>>? _computeIn;
    private readonly Document? _document;

    /// <summary>Creates a cache over <paramref name="count"/> sentences computed by <paramref name="compute"/>.</summary>
    public SentenceCache(int count, Func<int, IReadOnlyList<T>> compute)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentNullException.ThrowIfNull(compute);
        _items = new IReadOnlyList<T>?[count];
        _compute = compute;
    }

    /// <summary>
    /// Creates a cache over the sentences of <paramref name="document"/> computed by <paramref name="compute"/>
    /// (a function made once, so that no closure over the document is allocated for each one).
    /// </summary>
    public SentenceCache(Document document, Func<Document, int, IReadOnlyList<T>> compute)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(compute);
        _items = new IReadOnlyList<T>?[document.SentenceCount];
        _computeIn = compute;
        _document = document;
    }

    /// <inheritdoc />
    public int Count => _items.Length;

    /// <inheritdoc />
    public IReadOnlyList<T> this[int index] => _items[index] ??= _compute is not null ? _compute(index) : _computeIn!(_document!, index);

    /// <inheritdoc />
    public IEnumerator<IReadOnlyList<T>> GetEnumerator()
    {
        for (int i = 0; i < _items.Length; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
