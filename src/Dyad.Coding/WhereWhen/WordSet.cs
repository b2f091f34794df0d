using System.Collections.Frozen;

namespace Dyad.Coding.WhereWhen;

/// <summary>
/// A fixed set of words that answers for a token's characters without making a string of them (the frozen set's
/// alternate lookup is taken once, not at every call).
/// </summary>
internal sealed class WordSet
{
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    /// <summary>Creates the set, case-insensitive unless <paramref name="comparer"/> says otherwise.</summary>
    public WordSet(IEnumerable<string> words, StringComparer? comparer = null)
    {
        _lookup = words.ToFrozenSet(comparer ?? StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>True when <paramref name="word"/> is in the set.</summary>
    public bool Contains(ReadOnlySpan<char> word) => _lookup.Contains(word);
}

/// <summary>Builds <see cref="WordSet"/>s.</summary>
internal static class WordSetExtensions
{
    /// <summary>The words as a <see cref="WordSet"/> with <paramref name="comparer"/>.</summary>
    public static WordSet ToWordSet(this IEnumerable<string> words, StringComparer comparer) => new(words, comparer);
}
