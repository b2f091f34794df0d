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

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> CoordinatorLookup =
        new[] { "and", "but", "while" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SubjectStartLookup =
        new[] { "a", "an", "the", "this", "that", "these", "those", "its", "his", "her", "their", "he", "she", "it", "they", "we", "i", "police", "troops" }
            .ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

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
        Dictionary<string, (EventDate Date, int Sentence)>? lastSpeechDate = null;
        EventDate? live = null;
        bool liveKnown = false, sameDayReport = false;
        int liveLead = -1;
        var order = new int[events.Count];
        var keys = new long[events.Count];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
            keys[i] = ((long)events[i].SentenceIndex << 42) | ((long)(events[i].TriggerFirst & 0x1FFFFF) << 21) | (uint)i;
        }

        Array.Sort(keys, order); // by sentence, then trigger, then position (a stable sort)
        foreach (int e in order)
        {
            var ev = events[e];
            if (ev.SentenceIndex < 0 || ev.SentenceIndex >= document.SentenceCount)
            {
                continue;
            }

            var expressions = dates.BySentence[ev.SentenceIndex];
            var date = expressions.Count == 0 ? null : InClause(document, ev, expressions);
            if (date is null && document.Sentence(ev.SentenceIndex).IsHeadline)
            {
                date = LeadDate(document, dates); // a headline restates the lead: "X attends the meeting" / "On April 14, X spoke"
            }

            if (ev.IsReference)
            {
                result[e] = date; // a past agreement referred to by name: dated by its own words or not at all
                continue;
            }

            bool isIntent = IsIntentOrThreat(ev.Record.Code);
            if (date is EventDate d && dates.ReportDate is DateOnly report && d.Date > report)
            {
                date = null; // a planned date is never the event's date
            }

            if (date is null && (EventPlaceResolver.IsSpeechLike(ev) || isIntent))
            {
                date = Reporting(expressions, dates.ReportDate);
                if (date is null && ev.Record.Source is string speaker && lastSpeechDate is not null && !InPerfect(document, ev)
                    && lastSpeechDate.TryGetValue(speaker, out var previous) && previous.Sentence <= ev.SentenceIndex)
                {
                    date = previous.Date;
                }
            }

            if (date is null && !liveKnown)
            {
                live = LiveDate(document, dates, out sameDayReport, out liveLead);
                liveKnown = true;
            }

            if (date is null && live is EventDate liveDate && !InPerfect(document, ev) && !isIntent
                && !(sameDayReport && (ev.IsEmbedded || ev.SentenceIndex <= liveLead || PerfectAhead(document, ev))))
            {
                date = liveDate; // "Heavy fighting broke out overnight ...": the article reports that day's acts
            }

            result[e] = date;
            bool statementOrMeeting = ev.IsSpeechAct || ev.Record.Root == "04";
            bool recent = dates.ReportDate is not DateOnly rd || (date is EventDate dd && dd.Date >= rd.AddDays(-7));
            if (date is EventDate dated && dated.Precision == DatePrecision.Day && statementOrMeeting && recent && ev.Record.Source is string source && !ev.IsEmbedded)
            {
                lastSpeechDate ??= new Dictionary<string, (EventDate Date, int Sentence)>(StringComparer.Ordinal);
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
    private static EventDate? LiveDate(Document document, DateLayer dates, out bool sameDay, out int leadSentence)
    {
        sameDay = false;
        leadSentence = -1;
        int lead = LeadSentence(document);
        if (lead < 0 || dates.ReportDate is not DateOnly report)
        {
            return null;
        }

        for (int ix = 0; ix < dates.BySentence[lead].Count; ix++)
        {
            var x = dates.BySentence[lead][ix];
            if (x.Value is not { Precision: DatePrecision.Day } v || v.Date != report || x.IsAttributive || x.IsPossessive || x.StartsClause)
            {
                continue;
            }

            // "overnight", "today"; and the wire's "on Tuesday" in a Tuesday report, unless it only dates the report
            // itself ("the Kremlin said on Monday").
            if (x.Kind == DateKind.ReportRelative || (x.Kind == DateKind.Weekday && !x.IsReporting))
            {
                sameDay = x.Kind == DateKind.Weekday;
                leadSentence = lead;
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

        for (int ix = 0; ix < dates.BySentence[lead].Count; ix++)
        {
            var x = dates.BySentence[lead][ix];
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

    private static EventDate? InClause(Document document, CodedEvent ev, IReadOnlyList<DateExpression> expressions)
    {
        Span<int> clauseOf = expressions.Count <= 32 ? stackalloc int[expressions.Count] : new int[expressions.Count];
        int clause = Clauses(document, document.Sentence(ev.SentenceIndex), expressions, ev.TriggerFirst, clauseOf, out var opener);
        DateExpression? best = null;
        int bestDistance = int.MaxValue;
        for (int xi = 0; xi < expressions.Count; xi++)
        {
            var x = expressions[xi];
            if (x.StartsClause || clauseOf[xi] != clause)
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

            if (x.First > ev.TriggerLast && CoordinatedClauseBetween(document, ev.TriggerLast, x.First))
            {
                continue; // "Relief flights ... have already landed, and a French aircraft arrived on Saturday": the second act's day
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
        for (int ix = 0; ix < expressions.Count; ix++)
        {
            var x = expressions[ix];
            if (x.Kind != DateKind.AnchorRelative && x.Value is { Precision: DatePrecision.Day } && (anchor is null || x.First < relative.First))
            {
                anchor = x;
            }
        }

        return anchor?.Value is EventDate a ? new EventDate(a.Date.AddDays(relative.DayOffset), DatePrecision.Day) : null;
    }

    private static EventDate? Reporting(IReadOnlyList<DateExpression> expressions, DateOnly? report)
    {
        for (int ix = 0; ix < expressions.Count; ix++)
        {
            var x = expressions[ix];
            if (x.IsReporting && x.Value is EventDate v && (report is not DateOnly r || v.Date <= r))
            {
                return v;
            }
        }

        return null;
    }

    /// <summary>
    /// One pass over the sentence: the clause of <paramref name="trigger"/> (its return value, with the date that
    /// opens it, if any) and of the first token of each expression (<paramref name="clauseOf"/>). Clauses end at
    /// the barrier words and at the start of a clause-opening date ("a day after ..."), which opens the next.
    /// </summary>
    private static int Clauses(Document document, Sentence sentence, IReadOnlyList<DateExpression> expressions, int trigger, Span<int> clauseOf, out DateExpression? opener)
    {
        int c = 0, triggerClause = -1;
        DateExpression? open = null;
        opener = null;
        int end = sentence.TokenEnd;
        for (int i = sentence.TokenStart; i <= end; i++)
        {
            // The clause of a token counts the barriers strictly before it.
            if (i == trigger || (i == end && triggerClause < 0))
            {
                triggerClause = c;
                opener = open;
            }

            for (int xi = 0; xi < expressions.Count; xi++)
            {
                if (expressions[xi].First == i)
                {
                    clauseOf[xi] = c;
                }
            }

            if (i == end)
            {
                break;
            }

            DateExpression? starting = null;
            for (int ix = 0; ix < expressions.Count; ix++)
            {
                var x = expressions[ix];
                if (x.StartsClause && x.First == i)
                {
                    starting = x;
                }
            }

            if (starting is not null)
            {
                c++;
                open = starting;
                for (int k = i + 1; k <= starting.Last && k < end; k++)
                {
                    if (k == trigger)
                    {
                        triggerClause = c;
                        opener = open;
                    }

                    for (int xi = 0; xi < expressions.Count; xi++)
                    {
                        if (expressions[xi].First == k)
                        {
                            clauseOf[xi] = c;
                        }
                    }
                }

                i = Math.Max(i, starting.Last);
                continue;
            }

            if (BarrierLookup.Contains(document.TokenText(i)))
            {
                c++;
                open = null;
            }
        }

        return triggerClause;
    }

    /// <summary>
    /// True when a coordinated clause with its own subject starts between the two tokens: a comma, then "and",
    /// "but" or "while", then a determiner, pronoun or name ("..., and a French aircraft arrived on Saturday"). A
    /// date after it belongs to that clause's act.
    /// </summary>
    private static bool CoordinatedClauseBetween(Document document, int from, int to)
    {
        for (int i = from + 1; i + 2 < to; i++)
        {
            if (document.TokenText(i) is not "," || !CoordinatorLookup.Contains(document.TokenText(i + 1)))
            {
                continue;
            }

            var subject = document.TokenText(i + 2);
            if (SubjectStartLookup.Contains(subject) || (document.Token(i + 2).Kind == TokenKind.Word && char.IsUpper(subject[0])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when the verb of a noun-led act is in the perfect a few words after its trigger, within its clause
    /// ("Relief flights from Turkey ... have already landed"): such an act is not the day's news.
    /// </summary>
    private static bool PerfectAhead(Document document, CodedEvent ev)
    {
        var sentence = document.Sentence(ev.SentenceIndex);
        for (int i = ev.TriggerLast + 1; i < Math.Min(sentence.TokenEnd, ev.TriggerLast + 13); i++)
        {
            var word = document.TokenText(i);
            if (word is ";" || BarrierLookup.Contains(word) || (word is "," && i + 1 < sentence.TokenEnd && CoordinatorLookup.Contains(document.TokenText(i + 1))))
            {
                return false;
            }

            if (PresentPerfectLookup.Contains(word) || word.Equals("had", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
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
