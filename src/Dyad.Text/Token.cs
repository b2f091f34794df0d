namespace Dyad.Text;

/// <summary>Coarse class of a token, decided by the tokenizer from its characters.</summary>
public enum TokenKind : byte
{
    /// <summary>Letters, possibly with inner hyphens, apostrophes or periods (U.S.).</summary>
    Word,
    /// <summary>Digits, possibly with separators (1,000.5; 14.04.2023; 23:20; 2023-04-14).</summary>
    Number,
    /// <summary>Punctuation and symbols.</summary>
    Punctuation,
    /// <summary>A clitic split off a word: 's, n't, 're, 've, 'll, 'd, 'm.</summary>
    Clitic,
}

/// <summary>
/// One token: a span into the original text plus its kind. Light value; the text is read through the
/// document (<see cref="Document.TokenText(int)"/>).
/// </summary>
/// <param name="Start">Offset of the first character (inclusive).</param>
/// <param name="End">Offset after the last character (exclusive).</param>
/// <param name="Kind">The token's kind.</param>
/// <param name="SpaceAfter">True when white space follows the token in the text.</param>
public readonly record struct Token(int Start, int End, TokenKind Kind, bool SpaceAfter)
{
    /// <summary>The token's character span.</summary>
    public TextSpan Span => new(Start, End);
}

/// <summary>
/// One sentence: a run of tokens <c>[TokenStart, TokenEnd)</c> and its character span.
/// </summary>
/// <param name="Index">0-based position of the sentence in the document.</param>
/// <param name="TokenStart">Index of the first token (inclusive).</param>
/// <param name="TokenEnd">Index after the last token (exclusive).</param>
/// <param name="Span">Characters from the first token's start to the last token's end.</param>
/// <param name="IsHeadline">True for a line without final punctuation standing alone (title, caption).</param>
public readonly record struct Sentence(int Index, int TokenStart, int TokenEnd, TextSpan Span, bool IsHeadline)
{
    /// <summary>Number of tokens.</summary>
    public int TokenCount => TokenEnd - TokenStart;
}
