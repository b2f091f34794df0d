using System.Globalization;

namespace Dyad.Text.Analysis;

/// <summary>
/// A lemma rule: optionally lower-case the form, cut <see cref="Strip"/> characters from its end, append
/// <see cref="Append"/> (<c>studies</c> -> lower, strip 3, append "y" -> <c>study</c>).
/// </summary>
internal readonly record struct LemmaRule(bool Lower, int Strip, string Append)
{
    public static LemmaRule Identity => new(true, 0, string.Empty);

    /// <summary>The rule turning <paramref name="form"/> into <paramref name="lemma"/>, preferring lower-casing on ties.</summary>
    public static LemmaRule Learn(string form, string lemma)
    {
        string lower = form.ToLowerInvariant();
        int pl = CommonPrefix(lower, lemma);
        int pk = CommonPrefix(form, lemma);
        return pk > pl ? new LemmaRule(false, form.Length - pk, lemma[pk..]) : new LemmaRule(true, lower.Length - pl, lemma[pl..]);
    }

    public string Apply(ReadOnlySpan<char> form)
    {
        if (Strip == 0 && Append.Length == 0 && !Lower)
        {
            return form.ToString();
        }

        return Build(form[..Math.Max(0, form.Length - Strip)]);
    }

    private string Build(ReadOnlySpan<char> head)
    {
        Span<char> buffer = head.Length + Append.Length <= 128 ? stackalloc char[head.Length + Append.Length] : new char[head.Length + Append.Length];
        for (int i = 0; i < head.Length; i++)
        {
            char c = head[i];
            buffer[i] = Lower ? (c == '\u2019' ? '\'' : char.ToLowerInvariant(c)) : c;
        }

        Append.AsSpan().CopyTo(buffer[head.Length..]);
        return new string(buffer);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{(Lower ? 'L' : 'K')}{Strip}:{Append}");

    private static int CommonPrefix(string a, string b)
    {
        int n = Math.Min(a.Length, b.Length);
        int i = 0;
        while (i < n && a[i] == b[i])
        {
            i++;
        }

        return i;
    }
}

/// <summary>
/// Lemmatizer learnt from a treebank: an exception table of (lower-cased form, XPOS) -> rule for the forms the
/// suffix rules get wrong, and suffix rules per XPOS (longest matching suffix of up to
/// <see cref="MaxSuffix"/> characters wins). Falls back to <see cref="Lemmatizer"/> for tags it never saw.
/// Immutable and thread-safe.
/// </summary>
internal sealed class TreebankLemmatizer
{
    public const int MaxSuffix = 5;
    private readonly Dictionary<string, LemmaRule> _exceptions;
    private readonly Dictionary<string, LemmaRule> _suffixRules;
    private readonly Dictionary<string, LemmaRule>.AlternateLookup<ReadOnlySpan<char>> _exceptionLookup;
    private readonly Dictionary<string, LemmaRule>.AlternateLookup<ReadOnlySpan<char>> _suffixLookup;

    public TreebankLemmatizer(Dictionary<string, LemmaRule> exceptions, Dictionary<string, LemmaRule> suffixRules)
    {
        _exceptions = exceptions;
        _suffixRules = suffixRules;
        _exceptionLookup = exceptions.GetAlternateLookup<ReadOnlySpan<char>>();
        _suffixLookup = suffixRules.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int ExceptionCount => _exceptions.Count;

    public int RuleCount => _suffixRules.Count;

    /// <summary>The lemma of <paramref name="form"/> tagged <paramref name="xpos"/> (and <paramref name="upos"/>).</summary>
    public string Lemma(ReadOnlySpan<char> form, string xpos, string upos)
    {
        // Key: xpos + '\t' + lower form.
        int length = xpos.Length + 1 + form.Length;
        Span<char> key = length <= 256 ? stackalloc char[length] : new char[length];
        xpos.AsSpan().CopyTo(key);
        key[xpos.Length] = '\t';
        var lowerPart = key[(xpos.Length + 1)..];
        for (int i = 0; i < form.Length; i++)
        {
            char c = form[i];
            lowerPart[i] = c == '\u2019' ? '\'' : char.ToLowerInvariant(c);
        }

        if (_exceptionLookup.TryGetValue(key, out var rule))
        {
            return rule.Apply(form);
        }

        Span<char> suffixKey = stackalloc char[xpos.Length + 1 + MaxSuffix];
        xpos.AsSpan().CopyTo(suffixKey);
        suffixKey[xpos.Length] = '\t';
        for (int n = Math.Min(MaxSuffix, form.Length); n >= 0; n--)
        {
            // xpos + '\t' + suffix
            var sk = suffixKey[..(xpos.Length + 1 + n)];
            lowerPart[(form.Length - n)..].CopyTo(sk[(xpos.Length + 1)..]);
            if (_suffixLookup.TryGetValue(sk, out rule) && rule.Strip <= form.Length)
            {
                return rule.Apply(form);
            }
        }

        return upos is "PROPN" ? form.ToString() : Lemmatizer.Default.Lemma(form);
    }

    /// <summary>Learns the rules and exceptions from gold lemmas.</summary>
    public static TreebankLemmatizer Train(IReadOnlyList<ConllUSentence> sentences)
    {
        var suffixCounts = new Dictionary<string, Dictionary<LemmaRule, int>>(StringComparer.Ordinal);
        var formCounts = new Dictionary<string, Dictionary<LemmaRule, int>>(StringComparer.Ordinal);
        foreach (var s in sentences)
        {
            for (int i = 0; i < s.Count; i++)
            {
                string form = s.Forms[i], lemma = s.Lemmas[i], xpos = s.Xpos[i];
                if (lemma == "_" && form != "_")
                {
                    continue;
                }

                var rule = LemmaRule.Learn(form, lemma);
                string lower = form.ToLowerInvariant().Replace('\u2019', '\'');
                Count(formCounts, xpos + "\t" + lower, rule);
                for (int n = 0; n <= Math.Min(MaxSuffix, lower.Length); n++)
                {
                    if (rule.Strip <= n)
                    {
                        Count(suffixCounts, xpos + "\t" + lower[(lower.Length - n)..], rule);
                    }
                }
            }
        }

        var suffixRules = new Dictionary<string, LemmaRule>(StringComparer.Ordinal);
        foreach (var (key, counts) in suffixCounts)
        {
            var best = Best(counts, out int total, out int bestCount);
            if (total >= 2 || key.EndsWith('\t'))
            {
                suffixRules[key] = best;
            }

            _ = bestCount;
        }

        var lemmatizer = new TreebankLemmatizer([], suffixRules);
        var exceptions = new Dictionary<string, LemmaRule>(StringComparer.Ordinal);
        foreach (var (key, counts) in formCounts)
        {
            var best = Best(counts, out _, out _);
            int tab = key.IndexOf('\t', StringComparison.Ordinal);
            string xpos = key[..tab];
            string lower = key[(tab + 1)..];
            if (lemmatizer.SuffixRule(lower, xpos) != best)
            {
                exceptions[key] = best;
            }
        }

        return new TreebankLemmatizer(exceptions, suffixRules);
    }

    private LemmaRule? SuffixRule(string lower, string xpos)
    {
        for (int n = Math.Min(MaxSuffix, lower.Length); n >= 0; n--)
        {
            if (_suffixRules.TryGetValue(xpos + "\t" + lower[(lower.Length - n)..], out var rule))
            {
                return rule;
            }
        }

        return null;
    }

    private static void Count(Dictionary<string, Dictionary<LemmaRule, int>> table, string key, LemmaRule rule)
    {
        if (!table.TryGetValue(key, out var counts))
        {
            counts = [];
            table[key] = counts;
        }

        counts[rule] = counts.GetValueOrDefault(rule) + 1;
    }

    private static LemmaRule Best(Dictionary<LemmaRule, int> counts, out int total, out int bestCount)
    {
        LemmaRule best = default;
        bestCount = -1;
        total = 0;
        foreach (var (rule, c) in counts)
        {
            total += c;
            if (c > bestCount || (c == bestCount && string.CompareOrdinal(rule.ToString(), best.ToString()) < 0))
            {
                best = rule;
                bestCount = c;
            }
        }

        return best;
    }

    public void Write(BinaryWriter w)
    {
        WriteTable(w, _exceptions);
        WriteTable(w, _suffixRules);
    }

    public static TreebankLemmatizer Read(BinaryReader r) => new(ReadTable(r), ReadTable(r));

    private static void WriteTable(BinaryWriter w, Dictionary<string, LemmaRule> table)
    {
        w.Write(table.Count);
        foreach (var (key, rule) in table.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            w.Write(key);
            w.Write(rule.Lower);
            w.Write((byte)Math.Min(rule.Strip, 255));
            w.Write(rule.Append);
        }
    }

    private static Dictionary<string, LemmaRule> ReadTable(BinaryReader r)
    {
        int n = r.ReadInt32();
        var table = new Dictionary<string, LemmaRule>(n, StringComparer.Ordinal);
        for (int i = 0; i < n; i++)
        {
            string key = r.ReadString();
            bool lower = r.ReadBoolean();
            int strip = r.ReadByte();
            string append = r.ReadString();
            table[key] = new LemmaRule(lower, strip, append);
        }

        return table;
    }
}
