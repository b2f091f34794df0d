using System.Text.Json.Serialization;

namespace Dyad.Coding;

/// <summary>
/// One coded event: who did what to whom, when and where, with the words that support it. The JSON field
/// names are a contract read by external tooling (see docs/event-record.md): add fields, never rename.
/// </summary>
public sealed record EventRecord
{
    /// <summary>This record with the code, name, root, quad class, Goldstein value and PLOVER type of <paramref name="type"/>.</summary>
    public EventRecord WithType(Dyad.Lexicon.CameoEventType type) => this with
    {
        Code = type.Code,
        CodeName = type.Name,
        Root = type.Root,
        Quad = type.Quad,
        Goldstein = type.Goldstein,
        Plover = type.Plover,
    };

    /// <summary>Document id.</summary>
    [JsonPropertyName("doc_id")]
    public required string DocId { get; init; }

    /// <summary>0-based index of the sentence holding the trigger.</summary>
    [JsonPropertyName("sentence")]
    public required int Sentence { get; init; }

    /// <summary>CAMEO actor code of the source, or null when unknown.</summary>
    [JsonPropertyName("source")]
    public string? Source { get; init; }

    /// <summary>The words that name the source.</summary>
    [JsonPropertyName("source_text")]
    public string? SourceText { get; init; }

    /// <summary>CAMEO actor code of the target, or null when there is none.</summary>
    [JsonPropertyName("target")]
    public string? Target { get; init; }

    /// <summary>The words that name the target.</summary>
    [JsonPropertyName("target_text")]
    public string? TargetText { get; init; }

    /// <summary>CAMEO event code (2 to 4 digits).</summary>
    [JsonPropertyName("code")]
    public required string Code { get; init; }

    /// <summary>CAMEO root (first two digits).</summary>
    [JsonPropertyName("root")]
    public required string Root { get; init; }

    /// <summary>Quad class 1-4 (verbal/material cooperation/conflict), from the root.</summary>
    [JsonPropertyName("quad")]
    public required int Quad { get; init; }

    /// <summary>Goldstein scale value of the code (-10 to +10).</summary>
    [JsonPropertyName("goldstein")]
    public required double Goldstein { get; init; }

    /// <summary>True when the text says the act did not happen.</summary>
    [JsonPropertyName("negated")]
    public bool Negated { get; init; }

    /// <summary>Event date (yyyy-MM-dd, or yyyy-MM / yyyy by precision), or null when the text gives none.</summary>
    [JsonPropertyName("date")]
    public string? Date { get; init; }

    /// <summary>Where the act happened, or null.</summary>
    [JsonPropertyName("location")]
    public EventLocation? Location { get; init; }

    /// <summary>The sentence that supports the event.</summary>
    [JsonPropertyName("evidence")]
    public required Evidence Evidence { get; init; }

    /// <summary>The dictionary rule that fired: <c>file:line pattern</c>.</summary>
    [JsonPropertyName("rule")]
    public required string Rule { get; init; }

    /// <summary>PLOVER event type for the CAMEO code.</summary>
    [JsonPropertyName("plover")]
    public string? Plover { get; init; }

    /// <summary>Name of the CAMEO code.</summary>
    [JsonPropertyName("code_name")]
    public string? CodeName { get; init; }

    /// <summary>The trigger words (verb or noun phrase) in the original text.</summary>
    [JsonPropertyName("trigger")]
    public required Evidence Trigger { get; init; }

    /// <summary>Character span of the source mention, if any.</summary>
    [JsonPropertyName("source_span")]
    public int[]? SourceSpan { get; init; }

    /// <summary>Character span of the target mention, if any.</summary>
    [JsonPropertyName("target_span")]
    public int[]? TargetSpan { get; init; }

    /// <summary>Version of the dictionaries that produced the event.</summary>
    [JsonPropertyName("dict_version")]
    public string? DictionaryVersion { get; init; }

    /// <summary>Date precision: day, month or year; null when there is no date.</summary>
    [JsonPropertyName("date_precision")]
    public string? DatePrecision { get; init; }
}

/// <summary>Place of an event.</summary>
/// <param name="Name">Place name as the text gives it.</param>
/// <param name="Country">ISO 3166 alpha-2 country, or null (seas, border zones).</param>
/// <param name="Lat">Latitude in degrees, if known.</param>
/// <param name="Lon">Longitude in degrees, if known.</param>
public sealed record EventLocation(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("country")] string? Country,
    [property: JsonPropertyName("lat")] double? Lat,
    [property: JsonPropertyName("lon")] double? Lon)
{
    /// <summary>First-level administrative region, if known.</summary>
    [JsonPropertyName("admin1")]
    public string? Admin1 { get; init; }

    /// <summary>GeoNames id, if known.</summary>
    [JsonPropertyName("geonames_id")]
    public long? GeoNamesId { get; init; }

    /// <summary>Confidence 0-1 in the place.</summary>
    [JsonPropertyName("confidence")]
    public double? Confidence { get; init; }
}

/// <summary>A span of the original text with its characters.</summary>
/// <param name="Start">Offset of the first character (inclusive).</param>
/// <param name="End">Offset after the last character (exclusive).</param>
/// <param name="Text">The characters.</param>
public sealed record Evidence(
    [property: JsonPropertyName("start")] int Start,
    [property: JsonPropertyName("end")] int End,
    [property: JsonPropertyName("text")] string Text);
