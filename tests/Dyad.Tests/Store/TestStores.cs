using Dyad.Coding;
using Dyad.Store;
using Dyad.Text;
using Npgsql;
using Xunit;

namespace Dyad.Tests.Store;

/// <summary>
/// Real stores for tests: a DuckDB file in a temporary folder, or a fresh database on the PostgreSQL server
/// named by <c>DYAD_TEST_POSTGRES</c> (scripts/with-postgres.sh starts one). Each test owns its store.
/// </summary>
internal static class TestStores
{
    public const string PostgresVariable = "DYAD_TEST_POSTGRES";

    public static string? PostgresServer => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } v ? v : null;

    public static IEnumerable<object[]> Kinds => [["duckdb"], ["postgres"]];

    /// <summary>Skips the test when it needs PostgreSQL and none is configured.</summary>
    public static void SkipUnlessAvailable(string kind) =>
        Skip.If(kind == "postgres" && PostgresServer is null, $"{PostgresVariable} is not set: run scripts/with-postgres.sh (it starts a throwaway PostgreSQL) to run the PostgreSQL store tests.");

    /// <summary>A new, empty store location of <paramref name="kind"/>; dispose to delete it.</summary>
    public static async Task<TestStoreLocation> CreateAsync(string kind)
    {
        SkipUnlessAvailable(kind);
        if (kind == "duckdb")
        {
            string folder = Path.Combine(Path.GetTempPath(), "dyad-store-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            return new TestStoreLocation(Path.Combine(folder, "dyad.duckdb"), () =>
            {
                Directory.Delete(folder, true);
                return Task.CompletedTask;
            });
        }

        string server = PostgresServer!;
        string database = "dyad_t_" + Guid.NewGuid().ToString("N")[..16];
        var admin = StoreLocation.Parse(server);
        await using (var connection = new NpgsqlConnection(admin.Target))
        {
            await connection.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {database}", connection);
            await cmd.ExecuteNonQueryAsync();
        }

        var uri = new UriBuilder(server) { Path = "/" + database };
        return new TestStoreLocation(uri.Uri.ToString(), async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(admin.Target);
            await connection.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", connection);
            await cmd.ExecuteNonQueryAsync();
        });
    }

    /// <summary>Opens a new store of <paramref name="kind"/>.</summary>
    public static async Task<TestStore> OpenAsync(string kind)
    {
        var location = await CreateAsync(kind);
        var store = await EventStores.OpenAsync(location.Store);
        return new TestStore(store, location);
    }
}

/// <summary>A store location owned by one test.</summary>
internal sealed class TestStoreLocation(string store, Func<Task> cleanup) : IAsyncDisposable
{
    public string Store { get; } = store;

    public async ValueTask DisposeAsync() => await cleanup();
}

/// <summary>An open store owned by one test.</summary>
internal sealed class TestStore(IEventStore store, TestStoreLocation location) : IAsyncDisposable
{
    public IEventStore Store { get; private set; } = store;

    public TestStoreLocation Location { get; } = location;

    /// <summary>Closes and opens the store again (as a new process would).</summary>
    public async Task ReopenAsync()
    {
        await Store.DisposeAsync();
        Store = await EventStores.OpenAsync(Location.Store);
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        await Location.DisposeAsync();
    }
}

/// <summary>Hand-built articles and events.</summary>
internal static class TestData
{
    public static Document Doc(string id, string text, string? url = null, DateOnly? date = null, string? source = null) =>
        new(id, text, new DocumentMetadata(date, null, url, source));

    public static EventRecord Event(
        string docId,
        string source,
        string target,
        string code,
        string? date = "2023-04-14",
        string? place = "Lachin",
        string? country = "AZ",
        int sentence = 0,
        bool negated = false,
        string evidence = "Armenian units fired on Azerbaijani positions.",
        string version = "test-1") => new()
    {
        DocId = docId,
        Sentence = sentence,
        Source = source,
        SourceText = source + " words",
        Target = target,
        TargetText = target + " words",
        Code = code,
        Root = code[..2],
        Quad = code[..2] switch { "01" or "02" or "03" or "04" or "05" => 1, "06" or "07" or "08" => 2, "09" or "10" or "11" or "12" or "13" => 3, _ => 4 },
        Goldstein = code.StartsWith('1') ? -10.0 : 3.0,
        Negated = negated,
        Date = date,
        DatePrecision = date is null ? null : "day",
        Location = place is null ? null : new EventLocation(place, country, 39.64, 46.55),
        Evidence = new Evidence(0, Math.Min(evidence.Length, 10), evidence),
        Trigger = new Evidence(0, 5, "fired"),
        Rule = "verbs.test:1 FIRE ON",
        Plover = "ASSAULT",
        CodeName = "test code",
        SourceSpan = [0, 3],
        TargetSpan = [4, 8],
        DictionaryVersion = version,
    };

    /// <summary>A coder that returns the events registered for each document id (none by default).</summary>
    public static DelegateCoder Coder(IReadOnlyDictionary<string, EventRecord[]> events, string version = "test-1") =>
        new(version, d => events.TryGetValue(d.Id, out var e) ? e : []);

    /// <summary>Codes a document with a fixed list.</summary>
    public static CodedArticle Coded(Document doc, params EventRecord[] events) =>
        new(ArticleRecord.FromDocument(doc), [], events);
}
