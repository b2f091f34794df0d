namespace Dyad.Text.Analysis;

/// <summary>
/// Working memory of one arc-eager parse: stack, buffer position, arcs so far and per-word child summaries used by
/// the features. Word <c>N</c> is the artificial root, placed at the end of the buffer (Ballesteros and Nivre
/// 2013). Reused across sentences; not thread-safe (one per thread).
/// </summary>
internal sealed class ParseState
{
    public const byte NoLabel = 255;
    public int N;
    public int[] Stack = new int[64];
    public int Sp;
    public int B;
    public int[] Head = new int[64];
    public byte[] Label = new byte[64];
    public int[] L1 = new int[64];
    public int[] L2 = new int[64];
    public int[] R1 = new int[64];
    public int[] R2 = new int[64];
    public byte[] LeftCount = new byte[64];
    public byte[] RightCount = new byte[64];
    public ulong[] LeftLabels = new ulong[64];
    public ulong[] RightLabels = new ulong[64];

    /// <summary>The transitions taken so far, each <see cref="Pack"/>ed with its label (kept for training updates).</summary>
    public int[] History = new int[128];
    public int Steps;

    public void Init(int n)
    {
        Steps = 0;
        if (2 * n + 2 > History.Length)
        {
            History = new int[(n + 2) * 4];
        }

        if (n + 2 > Head.Length)
        {
            int size = (n + 2) * 2;
            Stack = new int[size];
            Head = new int[size];
            Label = new byte[size];
            L1 = new int[size];
            L2 = new int[size];
            R1 = new int[size];
            R2 = new int[size];
            LeftCount = new byte[size];
            RightCount = new byte[size];
            LeftLabels = new ulong[size];
            RightLabels = new ulong[size];
        }

        N = n;
        Sp = 0;
        B = 0;
        int m = n + 1;
        Head.AsSpan(0, m).Fill(-1);
        Label.AsSpan(0, m).Fill(NoLabel);
        L1.AsSpan(0, m).Fill(-1);
        L2.AsSpan(0, m).Fill(-1);
        R1.AsSpan(0, m).Fill(-1);
        R2.AsSpan(0, m).Fill(-1);
        LeftCount.AsSpan(0, m).Clear();
        RightCount.AsSpan(0, m).Clear();
        LeftLabels.AsSpan(0, m).Clear();
        RightLabels.AsSpan(0, m).Clear();
    }

    public bool Terminal => Sp == 0 && B == N;

    /// <summary>A transition and its label as one history entry.</summary>
    public static int Pack(int transition, byte label) => transition | (label << 2);

    /// <summary>Makes this state a copy of <paramref name="other"/> (sizes are taken from it).</summary>
    public void CopyFrom(ParseState other, bool withHistory)
    {
        int n = other.N;
        if (Head.Length < other.Head.Length)
        {
            Init(n);
        }

        if (withHistory)
        {
            if (History.Length < other.History.Length)
            {
                History = new int[other.History.Length];
            }

            Array.Copy(other.History, History, other.Steps);
        }

        N = n;
        Sp = other.Sp;
        B = other.B;
        Steps = other.Steps;
        int m = n + 1;
        Array.Copy(other.Stack, Stack, Sp);
        Array.Copy(other.Head, Head, m);
        Array.Copy(other.Label, Label, m);
        Array.Copy(other.L1, L1, m);
        Array.Copy(other.L2, L2, m);
        Array.Copy(other.R1, R1, m);
        Array.Copy(other.R2, R2, m);
        Array.Copy(other.LeftCount, LeftCount, m);
        Array.Copy(other.RightCount, RightCount, m);
        Array.Copy(other.LeftLabels, LeftLabels, m);
        Array.Copy(other.RightLabels, RightLabels, m);
    }

    public int S0 => Sp > 0 ? Stack[Sp - 1] : -1;

    public bool CanShift => B < N;

    public bool CanRight => Sp > 0 && B < N;

    public bool CanLeft => Sp > 0 && Head[Stack[Sp - 1]] < 0;

    public bool CanReduce => Sp > 0 && Head[Stack[Sp - 1]] >= 0;

    public bool IsValid(int t) => t switch
    {
        DependencyParser.Shift => CanShift,
        DependencyParser.Reduce => CanReduce,
        DependencyParser.Left => CanLeft,
        _ => CanRight,
    };

    public void AddArc(int h, int d, byte label)
    {
        Head[d] = h;
        Label[d] = label;
        if (d < h)
        {
            L2[h] = L1[h];
            L1[h] = d;
            LeftCount[h]++;
            LeftLabels[h] |= 1UL << (label & 63);
        }
        else
        {
            R2[h] = R1[h];
            R1[h] = d;
            RightCount[h]++;
            RightLabels[h] |= 1UL << (label & 63);
        }
    }

    public void Apply(int t, byte label)
    {
        if (Steps < History.Length)
        {
            History[Steps] = Pack(t, label);
        }

        Steps++;
        switch (t)
        {
            case DependencyParser.Shift:
                Stack[Sp++] = B++;
                break;
            case DependencyParser.Reduce:
                Sp--;
                break;
            case DependencyParser.Left:
                AddArc(B, Stack[--Sp], label);
                break;
            default:
                AddArc(Stack[Sp - 1], B, label);
                Stack[Sp++] = B++;
                break;
        }
    }
}

/// <summary>
/// Greedy arc-eager dependency parser (Nivre 2003) with an averaged perceptron over Zhang and Nivre (2011)
/// style features, trained with the dynamic oracle of Goldberg and Nivre (2012); relation labels come from a
/// second perceptron consulted whenever an arc is made. Produces projective trees. Immutable and thread-safe.
/// </summary>
internal sealed class DependencyParser
{
    public const int Shift = 0;
    public const int Reduce = 1;
    public const int Left = 2;
    public const int Right = 3;
    public const int MaxFeatures = 96;
    public const int MaxLabelFeatures = 40;
    private static readonly ulong NoneWord = FeatureHash.Sentinel(11);
    private static readonly ulong RootWord = FeatureHash.Sentinel(12);
    private const ulong NoneTag = 5000;
    private const ulong RootTag = 5001;

    public DependencyParser(string[] labels, WeightTable transitions, WeightTable labeller, int beamWidth)
    {
        Labels = labels;
        Transitions = transitions;
        Labeller = labeller;
        RootLabel = (byte)Array.IndexOf(labels, "root");
        BeamWidth = Math.Max(1, beamWidth);
    }

    /// <summary>Configurations kept by the beam search; 1 = greedy, locally trained (dynamic oracle).</summary>
    public int BeamWidth { get; }

    public string[] Labels { get; }

    public WeightTable Transitions { get; }

    public WeightTable Labeller { get; }

    public byte RootLabel { get; }

    /// <summary>
    /// Parses a tagged sentence. <paramref name="heads"/> receives 0-based head indices (-1 for the root word),
    /// <paramref name="labels"/> relation ids into <see cref="Labels"/>.
    /// </summary>
    public void Parse(ReadOnlySpan<WordHashes> words, ReadOnlySpan<byte> xpos, ReadOnlySpan<byte> upos, ParseState st, BeamSearch beam, Span<int> heads, Span<byte> labels, Span<ulong> features, Span<float> scores)
    {
        int n = words.Length;
        if (BeamWidth > 1)
        {
            var sentence = new TaggedSentence(words, xpos, upos);
            beam.Start(n, BeamWidth, Labels.Length);
            for (int step = 0; step < 2 * n; step++)
            {
                beam.Advance(Transitions, Labeller, RootLabel, sentence, BeamWidth, -1, withHistory: false);
            }

            st = beam.Best;
        }
        else
        {
            ParseGreedy(words, xpos, upos, st, features, scores);
        }

        FinishTree(words, xpos, upos, st, features, scores);
        for (int i = 0; i < n; i++)
        {
            heads[i] = st.Head[i] == n ? -1 : st.Head[i];
            labels[i] = st.Head[i] == n ? RootLabel : st.Label[i];
        }
    }

    /// <summary>The head and dependent of the arc transition <paramref name="t"/> (Left or Right) would make in <paramref name="st"/>.</summary>
    public static (int Head, int Dependent) Arc(ParseState st, int t) => t == Left ? (st.B, st.S0) : (st.S0, st.B);

    /// <summary>The relation an arc transition takes: root for an arc from the root, else the best other relation.</summary>
    public static byte ArcLabel(ParseState st, int t, ReadOnlySpan<float> labelScores, byte rootLabel) =>
        Arc(st, t).Head == st.N ? rootLabel : (byte)BestLabel(labelScores, rootLabel);

    private void ParseGreedy(ReadOnlySpan<WordHashes> words, ReadOnlySpan<byte> xpos, ReadOnlySpan<byte> upos, ParseState st, Span<ulong> features, Span<float> scores)
    {
        int n = words.Length;
        st.Init(n);
        Span<float> ts = stackalloc float[4];
        while (!st.Terminal)
        {
            int k = Features(words, xpos, upos, st, features);
            ts.Clear();
            Transitions.Score(features[..k], ts);
            int best = BestValid(st, ts);
            byte label = 0;
            if (best is Left or Right)
            {
                label = ChooseLabel(words, xpos, upos, st, best, features, scores);
            }

            st.Apply(best, label);
        }
    }

    public static int BestValid(ParseState st, ReadOnlySpan<float> ts)
    {
        int best = -1;
        for (int t = 0; t < 4; t++)
        {
            if (st.IsValid(t) && (best < 0 || ts[t] > ts[best]))
            {
                best = t;
            }
        }

        return best;
    }

    private byte ChooseLabel(ReadOnlySpan<WordHashes> words, ReadOnlySpan<byte> xpos, ReadOnlySpan<byte> upos, ParseState st, int t, Span<ulong> features, Span<float> scores)
    {
        int s0 = st.S0;
        int h = t == Left ? st.B : s0;
        int d = t == Left ? s0 : st.B;
        if (h == st.N)
        {
            return RootLabel;
        }

        int k = LabelFeatures(words, xpos, upos, st, h, d, features);
        var s = scores[..Labels.Length];
        s.Clear();
        Labeller.Score(features[..k], s);
        return (byte)BestLabel(s, RootLabel);
    }

    public static int BestLabel(ReadOnlySpan<float> s, int exclude)
    {
        int best = exclude == 0 ? 1 : 0;
        for (int c = 0; c < s.Length; c++)
        {
            if (c != exclude && s[c] > s[best])
            {
                best = c;
            }
        }

        return best;
    }

    /// <summary>
    /// Keeps one word attached to the root: among the words left attached to it, the one the labeller finds most
    /// root-like; the others become its dependents.
    /// </summary>
    private void FinishTree(ReadOnlySpan<WordHashes> words, ReadOnlySpan<byte> xpos, ReadOnlySpan<byte> upos, ParseState st, Span<ulong> features, Span<float> scores)
    {
        int n = st.N;
        int root = -1;
        int candidates = 0;
        float best = float.NegativeInfinity;
        for (int i = 0; i < n; i++)
        {
            if (st.Head[i] < 0)
            {
                st.Head[i] = n;
                st.Label[i] = RootLabel;
            }

            if (st.Head[i] == n)
            {
                candidates++;
                int k = LabelFeatures(words, xpos, upos, st, n, i, features);
                var s = scores[..Labels.Length];
                s.Clear();
                Labeller.Score(features[..k], s);
                float margin = s[RootLabel] - s[BestLabel(s, RootLabel)];
                if (margin > best)
                {
                    best = margin;
                    root = i;
                }
            }
        }

        if (candidates <= 1)
        {
            return;
        }

        for (int i = 0; i < n; i++)
        {
            if (st.Head[i] == n && i != root)
            {
                int k = LabelFeatures(words, xpos, upos, st, root, i, features);
                var s = scores[..Labels.Length];
                s.Clear();
                Labeller.Score(features[..k], s);
                st.Head[i] = root;
                st.Label[i] = (byte)BestLabel(s, RootLabel);
            }
        }
    }

    private static ulong W(ReadOnlySpan<WordHashes> words, int i, int n) => i < 0 ? NoneWord : i == n ? RootWord : words[i].Lower;

    private static ulong P(ReadOnlySpan<byte> xpos, int i, int n) => i < 0 ? NoneTag : i == n ? RootTag : xpos[i];

    private static ulong U(ReadOnlySpan<byte> upos, int i, int n) => i < 0 ? NoneTag + 10 : i == n ? RootTag + 10 : 6000UL + upos[i];

    private static ulong L(ParseState st, int i) => i < 0 ? 300UL : st.Label[i];

    /// <summary>Transition features of the current configuration: its <see cref="WordFeatures"/>, then its <see cref="TreeFeatures"/>.</summary>
    public static int Features(ReadOnlySpan<WordHashes> words, ReadOnlySpan<byte> xpos, ReadOnlySpan<byte> upos, ParseState st, Span<ulong> f)
    {
        int k = WordFeatures(words, xpos, upos, st.N, st.Sp > 1 ? st.Stack[st.Sp - 2] : -1, st.S0, st.B, f);
        return k + TreeFeatures(words, xpos, upos, st, f[k..]);
    }

    /// <summary>
    /// The transition features that read only which words are the top two of the stack (<paramref name="s1"/>,
    /// <paramref name="s0"/>) and the first of the buffer (<paramref name="n0"/>), not the arcs built so far: equal in
    /// every configuration with those three words, so a beam can score them once.
    /// </summary>
    public static int WordFeatures(ReadOnlySpan<WordHashes> words, ReadOnlySpan<byte> xpos, ReadOnlySpan<byte> upos, int n, int s1, int s0, int n0, Span<ulong> f)
    {
        int n1 = n0 + 1 <= n ? n0 + 1 : -1;
        int n2 = n0 + 2 <= n ? n0 + 2 : -1;
        ulong s0w = W(words, s0, n), s0p = P(xpos, s0, n);
        ulong n0w = W(words, n0, n), n0p = P(xpos, n0, n);
        ulong n1w = W(words, n1, n), n1p = P(xpos, n1, n);
        ulong n2w = W(words, n2, n), n2p = P(xpos, n2, n);
        ulong s1w = W(words, s1, n), s1p = P(xpos, s1, n);
        ulong s0wp = FeatureHash.Mix(s0w, s0p), n0wp = FeatureHash.Mix(n0w, n0p);
        ulong dist = s0 >= 0 ? (ulong)Math.Min(n0 - s0, 8) : 0;
        int k = 0;

        // Single words.
        f[k++] = FeatureHash.F(0, 0);
        f[k++] = FeatureHash.F(1, s0wp);
        f[k++] = FeatureHash.F(2, s0w);
        f[k++] = FeatureHash.F(3, s0p);
        f[k++] = FeatureHash.F(4, n0wp);
        f[k++] = FeatureHash.F(5, n0w);
        f[k++] = FeatureHash.F(6, n0p);
        f[k++] = FeatureHash.F(7, n1w, n1p);
        f[k++] = FeatureHash.F(8, n1w);
        f[k++] = FeatureHash.F(9, n1p);
        f[k++] = FeatureHash.F(10, n2w, n2p);
        f[k++] = FeatureHash.F(11, n2w);
        f[k++] = FeatureHash.F(12, n2p);

        // Pairs.
        f[k++] = FeatureHash.F(13, s0wp, n0wp);
        f[k++] = FeatureHash.F(14, s0wp, n0w);
        f[k++] = FeatureHash.F(15, s0w, n0wp);
        f[k++] = FeatureHash.F(16, s0wp, n0p);
        f[k++] = FeatureHash.F(17, s0p, n0wp);
        f[k++] = FeatureHash.F(18, s0w, n0w);
        f[k++] = FeatureHash.F(19, s0p, n0p);
        f[k++] = FeatureHash.F(20, n0p, n1p);

        // Three words.
        f[k++] = FeatureHash.F(21, n0p, n1p, n2p);
        f[k++] = FeatureHash.F(22, s0p, n0p, n1p);

        // Distance.
        f[k++] = FeatureHash.F(27, s0w, dist);
        f[k++] = FeatureHash.F(28, s0p, dist);
        f[k++] = FeatureHash.F(29, n0w, dist);
        f[k++] = FeatureHash.F(30, n0p, dist);
        f[k++] = FeatureHash.F(31, s0w, n0w, dist);
        f[k++] = FeatureHash.F(32, s0p, n0p, dist);

        // The word below the top of the stack, and the next word with the top two.
        f[k++] = FeatureHash.F(73, s1p, s0p, n0p);
        f[k++] = FeatureHash.F(74, s1w, s1p);
        f[k++] = FeatureHash.F(77, s0p, n0p, n1w);
        f[k++] = FeatureHash.F(78, s0w, n0p, n1p);

        // Generalisations for rare words: suffixes, shapes and coarse tags.
        ulong s0u = U(upos, s0, n), n0u = U(upos, n0, n), n1u = U(upos, n1, n);
        f[k++] = FeatureHash.F(79, s0 >= 0 ? words[s0].Suffix3 : NoneWord, n0p);
        f[k++] = FeatureHash.F(80, n0 < n ? words[n0].Suffix3 : RootWord, s0p);
        f[k++] = FeatureHash.F(81, n0 < n ? words[n0].Shape : RootWord, n0p);
        f[k++] = FeatureHash.F(82, s0u, n0u);
        f[k++] = FeatureHash.F(83, s0u, n0u, n1u);
        return k;
    }

    /// <summary>The transition features that read the arcs built so far: heads, children, valencies, relations.</summary>
    public static int TreeFeatures(ReadOnlySpan<WordHashes> words, ReadOnlySpan<byte> xpos, ReadOnlySpan<byte> upos, ParseState st, Span<ulong> f)
    {
        int n = st.N;
        int s0 = st.S0;
        int n0 = st.B;
        int s0h = s0 >= 0 ? st.Head[s0] : -1;
        int s0h2 = s0h >= 0 && s0h < n ? st.Head[s0h] : -1;
        int s0l = s0 >= 0 ? st.L1[s0] : -1;
        int s0r = s0 >= 0 ? st.R1[s0] : -1;
        int s0l2 = s0 >= 0 ? st.L2[s0] : -1;
        int s0r2 = s0 >= 0 ? st.R2[s0] : -1;
        int n0l = st.L1[n0];
        int n0l2 = st.L2[n0];

        ulong s0w = W(words, s0, n), s0p = P(xpos, s0, n);
        ulong n0w = W(words, n0, n), n0p = P(xpos, n0, n);
        ulong s0hw = W(words, s0h, n), s0hp = P(xpos, s0h, n);
        ulong s0lw = W(words, s0l, n), s0lp = P(xpos, s0l, n);
        ulong s0rw = W(words, s0r, n), s0rp = P(xpos, s0r, n);
        ulong n0lw = W(words, n0l, n), n0lp = P(xpos, n0l, n);
        ulong s0vl = s0 >= 0 ? st.LeftCount[s0] : 99UL, s0vr = s0 >= 0 ? st.RightCount[s0] : 99UL, n0vl = st.LeftCount[n0];
        ulong s0sl = s0 >= 0 ? st.LeftLabels[s0] : 1UL << 63, s0sr = s0 >= 0 ? st.RightLabels[s0] : 1UL << 63, n0sl = st.LeftLabels[n0];
        ulong s0l0 = s0 >= 0 ? L(st, s0) : 301UL;
        int k = 0;

        // Three words, with children and heads.
        f[k++] = FeatureHash.F(23, s0hp, s0p, n0p);
        f[k++] = FeatureHash.F(24, s0p, s0lp, n0p);
        f[k++] = FeatureHash.F(25, s0p, s0rp, n0p);
        f[k++] = FeatureHash.F(26, s0p, n0p, n0lp);

        // Valency.
        f[k++] = FeatureHash.F(33, s0w, s0vr);
        f[k++] = FeatureHash.F(34, s0p, s0vr);
        f[k++] = FeatureHash.F(35, s0w, s0vl);
        f[k++] = FeatureHash.F(36, s0p, s0vl);
        f[k++] = FeatureHash.F(37, n0w, n0vl);
        f[k++] = FeatureHash.F(38, n0p, n0vl);

        // Second-order unigrams.
        f[k++] = FeatureHash.F(39, s0hw);
        f[k++] = FeatureHash.F(40, s0hp);
        f[k++] = FeatureHash.F(41, s0l0);
        f[k++] = FeatureHash.F(42, s0lw);
        f[k++] = FeatureHash.F(43, s0lp);
        f[k++] = FeatureHash.F(44, L(st, s0l));
        f[k++] = FeatureHash.F(45, s0rw);
        f[k++] = FeatureHash.F(46, s0rp);
        f[k++] = FeatureHash.F(47, L(st, s0r));
        f[k++] = FeatureHash.F(48, n0lw);
        f[k++] = FeatureHash.F(49, n0lp);
        f[k++] = FeatureHash.F(50, L(st, n0l));

        // Third order.
        f[k++] = FeatureHash.F(51, W(words, s0h2, n));
        f[k++] = FeatureHash.F(52, P(xpos, s0h2, n));
        f[k++] = FeatureHash.F(53, s0h >= 0 ? L(st, s0h) : 302UL);
        f[k++] = FeatureHash.F(54, W(words, s0l2, n));
        f[k++] = FeatureHash.F(55, P(xpos, s0l2, n));
        f[k++] = FeatureHash.F(56, L(st, s0l2));
        f[k++] = FeatureHash.F(57, W(words, s0r2, n));
        f[k++] = FeatureHash.F(58, P(xpos, s0r2, n));
        f[k++] = FeatureHash.F(59, L(st, s0r2));
        f[k++] = FeatureHash.F(60, W(words, n0l2, n));
        f[k++] = FeatureHash.F(61, P(xpos, n0l2, n));
        f[k++] = FeatureHash.F(62, L(st, n0l2));
        f[k++] = FeatureHash.F(63, s0p, s0lp, P(xpos, s0l2, n));
        f[k++] = FeatureHash.F(64, s0p, s0rp, P(xpos, s0r2, n));
        f[k++] = FeatureHash.F(65, s0p, s0hp, P(xpos, s0h2, n));
        f[k++] = FeatureHash.F(66, n0p, n0lp, P(xpos, n0l2, n));

        // Label sets.
        f[k++] = FeatureHash.F(67, s0w, s0sr);
        f[k++] = FeatureHash.F(68, s0p, s0sr);
        f[k++] = FeatureHash.F(69, s0w, s0sl);
        f[k++] = FeatureHash.F(70, s0p, s0sl);
        f[k++] = FeatureHash.F(71, n0w, n0sl);
        f[k++] = FeatureHash.F(72, n0p, n0sl);

        // Head attachment state and the relation of the top of the stack.
        ulong s0u = U(upos, s0, n), n0u = U(upos, n0, n);
        f[k++] = FeatureHash.F(75, s0p, n0p, s0h >= 0 ? 1UL : 0UL);
        f[k++] = FeatureHash.F(76, s0l0, n0p);
        f[k++] = FeatureHash.F(84, s0l0, s0u, n0u);
        return k;
    }

    /// <summary>Features for labelling the arc <paramref name="h"/> -> <paramref name="d"/>.</summary>
    public static int LabelFeatures(ReadOnlySpan<WordHashes> words, ReadOnlySpan<byte> xpos, ReadOnlySpan<byte> upos, ParseState st, int h, int d, Span<ulong> f)
    {
        int n = st.N;
        ulong dir = d < h ? 1UL : 2UL;
        ulong hw = W(words, h, n), hp = P(xpos, h, n), dw = W(words, d, n), dp = P(xpos, d, n);
        ulong du = 100UL + upos[d];
        int dl = st.L1[d], dr = st.R1[d], hl = st.L1[h], hr = st.R1[h];
        ulong dist = (ulong)Math.Min(Math.Abs(h - d), 6);
        ulong hh = h < n && st.Head[h] >= 0 ? L(st, h) : 303UL;
        int k = 0;
        f[k++] = FeatureHash.F(100, dir);
        f[k++] = FeatureHash.F(101, dir, hw);
        f[k++] = FeatureHash.F(102, dir, hp);
        f[k++] = FeatureHash.F(103, dir, dw);
        f[k++] = FeatureHash.F(104, dir, dp);
        f[k++] = FeatureHash.F(105, dir, hp, dp);
        f[k++] = FeatureHash.F(106, dir, hw, dp);
        f[k++] = FeatureHash.F(107, dir, hp, dw);
        f[k++] = FeatureHash.F(108, dir, hw, dw);
        f[k++] = FeatureHash.F(109, dir, words[d].Suffix3, dp);
        f[k++] = FeatureHash.F(110, dir, du, hp);
        f[k++] = FeatureHash.F(111, dir, dist, dp);
        f[k++] = FeatureHash.F(112, dir, st.LeftLabels[h], dp);
        f[k++] = FeatureHash.F(113, dir, st.RightLabels[h], dp);
        f[k++] = FeatureHash.F(114, dir, st.LeftLabels[d], dp);
        f[k++] = FeatureHash.F(115, dir, W(words, dl, n), dp);
        f[k++] = FeatureHash.F(116, dir, L(st, dl), dp);
        f[k++] = FeatureHash.F(117, dir, W(words, dl, n), hp);
        f[k++] = FeatureHash.F(118, dir, W(words, hl, n), dp);
        f[k++] = FeatureHash.F(119, dir, L(st, hl), hp);
        f[k++] = FeatureHash.F(120, dir, L(st, hr), dp);
        f[k++] = FeatureHash.F(121, dir, hh, hp, dp);
        f[k++] = FeatureHash.F(122, dir, W(words, dr, n), dp);
        f[k++] = FeatureHash.F(123, dir, P(xpos, dl, n), dp, hp);
        f[k++] = FeatureHash.F(124, dir, words[d].Shape, dp);
        f[k++] = FeatureHash.F(125, dir, P(xpos, d - 1, n), dp);
        f[k++] = FeatureHash.F(126, dir, P(xpos, d + 1 < n ? d + 1 : -1, n), dp);
        f[k++] = FeatureHash.F(127, dir, hw, W(words, dl, n));
        f[k++] = FeatureHash.F(128, dir, st.LeftLabels[h], hw);
        f[k++] = FeatureHash.F(129, dir, W(words, hl, n), hw, dp);
        f[k++] = FeatureHash.F(130, dir, words[d].Form);
        ulong hu = h < n ? 100UL + upos[h] : RootTag;
        f[k++] = FeatureHash.F(131, dir, hu, du);
        f[k++] = FeatureHash.F(132, dir, dw, hu);
        f[k++] = FeatureHash.F(133, dir, W(words, dl, n), dw);
        f[k++] = FeatureHash.F(134, dir, dist, hp, dp);
        return k;
    }

    /// <summary>Cost of each transition (gold arcs it makes unreachable) under the dynamic oracle; -1 when invalid.</summary>
    public static void Costs(ParseState st, ReadOnlySpan<int> gold, Span<int> costs)
    {
        int n = st.N;
        int b = st.B;
        int s0 = st.S0;
        costs[Shift] = costs[Reduce] = costs[Left] = costs[Right] = -1;
        if (st.CanShift)
        {
            int c = 0;
            for (int i = 0; i < st.Sp; i++)
            {
                int k = st.Stack[i];
                if (gold[b] == k)
                {
                    c++;
                }

                if (gold[k] == b && st.Head[k] < 0)
                {
                    c++;
                }
            }

            costs[Shift] = c;
        }

        if (st.CanReduce)
        {
            int c = 0;
            for (int k = b; k < n; k++)
            {
                if (gold[k] == s0)
                {
                    c++;
                }
            }

            costs[Reduce] = c;
        }

        if (st.CanLeft)
        {
            int c = 0;
            if (gold[s0] != b && gold[s0] > b)
            {
                c++;
            }

            for (int k = b; k < n; k++)
            {
                if (gold[k] == s0)
                {
                    c++;
                }
            }

            costs[Left] = c;
        }

        if (st.CanRight)
        {
            int c = 0;
            int g = gold[b];
            if (g != s0)
            {
                if (g > b)
                {
                    c++;
                }
                else
                {
                    for (int i = 0; i < st.Sp - 1; i++)
                    {
                        if (st.Stack[i] == g)
                        {
                            c++;
                            break;
                        }
                    }
                }
            }

            for (int i = 0; i < st.Sp; i++)
            {
                int k = st.Stack[i];
                if (gold[k] == b && st.Head[k] < 0)
                {
                    c++;
                }
            }

            costs[Right] = c;
        }
    }

    /// <summary>
    /// The gold transition of the static oracle in <paramref name="st"/>: the first of Left, Right, Reduce, Shift
    /// that loses no gold arc, packed with its gold relation (<paramref name="gold"/> holds projective heads, root = n).
    /// </summary>
    public static int GoldMove(ParseState st, ReadOnlySpan<int> gold, ReadOnlySpan<byte> goldLabels, byte rootLabel, Span<int> costs)
    {
        Costs(st, gold, costs);
        foreach (int t in (ReadOnlySpan<int>)[Left, Right, Reduce, Shift])
        {
            if (costs[t] == 0)
            {
                if (t is Left or Right)
                {
                    var (h, d) = Arc(st, t);
                    return ParseState.Pack(t, h == st.N ? rootLabel : goldLabels[d]);
                }

                return ParseState.Pack(t, 0);
            }
        }

        throw new InvalidOperationException("No transition keeps the gold tree reachable; the gold tree is not projective.");
    }

    /// <summary>
    /// Trains the parser on sentences whose words are tagged <paramref name="tags"/> (predicted tags, so the parser
    /// learns to live with tagger errors). Deterministic for a given <paramref name="seed"/>.
    /// </summary>
    public static DependencyParser Train(
        IReadOnlyList<ConllUSentence> sentences,
        IReadOnlyList<(byte[] Upos, byte[] Xpos)> tags,
        string[] labels,
        int epochs,
        int seed,
        float prune,
        Action<string>? log = null)
    {
        var labelId = PosTagger.Index(labels);
        byte rootLabel = (byte)labelId["root"];
        var transitions = new PerceptronTrainer(4);
        var labeller = new PerceptronTrainer(labels.Length);
        var order = Enumerable.Range(0, sentences.Count).ToArray();
        var rng = new Random(seed);
        var st = new ParseState();
        var features = new ulong[Math.Max(MaxFeatures, MaxLabelFeatures)];
        var scores = new float[labels.Length];
        Span<float> ts = stackalloc float[4];
        Span<int> costs = stackalloc int[4];
        var words = new WordHashes[256];
        var gold = new int[256];
        var goldLabel = new byte[256];
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            rng.Shuffle(order);
            long correctArcs = 0, totalArcs = 0, correctLabels = 0;
            foreach (int si in order)
            {
                var s = sentences[si];
                int n = s.Count;
                if (!LoadGold(s, labelId, ref words, ref gold, ref goldLabel))
                {
                    continue;
                }

                var w = words.AsSpan(0, n);
                var xp = tags[si].Xpos.AsSpan();
                var up = tags[si].Upos.AsSpan();
                st.Init(n);
                while (!st.Terminal)
                {
                    int k = Features(w, xp, up, st, features);
                    ts.Clear();
                    transitions.Score(features.AsSpan(0, k), ts);
                    int predicted = BestValid(st, ts);
                    Costs(st, gold, costs);
                    int oracle = -1;
                    for (int t = 0; t < 4; t++)
                    {
                        if (costs[t] == 0 && (oracle < 0 || ts[t] > ts[oracle]))
                        {
                            oracle = t;
                        }
                    }

                    int next = predicted;
                    if (costs[predicted] != 0)
                    {
                        transitions.Update(features.AsSpan(0, k), oracle, predicted);
                        bool explore = epoch > 0 && rng.NextDouble() < 0.9;
                        next = explore ? predicted : oracle;
                    }

                    transitions.Tick();
                    byte label = 0;
                    if (next is Left or Right)
                    {
                        int h = next == Left ? st.B : st.S0;
                        int d = next == Left ? st.S0 : st.B;
                        if (h == n)
                        {
                            // Teach the labeller what a root looks like (used to pick one root among several).
                            label = rootLabel;
                            int lk = LabelFeatures(w, xp, up, st, h, d, features);
                            Array.Clear(scores);
                            labeller.Score(features.AsSpan(0, lk), scores);
                            int guess = PosTagger.ArgMax(scores);
                            int truth = gold[d] == n ? rootLabel : goldLabel[d];
                            labeller.Update(features.AsSpan(0, lk), truth, guess);
                            labeller.Tick();
                        }
                        else
                        {
                            int lk = LabelFeatures(w, xp, up, st, h, d, features);
                            Array.Clear(scores);
                            labeller.Score(features.AsSpan(0, lk), scores);
                            label = (byte)BestLabel(scores, rootLabel);
                            if (gold[d] == h)
                            {
                                labeller.Update(features.AsSpan(0, lk), goldLabel[d], label);
                                labeller.Tick();
                                correctLabels += label == goldLabel[d] ? 1 : 0;
                            }
                        }
                    }

                    st.Apply(next, label);
                }

                for (int i = 0; i < n; i++)
                {
                    correctArcs += st.Head[i] == gold[i] ? 1 : 0;
                }

                totalArcs += n;
            }

            log?.Invoke($"parser epoch {epoch + 1}: train UAS {100.0 * correctArcs / totalArcs:F2}%, LAS~ {100.0 * correctLabels / totalArcs:F2}%, {transitions.FeatureCount:N0} + {labeller.FeatureCount:N0} features");
        }

        return new DependencyParser(labels, transitions.Freeze(prune), labeller.Freeze(prune), 1);
    }

    /// <summary>The relation as the parser predicts it (the full UD relation, subtypes included).</summary>
    public static string BaseRelation(string relation) => relation;

    /// <summary>
    /// Reads a training sentence into the trainers' buffers (grown when too short): word hashes, gold heads (the root
    /// is <c>n</c>, after the last word) lifted to a projective tree, and relation ids. False when a word has no head.
    /// </summary>
    internal static bool LoadGold(ConllUSentence sentence, Dictionary<string, int> labelId, ref WordHashes[] words, ref int[] gold, ref byte[] labels)
    {
        int n = sentence.Count;
        if (n + 1 > words.Length)
        {
            words = new WordHashes[n * 2];
            gold = new int[n * 2];
            labels = new byte[n * 2];
        }

        for (int i = 0; i < n; i++)
        {
            int h = sentence.Heads[i];
            if (h < 0)
            {
                return false;
            }

            words[i] = WordHashes.Of(sentence.Forms[i]);
            gold[i] = h == 0 ? n : h - 1;
            labels[i] = labelId.TryGetValue(BaseRelation(sentence.Relations[i]), out int lid) ? (byte)lid : (byte)0;
        }

        Projectivize(gold.AsSpan(0, n));
        return true;
    }

    /// <summary>Lifts non-projective arcs (to the head's head) until the tree is projective. Heads 0-based, root = n.</summary>
    public static void Projectivize(Span<int> heads)
    {
        int n = heads.Length;
        bool changed = true;
        while (changed)
        {
            changed = false;
            int worst = -1;
            int worstLength = int.MaxValue;
            for (int d = 0; d < n; d++)
            {
                int h = heads[d];
                if (h == n)
                {
                    continue;
                }

                int lo = Math.Min(h, d), hi = Math.Max(h, d);
                for (int k = lo + 1; k < hi; k++)
                {
                    if (!Dominates(heads, h, k))
                    {
                        if (hi - lo < worstLength)
                        {
                            worst = d;
                            worstLength = hi - lo;
                        }

                        break;
                    }
                }
            }

            if (worst >= 0)
            {
                heads[worst] = heads[heads[worst]];
                changed = true;
            }
        }
    }

    private static bool Dominates(ReadOnlySpan<int> heads, int h, int k)
    {
        int n = heads.Length;
        int steps = 0;
        while (k != n && steps++ <= n)
        {
            if (k == h)
            {
                return true;
            }

            k = heads[k];
        }

        return k == h;
    }
}
