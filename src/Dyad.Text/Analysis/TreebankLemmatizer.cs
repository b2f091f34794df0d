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

    private readonly HashSet<string> _known;

    public TreebankLemmatizer(Dictionary<string, LemmaRule> exceptions, Dictionary<string, LemmaRule> suffixRules, HashSet<string> knownLemmas)
    {
        _known = knownLemmas;
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

        Span<char> exact = length < 256 ? stackalloc char[length + 1] : new char[length + 1];
        exact[0] = '=';
        key.CopyTo(exact[1..]);
        var exactPart = exact[(xpos.Length + 2)..];
        for (int i = 0; i < form.Length; i++)
        {
            exactPart[i] = form[i] == '\u2019' ? '\'' : form[i];
        }

        if (_exceptionLookup.TryGetValue(exact, out var rule) || _exceptionLookup.TryGetValue(key, out rule))
        {
            return rule.Apply(form);
        }

        if (SuffixRule(form, lowerPart, xpos) is { } suffixRule)
        {
            return suffixRule.Apply(form);
        }

        return upos is "PROPN" ? form.ToString() : Lemmatizer.Default.Lemma(form);
    }

    /// <summary>
    /// Learns the rules and exceptions from gold lemmas. Suffix rules are counted over distinct (form, tag) pairs,
    /// since they serve words not seen in training; exceptions are keyed by the exact form first (<c>i</c> ->
    /// <c>I</c>), then by the lower-cased form.
    /// </summary>
    public static TreebankLemmatizer Train(IReadOnlyList<ConllUSentence> sentences)
    {
        var suffixCounts = new Dictionary<string, Dictionary<LemmaRule, int>>(StringComparer.Ordinal);
        var exactCounts = new Dictionary<string, Dictionary<LemmaRule, int>>(StringComparer.Ordinal);
        var lowerCounts = new Dictionary<string, Dictionary<LemmaRule, int>>(StringComparer.Ordinal);
        var types = new HashSet<(string Form, string Xpos, LemmaRule Rule)>();
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
                Count(exactCounts, xpos + "\t" + form.Replace('\u2019', '\''), rule);
                Count(lowerCounts, xpos + "\t" + lower, rule);
                if (!types.Add((lower, xpos, rule)))
                {
                    continue;
                }

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
            var best = Best(counts, out int total, out _);
            if (total >= 2 || key.EndsWith('\t'))
            {
                suffixRules[key] = best;
            }
        }

        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in sentences)
        {
            foreach (string lemma in s.Lemmas)
            {
                if (lemma != "_")
                {
                    known.Add(lemma.ToLowerInvariant());
                }
            }
        }

        var lemmatizer = new TreebankLemmatizer([], suffixRules, known);
        var exceptions = new Dictionary<string, LemmaRule>(StringComparer.Ordinal);
        foreach (var (key, counts) in lowerCounts)
        {
            var best = Best(counts, out _, out _);
            int tab = key.IndexOf('\t', StringComparison.Ordinal);
            string lowerForm = key[(tab + 1)..];
            if (lemmatizer.SuffixRule(lowerForm, lowerForm, key[..tab]) != best)
            {
                exceptions[key] = best;
            }
        }

        // Exact-case entries ("=" + tag + tab + form) where the lower-cased entry or the suffix rules would be wrong.
        var exactExceptions = new Dictionary<string, LemmaRule>(StringComparer.Ordinal);
        foreach (var (key, counts) in exactCounts)
        {
            var best = Best(counts, out _, out _);
            int tab = key.IndexOf('\t', StringComparison.Ordinal);
            string lower = key[(tab + 1)..].ToLowerInvariant();
            var viaLower = exceptions.TryGetValue(key[..tab] + "\t" + lower, out var r) ? r : lemmatizer.SuffixRule(key.AsSpan(tab + 1), lower, key[..tab]);
            if (viaLower != best)
            {
                exactExceptions["=" + key] = best;
            }
        }

        foreach (var (key, rule) in exactExceptions)
        {
            exceptions[key] = rule;
        }

        return new TreebankLemmatizer(exceptions, suffixRules, known);
    }

    /// <summary>
    /// The rule of the longest matching suffix. When it yields a word never seen as a lemma (<c>shelled</c> ->
    /// <c>shel</c>) and a shorter suffix's rule yields a known lemma (<c>shell</c>), the latter wins.
    /// </summary>
    private LemmaRule? SuffixRule(ReadOnlySpan<char> form, ReadOnlySpan<char> lower, string xpos)
    {
        Span<char> suffixKey = stackalloc char[xpos.Length + 1 + MaxSuffix];
        xpos.AsSpan().CopyTo(suffixKey);
        suffixKey[xpos.Length] = '\t';
        LemmaRule? first = null;
        for (int n = Math.Min(MaxSuffix, lower.Length); n >= 0; n--)
        {
            var sk = suffixKey[..(xpos.Length + 1 + n)];
            lower[(lower.Length - n)..].CopyTo(sk[(xpos.Length + 1)..]);
            if (!_suffixLookup.TryGetValue(sk, out var rule) || rule.Strip > form.Length)
            {
                continue;
            }

            if (first is null)
            {
                if (rule.Strip == 0 || _known.Count == 0 || IsKnown(rule, lower))
                {
                    return rule;
                }

                first = rule;
            }
            else if (rule.Strip > 0 && rule != first && IsKnown(rule, lower))
            {
                return rule;
            }
        }

        return first;
    }

    private bool IsKnown(LemmaRule rule, ReadOnlySpan<char> lower) =>
        _known.Contains(string.Concat(lower[..Math.Max(0, lower.Length - rule.Strip)], rule.Append.ToLowerInvariant()));

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
        w.Write(_known.Count);
        foreach (string lemma in _known.Order(StringComparer.Ordinal))
        {
            w.Write(lemma);
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static TreebankLemmatizer Read(BinaryReader r)
    {
        var exceptions = ReadTable(r);
        var rules = ReadTable(r);
        int count = r.ReadInt32();
        var known = new HashSet<string>(count, StringComparer.Ordinal);
        for (int i = 0; i < count; i++)
        {
            known.Add(r.ReadString());
        }

        return new TreebankLemmatizer(exceptions, rules, known);
    }

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

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
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
