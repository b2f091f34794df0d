using System.Collections.Frozen;

namespace Dyad.Text;

/// <summary>
/// Splits text into UD-style tokens with spans into the original text. Words, numbers and punctuation
/// are separated; clitics are split off (<c>Azerbaijan's</c> -> <c>Azerbaijan</c> <c>'s</c>,
/// <c>don't</c> -> <c>do</c> <c>n't</c>); abbreviations (<c>U.S.</c>, <c>Dr.</c>, <c>Jan.</c>) and numbers,
/// dates and times (<c>1,000.5</c>, <c>14.04.2023</c>, <c>23:20</c>), web addresses and e-mail addresses stay
/// whole; <c>cannot</c>, <c>gonna</c>, <c>wanna</c>, <c>gotta</c> are split as in UD (<c>can</c> <c>not</c>).
/// With <see cref="TokenizerOptions.SplitHyphens"/> (see <see cref="UniversalDependencies"/>) hyphenated
/// compounds are split as in UD English (<c>al-Qaeda</c> -> <c>al</c> <c>-</c> <c>Qaeda</c>), except after
/// prefixes such as <c>e-</c>, <c>non-</c>, <c>pre-</c> and in phone-like numbers. Immutable and thread-safe.
/// </summary>
public sealed class Tokenizer
{
    /// <summary>Prefixes UD English keeps joined to the rest of a hyphenated word (<c>e-mail</c>, <c>non-violent</c>).</summary>
    private static readonly FrozenSet<string> HyphenPrefixes = new[]
    {
        "e", "non", "anti", "mid", "pre", "re", "co", "post", "pro", "multi", "ex", "semi", "counter", "sub", "vice",
        "neo", "cross", "un", "mis", "micro", "intra", "socio", "psycho", "inter", "trans", "ultra", "x",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Words split into two UD words: first part length, by lower-cased word.</summary>
    private static readonly FrozenDictionary<string, int> Fused = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["cannot"] = 3, ["gonna"] = 3, ["wanna"] = 3, ["gotta"] = 3,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private readonly TokenizerOptions _options;

    /// <summary>Creates a tokenizer with the given options (defaults when null).</summary>
    public Tokenizer(TokenizerOptions? options = null) => _options = options ?? TokenizerOptions.Default;

    /// <summary>The options in force.</summary>
    public TokenizerOptions Options => _options;

    /// <summary>A tokenizer that segments words as UD English-EWT does (hyphenated compounds split).</summary>
    public static Tokenizer UniversalDependencies { get; } = new(TokenizerOptions.UniversalDependencies);

    /// <summary>Abbreviations that keep their final period (compared case-insensitively, without the period).</summary>
    private static readonly FrozenSet<string> Abbreviations = new[]
    {
        "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "cpl", "adm", "gov", "sen", "rep",
        "st", "jr", "sr", "rev", "hon", "pres", "amb", "insp", "supt", "cmdr", "brig", "messrs", "mt", "ft", "fr",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
        "inc", "ltd", "co", "corp", "bros", "dept", "univ", "assn", "est", "approx", "vs", "etc", "no", "nos",
        "vol", "pp", "fig", "al", "cf", "ca", "op",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Shared instance with the default options.</summary>
    public static Tokenizer Default { get; } = new();

    /// <summary>Whether a word (without its final period) is a known abbreviation.</summary>
    public static bool IsAbbreviation(ReadOnlySpan<char> word)
    {
        var lookup = Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();
        return lookup.Contains(word);
    }

    /// <summary>Tokenizes <paramref name="text"/> in full.</summary>
    public List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>(text.Length / 5 + 4);
        Tokenize(text, 0, text.Length, tokens);
        return tokens;
    }

    /// <summary>Appends the tokens of <c>text[start, end)</c> to <paramref name="output"/>.</summary>
    public void Tokenize(string text, int start, int end, List<Token> output)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(output);
        int firstNew = output.Count;
        int i = start;
        while (i < end)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c) || char.IsControl(c) || c == '\uFEFF' || c == '\u200B')
            {
                i++;
                continue;
            }

            int chunkEnd = i;
            while (chunkEnd < end && !IsSeparator(text[chunkEnd]))
            {
                chunkEnd++;
            }

            SplitChunk(text, i, chunkEnd, output);
            i = chunkEnd;
        }

        // Mark SpaceAfter from the character that follows each new token.
        for (int k = firstNew; k < output.Count; k++)
        {
            var t = output[k];
            if (t.End < text.Length && char.IsWhiteSpace(text[t.End]))
            {
                output[k] = t with { SpaceAfter = true };
            }
        }
    }

    private static bool IsSeparator(char c) => char.IsWhiteSpace(c) || char.IsControl(c) || c == '\uFEFF' || c == '\u200B';

    /// <summary>Splits one white-space-free chunk into tokens.</summary>
    private void SplitChunk(string text, int start, int end, List<Token> output)
    {
        int i = start;
        while (i < end)
        {
            char c = text[i];
            int webEnd = ScanWebAddress(text, i, end);
            if (webEnd > i)
            {
                output.Add(new Token(i, webEnd, TokenKind.Word, false));
                i = webEnd;
                continue;
            }

            // '72, ’90s: an apostrophe before two digits abbreviates a year.
            if (IsApostrophe(c) && i + 2 < end && char.IsDigit(text[i + 1]) && char.IsDigit(text[i + 2]) &&
                (i + 3 >= end || !char.IsDigit(text[i + 3])) && (i == start || !char.IsLetterOrDigit(text[i - 1])))
            {
                int yearEnd = i + 3;
                if (yearEnd < end && text[yearEnd] == 's')
                {
                    yearEnd++;
                }

                output.Add(new Token(i, yearEnd, TokenKind.Number, false));
                i = yearEnd;
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                int wordEnd = ScanWord(text, i, end, out TokenKind kind);
                EmitWordWithClitics(text, i, wordEnd, kind, output);
                i = wordEnd;
                continue;
            }

            // Apostrophe clitics standing after a previous token in the chunk ('s after a closing quote etc.).
            if (IsApostrophe(c) && i + 1 < end && i > start && char.IsLetter(text[i + 1]))
            {
                int cliticLength = CliticLength(text, i, end);
                if (cliticLength > 0)
                {
                    output.Add(new Token(i, i + cliticLength, TokenKind.Clitic, false));
                    i += cliticLength;
                    continue;
                }
            }

            // Emoticons: :) :-) ;) :(
            if (c is ':' or ';' && i + 1 < end)
            {
                int e = text[i + 1] == '-' && i + 2 < end ? i + 2 : i + 1;
                if (text[e] is ')' or '(' && (e + 1 >= end || !char.IsLetterOrDigit(text[e + 1])) && (i == start || !char.IsLetterOrDigit(text[i - 1]) || e > i + 1))
                {
                    output.Add(new Token(i, e + 1, TokenKind.Punctuation, false));
                    i = e + 1;
                    continue;
                }
            }

            // Multi-character punctuation kept whole: "...", "--", "``", "''", "?!?".
            int punctEnd = i + 1;
            if (c is '?' or '!')
            {
                while (punctEnd < end && text[punctEnd] is '?' or '!')
                {
                    punctEnd++;
                }
            }

            if (c is '.' or '-' or '`' or '\'' or '!' or '?' or '*' or '=' or '_' or '~' or '#' or '+' or '>' or '<')
            {
                while (punctEnd < end && text[punctEnd] == c)
                {
                    punctEnd++;
                }
            }

            output.Add(new Token(i, punctEnd, TokenKind.Punctuation, false));
            i = punctEnd;
        }
    }

    /// <summary>
    /// Scans a word or number starting at <paramref name="start"/>: letters and digits joined by inner
    /// hyphens, periods (abbreviations, decimals, dotted dates), commas between digits, colons between digits,
    /// slashes between digits, and apostrophes inside names (O'Brien).
    /// </summary>
    private int ScanWord(string text, int start, int end, out TokenKind kind)
    {
        int i = start;
        bool allDigits = true;
        bool sawLetter = false;
        while (i < end)
        {
            char c = text[i];
            if (char.IsLetterOrDigit(c) || IsCombiningMark(c))
            {
                if (char.IsLetter(c))
                {
                    sawLetter = true;
                    allDigits = false;
                }

                i++;
                continue;
            }

            bool nextIsAlnum = i + 1 < end && char.IsLetterOrDigit(text[i + 1]);
            char prev = text[i - 1];
            if ((c == ',' || c == ':' || c == '/') && char.IsDigit(prev) && i + 1 < end && char.IsDigit(text[i + 1]) && !sawLetter)
            {
                if (c == '/' && _options.SplitNumberUnits && !HasSecondSlash(text, start, i, end))
                {
                    break; // 2/3 -> 2 / 3 ; dates 10/11/2020 stay whole
                }

                i++; // 1,000 / 23:20 / 10/11/2020
                continue;
            }

            if (c == '.' && nextIsAlnum && (char.IsDigit(prev) ? char.IsDigit(text[i + 1]) : IsSingleLetterSegment(text, start, i)))
            {
                i++; // 1.5 / 14.04.2023 / U.S
                continue;
            }

            if ((c == '-' || c == '\u2010' || c == '\u2011') && nextIsAlnum)
            {
                if (_options.SplitHyphens && !KeepsHyphen(text, start, i, end))
                {
                    break;
                }

                i++; // Nagorno-Karabakh, 2023-04-14, 12-year-old
                allDigits = allDigits && char.IsDigit(text[i]);
                continue;
            }

            if (IsApostrophe(c) && nextIsAlnum && !IsCliticAt(text, i, end))
            {
                i++; // O'Brien, Côte d'Ivoire
                continue;
            }

            break;
        }

        // A final period belongs to the word when it is an abbreviation (Dr., Jan.) or a dotted acronym (U.S.).
        if (i < end && text[i] == '.' && sawLetter)
        {
            var word = text.AsSpan(start, i - start);
            bool dottedAcronym = word.Length >= 3 && word[1] == '.' && IsSingleLetterSegment(text, start, i);
            bool singleInitial = word.Length == 1 && char.IsUpper(word[0]);
            if (dottedAcronym || singleInitial || IsAbbreviation(word))
            {
                i++;
            }
        }

        if (_options.SplitNumberUnits && sawLetter && char.IsAsciiDigit(text[start]))
        {
            int p = start;
            while (p < i && (char.IsAsciiDigit(text[p]) || text[p] is '.' or ','))
            {
                p++;
            }

            if (p < i && char.IsAsciiDigit(text[p - 1]) && Units.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text.AsSpan(p, i - p)))
            {
                kind = TokenKind.Number;
                return p; // 65k -> 65 k ; 5pm -> 5 pm
            }
        }

        kind = allDigits || (!sawLetter) ? TokenKind.Number : TokenKind.Word;
        return i;
    }

    /// <summary>Unit and multiplier suffixes split from a number when <see cref="TokenizerOptions.SplitNumberUnits"/> is set.</summary>
    private static readonly FrozenSet<string> Units = new[]
    {
        "k", "m", "b", "bn", "mn", "pm", "am", "kg", "km", "mm", "cm", "ml", "mb", "gb", "kb", "lb", "lbs", "mph", "kw", "mw", "hrs", "hr", "min", "ft",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static bool HasSecondSlash(string text, int start, int slash, int end)
    {
        for (int k = start; k < slash; k++)
        {
            if (text[k] == '/')
            {
                return true;
            }
        }

        int j = slash + 1;
        while (j < end && char.IsAsciiDigit(text[j]))
        {
            j++;
        }

        return j < end && text[j] == '/';
    }

    /// <summary>Whether a hyphen at <paramref name="hyphen"/> stays inside the word when hyphens are split.</summary>
    private static bool KeepsHyphen(string text, int start, int hyphen, int end)
    {
        // The segment before the hyphen (back to the previous hyphen or the word start).
        int segStart = hyphen;
        while (segStart > start && text[segStart - 1] is not ('-' or '\u2010' or '\u2011'))
        {
            segStart--;
        }

        var left = text.AsSpan(segStart, hyphen - segStart);
        int rightEnd = hyphen + 1;
        while (rightEnd < end && char.IsLetterOrDigit(text[rightEnd]))
        {
            rightEnd++;
        }

        var right = text.AsSpan(hyphen + 1, rightEnd - hyphen - 1);
        if (IsDigits(left) && IsDigits(right))
        {
            // Ranges 1969-1970 and 1-2 split; 853-3242, 9-11 and dates 2023-04-14 stay.
            return left.Length != right.Length || segStart != start || (rightEnd < end && text[rightEnd] is '-' or '\u2010' or '\u2011');
        }

        return segStart == start && HyphenPrefixes.GetAlternateLookup<ReadOnlySpan<char>>().Contains(left);
    }

    private static bool IsDigits(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty)
        {
            return false;
        }

        foreach (char c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>End of a web or e-mail address starting at <paramref name="i"/> (http://..., www...., name@host.tld), else i.</summary>
    private static int ScanWebAddress(string text, int i, int end)
    {
        var rest = text.AsSpan(i, end - i);
        bool scheme = rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ||
                      rest.StartsWith("www.", StringComparison.OrdinalIgnoreCase);
        int at = rest.IndexOf('@');
        bool email = at > 0 && at < rest.Length - 3 && rest[(at + 1)..].Contains('.') && IsEmailPart(rest[..at]) && char.IsLetterOrDigit(rest[0]);
        if (!scheme && !email)
        {
            return i;
        }

        int j = end;

        // Leave closing punctuation that ends the address's sentence or bracket.
        while (j > i && text[j - 1] is '.' or ',' or ')' or ']' or '"' or '\'' or ';' or ':' or '!' or '?' or '>' or '\u201D' or '\u2019')
        {
            j--;
        }

        if (email)
        {
            // name@host.tld: letters, digits and . _ - only.
            int k = i;
            while (k < j && (char.IsLetterOrDigit(text[k]) || text[k] is '.' or '_' or '-' or '@' or '+'))
            {
                k++;
            }

            j = k;
            while (j > i && text[j - 1] is '.' or '-')
            {
                j--;
            }

            return j - i > 5 ? j : i;
        }

        return j - i > 4 ? j : i;
    }

    private static bool IsEmailPart(ReadOnlySpan<char> s)
    {
        foreach (char c in s)
        {
            if (!(char.IsLetterOrDigit(c) || c is '.' or '_' or '-' or '+'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when <c>text[start, dotIndex)</c> consists of single letters separated by periods (U.S, U.N).</summary>
    private static bool IsSingleLetterSegment(string text, int start, int dotIndex)
    {
        // Walk back: segments between periods must each be one letter.
        int segmentLength = 0;
        for (int k = start; k < dotIndex; k++)
        {
            if (text[k] == '.')
            {
                if (segmentLength != 1)
                {
                    return false;
                }

                segmentLength = 0;
            }
            else
            {
                if (!char.IsLetter(text[k]))
                {
                    return false;
                }

                segmentLength++;
            }
        }

        return segmentLength == 1;
    }

    private static bool IsCombiningMark(char c) =>
        System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark
            or System.Globalization.UnicodeCategory.SpacingCombiningMark;

    private static bool IsApostrophe(char c) => c == '\'' || c == '\u2019' || c == '\u02BC';

    /// <summary>True when an apostrophe at <paramref name="i"/> starts a clitic that ends the word.</summary>
    private static bool IsCliticAt(string text, int i, int end) => CliticLength(text, i, end) > 0;

    /// <summary>Length of a clitic ('s 're 've 'll 'd 'm) starting at an apostrophe, or 0.</summary>
    private static int CliticLength(string text, int i, int end)
    {
        int rest = end - i - 1;
        if (rest <= 0)
        {
            return 0;
        }

        ReadOnlySpan<char> after = text.AsSpan(i + 1, Math.Min(rest, 3));
        static bool Boundary(string t, int at, int e) => at >= e || !char.IsLetterOrDigit(t[at]);
        foreach (string clitic in TwoLetterClitics)
        {
            if (after.Length >= 2 && after[..2].Equals(clitic, StringComparison.OrdinalIgnoreCase) && Boundary(text, i + 3, end))
            {
                return 3;
            }
        }

        if (after.Length >= 1 && (after[0] is 's' or 'S' or 'd' or 'D' or 'm' or 'M') && Boundary(text, i + 2, end))
        {
            return 2;
        }

        return 0;
    }

    private static readonly string[] TwoLetterClitics = ["re", "ve", "ll"];

    /// <summary>Emits a scanned word, splitting n't and apostrophe clitics and a trailing plural apostrophe.</summary>
    private static void EmitWordWithClitics(string text, int start, int end, TokenKind kind, List<Token> output)
    {
        if (kind == TokenKind.Word && end - start >= 3)
        {
            // don't -> do n't ; can't -> ca n't ; won't -> wo n't
            int n = end - 3;
            if ((text[n] is 'n' or 'N') && IsApostrophe(text[n + 1]) && (text[n + 2] is 't' or 'T') && n > start)
            {
                output.Add(new Token(start, n, TokenKind.Word, false));
                output.Add(new Token(n, end, TokenKind.Clitic, false));
                return;
            }
        }

        if (kind == TokenKind.Word && end - start is 5 or 6 && Fused.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(text.AsSpan(start, end - start), out int first))
        {
            output.Add(new Token(start, start + first, TokenKind.Word, false));
            output.Add(new Token(start + first, end, TokenKind.Clitic, false));
            return;
        }

        output.Add(new Token(start, end, kind, false));
    }

}

/// <summary>Options of <see cref="Tokenizer"/>.</summary>
public sealed record TokenizerOptions
{
    /// <summary>Default options: hyphenated words stay whole (<c>Nagorno-Karabakh</c>).</summary>
    public static TokenizerOptions Default { get; } = new();

    /// <summary>UD English-EWT segmentation: hyphenated compounds split, units split from numbers.</summary>
    public static TokenizerOptions UniversalDependencies { get; } = new() { SplitHyphens = true, SplitNumberUnits = true };

    /// <summary>Split hyphenated compounds into word, hyphen, word (UD English), except after common prefixes.</summary>
    public bool SplitHyphens { get; init; }

    /// <summary>Split units and fractions off numbers as UD English does (<c>65k</c> -> <c>65 k</c>, <c>2/3</c> -> <c>2 / 3</c>).</summary>
    public bool SplitNumberUnits { get; init; }
}
