using System.Globalization;
using System.Text;
using System.Text.Json;
using Parquet;
using Parquet.Schema;

namespace Dyad.Store;

/// <summary>Writes stored events as JSONL, CSV/TSV in the GDELT 2.0 event-table layout, or Parquet.</summary>
public static class EventExport
{
    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The 61 columns of the GDELT 2.0 event table, in order.</summary>
    public static readonly IReadOnlyList<string> GdeltColumns =
    [
        "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
        "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode", "Actor1Religion1Code",
        "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
        "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode", "Actor2Religion1Code",
        "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
        "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
        "NumMentions", "NumSources", "NumArticles", "AvgTone",
        "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
        "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
        "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
        "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
        "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
        "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
        "DATEADDED", "SOURCEURL",
    ];

    private static readonly HashSet<string> TypeCodes = new(StringComparer.Ordinal)
    {
        "COP", "GOV", "INS", "JUD", "MIL", "OPP", "PTY", "REB", "SEP", "SPY", "UAF", "AGR", "BUS", "CRM", "CVL", "DEV",
        "EDU", "ELI", "ENV", "HLH", "HRI", "LAB", "LEG", "MED", "REF", "MOD", "RAD", "IGO", "NGO", "NGM", "MNC", "IMG",
    };

    /// <summary>
    /// Writes one JSON object a line: the event record (contract field names) plus <c>event_id</c>, <c>day</c>,
    /// <c>num_mentions</c>, <c>num_sources</c>, <c>num_articles</c>, <c>is_root</c> and <c>source_url</c>.
    /// </summary>
    /// <returns>Events written.</returns>
    public static async Task<long> WriteJsonLinesAsync(IAsyncEnumerable<StoredEvent> events, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(output);
        long n = 0;
        var sb = new StringBuilder(1024);
        await foreach (var e in events.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            string record = JsonSerializer.Serialize(e.Record, JsonOptions);
            sb.Clear();
            sb.Append(record, 0, record.Length - 1)
                .Append(",\"event_id\":").Append(e.Id.ToString(CultureInfo.InvariantCulture))
                .Append(",\"day\":").Append(e.Day is DateOnly d ? $"\"{d:yyyy-MM-dd}\"" : "null")
                .Append(",\"num_mentions\":").Append(e.NumMentions.ToString(CultureInfo.InvariantCulture))
                .Append(",\"num_sources\":").Append(e.NumSources.ToString(CultureInfo.InvariantCulture))
                .Append(",\"num_articles\":").Append(e.NumArticles.ToString(CultureInfo.InvariantCulture))
                .Append(",\"is_root\":").Append(e.IsRoot ? "true" : "false")
                .Append(",\"source_url\":").Append(e.SourceUrl is null ? "null" : JsonSerializer.Serialize(e.SourceUrl, JsonOptions))
                .Append('}');
            await output.WriteLineAsync(sb, cancellationToken).ConfigureAwait(false);
            n++;
        }

        return n;
    }

    /// <summary>
    /// Writes the GDELT 2.0 event-table layout (61 columns, see docs/store.md for what is filled).
    /// <paramref name="separator"/> tab without header is GDELT's own file format; comma with header is CSV
    /// (RFC 4180 quoting).
    /// </summary>
    /// <returns>Events written.</returns>
    public static async Task<long> WriteGdeltAsync(IAsyncEnumerable<StoredEvent> events, TextWriter output, char separator, bool header, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(output);
        if (header)
        {
            await output.WriteLineAsync(string.Join(separator, GdeltColumns)).ConfigureAwait(false);
        }

        long n = 0;
        var fields = new string?[GdeltColumns.Count];
        var sb = new StringBuilder(1024);
        await foreach (var e in events.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            FillGdelt(e, fields);
            sb.Clear();
            for (int i = 0; i < fields.Length; i++)
            {
                if (i > 0)
                {
                    sb.Append(separator);
                }

                AppendField(sb, fields[i], separator);
            }

            await output.WriteLineAsync(sb, cancellationToken).ConfigureAwait(false);
            n++;
        }

        return n;
    }

    /// <summary>The GDELT 2.0 fields of an event (null for a blank field).</summary>
    public static void FillGdelt(StoredEvent e, string?[] f)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(f);
        Array.Clear(f);
        var r = e.Record;
        var inv = CultureInfo.InvariantCulture;
        f[0] = e.Id.ToString(inv);
        if (e.Day is DateOnly day)
        {
            f[1] = day.ToString("yyyyMMdd", inv);
            f[2] = day.ToString("yyyyMM", inv);
            f[3] = day.Year.ToString(inv);
            f[4] = (day.Year + (day.DayOfYear / 365.0)).ToString("0.0000", inv);
        }

        FillActor(f, 5, r.Source, r.SourceText);
        FillActor(f, 15, r.Target, r.TargetText);
        f[25] = e.IsRoot ? "1" : "0";
        f[26] = r.Code;
        f[27] = r.Code.Length >= 3 ? r.Code[..3] : r.Code;
        f[28] = r.Root;
        f[29] = r.Quad.ToString(inv);
        f[30] = r.Goldstein.ToString("0.0", inv);
        f[31] = e.NumMentions.ToString(inv);
        f[32] = e.NumSources.ToString(inv);
        f[33] = e.NumArticles.ToString(inv);

        // AvgTone (34) and the actor geographies (35-50) are left blank: Dyad places the act, not the actors.
        if (r.Location is { } loc)
        {
            bool isCountry = loc.Lat is null && loc.Admin1 is null && loc.GeoNamesId is null;
            f[51] = isCountry ? "1" : "4";
            f[52] = loc.Name;
            f[53] = loc.Country;
            f[54] = loc.Admin1;
            f[56] = loc.Lat?.ToString("0.####", inv);
            f[57] = loc.Lon?.ToString("0.####", inv);
            f[58] = loc.GeoNamesId?.ToString(inv);
        }

        f[59] = e.AddedAt.ToString("yyyyMMddHHmmss", inv);
        f[60] = e.SourceUrl ?? r.DocId;
    }

    private static void FillActor(string?[] f, int at, string? code, string? name)
    {
        if (string.IsNullOrEmpty(code))
        {
            return;
        }

        f[at] = code;
        f[at + 1] = name?.ToUpperInvariant();
        int typeSlot = 0;
        for (int i = 0; i + 3 <= code.Length; i += 3)
        {
            string chunk = code.Substring(i, 3);
            if (TypeCodes.Contains(chunk))
            {
                if (typeSlot < 3)
                {
                    f[at + 7 + typeSlot++] = chunk;
                }
            }
            else if (i == 0)
            {
                f[at + 2] = chunk; // CAMEO country code
            }
            else
            {
                f[at + 3] ??= chunk; // known group (IGOs, NGOs, parties)
            }
        }
    }

    private static void AppendField(StringBuilder sb, string? value, char separator)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        if (separator == '\t')
        {
            // GDELT's own format has no quoting: tabs and line breaks inside a field become spaces.
            foreach (char c in value)
            {
                sb.Append(c is '\t' or '\n' or '\r' ? ' ' : c);
            }

            return;
        }

        if (value.AsSpan().IndexOfAny([separator, '"', '\n', '\r']) < 0)
        {
            sb.Append(value);
            return;
        }

        sb.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }

    /// <summary>Rows per Parquet row group.</summary>
    public const int ParquetRowGroupSize = 250_000;

    private static readonly DataField<long> PId = new("event_id", false);
    private static readonly DataField<DateTime?> PDay = new("day", true);
    private static readonly DataField<string> PDate = new("date", true);
    private static readonly DataField<string> PVersion = new("dict_version", true);
    private static readonly DataField<string> PDocId = new("doc_id", true);
    private static readonly DataField<int> PSentence = new("sentence", false);
    private static readonly DataField<string> PSource = new("source", true);
    private static readonly DataField<string> PSourceText = new("source_text", true);
    private static readonly DataField<string> PTarget = new("target", true);
    private static readonly DataField<string> PTargetText = new("target_text", true);
    private static readonly DataField<string> PCode = new("code", true);
    private static readonly DataField<string> PRoot = new("root", true);
    private static readonly DataField<int> PQuad = new("quad", false);
    private static readonly DataField<double> PGoldstein = new("goldstein", false);
    private static readonly DataField<bool> PNegated = new("negated", false);
    private static readonly DataField<string> PPlace = new("location_name", true);
    private static readonly DataField<string> PCountry = new("location_country", true);
    private static readonly DataField<double?> PLat = new("location_lat", true);
    private static readonly DataField<double?> PLon = new("location_lon", true);
    private static readonly DataField<string> PEvidence = new("evidence_text", true);
    private static readonly DataField<string> PTrigger = new("trigger_text", true);
    private static readonly DataField<string> PRule = new("rule", true);
    private static readonly DataField<string> PPlover = new("plover", true);
    private static readonly DataField<int> PMentions = new("num_mentions", false);
    private static readonly DataField<int> PSources = new("num_sources", false);
    private static readonly DataField<int> PArticles = new("num_articles", false);
    private static readonly DataField<bool> PIsRoot = new("is_root", false);
    private static readonly DataField<DateTime> PAdded = new("added_at", false);
    private static readonly DataField<string> PUrl = new("source_url", true);

    /// <summary>The Parquet schema of exported events.</summary>
    public static ParquetSchema ParquetSchema { get; } = new(
        PId, PDay, PDate, PVersion, PDocId, PSentence, PSource, PSourceText, PTarget, PTargetText, PCode, PRoot, PQuad,
        PGoldstein, PNegated, PPlace, PCountry, PLat, PLon, PEvidence, PTrigger, PRule, PPlover, PMentions, PSources,
        PArticles, PIsRoot, PAdded, PUrl);

    /// <summary>Writes events to a Parquet file (Snappy, row groups of <see cref="ParquetRowGroupSize"/>).</summary>
    /// <returns>Events written.</returns>
    public static async Task<long> WriteParquetAsync(IAsyncEnumerable<StoredEvent> events, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(output);
        var options = new ParquetOptions { CompressionMethod = CompressionMethod.Snappy };
        await using var writer = await ParquetWriter.CreateAsync(ParquetSchema, output, options, false, cancellationToken).ConfigureAwait(false);
        var buffer = new List<StoredEvent>(ParquetRowGroupSize);
        long n = 0;
        await foreach (var e in events.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            buffer.Add(e);
            if (buffer.Count == ParquetRowGroupSize)
            {
                await WriteRowGroupAsync(writer, buffer, cancellationToken).ConfigureAwait(false);
                n += buffer.Count;
                buffer.Clear();
            }
        }

        if (buffer.Count > 0 || n == 0)
        {
            await WriteRowGroupAsync(writer, buffer, cancellationToken).ConfigureAwait(false);
            n += buffer.Count;
        }

        return n;
    }

    private static async Task WriteRowGroupAsync(ParquetWriter writer, List<StoredEvent> rows, CancellationToken ct)
    {
        using var group = writer.CreateRowGroup();
        await group.WriteAsync<long>(PId, (ReadOnlyMemory<long>)Column(rows, e => e.Id), null, null, ct).ConfigureAwait(false);
        await group.WriteAsync<DateTime>(PDay, (ReadOnlyMemory<DateTime?>)Column(rows, e => e.Day is DateOnly d ? d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) : (DateTime?)null), null, null, ct).ConfigureAwait(false);
        await group.WriteAsync(PDate, Strings(rows, e => e.Record.Date)).ConfigureAwait(false);
        await group.WriteAsync(PVersion, Strings(rows, e => e.Version)).ConfigureAwait(false);
        await group.WriteAsync(PDocId, Strings(rows, e => e.Record.DocId)).ConfigureAwait(false);
        await group.WriteAsync<int>(PSentence, (ReadOnlyMemory<int>)Column(rows, e => e.Record.Sentence), null, null, ct).ConfigureAwait(false);
        await group.WriteAsync(PSource, Strings(rows, e => e.Record.Source)).ConfigureAwait(false);
        await group.WriteAsync(PSourceText, Strings(rows, e => e.Record.SourceText)).ConfigureAwait(false);
        await group.WriteAsync(PTarget, Strings(rows, e => e.Record.Target)).ConfigureAwait(false);
        await group.WriteAsync(PTargetText, Strings(rows, e => e.Record.TargetText)).ConfigureAwait(false);
        await group.WriteAsync(PCode, Strings(rows, e => e.Record.Code)).ConfigureAwait(false);
        await group.WriteAsync(PRoot, Strings(rows, e => e.Record.Root)).ConfigureAwait(false);
        await group.WriteAsync<int>(PQuad, (ReadOnlyMemory<int>)Column(rows, e => e.Record.Quad), null, null, ct).ConfigureAwait(false);
        await group.WriteAsync<double>(PGoldstein, (ReadOnlyMemory<double>)Column(rows, e => e.Record.Goldstein), null, null, ct).ConfigureAwait(false);
        await group.WriteAsync<bool>(PNegated, (ReadOnlyMemory<bool>)Column(rows, e => e.Record.Negated), null, null, ct).ConfigureAwait(false);
        await group.WriteAsync(PPlace, Strings(rows, e => e.Record.Location?.Name)).ConfigureAwait(false);
        await group.WriteAsync(PCountry, Strings(rows, e => e.Record.Location?.Country)).ConfigureAwait(false);
        await group.WriteAsync<double>(PLat, (ReadOnlyMemory<double?>)Column(rows, e => e.Record.Location?.Lat), null, null, ct).ConfigureAwait(false);
        await group.WriteAsync<double>(PLon, (ReadOnlyMemory<double?>)Column(rows, e => e.Record.Location?.Lon), null, null, ct).ConfigureAwait(false);
        await group.WriteAsync(PEvidence, Strings(rows, e => e.Record.Evidence.Text)).ConfigureAwait(false);
        await group.WriteAsync(PTrigger, Strings(rows, e => e.Record.Trigger.Text)).ConfigureAwait(false);
        await group.WriteAsync(PRule, Strings(rows, e => e.Record.Rule)).ConfigureAwait(false);
        await group.WriteAsync(PPlover, Strings(rows, e => e.Record.Plover)).ConfigureAwait(false);
        await group.WriteAsync<int>(PMentions, (ReadOnlyMemory<int>)Column(rows, e => e.NumMentions), null, null, ct).ConfigureAwait(false);
        await group.WriteAsync<int>(PSources, (ReadOnlyMemory<int>)Column(rows, e => e.NumSources), null, null, ct).ConfigureAwait(false);
        await group.WriteAsync<int>(PArticles, (ReadOnlyMemory<int>)Column(rows, e => e.NumArticles), null, null, ct).ConfigureAwait(false);
        await group.WriteAsync<bool>(PIsRoot, (ReadOnlyMemory<bool>)Column(rows, e => e.IsRoot), null, null, ct).ConfigureAwait(false);
        await group.WriteAsync<DateTime>(PAdded, (ReadOnlyMemory<DateTime>)Column(rows, e => DateTime.SpecifyKind(e.AddedAt, DateTimeKind.Utc)), null, null, ct).ConfigureAwait(false);
        await group.WriteAsync(PUrl, Strings(rows, e => e.SourceUrl)).ConfigureAwait(false);
        group.CompleteValidate();
    }

    private static T[] Column<T>(List<StoredEvent> rows, Func<StoredEvent, T> select)
    {
        var result = new T[rows.Count];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = select(rows[i]);
        }

        return result;
    }

    private static string?[] Strings(List<StoredEvent> rows, Func<StoredEvent, string?> select) => Column(rows, select);
}
