using System.Collections.Frozen;
using System.Globalization;

namespace Dyad.Lexicon;

/// <summary>One CAMEO event code with its name, Goldstein value, quad class and PLOVER type.</summary>
/// <param name="Code">The code (2 to 4 digits).</param>
/// <param name="Name">The code's name.</param>
/// <param name="Goldstein">Goldstein scale value (-10 to +10).</param>
/// <param name="Quad">Quad class 1-4 from the root.</param>
/// <param name="Plover">PLOVER event type, or null where PLOVER drops the code (roots 01, 02).</param>
/// <param name="PloverMode">PLOVER mode, or null.</param>
public sealed record CameoEventType(string Code, string Name, double Goldstein, int Quad, string? Plover, string? PloverMode)
{
    /// <summary>The two-digit root.</summary>
    public string Root => Code[..2];
}

/// <summary>The CAMEO event code list (Data/cameo/cameo.tsv). Immutable, thread-safe.</summary>
public sealed class CameoOntology
{
    private readonly FrozenDictionary<string, CameoEventType> _codes;

    private CameoOntology(FrozenDictionary<string, CameoEventType> codes) => _codes = codes;

    /// <summary>All codes.</summary>
    public IEnumerable<CameoEventType> All => _codes.Values.OrderBy(c => c.Code, StringComparer.Ordinal);

    /// <summary>Number of codes.</summary>
    public int Count => _codes.Count;

    /// <summary>The entry of <paramref name="code"/>, or null when unknown.</summary>
    public CameoEventType? Find(string code) => _codes.GetValueOrDefault(code);

    /// <summary>True when <paramref name="code"/> is a CAMEO event code.</summary>
    public bool Contains(string code) => _codes.ContainsKey(code);

    /// <summary>Quad class of a root 01-20 (1 verbal coop., 2 material coop., 3 verbal conflict, 4 material conflict).</summary>
    public static int QuadOfRoot(int root) => root switch
    {
        <= 5 => 1,
        <= 8 => 2,
        <= 13 => 3,
        _ => 4,
    };

    /// <summary>Parses the cameo.tsv table.</summary>
    public static CameoOntology Parse(DictionaryFile file, List<LexiconDiagnostic> diagnostics)
    {
        var codes = new Dictionary<string, CameoEventType>(StringComparer.Ordinal);
        int lineNumber = 0;
        foreach (string raw in file.Text.Split('\n'))
        {
            lineNumber++;
            string line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            string[] f = line.Split('\t');
            if (f.Length < 4 || !IsDigits(f[0]) || f[0].Length is < 2 or > 4 ||
                !double.TryParse(f[2], NumberStyles.Float, CultureInfo.InvariantCulture, out double goldstein) ||
                !int.TryParse(f[3], NumberStyles.None, CultureInfo.InvariantCulture, out int quad))
            {
                diagnostics.Add(new LexiconDiagnostic(LexiconErrorCode.E102Malformed, new Provenance(file.Name, lineNumber), "Expected: code<TAB>name<TAB>goldstein<TAB>quad[<TAB>plover<TAB>mode]."));
                continue;
            }

            string? plover = f.Length > 4 && f[4].Length > 0 ? f[4] : null;
            string? mode = f.Length > 5 && f[5].Length > 0 ? f[5] : null;
            codes[f[0]] = new CameoEventType(f[0], f[1], goldstein, quad, plover, mode);
        }

        return new CameoOntology(codes.ToFrozenDictionary(StringComparer.Ordinal));
    }

    private static bool IsDigits(string s) => s.Length > 0 && s.All(char.IsAsciiDigit);
}
