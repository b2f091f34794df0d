using System.Text.Json;

namespace Dyad.Coding.Training;

/// <summary>How a labelled act is to be read (corpus/AUTHORING.md): the first five are coded events, the rest are
/// mentions of acts the rules leave uncoded.</summary>
public enum EventMode
{
    /// <summary>The act happened, reported as fact.</summary>
    Asserted,
    /// <summary>Explicit non-occurrence (CODING_RULES 9).</summary>
    Negated,
    /// <summary>A future or planned cooperative act, coded as 03x intent (CODING_RULES 10).</summary>
    Intended,
    /// <summary>A future or conditional conflictual act, coded as a 13x threat.</summary>
    Threat,
    /// <summary>A bounded past incident mentioned as background (CODING_RULES 11).</summary>
    Background,
    /// <summary>An act framed as alleged (CODING_RULES 8.2): not coded.</summary>
    Alleged,
    /// <summary>An unconfirmed or speculative act (CODING_RULES 9): not coded.</summary>
    Hedged,
    /// <summary>A generic reference, or an act only asked for or discussed: not coded.</summary>
    Generic,
}

/// <summary>A labelled span of the document's text, half-open character offsets.</summary>
/// <param name="Start">First character.</param>
/// <param name="End">One past the last character.</param>
public readonly record struct LabelSpan(int Start, int End);

/// <summary>One labelled act of a corpus document, its spans resolved to offsets into the text.</summary>
public sealed record CorpusEvent
{
    /// <summary>The trigger's words.</summary>
    public required LabelSpan Trigger { get; init; }

    /// <summary>Full CAMEO code.</summary>
    public required string Code { get; init; }

    /// <summary>How the act is reported.</summary>
    public required EventMode Mode { get; init; }

    /// <summary>Words naming the source, or null (none named, or implied).</summary>
    public LabelSpan? Source { get; init; }

    /// <summary>Source actor code, or null.</summary>
    public string? SourceCode { get; init; }

    /// <summary>Words naming the target, or null.</summary>
    public LabelSpan? Target { get; init; }

    /// <summary>Target actor code, or null.</summary>
    public string? TargetCode { get; init; }

    /// <summary>True when the event stands for both directions of a reciprocal act.</summary>
    public bool Reciprocal { get; init; }

    /// <summary>True for an OPTIONAL event.</summary>
    public bool Optional { get; init; }

    /// <summary>Other acceptable codes.</summary>
    public IReadOnlyList<string> AltCodes { get; init; } = [];

    /// <summary>The words dating the act, or null.</summary>
    public LabelSpan? DateWords { get; init; }

    /// <summary>Event date (yyyy-MM-dd) or null.</summary>
    public string? EventDate { get; init; }

    /// <summary>The words placing the act, or null.</summary>
    public LabelSpan? PlaceWords { get; init; }

    /// <summary>Place name, or null.</summary>
    public string? PlaceName { get; init; }

    /// <summary>Place country (ISO alpha-2), or null.</summary>
    public string? PlaceCountry { get; init; }

    /// <summary>True for the modes that are coded events.</summary>
    public bool IsCoded => Mode <= EventMode.Background;
}

/// <summary>One labelled document of the training corpus.</summary>
public sealed record CorpusDocument
{
    /// <summary>Document id.</summary>
    public required string Id { get; init; }

    /// <summary>The text.</summary>
    public required string Text { get; init; }

    /// <summary>The report date given as metadata, or null.</summary>
    public DateOnly? ReportDate { get; init; }

    /// <summary>"synthetic", "paraphrase" or "codebook".</summary>
    public required string Origin { get; init; }

    /// <summary>Where the document was read from (file:line).</summary>
    public required string Location { get; init; }

    /// <summary>Labelled acts.</summary>
    public required IReadOnlyList<CorpusEvent> Events { get; init; }
}

/// <summary>A problem in a corpus file: where and what. Bad lines are reported and skipped, never fatal.</summary>
/// <param name="Location">file:line.</param>
/// <param name="Message">What is wrong.</param>
public sealed record CorpusProblem(string Location, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Location}: {Message}";
}

/// <summary>
/// Reads the labelled corpus (corpus/docs/**/*.jsonl, format in corpus/AUTHORING.md). Every span is resolved to
/// character offsets: the trigger through its anchor or its single occurrence, actors, dates and places at the
/// occurrence nearest the trigger. Lines that do not parse or whose spans cannot be found are reported as
/// problems and left out; the rest of the file is still read.
/// </summary>
public static class EventCorpus
{
    /// <summary>Reads every <c>.jsonl</c> file under <paramref name="path"/> (a file or a folder), in ordinal path order.</summary>
    public static (List<CorpusDocument> Documents, List<CorpusProblem> Problems) Read(string path)
    {
        var files = Directory.Exists(path)
            ? Directory.GetFiles(path, "*.jsonl", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList()
            : [path];
        var docs = new List<CorpusDocument>();
        var problems = new List<CorpusProblem>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (string file in files)
        {
            if (!File.Exists(file))
            {
                problems.Add(new CorpusProblem(file, "no such file or folder"));
                continue;
            }

            int lineNo = 0;
            foreach (string line in File.ReadLines(file))
            {
                lineNo++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                string where = $"{file}:{lineNo}";
                var doc = ParseLine(line, where, problems);
                if (doc is null)
                {
                    continue;
                }

                if (!ids.Add(doc.Id))
                {
                    problems.Add(new CorpusProblem(where, $"id '{doc.Id}' is used twice; the second is left out"));
                    continue;
                }

                docs.Add(doc);
            }
        }

        return (docs, problems);
    }

    /// <summary>Parses one corpus line; null (with a problem added) when it cannot be used.</summary>
    public static CorpusDocument? ParseLine(string line, string where, List<CorpusProblem> problems)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            problems.Add(new CorpusProblem(where, $"invalid JSON: {ex.Message}"));
            return null;
        }

        using (json)
        {
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object || Str(root, "id") is not string id || Str(root, "text") is not string text || text.Length == 0)
            {
                problems.Add(new CorpusProblem(where, "a line needs an object with 'id' and a non-empty 'text'"));
                return null;
            }

            DateOnly? date = null;
            if (Str(root, "dateline_date") is string d)
            {
                if (!DateOnly.TryParseExact(d, "yyyy-MM-dd", out var parsed))
                {
                    problems.Add(new CorpusProblem(where, $"dateline_date '{d}' is not yyyy-MM-dd"));
                    return null;
                }

                date = parsed;
            }

            var events = new List<CorpusEvent>();
            if (root.TryGetProperty("events", out var evs) && evs.ValueKind == JsonValueKind.Array)
            {
                int n = 0;
                foreach (var e in evs.EnumerateArray())
                {
                    n++;
                    string? error = null;
                    var ev = e.ValueKind == JsonValueKind.Object ? ParseEvent(e, text, out error) : null;
                    if (ev is null)
                    {
                        problems.Add(new CorpusProblem(where, $"{id} event {n}: {error ?? "not an object"}; the document is left out"));
                        return null;
                    }

                    events.Add(ev);
                }
            }
            else
            {
                problems.Add(new CorpusProblem(where, $"{id}: 'events' must be a list"));
                return null;
            }

            return new CorpusDocument { Id = id, Text = text, ReportDate = date, Origin = Str(root, "origin") ?? "synthetic", Location = where, Events = events };
        }
    }

    private static CorpusEvent? ParseEvent(JsonElement e, string text, out string? error)
    {
        error = null;
        if (Str(e, "trigger") is not string trigger || Str(e, "code") is not string code)
        {
            error = "needs 'trigger' and 'code'";
            return null;
        }

        if (!Enum.TryParse<EventMode>(Str(e, "mode") ?? "asserted", ignoreCase: true, out var mode) || int.TryParse(Str(e, "mode"), out _))
        {
            error = $"unknown mode '{Str(e, "mode")}'";
            return null;
        }

        int triggerAt;
        if (Str(e, "anchor") is string anchor)
        {
            var anchors = Occurrences(text, anchor);
            var inner = Occurrences(anchor, trigger);
            if (anchors.Count != 1 || inner.Count == 0)
            {
                error = $"anchor '{anchor}' must occur once and contain the trigger '{trigger}'";
                return null;
            }

            triggerAt = anchors[0] + inner[0];
        }
        else
        {
            var occ = Occurrences(text, trigger);
            if (occ.Count != 1)
            {
                error = occ.Count == 0 ? $"trigger '{trigger}' is not in the text" : $"trigger '{trigger}' occurs {occ.Count} times and has no anchor";
                return null;
            }

            triggerAt = occ[0];
        }

        var triggerSpan = new LabelSpan(triggerAt, triggerAt + trigger.Length);
        LabelSpan? Near(string field, out bool missing)
        {
            missing = false;
            if (Str(e, field) is not string words)
            {
                return null;
            }

            var occ = Occurrences(text, words);
            if (occ.Count == 0)
            {
                missing = true;
                return null;
            }

            int best = occ.MinBy(o => Math.Abs(o - triggerAt));
            return new LabelSpan(best, best + words.Length);
        }

        var source = Near("source", out bool m1);
        var target = Near("target", out bool m2);
        var dateWords = Near("date", out bool m3);
        var placeWords = Near("place", out bool m4);
        if (m1 || m2 || m3 || m4)
        {
            error = "a source, target, date or place is not in the text";
            return null;
        }

        string? placeName = null, placeCountry = null;
        if (e.TryGetProperty("location", out var loc) && loc.ValueKind == JsonValueKind.Object)
        {
            placeName = Str(loc, "name");
            placeCountry = Str(loc, "country_iso2");
        }

        return new CorpusEvent
        {
            Trigger = triggerSpan,
            Code = code,
            Mode = mode,
            Source = source,
            SourceCode = Str(e, "source_code"),
            Target = target,
            TargetCode = Str(e, "target_code"),
            Reciprocal = e.TryGetProperty("reciprocal", out var r) && r.ValueKind == JsonValueKind.True,
            Optional = e.TryGetProperty("optional", out var o) && o.ValueKind == JsonValueKind.True,
            AltCodes = e.TryGetProperty("alt_codes", out var alts) && alts.ValueKind == JsonValueKind.Array
                ? alts.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.String).Select(a => a.GetString()!).ToList()
                : [],
            DateWords = dateWords,
            EventDate = Str(e, "event_date"),
            PlaceWords = placeWords,
            PlaceName = placeName,
            PlaceCountry = placeCountry,
        };
    }

    /// <summary>Start offsets of <paramref name="phrase"/> in <paramref name="text"/> at word boundaries.</summary>
    public static List<int> Occurrences(string text, string phrase)
    {
        var found = new List<int>();
        if (phrase.Length == 0)
        {
            return found;
        }

        for (int i = text.IndexOf(phrase, StringComparison.Ordinal); i >= 0; i = text.IndexOf(phrase, i + 1, StringComparison.Ordinal))
        {
            bool startOk = i == 0 || !(char.IsLetterOrDigit(text[i - 1]) && char.IsLetterOrDigit(phrase[0]));
            int end = i + phrase.Length;
            bool endOk = end == text.Length || !(char.IsLetterOrDigit(text[end]) && char.IsLetterOrDigit(phrase[^1]));
            if (startOk && endOk)
            {
                found.Add(i);
            }
        }

        return found;
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
