using System.Data.Common;
using Dyad.Coding;

namespace Dyad.Store;

internal abstract partial class SqlEventStore
{
    /// <inheritdoc />
    public async Task<BatchResult> WriteBatchAsync(long runId, string version, IReadOnlyList<CodedArticle> articles, IReadOnlyList<ArticleFailure> failures, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(failures);
        var now = DateTime.UtcNow;
        await using var tx = await Connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await LockWritersAsync(tx, cancellationToken).ConfigureAwait(false);

        var seen = await FindStoredKeysAsync(tx, articles.Select(a => a.Article.Key).Distinct().ToList(), cancellationToken).ConfigureAwait(false);
        var fresh = new List<(long Id, CodedArticle Coded)>(articles.Count);
        long nextArticle = await NextIdAsync(tx, "articles", cancellationToken).ConfigureAwait(false);
        foreach (var coded in articles)
        {
            if (seen.Add(coded.Article.Key))
            {
                fresh.Add((nextArticle++, coded));
            }
        }

        if (fresh.Count > 0)
        {
            await using (var w = OpenWriter("articles", StoreTables.Articles))
            {
                foreach (var (id, coded) in fresh)
                {
                    StoreTables.WriteArticle(w, id, coded.Article, runId, now);
                }

                await w.CompleteAsync(cancellationToken).ConfigureAwait(false);
            }

            await using (var w = OpenWriter("sentences", StoreTables.Sentences))
            {
                foreach (var (id, coded) in fresh)
                {
                    foreach (var s in coded.Sentences)
                    {
                        w.Long(id).Int(s.Index).Int(s.Start).Int(s.End);
                        w.EndRow();
                    }
                }

                await w.CompleteAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        var (eventsCreated, mentions, _) = await StoreMentionsAsync(tx, runId, version, fresh, now, cancellationToken).ConfigureAwait(false);
        await WriteFailuresAsync(tx, runId, failures, now, cancellationToken).ConfigureAwait(false);
        var result = new BatchResult(fresh.Count, articles.Count - fresh.Count, eventsCreated, mentions, failures.Count);
        await AddToRunAsync(tx, runId, articles.Count + failures.Count, result, cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <inheritdoc />
    public async Task<BatchResult> RecodeBatchAsync(long runId, string version, IReadOnlyList<(long ArticleId, CodedArticle Coded)> articles, IReadOnlyList<ArticleFailure> failures, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(failures);
        var now = DateTime.UtcNow;
        await using var tx = await Connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await LockWritersAsync(tx, cancellationToken).ConfigureAwait(false);

        var ids = articles.Select(a => a.ArticleId).ToList();
        var affected = new HashSet<long>();
        if (ids.Count > 0)
        {
            await using (var cmd = Command(tx, "SELECT DISTINCT event_id FROM event_mentions WHERE dict_version = $1 AND article_id IN (SELECT unnest($2))", version, ListParameter(ids)))
            await using (var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    affected.Add(reader.GetInt64(0));
                }
            }

            await ExecAsync(tx, "DELETE FROM event_mentions WHERE dict_version = $1 AND article_id IN (SELECT unnest($2))", cancellationToken, version, ListParameter(ids)).ConfigureAwait(false);
        }

        var (eventsCreated, mentions, touched) = await StoreMentionsAsync(tx, runId, version, articles, now, cancellationToken, recount: false).ConfigureAwait(false);
        affected.UnionWith(touched);
        if (affected.Count > 0)
        {
            await RecountAsync(tx, affected, cancellationToken).ConfigureAwait(false);
            await ExecAsync(tx, "DELETE FROM events WHERE id IN (SELECT unnest($1)) AND NOT EXISTS (SELECT 1 FROM event_mentions m WHERE m.event_id = events.id)", cancellationToken, ListParameter(affected)).ConfigureAwait(false);
        }

        await WriteFailuresAsync(tx, runId, failures, now, cancellationToken).ConfigureAwait(false);
        var result = new BatchResult(articles.Count, 0, eventsCreated, mentions, failures.Count);
        await AddToRunAsync(tx, runId, articles.Count + failures.Count, result, cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>
    /// Stores the mentions of <paramref name="articles"/>, merging each into an existing event of the same key
    /// within the day window, or into a new event. Returns the counts and the existing events touched.
    /// </summary>
    private async Task<(int EventsCreated, int Mentions, HashSet<long> Touched)> StoreMentionsAsync(
        DbTransaction tx, long runId, string version, IReadOnlyList<(long Id, CodedArticle Coded)> articles, DateTime now, CancellationToken cancellationToken, bool recount = true)
    {
        var touched = new HashSet<long>();
        var pending = new List<(long ArticleId, ArticleRecord Article, EventRecord Record, string Key, DateOnly? Day)>();
        foreach (var (id, coded) in articles)
        {
            foreach (var record in coded.Events)
            {
                var (key, day) = Dedup.KeyOf(record, version, coded.Article);
                pending.Add((id, coded.Article, record, key, day));
            }
        }

        if (pending.Count == 0)
        {
            return (0, 0, touched);
        }

        var index = new Dedup.Index();
        var keys = pending.Select(p => p.Key).Distinct(StringComparer.Ordinal).ToList();
        foreach (var chunk in keys.Chunk(SelectChunk))
        {
            await using var cmd = Command(tx, "SELECT id, dedup_key, event_day FROM events WHERE dedup_key IN (SELECT unnest($1))", ListParameter(chunk));
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                index.Add(reader.GetString(1), reader.GetInt64(0), reader.IsDBNull(2) ? null : ReadDate(reader, 2));
            }
        }

        long nextEvent = await NextIdAsync(tx, "events", cancellationToken).ConfigureAwait(false);
        long nextMention = await NextIdAsync(tx, "event_mentions", cancellationToken).ConfigureAwait(false);
        var created = new Dictionary<long, StoreTables.NewEvent>();
        var createdOrder = new List<StoreTables.NewEvent>();
        var mentionEvents = new long[pending.Count];
        for (int i = 0; i < pending.Count; i++)
        {
            var p = pending[i];
            long? found = index.Find(p.Key, p.Day);
            long eventId;
            if (found is null)
            {
                eventId = nextEvent++;
                var e = new StoreTables.NewEvent(eventId, p.Key, p.Day, p.Record, p.ArticleId);
                created[eventId] = e;
                createdOrder.Add(e);
                index.Add(p.Key, eventId, p.Day);
            }
            else
            {
                eventId = found.Value;
                if (!created.ContainsKey(eventId))
                {
                    touched.Add(eventId);
                }
            }

            if (created.TryGetValue(eventId, out var ne))
            {
                ne.Mentions++;
                ne.Sources.Add(p.Article.SourceName);
                ne.Articles.Add(p.ArticleId);
                ne.IsRoot |= p.Record.Sentence == 0;
            }

            mentionEvents[i] = eventId;
        }

        await using (var w = OpenWriter("events", StoreTables.Events))
        {
            foreach (var e in createdOrder)
            {
                StoreTables.WriteEvent(w, e, version, runId, now);
            }

            await w.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var w = OpenWriter("event_mentions", StoreTables.Mentions))
        {
            for (int i = 0; i < pending.Count; i++)
            {
                var p = pending[i];
                StoreTables.WriteMention(w, nextMention++, mentionEvents[i], p.ArticleId, runId, version, p.Article.SourceName, p.Record);
            }

            await w.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        if (recount && touched.Count > 0)
        {
            await RecountAsync(tx, touched, cancellationToken).ConfigureAwait(false);
        }

        return (createdOrder.Count, pending.Count, touched);
    }

    /// <summary>Recomputes mention, article and source counts of <paramref name="eventIds"/> from their mentions.</summary>
    private async Task RecountAsync(DbTransaction tx, IReadOnlyCollection<long> eventIds, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE events SET num_mentions = s.n, num_articles = s.a, num_sources = s.src, is_root = s.r
            FROM (SELECT event_id, CAST(count(*) AS INTEGER) AS n, CAST(count(DISTINCT article_id) AS INTEGER) AS a,
                         CAST(count(DISTINCT source_name) AS INTEGER) AS src, bool_or(sentence = 0) AS r
                  FROM event_mentions WHERE event_id IN (SELECT unnest($1)) GROUP BY event_id) s
            WHERE events.id = s.event_id
            """;
        foreach (var chunk in eventIds.Chunk(SelectChunk))
        {
            await ExecAsync(tx, sql, cancellationToken, ListParameter(chunk)).ConfigureAwait(false);
        }
    }

    private async Task WriteFailuresAsync(DbTransaction tx, long runId, IReadOnlyList<ArticleFailure> failures, DateTime now, CancellationToken cancellationToken)
    {
        if (failures.Count == 0)
        {
            return;
        }

        long next = await NextIdAsync(tx, "failures", cancellationToken).ConfigureAwait(false);
        await using var w = OpenWriter("failures", StoreTables.Failures);
        foreach (var f in failures)
        {
            w.Long(next++).Long(runId).Str(f.DocId).Str(f.Origin).Str(f.Reason).Time(now);
            w.EndRow();
        }

        await w.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    private Task<int> AddToRunAsync(DbTransaction tx, long runId, int read, BatchResult r, CancellationToken cancellationToken) =>
        ExecAsync(
            tx,
            """
            UPDATE ingest_runs SET articles_read = articles_read + $1, articles_stored = articles_stored + $2,
                articles_skipped = articles_skipped + $3, events_created = events_created + $4,
                mentions_stored = mentions_stored + $5, failures = failures + $6
            WHERE id = $7
            """,
            cancellationToken,
            (long)read,
            (long)r.ArticlesStored,
            (long)r.ArticlesSkipped,
            (long)r.EventsCreated,
            (long)r.MentionsStored,
            (long)r.Failures,
            runId);
}
