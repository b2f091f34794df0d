using Dyad.Text;
using System.Collections.Frozen;

namespace Dyad.Lexicon.Geo;

/// <summary>The kind of administrative or descriptive word that followed (or preceded) a place name.</summary>
public enum PlaceSuffix : byte
{
    /// <summary>No suffix word.</summary>
    None,
    /// <summary>An administrative unit: district, region, province, oblast, governorate, state, rayon, county...</summary>
    Admin,
    /// <summary>A settlement: village, town, city.</summary>
    Settlement,
    /// <summary>A loose area: area, zone, territory.</summary>
    Area,
}

/// <summary>
/// Place-name normalisation shared by the gazetteer build and run time: case folding, removal of diacritics
/// and apostrophes, hyphens to spaces, administrative suffixes stripped ("Lachin district" and "Lachin Rayon"
/// both give <c>lachin</c>), and a transliteration skeleton that maps spelling variants onto one key
/// (Gorus/Goris, Samarqand/Samarkand, Kiev/Kyiv). Stateless and thread-safe.
/// </summary>
public static class GeoName
{
    /// <summary>Longest key kept, in characters; longer names are cut.</summary>
    public const int MaxKeyLength = 96;

    private static readonly string[] AdminSuffixes =
    [
        "district", "districts", "region", "regions", "province", "provinces", "oblast", "oblasti", "governorate",
        "state", "rayon", "raion", "rayonu", "county", "prefecture", "municipality", "krai", "kray",
        "okrug", "voivodeship", "emirate", "tehsil", "taluka", "canton", "parish", "marz", "velayat",
        "viloyati", "wilaya", "ostan", "mintaqah", "muhafazah",
    ];

    private static readonly string[] SettlementSuffixes = ["village", "town", "city", "settlement", "township", "hamlet"];

    private static readonly string[] AreaSuffixes = ["area", "zone", "territory", "outskirts", "environs"];

    private static readonly System.Collections.Frozen.FrozenDictionary<string, PlaceSuffix> Suffixes =
        AdminSuffixes.Select(w => (w, PlaceSuffix.Admin))
            .Concat(SettlementSuffixes.Select(w => (w, PlaceSuffix.Settlement)))
            .Concat(AreaSuffixes.Select(w => (w, PlaceSuffix.Area)))
            .ToDictionary(p => p.w, p => p.Item2, StringComparer.Ordinal)
            .ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly System.Collections.Frozen.FrozenDictionary<string, PlaceSuffix>.AlternateLookup<ReadOnlySpan<char>> SuffixLookup =
        Suffixes.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Writes the normalised form of <paramref name="name"/> into <paramref name="destination"/> (lower case,
    /// no diacritics, words separated by one space) and returns its length. Suffix words are kept; see
    /// <see cref="NormalizeKey"/>.
    /// </summary>
    public static int Normalize(ReadOnlySpan<char> name, Span<char> destination)
    {
        int n = 0;
        bool pendingSpace = false;
        for (int i = 0; i < name.Length && n < destination.Length; i++)
        {
            char c = name[i];
            if (c is '\'' or '\u2019' or '\u2018' or '\u02BC' or '\u02BB' or '`' or '\u00B4' or '.')
            {
                continue; // St. -> st; Qo'qon -> qoqon
            }

            if (c < 128)
            {
                if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
                {
                    Append(destination, ref n, ref pendingSpace, c);
                }
                else if (c is >= 'A' and <= 'Z')
                {
                    Append(destination, ref n, ref pendingSpace, (char)(c | 0x20));
                }
                else
                {
                    pendingSpace = n > 0;
                }

                continue;
            }

            switch (c)
            {
                case 'ß':
                    Append(destination, ref n, ref pendingSpace, 's');
                    Append(destination, ref n, ref pendingSpace, 's');
                    continue;
                case 'æ' or 'Æ':
                    Append(destination, ref n, ref pendingSpace, 'a');
                    Append(destination, ref n, ref pendingSpace, 'e');
                    continue;
                case 'œ' or 'Œ':
                    Append(destination, ref n, ref pendingSpace, 'o');
                    Append(destination, ref n, ref pendingSpace, 'e');
                    continue;
                case 'þ' or 'Þ':
                    Append(destination, ref n, ref pendingSpace, 't');
                    Append(destination, ref n, ref pendingSpace, 'h');
                    continue;
            }

            char f = LatinLetters.BaseLetter(c);
            if (f != '\0')
            {
                Append(destination, ref n, ref pendingSpace, f);
            }
            else if (char.IsLetterOrDigit(c))
            {
                Append(destination, ref n, ref pendingSpace, char.ToLowerInvariant(c));
            }
            else if (char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSymbol(c))
            {
                pendingSpace = n > 0;
            }
        }

        return n;
    }

    /// <summary>
    /// Normalises <paramref name="name"/> and strips one trailing suffix word (district, region, village...)
    /// or a leading "X of" form (village of, province of), returning the key length and the suffix kind.
    /// A name that is only a suffix word keeps it ("State" stays <c>state</c>).
    /// </summary>
    public static int NormalizeKey(ReadOnlySpan<char> name, Span<char> destination, out PlaceSuffix suffix) =>
        StripSuffix(destination, Normalize(name, destination), out suffix);

    /// <summary>
    /// Strips one trailing suffix word or a leading "X of" form from the normalised name in
    /// <c>buffer[..length]</c>, in place, and returns the new length (see <see cref="NormalizeKey"/>).
    /// </summary>
    public static int StripSuffix(Span<char> buffer, int length, out PlaceSuffix suffix)
    {
        suffix = PlaceSuffix.None;
        Span<char> key = buffer[..length];
        int lastSpace = key.LastIndexOf(' ');
        if (lastSpace > 0)
        {
            var kind = Classify(key[(lastSpace + 1)..]);
            if (kind != PlaceSuffix.None)
            {
                suffix = kind;
                return lastSpace;
            }
        }

        int firstSpace = key.IndexOf(' ');
        if (firstSpace > 0 && key.Length > firstSpace + 4 && key[(firstSpace + 1)..].StartsWith("of "))
        {
            var kind = Classify(key[..firstSpace]);
            if (kind != PlaceSuffix.None)
            {
                suffix = kind;
                int start = firstSpace + 4;
                key[start..].CopyTo(buffer);
                return length - start;
            }
        }

        return length;
    }

    /// <summary>Normalised key of <paramref name="name"/> as a string (allocates; for builds and tests).</summary>
    public static string Key(string name) => Key(name, out _);

    /// <summary>Normalised key of <paramref name="name"/> as a string, with its suffix kind (allocates).</summary>
    public static string Key(string name, out PlaceSuffix suffix)
    {
        Span<char> buffer = stackalloc char[MaxKeyLength];
        int n = NormalizeKey(name, buffer, out suffix);
        return new string(buffer[..n]);
    }

    /// <summary>The kind of a suffix word given in normalised form, or <see cref="PlaceSuffix.None"/>.</summary>
    public static PlaceSuffix Classify(ReadOnlySpan<char> word) =>
        word.Length is >= 2 and <= 16 && SuffixLookup.TryGetValue(word, out var kind) ? kind : PlaceSuffix.None;

    /// <summary>
    /// Writes the transliteration skeleton of a normalised key: digraphs merged (kh->h, zh/dzh/dj->j, sh->s,
    /// ch/tch->c, ph->f, th->t, gh->g, ck->k), q/c->k, w->v, x->ks, doubled letters single, every run of vowels
    /// (a e i o u y) one <c>a</c>. Spelling variants of one name share a skeleton: Gorus/Goris, Kiev/Kyiv,
    /// Samarqand/Samarkand. Returns the length.
    /// </summary>
    public static int Skeleton(ReadOnlySpan<char> key, Span<char> destination)
    {
        int n = 0;
        for (int i = 0; i < key.Length && n < destination.Length; i++)
        {
            char c = key[i];
            char next = i + 1 < key.Length ? key[i + 1] : '\0';
            char mapped;
            if (IsVowel(c))
            {
                mapped = 'a';
                while (i + 1 < key.Length && IsVowel(key[i + 1]))
                {
                    i++;
                }
            }
            else
            {
                switch (c)
                {
                    case 'k' when next == 'h':
                    case 'g' when next == 'h':
                    case 's' when next == 'h':
                    case 'z' when next == 'h':
                    case 't' when next == 'h':
                    case 'p' when next == 'h':
                        mapped = c switch { 'k' => 'h', 'g' => 'g', 's' => 's', 'z' => 'j', 't' => 't', _ => 'f' };
                        i++;
                        break;
                    case 'c' when next == 'h':
                        mapped = 'c';
                        i++;
                        break;
                    case 't' when next == 'c' && i + 2 < key.Length && key[i + 2] == 'h':
                        mapped = 'c';
                        i += 2;
                        break;
                    case 'd' when next == 'j':
                        mapped = 'j';
                        i++;
                        break;
                    case 'd' when next == 'z' && i + 2 < key.Length && key[i + 2] == 'h':
                        mapped = 'j';
                        i += 2;
                        break;
                    case 'c' when next == 'k':
                        mapped = 'k';
                        i++;
                        break;
                    case 'q' or 'c':
                        mapped = 'k';
                        break;
                    case 'w':
                        mapped = 'v';
                        break;
                    case 'x':
                        if (n < destination.Length - 1)
                        {
                            destination[n++] = 'k';
                        }

                        mapped = 's';
                        break;
                    default:
                        mapped = c;
                        break;
                }
            }

            if (n > 0 && destination[n - 1] == mapped)
            {
                continue;
            }

            destination[n++] = mapped;
        }

        return n;
    }

    /// <summary>Skeleton of a normalised key as a string (allocates; for builds and tests).</summary>
    public static string Skeleton(string key)
    {
        Span<char> buffer = stackalloc char[MaxKeyLength * 2];
        int n = Skeleton(key, buffer);
        return new string(buffer[..n]);
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    private static void Append(Span<char> destination, ref int n, ref bool pendingSpace, char c)
    {
        if (pendingSpace && n > 0 && n < destination.Length)
        {
            destination[n++] = ' ';
        }

        pendingSpace = false;
        if (n < destination.Length)
        {
            destination[n++] = c;
        }
    }
}
