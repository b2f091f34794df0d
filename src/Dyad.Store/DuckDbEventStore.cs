using System.Data.Common;
using DuckDB.NET.Data;

namespace Dyad.Store;

/// <summary>
/// The embedded store: one DuckDB file, no server. DuckDB lets one process open a file at a time; a second
/// process gets a clear error. Commits go to DuckDB's write-ahead log, replayed on the next open after a crash.
/// </summary>
internal sealed class DuckDbEventStore : SqlEventStore
{
    private readonly DuckDBConnection _connection;

    private DuckDbEventStore(StoreLocation location, DuckDBConnection connection)
        : base(location, connection)
    {
        _connection = connection;
    }

    protected override string Dialect => "duckdb";

    /// <summary>Opens (creating when absent) the DuckDB file and applies migrations.</summary>
    /// <exception cref="StoreException">When the file cannot be opened (for example, another process holds it).</exception>
    public static async Task<DuckDbEventStore> OpenAsync(StoreLocation location, CancellationToken cancellationToken)
    {
        string? folder = Path.GetDirectoryName(location.Target);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        var connection = new DuckDBConnection($"Data Source={location.Target}");
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DuckDBException e)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw new StoreException($"Cannot open the DuckDB store {location.Display}: {e.Message}", e);
        }

        var store = new DuckDbEventStore(location, connection);
        try
        {
            // Fewer, larger checkpoints: ingest appends a lot; the WAL is replayed on open after a crash.
            await store.ExecuteAsync("SET checkpoint_threshold = '128MB'", cancellationToken).ConfigureAwait(false);
            await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return store;
    }

    /// <summary>DuckDB writes Parquet itself (COPY ... TO), much faster than reading rows out.</summary>
    public override async Task<long> ExportParquetAsync(EventQuery query, string path, CancellationToken cancellationToken = default)
    {
        var (where, args) = await BuildWhereAsync(query, cancellationToken).ConfigureAwait(false);
        // COPY takes no parameters: the arguments (strings, dates, numbers) are written as SQL literals.
        for (int i = args.Count; i >= 1; i--)
        {
            where = where.Replace("$" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), Literal(args[i - 1]), StringComparison.Ordinal);
        }

        // No ORDER BY: sorting a million wide rows costs more than the write; DuckDB keeps insertion (id) order.
        string sql = $"COPY ({ParquetSelect} {where}) TO {Literal(Path.GetFullPath(path))} (FORMAT PARQUET, COMPRESSION SNAPPY, ROW_GROUP_SIZE {EventExport.ParquetRowGroupSize})";
        return await ExecAsync(null, sql, cancellationToken).ConfigureAwait(false);
    }

    private static string Literal(object? value) => value switch
    {
        null => "NULL",
        string s => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'",
        DateOnly d => $"DATE '{d:yyyy-MM-dd}'",
        int or long => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!,
        _ => throw new ArgumentException($"Unsupported literal {value.GetType().Name}.", nameof(value)),
    };

    protected override RowWriter OpenWriter(string table, string[] columns) => new DuckDbRowWriter(_connection.CreateAppender(table));

    protected override object ListParameter<T>(IReadOnlyCollection<T> items) => items as List<T> ?? [.. items];

    protected override Task LockWritersAsync(DbTransaction transaction, CancellationToken cancellationToken) => Task.CompletedTask;

    private sealed class DuckDbRowWriter(DuckDBAppender appender) : RowWriter
    {
        private IDuckDBAppenderRow? _row;

        private IDuckDBAppenderRow Row => _row ??= appender.CreateRow();

        public override RowWriter Str(string? value)
        {
            _row = value is null ? Row.AppendNullValue() : Row.AppendValue(value);
            return this;
        }

        public override RowWriter Long(long? value)
        {
            _row = Row.AppendValue(value);
            return this;
        }

        public override RowWriter Int(int? value)
        {
            _row = Row.AppendValue(value);
            return this;
        }

        public override RowWriter Dbl(double? value)
        {
            _row = Row.AppendValue(value);
            return this;
        }

        public override RowWriter Bool(bool value)
        {
            _row = Row.AppendValue((bool?)value);
            return this;
        }

        public override RowWriter Date(DateOnly? value)
        {
            _row = Row.AppendValue(value);
            return this;
        }

        public override RowWriter Time(DateTime utc)
        {
            _row = Row.AppendValue((DateTime?)utc);
            return this;
        }

        public override void EndRow()
        {
            Row.EndRow();
            _row = null;
        }

        public override Task CompleteAsync(CancellationToken cancellationToken)
        {
            appender.Close();
            return Task.CompletedTask;
        }

        public override ValueTask DisposeAsync()
        {
            appender.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
