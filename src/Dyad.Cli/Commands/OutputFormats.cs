using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dyad.Coding;

namespace Dyad.Cli.Commands;

/// <summary>JSON options for event output: field names from the attributes, nulls kept, readable non-ASCII.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.Never, WriteIndented = false)]
[JsonSerializable(typeof(EventRecord))]
internal sealed partial class EventJsonContext : JsonSerializerContext;

/// <summary>Writes events as JSONL, CSV or a table for people.</summary>
internal static class EventWriter
{
    private static readonly JsonSerializerOptions JsonOptions = new(EventJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly string[] CsvColumns =
    [
        "doc_id", "sentence", "source", "source_text", "target", "target_text", "code", "code_name", "root", "quad", "goldstein",
        "negated", "date", "location_name", "location_country", "lat", "lon", "plover", "rule", "trigger", "evidence_start", "evidence_end",
    ];

    public static void WriteHeader(TextWriter output, string format)
    {
        if (format == "csv")
        {
            output.WriteLine(string.Join(',', CsvColumns));
        }
        else if (format == "table")
        {
            output.WriteLine($"{"doc",-14} {"source",-10} {"code",-5} {"event",-34} {"target",-10} {"date",-10} {"place",-18} evidence");
            output.WriteLine(new string('-', 140));
        }
    }

    public static void Write(TextWriter output, string format, EventRecord e)
    {
        switch (format)
        {
            case "csv":
                output.WriteLine(string.Join(',', CsvRow(e).Select(Csv)));
                break;
            case "table":
                string evidence = Snippet(e);
                output.WriteLine($"{Cut(e.DocId, 14),-14} {e.Source ?? "-",-10} {e.Code,-5} {Cut((e.Negated ? "NOT " : string.Empty) + e.CodeName, 34),-34} {e.Target ?? "-",-10} {e.Date ?? "-",-10} {Cut(e.Location is null ? "-" : $"{e.Location.Name} ({e.Location.Country})", 18),-18} {evidence}");
                break;
            default:
                output.WriteLine(JsonSerializer.Serialize(e, JsonOptions));
                break;
        }
    }

    private static IEnumerable<string?> CsvRow(EventRecord e) =>
    [
        e.DocId, e.Sentence.ToString(CultureInfo.InvariantCulture), e.Source, e.SourceText, e.Target, e.TargetText, e.Code, e.CodeName, e.Root,
        e.Quad.ToString(CultureInfo.InvariantCulture), e.Goldstein.ToString(CultureInfo.InvariantCulture), e.Negated ? "true" : "false", e.Date,
        e.Location?.Name, e.Location?.Country, e.Location?.Lat?.ToString(CultureInfo.InvariantCulture), e.Location?.Lon?.ToString(CultureInfo.InvariantCulture),
        e.Plover, e.Rule, e.Trigger.Text, e.Evidence.Start.ToString(CultureInfo.InvariantCulture), e.Evidence.End.ToString(CultureInfo.InvariantCulture),
    ];

    private static string Csv(string? value)
    {
        if (value is null)
        {
            return string.Empty;
        }

        bool quote = value.AsSpan().IndexOfAny(",\"\n\r") >= 0;
        return quote ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    /// <summary>The trigger in its context: up to 40 characters either side, on one line.</summary>
    private static string Snippet(EventRecord e)
    {
        string text = e.Evidence.Text;
        int start = e.Trigger.Start - e.Evidence.Start;
        int end = e.Trigger.End - e.Evidence.Start;
        if (start < 0 || end > text.Length)
        {
            return Cut(text, 80);
        }

        int from = Math.Max(0, start - 40);
        int to = Math.Min(text.Length, end + 40);
        var sb = new StringBuilder();
        sb.Append(from > 0 ? "…" : string.Empty).Append(text, from, start - from).Append('[').Append(text, start, end - start).Append(']').Append(text, end, to - end).Append(to < text.Length ? "…" : string.Empty);
        return sb.ToString().Replace('\n', ' ').Replace('\r', ' ');
    }

    private static string Cut(string s, int n) => s.Length <= n ? s : s[..(n - 1)] + "…";
}
