using System.Data.Common;
using Npgsql;
using NpgsqlTypes;

namespace Dyad.Store;

/// <summary>
/// The server store: PostgreSQL through Npgsql, bulk writes with binary COPY. Writers take a transaction-level
/// advisory lock, so several ingest processes may share one database without duplicating articles.
/// </summary>
internal sealed class PostgresEventStore : SqlEventStore
{
    /// <summary>Advisory lock key that serialises writers ("dyad" in ASCII).</summary>
    private const long WriterLockKey = 0x64796164;

    private readonly NpgsqlConnection _connection;

    private PostgresEventStore(StoreLocation location, NpgsqlConnection connection)
        : base(location, connection)
    {
        _connection = connection;
    }

    protected override string Dialect => "postgres";

    protected override string TimestampType => "TIMESTAMPTZ";

    /// <summary>Connects and applies migrations.</summary>
    /// <exception cref="StoreException">When the server cannot be reached.</exception>
    public static async Task<PostgresEventStore> OpenAsync(StoreLocation location, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(location.Target);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw new StoreException($"Cannot connect to the PostgreSQL store {location.Display}: {e.Message}", e);
        }

        var store = new PostgresEventStore(location, connection);
        try
        {
            await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return store;
    }

    protected override RowWriter OpenWriter(string table, string[] columns) =>
        new PostgresRowWriter(_connection.BeginBinaryImport($"COPY {table} ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)"));

    protected override object ListParameter<T>(IReadOnlyCollection<T> items) => items as T[] ?? [.. items];

    protected override async Task LockWritersAsync(DbTransaction transaction, CancellationToken cancellationToken) =>
        await ExecAsync(transaction, "SELECT pg_advisory_xact_lock($1)", cancellationToken, WriterLockKey).ConfigureAwait(false);

    protected override string TruncateDate(Period period, string column) => period switch
    {
        Period.Day => column,
        Period.Week => $"CAST(date_trunc('week', CAST({column} AS TIMESTAMP)) AS DATE)",
        _ => $"CAST(date_trunc('month', CAST({column} AS TIMESTAMP)) AS DATE)",
    };

    private sealed class PostgresRowWriter(NpgsqlBinaryImporter importer) : RowWriter
    {
        private bool _inRow;

        public override RowWriter Str(string? value) => Write(value, NpgsqlDbType.Text);

        public override RowWriter Long(long? value) => value is null ? Null() : Write(value.Value, NpgsqlDbType.Bigint);

        public override RowWriter Int(int? value) => value is null ? Null() : Write(value.Value, NpgsqlDbType.Integer);

        public override RowWriter Dbl(double? value) => value is null ? Null() : Write(value.Value, NpgsqlDbType.Double);

        public override RowWriter Bool(bool value) => Write(value, NpgsqlDbType.Boolean);

        public override RowWriter Date(DateOnly? value) => value is null ? Null() : Write(value.Value, NpgsqlDbType.Date);

        public override RowWriter Time(DateTime utc) => Write(DateTime.SpecifyKind(utc, DateTimeKind.Utc), NpgsqlDbType.TimestampTz);

        public override void EndRow() => _inRow = false;

        public override async Task CompleteAsync(CancellationToken cancellationToken) =>
            await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);

        public override async ValueTask DisposeAsync() => await importer.DisposeAsync().ConfigureAwait(false);

        private PostgresRowWriter Write<T>(T? value, NpgsqlDbType type)
        {
            StartRowIfNeeded();
            if (value is null)
            {
                importer.WriteNull();
            }
            else
            {
                importer.Write(value, type);
            }

            return this;
        }

        private PostgresRowWriter Null()
        {
            StartRowIfNeeded();
            importer.WriteNull();
            return this;
        }

        private void StartRowIfNeeded()
        {
            if (!_inRow)
            {
                importer.StartRow();
                _inRow = true;
            }
        }
    }
}
