using System.Data.Common;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Dyad.Store;

/// <summary>
/// The behaviour shared by the DuckDB and PostgreSQL stores: migrations, runs, batched writes with
/// de-duplication, recoding, queries. Subclasses supply the connection, bulk writers and dialect details.
/// SQL uses positional parameters (<c>$1</c>), which both databases accept.
/// </summary>
internal abstract partial class SqlEventStore : IEventStore
{
    private const int SelectChunk = 5000;

    protected SqlEventStore(StoreLocation location, DbConnection connection)
    {
        Location = location;
        Connection = connection;
    }

    /// <inheritdoc />
    public StoreLocation Location { get; }

    /// <inheritdoc />
    public int SchemaVersion { get; private set; }

    protected DbConnection Connection { get; }

    /// <summary>Folder of the embedded migrations for this dialect.</summary>
    protected abstract string Dialect { get; }

    /// <summary>SQL type for text in the migration bookkeeping table.</summary>
    protected virtual string TimestampType => "TIMESTAMP";

    /// <summary>Opens a bulk writer on <paramref name="table"/> with <paramref name="columns"/> in table order.</summary>
    protected abstract RowWriter OpenWriter(string table, string[] columns);

    /// <summary>The parameter value for a list used as <c>IN (SELECT unnest($n))</c>.</summary>
    protected abstract object ListParameter<T>(IReadOnlyCollection<T> items);

    /// <summary>Serialises writers (PostgreSQL: transaction advisory lock; DuckDB: one process per file).</summary>
    protected abstract Task LockWritersAsync(DbTransaction transaction, CancellationToken cancellationToken);

    /// <summary>SQL truncating the date expression <paramref name="column"/> to <paramref name="period"/>, as a DATE.</summary>
    protected virtual string TruncateDate(Period period, string column) => period switch
    {
        Period.Day => column,
        Period.Week => $"CAST(date_trunc('week', {column}) AS DATE)",
        _ => $"CAST(date_trunc('month', {column}) AS DATE)",
    };

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Connection.DisposeAsync().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    /// <summary>Applies the embedded migrations newer than the schema version, each in its own transaction.</summary>
    internal async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await ExecAsync(null, $"CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at {TimestampType} NOT NULL)", cancellationToken).ConfigureAwait(false);
        await using var tx = await Connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await LockWritersAsync(tx, cancellationToken).ConfigureAwait(false);
        int current = Convert.ToInt32(await ScalarAsync(tx, "SELECT coalesce(max(version), 0) FROM schema_migrations", cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (version, name, sql) in Migrations(Dialect))
        {
            if (version <= current)
            {
                continue;
            }

            await ExecAsync(tx, sql, cancellationToken).ConfigureAwait(false);
            await ExecAsync(tx, "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)", cancellationToken, version, name, DateTime.UtcNow).ConfigureAwait(false);
            current = version;
        }

        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        SchemaVersion = current;
    }

    /// <summary>The embedded migrations of a dialect, in version order.</summary>
    internal static IReadOnlyList<(int Version, string Name, string Sql)> Migrations(string dialect)
    {
        var assembly = typeof(SqlEventStore).Assembly;
        string prefix = $"Dyad.Store.Migrations/{dialect}/";
        var result = new List<(int, string, string)>();
        foreach (string resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            string name = Path.GetFileNameWithoutExtension(resource[prefix.Length..]);
            var match = MigrationName().Match(name);
            if (!match.Success)
            {
                throw new InvalidOperationException($"Migration '{resource}' is not named NNNN_name.sql.");
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            result.Add((int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), name, reader.ReadToEnd()));
        }

        result.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return result;
    }

    [GeneratedRegex(@"^(\d{4})_[a-z0-9_]+$")]
    private static partial Regex MigrationName();

    /// <inheritdoc />
    public async Task<long> StartRunAsync(string kind, string version, string? inputs, CancellationToken cancellationToken = default)
    {
        await using var tx = await Connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await LockWritersAsync(tx, cancellationToken).ConfigureAwait(false);
        long id = await NextIdAsync(tx, "ingest_runs", cancellationToken).ConfigureAwait(false);
        await ExecAsync(tx, "INSERT INTO ingest_runs (id, kind, started_at, dict_version, inputs, status) VALUES ($1, $2, $3, $4, $5, 'running')", cancellationToken, id, kind, DateTime.UtcNow, version, inputs).ConfigureAwait(false);
        await ExecAsync(tx, "INSERT INTO store_meta (key, value) VALUES ('current_version', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value", cancellationToken, version).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return id;
    }

    /// <inheritdoc />
    public async Task FinishRunAsync(long runId, string status, CancellationToken cancellationToken = default) =>
        await ExecAsync(null, "UPDATE ingest_runs SET status = $1, finished_at = $2 WHERE id = $3", cancellationToken, status, DateTime.UtcNow, runId).ConfigureAwait(false);

    /// <inheritdoc />
    public async Task<string?> CurrentVersionAsync(CancellationToken cancellationToken = default) =>
        await ScalarAsync(null, "SELECT value FROM store_meta WHERE key = 'current_version'", cancellationToken).ConfigureAwait(false) as string;

    /// <inheritdoc />
    public async Task<StoreCounts> CountAsync(CancellationToken cancellationToken = default)
    {
        const string sql = "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events), (SELECT count(*) FROM event_mentions), (SELECT count(*) FROM failures), (SELECT count(*) FROM ingest_runs)";
        await using var cmd = Command(null, sql);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return new StoreCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
    }

    /// <inheritdoc />
    public Task<object?> ScalarAsync(string sql, CancellationToken cancellationToken = default) => ScalarAsync(null, sql, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlySet<string>> FindStoredKeysAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default) =>
        await FindStoredKeysAsync(null, keys, cancellationToken).ConfigureAwait(false);

    private async Task<HashSet<string>> FindStoredKeysAsync(DbTransaction? tx, IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in keys.Chunk(SelectChunk))
        {
            await using var cmd = Command(tx, "SELECT article_key FROM articles WHERE article_key IN (SELECT unnest($1))", ListParameter(chunk));
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                found.Add(reader.GetString(0));
            }
        }

        return found;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredArticle>> ReadArticlesAsync(long afterId, int limit, CancellationToken cancellationToken = default)
    {
        const string sql = "SELECT id, article_key, doc_id, source, url, title, published, language, content_hash, raw_text FROM articles WHERE id > $1 ORDER BY id LIMIT $2";
        await using var cmd = Command(null, sql, afterId, (long)limit);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var result = new List<StoredArticle>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(new StoredArticle(
                reader.GetInt64(0),
                new ArticleRecord(
                    reader.GetString(1),
                    reader.GetString(2),
                    NullableString(reader, 3),
                    NullableString(reader, 4),
                    NullableString(reader, 5),
                    reader.IsDBNull(6) ? null : ReadDate(reader, 6),
                    NullableString(reader, 7),
                    reader.GetString(8),
                    reader.GetString(9))));
        }

        return result;
    }

    /// <summary>Runs one SQL statement outside any batch (benchmarks and maintenance tools).</summary>
    internal Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken = default) => ExecAsync(null, sql, cancellationToken);

    // ---- helpers ----

    protected DbCommand Command(DbTransaction? tx, string sql, params object?[] args)
    {
        var cmd = Connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        foreach (object? arg in args)
        {
            var p = cmd.CreateParameter();
            p.Value = arg ?? DBNull.Value;
            cmd.Parameters.Add(p);
        }

        return cmd;
    }

    protected async Task<int> ExecAsync(DbTransaction? tx, string sql, CancellationToken cancellationToken, params object?[] args)
    {
        await using var cmd = Command(tx, sql, args);
        return await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    protected async Task<object?> ScalarAsync(DbTransaction? tx, string sql, CancellationToken cancellationToken, params object?[] args)
    {
        await using var cmd = Command(tx, sql, args);
        object? value = await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is DBNull ? null : value;
    }

    private async Task<long> NextIdAsync(DbTransaction tx, string table, CancellationToken cancellationToken) =>
        Convert.ToInt64(await ScalarAsync(tx, $"SELECT coalesce(max(id), 0) FROM {table}", cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) + 1;

    protected static string? NullableString(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    protected static DateOnly ReadDate(DbDataReader reader, int ordinal) => reader.GetValue(ordinal) switch
    {
        DateOnly d => d,
        DateTime dt => DateOnly.FromDateTime(dt),
        var other => throw new InvalidOperationException($"Unexpected date value {other} ({other.GetType()})."),
    };
}
