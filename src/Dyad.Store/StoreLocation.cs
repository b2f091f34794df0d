using Npgsql;

namespace Dyad.Store;

/// <summary>The kind of database behind a store.</summary>
public enum StoreKind
{
    /// <summary>An embedded DuckDB file (the default; no server).</summary>
    DuckDb,

    /// <summary>A PostgreSQL server.</summary>
    Postgres,
}

/// <summary>
/// Where a store lives, parsed from the <c>--store</c> option: a DuckDB file path (default
/// <c>./dyad.duckdb</c>) or a <c>postgres://user[:password]@host[:port]/database</c> URI.
/// </summary>
/// <param name="Kind">The database kind.</param>
/// <param name="Target">The DuckDB file path, or the Npgsql connection string.</param>
/// <param name="Display">The location as shown to people (no password).</param>
public sealed record StoreLocation(StoreKind Kind, string Target, string Display)
{
    /// <summary>The default store: <c>dyad.duckdb</c> in the current folder.</summary>
    public const string DefaultPath = "dyad.duckdb";

    /// <summary>Parses a <c>--store</c> value; null or empty means the default DuckDB file.</summary>
    /// <exception cref="FormatException">When a postgres URI is malformed.</exception>
    public static StoreLocation Parse(string? store)
    {
        if (string.IsNullOrWhiteSpace(store))
        {
            store = DefaultPath;
        }

        if (store.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) ||
            store.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return ParsePostgres(store);
        }

        string path = Path.GetFullPath(store);
        return new StoreLocation(StoreKind.DuckDb, path, path);
    }

    private static StoreLocation ParsePostgres(string uriText)
    {
        if (!Uri.TryCreate(uriText, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new FormatException($"'{uriText}' is not a postgres://user@host:port/database address.");
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.Trim('/')) is { Length: > 0 } db ? db : "postgres",
            // Commands that touch many rows (recode, export) may take long; the store sets its own limits.
            CommandTimeout = 0,
            NoResetOnClose = true,
        };

        string userInfo = uri.UserInfo;
        if (userInfo.Length > 0)
        {
            int colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon < 0 ? userInfo : userInfo[..colon]);
            if (colon >= 0)
            {
                builder.Password = Uri.UnescapeDataString(userInfo[(colon + 1)..]);
            }
        }

        foreach (string pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                string key = Uri.UnescapeDataString(pair[..eq]);
                string value = Uri.UnescapeDataString(pair[(eq + 1)..]);
                builder[key == "sslmode" ? "SSL Mode" : key] = value;
            }
        }

        string display = $"postgres://{builder.Username}@{builder.Host}:{builder.Port}/{builder.Database}";
        return new StoreLocation(StoreKind.Postgres, builder.ConnectionString, display);
    }
}
