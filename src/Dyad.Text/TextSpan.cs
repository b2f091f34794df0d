namespace Dyad.Text;

/// <summary>
/// A half-open character range <c>[Start, End)</c> into the original text of a document.
/// Spans never own text; they are resolved against the <see cref="SourceText"/> they came from.
/// </summary>
public readonly record struct TextSpan(int Start, int End)
{
    /// <summary>Number of UTF-16 code units covered (End - Start).</summary>
    public int Length => End - Start;

    /// <summary>True when the span covers no character.</summary>
    public bool IsEmpty => End <= Start;

    /// <summary>Creates a span and checks that <paramref name="start"/> &lt;= <paramref name="end"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When start is negative or greater than end.</exception>
    public static TextSpan FromBounds(int start, int end)
    {
        if (start < 0 || end < start)
        {
            throw new ArgumentOutOfRangeException(nameof(start), $"Invalid span [{start}, {end}).");
        }

        return new TextSpan(start, end);
    }

    /// <summary>True when <paramref name="other"/> lies entirely inside this span.</summary>
    public bool Contains(TextSpan other) => other.Start >= Start && other.End <= End;

    /// <summary>True when the two spans share at least one character.</summary>
    public bool Overlaps(TextSpan other) => other.Start < End && Start < other.End;

    /// <summary>The smallest span covering both.</summary>
    public TextSpan Union(TextSpan other) => new(Math.Min(Start, other.Start), Math.Max(End, other.End));

    /// <inheritdoc />
    public override string ToString() => $"[{Start}, {End})";
}
