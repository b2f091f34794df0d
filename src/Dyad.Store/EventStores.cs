namespace Dyad.Store;

/// <summary>Opens stores from <c>--store</c> values.</summary>
public static class EventStores
{
    /// <summary>
    /// Opens the store at <paramref name="store"/> (a DuckDB file path, default <c>./dyad.duckdb</c>, or a
    /// <c>postgres://</c> URI), creating and migrating its schema as needed.
    /// </summary>
    /// <exception cref="StoreException">When the store cannot be opened.</exception>
    /// <exception cref="FormatException">When a postgres URI is malformed.</exception>
    public static async Task<IEventStore> OpenAsync(string? store, CancellationToken cancellationToken = default)
    {
        var location = StoreLocation.Parse(store);
        return location.Kind switch
        {
            StoreKind.Postgres => await PostgresEventStore.OpenAsync(location, cancellationToken).ConfigureAwait(false),
            _ => await DuckDbEventStore.OpenAsync(location, cancellationToken).ConfigureAwait(false),
        };
    }
}

/// <summary>A store could not be opened or used; the message says which and why.</summary>
public sealed class StoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StoreException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
