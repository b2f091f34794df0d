using System.IO.Compression;

namespace Dyad.Lexicon.Geo;

/// <summary>One entry given to <see cref="GazetteerWriter"/>: a place and every name it may be written as.</summary>
/// <param name="GeoNamesId">GeoNames id (0 when none).</param>
/// <param name="Name">Primary name.</param>
/// <param name="Country">ISO alpha-2, or empty.</param>
/// <param name="Admin1Code">Admin-1 code within the country, or empty.</param>
/// <param name="Lat">Latitude in degrees.</param>
/// <param name="Lon">Longitude in degrees.</param>
/// <param name="Population">Population (0 when unknown).</param>
/// <param name="Kind">Entry kind.</param>
/// <param name="FeatureCode">GeoNames feature code.</param>
/// <param name="Names">Names to index (the primary name is always indexed).</param>
public sealed record GazetteerEntry(
    long GeoNamesId,
    string Name,
    string Country,
    string Admin1Code,
    double Lat,
    double Lon,
    long Population,
    PlaceKind Kind,
    string FeatureCode,
    IReadOnlyCollection<string> Names);

/// <summary>
/// Writes the gazetteer artefact read by <see cref="Gazetteer.Load"/>: a Brotli-compressed binary with a
/// string table, the place records (coordinates as int32 1e-5 degrees) and two name indexes (normalised
/// names and transliteration skeletons), each key with its places, most important first. Used by
/// <c>tools/build-gazetteer.cs</c>; deterministic for a given input.
/// </summary>
public static class GazetteerWriter
{
    /// <summary>Writes <paramref name="entries"/> to <paramref name="output"/>.</summary>
    /// <param name="output">Where the artefact goes.</param>
    /// <param name="attribution">Credit line stored in the artefact.</param>
    /// <param name="entries">The places, in the order they get their indexes.</param>
    /// <param name="alpha3">ISO 3166 alpha-3 (and CAMEO country code) to alpha-2 pairs.</param>
    public static void Write(Stream output, string attribution, IReadOnlyList<GazetteerEntry> entries, IReadOnlyDictionary<string, string> alpha3)
    {
        ArgumentNullException.ThrowIfNull(alpha3);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(entries);
        var strings = new Dictionary<string, int>(StringComparer.Ordinal);
        var stringList = new List<string>();
        int Intern(string s)
        {
            if (!strings.TryGetValue(s, out int i))
            {
                i = stringList.Count;
                strings[s] = i;
                stringList.Add(s);
            }

            return i;
        }

        foreach (var e in entries)
        {
            Intern(e.Country);
            Intern(e.Admin1Code);
            Intern(e.FeatureCode);
        }

        var names = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        var skeletons = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        Span<char> buffer = stackalloc char[GeoName.MaxKeyLength];
        Span<char> skeleton = stackalloc char[GeoName.MaxKeyLength * 2];
        for (int i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            foreach (string name in e.Names.Append(e.Name))
            {
                int n = GeoName.Normalize(name, buffer);
                if (n < 2)
                {
                    continue;
                }

                Add(names, new string(buffer[..n]), i);
                int m = GeoName.Skeleton(buffer[..n], skeleton);
                AddSkeleton(skeletons, skeleton[..m], i);
                n = GeoName.NormalizeKey(name, buffer, out var suffix);
                if (suffix != PlaceSuffix.None && n >= 2)
                {
                    Add(names, new string(buffer[..n]), i);
                    m = GeoName.Skeleton(buffer[..n], skeleton);
                    AddSkeleton(skeletons, skeleton[..m], i);
                }
            }
        }

        using var brotli = new BrotliStream(output, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(brotli, System.Text.Encoding.UTF8);
        writer.Write(Gazetteer.Magic);
        writer.Write(Gazetteer.FormatVersion);
        writer.Write(attribution);
        writer.Write7BitEncodedInt(stringList.Count);
        foreach (string s in stringList)
        {
            writer.Write(s);
        }

        writer.Write7BitEncodedInt(entries.Count);
        foreach (var e in entries)
        {
            writer.Write7BitEncodedInt64(e.GeoNamesId);
            writer.Write(e.Name);
            writer.Write7BitEncodedInt(strings[e.Country]);
            writer.Write7BitEncodedInt(strings[e.Admin1Code]);
            writer.Write((int)Math.Round(e.Lat * 1e5));
            writer.Write((int)Math.Round(e.Lon * 1e5));
            writer.Write7BitEncodedInt64(e.Population);
            writer.Write((byte)e.Kind);
            writer.Write7BitEncodedInt(strings[e.FeatureCode]);
        }

        WriteIndex(writer, names, entries);
        writer.Write7BitEncodedInt(alpha3.Count);
        foreach (var (a3, a2) in alpha3.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            writer.Write(a3);
            writer.Write(a2);
        }

        // The skeleton index is only needed for spelling variants: a length-prefixed block read lazily.
        using var block = new MemoryStream();
        using (var blockWriter = new BinaryWriter(block, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            WriteIndex(blockWriter, skeletons, entries);
        }

        writer.Write7BitEncodedInt((int)block.Length);
        writer.Write(block.GetBuffer(), 0, (int)block.Length);
    }

    /// <summary>Rank used to order a key's places: countries, then regions, then by population.</summary>
    public static long Importance(GazetteerEntry e) => e.Kind switch
    {
        PlaceKind.Country => long.MaxValue,
        PlaceKind.Water or PlaceKind.Line => long.MaxValue - 1,
        _ => e.Population,
    };

    // Skeletons shorter than this match too many unrelated names to be useful.
    private const int MinSkeletonLength = 4;

    private static void AddSkeleton(Dictionary<string, HashSet<int>> index, ReadOnlySpan<char> skeleton, int place)
    {
        if (skeleton.Length >= MinSkeletonLength)
        {
            Add(index, new string(skeleton), place);
        }
    }

    private static void Add(Dictionary<string, HashSet<int>> index, string key, int place)
    {
        if (!index.TryGetValue(key, out var set))
        {
            set = [];
            index[key] = set;
        }

        set.Add(place);
    }

    private static void WriteIndex(BinaryWriter writer, Dictionary<string, HashSet<int>> index, IReadOnlyList<GazetteerEntry> entries)
    {
        writer.Write7BitEncodedInt(index.Count);
        foreach (var (key, set) in index.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            writer.Write(key);
            var ordered = set.OrderByDescending(i => Importance(entries[i])).ThenBy(i => i).ToArray();
            writer.Write7BitEncodedInt(ordered.Length);
            foreach (int i in ordered)
            {
                writer.Write7BitEncodedInt(i);
            }
        }
    }
}
