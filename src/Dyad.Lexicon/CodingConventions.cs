namespace Dyad.Lexicon;

/// <summary>
/// Coding conventions that differ between Dyad's own CODING_RULES and the PETRARCH/TABARI tradition. They travel with the
/// lexicon, because they belong to the dictionaries: PETRARCH dictionaries were written for PETRARCH's conventions (a bare
/// country stays bare, "will sign" is coded as signing, a negated act takes the code of its opposite).
/// </summary>
public sealed record CodingConventions
{
    /// <summary>Dyad's own conventions (CODING_RULES).</summary>
    public static CodingConventions Dyad { get; } = new();

    /// <summary>The conventions of PETRARCH2 / UD-PETRARCH, for dictionaries imported from them.</summary>
    public static CodingConventions Petrarch { get; } = new() { BareCountryAsGovernment = false, FutureAsIntent = false, PlacesAsLocations = false };

    /// <summary>Name for reports.</summary>
    public string Name { get; init; } = "dyad";

    /// <summary>
    /// A bare country acting (or addressed) in a political act is coded as its government (CODING_RULES 5: "Azerbaijan said"
    /// -> AZEGOV). PETRARCH keeps the bare code (AZE).
    /// </summary>
    public bool BareCountryAsGovernment { get; init; } = true;

    /// <summary>
    /// A future or planned act becomes intent or threat (CODING_RULES 10: "will sign" -> 03x). PETRARCH codes the act itself.
    /// </summary>
    public bool FutureAsIntent { get; init; } = true;

    /// <summary>
    /// A country named as a place ("in Azerbaijan", "the Lachin region of Azerbaijan", "at Seoul") is a location, not an
    /// actor. PETRARCH reads it as an actor, which may be the target ("fired two shells at Seoul").
    /// </summary>
    public bool PlacesAsLocations { get; init; } = true;

    /// <summary>
    /// How a negated act is coded. Null: Dyad's way, the event keeps its code and is flagged <c>negated</c>. Otherwise the
    /// code of the negated act (PETRARCH's internal coding ontology: "did not clash" 110 -> 050), and a negated act whose
    /// code has no entry is not coded.
    /// </summary>
    public IReadOnlyDictionary<string, string>? NegatedCodes { get; init; }
}
