using Dyad.Coding;

namespace Dyad.Store;

/// <summary>Aggregation period of a query.</summary>
public enum Period
{
    /// <summary>Calendar day.</summary>
    Day,

    /// <summary>ISO week, labelled by its Monday.</summary>
    Week,

    /// <summary>Calendar month, labelled by its first day.</summary>
    Month,
}

/// <summary>
/// Filters and aggregation of <c>dyad query</c> and <c>dyad export</c>. Every filter that is set must hold.
/// Dates are event days (the event date when given to the day, else the report date), inclusive.
/// </summary>
public sealed record EventQuery
{
    /// <summary>Actor code prefix matched against source or target (<c>AZE</c> matches <c>AZEGOV</c>).</summary>
    public string? Actor { get; init; }

    /// <summary>Directed dyad: source prefix and target prefix.</summary>
    public (string Source, string Target)? Dyad { get; init; }

    /// <summary>CAMEO root (two digits).</summary>
    public string? Root { get; init; }

    /// <summary>CAMEO code prefix (<c>19</c> matches 190-196; <c>190</c> matches 190).</summary>
    public string? Code { get; init; }

    /// <summary>Quad class 1-4.</summary>
    public int? Quad { get; init; }

    /// <summary>ISO 3166 alpha-2 country of the place.</summary>
    public string? Country { get; init; }

    /// <summary>Place name (case-insensitive, exact).</summary>
    public string? Place { get; init; }

    /// <summary>First day (inclusive).</summary>
    public DateOnly? From { get; init; }

    /// <summary>Last day (inclusive).</summary>
    public DateOnly? To { get; init; }

    /// <summary>Words that must all occur (case-insensitive) in the evidence of some mention.</summary>
    public string? Text { get; init; }

    /// <summary>Dictionary version; null means the store's current version; <c>*</c> means all.</summary>
    public string? Version { get; init; }

    /// <summary>When set, aggregate by dyad and period instead of listing events.</summary>
    public Period? By { get; init; }

    /// <summary>Largest number of rows returned by <see cref="IEventStore.QueryAsync"/>; null for all.</summary>
    public int? Limit { get; init; }
}

/// <summary>A query result: named columns and rows of values (string, long, double, bool, DateOnly or null).</summary>
/// <param name="Columns">Column names.</param>
/// <param name="Rows">Rows, each with one value per column.</param>
public sealed record QueryTable(IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows);

/// <summary>A stored, de-duplicated event: the record of its first mention plus counts.</summary>
/// <param name="Id">Store id (GLOBALEVENTID in GDELT exports).</param>
/// <param name="Record">The event record (fields of the first mention).</param>
/// <param name="Day">Event day: event date to the day, else report date.</param>
/// <param name="Version">Dictionary/model version that produced it.</param>
/// <param name="NumMentions">Mentions (sentences) that report it.</param>
/// <param name="NumSources">Distinct publishers that report it.</param>
/// <param name="NumArticles">Distinct articles that report it.</param>
/// <param name="IsRoot">True when some mention is in the first sentence (headline) of its article.</param>
/// <param name="AddedAt">When it was first stored (UTC).</param>
/// <param name="SourceUrl">URL of the first article, if any.</param>
public sealed record StoredEvent(
    long Id,
    EventRecord Record,
    DateOnly? Day,
    string Version,
    int NumMentions,
    int NumSources,
    int NumArticles,
    bool IsRoot,
    DateTime AddedAt,
    string? SourceUrl);
