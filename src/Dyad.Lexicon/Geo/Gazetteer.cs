using System.IO.Compression;
using System.Reflection;

namespace Dyad.Lexicon.Geo;

/// <summary>The result of a name lookup: the candidate places (most populous first) and how the name matched.</summary>
/// <param name="Places">Indexes of candidate places, most populous first; empty when nothing matched.</param>
/// <param name="Suffix">The suffix word the name carried (district, village...), if it was stripped to match.</param>
/// <param name="ByVariant">True when the match came from the transliteration skeleton, not the spelling.</param>
public readonly ref struct GeoMatch(ReadOnlySpan<int> Places, PlaceSuffix Suffix, bool ByVariant)
{
    /// <summary>Indexes of candidate places, most populous first.</summary>
    public ReadOnlySpan<int> Places { get; } = Places;

    /// <summary>The suffix kind of the looked-up name.</summary>
    public PlaceSuffix Suffix { get; } = Suffix;

    /// <summary>True when matched through a spelling variant.</summary>
    public bool ByVariant { get; } = ByVariant;

    /// <summary>True when at least one place matched.</summary>
    public bool Found => !Places.IsEmpty;
}

/// <summary>
/// The gazetteer: countries, first-level regions, populated places (GeoNames, CC BY 4.0) and seas, indexed
/// by normalised name (<see cref="GeoName"/>) and by transliteration skeleton. Immutable and thread-safe once
/// loaded; lookups do not allocate. <see cref="Default"/> loads the artefact embedded in Dyad.Lexicon on first
/// use.
/// </summary>
public sealed class Gazetteer
{
    /// <summary>Logical name of the embedded artefact.</summary>
    public const string ResourceName = "Dyad.Data/geo/gazetteer.bin";

    internal const int Magic = 0x5A475944; // "DYGZ"
    internal const int FormatVersion = 1;

    private static readonly Lazy<Gazetteer> DefaultInstance = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Place[] _places;
    private readonly int[] _postings;
    private readonly Dictionary<string, (int Start, int Count)> _names;
    private readonly Dictionary<string, (int Start, int Count)>.AlternateLookup<ReadOnlySpan<char>> _nameLookup;
    private readonly Lazy<SkeletonIndex> _skeletons;
    private readonly Lazy<ulong[]> _prefixes;
    private readonly Dictionary<string, int> _countries;
    private readonly Dictionary<(string Country, string Admin1), int> _admin1;
    private readonly Dictionary<string, string> _alpha3;

    private Gazetteer(string attribution, Place[] places, int[] postings, Dictionary<string, (int, int)> names, Dictionary<string, string> alpha3, byte[] skeletonBlock)
    {
        _alpha3 = alpha3;
        Attribution = attribution;
        _places = places;
        _postings = postings;
        _names = names;
        _nameLookup = names.GetAlternateLookup<ReadOnlySpan<char>>();
        _skeletons = new Lazy<SkeletonIndex>(() => SkeletonIndex.Read(skeletonBlock), LazyThreadSafetyMode.ExecutionAndPublication);
        _prefixes = new Lazy<ulong[]>(BuildPrefixes, LazyThreadSafetyMode.ExecutionAndPublication);
        _countries = new Dictionary<string, int>(StringComparer.Ordinal);
        _admin1 = new Dictionary<(string, string), int>();
        foreach (var p in places)
        {
            if (p.Kind == PlaceKind.Country)
            {
                _countries.TryAdd(p.Country, p.Index);
            }
            else if (p.Kind == PlaceKind.Admin1)
            {
                _admin1.TryAdd((p.Country, p.Admin1Code), p.Index);
            }
        }
    }

    /// <summary>The gazetteer shipped in Dyad.Lexicon, loaded once on first use (thread-safe).</summary>
    /// <exception cref="InvalidOperationException">When the artefact is missing from the assembly.</exception>
    public static Gazetteer Default => DefaultInstance.Value;

    /// <summary>Credit line for the data (GeoNames, CC BY 4.0).</summary>
    public string Attribution { get; }

    /// <summary>Number of places.</summary>
    public int Count => _places.Length;

    /// <summary>Number of distinct normalised names.</summary>
    public int NameCount => _names.Count;

    /// <summary>The place at <paramref name="index"/>.</summary>
    public Place this[int index] => _places[index];

    /// <summary>
    /// Looks a name up as written in text ("Lachin region", "Samarqand", "Kyiv"): first the whole normalised
    /// name, then the name without its suffix word, then (when <paramref name="allowVariants"/>) its
    /// transliteration skeleton. Does not allocate.
    /// </summary>
    public GeoMatch Lookup(scoped ReadOnlySpan<char> name, bool allowVariants = true)
    {
        Span<char> buffer = stackalloc char[GeoName.MaxKeyLength];
        int n = GeoName.Normalize(name, buffer);
        if (n == 0)
        {
            return default;
        }

        var full = FindKey(buffer[..n]);
        if (!full.IsEmpty)
        {
            return new GeoMatch(full, PlaceSuffix.None, false);
        }

        n = GeoName.StripSuffix(buffer, n, out var suffix);
        if (suffix != PlaceSuffix.None && n > 0)
        {
            var stripped = FindKey(buffer[..n]);
            if (!stripped.IsEmpty)
            {
                return new GeoMatch(stripped, suffix, false);
            }
        }

        if (!allowVariants || n < 4)
        {
            return new GeoMatch([], suffix, false);
        }

        Span<char> skeleton = stackalloc char[GeoName.MaxKeyLength * 2];
        int m = GeoName.Skeleton(buffer[..n], skeleton);
        return new GeoMatch(FindSkeleton(skeleton[..m]), suffix, true);
    }

    /// <summary>
    /// True when some name in the gazetteer starts with the words of <paramref name="text"/> (as written; it is
    /// normalised here): "Bay" and "Bay of" for "Bay of Bengal". A cheap test that lets a recognizer skip
    /// capitalised words that begin no place name and stop extending a name early. Tests a bit filter of
    /// normalised word prefixes, so a rare false "true" only costs the caller a lookup that finds nothing.
    /// The prefix set is built on first use. Does not allocate.
    /// </summary>
    public bool IsNamePrefix(scoped ReadOnlySpan<char> text)
    {
        Span<char> buffer = stackalloc char[GeoName.MaxKeyLength];
        int n = GeoName.Normalize(text, buffer);
        return n > 0 && MayBeKeyOrPrefix(_prefixes.Value, buffer[..n]);
    }

    /// <summary>True when some name in the gazetteer starts with the word <paramref name="word"/>; see <see cref="IsNamePrefix"/>.</summary>
    public bool StartsAName(scoped ReadOnlySpan<char> word) => IsNamePrefix(word);

    // Names and the word-prefixes of names ("bay", "bay of", "bay of bengal") as a one-hash bit filter of 2^23 bits
    // (1 MiB, about 5% false positives over 450,000 keys): a word that is no prefix is rejected with one read from
    // a table small enough to stay in cache, where a set of the names would miss it twice. False positives only
    // cost an exact lookup that finds nothing.
    private const int PrefixBits = 23;

    private ulong[] BuildPrefixes()
    {
        var bits = new ulong[(1 << PrefixBits) / 64];
        foreach (string key in _names.Keys)
        {
            Set(bits, key.AsSpan());
            for (int i = key.IndexOf(' '); i > 0; i = key.IndexOf(' ', i + 1))
            {
                Set(bits, key.AsSpan(0, i));
            }
        }

        return bits;

        static void Set(ulong[] bits, ReadOnlySpan<char> key)
        {
            uint h = FilterHash(key);
            bits[h >> 6] |= 1UL << (int)(h & 63);
        }
    }

    private static bool MayBeKeyOrPrefix(ulong[] bits, ReadOnlySpan<char> key)
    {
        uint h = FilterHash(key);
        return (bits[h >> 6] & (1UL << (int)(h & 63))) != 0;
    }

    // FNV-1a over the characters, folded to PrefixBits bits by a multiplicative mix.
    private static uint FilterHash(ReadOnlySpan<char> key)
    {
        uint h = 2166136261;
        foreach (char c in key)
        {
            h = (h ^ c) * 16777619;
        }

        return (h * 2654435769u) >> (32 - PrefixBits);
    }

    /// <summary>Places whose normalised name (<see cref="GeoName.Normalize"/>) equals <paramref name="key"/>.</summary>
    public ReadOnlySpan<int> FindKey(scoped ReadOnlySpan<char> key) =>
        MayBeKeyOrPrefix(_prefixes.Value, key) && _nameLookup.TryGetValue(key, out var range) ? _postings.AsSpan(range.Start, range.Count) : [];

    /// <summary>Places whose name has the transliteration skeleton <paramref name="skeleton"/>.</summary>
    public ReadOnlySpan<int> FindSkeleton(scoped ReadOnlySpan<char> skeleton)
    {
        var index = _skeletons.Value;
        return index.Lookup.TryGetValue(skeleton, out var range) ? index.Postings.AsSpan(range.Start, range.Count) : [];
    }

    /// <summary>
    /// True when <paramref name="name"/> is spelt close to the place's primary name (edit distance at most 1,
    /// or 2 for names of 8 letters or more, suffix words ignored): the check that keeps a transliteration match
    /// (Gorus -> Goris) from accepting an unrelated name with the same skeleton.
    /// </summary>
    public static bool IsCloseSpelling(scoped ReadOnlySpan<char> name, in Place place)
    {
        Span<char> a = stackalloc char[GeoName.MaxKeyLength];
        Span<char> b = stackalloc char[GeoName.MaxKeyLength];
        int n = GeoName.NormalizeKey(name, a, out _);
        int m = GeoName.NormalizeKey(place.Name, b, out _);
        int limit = Math.Min(n, m) >= 8 ? 2 : 1;
        return Math.Abs(n - m) <= limit && EditDistance(a[..n], b[..m], limit) <= limit;
    }

    private static int EditDistance(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int limit)
    {
        Span<int> previous = stackalloc int[b.Length + 1];
        Span<int> current = stackalloc int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            int rowMin = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                rowMin = Math.Min(rowMin, current[j]);
            }

            if (rowMin > limit)
            {
                return rowMin;
            }

            current.CopyTo(previous);
        }

        return previous[b.Length];
    }

    /// <summary>
    /// ISO alpha-2 for an ISO alpha-3 or CAMEO country code (the first three letters of an actor code such as
    /// <c>AZEGOV</c>), or null (IGOs, NGOs, unknown codes).
    /// </summary>
    public string? Alpha2(ReadOnlySpan<char> actorCode)
    {
        if (actorCode.Length < 3)
        {
            return null;
        }

        var lookup = _alpha3.GetAlternateLookup<ReadOnlySpan<char>>();
        return lookup.TryGetValue(actorCode[..3], out string? a2) ? a2 : null;
    }

    /// <summary>The country entry for an ISO alpha-2 code, or null.</summary>
    public Place? Country(string iso2) => _countries.TryGetValue(iso2, out int i) ? _places[i] : null;

    /// <summary>The admin-1 region of <paramref name="place"/> (itself when it is one), or null.</summary>
    public Place? Admin1Of(in Place place)
    {
        if (place.Kind == PlaceKind.Admin1)
        {
            return place;
        }

        return place.Admin1Code.Length > 0 && _admin1.TryGetValue((place.Country, place.Admin1Code), out int i) ? _places[i] : null;
    }

    /// <summary>Loads a gazetteer artefact (Brotli-compressed, see <see cref="GazetteerFormat"/>).</summary>
    /// <exception cref="InvalidDataException">When the stream is not a gazetteer of this version.</exception>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static Gazetteer Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var brotli = new BrotliStream(stream, CompressionMode.Decompress, leaveOpen: true);
        using var buffered = new BufferedStream(brotli, 1 << 16);
        using var reader = new BinaryReader(buffered, System.Text.Encoding.UTF8);
        if (reader.ReadInt32() != Magic)
        {
            throw new InvalidDataException("Not a Dyad gazetteer (bad magic).");
        }

        int version = reader.ReadInt32();
        if (version != FormatVersion)
        {
            throw new InvalidDataException($"Gazetteer format {version} is not supported (expected {FormatVersion}).");
        }

        string attribution = reader.ReadString();
        int stringCount = reader.Read7BitEncodedInt();
        var strings = new string[stringCount];
        for (int i = 0; i < stringCount; i++)
        {
            strings[i] = reader.ReadString();
        }

        int placeCount = reader.Read7BitEncodedInt();
        var places = new Place[placeCount];
        for (int i = 0; i < placeCount; i++)
        {
            long id = reader.Read7BitEncodedInt64();
            string name = reader.ReadString();
            string country = strings[reader.Read7BitEncodedInt()];
            string admin1 = strings[reader.Read7BitEncodedInt()];
            int lat = reader.ReadInt32();
            int lon = reader.ReadInt32();
            long population = reader.Read7BitEncodedInt64();
            var kind = (PlaceKind)reader.ReadByte();
            string feature = strings[reader.Read7BitEncodedInt()];
            places[i] = new Place(i, id, name, country, admin1, lat / 1e5, lon / 1e5, population, kind, feature);
        }

        var postings = new List<int>(placeCount * 3);
        var names = ReadIndex(reader, postings);
        int alpha3Count = reader.Read7BitEncodedInt();
        var alpha3 = new Dictionary<string, string>(alpha3Count, StringComparer.Ordinal);
        for (int i = 0; i < alpha3Count; i++)
        {
            string a3 = reader.ReadString();
            alpha3[a3] = reader.ReadString();
        }

        int blockLength = reader.Read7BitEncodedInt();
        byte[] skeletonBlock = reader.ReadBytes(blockLength);
        if (skeletonBlock.Length != blockLength)
        {
            throw new InvalidDataException("Gazetteer artefact is truncated.");
        }

        return new Gazetteer(attribution, places, [.. postings], names, alpha3, skeletonBlock);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static Dictionary<string, (int, int)> ReadIndex(BinaryReader reader, List<int> postings)
    {
        int count = reader.Read7BitEncodedInt();
        var index = new Dictionary<string, (int, int)>(count, StringComparer.Ordinal);
        for (int i = 0; i < count; i++)
        {
            string key = reader.ReadString();
            int n = reader.Read7BitEncodedInt();
            int start = postings.Count;
            for (int j = 0; j < n; j++)
            {
                postings.Add(reader.Read7BitEncodedInt());
            }

            index[key] = (start, n);
        }

        return index;
    }

    private static Gazetteer LoadEmbedded()
    {
        var assembly = typeof(Gazetteer).Assembly;
        using var stream = assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The gazetteer artefact '{ResourceName}' is not embedded in {assembly.GetName().Name}; run tools/build-gazetteer.cs.");
        return Load(stream);
    }

    /// <summary>Whether the embedded artefact is present (for tests and diagnostics).</summary>
    public static bool IsEmbedded => typeof(Gazetteer).Assembly.GetManifestResourceInfo(ResourceName) is not null;

    internal static Assembly Assembly => typeof(Gazetteer).Assembly;

    private sealed class SkeletonIndex
    {
        private SkeletonIndex(Dictionary<string, (int Start, int Count)> index, int[] postings)
        {
            Lookup = index.GetAlternateLookup<ReadOnlySpan<char>>();
            Postings = postings;
        }

        public Dictionary<string, (int Start, int Count)>.AlternateLookup<ReadOnlySpan<char>> Lookup { get; }

        public int[] Postings { get; }

        public static SkeletonIndex Read(byte[] block)
        {
            using var reader = new BinaryReader(new MemoryStream(block), System.Text.Encoding.UTF8);
            var postings = new List<int>();
            var index = ReadIndex(reader, postings);
            return new SkeletonIndex(index, [.. postings]);
        }
    }
}
