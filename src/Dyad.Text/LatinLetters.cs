namespace Dyad.Text;

/// <summary>
/// Latin letters with diacritics folded to their lower-case ASCII base letter (ğ -> g, Ə -> a, ł -> l), from a
/// table built once: invariant globalization has no Unicode decomposition, so the same table serves the
/// dictionaries, the gazetteer and every run. Thread-safe; lookups allocate nothing.
/// </summary>
public static class LatinLetters
{
    // Characters below 0x2000 folded to a lower-case ASCII letter (or 0 when none / not a letter).
    private static readonly char[] Table = BuildTable();

    /// <summary>The ASCII base letter of <paramref name="c"/> (lower case), or '\0' when the table has none.</summary>
    public static char BaseLetter(char c) => c < Table.Length ? Table[c] : '\0';

    private static char[] BuildTable()
    {
        // Latin letters with diacritics (U+00C0-U+024F, U+1E00-U+1EFF) to their base letter, '.' when none:
        // the first letter of each character's canonical decomposition, taken once with full Unicode data
        // so that the build and every run time fold alike (invariant globalization has no decomposition).
        const string Latin =
        "aaaaaa.ceeeeiiii.nooooo..uuuuy..aaaaaa.ceeeeiiii.nooooo..uuuuy.y" +
        "aaaaaaccccccccdd..eeeeeeeeeegggggggghh..iiiiiiiii...jjkk.llllll." +
        "...nnnnnn...oooooo..rrrrrrsssssssstttt..uuuuuuuuuuuuwwyyyzzzzzz." +
        "................................oo.............uu..............." +
        ".............aaiioouuuuuuuuuu.aaaa....ggkkoooo..j...gg..nnaa...." +
        "aaaaeeeeiiiioooorrrruuuusstt..hh......aaeeooooooooyy............" +
        "................aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiii" +
        "kkkkkkllllllllmmmmmmnnnnnnnnoooooooopppprrrrrrrrsssssssssstttttt" +
        "ttuuuuuuuuuuvvvvwwwwwwwwwwxxxxyyzzzzzzhtwy......aaaaaaaaaaaaaaaa" +
        "aaaaaaaaeeeeeeeeeeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuu" +
        "uuyyyyyyyy......";
        var table = new char[0x2000];
        for (int i = 0; i < 0x250 - 0xC0; i++)
        {
            table[0xC0 + i] = Latin[i] == '.' ? '\0' : Latin[i];
        }

        for (int i = 0; i < 0x100; i++)
        {
            char f = Latin[0x250 - 0xC0 + i];
            table[0x1E00 + i] = f == '.' ? '\0' : f;
        }

        // Letters with no decomposition that Latin transliterations use.
        (char From, char To)[] extra =
        [
            ('ə', 'a'), ('Ə', 'a'), ('ı', 'i'), ('İ', 'i'), ('ł', 'l'), ('Ł', 'l'), ('ø', 'o'), ('Ø', 'o'),
            ('đ', 'd'), ('Đ', 'd'), ('ð', 'd'), ('Ð', 'd'), ('ħ', 'h'), ('Ħ', 'h'), ('ŧ', 't'), ('Ŧ', 't'),
            ('ƒ', 'f'), ('ɨ', 'i'), ('ʉ', 'u'), ('ŋ', 'n'), ('Ŋ', 'n'),
        ];
        foreach (var (from, to) in extra)
        {
            table[from] = to;
        }

        return table;
    }
}
