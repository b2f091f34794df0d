namespace Dyad.Store;

/// <summary>
/// Bulk writer of rows into one table (DuckDB appender, PostgreSQL binary COPY) inside the current
/// transaction. Values are written in table column order; <see cref="EndRow"/> closes each row.
/// </summary>
internal abstract class RowWriter : IAsyncDisposable
{
    public abstract RowWriter Str(string? value);

    public abstract RowWriter Long(long? value);

    public abstract RowWriter Int(int? value);

    public abstract RowWriter Dbl(double? value);

    public abstract RowWriter Bool(bool value);

    public abstract RowWriter Date(DateOnly? value);

    /// <summary>A UTC timestamp.</summary>
    public abstract RowWriter Time(DateTime utc);

    public abstract void EndRow();

    /// <summary>Flushes the rows; they become part of the transaction.</summary>
    public abstract Task CompleteAsync(CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();
}
