using System.Globalization;

namespace Dyad.Text.Analysis;

/// <summary>Sizes of a <see cref="BiaffineParser"/>'s layers.</summary>
/// <param name="WordDim">Width of the word (lower-cased form) embedding.</param>
/// <param name="TagDim">Width of the XPOS tag embedding.</param>
/// <param name="SuffixDim">Width of the three-letter suffix embedding.</param>
/// <param name="ShapeDim">Width of the word-shape embedding.</param>
/// <param name="Hidden">LSTM units per direction.</param>
/// <param name="Layers">Stacked bidirectional LSTM layers.</param>
/// <param name="ArcDim">Width of the head and dependent projections the arc scorer compares.</param>
/// <param name="LabelDim">Width of the relation classifier's hidden layer.</param>
internal sealed record BiaffineShape(int WordDim = 100, int TagDim = 32, int SuffixDim = 32, int ShapeDim = 16, int Hidden = 128, int Layers = 2, int ArcDim = 128, int LabelDim = 64)
{
    /// <summary>Width of a word's input vector: the four embeddings side by side.</summary>
    public int InputDim => WordDim + TagDim + SuffixDim + ShapeDim;

    /// <summary>Width of a word's context vector: both LSTM directions side by side.</summary>
    public int ContextDim => 2 * Hidden;

    /// <summary>Width of the input of LSTM layer <paramref name="layer"/>.</summary>
    public int LayerInput(int layer) => layer == 0 ? InputDim : ContextDim;

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"words {WordDim}, tags {TagDim}, suffixes {SuffixDim}, shapes {ShapeDim}, {Layers} x BiLSTM {Hidden}, arcs {ArcDim}, relations {LabelDim}");
}

/// <summary>Where each weight matrix of a <see cref="BiaffineParser"/> lives in its one flat parameter array.</summary>
internal sealed class BiaffineLayout
{
    public BiaffineLayout(BiaffineShape shape, int words, int tags, int suffixes, int shapes, int labels)
    {
        Shape = shape;
        Words = words;
        Tags = tags;
        Suffixes = suffixes;
        Shapes = shapes;
        LabelCount = labels;
        int h4 = 4 * shape.Hidden;
        int c = shape.ContextDim;
        WordEmbedding = Take(words * shape.WordDim);
        TagEmbedding = Take(tags * shape.TagDim);
        SuffixEmbedding = Take(suffixes * shape.SuffixDim);
        ShapeEmbedding = Take(shapes * shape.ShapeDim);
        LstmInput = new int[shape.Layers, 2];
        LstmRecurrent = new int[shape.Layers, 2];
        LstmBias = new int[shape.Layers, 2];
        for (int l = 0; l < shape.Layers; l++)
        {
            for (int d = 0; d < 2; d++)
            {
                LstmInput[l, d] = Take(h4 * shape.LayerInput(l));
                LstmRecurrent[l, d] = Take(h4 * shape.Hidden);
                LstmBias[l, d] = Take(h4);
            }
        }

        Root = Take(c);
        ArcDep = Take(shape.ArcDim * c);
        ArcDepBias = Take(shape.ArcDim);
        ArcHead = Take(shape.ArcDim * c);
        ArcHeadBias = Take(shape.ArcDim);
        Biaffine = Take(shape.ArcDim * shape.ArcDim);
        HeadBias = Take(shape.ArcDim);
        LabelDep = Take(shape.LabelDim * c);
        LabelHead = Take(shape.LabelDim * c);
        LabelHiddenBias = Take(shape.LabelDim);
        LabelOut = Take(labels * shape.LabelDim);
        LabelOutBias = Take(labels);
        ArcDistance = Take(DistanceBuckets);
        LabelDistance = Take(DistanceBuckets * shape.LabelDim);
    }

    /// <summary>Longest head-dependent distance told apart; longer ones share its bucket.</summary>
    public const int MaxDistance = 10;

    /// <summary>Buckets of the signed distance from a dependent to its head: 0 for the root, then -10..-1, 1..10.</summary>
    public const int DistanceBuckets = 2 * MaxDistance + 1;

    /// <summary>The distance bucket of head <paramref name="h"/> for dependent <paramref name="d"/> (h = n: the root).</summary>
    public static int DistanceBucket(int d, int h, int n)
    {
        if (h == n)
        {
            return 0;
        }

        int delta = h - d;
        return delta < 0 ? Math.Max(delta, -MaxDistance) + MaxDistance + 1 : Math.Min(delta, MaxDistance) + MaxDistance;
    }

    public BiaffineShape Shape { get; }

    public int Words { get; }

    public int Tags { get; }

    public int Suffixes { get; }

    public int Shapes { get; }

    public int LabelCount { get; }

    /// <summary>Number of parameters.</summary>
    public int Size { get; private set; }

    public int WordEmbedding { get; }

    public int TagEmbedding { get; }

    public int SuffixEmbedding { get; }

    public int ShapeEmbedding { get; }

    public int[,] LstmInput { get; }

    public int[,] LstmRecurrent { get; }

    public int[,] LstmBias { get; }

    /// <summary>The learnt context vector of the artificial root word.</summary>
    public int Root { get; }

    public int ArcDep { get; }

    public int ArcDepBias { get; }

    public int ArcHead { get; }

    public int ArcHeadBias { get; }

    /// <summary>The arc scorer's matrix U: score(d ← h) = dep(d)ᵀ U head(h) + headBias · head(h).</summary>
    public int Biaffine { get; }

    public int HeadBias { get; }

    public int LabelDep { get; }

    public int LabelHead { get; }

    public int LabelHiddenBias { get; }

    public int LabelOut { get; }

    public int LabelOutBias { get; }

    /// <summary>A bias on each arc score by the arc's signed length (<see cref="DistanceBucket"/>).</summary>
    public int ArcDistance { get; }

    /// <summary>A vector added to the relation classifier's hidden layer by the arc's signed length.</summary>
    public int LabelDistance { get; }

    private int Take(int count)
    {
        int at = Size;
        Size += count;
        return at;
    }
}

/// <summary>
/// A graph-based dependency parser in the manner of Dozat and Manning (2017), small enough for a CPU: each word's
/// input is its lower-cased form, XPOS tag, three-letter suffix and shape, embedded; a stacked bidirectional LSTM
/// reads the sentence; a biaffine scorer rates every possible head of every word; Eisner's algorithm picks the best
/// projective tree with one root word; an MLP over the word and its chosen head picks the relation. Immutable and
/// thread-safe (each thread keeps its own <see cref="BiaffineActivations"/>).
/// </summary>
internal sealed class BiaffineParser
{
    public BiaffineParser(BiaffineLayout layout, float[] parameters, string[] labels, Dictionary<ulong, int> wordIds, Dictionary<ulong, int> suffixIds, Dictionary<ulong, int> shapeIds)
    {
        if (parameters.Length != layout.Size)
        {
            throw new ArgumentException($"Expected {layout.Size} parameters, got {parameters.Length}.", nameof(parameters));
        }

        Layout = layout;
        Parameters = parameters;
        Labels = labels;
        RootLabel = (byte)Array.IndexOf(labels, "root");
        WordIds = wordIds;
        SuffixIds = suffixIds;
        ShapeIds = shapeIds;
        _parsingTables = new Lazy<ParsingTables>(() => new ParsingTables(this), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>
    /// A parser over the same weight array whose precomputed gate inputs are computed afresh: the trainer scores
    /// snapshots while it keeps changing the weights.
    /// </summary>
    public BiaffineParser Snapshot() => new(Layout, Parameters, Labels, WordIds, SuffixIds, ShapeIds);

    /// <summary>Words whose first-layer gate inputs are computed once, when the parser is first used (the most frequent ones).</summary>
    public const int PrecomputedWords = 4000;

    private readonly Lazy<ParsingTables> _parsingTables;

    public BiaffineLayout Layout { get; }

    public BiaffineShape Shape => Layout.Shape;

    /// <summary>All weights, laid out as <see cref="Layout"/> says.</summary>
    public float[] Parameters { get; }

    public string[] Labels { get; }

    public byte RootLabel { get; }

    /// <summary>Embedding row of each known lower-cased form (by <see cref="WordHashes.Lower"/>); unknown forms take row 0.</summary>
    public Dictionary<ulong, int> WordIds { get; }

    /// <summary>Embedding row of each known suffix (by <see cref="WordHashes.Suffix3"/>); unknown ones take row 0.</summary>
    public Dictionary<ulong, int> SuffixIds { get; }

    /// <summary>Embedding row of each known shape (by <see cref="WordHashes.Shape"/>); unknown ones take row 0.</summary>
    public Dictionary<ulong, int> ShapeIds { get; }

    /// <summary>Parses a tagged sentence into 0-based heads (-1 for the root word) and relation ids.</summary>
    public void Parse(ReadOnlySpan<WordHashes> words, ReadOnlySpan<byte> xpos, BiaffineActivations a, Span<int> heads, Span<byte> labels)
    {
        int n = words.Length;
        if (n <= MaxWindow)
        {
            ParseWindow(words, xpos, a, heads, labels);
            return;
        }

        // A "sentence" longer than any real one (unpunctuated input, a list): parsed in windows, whose root words
        // hang from the first window's root, so memory and time stay linear in its length.
        int sentenceRoot = -1;
        for (int start = 0; start < n; start += MaxWindow)
        {
            int length = Math.Min(MaxWindow, n - start);
            var windowHeads = heads.Slice(start, length);
            var windowLabels = labels.Slice(start, length);
            ParseWindow(words.Slice(start, length), xpos.Slice(start, length), a, windowHeads, windowLabels);
            for (int i = 0; i < length; i++)
            {
                if (windowHeads[i] >= 0)
                {
                    windowHeads[i] += start;
                }
                else if (sentenceRoot < 0)
                {
                    sentenceRoot = start + i;
                }
                else
                {
                    windowHeads[i] = sentenceRoot;
                    windowLabels[i] = WindowJoinLabel;
                }
            }
        }
    }

    /// <summary>Longest word sequence parsed as one; longer sentences are parsed in windows of this many words.</summary>
    public const int MaxWindow = 200;

    /// <summary>The relation of a window's root word to the sentence's root word (<c>parataxis</c>, or <c>dep</c>).</summary>
    private byte WindowJoinLabel => (byte)Math.Max(0, Array.IndexOf(Labels, "parataxis") is int p and >= 0 ? p : Array.IndexOf(Labels, "dep"));

    private void ParseWindow(ReadOnlySpan<WordHashes> words, ReadOnlySpan<byte> xpos, BiaffineActivations a, Span<int> heads, Span<byte> labels)
    {
        int n = words.Length;
        if (n == 0)
        {
            return;
        }

        a.Ensure(Layout, n);
        for (int i = 0; i < n; i++)
        {
            a.WordId[i] = WordIds.GetValueOrDefault(words[i].Lower);
            a.TagId[i] = xpos[i] < Layout.Tags ? xpos[i] : 0;
            a.SuffixId[i] = SuffixIds.GetValueOrDefault(words[i].Suffix3);
            a.ShapeId[i] = ShapeIds.GetValueOrDefault(words[i].Shape);
        }

        Encode(a, n, dropout: null);
        ScoreArcs(a, n);
        var tree = a.Tree.AsSpan(0, n);
        for (int d = 0; d < n; d++)
        {
            var row = a.ArcScores.AsSpan(d * (n + 1), n + 1);
            int best = 0;
            for (int h = 1; h <= n; h++)
            {
                if (row[h] > row[best])
                {
                    best = h;
                }
            }

            tree[d] = best;
        }

        // Each word's best head alone is the best tree when it is one: a projective tree with one root word.
        // Otherwise Eisner's algorithm finds the best such tree under the heads' log probabilities.
        if (!IsProjectiveTree(tree, a.Chart))
        {
            for (int d = 0; d < n; d++)
            {
                NeuralMath.LogSoftmax(a.ArcScores.AsSpan(d * (n + 1), n + 1));
            }

            Eisner.Decode(a.ArcScores, n, a.Chart, tree);
        }

        for (int d = 0; d < n; d++)
        {
            int h = tree[d];
            heads[d] = h == n ? -1 : h;
            labels[d] = h == n ? RootLabel : BestLabel(a, d, h);
        }
    }

    /// <summary>
    /// True when <paramref name="heads"/> (0-based, n = the root) is a tree with exactly one word on the root and no
    /// crossing arcs (the root counting as a word before the first).
    /// </summary>
    public static bool IsProjectiveTree(ReadOnlySpan<int> heads, EisnerChart scratch)
    {
        int n = heads.Length;
        int root = -1;
        for (int d = 0; d < n; d++)
        {
            if (heads[d] == n)
            {
                if (root >= 0)
                {
                    return false;
                }

                root = d;
            }
        }

        if (root < 0)
        {
            return false;
        }

        // No cycles: walk up from each word; the walk marks what it has shown to reach the root.
        scratch.Ensure(n);
        var state = scratch.Agenda.AsSpan(0, n);
        state.Clear();
        for (int d = 0; d < n; d++)
        {
            int k = d;
            while (k != n && state[k] == 0)
            {
                state[k] = d + 1 + n;
                k = heads[k];
                if (k != n && state[k] == d + 1 + n)
                {
                    return false;
                }
            }

            for (k = d; k != n && state[k] == d + 1 + n; k = heads[k])
            {
                state[k] = 1;
            }
        }

        for (int d = 0; d < n; d++)
        {
            int a1 = heads[d] == n ? -1 : Math.Min(d, heads[d]);
            int b1 = heads[d] == n ? d : Math.Max(d, heads[d]);
            for (int e = 0; e < n; e++)
            {
                int a2 = heads[e] == n ? -1 : Math.Min(e, heads[e]);
                int b2 = heads[e] == n ? e : Math.Max(e, heads[e]);
                if (a1 < a2 && a2 < b1 && b1 < b2)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>
    /// Embeds the words and runs the LSTM layers, filling <see cref="BiaffineActivations.Context"/> (the last
    /// layer's output). With <paramref name="dropout"/>, inputs and layer outputs are masked as in training.
    /// </summary>
    public void Encode(BiaffineActivations a, int n, DropoutMasks? dropout)
    {
        var s = Shape;
        a.Dropout = dropout is not null;
        if (dropout is null)
        {
            // Parsing: the first layer's input gates are sums of rows computed once per vocabulary entry.
            var gates = _parsingTables.Value;
            for (int d = 0; d < 2; d++)
            {
                gates.Fill(this, a, n, d);
                RunLstm(a, n, 0, d, null);
            }

            for (int l = 1; l < s.Layers; l++)
            {
                for (int d = 0; d < 2; d++)
                {
                    RunLstm(a, n, l, d, a.LayerInput(l));
                }
            }

            return;
        }

        var p = Parameters.AsSpan();
        int inDim = s.InputDim;
        var x = a.Input.AsSpan(0, n * inDim);
        for (int t = 0; t < n; t++)
        {
            var row = x.Slice(t * inDim, inDim);
            p.Slice(Layout.WordEmbedding + a.WordId[t] * s.WordDim, s.WordDim).CopyTo(row);
            p.Slice(Layout.TagEmbedding + a.TagId[t] * s.TagDim, s.TagDim).CopyTo(row[s.WordDim..]);
            p.Slice(Layout.SuffixEmbedding + a.SuffixId[t] * s.SuffixDim, s.SuffixDim).CopyTo(row[(s.WordDim + s.TagDim)..]);
            p.Slice(Layout.ShapeEmbedding + a.ShapeId[t] * s.ShapeDim, s.ShapeDim).CopyTo(row[(s.WordDim + s.TagDim + s.SuffixDim)..]);
        }

        dropout.Apply(0, x);
        for (int l = 0; l < s.Layers; l++)
        {
            var input = a.LayerInput(l);
            for (int d = 0; d < 2; d++)
            {
                RunLstm(a, n, l, d, input);
            }

            var raw = a.Layer[l].AsSpan(0, n * s.ContextDim);
            var dropped = a.Dropped[l].AsSpan(0, n * s.ContextDim);
            raw.CopyTo(dropped);
            dropout.Apply(l + 1, dropped);
        }
    }

    /// <summary>
    /// One direction of one LSTM layer over the sentence; keeps gates and cells for the backward pass. Without
    /// <paramref name="input"/>, the gates already hold the input part (and bias) of their pre-activations.
    /// </summary>
    private void RunLstm(BiaffineActivations a, int n, int layer, int direction, float[]? input)
    {
        var s = Shape;
        int h = s.Hidden;
        int h4 = 4 * h;
        int inDim = s.LayerInput(layer);
        int c2 = s.ContextDim;
        var p = Parameters.AsSpan();
        var wx = p.Slice(Layout.LstmInput[layer, direction], h4 * inDim);
        var wh = p.Slice(Layout.LstmRecurrent[layer, direction], h4 * h);
        var bias = p.Slice(Layout.LstmBias[layer, direction], h4);
        var gates = a.Gates[layer, direction];
        var cells = a.Cells[layer, direction];
        var output = a.Layer[layer];
        if (input is not null)
        {
            for (int t = 0; t < n; t++)
            {
                bias.CopyTo(gates.AsSpan(t * h4, h4));
            }

            NeuralMath.MatMulAdd(wx, h4, inDim, input.AsSpan(0, n * inDim), n, gates.AsSpan(0, n * h4));
        }

        for (int step = 0; step < n; step++)
        {
            int t = direction == 0 ? step : n - 1 - step;
            var g = gates.AsSpan(t * h4, h4);

            ReadOnlySpan<float> cPrev = default;
            if (step > 0)
            {
                int tp = direction == 0 ? t - 1 : t + 1;
                NeuralMath.MatVecAdd(wh, h4, h, output.AsSpan(tp * c2 + direction * h, h), g);
                cPrev = cells.AsSpan(tp * h, h);
            }

            var c = cells.AsSpan(t * h, h);
            var hOut = output.AsSpan(t * c2 + direction * h, h);
            NeuralMath.LstmCell(g, h, cPrev, c, hOut);
        }
    }

    /// <summary>
    /// Fills the dependent and head projections and <see cref="BiaffineActivations.ArcScores"/>: row d, column h is
    /// the score of h as head of d (column n = the root); a word's own column is minus infinity.
    /// </summary>
    public void ScoreArcs(BiaffineActivations a, int n)
    {
        var s = Shape;
        int c = s.ContextDim;
        int ad = s.ArcDim;
        int ld = s.LabelDim;
        var p = Parameters.AsSpan();
        var ctx = a.LayerOutput(s.Layers - 1);
        var wDep = p.Slice(Layout.ArcDep, ad * c);
        var wHead = p.Slice(Layout.ArcHead, ad * c);
        var lDep = p.Slice(Layout.LabelDep, ld * c);
        var lHead = p.Slice(Layout.LabelHead, ld * c);
        var words = ctx.AsSpan(0, n * c);
        var root = p.Slice(Layout.Root, c);
        Project(wHead, p.Slice(Layout.ArcHeadBias, ad), ad, c, words, root, n, a.ArcHeadVec, relu: true);
        Project(lHead, default, ld, c, words, root, n, a.LabelHeadVec, relu: false);
        Project(wDep, p.Slice(Layout.ArcDepBias, ad), ad, c, words, default, n, a.ArcDepVec, relu: true);
        Project(lDep, default, ld, c, words, default, n, a.LabelDepVec, relu: false);
        var biaffine = p.Slice(Layout.Biaffine, ad * ad);
        for (int t = 0; t < n; t++)
        {
            p.Slice(Layout.HeadBias, ad).CopyTo(a.ArcQuery.AsSpan(t * ad, ad));
        }

        if (a.Dropout)
        {
            for (int t = 0; t < n; t++)
            {
                NeuralMath.MatTVecAdd(biaffine, ad, ad, a.ArcDepVec.AsSpan(t * ad, ad), a.ArcQuery.AsSpan(t * ad, ad));
            }
        }
        else
        {
            // Parsing: the same product with Uᵀ stored row-major, many words at once.
            NeuralMath.MatMulAdd(_parsingTables.Value.BiaffineTransposed, ad, ad, a.ArcDepVec.AsSpan(0, n * ad), n, a.ArcQuery.AsSpan(0, n * ad));
        }

        var scores = a.ArcScores.AsSpan(0, n * (n + 1));
        scores.Clear();
        NeuralMath.MatMulAdd(a.ArcHeadVec.AsSpan(0, (n + 1) * ad), n + 1, ad, a.ArcQuery.AsSpan(0, n * ad), n, scores);
        var distance = p.Slice(Layout.ArcDistance, BiaffineLayout.DistanceBuckets);
        for (int d = 0; d < n; d++)
        {
            var row = scores.Slice(d * (n + 1), n + 1);
            for (int h = 0; h <= n; h++)
            {
                row[h] += distance[BiaffineLayout.DistanceBucket(d, h, n)];
            }

            row[d] = float.NegativeInfinity;
        }
    }

    /// <summary>
    /// Y[t] = W·X[t] (+ bias) for the <paramref name="n"/> words, then for the root (when <paramref name="root"/> is
    /// given) into row n; with <paramref name="relu"/>, negative values become 0.
    /// </summary>
    private static void Project(ReadOnlySpan<float> w, ReadOnlySpan<float> bias, int rows, int cols, ReadOnlySpan<float> words, ReadOnlySpan<float> root, int n, float[] y, bool relu)
    {
        int count = root.IsEmpty ? n : n + 1;
        var output = y.AsSpan(0, count * rows);
        for (int t = 0; t < count; t++)
        {
            if (bias.IsEmpty)
            {
                output.Slice(t * rows, rows).Clear();
            }
            else
            {
                bias.CopyTo(output.Slice(t * rows, rows));
            }
        }

        NeuralMath.MatMulAdd(w, rows, cols, words, n, output);
        if (!root.IsEmpty)
        {
            NeuralMath.MatVecAdd(w, rows, cols, root, output.Slice(n * rows, rows));
        }

        if (relu)
        {
            NeuralMath.Relu(output);
        }
    }

    /// <summary>Fills <see cref="BiaffineActivations.LabelHidden"/> row <paramref name="d"/> and the relation scores of the arc h → d.</summary>
    public void ScoreLabels(BiaffineActivations a, int d, int h, Span<float> scores)
    {
        int ld = Shape.LabelDim;
        var p = Parameters.AsSpan();
        var z = a.LabelHidden.AsSpan(d * ld, ld);
        p.Slice(Layout.LabelHiddenBias, ld).CopyTo(z);
        NeuralMath.Add(a.LabelDepVec.AsSpan(d * ld, ld), z);
        NeuralMath.Add(a.LabelHeadVec.AsSpan(h * ld, ld), z);
        NeuralMath.Add(p.Slice(Layout.LabelDistance + BiaffineLayout.DistanceBucket(d, h, a.Length) * ld, ld), z);
        NeuralMath.Relu(z);
        p.Slice(Layout.LabelOutBias, Layout.LabelCount).CopyTo(scores);
        NeuralMath.MatVecAdd(p.Slice(Layout.LabelOut, Layout.LabelCount * ld), Layout.LabelCount, ld, z, scores);
    }

    /// <summary>The best relation other than root for the arc h → d.</summary>
    private byte BestLabel(BiaffineActivations a, int d, int h)
    {
        var scores = a.LabelScores.AsSpan(0, Layout.LabelCount);
        ScoreLabels(a, d, h, scores);
        return (byte)DependencyParser.BestLabel(scores, RootLabel);
    }

    /// <summary>Writes labels, vocabularies, sizes and weights.</summary>
    public void Write(BinaryWriter w)
    {
        var s = Shape;
        foreach (int v in new[] { s.WordDim, s.TagDim, s.SuffixDim, s.ShapeDim, s.Hidden, s.Layers, s.ArcDim, s.LabelDim, Layout.Tags })
        {
            w.Write(v);
        }

        w.Write(Labels.Length);
        foreach (string label in Labels)
        {
            w.Write(label);
        }

        WriteIds(w, WordIds);
        WriteIds(w, SuffixIds);
        WriteIds(w, ShapeIds);
        w.Write(Parameters.Length);
        foreach (float v in Parameters)
        {
            w.Write((Half)v);
        }
    }

    /// <summary>Reads what <see cref="Write"/> wrote.</summary>
    public static BiaffineParser Read(BinaryReader r)
    {
        var shape = new BiaffineShape(Dim(r), Dim(r), Dim(r), Dim(r), Dim(r), Dim(r), Dim(r), Dim(r));
        if (shape.Layers is < 1 or > 4)
        {
            throw new InvalidDataException($"BiLSTM layer count {shape.Layers} out of range (1 to 4).");
        }

        int tags = Dim(r);
        var labels = new string[Dim(r)];
        for (int i = 0; i < labels.Length; i++)
        {
            labels[i] = string.Intern(r.ReadString());
        }

        var words = ReadIds(r);
        var suffixes = ReadIds(r);
        var shapes = ReadIds(r);
        var layout = new BiaffineLayout(shape, words.Count + 1, tags, suffixes.Count + 1, shapes.Count + 1, labels.Length);
        int count = r.ReadInt32();
        if (count != layout.Size)
        {
            throw new InvalidDataException($"The parser has {count} weights where its sizes need {layout.Size}.");
        }

        var parameters = new float[count];
        var bytes = r.ReadBytes(count * 2);
        if (bytes.Length != count * 2)
        {
            throw new EndOfStreamException("The parser's weights are cut short.");
        }

        var halves = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, Half>(bytes);
        for (int i = 0; i < count; i++)
        {
            parameters[i] = (float)halves[i];
        }

        return new BiaffineParser(layout, parameters, labels, words, suffixes, shapes);
    }

    private static int Dim(BinaryReader r)
    {
        int v = r.ReadInt32();
        if (v is < 0 or > 1 << 22)
        {
            throw new InvalidDataException($"Parser size {v} out of range.");
        }

        return v;
    }

    private static void WriteIds(BinaryWriter w, Dictionary<ulong, int> ids)
    {
        w.Write(ids.Count);
        foreach (var (key, id) in ids.OrderBy(p => p.Value))
        {
            w.Write(key);
        }
    }

    private static Dictionary<ulong, int> ReadIds(BinaryReader r)
    {
        int count = Dim(r);
        var ids = new Dictionary<ulong, int>(count);
        for (int i = 0; i < count; i++)
        {
            ids[r.ReadUInt64()] = i + 1;
        }

        return ids;
    }
}

/// <summary>
/// Tables computed once from the weights, for parsing only: the first LSTM layer's gate inputs, Wx·embedding, per
/// vocabulary row and direction, for the tags, suffixes, shapes and the <see cref="BiaffineParser.PrecomputedWords"/>
/// most frequent words (a word's gate input is then the sum of four rows plus the bias instead of a matrix-vector
/// product; rarer words are computed as needed), and the arc scorer's matrix transposed.
/// </summary>
internal sealed class ParsingTables
{
    private readonly float[] _words;
    private readonly int _wordRows;
    private readonly float[] _tags;
    private readonly float[] _suffixes;
    private readonly float[] _shapes;
    private readonly int _h4;

    public ParsingTables(BiaffineParser parser)
    {
        var layout = parser.Layout;
        var s = layout.Shape;
        _h4 = 4 * s.Hidden;
        _wordRows = Math.Min(layout.Words, BiaffineParser.PrecomputedWords);
        _words = Precompute(parser, layout.WordEmbedding, _wordRows, 0, s.WordDim);
        _tags = Precompute(parser, layout.TagEmbedding, layout.Tags, s.WordDim, s.TagDim);
        _suffixes = Precompute(parser, layout.SuffixEmbedding, layout.Suffixes, s.WordDim + s.TagDim, s.SuffixDim);
        _shapes = Precompute(parser, layout.ShapeEmbedding, layout.Shapes, s.WordDim + s.TagDim + s.SuffixDim, s.ShapeDim);
        int ad = s.ArcDim;
        BiaffineTransposed = new float[ad * ad];
        for (int r = 0; r < ad; r++)
        {
            for (int c = 0; c < ad; c++)
            {
                BiaffineTransposed[c * ad + r] = parser.Parameters[layout.Biaffine + r * ad + c];
            }
        }
    }

    /// <summary>The arc scorer's matrix U transposed, so queries Uᵀ·dep come from row-major products.</summary>
    public float[] BiaffineTransposed { get; }

    /// <summary>Sets the first layer's gate pre-activations of direction <paramref name="direction"/> to bias + input part, for every word.</summary>
    public void Fill(BiaffineParser parser, BiaffineActivations a, int n, int direction)
    {
        var layout = parser.Layout;
        var s = layout.Shape;
        var p = parser.Parameters.AsSpan();
        var bias = p.Slice(layout.LstmBias[0, direction], _h4);
        var gates = a.Gates[0, direction];
        int offset = direction * _h4;
        for (int t = 0; t < n; t++)
        {
            var g = gates.AsSpan(t * _h4, _h4);
            bias.CopyTo(g);
            int w = a.WordId[t];
            if (w < _wordRows)
            {
                NeuralMath.Add(_words.AsSpan(w * 2 * _h4 + offset, _h4), g);
            }
            else
            {
                var wx = p.Slice(layout.LstmInput[0, direction], _h4 * s.InputDim);
                var e = p.Slice(layout.WordEmbedding + w * s.WordDim, s.WordDim);
                for (int r = 0; r < _h4; r++)
                {
                    g[r] += NeuralMath.Dot(wx.Slice(r * s.InputDim, s.WordDim), e);
                }
            }

            NeuralMath.Add(_tags.AsSpan(a.TagId[t] * 2 * _h4 + offset, _h4), g);
            NeuralMath.Add(_suffixes.AsSpan(a.SuffixId[t] * 2 * _h4 + offset, _h4), g);
            NeuralMath.Add(_shapes.AsSpan(a.ShapeId[t] * 2 * _h4 + offset, _h4), g);
        }
    }

    private static float[] Precompute(BiaffineParser parser, int table, int rows, int column, int width)
    {
        var layout = parser.Layout;
        var s = layout.Shape;
        int h4 = 4 * s.Hidden;
        var p = parser.Parameters.AsSpan();
        var result = new float[rows * 2 * h4];
        for (int row = 0; row < rows; row++)
        {
            var e = p.Slice(table + row * width, width);
            for (int d = 0; d < 2; d++)
            {
                var wx = p.Slice(layout.LstmInput[0, d], h4 * s.InputDim);
                var o = result.AsSpan((row * 2 + d) * h4, h4);
                for (int r = 0; r < h4; r++)
                {
                    o[r] = NeuralMath.Dot(wx.Slice(r * s.InputDim + column, width), e);
                }
            }
        }

        return result;
    }
}

/// <summary>Dropout masks of one training sentence: one per masked layer (0 = the input embeddings), values 0 or 1/(1-p).</summary>
internal sealed class DropoutMasks
{
    public float[][] Masks = [];

    public void Apply(int layer, Span<float> values)
    {
        var m = Masks[layer].AsSpan(0, values.Length);
        for (int i = 0; i < values.Length; i++)
        {
            values[i] *= m[i];
        }
    }
}

/// <summary>Per-thread working memory of a <see cref="BiaffineParser"/> for one sentence at a time; grows as needed.</summary>
internal sealed class BiaffineActivations
{
    private int _capacity;
    private BiaffineLayout? _layout;

    public int[] WordId = [];
    public int[] TagId = [];
    public int[] SuffixId = [];
    public int[] ShapeId = [];
    public float[] Input = [];
    /// <summary>Each LSTM layer's output, both directions side by side per word.</summary>
    public float[][] Layer = [];

    /// <summary>Each layer's output after dropout (training only).</summary>
    public float[][] Dropped = [];

    /// <summary>True when the last <see cref="BiaffineParser.Encode"/> applied dropout.</summary>
    public bool Dropout;
    public float[,][] Gates = new float[0, 0][];
    public float[,][] Cells = new float[0, 0][];
    public float[] ArcDepVec = [];
    public float[] ArcHeadVec = [];
    public float[] ArcQuery = [];
    public float[] ArcScores = [];
    public float[] LabelDepVec = [];
    public float[] LabelHeadVec = [];
    public float[] LabelHidden = [];
    public float[] LabelScores = [];
    public int[] Tree = [];
    public EisnerChart Chart = new();

    /// <summary>What layer <paramref name="layer"/> passes on: its output, after dropout when training.</summary>
    public float[] LayerOutput(int layer) => Dropout ? Dropped[layer] : Layer[layer];

    /// <summary>What LSTM layer <paramref name="layer"/> reads: the embedded words, or the previous layer's output.</summary>
    public float[] LayerInput(int layer) => layer == 0 ? Input : LayerOutput(layer - 1);

    /// <summary>Words in the sentence being worked on.</summary>
    public int Length;

    public void Ensure(BiaffineLayout layout, int n)
    {
        Length = n;
        if (n <= _capacity && ReferenceEquals(layout, _layout))
        {
            return;
        }

        var s = layout.Shape;
        int cap = Math.Max(n, 64);
        if (ReferenceEquals(layout, _layout))
        {
            cap = Math.Max(cap, _capacity * 2);
        }

        _capacity = cap;
        _layout = layout;
        WordId = new int[cap];
        TagId = new int[cap];
        SuffixId = new int[cap];
        ShapeId = new int[cap];
        Input = new float[cap * s.InputDim];
        Layer = new float[s.Layers][];
        Dropped = new float[s.Layers][];
        Gates = new float[s.Layers, 2][];
        Cells = new float[s.Layers, 2][];
        for (int l = 0; l < s.Layers; l++)
        {
            Layer[l] = new float[cap * s.ContextDim];
            Dropped[l] = new float[cap * s.ContextDim];
            for (int d = 0; d < 2; d++)
            {
                Gates[l, d] = new float[cap * 4 * s.Hidden];
                Cells[l, d] = new float[cap * s.Hidden];
            }
        }

        ArcDepVec = new float[cap * s.ArcDim];
        ArcHeadVec = new float[(cap + 1) * s.ArcDim];
        ArcQuery = new float[cap * s.ArcDim];
        ArcScores = new float[cap * (cap + 1)];
        LabelDepVec = new float[cap * s.LabelDim];
        LabelHeadVec = new float[(cap + 1) * s.LabelDim];
        LabelHidden = new float[cap * s.LabelDim];
        LabelScores = new float[Math.Max(layout.LabelCount, 1)];
        Tree = new int[cap];
    }
}
