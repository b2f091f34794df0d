using System.Collections.Frozen;

namespace Dyad.Text;

/// <summary>
/// Splits text into UD-style tokens with spans into the original text. Words, numbers and punctuation
/// are separated; clitics are split off (<c>Azerbaijan's</c> -> <c>Azerbaijan</c> <c>'s</c>,
/// <c>don't</c> -> <c>do</c> <c>n't</c>); abbreviations (<c>U.S.</c>, <c>Dr.</c>, <c>Jan.</c>) and numbers,
/// dates and times (<c>1,000.5</c>, <c>14.04.2023</c>, <c>23:20</c>) stay whole. Stateless and thread-safe.
/// </summary>
public sealed class Tokenizer
{
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

    /// <summary>Shared instance; the tokenizer has no state.</summary>
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
    private static void SplitChunk(string text, int start, int end, List<Token> output)
    {
        int i = start;
        while (i < end)
        {
            char c = text[i];
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

            // Multi-character punctuation kept whole: "...", "--", "``", "''".
            int punctEnd = i + 1;
            if (c == '.' || c == '-' || c == '`' || c == '\'' || c == '!' || c == '?')
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
    private static int ScanWord(string text, int start, int end, out TokenKind kind)
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

        kind = allDigits || (!sawLetter) ? TokenKind.Number : TokenKind.Word;
        return i;
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

        output.Add(new Token(start, end, kind, false));
    }

}
