using System.Collections.Frozen;
using System.Globalization;
using Dyad.Text;

namespace Dyad.Coding.WhereWhen;

/// <summary>
/// Finds date expressions in a sentence and resolves them against the report date (CODING_RULES 12): explicit
/// dates in several formats, month-day without a year (taken in the report's year, or the year before when
/// that would put it more than a month after the report), weekdays (the most recent such day on or before the
/// report date; "last Tuesday" strictly before; "next Tuesday" after), "yesterday", "today", "overnight",
/// "last week", "last November", "in 2009", and "a day earlier/after" counted from another date of the sentence.
/// Without a report date only explicit dates resolve. Stateless and thread-safe.
/// </summary>
public static class DateFinder
{
    private static readonly string[] MonthNames =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    private static readonly FrozenDictionary<string, int> Months = BuildMonths();

    private static readonly FrozenDictionary<string, DayOfWeek> Weekdays = new Dictionary<string, DayOfWeek>(StringComparer.OrdinalIgnoreCase)
    {
        ["monday"] = DayOfWeek.Monday, ["tuesday"] = DayOfWeek.Tuesday, ["wednesday"] = DayOfWeek.Wednesday,
        ["thursday"] = DayOfWeek.Thursday, ["friday"] = DayOfWeek.Friday, ["saturday"] = DayOfWeek.Saturday,
        ["sunday"] = DayOfWeek.Sunday,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> ReportingVerbs = new[]
    {
        "said", "says", "told", "announced", "stated", "added", "confirmed", "reported", "tweeted",
        "wrote", "posted", "briefed", "noted", "explained",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    // Lower-case words that can start or end a date expression (the rest start with a capital or a digit).
    private static readonly FrozenSet<string> LowerStarts = new[]
    {
        "yesterday", "today", "tonight", "overnight", "night", "week", "month", "year", "day", "after", "a", "one",
        "two", "three", "four", "five", "six", "seven",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> LowerStartsLookup = LowerStarts.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> MonthLookup = Months.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenDictionary<string, DayOfWeek>.AlternateLookup<ReadOnlySpan<char>> WeekdayLookup = Weekdays.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenDictionary<string, int> Counts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["a"] = 1, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Finds the date expressions of sentence <paramref name="sentenceIndex"/>, in text order.</summary>
    public static List<DateExpression> Find(Document document, int sentenceIndex, DateOnly? reportDate)
    {
        ArgumentNullException.ThrowIfNull(document);
        var sentence = document.Sentence(sentenceIndex);
        var found = new List<DateExpression>();
        int i = sentence.TokenStart;
        var dateline = document.Dateline?.Span;
        while (i < sentence.TokenEnd)
        {
            if (dateline is TextSpan d && d.Overlaps(document.Token(i).Span))
            {
                i++; // the dateline's date is the report date, not an event's
                continue;
            }

            var expression = TryAt(document, sentence, i, reportDate);
            if (expression is null)
            {
                i++;
                continue;
            }

            bool attributive = expression.First - 1 >= sentence.TokenStart
                && document.TokenText(expression.First - 1) is "dated" or "signed" or "adopted" or "concluded";
            bool possessive = expression.Last + 1 < sentence.TokenEnd && document.TokenText(expression.Last + 1) is "'s" or "\u2019s";
            found.Add(expression with { IsReporting = FollowsReportingVerb(document, sentence, expression.First), IsAttributive = attributive, IsPossessive = possessive });
            i = expression.Last + 1;
        }

        return found;
    }

    /// <summary>The most recent <paramref name="day"/> on or before <paramref name="reportDate"/> (CODING_RULES 12).</summary>
    public static DateOnly MostRecent(DayOfWeek day, DateOnly reportDate, bool strictlyBefore = false)
    {
        int back = ((int)reportDate.DayOfWeek - (int)day + 7) % 7;
        if (back == 0 && strictlyBefore)
        {
            back = 7;
        }

        return reportDate.AddDays(-back);
    }

    private static DateExpression? TryAt(Document document, Sentence sentence, int i, DateOnly? report)
    {
        var token = document.Token(i);
        var raw = document.TokenText(i);
        if (token.Kind is TokenKind.Punctuation or TokenKind.Clitic
            || (token.Kind == TokenKind.Word && !char.IsUpper(raw[0]) && !LowerStartsLookup.Contains(raw)))
        {
            return null; // most tokens: no allocation
        }

        if (token.Kind == TokenKind.Word && char.IsUpper(raw[0]) && (raw.Length > 10 || (!MonthLookup.ContainsKey(raw.TrimEnd('.'))
            && !WeekdayLookup.ContainsKey(raw) && !LowerStartsLookup.Contains(raw))))
        {
            return null; // a capitalised word that is no month or weekday
        }

        string word = raw.ToString();
        string lower = word.ToLowerInvariant();
        string previous = i - 1 >= sentence.TokenStart ? Word(document, i - 1).ToLowerInvariant() : string.Empty;
        int end = sentence.TokenEnd;

        // Numeric: 10.11.2020, 2020-11-10, 11/10/2020.
        if (document.Token(i).Kind == TokenKind.Number && TryNumericDate(word, out var numeric))
        {
            return Make(document, sentence, i, i, DateKind.Explicit, new EventDate(numeric, DatePrecision.Day));
        }

        // Month first: "November 10, 2020", "Nov. 10", "April 14", "March 2020", "in March".
        if (IsMonthWord(document, i, out int month))
        {
            if (i + 1 < end && TryDay(Word(document, i + 1), out int day))
            {
                int last = i + 1;
                int? year = null;
                int j = i + 2;
                if (j < end && Word(document, j) == ",")
                {
                    j++;
                }

                if (j < end && TryYear(Word(document, j), out int y))
                {
                    year = y;
                    last = j;
                }

                return MonthDay(document, sentence, i, last, month, day, year, report);
            }

            if (i + 1 < end && TryYear(Word(document, i + 1), out int yearOnly))
            {
                return Make(document, sentence, i, i + 1, DateKind.Month, new EventDate(new DateOnly(yearOnly, month, 1), DatePrecision.Month));
            }

            if (previous is "in" or "last" or "since" or "early" or "late" or "mid" && !word.Equals("may", StringComparison.Ordinal))
            {
                if (previous == "since")
                {
                    return null;
                }

                EventDate? value = null;
                if (report is DateOnly r)
                {
                    int y = month < r.Month || (month == r.Month && previous != "last") ? r.Year : r.Year - 1;
                    value = new EventDate(new DateOnly(y, month, 1), DatePrecision.Month);
                }

                return Make(document, sentence, i - 1, i, DateKind.Month, value);
            }

            return null;
        }

        // Day first: "10 November 2020", "14 April".
        if (TryDay(word, out int dayFirst) && i + 1 < end && IsMonthWord(document, i + 1, out int month2))
        {
            int last = i + 1;
            int? year = null;
            if (i + 2 < end && TryYear(Word(document, i + 2), out int y))
            {
                year = y;
                last = i + 2;
            }

            return MonthDay(document, sentence, i, last, month2, dayFirst, year, report);
        }

        // "in 2009"
        if (previous is "in" && TryYear(word, out int bareYear) && document.Token(i).Kind == TokenKind.Number)
        {
            return Make(document, sentence, i - 1, i, DateKind.Year, new EventDate(new DateOnly(bareYear, 1, 1), DatePrecision.Year));
        }

        // Weekdays: "on Tuesday", "Monday's", "last Thursday", "next Monday".
        if (Weekdays.TryGetValue(word, out var weekday) && char.IsUpper(word[0]))
        {
            int first = previous is "last" or "next" or "this" ? i - 1 : i;
            if (report is not DateOnly r)
            {
                return Make(document, sentence, first, i, DateKind.Weekday, null);
            }

            DateOnly date = previous switch
            {
                "last" => MostRecent(weekday, r, strictlyBefore: true),
                "next" => r.AddDays(((int)weekday - (int)r.DayOfWeek + 6) % 7 + 1),
                _ => MostRecent(weekday, r),
            };
            return Make(document, sentence, first, i, DateKind.Weekday, new EventDate(date, DatePrecision.Day));
        }

        // Relative to the report.
        switch (lower)
        {
            case "yesterday":
                return Make(document, sentence, i, i, DateKind.ReportRelative, report is DateOnly y1 ? new EventDate(y1.AddDays(-1), DatePrecision.Day) : null);
            case "today" or "tonight" or "overnight":
                return Make(document, sentence, i, i, DateKind.ReportRelative, report is DateOnly t ? new EventDate(t, DatePrecision.Day) : null);
            case "night" when previous == "last":
                return Make(document, sentence, i - 1, i, DateKind.ReportRelative, report is DateOnly ln ? new EventDate(ln.AddDays(-1), DatePrecision.Day) : null);
            case "week" when previous == "last":
                return Make(document, sentence, i - 1, i, DateKind.LastWeek, report is DateOnly lw ? new EventDate(new DateOnly(lw.AddDays(-7).Year, lw.AddDays(-7).Month, 1), DatePrecision.Month) : null);
            case "month" when previous is "last" or "this":
                if (report is DateOnly lm)
                {
                    var m = previous == "last" ? lm.AddMonths(-1) : lm;
                    return Make(document, sentence, i - 1, i, DateKind.Month, new EventDate(new DateOnly(m.Year, m.Month, 1), DatePrecision.Month));
                }

                return Make(document, sentence, i - 1, i, DateKind.Month, null);
            case "year" when previous is "last" or "this":
                return report is DateOnly ly
                    ? Make(document, sentence, i - 1, i, DateKind.Year, new EventDate(new DateOnly(previous == "last" ? ly.Year - 1 : ly.Year, 1, 1), DatePrecision.Year))
                    : Make(document, sentence, i - 1, i, DateKind.Year, null);
        }

        // "after two days of talks": the talks began the day before the anchor (N - 1 days earlier).
        if (lower == "after" && i + 3 < end && Counts.TryGetValue(Word(document, i + 1), out int spell) && spell > 1
            && Word(document, i + 2).Equals("days", StringComparison.OrdinalIgnoreCase) && Word(document, i + 3).Equals("of", StringComparison.OrdinalIgnoreCase))
        {
            return Make(document, sentence, i, i + 3, DateKind.AnchorRelative, null, -(spell - 1)) with { StartsClause = true };
        }

        // "a day earlier", "a day after ...", "two days later", "the day before", "the previous day", "the next day".
        if (Counts.TryGetValue(word, out int count) && i + 2 < end && Word(document, i + 1).ToLowerInvariant() is "day" or "days")
        {
            string direction = Word(document, i + 2).ToLowerInvariant();
            return direction switch
            {
                "earlier" => Make(document, sentence, i, i + 2, DateKind.AnchorRelative, null, -count),
                "later" => Make(document, sentence, i, i + 2, DateKind.AnchorRelative, null, count),
                "after" => Make(document, sentence, i, i + 2, DateKind.AnchorRelative, null, -count) with { StartsClause = true },
                "before" => Make(document, sentence, i, i + 2, DateKind.AnchorRelative, null, count) with { StartsClause = true },
                _ => null,
            };
        }

        if (lower == "day" && previous is "the" && i - 2 >= sentence.TokenStart && Word(document, i - 2).Equals("in", StringComparison.OrdinalIgnoreCase)
            && i - 3 >= sentence.TokenStart && Word(document, i - 3).ToLowerInvariant() is "earlier" or "later")
        {
            return Make(document, sentence, i - 3, i, DateKind.AnchorRelative, null, 0); // "earlier in the day"
        }

        if (lower == "day" && previous is "previous" or "next" && i - 2 >= sentence.TokenStart && Word(document, i - 2).Equals("the", StringComparison.OrdinalIgnoreCase))
        {
            return Make(document, sentence, i - 2, i, DateKind.AnchorRelative, null, previous == "previous" ? -1 : 1);
        }

        return null;
    }

    private static DateExpression MonthDay(Document document, Sentence sentence, int first, int last, int month, int day, int? year, DateOnly? report)
    {
        if (year is int y)
        {
            return Make(document, sentence, first, last, DateKind.Explicit, SafeDate(y, month, day) is DateOnly d ? new EventDate(d, DatePrecision.Day) : null);
        }

        EventDate? value = null;
        if (report is DateOnly r && SafeDate(r.Year, month, day) is DateOnly candidate)
        {
            // Past references in the report's year; more than a month ahead means the year before.
            if (candidate > r.AddDays(31))
            {
                candidate = SafeDate(r.Year - 1, month, day) ?? candidate;
            }

            value = new EventDate(candidate, DatePrecision.Day);
        }

        return Make(document, sentence, first, last, DateKind.MonthDay, value);
    }

    private static DateExpression Make(Document document, Sentence sentence, int first, int last, DateKind kind, EventDate? value, int offset = 0) =>
        new(sentence.Index, first, last, document.Slice(document.TokenRange(first, last)), kind, value, offset);

    private static bool FollowsReportingVerb(Document document, Sentence sentence, int first)
    {
        for (int j = first - 1; j >= Math.Max(sentence.TokenStart, first - 4); j--)
        {
            if (ReportingVerbs.Contains(document.TokenText(j).ToString()))
            {
                return true;
            }

            if (document.TokenText(j) is "," or ";")
            {
                return false;
            }
        }

        return false;
    }

    private static bool IsMonthWord(Document document, int index, out int month)
    {
        month = 0;
        var token = document.Token(index);
        if (token.Kind != TokenKind.Word)
        {
            return false;
        }

        var text = document.TokenText(index);
        if (!char.IsUpper(text[0]))
        {
            return false;
        }

        return MonthLookup.TryGetValue(text.TrimEnd('.'), out month);
    }

    private static bool TryDay(string word, out int day)
    {
        ReadOnlySpan<char> w = word;
        if (w.Length > 2 && (w.EndsWith("st") || w.EndsWith("nd") || w.EndsWith("rd") || w.EndsWith("th")))
        {
            w = w[..^2];
        }

        int dash = w.IndexOf('-');
        if (dash > 0)
        {
            w = w[..dash]; // "June 7-8": the first day
        }

        return int.TryParse(w, NumberStyles.None, CultureInfo.InvariantCulture, out day) && day is >= 1 and <= 31 && w.Length <= 2;
    }

    private static bool TryYear(string word, out int year) =>
        int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out year) && word.Length == 4 && year is >= 1900 and <= 2100;

    private static bool TryNumericDate(string word, out DateOnly date)
    {
        date = default;
        char separator = word.Contains('.') ? '.' : word.Contains('-') ? '-' : word.Contains('/') ? '/' : '\0';
        if (separator == '\0')
        {
            return false;
        }

        string[] parts = word.Split(separator);
        if (parts.Length != 3 || !parts.All(p => p.Length > 0 && p.All(char.IsAsciiDigit)))
        {
            return false;
        }

        int a = int.Parse(parts[0], CultureInfo.InvariantCulture);
        int b = int.Parse(parts[1], CultureInfo.InvariantCulture);
        int c = int.Parse(parts[2], CultureInfo.InvariantCulture);
        DateOnly? result = separator switch
        {
            '-' when parts[0].Length == 4 => SafeDate(a, b, c),                  // 2020-11-10
            '.' when parts[2].Length == 4 => SafeDate(c, b, a),                  // 10.11.2020 (day first)
            '/' when parts[2].Length == 4 => a > 12 ? SafeDate(c, b, a) : SafeDate(c, a, b), // 11/10/2020 US order unless impossible
            _ => null,
        };
        if (result is DateOnly d && d.Year is >= 1900 and <= 2100)
        {
            date = d;
            return true;
        }

        return false;
    }

    private static DateOnly? SafeDate(int y, int m, int d) =>
        y is >= 1 and <= 9999 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m) ? new DateOnly(y, m, d) : null;

    private static string Word(Document document, int index) => document.TokenText(index).ToString();

    private static FrozenDictionary<string, int> BuildMonths()
    {
        var months = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int m = 0; m < 12; m++)
        {
            months[MonthNames[m]] = m + 1;
            months[MonthNames[m][..3]] = m + 1;
        }

        months["sept"] = 9;
        return months.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
