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
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ReportingVerbLookup = ReportingVerbs.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> MonthLookup = Months.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenDictionary<string, DayOfWeek>.AlternateLookup<ReadOnlySpan<char>> WeekdayLookup = Weekdays.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenDictionary<string, int> Counts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["a"] = 1, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> CountLookup = Counts.GetAlternateLookup<ReadOnlySpan<char>>();

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

            bool attributive = IsAttributive(document, sentence, expression.First);
            bool possessive = expression.Last + 1 < sentence.TokenEnd && document.TokenText(expression.Last + 1) is "'s" or "\u2019s";
            expression.IsReporting = FollowsReportingVerb(document, sentence, expression.First); // set once here, before anyone reads it
            expression.IsAttributive = attributive;
            expression.IsPossessive = possessive;
            found.Add(expression);
            i = expression.Last + 1;
        }

        return found;
    }

    // "the statement dated November 10, 2020", "the statement of 10 November 2020", "the statement signed on
    // November 10, 2020": the date names a document's day, not that of the clause's other acts.
    private static bool IsAttributive(Document document, Sentence sentence, int first)
    {
        int before = first - 1;
        if (before < sentence.TokenStart)
        {
            return false;
        }

        var word = document.TokenText(before);
        if (word is "dated" or "signed" or "adopted" or "concluded")
        {
            return true;
        }

        if (word is "on" && before - 2 >= sentence.TokenStart && document.TokenText(before - 1) is "signed" or "adopted" or "concluded" or "reached"
            && DocumentNounLookup.Contains(document.TokenText(before - 2)))
        {
            return true;
        }

        return word is "of" && before - 1 >= sentence.TokenStart && DocumentNounLookup.Contains(document.TokenText(before - 1));
    }

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> DocumentNounLookup = new[]
    {
        "statement", "agreement", "accord", "accords", "declaration", "treaty", "deal", "memorandum", "communique", "ceasefire",
        "truce", "protocol", "resolution", "decree", "agreements", "statements",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

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
        var word = document.TokenText(i);
        if (token.Kind is TokenKind.Punctuation or TokenKind.Clitic
            || (token.Kind == TokenKind.Word && !char.IsUpper(word[0]) && (!MayStartLower(word) || !LowerStartsLookup.Contains(word))))
        {
            return null; // most tokens
        }

        if (token.Kind == TokenKind.Word && char.IsUpper(word[0]) && (word.Length > 10 || (!MonthLookup.ContainsKey(word.TrimEnd('.'))
            && !WeekdayLookup.ContainsKey(word) && !LowerStartsLookup.Contains(word))))
        {
            return null; // a capitalised word that is no month or weekday
        }

        // Nothing below allocates until an expression is found.
        var previous = i - 1 >= sentence.TokenStart ? document.TokenText(i - 1) : [];
        int end = sentence.TokenEnd;

        // Numeric: 10.11.2020, 2020-11-10, 11/10/2020.
        if (token.Kind == TokenKind.Number && TryNumericDate(word, out var numeric))
        {
            return Make(document, sentence, i, i, DateKind.Explicit, new EventDate(numeric, DatePrecision.Day));
        }

        // Month first: "November 10, 2020", "Nov. 10", "April 14", "March 2020", "in March".
        if (IsMonthWord(document, i, out int month))
        {
            if (i + 1 < end && TryDay(document.TokenText(i + 1), out int day))
            {
                int last = i + 1;
                int? year = null;
                int j = i + 2;
                if (j < end && document.TokenText(j) is ",")
                {
                    j++;
                }

                if (j < end && TryYear(document.TokenText(j), out int y))
                {
                    year = y;
                    last = j;
                }

                return MonthDay(document, sentence, i, last, month, day, year, report);
            }

            if (i + 1 < end && TryYear(document.TokenText(i + 1), out int yearOnly))
            {
                return Make(document, sentence, i, i + 1, DateKind.Month, new EventDate(new DateOnly(yearOnly, month, 1), DatePrecision.Month));
            }

            if (Is(previous, "in", "last", "since", "early", "late", "mid") && !word.SequenceEqual("may"))
            {
                if (Is(previous, "since"))
                {
                    return null;
                }

                EventDate? value = null;
                bool last = Is(previous, "last");
                if (report is DateOnly r)
                {
                    int y = month < r.Month || (month == r.Month && !last) ? r.Year : r.Year - 1;
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
            if (i + 2 < end && TryYear(document.TokenText(i + 2), out int y))
            {
                year = y;
                last = i + 2;
            }

            return MonthDay(document, sentence, i, last, month2, dayFirst, year, report);
        }

        // "in 2009"
        if (Is(previous, "in") && token.Kind == TokenKind.Number && TryYear(word, out int bareYear))
        {
            return Make(document, sentence, i - 1, i, DateKind.Year, new EventDate(new DateOnly(bareYear, 1, 1), DatePrecision.Year));
        }

        // Weekdays: "on Tuesday", "Monday's", "last Thursday", "next Monday".
        if (char.IsUpper(word[0]) && WeekdayLookup.TryGetValue(word, out var weekday))
        {
            bool last = Is(previous, "last"), next = Is(previous, "next");
            int first = last || next || Is(previous, "this") ? i - 1 : i;
            if (report is not DateOnly r)
            {
                return Make(document, sentence, first, i, DateKind.Weekday, null);
            }

            DateOnly date = last ? MostRecent(weekday, r, strictlyBefore: true)
                : next ? r.AddDays((((int)weekday - (int)r.DayOfWeek + 6) % 7) + 1)
                : MostRecent(weekday, r);
            return Make(document, sentence, first, i, DateKind.Weekday, new EventDate(date, DatePrecision.Day));
        }

        // Relative to the report.
        if (Is(word, "yesterday"))
        {
            return Make(document, sentence, i, i, DateKind.ReportRelative, report is DateOnly y1 ? new EventDate(y1.AddDays(-1), DatePrecision.Day) : null);
        }

        if (Is(word, "today", "tonight", "overnight"))
        {
            return Make(document, sentence, i, i, DateKind.ReportRelative, report is DateOnly t ? new EventDate(t, DatePrecision.Day) : null);
        }

        if (Is(word, "night") && Is(previous, "last"))
        {
            return Make(document, sentence, i - 1, i, DateKind.ReportRelative, report is DateOnly ln ? new EventDate(ln.AddDays(-1), DatePrecision.Day) : null);
        }

        if (Is(word, "week") && Is(previous, "last"))
        {
            return Make(document, sentence, i - 1, i, DateKind.LastWeek, report is DateOnly lw ? new EventDate(new DateOnly(lw.AddDays(-7).Year, lw.AddDays(-7).Month, 1), DatePrecision.Month) : null);
        }

        if (Is(word, "month") && Is(previous, "last", "this"))
        {
            if (report is DateOnly lm)
            {
                var m = Is(previous, "last") ? lm.AddMonths(-1) : lm;
                return Make(document, sentence, i - 1, i, DateKind.Month, new EventDate(new DateOnly(m.Year, m.Month, 1), DatePrecision.Month));
            }

            return Make(document, sentence, i - 1, i, DateKind.Month, null);
        }

        if (Is(word, "year") && Is(previous, "last", "this"))
        {
            return report is DateOnly ly
                ? Make(document, sentence, i - 1, i, DateKind.Year, new EventDate(new DateOnly(Is(previous, "last") ? ly.Year - 1 : ly.Year, 1, 1), DatePrecision.Year))
                : Make(document, sentence, i - 1, i, DateKind.Year, null);
        }

        // "after two days of talks": the talks began the day before the anchor (N - 1 days earlier).
        if (Is(word, "after") && i + 3 < end && CountLookup.TryGetValue(document.TokenText(i + 1), out int spell) && spell > 1
            && Is(document.TokenText(i + 2), "days") && Is(document.TokenText(i + 3), "of"))
        {
            return Make(document, sentence, i, i + 3, DateKind.AnchorRelative, null, -(spell - 1)) with { StartsClause = true };
        }

        // "a day earlier", "a day after ...", "two days later", "the day before", "the previous day", "the next day".
        if (i + 2 < end && CountLookup.TryGetValue(word, out int count) && Is(document.TokenText(i + 1), "day", "days"))
        {
            var direction = document.TokenText(i + 2);
            return Is(direction, "earlier") ? Make(document, sentence, i, i + 2, DateKind.AnchorRelative, null, -count)
                : Is(direction, "later") ? Make(document, sentence, i, i + 2, DateKind.AnchorRelative, null, count)
                : Is(direction, "after") ? Make(document, sentence, i, i + 2, DateKind.AnchorRelative, null, -count) with { StartsClause = true }
                : Is(direction, "before") ? Make(document, sentence, i, i + 2, DateKind.AnchorRelative, null, count) with { StartsClause = true }
                : null;
        }

        if (Is(word, "day") && Is(previous, "the") && i - 3 >= sentence.TokenStart && Is(document.TokenText(i - 2), "in")
            && Is(document.TokenText(i - 3), "earlier", "later"))
        {
            return Make(document, sentence, i - 3, i, DateKind.AnchorRelative, null, 0); // "earlier in the day"
        }

        if (Is(word, "day") && Is(previous, "previous", "next") && i - 2 >= sentence.TokenStart && Is(document.TokenText(i - 2), "the"))
        {
            return Make(document, sentence, i - 2, i, DateKind.AnchorRelative, null, Is(previous, "previous") ? -1 : 1);
        }

        return null;
    }

    // The lower-case words that can start a date are 1-9 letters long and begin with one of a few letters: most
    // words are turned away here without hashing them.
    private static bool MayStartLower(ReadOnlySpan<char> word) =>
        word.Length <= 9 && word[0] is 'y' or 't' or 'o' or 'n' or 'w' or 'm' or 'd' or 'a' or 'f' or 's' or 'Y' or 'T' or 'O' or 'N' or 'W' or 'M' or 'D' or 'A' or 'F' or 'S';

    private static bool Is(ReadOnlySpan<char> word, string a) => word.Equals(a, StringComparison.OrdinalIgnoreCase);

    private static bool Is(ReadOnlySpan<char> word, string a, string b) => Is(word, a) || Is(word, b);

    private static bool Is(ReadOnlySpan<char> word, string a, string b, string c) => Is(word, a) || Is(word, b) || Is(word, c);

    private static bool Is(ReadOnlySpan<char> word, params ReadOnlySpan<string> words)
    {
        foreach (string w in words)
        {
            if (word.Equals(w, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
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
            if (ReportingVerbLookup.Contains(document.TokenText(j)))
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

    private static bool TryDay(ReadOnlySpan<char> word, out int day)
    {
        var w = word;
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

    private static bool TryYear(ReadOnlySpan<char> word, out int year) =>
        int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out year) && word.Length == 4 && year is >= 1900 and <= 2100;

    private static bool TryNumericDate(ReadOnlySpan<char> word, out DateOnly date)
    {
        date = default;
        char separator = word.Contains('.') ? '.' : word.Contains('-') ? '-' : word.Contains('/') ? '/' : '\0';
        if (separator == '\0')
        {
            return false;
        }

        Span<Range> parts = stackalloc Range[4];
        if (word.Split(parts, separator) != 3)
        {
            return false;
        }

        var p0 = word[parts[0]];
        var p1 = word[parts[1]];
        var p2 = word[parts[2]];
        if (!AllDigits(p0) || !AllDigits(p1) || !AllDigits(p2) || p0.Length > 4 || p1.Length > 4 || p2.Length > 4)
        {
            return false;
        }

        int a = int.Parse(p0, CultureInfo.InvariantCulture);
        int b = int.Parse(p1, CultureInfo.InvariantCulture);
        int c = int.Parse(p2, CultureInfo.InvariantCulture);
        DateOnly? result = separator switch
        {
            '-' when p0.Length == 4 => SafeDate(a, b, c),                  // 2020-11-10
            '.' when p2.Length == 4 => SafeDate(c, b, a),                  // 10.11.2020 (day first)
            '/' when p2.Length == 4 => a > 12 ? SafeDate(c, b, a) : SafeDate(c, a, b), // 11/10/2020 US order unless impossible
            _ => null,
        };
        if (result is DateOnly d && d.Year is >= 1900 and <= 2100)
        {
            date = d;
            return true;
        }

        return false;

        static bool AllDigits(ReadOnlySpan<char> part) => part.Length > 0 && !part.ContainsAnyExceptInRange('0', '9');
    }

    private static DateOnly? SafeDate(int y, int m, int d) =>
        y is >= 1 and <= 9999 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m) ? new DateOnly(y, m, d) : null;

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
