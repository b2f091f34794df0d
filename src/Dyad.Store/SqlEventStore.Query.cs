using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Dyad.Coding;

namespace Dyad.Store;

internal abstract partial class SqlEventStore
{
    private const string EventColumns = """
        e.id, e.doc_id, e.sentence, e.source, e.source_text, e.target, e.target_text, e.code, e.root, e.quad, e.goldstein,
        e.negated, e.date, e.date_precision, e.location_name, e.location_country, e.location_lat, e.location_lon,
        e.location_admin1, e.location_geonames_id, e.location_confidence, e.evidence_start, e.evidence_end, e.evidence_text,
        e.trigger_start, e.trigger_end, e.trigger_text, e.source_span_start, e.source_span_end, e.target_span_start,
        e.target_span_end, e.rule, e.plover, e.code_name, e.event_day, e.dict_version, e.num_mentions, e.num_sources,
        e.num_articles, e.is_root, e.added_at, a.url
        """;

    /// <inheritdoc />
    public async Task<QueryTable> QueryAsync(EventQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (where, args) = await BuildWhereAsync(query, cancellationToken).ConfigureAwait(false);
        string limit = query.Limit is int n ? $" LIMIT {n.ToString(CultureInfo.InvariantCulture)}" : string.Empty;
        string sql;
        string[] columns;
        if (query.By is Period period)
        {
            string day = TruncateDate(period, "e.event_day");
            sql = $"""
                SELECT {day} AS period, e.source, e.target, count(*) AS events, CAST(sum(e.num_mentions) AS BIGINT) AS mentions,
                       sum(e.goldstein) AS goldstein_sum, avg(e.goldstein) AS goldstein_mean
                FROM events e {where}
                GROUP BY 1, 2, 3 ORDER BY 1, 2, 3{limit}
                """;
            columns = ["period", "source", "target", "events", "mentions", "goldstein_sum", "goldstein_mean"];
        }
        else
        {
            sql = $"""
                SELECT e.id, e.event_day, e.source, e.target, e.code, e.root, e.quad, e.goldstein, e.negated,
                       e.location_name, e.location_country, e.num_mentions, e.num_sources, e.num_articles, e.evidence_text
                FROM events e {where}
                ORDER BY e.id{limit}
                """;
            columns = ["id", "day", "source", "target", "code", "root", "quad", "goldstein", "negated", "place", "country", "mentions", "sources", "articles", "evidence"];
        }

        await using var cmd = Command(null, sql, [.. args]);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<object?[]>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var row = new object?[columns.Length];
            for (int i = 0; i < row.Length; i++)
            {
                row[i] = Normalise(reader.IsDBNull(i) ? null : reader.GetValue(i));
            }

            rows.Add(row);
        }

        return new QueryTable(columns, rows);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<StoredEvent> ReadEventsAsync(EventQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (where, args) = await BuildWhereAsync(query, cancellationToken).ConfigureAwait(false);
        string sql = $"SELECT {EventColumns} FROM events e LEFT JOIN articles a ON a.id = e.first_article_id {where} ORDER BY e.id";
        await using var cmd = Command(null, sql, [.. args]);
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return ReadEvent(r);
        }
    }

    /// <inheritdoc />
    public virtual async Task<long> ExportParquetAsync(EventQuery query, string path, CancellationToken cancellationToken = default)
    {
        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        return await EventExport.WriteParquetAsync(ReadEventsAsync(query, cancellationToken), file, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The SELECT of exported Parquet columns (same names and order as <see cref="EventExport.ParquetSchema"/>).</summary>
    internal const string ParquetSelect = """
        SELECT e.id AS event_id, CAST(e.event_day AS TIMESTAMP) AS day, e.date, e.dict_version, e.doc_id, e.sentence,
               e.source, e.source_text, e.target, e.target_text, e.code, e.root, e.quad, e.goldstein, e.negated,
               e.location_name, e.location_country, e.location_lat, e.location_lon, e.evidence_text, e.trigger_text,
               e.rule, e.plover, e.num_mentions, e.num_sources, e.num_articles, e.is_root, e.added_at, a.url AS source_url
        FROM events e LEFT JOIN articles a ON a.id = e.first_article_id
        """;

    private static StoredEvent ReadEvent(DbDataReader r)
    {
        EventLocation? location = r.IsDBNull(14) ? null : new EventLocation(r.GetString(14), NullableString(r, 15), NullableDouble(r, 16), NullableDouble(r, 17))
        {
            Admin1 = NullableString(r, 18),
            GeoNamesId = r.IsDBNull(19) ? null : r.GetInt64(19),
            Confidence = NullableDouble(r, 20),
        };
        var record = new EventRecord
        {
            DocId = r.GetString(1),
            Sentence = r.GetInt32(2),
            Source = NullableString(r, 3),
            SourceText = NullableString(r, 4),
            Target = NullableString(r, 5),
            TargetText = NullableString(r, 6),
            Code = r.GetString(7),
            Root = r.GetString(8),
            Quad = r.GetInt32(9),
            Goldstein = r.GetDouble(10),
            Negated = r.GetBoolean(11),
            Date = NullableString(r, 12),
            DatePrecision = NullableString(r, 13),
            Location = location,
            Evidence = new Evidence(r.GetInt32(21), r.GetInt32(22), r.GetString(23)),
            Trigger = new Evidence(r.GetInt32(24), r.GetInt32(25), r.GetString(26)),
            SourceSpan = r.IsDBNull(27) ? null : [r.GetInt32(27), r.GetInt32(28)],
            TargetSpan = r.IsDBNull(29) ? null : [r.GetInt32(29), r.GetInt32(30)],
            Rule = r.GetString(31),
            Plover = NullableString(r, 32),
            CodeName = NullableString(r, 33),
            DictionaryVersion = r.GetString(35),
        };
        return new StoredEvent(
            r.GetInt64(0),
            record,
            r.IsDBNull(34) ? null : ReadDate(r, 34),
            r.GetString(35),
            r.GetInt32(36),
            r.GetInt32(37),
            r.GetInt32(38),
            r.GetBoolean(39),
            r.GetDateTime(40),
            NullableString(r, 41));
    }

    private static double? NullableDouble(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetDouble(i);

    /// <summary>The WHERE clause (over alias <c>e</c>) and its positional arguments.</summary>
    internal async Task<(string Where, List<object?> Args)> BuildWhereAsync(EventQuery q, CancellationToken cancellationToken)
    {
        var conditions = new List<string>();
        var args = new List<object?>();
        string Arg(object? value)
        {
            args.Add(value);
            return "$" + args.Count.ToString(CultureInfo.InvariantCulture);
        }

        string? version = q.Version ?? await CurrentVersionAsync(cancellationToken).ConfigureAwait(false);
        if (version is not null && version != "*")
        {
            conditions.Add($"e.dict_version = {Arg(version)}");
        }

        if (q.Actor is { Length: > 0 } actor)
        {
            string p = Arg(CodePrefix(actor, "actor"));
            conditions.Add($"(e.source LIKE {p} OR e.target LIKE {p})");
        }

        if (q.Dyad is var (source, target))
        {
            conditions.Add($"e.source LIKE {Arg(CodePrefix(source, "dyad source"))}");
            conditions.Add($"e.target LIKE {Arg(CodePrefix(target, "dyad target"))}");
        }

        if (q.Root is { Length: > 0 } root)
        {
            conditions.Add($"e.root = {Arg(root.PadLeft(2, '0'))}");
        }

        if (q.Code is { Length: > 0 } code)
        {
            conditions.Add($"e.code LIKE {Arg(CodePrefix(code, "code"))}");
        }

        if (q.Quad is int quad)
        {
            conditions.Add($"e.quad = {Arg(quad)}");
        }

        if (q.Country is { Length: > 0 } country)
        {
            conditions.Add($"e.location_country = {Arg(country.ToUpperInvariant())}");
        }

        if (q.Place is { Length: > 0 } place)
        {
            conditions.Add($"lower(e.location_name) = {Arg(place.ToLowerInvariant())}");
        }

        if (q.From is DateOnly from)
        {
            conditions.Add($"e.event_day >= {Arg(from)}");
        }

        if (q.To is DateOnly to)
        {
            conditions.Add($"e.event_day <= {Arg(to)}");
        }

        if (q.Text is { Length: > 0 } text)
        {
            var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (words.Length > 0)
            {
                var sb = new StringBuilder("EXISTS (SELECT 1 FROM event_mentions m WHERE m.event_id = e.id");
                foreach (string word in words)
                {
                    sb.Append(" AND strpos(lower(m.evidence_text), ").Append(Arg(word.ToLowerInvariant())).Append(") > 0");
                }

                conditions.Add(sb.Append(')').ToString());
            }
        }

        string where = conditions.Count == 0 ? string.Empty : "WHERE " + string.Join(" AND ", conditions);
        return (where, args);
    }

    /// <summary>A LIKE prefix pattern for a CAMEO code; codes are letters and digits only.</summary>
    private static string CodePrefix(string code, string what)
    {
        string trimmed = code.Trim().ToUpperInvariant();
        if (trimmed.Length == 0 || !trimmed.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException($"The {what} '{code}' is not a CAMEO code (letters and digits only).", nameof(code));
        }

        return trimmed + "%";
    }

    private static object? Normalise(object? value) => value switch
    {
        null => null,
        DateTime dt when dt.TimeOfDay == TimeSpan.Zero => DateOnly.FromDateTime(dt),
        int i => (long)i,
        short s => (long)s,
        decimal m => (double)m,
        float f => (double)f,
        System.Numerics.BigInteger b => (long)b,
        Int128 h => (long)h,
        _ => value,
    };
}
