namespace Dyad.Coding;

/// <summary>What the coder decided about one pattern match, for <c>dyad explain</c>.</summary>
/// <param name="Sentence">Index of the sentence.</param>
/// <param name="TriggerFirst">First token of the trigger.</param>
/// <param name="TriggerLast">Last token of the trigger.</param>
/// <param name="Rule">The pattern's rule (file:line and text).</param>
/// <param name="Code">The pattern's CAMEO code.</param>
/// <param name="Outcome">"coded" or "not coded".</param>
/// <param name="Reason">Why: the rule that fired or blocked the event.</param>
/// <param name="Sources">Source codes found (may be empty).</param>
/// <param name="Targets">Target codes found (may be empty).</param>
/// <param name="Syntax">How the tree assigned the roles (empty without a parse).</param>
public sealed record EventDecision(
    int Sentence,
    int TriggerFirst,
    int TriggerLast,
    string Rule,
    string Code,
    string Outcome,
    string Reason,
    IReadOnlyList<string> Sources,
    IReadOnlyList<string> Targets,
    IReadOnlyList<string> Syntax);

/// <summary>The coder's decisions for a document, present when the event stage runs with tracing on.</summary>
public sealed class EventTrace
{
    /// <summary>Decisions in text order.</summary>
    public List<EventDecision> Decisions { get; } = [];

    /// <summary>Other patterns triggered in each sentence that did not match their words (rule text), by sentence.</summary>
    public Dictionary<int, List<string>> NearMisses { get; } = [];
}
