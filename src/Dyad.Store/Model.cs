using Dyad.Coding;
using Dyad.Text;

namespace Dyad.Store;

/// <summary>Turns one document into its events. Implementations may throw for a bad article.</summary>
public interface IArticleCoder
{
    /// <summary>Version of the dictionaries and model that produce the events (stored with each event).</summary>
    string Version { get; }

    /// <summary>Codes <paramref name="document"/>; may add layers (sentences) to it.</summary>
    IReadOnlyList<EventRecord> Code(Document document);
}

/// <summary>An <see cref="IArticleCoder"/> over a delegate (tests, benchmarks, adapters).</summary>
/// <param name="version">Dictionary/model version.</param>
/// <param name="code">The coding function.</param>
public sealed class DelegateCoder(string version, Func<Document, IReadOnlyList<EventRecord>> code) : IArticleCoder
{
    /// <inheritdoc />
    public string Version { get; } = version;

    /// <inheritdoc />
    public IReadOnlyList<EventRecord> Code(Document document) => code(document);
}

/// <summary>One item read from the inputs: a document, or a reason why an article could not be read.</summary>
/// <param name="Document">The article, or null when it could not be read.</param>
/// <param name="Origin">Where it came from (<c>file:line</c>), for failure reports.</param>
/// <param name="Error">Why it could not be read, when <paramref name="Document"/> is null.</param>
/// <param name="DocId">Id of the unreadable article, when known.</param>
public sealed record IngestItem(Document? Document, string? Origin, string? Error = null, string? DocId = null)
{
    /// <summary>A readable article.</summary>
    public static IngestItem Of(Document document, string? origin = null) => new(document, origin);

    /// <summary>An article that could not be read.</summary>
    public static IngestItem Failed(string? docId, string? origin, string error) => new(null, origin, error, docId);
}

/// <summary>An article row as stored.</summary>
/// <param name="Key">Identity: <c>url:</c> + normalised URL, or <c>sha256:</c> + normalised content hash.</param>
/// <param name="DocId">Document id from the input.</param>
/// <param name="Source">Publisher or feed name, if known.</param>
/// <param name="Url">Address, if known.</param>
/// <param name="Title">Title, if known.</param>
/// <param name="Published">Report date, if known.</param>
/// <param name="Language">ISO 639-1 language, if known.</param>
/// <param name="ContentHash">SourceText.ContentHash of the text.</param>
/// <param name="RawText">The original text, unchanged.</param>
public sealed record ArticleRecord(
    string Key,
    string DocId,
    string? Source,
    string? Url,
    string? Title,
    DateOnly? Published,
    string? Language,
    string ContentHash,
    string RawText)
{
    /// <summary>Publisher name used to count distinct sources: the source, else the URL host, else unknown.</summary>
    public string SourceName => Source is { Length: > 0 } s ? s
        : Url is not null && Uri.TryCreate(Url, UriKind.Absolute, out var u) ? u.Host.ToLowerInvariant()
        : "(unknown)";

    /// <summary>Builds the row for a document (the text is kept exactly as read).</summary>
    public static ArticleRecord FromDocument(Document document, string? language = "en")
    {
        ArgumentNullException.ThrowIfNull(document);
        var meta = document.Metadata;
        return new ArticleRecord(
            ArticleKeys.For(meta.Url, document.Text.ContentHash),
            document.Id,
            meta.SourceName,
            meta.Url,
            meta.Title,
            document.ReportDate ?? meta.ReportDate,
            language,
            document.Text.ContentHash,
            document.Text.Value);
    }
}

/// <summary>Sentence boundaries of a stored article.</summary>
/// <param name="Index">0-based index.</param>
/// <param name="Start">First character (inclusive).</param>
/// <param name="End">After the last character (exclusive).</param>
public readonly record struct SentenceSpan(int Index, int Start, int End);

/// <summary>An article with what coding produced, ready to store.</summary>
/// <param name="Article">The article row.</param>
/// <param name="Sentences">Sentence boundaries (empty when the coder did not segment).</param>
/// <param name="Events">The coded events (mentions before de-duplication).</param>
public sealed record CodedArticle(ArticleRecord Article, IReadOnlyList<SentenceSpan> Sentences, IReadOnlyList<EventRecord> Events)
{
    /// <summary>Sentence spans of a segmented document (empty when it has no sentence layer).</summary>
    public static IReadOnlyList<SentenceSpan> SentencesOf(Document document)
    {
        if (!document.Layers.Contains(Layer.Sentences))
        {
            return [];
        }

        var result = new SentenceSpan[document.SentenceCount];
        for (int i = 0; i < result.Length; i++)
        {
            var s = document.Sentence(i);
            result[i] = new SentenceSpan(i, s.Span.Start, s.Span.End);
        }

        return result;
    }
}

/// <summary>An article that could not be read or coded; stored in the failures table.</summary>
/// <param name="DocId">Document id, if known.</param>
/// <param name="Origin">Input position (<c>file:line</c>), if known.</param>
/// <param name="Reason">What went wrong.</param>
public sealed record ArticleFailure(string? DocId, string? Origin, string Reason);

/// <summary>A stored article read back (for recoding).</summary>
/// <param name="Id">Store id.</param>
/// <param name="Article">The row.</param>
public sealed record StoredArticle(long Id, ArticleRecord Article);

/// <summary>What one batch wrote.</summary>
/// <param name="ArticlesStored">New articles stored.</param>
/// <param name="ArticlesSkipped">Articles already in the store (or repeated in the batch), left unchanged.</param>
/// <param name="EventsCreated">New (de-duplicated) events.</param>
/// <param name="MentionsStored">Event mentions stored (one per coded event record).</param>
/// <param name="Failures">Failures recorded.</param>
public readonly record struct BatchResult(int ArticlesStored, int ArticlesSkipped, int EventsCreated, int MentionsStored, int Failures)
{
    /// <summary>Sum of two results.</summary>
    public static BatchResult operator +(BatchResult a, BatchResult b) => new(
        a.ArticlesStored + b.ArticlesStored,
        a.ArticlesSkipped + b.ArticlesSkipped,
        a.EventsCreated + b.EventsCreated,
        a.MentionsStored + b.MentionsStored,
        a.Failures + b.Failures);
}

/// <summary>Row counts of the main tables.</summary>
public readonly record struct StoreCounts(long Articles, long Events, long Mentions, long Failures, long Runs);

/// <summary>Article identity rules.</summary>
public static class ArticleKeys
{
    /// <summary>
    /// The identity of an article: its URL (scheme and host lower-cased, fragment and trailing slash removed)
    /// when it has one, else its normalised content hash.
    /// </summary>
    public static string For(string? url, string contentHash)
    {
        if (!string.IsNullOrWhiteSpace(url))
        {
            return "url:" + NormaliseUrl(url.Trim());
        }

        return "sha256:" + contentHash;
    }

    /// <summary>Normalises a URL for identity comparisons.</summary>
    public static string NormaliseUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return url;
        }

        string path = uri.AbsolutePath.Length > 1 ? uri.AbsolutePath.TrimEnd('/') : string.Empty;
        string port = uri.IsDefaultPort ? string.Empty : ":" + uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return $"{uri.Scheme.ToLowerInvariant()}://{uri.Host.ToLowerInvariant()}{port}{path}{uri.Query}";
    }
}
