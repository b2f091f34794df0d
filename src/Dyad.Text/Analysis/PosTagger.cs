namespace Dyad.Text.Analysis;

/// <summary>Hashes of one word's surface properties, computed once per sentence and shared by every model.</summary>
internal struct WordHashes
{
    public ulong Form;
    public ulong Lower;
    public ulong Suffix1;
    public ulong Suffix2;
    public ulong Suffix3;
    public ulong Suffix4;
    public ulong Prefix1;
    public ulong Prefix2;
    public ulong Shape;

    /// <summary>The word's ambiguity class: the set of XPOS tags it had in training (0 when rare or unseen).</summary>
    public ulong Tags;

    public static WordHashes Of(ReadOnlySpan<char> word) => new()
    {
        Form = FeatureHash.Of(word),
        Lower = FeatureHash.OfLower(word),
        Suffix1 = FeatureHash.Suffix(word, 1),
        Suffix2 = FeatureHash.Suffix(word, 2),
        Suffix3 = FeatureHash.Suffix(word, 3),
        Suffix4 = FeatureHash.Suffix(word, 4),
        Prefix1 = FeatureHash.Prefix(word, 1),
        Prefix2 = FeatureHash.Prefix(word, 2),
        Shape = FeatureHash.Shape(word),
    };

    /// <summary>The hashes of a position outside the sentence (<paramref name="kind"/> tells which side).</summary>
    public static WordHashes Padding(int kind)
    {
        ulong s = FeatureHash.Sentinel(kind);
        return new WordHashes { Form = s, Lower = s, Suffix1 = s, Suffix2 = s, Suffix3 = s, Suffix4 = s, Prefix1 = s, Prefix2 = s, Shape = s, Tags = s };
    }
}

/// <summary>
/// Greedy left-to-right part-of-speech tagger predicting UPOS and XPOS together from one averaged perceptron
/// (one weight row per feature, the first columns for UPOS, the rest for XPOS). Features: the word, its
/// lower-cased form, prefixes, suffixes and shape, two words either side, and the two previous tags.
/// Immutable and thread-safe.
/// </summary>
internal sealed class PosTagger
{
    public const int MaxFeatures = 48;
    private static readonly WordHashes Before = WordHashes.Padding(1);
    private static readonly WordHashes Before2 = WordHashes.Padding(2);
    private static readonly WordHashes After = WordHashes.Padding(3);
    private static readonly WordHashes After2 = WordHashes.Padding(4);

    public const int MinAmbiguityCount = 3;

    public PosTagger(string[] upos, string[] xpos, WeightTable weights, Dictionary<ulong, ulong> ambiguity)
    {
        Upos = upos;
        Xpos = xpos;
        Weights = weights;
        Ambiguity = ambiguity;
    }

    /// <summary>Lower-cased word hash -> bit set of the XPOS tags the word had in training (words seen 3+ times).</summary>
    public Dictionary<ulong, ulong> Ambiguity { get; }

    /// <summary>Fills <see cref="WordHashes.Tags"/> of every word from <paramref name="ambiguity"/>.</summary>
    public static void SetAmbiguity(Span<WordHashes> words, Dictionary<ulong, ulong> ambiguity)
    {
        for (int i = 0; i < words.Length; i++)
        {
            words[i].Tags = ambiguity.GetValueOrDefault(words[i].Lower);
        }
    }

    /// <summary>Ambiguity classes from the training data.</summary>
    public static Dictionary<ulong, ulong> LearnAmbiguity(IReadOnlyList<ConllUSentence> sentences, Dictionary<string, int> xposId)
    {
        var tags = new Dictionary<ulong, ulong>();
        var counts = new Dictionary<ulong, int>();
        foreach (var s in sentences)
        {
            for (int i = 0; i < s.Count; i++)
            {
                ulong h = FeatureHash.OfLower(s.Forms[i]);
                tags[h] = tags.GetValueOrDefault(h) | (1UL << (xposId.GetValueOrDefault(s.Xpos[i]) & 63));
                counts[h] = counts.GetValueOrDefault(h) + 1;
            }
        }

        var result = new Dictionary<ulong, ulong>();
        foreach (var (h, c) in counts)
        {
            if (c >= MinAmbiguityCount)
            {
                result[h] = tags[h];
            }
        }

        return result;
    }

    public string[] Upos { get; }

    public string[] Xpos { get; }

    public WeightTable Weights { get; }

    /// <summary>Tags a sentence; <paramref name="scores"/> needs Upos.Length + Xpos.Length floats.</summary>
    public void Tag(Span<WordHashes> words, Span<byte> upos, Span<byte> xpos, Span<ulong> features, Span<float> scores)
    {
        SetAmbiguity(words, Ambiguity);
        int nu = Upos.Length;
        int classes = nu + Xpos.Length;
        for (int i = 0; i < words.Length; i++)
        {
            int n = Features(words, i, xpos, upos, features);
            var s = scores[..classes];
            s.Clear();
            Weights.Score(features[..n], s);
            upos[i] = (byte)ArgMax(s[..nu]);
            xpos[i] = (byte)ArgMax(s[nu..]);
        }
    }

    public static int ArgMax(ReadOnlySpan<float> s)
    {
        int best = 0;
        for (int k = 1; k < s.Length; k++)
        {
            if (s[k] > s[best])
            {
                best = k;
            }
        }

        return best;
    }

    /// <summary>Writes the features of word <paramref name="i"/> given the tags already chosen for words before it.</summary>
    public static int Features(ReadOnlySpan<WordHashes> words, int i, ReadOnlySpan<byte> xpos, ReadOnlySpan<byte> upos, Span<ulong> f)
    {
        ref readonly var w = ref words[i];
        ref readonly var p1 = ref i > 0 ? ref words[i - 1] : ref Before;
        ref readonly var p2 = ref i > 1 ? ref words[i - 2] : ref Before2;
        ref readonly var n1 = ref i + 1 < words.Length ? ref words[i + 1] : ref After;
        ref readonly var n2 = ref i + 2 < words.Length ? ref words[i + 2] : ref After2;
        ulong t1 = i > 0 ? 1000UL + xpos[i - 1] : 999UL;
        ulong t2 = i > 1 ? 1000UL + xpos[i - 2] : 998UL;
        ulong u1 = i > 0 ? 2000UL + upos[i - 1] : 1999UL;
        int k = 0;
        f[k++] = FeatureHash.F(0, 0);
        f[k++] = FeatureHash.F(1, w.Lower);
        f[k++] = FeatureHash.F(2, w.Form);
        f[k++] = FeatureHash.F(3, w.Suffix1);
        f[k++] = FeatureHash.F(4, w.Suffix2);
        f[k++] = FeatureHash.F(5, w.Suffix3);
        f[k++] = FeatureHash.F(6, w.Suffix4);
        f[k++] = FeatureHash.F(7, w.Prefix1);
        f[k++] = FeatureHash.F(8, w.Prefix2);
        f[k++] = FeatureHash.F(9, w.Shape);
        f[k++] = FeatureHash.F(10, p1.Lower);
        f[k++] = FeatureHash.F(11, n1.Lower);
        f[k++] = FeatureHash.F(12, p2.Lower);
        f[k++] = FeatureHash.F(13, n2.Lower);
        f[k++] = FeatureHash.F(14, p1.Suffix3);
        f[k++] = FeatureHash.F(15, n1.Suffix3);
        f[k++] = FeatureHash.F(16, t1);
        f[k++] = FeatureHash.F(17, t2, t1);
        f[k++] = FeatureHash.F(18, t1, w.Lower);
        f[k++] = FeatureHash.F(19, p1.Shape, w.Shape);
        f[k++] = FeatureHash.F(20, n1.Shape);
        f[k++] = FeatureHash.F(21, w.Lower, n1.Lower);
        f[k++] = FeatureHash.F(22, p1.Lower, w.Lower);
        f[k++] = FeatureHash.F(23, u1);
        f[k++] = FeatureHash.F(24, i == 0 ? 1UL : 0UL, w.Shape);
        f[k++] = FeatureHash.F(25, t1, w.Suffix3);
        f[k++] = FeatureHash.F(26, n1.Suffix2);
        f[k++] = FeatureHash.F(27, p1.Suffix2);
        f[k++] = FeatureHash.F(28, w.Shape, n1.Lower);
        f[k++] = FeatureHash.F(29, t1, n1.Lower);
        f[k++] = FeatureHash.F(30, n1.Lower, n2.Lower);
        f[k++] = FeatureHash.F(31, p2.Lower, p1.Lower);
        f[k++] = FeatureHash.F(32, w.Suffix3, n1.Suffix3);
        f[k++] = FeatureHash.F(33, n2.Suffix3);
        f[k++] = FeatureHash.F(34, w.Tags);
        f[k++] = FeatureHash.F(35, n1.Tags);
        f[k++] = FeatureHash.F(36, n2.Tags);
        f[k++] = FeatureHash.F(37, w.Tags, n1.Tags);
        f[k++] = FeatureHash.F(38, t1, w.Tags);
        f[k++] = FeatureHash.F(39, w.Tags, w.Suffix3);
        return k;
    }

    /// <summary>
    /// Trains a tagger on <paramref name="sentences"/>. Deterministic for a given <paramref name="seed"/>.
    /// <paramref name="tagsets"/> fixes the tag inventories (so folds of one corpus share them).
    /// </summary>
    public static PosTagger Train(IReadOnlyList<ConllUSentence> sentences, (string[] Upos, string[] Xpos) tagsets, int epochs, int seed, float prune, Action<string>? log = null)
    {
        var (uposTags, xposTags) = tagsets;
        var uposId = Index(uposTags);
        var xposId = Index(xposTags);
        int nu = uposTags.Length;
        var model = new PerceptronTrainer(nu + xposTags.Length);
        var ambiguity = LearnAmbiguity(sentences, xposId);
        var order = Enumerable.Range(0, sentences.Count).ToArray();
        var rng = new Random(seed);
        Span<ulong> feats = stackalloc ulong[MaxFeatures];
        var scores = new float[nu + xposTags.Length];
        var words = new WordHashes[256];
        var gu = new byte[256];
        var gx = new byte[256];
        var pu = new byte[256];
        var px = new byte[256];
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            rng.Shuffle(order);
            int correct = 0, total = 0;
            foreach (int si in order)
            {
                var s = sentences[si];
                int n = s.Count;
                if (n > words.Length)
                {
                    words = new WordHashes[n * 2];
                    gu = new byte[n * 2];
                    gx = new byte[n * 2];
                    pu = new byte[n * 2];
                    px = new byte[n * 2];
                }

                for (int i = 0; i < n; i++)
                {
                    words[i] = WordHashes.Of(s.Forms[i]);
                    gu[i] = (byte)uposId.GetValueOrDefault(s.Upos[i]);
                    gx[i] = (byte)xposId.GetValueOrDefault(s.Xpos[i]);
                }

                SetAmbiguity(words.AsSpan(0, n), ambiguity);

                for (int i = 0; i < n; i++)
                {
                    int k = Features(words.AsSpan(0, n), i, px, pu, feats);
                    Array.Clear(scores);
                    model.Score(feats[..k], scores);
                    int guessU = ArgMax(scores.AsSpan(0, nu));
                    int guessX = ArgMax(scores.AsSpan(nu));
                    model.Update(feats[..k], gu[i], guessU);
                    model.Update(feats[..k], nu + gx[i], nu + guessX);
                    model.Tick();
                    correct += guessU == gu[i] ? 1 : 0;
                    total++;

                    // Train on the model's own previous tags, as they will be seen when tagging.
                    pu[i] = (byte)guessU;
                    px[i] = (byte)guessX;
                }
            }

            log?.Invoke($"tagger epoch {epoch + 1}: train UPOS {100.0 * correct / total:F2}%, {model.FeatureCount:N0} features");
        }

        return new PosTagger(uposTags, xposTags, model.Freeze(prune), ambiguity);
    }

    public static Dictionary<string, int> Index(string[] values)
    {
        var d = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < values.Length; i++)
        {
            d[values[i]] = i;
        }

        return d;
    }
}
