using System.Globalization;
using Dyad.Coding.Evaluation;
using Dyad.Lexicon.Geo;

namespace Dyad.Coding.WhereWhen;

/// <summary>Place and date agreement over matched events (CODING_RULES 15.6-15.7).</summary>
public sealed record PlaceDateReport
{
    /// <summary>Matched events scored.</summary>
    public int Matched { get; init; }

    /// <summary>Matched events whose gold has a location.</summary>
    public int GoldLocated { get; init; }

    /// <summary>Of those, events whose system country equals the gold country (null = null for seas and borders).</summary>
    public int CountryCorrect { get; init; }

    /// <summary>Of those, events whose system place name matches the gold name after normalisation.</summary>
    public int PlaceCorrect { get; init; }

    /// <summary>Matched events with no gold location that the system located anyway.</summary>
    public int LocatedWhereGoldHasNone { get; init; }

    /// <summary>Matched events whose gold has a date.</summary>
    public int GoldDated { get; init; }

    /// <summary>Of those, events with exactly the gold date.</summary>
    public int DateCorrect { get; init; }

    /// <summary>Matched events with no gold date that the system dated anyway (the "defaulted to the dateline" error).</summary>
    public int DatedWhereGoldHasNone { get; init; }

    /// <summary>Location country accuracy over gold-located matched events.</summary>
    public double CountryAccuracy => GoldLocated == 0 ? 0 : (double)CountryCorrect / GoldLocated;

    /// <summary>Place-name accuracy over gold-located matched events.</summary>
    public double PlaceAccuracy => GoldLocated == 0 ? 0 : (double)PlaceCorrect / GoldLocated;

    /// <summary>Date accuracy over gold-dated matched events.</summary>
    public double DateAccuracy => GoldDated == 0 ? 0 : (double)DateCorrect / GoldDated;

    /// <summary>Share of matched events dated where the gold has no date.</summary>
    public double DatedWhereGoldHasNoneRate => Matched == 0 ? 0 : (double)DatedWhereGoldHasNone / Matched;

    /// <summary>Lines for a report.</summary>
    public IEnumerable<string> Lines()
    {
        var inv = CultureInfo.InvariantCulture;
        yield return string.Create(inv, $"  location country {CountryAccuracy:P1} and place {PlaceAccuracy:P1} of {GoldLocated} gold-located matched events; located where gold has none: {LocatedWhereGoldHasNone}");
        yield return string.Create(inv, $"  date {DateAccuracy:P1} of {GoldDated} gold-dated matched events; dated where gold has none: {DatedWhereGoldHasNone} ({DatedWhereGoldHasNoneRate:P1} of {Matched} matched)");
    }
}

/// <summary>
/// Scores the places and dates of matched event pairs: country (ISO alpha-2, null for international waters
/// and borders), place name with normalisation (case, diacritics, district/region/province suffixes; a gold
/// name of several parts such as "Douma, Eastern Ghouta" or "Jermuk / Goris / Sotk" matches any part), exact
/// date. Stateless.
/// </summary>
public static class PlaceDateScoring
{
    /// <summary>Scores <paramref name="pairs"/> (matched system and gold events).</summary>
    public static PlaceDateReport Score(IEnumerable<EventPair> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        int matched = 0, located = 0, country = 0, place = 0, extraPlace = 0, dated = 0, date = 0, extraDate = 0;
        foreach (var pair in pairs)
        {
            matched++;
            var gold = pair.Gold;
            var system = pair.System;
            if (gold.HasLocation)
            {
                located++;
                if (system.Location is EventLocation l)
                {
                    if (string.Equals(l.Country, gold.PlaceCountry, StringComparison.Ordinal))
                    {
                        country++;
                    }

                    if (gold.PlaceName is string name && NamesMatch(name, l.Name))
                    {
                        place++;
                    }
                }
            }
            else if (system.Location is not null)
            {
                extraPlace++;
            }

            if (gold.EventDate is string goldDate)
            {
                dated++;
                if (system.Date == goldDate)
                {
                    date++;
                }
            }
            else if (system.Date is not null)
            {
                extraDate++;
            }
        }

        return new PlaceDateReport
        {
            Matched = matched,
            GoldLocated = located,
            CountryCorrect = country,
            PlaceCorrect = place,
            LocatedWhereGoldHasNone = extraPlace,
            GoldDated = dated,
            DateCorrect = date,
            DatedWhereGoldHasNone = extraDate,
        };
    }

    /// <summary>
    /// True when a system place name matches a gold one after normalisation: equal keys, or one part of a
    /// several-part system name ("Kuriga, Kaduna state") equal to one part of a several-part gold name, or the
    /// first words of a part ("Goma" for "Goma airport").
    /// </summary>
    public static bool NamesMatch(string gold, string system)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(system);
        if (Canonical(gold) == Canonical(system) && Canonical(system).Length > 0)
        {
            return true;
        }

        char[] separators = [',', '/'];
        foreach (string systemPart in system.Split(separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            string key = Canonical(systemPart);
            if (key.Length == 0)
            {
                continue;
            }

            foreach (string part in gold.Split(separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                string p = Canonical(part);
                if (p == key || p.StartsWith(key + " ", StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static string Canonical(string name) =>
        GeoName.Key(name).Replace("frontier", "border", StringComparison.Ordinal).Replace("boundary", "border", StringComparison.Ordinal);
}
