using System.Runtime.CompilerServices;

namespace Dyad.Text.Analysis;

/// <summary>
/// 64-bit hashes of strings and of feature tuples, computed without allocating. Used as keys of the
/// perceptron weight tables; a feature is the hash of its template number and its parts.
/// </summary>
internal static class FeatureHash
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    /// <summary>Hash of a sentinel value (start/end of sentence, no token), distinct per <paramref name="kind"/>.</summary>
    public static ulong Sentinel(int kind) => Finish(0x5EED_0000_0000UL + (ulong)kind);

    /// <summary>FNV-1a over UTF-16 code units, finished with a 64-bit mixer.</summary>
    public static ulong Of(ReadOnlySpan<char> s)
    {
        ulong h = Offset;
        foreach (char c in s)
        {
            h = (h ^ c) * Prime;
        }

        return Finish(h ^ (ulong)s.Length);
    }

    /// <summary>Hash of the lower-cased characters (invariant), with U+2019 read as an apostrophe.</summary>
    public static ulong OfLower(ReadOnlySpan<char> s)
    {
        ulong h = Offset;
        foreach (char c in s)
        {
            char l = c == '\u2019' ? '\'' : char.ToLowerInvariant(c);
            h = (h ^ l) * Prime;
        }

        return Finish(h ^ (ulong)s.Length);
    }

    /// <summary>Hash of the last <paramref name="n"/> lower-cased characters (all of them when shorter), tagged by n.</summary>
    public static ulong Suffix(ReadOnlySpan<char> s, int n) => Mix((ulong)(100 + n), OfLower(s.Length > n ? s[^n..] : s));

    /// <summary>Hash of the first <paramref name="n"/> lower-cased characters, tagged by n.</summary>
    public static ulong Prefix(ReadOnlySpan<char> s, int n) => Mix((ulong)(200 + n), OfLower(s.Length > n ? s[..n] : s));

    /// <summary>
    /// Hash of the word's shape: upper-case letters as X, lower-case as x, digits as d, others kept; runs longer
    /// than two are cut to two (<c>Azerbaijan</c> -> <c>Xxx</c>..., <c>1,000</c> -> <c>d,dd</c>).
    /// </summary>
    public static ulong Shape(ReadOnlySpan<char> s)
    {
        ulong h = Offset;
        char last = '\0';
        int run = 0;
        foreach (char c in s)
        {
            char k = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : char.IsLetter(c) ? 'x' : c;
            if (k == last)
            {
                run++;
                if (run > 2)
                {
                    continue;
                }
            }
            else
            {
                last = k;
                run = 1;
            }

            h = (h ^ k) * Prime;
        }

        return Finish(h + 7);
    }

    /// <summary>Combines two hashes (order matters).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong a, ulong b) => Finish((a * 0x9E3779B97F4A7C15UL) ^ (b + 0x632BE59BD9B4E019UL + (a << 6) + (a >> 2)));

    // Feature keys multiply-xor their parts into a template-specific seed and finish once: the parts are
    // themselves hashes or small integers, and multiplying by an odd constant is a bijection, so distinct tuples
    // collide only by chance; one finaliser per feature keeps the hot loop cheap.
    private const ulong K1 = 0x9E3779B97F4A7C15UL;
    private const ulong K2 = 0xC2B2AE3D27D4EB4FUL;
    private const ulong K3 = 0x165667B19E3779F9UL;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Seed(int template) => ((ulong)template + 1) * 0xD6E8FEB86659FD93UL;

    /// <summary>Feature key of a template with one part.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong F(int template, ulong a) => Finish(Seed(template) ^ a);

    /// <summary>Feature key of a template with two parts.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong F(int template, ulong a, ulong b) => Finish(((Seed(template) ^ a) * K1) ^ b);

    /// <summary>Feature key of a template with three parts.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong F(int template, ulong a, ulong b, ulong c) => Finish(((((Seed(template) ^ a) * K1) ^ b) * K2) ^ c);

    /// <summary>Feature key of a template with four parts.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong F(int template, ulong a, ulong b, ulong c, ulong d) => Finish(((((((Seed(template) ^ a) * K1) ^ b) * K2) ^ c) * K3) ^ d);

    /// <summary>The murmur3 64-bit finaliser.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Finish(ulong h)
    {
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDUL;
        h ^= h >> 33;
        h *= 0xC4CEB9FE1A85EC53UL;
        h ^= h >> 33;
        return h;
    }
}
