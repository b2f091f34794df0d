using Dyad.Text;

namespace Dyad.Coding;

/// <summary>
/// An event as the coding stages see it: the output record plus the token positions that produced it, so
/// that later stages (places, dates, dedup) can look at the words around the trigger and the actors.
/// </summary>
/// <param name="Record">The event record as it will be output.</param>
/// <param name="SentenceIndex">Index of the sentence in the document.</param>
/// <param name="TriggerFirst">First token of the trigger (inclusive).</param>
/// <param name="TriggerLast">Last token of the trigger (inclusive).</param>
/// <param name="SourceTokens">Token range of the source mention (first, last inclusive), or null.</param>
/// <param name="TargetTokens">Token range of the target mention (first, last inclusive), or null.</param>
public sealed record CodedEvent(
    EventRecord Record,
    int SentenceIndex,
    int TriggerFirst,
    int TriggerLast,
    (int First, int Last)? SourceTokens,
    (int First, int Last)? TargetTokens)
{
    /// <summary>True when the event is a speech act (its place and date are those of the statement).</summary>
    public bool IsSpeechAct { get; init; }

    /// <summary>True when the event is reported inside another actor's statement (embedded act).</summary>
    public bool IsEmbedded { get; init; }

    /// <summary>
    /// True for a past act referred to by name ("the Prague agreements"): dated only by its own words and never the
    /// venue of other acts.
    /// </summary>
    public bool IsReference { get; init; }
}

/// <summary>The events layer of a document: coded events in text order. Stages after coding replace it.</summary>
public sealed class EventLayer
{
    /// <summary>Creates the layer.</summary>
    public EventLayer(List<CodedEvent> events) => Events = events;

    /// <summary>The events; later stages may replace items (records are immutable).</summary>
    public List<CodedEvent> Events { get; }
}
