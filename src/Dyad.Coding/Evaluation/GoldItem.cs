using System.Text.Json;

namespace Dyad.Coding.Evaluation;

/// <summary>One hand-coded event of a gold item (schema of ../shared/eval, CODING_RULES section 1).</summary>
public sealed record GoldEvent
{
    /// <summary>Source actor code, or null (wildcard).</summary>
    public string? Source { get; init; }

    /// <summary>Target actor code, or null (wildcard).</summary>
    public string? Target { get; init; }

    /// <summary>Two-digit root.</summary>
    public required string Root { get; init; }

    /// <summary>Full CAMEO code.</summary>
    public required string Code { get; init; }

    /// <summary>Other codes that count as a full match.</summary>
    public IReadOnlyList<string> AltCodes { get; init; } = [];

    /// <summary>Other source codes that count.</summary>
    public IReadOnlyList<string> AltSources { get; init; } = [];

    /// <summary>Other target codes that count.</summary>
    public IReadOnlyList<string> AltTargets { get; init; } = [];

    /// <summary>True when the act did not happen.</summary>
    public bool Negated { get; init; }

    /// <summary>Event date (yyyy-MM-dd) or null.</summary>
    public string? EventDate { get; init; }

    /// <summary>Place name or null.</summary>
    public string? PlaceName { get; init; }

    /// <summary>Place country (ISO alpha-2) or null.</summary>
    public string? PlaceCountry { get; init; }

    /// <summary>True when the gold has a location object.</summary>
    public bool HasLocation { get; init; }

    /// <summary>The coder's note.</summary>
    public string Note { get; init; } = string.Empty;

    /// <summary>OPTIONAL events are neither missed nor false when produced.</summary>
    public bool Optional => Note.StartsWith("OPTIONAL:", StringComparison.Ordinal);
}

/// <summary>One gold item: an article with its expected events.</summary>
public sealed record GoldItem
{
    /// <summary>Item id.</summary>
    public required string Id { get; init; }

    /// <summary>The article text (placeholder resolved).</summary>
    public required string Text { get; init; }

    /// <summary>Report date given as metadata.</summary>
    public DateOnly? DatelineDate { get; init; }

    /// <summary>seed, coded, tricky or negative.</summary>
    public string Category { get; init; } = string.Empty;

    /// <summary>Phenomena tags.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Expected events.</summary>
    public required IReadOnlyList<GoldEvent> Events { get; init; }

    /// <summary>
    /// Reads a gold JSONL file. <c>@seed:FILE</c> texts are read from <paramref name="seedDirectory"/>; an item
    /// whose text cannot be resolved is reported in <paramref name="problems"/> and skipped.
    /// </summary>
    public static List<GoldItem> ReadFile(string path, string? seedDirectory, List<string> problems)
    {
        var items = new List<GoldItem>();
        int lineNumber = 0;
        foreach (string line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var json = JsonDocument.Parse(line);
                var root = json.RootElement;
                string id = root.GetProperty("id").GetString() ?? throw new JsonException("id is null");
                string text = root.GetProperty("text").GetString() ?? string.Empty;
                if (text.StartsWith("@seed:", StringComparison.Ordinal))
                {
                    string file = text["@seed:".Length..];
                    string? resolved = seedDirectory is null ? null : Path.Combine(seedDirectory, file);
                    if (resolved is null || !File.Exists(resolved))
                    {
                        problems.Add($"{path}:{lineNumber}: item '{id}' refers to {text}; give --seed-dir with the folder holding {file}. Item skipped.");
                        continue;
                    }

                    text = File.ReadAllText(resolved);
                }

                DateOnly? date = root.TryGetProperty("dateline_date", out var d) && d.ValueKind == JsonValueKind.String && DateOnly.TryParse(d.GetString(), System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
                var events = new List<GoldEvent>();
                foreach (var e in root.GetProperty("events").EnumerateArray())
                {
                    string code = e.GetProperty("code").GetString()!;
                    bool hasLocation = e.TryGetProperty("location", out var loc) && loc.ValueKind == JsonValueKind.Object;
                    events.Add(new GoldEvent
                    {
                        Source = Str(e, "source"),
                        Target = Str(e, "target"),
                        Root = Str(e, "root") ?? code[..2],
                        Code = code,
                        AltCodes = StrList(e, "alt_codes"),
                        AltSources = StrList(e, "alt_source"),
                        AltTargets = StrList(e, "alt_target"),
                        Negated = e.TryGetProperty("negated", out var n) && n.ValueKind == JsonValueKind.True,
                        EventDate = Str(e, "event_date"),
                        HasLocation = hasLocation,
                        PlaceName = hasLocation ? Str(loc, "name") : null,
                        PlaceCountry = hasLocation ? Str(loc, "country_iso2") : null,
                        Note = Str(e, "note") ?? string.Empty,
                    });
                }

                items.Add(new GoldItem
                {
                    Id = id,
                    Text = text,
                    DatelineDate = date,
                    Category = Str(root, "category") ?? string.Empty,
                    Tags = StrList(root, "tags"),
                    Events = events,
                });
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                problems.Add($"{path}:{lineNumber}: not a gold item ({ex.Message}). Item skipped.");
            }
        }

        return items;
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static IReadOnlyList<string> StrList(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var v))
        {
            return [];
        }

        return v.ValueKind switch
        {
            JsonValueKind.Array => v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList(),
            JsonValueKind.String => [v.GetString()!],
            _ => [],
        };
    }
}
