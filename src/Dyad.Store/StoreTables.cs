using Dyad.Coding;

namespace Dyad.Store;

/// <summary>Column lists of the bulk-written tables, in the order of the migrations, and their row writers.</summary>
internal static class StoreTables
{
    public static readonly string[] Articles =
        ["id", "article_key", "doc_id", "source", "url", "title", "published", "language", "content_hash", "raw_text", "run_id", "ingested_at"];

    public static readonly string[] Sentences = ["article_id", "idx", "start_offset", "end_offset"];

    public static readonly string[] Events =
    [
        "id", "dedup_key", "event_day", "dict_version", "doc_id", "sentence", "source", "source_text", "target", "target_text",
        "code", "root", "quad", "goldstein", "negated", "date", "date_precision", "location_name", "location_country",
        "location_lat", "location_lon", "location_admin1", "location_geonames_id", "location_confidence",
        "evidence_start", "evidence_end", "evidence_text", "trigger_start", "trigger_end", "trigger_text",
        "source_span_start", "source_span_end", "target_span_start", "target_span_end", "rule", "plover", "code_name",
        "first_article_id", "num_mentions", "num_sources", "num_articles", "is_root", "added_at", "run_id",
    ];

    public static readonly string[] Mentions =
    [
        "id", "event_id", "article_id", "run_id", "dict_version", "doc_id", "sentence", "source_name", "source", "target",
        "code", "root", "goldstein", "negated", "date", "location_name", "location_country",
        "evidence_start", "evidence_end", "evidence_text", "trigger_start", "trigger_end", "trigger_text",
        "source_text", "target_text", "source_span_start", "source_span_end", "target_span_start", "target_span_end", "rule",
    ];

    public static readonly string[] Failures = ["id", "run_id", "doc_id", "origin", "reason", "failed_at"];

    public static void WriteArticle(RowWriter w, long id, ArticleRecord a, long runId, DateTime now)
    {
        w.Long(id).Str(a.Key).Str(a.DocId).Str(a.Source).Str(a.Url).Str(a.Title).Date(a.Published).Str(a.Language)
            .Str(a.ContentHash).Str(a.RawText).Long(runId).Time(now);
        w.EndRow();
    }

    public static void WriteEvent(RowWriter w, NewEvent e, string version, long runId, DateTime now)
    {
        var r = e.Record;
        var loc = r.Location;
        w.Long(e.Id).Str(e.Key).Date(e.Day).Str(version).Str(r.DocId).Int(r.Sentence)
            .Str(r.Source).Str(r.SourceText).Str(r.Target).Str(r.TargetText)
            .Str(r.Code).Str(r.Root).Int(r.Quad).Dbl(r.Goldstein).Bool(r.Negated).Str(r.Date).Str(r.DatePrecision)
            .Str(loc?.Name).Str(loc?.Country).Dbl(loc?.Lat).Dbl(loc?.Lon).Str(loc?.Admin1).Long(loc?.GeoNamesId).Dbl(loc?.Confidence)
            .Int(r.Evidence.Start).Int(r.Evidence.End).Str(r.Evidence.Text)
            .Int(r.Trigger.Start).Int(r.Trigger.End).Str(r.Trigger.Text)
            .Int(SpanAt(r.SourceSpan, 0)).Int(SpanAt(r.SourceSpan, 1)).Int(SpanAt(r.TargetSpan, 0)).Int(SpanAt(r.TargetSpan, 1))
            .Str(r.Rule).Str(r.Plover).Str(r.CodeName)
            .Long(e.FirstArticleId).Int(e.Mentions).Int(e.Sources.Count).Int(e.Articles.Count).Bool(e.IsRoot).Time(now).Long(runId);
        w.EndRow();
    }

    public static void WriteMention(RowWriter w, long id, long eventId, long articleId, long runId, string version, string sourceName, EventRecord r)
    {
        w.Long(id).Long(eventId).Long(articleId).Long(runId).Str(version).Str(r.DocId).Int(r.Sentence).Str(sourceName)
            .Str(r.Source).Str(r.Target).Str(r.Code).Str(r.Root).Dbl(r.Goldstein).Bool(r.Negated).Str(r.Date)
            .Str(r.Location?.Name).Str(r.Location?.Country)
            .Int(r.Evidence.Start).Int(r.Evidence.End).Str(r.Evidence.Text)
            .Int(r.Trigger.Start).Int(r.Trigger.End).Str(r.Trigger.Text)
            .Str(r.SourceText).Str(r.TargetText)
            .Int(SpanAt(r.SourceSpan, 0)).Int(SpanAt(r.SourceSpan, 1)).Int(SpanAt(r.TargetSpan, 0)).Int(SpanAt(r.TargetSpan, 1))
            .Str(r.Rule);
        w.EndRow();
    }

    private static int? SpanAt(int[]? span, int i) => span is not null && span.Length > i ? span[i] : null;

    /// <summary>An event created by the current batch, with the counts of its mentions in the batch.</summary>
    internal sealed class NewEvent(long id, string key, DateOnly? day, EventRecord record, long firstArticleId)
    {
        public long Id { get; } = id;

        public string Key { get; } = key;

        public DateOnly? Day { get; } = day;

        public EventRecord Record { get; } = record;

        public long FirstArticleId { get; } = firstArticleId;

        public int Mentions { get; set; }

        public HashSet<string> Sources { get; } = new(StringComparer.Ordinal);

        public HashSet<long> Articles { get; } = [];

        public bool IsRoot { get; set; }
    }
}
