using System.Globalization;
using System.Text.RegularExpressions;

namespace Dyad.Text;

/// <summary>
/// A dateline found at the top of an article: <c>BAKU, April 14 (Reuters) -</c>,
/// <c># 14 April 2023 23:20 (UTC +04:00)</c>, <c>14.04.2023</c>.
/// </summary>
/// <param name="Span">The dateline's characters in the original text.</param>
/// <param name="City">The place named (upper-case wire style), if any, as written.</param>
/// <param name="Month">Month 1-12 when stated.</param>
/// <param name="Day">Day of month when stated.</param>
/// <param name="Year">Year when stated; wire datelines usually omit it.</param>
/// <param name="Time">Local time of day when stated.</param>
/// <param name="UtcOffset">Offset from UTC when stated.</param>
/// <param name="Agency">News agency in brackets, if any.</param>
/// <param name="Region">Country or region after the city ("PESHAWAR, Pakistan"), if any.</param>
public sealed record Dateline(
    TextSpan Span,
    string? City,
    int? Month,
    int? Day,
    int? Year,
    TimeOnly? Time,
    TimeSpan? UtcOffset,
    string? Agency,
    string? Region = null)
{
    /// <summary>
    /// The report date: the dateline's own date when it has a year, else its month/day in the year of
    /// <paramref name="metadataDate"/> (the closest such date not after it), else <paramref name="metadataDate"/>.
    /// </summary>
    public DateOnly? ResolveDate(DateOnly? metadataDate)
    {
        if (Month is int m && Day is int d)
        {
            if (Year is int y)
            {
                return SafeDate(y, m, d);
            }

            if (metadataDate is DateOnly meta)
            {
                var candidate = SafeDate(meta.Year, m, d);
                if (candidate is DateOnly c && c > meta.AddDays(1))
                {
                    candidate = SafeDate(meta.Year - 1, m, d);
                }

                return candidate ?? meta;
            }
        }

        return metadataDate;
    }

    private static DateOnly? SafeDate(int y, int m, int d) =>
        y is >= 1 and <= 9999 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m) ? new DateOnly(y, m, d) : null;
}

/// <summary>
/// Finds the dateline in the first lines of an article. Stateless and thread-safe.
/// </summary>
public static partial class DatelineReader
{
    private const string MonthPattern =
        "Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June?|July?|Aug(?:ust|\\.)?|Sep(?:tember|t\\.?|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?";

    /// <summary>How far into the text a dateline is looked for (characters).</summary>
    public const int SearchWindow = 600;

    // "# 14 April 2023 23:20 (UTC +04:00)"
    [GeneratedRegex(@"^[#*\s]*(?<day>\d{1,2})\s+(?<month>" + MonthPattern + @")\s+(?<year>\d{4})(?:,?\s+(?<time>\d{1,2}:\d{2}))?(?:\s*\(\s*(?:UTC|GMT)\s*(?<off>[+\-\u2212]\s*\d{1,2}(?::?\d{2})?)?\s*\))?", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex DayMonthYearLine();

    // "April 14, 2023" alone at the start of a line (optionally with time)
    [GeneratedRegex(@"^[#*\s]*(?<month>" + MonthPattern + @")\s+(?<day>\d{1,2}),?\s+(?<year>\d{4})(?:,?\s+(?<time>\d{1,2}:\d{2}))?\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex MonthDayYearLine();

    // "14.04.2023" or "2023-04-14" alone at the start of a line
    [GeneratedRegex(@"^[#*\s]*(?:(?<day>\d{1,2})\.(?<month>\d{1,2})\.(?<year>\d{4})|(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2}))(?:[ ,T]+(?<time>\d{1,2}:\d{2}))?\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex NumericDateLine();

    // "BAKU, April 14 (Reuters) -", "PESHAWAR, Pakistan, Jan 19 (Reuters) –", "ASTANA –", "SRINAGAR/MUZAFFARABAD, Nov 13 (Reuters) –"
    [GeneratedRegex(@"^(?<city>[A-Z][A-Z'\u2019.\- ]*[A-Z.](?:/[A-Z][A-Z'\u2019.\- ]*[A-Z])*)(?:,\s*(?<region>[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+)*))?(?:,\s*(?<month>" + MonthPattern + @")\s+(?<day>\d{1,2})(?:,\s*(?<year>\d{4}))?)?\s*(?:\((?<agency>[^)]{1,40})\))?\s*(?:-{1,2}|\u2013|\u2014)\s", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex WireDateline();

    /// <summary>Returns the first dateline found in the first <see cref="SearchWindow"/> characters, or null.</summary>
    public static Dateline? Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string window = text.Length > SearchWindow ? text[..SearchWindow] : text;
        Dateline? best = null;
        foreach (var regex in new[] { WireDateline(), DayMonthYearLine(), MonthDayYearLine(), NumericDateLine() })
        {
            var match = regex.Match(window);
            if (!match.Success)
            {
                continue;
            }

            var candidate = FromMatch(match);
            if (candidate is null)
            {
                continue;
            }

            if (best is null || (best.Year is null && candidate.Year is not null) || (best.Month is null && candidate.Month is not null))
            {
                best = best is null ? candidate : Merge(best, candidate);
            }
        }

        return best;
    }

    private static Dateline Merge(Dateline a, Dateline b) => a with
    {
        Month = a.Month ?? b.Month,
        Day = a.Day ?? b.Day,
        Year = a.Year ?? b.Year,
        Time = a.Time ?? b.Time,
        UtcOffset = a.UtcOffset ?? b.UtcOffset,
        City = a.City ?? b.City,
        Region = a.Region ?? b.Region,
    };

    private static Dateline? FromMatch(Match match)
    {
        int? month = null, day = null, year = null;
        if (match.Groups["month"].Success)
        {
            string m = match.Groups["month"].Value;
            month = int.TryParse(m, NumberStyles.None, CultureInfo.InvariantCulture, out int numeric) ? numeric : MonthNumber(m);
        }

        if (match.Groups["day"].Success)
        {
            day = int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture);
        }

        if (match.Groups["year"].Success)
        {
            year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        }

        if (month is < 1 or > 12 || day is < 1 or > 31)
        {
            return null;
        }

        TimeOnly? time = null;
        if (match.Groups["time"].Success && TimeOnly.TryParseExact(match.Groups["time"].Value.PadLeft(5, '0'), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
        {
            time = t;
        }

        TimeSpan? offset = null;
        if (match.Groups["off"].Success)
        {
            offset = ParseOffset(match.Groups["off"].Value);
        }

        string? city = match.Groups["city"].Success ? match.Groups["city"].Value.Trim() : null;
        string? agency = match.Groups["agency"].Success ? match.Groups["agency"].Value.Trim() : null;
        string? region = match.Groups["region"].Success ? match.Groups["region"].Value.Trim() : null;
        int start = match.Index;
        while (start < match.Index + match.Length && (char.IsWhiteSpace(match.Value[start - match.Index]) || match.Value[start - match.Index] is '#' or '*'))
        {
            start++;
        }

        int end = match.Index + match.Length;
        while (end > start && char.IsWhiteSpace(match.Value[end - 1 - match.Index]))
        {
            end--;
        }

        return new Dateline(new TextSpan(start, end), city, month, day, year, time, offset, agency, region);
    }

    private static TimeSpan? ParseOffset(string raw)
    {
        string s = raw.Replace(" ", string.Empty, StringComparison.Ordinal).Replace('\u2212', '-');
        int sign = s[0] == '-' ? -1 : 1;
        string digits = s[1..].Replace(":", string.Empty, StringComparison.Ordinal);
        int hours = int.Parse(digits.Length > 2 ? digits[..^2] : digits, CultureInfo.InvariantCulture);
        int minutes = digits.Length > 2 ? int.Parse(digits[^2..], CultureInfo.InvariantCulture) : 0;
        return hours <= 14 && minutes < 60 ? sign * new TimeSpan(hours, minutes, 0) : null;
    }

    /// <summary>Month number for an English month name or abbreviation (Jan, Sept., September), else null.</summary>
    public static int? MonthNumber(ReadOnlySpan<char> name)
    {
        if (name.Length < 3)
        {
            return null;
        }

        ReadOnlySpan<char> head = name[..3];
        string[] months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
        for (int i = 0; i < months.Length; i++)
        {
            if (head.Equals(months[i], StringComparison.OrdinalIgnoreCase))
            {
                return i + 1;
            }
        }

        return null;
    }
}
