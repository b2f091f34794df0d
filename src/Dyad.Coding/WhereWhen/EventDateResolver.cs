using System.Collections.Frozen;
using Dyad.Text;

namespace Dyad.Coding.WhereWhen;

/// <summary>
/// Gives each event the date the text gives it (CODING_RULES 12), never the report date by default:
/// <list type="number">
/// <item>the nearest date expression in the event's clause (clauses end at <c>;</c>, relative pronouns and
/// subordinators such as <i>after</i>, <i>because</i>, <i>that</i>; <i>when</i> and <i>while</i> clauses share
/// the date of their main clause), future dates excluded;</item>
/// <item>in a clause opened by "a day after", the anchor date of the sentence minus one day;</item>
/// <item>for a speech act: the date of the sentence's reporting verb ("said on Friday"), else the date of the
/// same speaker's previous dated statement in the article (a speech reported over several sentences), unless
/// the verb is in the perfect ("has said");</item>
/// <item>otherwise none.</item>
/// </list>
/// Intent and threat events (roots 03 and 13) take the announcement date, never the planned one. Stateless
/// and thread-safe.
/// </summary>
public sealed class EventDateResolver
{
    private static readonly FrozenSet<string> Barriers = new[]
    {
        ";", "which", "who", "whose", "whom", "where", "after", "before", "although", "though",
        "because", "but", "whereas", "until", "that", "since", "following", "amid",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> PresentPerfectMarkers = new[] { "has", "have" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> PerfectMarkers = new[] { "has", "have", "had", "previously", "earlier", "already" }
        .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> BarrierLookup = Barriers.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PerfectLookup = PerfectMarkers.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PresentPerfectLookup = PresentPerfectMarkers.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Finds and resolves the date expressions of every sentence.</summary>
    public static DateLayer FindAll(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var bySentence = new IReadOnlyList<DateExpression>[document.SentenceCount];
        for (int s = 0; s < bySentence.Length; s++)
        {
            bySentence[s] = DateFinder.Find(document, s, document.ReportDate);
        }

        return new DateLayer(document.ReportDate, bySentence);
    }

    /// <summary>The date of each event (parallel to <paramref name="events"/>), or null when the text gives none.</summary>
    public EventDate?[] Resolve(Document document, IReadOnlyList<CodedEvent> events, DateLayer dates)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(dates);
        var result = new EventDate?[events.Count];
        var lastSpeechDate = new Dictionary<string, (EventDate Date, int Sentence)>(StringComparer.Ordinal);
        EventDate? live = null;
        bool liveKnown = false;
        var order = Enumerable.Range(0, events.Count).OrderBy(i => events[i].SentenceIndex).ThenBy(i => events[i].TriggerFirst).ToArray();
        foreach (int e in order)
        {
            var ev = events[e];
            if (ev.SentenceIndex < 0 || ev.SentenceIndex >= document.SentenceCount)
            {
                continue;
            }

            var expressions = dates.BySentence[ev.SentenceIndex];
            var date = InClause(document, ev, expressions, dates.ReportDate);
            if (date is null && document.Sentence(ev.SentenceIndex).IsHeadline)
            {
                date = LeadDate(document, dates); // a headline restates the lead: "X attends the meeting" / "On April 14, X spoke"
            }

            bool isIntent = IsIntentOrThreat(ev.Record.Code);
            if (date is EventDate d && dates.ReportDate is DateOnly report && d.Date > report)
            {
                date = null; // a planned date is never the event's date
            }

            if (date is null && (EventPlaceResolver.IsSpeechLike(ev) || isIntent))
            {
                date = Reporting(expressions, dates.ReportDate);
                if (date is null && ev.Record.Source is string speaker && !InPerfect(document, ev)
                    && lastSpeechDate.TryGetValue(speaker, out var previous) && previous.Sentence <= ev.SentenceIndex)
                {
                    date = previous.Date;
                }
            }

            if (date is null && !liveKnown)
            {
                live = LiveDate(document, dates);
                liveKnown = true;
            }

            if (date is null && live is EventDate liveDate && !InPerfect(document, ev) && !isIntent)
            {
                date = liveDate; // "Heavy fighting broke out overnight ...": the article reports that day's acts
            }

            result[e] = date;
            bool statementOrMeeting = ev.IsSpeechAct || ev.Record.Root == "04";
            bool recent = dates.ReportDate is not DateOnly rd || (date is EventDate dd && dd.Date >= rd.AddDays(-7));
            if (date is EventDate dated && dated.Precision == DatePrecision.Day && statementOrMeeting && recent && ev.Record.Source is string source && !ev.IsEmbedded)
            {
                lastSpeechDate[source] = (dated, ev.SentenceIndex);
            }
        }

        return result;
    }

    /// <summary>Index of the lead: the first sentence that is not a headline, caption or dateline line; -1 when none.</summary>
    public static int LeadSentence(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        for (int s = 0; s < document.SentenceCount; s++)
        {
            var sentence = document.Sentence(s);
            bool datelineLine = document.Dateline?.Span is TextSpan d && d.Overlaps(sentence.Span) && sentence.Span.End <= d.End + 3;
            if (!sentence.IsHeadline && !datelineLine && sentence.TokenCount > 3)
            {
                return s;
            }
        }

        return -1;
    }

    /// <summary>
    /// The day of a live report: its lead dates its news "overnight", "today" or "tonight" (the report day), so the
    /// acts it goes on to report in the simple past are of that day. Null for other articles.
    /// </summary>
    private static EventDate? LiveDate(Document document, DateLayer dates)
    {
        int lead = LeadSentence(document);
        if (lead < 0 || dates.ReportDate is not DateOnly report)
        {
            return null;
        }

        foreach (var x in dates.BySentence[lead])
        {
            if (x.Kind == DateKind.ReportRelative && x.Value is { Precision: DatePrecision.Day } v && v.Date == report)
            {
                return v;
            }
        }

        return null;
    }

    private static EventDate? LeadDate(Document document, DateLayer dates)
    {
        int lead = LeadSentence(document);
        if (lead < 0)
        {
            return null;
        }

        foreach (var x in dates.BySentence[lead])
        {
            if (x.Value is { Precision: DatePrecision.Day } v && !x.IsAttributive && !x.IsPossessive && !x.StartsClause
                && (dates.ReportDate is not DateOnly r || v.Date <= r))
            {
                return v;
            }
        }

        return null;
    }

    /// <summary>True for intents (root 03) and threats (root 13), dated by their announcement.</summary>
    public static bool IsIntentOrThreat(string code) => code.StartsWith("03", StringComparison.Ordinal) || code.StartsWith("13", StringComparison.Ordinal);

    private static EventDate? InClause(Document document, CodedEvent ev, IReadOnlyList<DateExpression> expressions, DateOnly? report)
    {
        if (expressions.Count == 0)
        {
            return null;
        }

        var sentence = document.Sentence(ev.SentenceIndex);
        int clause = ClauseOf(document, sentence, expressions, ev.TriggerFirst, out var opener);
        DateExpression? best = null;
        int bestDistance = int.MaxValue;
        foreach (var x in expressions)
        {
            if (x.StartsClause || ClauseOf(document, sentence, expressions, x.First, out _) != clause)
            {
                continue;
            }

            int distance = x.First > ev.TriggerLast ? x.First - ev.TriggerLast : (ev.TriggerFirst - x.Last) + 1;
            if (x.IsAttributive && (x.First < ev.TriggerLast || distance > 4))
            {
                continue; // "the statement dated ...": only the statement's own event takes it
            }

            if (x.IsPossessive && (x.Last > ev.TriggerFirst || distance > 5))
            {
                continue; // "Thursday's police shootout": only the shootout takes it
            }

            if (x.IsReporting && !EventPlaceResolver.IsSpeechLike(ev) && (x.First > ev.TriggerLast || InPerfect(document, ev, presentOnly: true)))
            {
                continue; // "Pakistan has moved troops ..., PTI said on Friday": the report's day, not the move's
            }

            if (distance < bestDistance)
            {
                best = x;
                bestDistance = distance;
            }
        }

        if (best is not null)
        {
            return best.Kind == DateKind.AnchorRelative ? Anchored(expressions, best) : best.Value;
        }

        return opener is not null ? Anchored(expressions, opener) : null;
    }

    private static EventDate? Anchored(IReadOnlyList<DateExpression> expressions, DateExpression relative)
    {
        // The anchor: the nearest resolved day-precise date before the relative expression, else after it.
        DateExpression? anchor = null;
        foreach (var x in expressions)
        {
            if (x.Kind != DateKind.AnchorRelative && x.Value is { Precision: DatePrecision.Day } && (anchor is null || x.First < relative.First))
            {
                anchor = x;
            }
        }

        return anchor?.Value is EventDate a ? new EventDate(a.Date.AddDays(relative.DayOffset), DatePrecision.Day) : null;
    }

    private static EventDate? Reporting(IReadOnlyList<DateExpression> expressions, DateOnly? report)
    {
        foreach (var x in expressions)
        {
            if (x.IsReporting && x.Value is EventDate v && (report is not DateOnly r || v.Date <= r))
            {
                return v;
            }
        }

        return null;
    }

    private static int ClauseOf(Document document, Sentence sentence, IReadOnlyList<DateExpression> expressions, int token, out DateExpression? opener)
    {
        int clause = 0;
        opener = null;
        for (int i = sentence.TokenStart; i < token && i < sentence.TokenEnd; i++)
        {
            var text = document.TokenText(i);
            DateExpression? starting = null;
            foreach (var x in expressions)
            {
                if (x.StartsClause && x.First == i)
                {
                    starting = x;
                }
            }

            if (starting is not null)
            {
                clause++;
                opener = starting;
                i = starting.Last;
                continue;
            }

            if (BarrierLookup.Contains(text))
            {
                clause++;
                opener = null;
            }
        }

        return clause;
    }

    private static bool InPerfect(Document document, CodedEvent ev, bool presentOnly = false)
    {
        var markers = presentOnly ? PresentPerfectLookup : PerfectLookup;
        var sentence = document.Sentence(ev.SentenceIndex);
        for (int i = Math.Max(sentence.TokenStart, ev.TriggerFirst - 5); i < ev.TriggerLast && i < ev.TriggerFirst + 3; i++)
        {
            if (markers.Contains(document.TokenText(i)))
            {
                return true;
            }
        }

        return false;
    }
}
