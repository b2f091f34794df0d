namespace Dyad.Store;

/// <summary>
/// A store of articles, de-duplicated events and their mentions. Every write of a batch is one transaction:
/// after a crash each article is either stored with all its events and mentions, or absent.
/// Not thread-safe: one instance serves one caller at a time.
/// </summary>
public interface IEventStore : IAsyncDisposable
{
    /// <summary>Where the store lives.</summary>
    StoreLocation Location { get; }

    /// <summary>The schema version after migrations.</summary>
    int SchemaVersion { get; }

    /// <summary>Records the start of an ingest or recode run; makes <paramref name="version"/> current.</summary>
    /// <returns>The run id.</returns>
    Task<long> StartRunAsync(string kind, string version, string? inputs, CancellationToken cancellationToken = default);

    /// <summary>Marks a run finished with <paramref name="status"/> (done, failed, cancelled).</summary>
    Task FinishRunAsync(long runId, string status, CancellationToken cancellationToken = default);

    /// <summary>The subset of <paramref name="keys"/> already stored.</summary>
    Task<IReadOnlySet<string>> FindStoredKeysAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores a batch in one transaction: new articles with their sentences, mentions and (de-duplicated) events,
    /// and the failures. Articles whose key is already stored, or repeated in the batch, are skipped unchanged.
    /// </summary>
    Task<BatchResult> WriteBatchAsync(long runId, string version, IReadOnlyList<CodedArticle> articles, IReadOnlyList<ArticleFailure> failures, CancellationToken cancellationToken = default);

    /// <summary>Reads stored articles with id greater than <paramref name="afterId"/>, in id order.</summary>
    Task<IReadOnlyList<StoredArticle>> ReadArticlesAsync(long afterId, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces, in one transaction, the mentions of <paramref name="version"/> of each article with newly coded
    /// events; events of other versions are kept. Events left without mentions are removed.
    /// </summary>
    Task<BatchResult> RecodeBatchAsync(long runId, string version, IReadOnlyList<(long ArticleId, CodedArticle Coded)> articles, IReadOnlyList<ArticleFailure> failures, CancellationToken cancellationToken = default);

    /// <summary>Row counts of the main tables.</summary>
    Task<StoreCounts> CountAsync(CancellationToken cancellationToken = default);

    /// <summary>The dictionary version queries use by default (the last one ingested or recoded), or null.</summary>
    Task<string?> CurrentVersionAsync(CancellationToken cancellationToken = default);

    /// <summary>Runs a query: a list of events, or aggregates when <see cref="EventQuery.By"/> is set.</summary>
    Task<QueryTable> QueryAsync(EventQuery query, CancellationToken cancellationToken = default);

    /// <summary>Streams the events matching <paramref name="query"/> (limit ignored) in id order.</summary>
    IAsyncEnumerable<StoredEvent> ReadEventsAsync(EventQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes the events matching <paramref name="query"/> to a Parquet file (schema: <see cref="EventExport.ParquetSchema"/>).
    /// DuckDB writes it natively; PostgreSQL streams rows through Parquet.Net.
    /// </summary>
    /// <returns>Events written.</returns>
    Task<long> ExportParquetAsync(EventQuery query, string path, CancellationToken cancellationToken = default);

    /// <summary>Runs a read-only SQL statement and returns its first column of the first row (tests, tools).</summary>
    Task<object?> ScalarAsync(string sql, CancellationToken cancellationToken = default);
}
