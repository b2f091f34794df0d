using System.Globalization;
using Dyad.Text;

namespace Dyad.Coding.WhereWhen;

/// <summary>How precise an event date is.</summary>
public enum DatePrecision : byte
{
    /// <summary>A calendar day.</summary>
    Day,
    /// <summary>A month ("last November", "in March 2020").</summary>
    Month,
    /// <summary>A year ("in 2009").</summary>
    Year,
}

/// <summary>An event date with its precision.</summary>
/// <param name="Date">The day (the first day of the month or year for coarser precisions).</param>
/// <param name="Precision">Day, month or year.</param>
public readonly record struct EventDate(DateOnly Date, DatePrecision Precision)
{
    /// <summary>The date as the event record writes it: <c>yyyy-MM-dd</c>, <c>yyyy-MM</c> or <c>yyyy</c>.</summary>
    public string Format()
    {
        int length = Precision switch { DatePrecision.Day => 10, DatePrecision.Month => 7, _ => 4 };
        return string.Create(length, Date, static (chars, date) =>
        {
            // Digits written directly: a culture-aware custom format string costs more than the rest of the stage's
            // work on a dated event.
            Digits(chars[..4], date.Year);
            if (chars.Length > 4)
            {
                chars[4] = '-';
                Digits(chars.Slice(5, 2), date.Month);
            }

            if (chars.Length > 7)
            {
                chars[7] = '-';
                Digits(chars.Slice(8, 2), date.Day);
            }
        });

        static void Digits(Span<char> destination, int value)
        {
            for (int i = destination.Length - 1; i >= 0; i--)
            {
                destination[i] = (char)('0' + (value % 10));
                value /= 10;
            }
        }
    }

    /// <summary>The precision as the event record writes it: <c>day</c>, <c>month</c> or <c>year</c>.</summary>
    public string PrecisionName => Precision switch
    {
        DatePrecision.Day => "day",
        DatePrecision.Month => "month",
        _ => "year",
    };
}

/// <summary>What kind of date expression was found.</summary>
public enum DateKind : byte
{
    /// <summary>A date with its year: "November 10, 2020", "10 November 2020", "10.11.2020", "2020-11-10".</summary>
    Explicit,
    /// <summary>Month and day without a year: "on April 14", "on January 5".</summary>
    MonthDay,
    /// <summary>A month, with or without a year: "in March 2020", "last November", "this month's".</summary>
    Month,
    /// <summary>A year: "in 2009".</summary>
    Year,
    /// <summary>A weekday: "on Tuesday", "Monday's", "late on Tuesday", "last Thursday".</summary>
    Weekday,
    /// <summary>A day named relative to the report: "yesterday", "today", "overnight", "last night".</summary>
    ReportRelative,
    /// <summary>A day counted from another date in the sentence: "a day earlier", "a day after ...".</summary>
    AnchorRelative,
    /// <summary>"last week": the week before the report.</summary>
    LastWeek,
}

/// <summary>
/// A date expression in a sentence, resolved against the report date when it needs it.
/// </summary>
/// <param name="SentenceIndex">Sentence of the expression.</param>
/// <param name="First">First token (inclusive).</param>
/// <param name="Last">Last token (inclusive).</param>
/// <param name="Text">The words as written.</param>
/// <param name="Kind">Kind of expression.</param>
/// <param name="Value">The resolved date, or null when it cannot be resolved (no report date, anchor-relative).</param>
/// <param name="DayOffset">For <see cref="DateKind.AnchorRelative"/>: days to add to the anchor date.</param>
public sealed record DateExpression(
    int SentenceIndex,
    int First,
    int Last,
    string Text,
    DateKind Kind,
    EventDate? Value,
    int DayOffset = 0)
{
    /// <summary>True when the expression follows a reporting verb ("said on Friday", "told a briefing on Thursday").</summary>
    public bool IsReporting { get; internal set; }

    /// <summary>True when the date qualifies a noun ("the statement dated November 10, 2020"): it belongs to that noun only.</summary>
    public bool IsAttributive { get; internal set; }

    /// <summary>True for a possessive date ("Thursday's police shootout"): it belongs to the noun that follows.</summary>
    public bool IsPossessive { get; internal set; }

    /// <summary>True for "a day after ...": the clause that follows happened <see cref="DayOffset"/> days from the anchor.</summary>
    public bool StartsClause { get; init; }
}

/// <summary>The date expressions of a document, by sentence (the <see cref="Layer.Dates"/> layer).</summary>
public sealed class DateLayer
{
    /// <summary>Creates the layer.</summary>
    public DateLayer(DateOnly? reportDate, IReadOnlyList<IReadOnlyList<DateExpression>> bySentence)
    {
        ReportDate = reportDate;
        BySentence = bySentence;
    }

    /// <summary>The local report date the expressions were resolved against, if known.</summary>
    public DateOnly? ReportDate { get; }

    /// <summary>Expressions of each sentence, in text order.</summary>
    public IReadOnlyList<IReadOnlyList<DateExpression>> BySentence { get; }
}
