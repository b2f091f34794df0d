using System.Globalization;
using System.Text;
using Dyad.Coding;

namespace Dyad.Store;

/// <summary>
/// De-duplication rule: two mentions are the same event when they share the dictionary version, negation,
/// source, target, CAMEO root and place, and their days are at most one day apart. The day is the event
/// date when the coder gives one to the day, else the article's report date. Mentions with no day at all
/// merge only within their own article.
/// </summary>
public static class Dedup
{
    /// <summary>Largest distance in days between two mentions of one event.</summary>
    public const int DayWindow = 1;

    /// <summary>The merge key (everything but the day) and the day of a mention.</summary>
    public static (string Key, DateOnly? Day) KeyOf(EventRecord record, string version, ArticleRecord article)
    {
        DateOnly? day = EventDate(record) ?? article.Published;
        var sb = new StringBuilder(64);
        sb.Append(version).Append('|')
            .Append(record.Negated ? '1' : '0').Append('|')
            .Append(record.Source).Append('|')
            .Append(record.Target).Append('|')
            .Append(record.Root).Append('|')
            .Append(PlaceKey(record.Location));
        if (day is null)
        {
            sb.Append("|article:").Append(article.Key);
        }

        return (sb.ToString(), day);
    }

    /// <summary>The event date when it is given to the day (<c>yyyy-MM-dd</c>), else null.</summary>
    public static DateOnly? EventDate(EventRecord record) =>
        record.Date is { Length: 10 } d &&
        DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : null;

    private static string PlaceKey(EventLocation? location) =>
        location is null ? string.Empty : $"{location.Country}:{location.Name.Trim().ToLowerInvariant()}";

    /// <summary>
    /// Candidate events for merging, by key: each with its day. Picks the closest event within the window;
    /// ties go to the oldest (lowest id).
    /// </summary>
    internal sealed class Index
    {
        private readonly Dictionary<string, List<(long Id, DateOnly? Day)>> _byKey = new(StringComparer.Ordinal);

        public void Add(string key, long id, DateOnly? day)
        {
            if (!_byKey.TryGetValue(key, out var list))
            {
                _byKey[key] = list = [];
            }

            list.Add((id, day));
        }

        public long? Find(string key, DateOnly? day)
        {
            if (!_byKey.TryGetValue(key, out var list))
            {
                return null;
            }

            long? best = null;
            int bestDistance = int.MaxValue;
            foreach (var (id, candidateDay) in list)
            {
                int distance;
                if (day is null || candidateDay is null)
                {
                    // Undated keys already carry the article; dated and undated never share a key.
                    distance = day is null && candidateDay is null ? 0 : int.MaxValue;
                }
                else
                {
                    distance = Math.Abs(day.Value.DayNumber - candidateDay.Value.DayNumber);
                }

                if (distance <= DayWindow && (distance < bestDistance || (distance == bestDistance && id < best)))
                {
                    best = id;
                    bestDistance = distance;
                }
            }

            return best;
        }
    }
}
