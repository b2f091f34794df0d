using System.Security.Cryptography;
using System.Text;

namespace Dyad.Text;

/// <summary>
/// The original text of one article, immutable. Every offset in Dyad points into <see cref="Value"/>.
/// Thread-safe.
/// </summary>
public sealed class SourceText
{
    private string? _contentHash;

    /// <summary>Wraps <paramref name="value"/>; the string is kept as is (no normalisation).</summary>
    /// <exception cref="ArgumentNullException">When value is null.</exception>
    public SourceText(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Value = value;
    }

    /// <summary>The text exactly as read.</summary>
    public string Value { get; }

    /// <summary>Length in UTF-16 code units.</summary>
    public int Length => Value.Length;

    /// <summary>
    /// Lower-case hex SHA-256 of the UTF-8 bytes of the text with runs of white space folded to one space and
    /// trimmed: two copies of an article that differ only in spacing get the same hash.
    /// </summary>
    public string ContentHash => _contentHash ??= ComputeContentHash(Value);

    /// <summary>The characters covered by <paramref name="span"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When the span lies outside the text.</exception>
    public ReadOnlySpan<char> Slice(TextSpan span)
    {
        if (span.Start < 0 || span.End > Value.Length || span.End < span.Start)
        {
            throw new ArgumentOutOfRangeException(nameof(span), $"Span {span} is outside a text of length {Value.Length}.");
        }

        return Value.AsSpan(span.Start, span.Length);
    }

    /// <summary>The characters covered by <paramref name="span"/> as a new string.</summary>
    public string ToString(TextSpan span) => Slice(span).ToString();

    /// <summary>1-based line and column of a character offset (for diagnostics).</summary>
    public (int Line, int Column) LineColumn(int offset)
    {
        offset = Math.Clamp(offset, 0, Value.Length);
        int line = 1, lineStart = 0;
        for (int i = 0; i < offset; i++)
        {
            if (Value[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, offset - lineStart + 1);
    }

    /// <inheritdoc />
    public override string ToString() => Value;

    private static string ComputeContentHash(string value)
    {
        var folded = new StringBuilder(value.Length);
        bool pendingSpace = false;
        foreach (char c in value)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = folded.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                folded.Append(' ');
                pendingSpace = false;
            }

            folded.Append(c);
        }

        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(folded.ToString()));
        return Convert.ToHexStringLower(hash);
    }
}
