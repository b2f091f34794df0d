using System.Globalization;

namespace Dyad.Lexicon.Petrarch;

/// <summary>
/// PETRARCH's internal coding ontology (PICO, <c>PETR_Validate_Internal_Coding_Ontology_1_01.txt</c>): each CAMEO code as a
/// number whose digits are features. UD-PETRARCH codes a negated act by subtracting 0xFFFF: "did not clash" (110 =
/// 0xFFFF + 0x0080) becomes 050 (0x0080), "will not wire-tap" (170 = 0xFFFF + 0x0087) becomes 057. Codes whose negation
/// is no code are not coded when negated.
/// </summary>
public static class PicoOntology
{
    /// <summary>The PICO value of each code (lines <c>CODE:EXPRESSION#comment</c>).</summary>
    public static Dictionary<string, long> Parse(PetrarchFile file, List<PetrarchWarning> warnings)
    {
        var values = new Dictionary<string, long>(StringComparer.Ordinal);
        string[] lines = file.Text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].TrimEnd('\r');
            int hash = line.IndexOf('#');
            string body = (hash >= 0 ? line[..hash] : line).Trim();
            if (body.Length == 0)
            {
                continue;
            }

            int colon = body.IndexOf(':');
            if (colon <= 0)
            {
                warnings.Add(new PetrarchWarning(file.Name, i + 1, "PICO line is not 'CODE:VALUE'; skipped."));
                continue;
            }

            string code = body[..colon].Trim();
            if (!code.All(char.IsAsciiDigit))
            {
                continue; // "---:0"
            }

            if (TryEvaluate(body[(colon + 1)..], out long value))
            {
                values[code] = value;
            }
            else
            {
                warnings.Add(new PetrarchWarning(file.Name, i + 1, $"PICO value '{body[(colon + 1)..]}' is not a sum of hexadecimal numbers; skipped."));
            }
        }

        return values;
    }

    /// <summary>For each code, the code of its negation (value - 0xFFFF), when one exists.</summary>
    public static Dictionary<string, string> Negations(Dictionary<string, long> values)
    {
        var byValue = new Dictionary<long, string>();
        foreach (var (code, value) in values.OrderBy(kv => kv.Key.Length).ThenBy(kv => kv.Key, StringComparer.Ordinal))
        {
            byValue.TryAdd(value, code);
        }

        var negations = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (code, value) in values)
        {
            if (byValue.TryGetValue(value - 0xFFFF, out string? negated))
            {
                negations[code] = negated;
            }
        }

        return negations;
    }

    /// <summary>Evaluates "0x1007f", "-0xFFFF+0x0070", "0x1000-0xFFFF".</summary>
    internal static bool TryEvaluate(string expression, out long value)
    {
        value = 0;
        string e = expression.Replace(" ", string.Empty);
        if (e.Length == 0)
        {
            return false;
        }

        int i = 0;
        while (i < e.Length)
        {
            int sign = 1;
            if (e[i] is '+' or '-')
            {
                sign = e[i] == '-' ? -1 : 1;
                i++;
            }

            int start = i;
            while (i < e.Length && e[i] is not ('+' or '-'))
            {
                i++;
            }

            string term = e[start..i];
            long t;
            if (term.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            {
                if (!long.TryParse(term[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out t))
                {
                    return false;
                }
            }
            else if (!long.TryParse(term, NumberStyles.Integer, CultureInfo.InvariantCulture, out t))
            {
                return false;
            }

            value += sign * t;
        }

        return true;
    }
}
