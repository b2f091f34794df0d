namespace Dyad.Lexicon.Geo;

/// <summary>What a gazetteer entry is.</summary>
public enum PlaceKind : byte
{
    /// <summary>A country or dependent territory (ISO 3166).</summary>
    Country,
    /// <summary>A first-level administrative region (GeoNames ADM1).</summary>
    Admin1,
    /// <summary>A populated place (city, town, village; GeoNames class P).</summary>
    City,
    /// <summary>A sea, gulf, bay or strait (no country).</summary>
    Water,
    /// <summary>A border or ceasefire line (Line of Control; no country).</summary>
    Line,
}

/// <summary>
/// One gazetteer entry. A light value whose strings are shared with the gazetteer's tables.
/// </summary>
/// <param name="Index">Position in the gazetteer (stable within one artefact).</param>
/// <param name="GeoNamesId">GeoNames id, or 0 when the entry has none (seas added by Dyad).</param>
/// <param name="Name">Primary name (GeoNames <c>name</c>).</param>
/// <param name="Country">ISO 3166 alpha-2, or empty for seas.</param>
/// <param name="Admin1Code">GeoNames admin-1 code within the country (e.g. <c>28</c>), or empty.</param>
/// <param name="Lat">Latitude in degrees (5 decimals).</param>
/// <param name="Lon">Longitude in degrees (5 decimals).</param>
/// <param name="Population">Population as GeoNames gives it (0 when unknown).</param>
/// <param name="Kind">Country, admin-1, populated place or water.</param>
/// <param name="FeatureCode">GeoNames feature code (PPLC capital, PPLA admin seat, PPL...).</param>
public readonly record struct Place(
    int Index,
    long GeoNamesId,
    string Name,
    string Country,
    string Admin1Code,
    double Lat,
    double Lon,
    long Population,
    PlaceKind Kind,
    string FeatureCode)
{
    /// <summary>True for a national capital (PPLC).</summary>
    public bool IsCapital => FeatureCode == "PPLC";

    /// <summary>True for the seat of a first-level (or lower) administrative division.</summary>
    public bool IsAdminSeat => FeatureCode.StartsWith("PPLA", StringComparison.Ordinal);
}
