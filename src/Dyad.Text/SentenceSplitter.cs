using System.Collections.Frozen;

namespace Dyad.Text;

/// <summary>
/// Groups tokens into sentences. Splits after <c>. ! ?</c> (and closing quotes or brackets after them) when
/// the next token can start a sentence; never after an abbreviation such as <c>Dr.</c> or <c>Jan.</c>; always at
/// a blank line; at a single line break when the line ends a paragraph or is a headline (no final
/// punctuation, next line capitalised). Stateless and thread-safe.
/// </summary>
public sealed class SentenceSplitter
{
    /// <summary>Words that, capitalised after a dotted acronym (<c>U.S.</c>), start a new sentence.</summary>
    private static readonly FrozenSet<string> SentenceStarters = new[]
    {
        "the", "a", "an", "he", "she", "it", "they", "we", "i", "in", "on", "at", "this", "that", "these", "those",
        "but", "and", "however", "meanwhile", "his", "her", "its", "their", "there", "officials", "after", "before",
        "when", "while", "earlier", "later",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Words after which a line break does not end a sentence (hard-wrapped text).</summary>
    private static readonly FrozenSet<string> Continuers = new[]
    {
        "the", "a", "an", "of", "and", "or", "to", "in", "on", "at", "by", "for", "with", "from", "that", "as",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Shared instance.</summary>
    public static SentenceSplitter Default { get; } = new();

    /// <summary>
    /// Longest sentence, in tokens. Text without sentence punctuation (lists, tables, run-on input) is cut here, at a
    /// comma or semicolon when one is near, so that later stages never see an unbounded "sentence".
    /// </summary>
    public const int MaxTokens = 300;

    /// <summary>Splits <paramref name="tokens"/> of <paramref name="text"/> into sentences.</summary>
    public List<Sentence> Split(string text, IReadOnlyList<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        var sentences = new List<Sentence>(tokens.Count / 20 + 1);
        int first = 0;
        for (int i = 0; i < tokens.Count; i++)
        {
            bool last = i == tokens.Count - 1;
            bool tooLong = i - first + 1 >= MaxTokens ||
                           (i - first + 1 >= MaxTokens - 50 && text.AsSpan(tokens[i].Start, tokens[i].End - tokens[i].Start) is "," or ";");
            if (last || tooLong || EndsSentence(text, tokens, i))
            {
                AddSentence(text, tokens, first, i + 1, sentences);
                first = i + 1;
            }
        }

        return sentences;
    }

    private static void AddSentence(string text, IReadOnlyList<Token> tokens, int start, int end, List<Sentence> output)
    {
        if (end <= start)
        {
            return;
        }

        var span = new TextSpan(tokens[start].Start, tokens[end - 1].End);
        char lastChar = text[span.End - 1];
        bool headline = !(lastChar is '.' or '!' or '?' or '"' or '\u201D' or '\'' or '\u2019' or ')' or ':' or ';');
        output.Add(new Sentence(output.Count, start, end, span, headline));
    }

    private static bool EndsSentence(string text, IReadOnlyList<Token> tokens, int i)
    {
        var token = tokens[i];
        var next = tokens[i + 1];
        int lineBreaks = CountLineBreaks(text, token.End, next.Start);
        if (lineBreaks >= 2)
        {
            return true; // paragraph
        }

        ReadOnlySpan<char> tokenText = text.AsSpan(token.Start, token.End - token.Start);
        ReadOnlySpan<char> nextText = text.AsSpan(next.Start, next.End - next.Start);
        if (lineBreaks == 1)
        {
            if (IsTerminal(tokenText) || IsClosing(tokenText))
            {
                return true;
            }

            bool continues = tokenText is "," or ";" or "-" or "(" or "\u2013" or "\u2014" ||
                             Continuers.GetAlternateLookup<ReadOnlySpan<char>>().Contains(tokenText);
            return !continues && StartsLikeSentence(nextText);
        }

        if (token.Kind == TokenKind.Punctuation && IsTerminal(tokenText))
        {
            // Let closing quotes/brackets stay with this sentence.
            if (IsClosing(nextText) && next.Start == token.End)
            {
                return false;
            }

            return token.SpaceAfter && StartsLikeSentence(nextText);
        }

        if (token.Kind == TokenKind.Punctuation && IsClosing(tokenText) && i > 0)
        {
            var previous = tokens[i - 1];
            ReadOnlySpan<char> previousText = text.AsSpan(previous.Start, previous.End - previous.Start);
            if (IsTerminal(previousText) && previous.End == token.Start)
            {
                return token.SpaceAfter && StartsLikeSentence(nextText);
            }
        }

        // A dotted acronym at the end of a sentence ("... in the U.S. The talks ...").
        if (token.Kind == TokenKind.Word && tokenText.Length >= 4 && tokenText[^1] == '.' && tokenText[1] == '.' &&
            SentenceStarters.GetAlternateLookup<ReadOnlySpan<char>>().Contains(nextText) && char.IsUpper(nextText[0]))
        {
            return true;
        }

        return false;
    }

    private static bool IsTerminal(ReadOnlySpan<char> t) => t.Length > 0 && (t[0] is '.' or '!' or '?' || t is "\u2026");

    private static bool IsClosing(ReadOnlySpan<char> t) => t is "\"" or "\u201D" or "'" or "\u2019" or ")" or "]" or "''";

    private static bool StartsLikeSentence(ReadOnlySpan<char> t) =>
        t.Length > 0 && (char.IsUpper(t[0]) || char.IsDigit(t[0]) || t[0] is '"' or '\u201C' or '(' or '#' or '\u00A9' or '[' or '\u2018' or '\'' or '-' or '\u2013' or '\u2014' or '*');

    private static int CountLineBreaks(string text, int from, int to)
    {
        int count = 0;
        for (int k = from; k < to; k++)
        {
            if (text[k] == '\n')
            {
                count++;
            }
        }

        return count;
    }
}
