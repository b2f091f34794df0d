using System.Diagnostics;
using Dyad.Coding;
using Dyad.Text;

namespace Dyad.Store;

/// <summary>Progress of an ingest or recode, reported after each batch.</summary>
/// <param name="ArticlesRead">Articles read so far (including skipped and failed).</param>
/// <param name="Totals">What the batches wrote so far.</param>
/// <param name="Elapsed">Time since the start.</param>
public readonly record struct IngestProgress(long ArticlesRead, BatchResult Totals, TimeSpan Elapsed);

/// <summary>Summary of a finished ingest or recode.</summary>
/// <param name="RunId">The run id in <c>ingest_runs</c>.</param>
/// <param name="ArticlesRead">Articles read (including unreadable ones).</param>
/// <param name="Totals">What was written.</param>
/// <param name="Elapsed">Wall time.</param>
/// <param name="CodingTime">Time spent coding.</param>
/// <param name="StoreTime">Time spent in the store (lookups and batch transactions).</param>
public sealed record IngestSummary(long RunId, long ArticlesRead, BatchResult Totals, TimeSpan Elapsed, TimeSpan CodingTime, TimeSpan StoreTime)
{
    /// <summary>Articles stored per second of store time (coding excluded).</summary>
    public double StoreArticlesPerSecond => StoreTime.TotalSeconds > 0 ? Totals.ArticlesStored / StoreTime.TotalSeconds : 0;
}

/// <summary>
/// Codes articles and stores them in batches, one transaction per batch. Articles already stored are skipped
/// before coding; articles that cannot be read or coded are recorded as failures and never stop the batch.
/// </summary>
/// <param name="store">The store.</param>
/// <param name="coder">The coder.</param>
/// <param name="batchSize">Articles per transaction.</param>
public sealed class Ingestor(IEventStore store, IArticleCoder coder, int batchSize = 500)
{
    private readonly int _batchSize = batchSize > 0 ? batchSize : throw new ArgumentOutOfRangeException(nameof(batchSize));

    /// <summary>Ingests <paramref name="items"/>; the run is recorded with <paramref name="inputs"/>.</summary>
    public async Task<IngestSummary> IngestAsync(IEnumerable<IngestItem> items, string? inputs, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        return await RunAsync("ingest", inputs, async meter =>
        {
            var (storeClock, codingClock) = (meter.Store, meter.Coding);
            foreach (var batch in items.Chunk(_batchSize))
            {
                cancellationToken.ThrowIfCancellationRequested();
                meter.Read += batch.Length;
                var failures = new List<ArticleFailure>();
                var documents = new List<(Document Doc, ArticleRecord Row, string? Origin)>(batch.Length);
                foreach (var item in batch)
                {
                    if (item.Document is null)
                    {
                        failures.Add(new ArticleFailure(item.DocId, item.Origin, item.Error ?? "unreadable article"));
                    }
                    else
                    {
                        documents.Add((item.Document, ArticleRecord.FromDocument(item.Document), item.Origin));
                    }
                }

                storeClock.Start();
                var stored = await store.FindStoredKeysAsync(documents.Select(d => d.Row.Key).ToList(), cancellationToken).ConfigureAwait(false);
                storeClock.Stop();

                var coded = new List<CodedArticle>(documents.Count);
                int alreadyStored = 0;
                codingClock.Start();
                foreach (var (doc, row, origin) in documents)
                {
                    if (stored.Contains(row.Key))
                    {
                        alreadyStored++;
                        continue;
                    }

                    if (Code(doc, row, origin) is { } result)
                    {
                        if (result.Failure is not null)
                        {
                            failures.Add(result.Failure);
                        }
                        else
                        {
                            coded.Add(result.Article!);
                        }
                    }
                }

                codingClock.Stop();
                storeClock.Start();
                var written = await store.WriteBatchAsync(meter.RunId, coder.Version, coded, failures, cancellationToken).ConfigureAwait(false);
                storeClock.Stop();
                meter.Totals += written with { ArticlesSkipped = written.ArticlesSkipped + alreadyStored };
                progress?.Report(new IngestProgress(meter.Read, meter.Totals, meter.Clock.Elapsed));
            }
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Re-codes every stored article with the current coder, keeping other versions' events.</summary>
    public async Task<IngestSummary> RecodeAsync(IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        return await RunAsync("recode", null, async meter =>
        {
            var (storeClock, codingClock) = (meter.Store, meter.Coding);
            long afterId = 0;
            while (true)
            {
                storeClock.Start();
                var batch = await store.ReadArticlesAsync(afterId, _batchSize, cancellationToken).ConfigureAwait(false);
                storeClock.Stop();
                if (batch.Count == 0)
                {
                    break;
                }

                afterId = batch[^1].Id;
                meter.Read += batch.Count;
                var coded = new List<(long, CodedArticle)>(batch.Count);
                var failures = new List<ArticleFailure>();
                codingClock.Start();
                foreach (var stored in batch)
                {
                    var a = stored.Article;
                    var doc = new Document(a.DocId, a.RawText, new DocumentMetadata(a.Published, a.Title, a.Url, a.Source));
                    var result = Code(doc, a, "store:" + stored.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    if (result.Failure is not null)
                    {
                        failures.Add(result.Failure);
                    }
                    else
                    {
                        coded.Add((stored.Id, result.Article!));
                    }
                }

                codingClock.Stop();
                storeClock.Start();
                meter.Totals += await store.RecodeBatchAsync(meter.RunId, coder.Version, coded, failures, cancellationToken).ConfigureAwait(false);
                storeClock.Stop();
                progress?.Report(new IngestProgress(meter.Read, meter.Totals, meter.Clock.Elapsed));
            }
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Clocks and counters of one run.</summary>
    private sealed class RunMeter
    {
        public long RunId { get; set; }

        public Stopwatch Clock { get; } = Stopwatch.StartNew();

        public Stopwatch Store { get; } = new();

        public Stopwatch Coding { get; } = new();

        public long Read { get; set; }

        public BatchResult Totals { get; set; }
    }

    /// <summary>
    /// Records a run in <c>ingest_runs</c> around <paramref name="batches"/>: done, cancelled, or failed (left as
    /// written when the process dies).
    /// </summary>
    private async Task<IngestSummary> RunAsync(string kind, string? inputs, Func<RunMeter, Task> batches, CancellationToken cancellationToken)
    {
        var meter = new RunMeter();
        meter.Store.Start();
        meter.RunId = await store.StartRunAsync(kind, coder.Version, inputs, cancellationToken).ConfigureAwait(false);
        meter.Store.Stop();
        string status = "failed";
        try
        {
            await batches(meter).ConfigureAwait(false);
            status = "done";
        }
        catch (OperationCanceledException)
        {
            status = "cancelled";
            throw;
        }
        finally
        {
            await store.FinishRunAsync(meter.RunId, status, CancellationToken.None).ConfigureAwait(false);
        }

        return new IngestSummary(meter.RunId, meter.Read, meter.Totals, meter.Clock.Elapsed, meter.Coding.Elapsed, meter.Store.Elapsed);
    }

    private (CodedArticle? Article, ArticleFailure? Failure) Code(Document doc, ArticleRecord row, string? origin)
    {
        IReadOnlyList<EventRecord> events;
        try
        {
            events = coder.Code(doc);
        }
#pragma warning disable CA1031 // A bad article must never stop the batch: its failure is recorded with the reason.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return (null, new ArticleFailure(doc.Id, origin, $"coding failed: {e.GetType().Name}: {e.Message}"));
        }

        // Coding reads the dateline: the report date it resolves is the article's published date.
        if (doc.ReportDate is DateOnly reportDate && row.Published != reportDate)
        {
            row = row with { Published = reportDate };
        }

        string? problem = Validate(events, row);
        if (problem is not null)
        {
            return (null, new ArticleFailure(doc.Id, origin, problem));
        }

        return (new CodedArticle(row, CodedArticle.SentencesOf(doc), events), null);
    }

    /// <summary>Checks what the store relies on; a bad record fails its article, not the batch.</summary>
    private static string? Validate(IReadOnlyList<EventRecord> events, ArticleRecord row)
    {
        foreach (var e in events)
        {
            if (e.Evidence.Start < 0 || e.Evidence.End > row.RawText.Length || e.Evidence.End < e.Evidence.Start)
            {
                return $"event {e.Code} at sentence {e.Sentence}: evidence span [{e.Evidence.Start}, {e.Evidence.End}) is outside the text (length {row.RawText.Length})";
            }

            if (string.IsNullOrEmpty(e.Code) || string.IsNullOrEmpty(e.Root))
            {
                return $"event at sentence {e.Sentence} has no CAMEO code";
            }
        }

        return null;
    }
}
