using System.Collections.Frozen;

namespace Dyad.Text;

/// <summary>
/// A frozen map from folded word forms (lower-case, no diacritics, straight apostrophes) to small integer
/// ids. Dictionaries compile their words to ids once; documents map their tokens to ids once; matching then
/// compares integers. Lookups from spans allocate nothing. Immutable and thread-safe.
/// </summary>
public sealed class Vocabulary
{
    /// <summary>Id of a form that is not in the vocabulary.</summary>
    public const int Unknown = -1;

    private readonly FrozenDictionary<string, int> _ids;
    private readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly string[] _forms;

    /// <summary>Builds a vocabulary over the given (already folded) forms; duplicates are merged.</summary>
    public Vocabulary(IEnumerable<string> foldedForms)
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        var forms = new List<string>();
        foreach (string form in foldedForms)
        {
            if (map.TryAdd(form, forms.Count))
            {
                forms.Add(form);
            }
        }

        _ids = map.ToFrozenDictionary(StringComparer.Ordinal);
        _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
        _forms = [.. forms];
    }

    /// <summary>Number of forms.</summary>
    public int Count => _forms.Length;

    /// <summary>The id of an already folded form, or <see cref="Unknown"/>.</summary>
    public int IdOfFolded(ReadOnlySpan<char> folded) => _lookup.TryGetValue(folded, out int id) ? id : Unknown;

    /// <summary>The id of <paramref name="word"/> after folding, or <see cref="Unknown"/>.</summary>
    public int IdOf(ReadOnlySpan<char> word)
    {
        Span<char> buffer = word.Length <= 128 ? stackalloc char[word.Length] : new char[word.Length];
        int n = Fold(word, buffer);
        return IdOfFolded(buffer[..n]);
    }

    /// <summary>The form of an id.</summary>
    public string FormOf(int id) => _forms[id];

    /// <summary>
    /// Folds a word for matching: lower-case, Latin diacritics removed (ğ -> g, é -> e; see <see cref="LatinLetters"/>), curly apostrophes
    /// straightened. Writes into <paramref name="output"/> (at least as long as the word); returns the length.
    /// </summary>
    public static int Fold(ReadOnlySpan<char> word, Span<char> output)
    {
        int n = 0;
        foreach (char c in word)
        {
            char f = c switch
            {
                '\u2019' or '\u2018' or '\u02BC' or '`' => '\'',
                '\u2010' or '\u2011' or '\u2013' => '-',
                _ => char.ToLowerInvariant(c),
            };
            if (f > '\u007F')
            {
                char baseLetter = LatinLetters.BaseLetter(c);
                if (baseLetter != '\0')
                {
                    f = baseLetter;
                }
                else if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark)
                {
                    continue; // combining accent of a decomposed letter
                }
            }

            output[n++] = f;
        }

        return n;
    }

    /// <summary>Folds a word into a new string.</summary>
    public static string Fold(ReadOnlySpan<char> word)
    {
        Span<char> buffer = word.Length <= 128 ? stackalloc char[word.Length] : new char[word.Length];
        int n = Fold(word, buffer);
        return new string(buffer[..n]);
    }
}
