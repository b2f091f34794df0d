using System.Diagnostics;
using System.Globalization;

namespace Dyad.Text.Analysis;

/// <summary>Settings of <see cref="BiaffineParserTrainer"/>.</summary>
/// <param name="Shape">Layer sizes.</param>
/// <param name="Epochs">Passes over the training sentences.</param>
/// <param name="BatchSentences">Sentences per gradient step.</param>
/// <param name="LearningRate">Adam's step size at the start (it decays by 0.75 every 5,000 steps).</param>
/// <param name="Dropout">Share of input and LSTM-output values zeroed while training.</param>
/// <param name="WordDropout">α of word dropout: a word seen c times is trained as unknown with probability α / (α + c).</param>
/// <param name="Threads">Threads working the batch's shards (at most <see cref="BiaffineParserTrainer.Shards"/>); the result does not depend on it.</param>
internal sealed record BiaffineTrainingOptions(
    BiaffineShape Shape,
    int Epochs = 12,
    int BatchSentences = 32,
    float LearningRate = 2e-3f,
    float Dropout = 0.33f,
    float WordDropout = 0.25f,
    int Threads = 2);

/// <summary>
/// Trains a <see cref="BiaffineParser"/>: cross-entropy of each word's gold head among all words and the root, plus
/// of its gold relation given the gold head; back-propagation through the LSTMs by hand; Adam with gradient
/// clipping. Deterministic for a seed: each batch is split over the workers the same way and their gradients are
/// summed in a fixed order.
/// </summary>
internal static class BiaffineParserTrainer
{
    /// <summary>Parts each batch is split into; at most this many threads help.</summary>
    public const int Shards = 2;

    public static BiaffineParser Train(
        IReadOnlyList<ConllUSentence> train,
        IReadOnlyList<(byte[] Upos, byte[] Xpos)> tags,
        string[] labels,
        int tagCount,
        BiaffineTrainingOptions options,
        int seed,
        Action<string>? log,
        Func<BiaffineParser, AnalyserScores>? scoreDev = null)
    {
        var clock = Stopwatch.StartNew();
        var labelId = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < labels.Length; i++)
        {
            labelId[labels[i]] = i;
        }

        var wordCounts = new Dictionary<ulong, int>();
        var suffixCounts = new Dictionary<ulong, int>();
        var shapeCounts = new Dictionary<ulong, int>();
        var examples = new List<Example>(train.Count);
        for (int si = 0; si < train.Count; si++)
        {
            var s = train[si];
            if (s.Count == 0 || s.Heads.Any(h => h < 0 || h > s.Count))
            {
                continue;
            }

            var words = new WordHashes[s.Count];
            var heads = new int[s.Count];
            var rel = new byte[s.Count];
            for (int i = 0; i < s.Count; i++)
            {
                words[i] = WordHashes.Of(s.Forms[i]);
                heads[i] = s.Heads[i] == 0 ? s.Count : s.Heads[i] - 1;
                rel[i] = (byte)labelId.GetValueOrDefault(s.Relations[i]);
                Count(wordCounts, words[i].Lower);
                Count(suffixCounts, words[i].Suffix3);
                Count(shapeCounts, words[i].Shape);
            }

            examples.Add(new Example(words, tags[si].Xpos, heads, rel));
        }

        var wordIds = Vocabulary(wordCounts, 2);
        var suffixIds = Vocabulary(suffixCounts, 2);
        var shapeIds = Vocabulary(shapeCounts, 2);
        var layout = new BiaffineLayout(options.Shape, wordIds.Count + 1, tagCount, suffixIds.Count + 1, shapeIds.Count + 1, labels.Length);
        var parameters = new float[layout.Size];
        Initialise(layout, parameters, new Random(seed));
        var parser = new BiaffineParser(layout, parameters, labels, wordIds, suffixIds, shapeIds);
        log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"biaffine parser: {examples.Count:N0} sentences, {wordIds.Count:N0} words, {suffixIds.Count:N0} suffixes, {shapeIds.Count:N0} shapes, {layout.Size:N0} weights ({options.Shape})"));

        // Word dropout needs each word's training count by embedding row.
        var rowCount = new int[layout.Words];
        foreach (var (hash, id) in wordIds)
        {
            rowCount[id] = wordCounts[hash];
        }

        // Each batch is split into a fixed number of shards, each summed into its own gradient, and the shards are
        // added in order: the same weights whatever the number of threads that work the shards.
        var workers = new Worker[Shards];
        for (int k = 0; k < Shards; k++)
        {
            workers[k] = new Worker(parser, rowCount, options);
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Clamp(options.Threads, 1, Shards) };
        var adam = new Adam(layout.Size, options.LearningRate);
        var gradient = new float[layout.Size];
        float[]? best = null;
        double bestScore = double.NegativeInfinity;
        var order = Enumerable.Range(0, examples.Count).ToArray();
        for (int epoch = 0; epoch < options.Epochs; epoch++)
        {
            new Random(seed + 1000 * (epoch + 1)).Shuffle(order);
            double loss = 0;
            int tokens = 0;
            for (int start = 0; start < order.Length; start += options.BatchSentences)
            {
                int end = Math.Min(order.Length, start + options.BatchSentences);
                int e = epoch;
                int first = start;
                Parallel.For(0, Shards, parallel, k =>
                {
                    var worker = workers[k];
                    worker.Begin();
                    for (int j = first + k; j < end; j += Shards)
                    {
                        worker.Learn(examples[order[j]], new Random(SentenceSeed(seed, e, order[j])));
                    }
                });

                Array.Copy(workers[0].Gradient, gradient, gradient.Length);
                for (int k = 1; k < Shards; k++)
                {
                    NeuralMath.Add(workers[k].Gradient, gradient);
                }

                foreach (var worker in workers)
                {
                    loss += worker.Loss;
                    tokens += worker.Tokens;
                }

                adam.Step(parameters, gradient, maxNorm: 5f);
            }

            string devText = string.Empty;
            if (scoreDev is not null)
            {
                var scores = scoreDev(parser.Snapshot());
                devText = string.Create(CultureInfo.InvariantCulture, $", dev UAS {scores.Uas:F2}, LAS {scores.Las:F2}");
                if (scores.Las > bestScore)
                {
                    bestScore = scores.Las;
                    best = (float[])parameters.Clone();
                }
            }

            log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"biaffine epoch {epoch + 1}: loss {loss / Math.Max(1, tokens):F4} per word{devText} ({clock.Elapsed.TotalSeconds:F0} s)"));
        }

        if (best is not null)
        {
            Array.Copy(best, parameters, parameters.Length);
        }

        return parser.Snapshot();
    }

    /// <summary>
    /// The loss of one sentence and its gradient (added to <paramref name="gradient"/>), without dropout: what the
    /// trainer follows, exposed so tests can compare it with finite differences.
    /// </summary>
    internal static double LossAndGradient(BiaffineParser parser, WordHashes[] words, byte[] xpos, int[] heads, byte[] labels, float[] gradient)
    {
        var worker = new Worker(parser, new int[parser.Layout.Words], new BiaffineTrainingOptions(parser.Shape, Dropout: 0f, WordDropout: 0f));
        worker.Begin();
        worker.Learn(new Example(words, xpos, heads, labels), new Random(1));
        NeuralMath.Add(worker.Gradient, gradient);
        return worker.Loss;
    }

    /// <summary>The seed of one sentence's dropout in one epoch (HashCode.Combine would differ between processes).</summary>
    private static int SentenceSeed(int seed, int epoch, int sentence) =>
        (int)(FeatureHash.Mix(FeatureHash.Mix((ulong)(uint)seed, (ulong)epoch), (ulong)sentence) & 0x7FFF_FFFF);

    private static void Count(Dictionary<ulong, int> counts, ulong key) => counts[key] = counts.GetValueOrDefault(key) + 1;

    /// <summary>
    /// Rows 1.. for the keys seen at least <paramref name="minCount"/> times, most frequent first (ties in order of
    /// first sight), so the first rows are the ones worth precomputing; row 0 is "unknown".
    /// </summary>
    private static Dictionary<ulong, int> Vocabulary(Dictionary<ulong, int> counts, int minCount)
    {
        var keys = counts.Where(p => p.Value >= minCount).Select((p, order) => (p.Key, p.Value, order))
            .OrderByDescending(k => k.Value).ThenBy(k => k.order).ToList();
        var ids = new Dictionary<ulong, int>(keys.Count);
        foreach (var (key, _, _) in keys)
        {
            ids[key] = ids.Count + 1;
        }

        return ids;
    }

    /// <summary>Glorot-uniform matrices, small embeddings, zero biases except the LSTM forget gates (1) and a zero biaffine matrix.</summary>
    private static void Initialise(BiaffineLayout layout, float[] p, Random rng)
    {
        var s = layout.Shape;
        void Uniform(int at, int count, double limit)
        {
            for (int i = 0; i < count; i++)
            {
                p[at + i] = (float)((rng.NextDouble() * 2 - 1) * limit);
            }
        }

        void Glorot(int at, int rows, int cols) => Uniform(at, rows * cols, Math.Sqrt(6.0 / (rows + cols)));

        Uniform(layout.WordEmbedding, layout.Words * s.WordDim, Math.Sqrt(3.0 / s.WordDim));
        Uniform(layout.TagEmbedding, layout.Tags * s.TagDim, Math.Sqrt(3.0 / s.TagDim));
        Uniform(layout.SuffixEmbedding, layout.Suffixes * s.SuffixDim, Math.Sqrt(3.0 / s.SuffixDim));
        Uniform(layout.ShapeEmbedding, layout.Shapes * s.ShapeDim, Math.Sqrt(3.0 / s.ShapeDim));
        int h = s.Hidden;
        for (int l = 0; l < s.Layers; l++)
        {
            for (int d = 0; d < 2; d++)
            {
                Glorot(layout.LstmInput[l, d], 4 * h, s.LayerInput(l));
                Glorot(layout.LstmRecurrent[l, d], 4 * h, h);
                for (int k = 0; k < h; k++)
                {
                    p[layout.LstmBias[l, d] + h + k] = 1f;
                }
            }
        }

        Uniform(layout.Root, s.ContextDim, 0.1);
        Glorot(layout.ArcDep, s.ArcDim, s.ContextDim);
        Glorot(layout.ArcHead, s.ArcDim, s.ContextDim);
        Glorot(layout.LabelDep, s.LabelDim, s.ContextDim);
        Glorot(layout.LabelHead, s.LabelDim, s.ContextDim);
        Glorot(layout.LabelOut, layout.LabelCount, s.LabelDim);
    }

    private sealed record Example(WordHashes[] Words, byte[] Xpos, int[] Heads, byte[] Labels);

    /// <summary>One thread's share of a batch: forward and backward passes into its own gradient.</summary>
    private sealed class Worker
    {
        private readonly BiaffineParser _parser;
        private readonly BiaffineLayout _layout;
        private readonly int[] _rowCount;
        private readonly BiaffineTrainingOptions _options;
        private readonly BiaffineActivations _a = new();
        private readonly DropoutMasks _masks = new();
        private float[][] _dLayer = [];
        private float[] _dInput = [];
        private float[] _dArcDep = [];
        private float[] _dArcHead = [];
        private float[] _dQuery = [];
        private float[] _dLabelDep = [];
        private float[] _dLabelHead = [];
        private readonly float[] _dLabels;
        private readonly float[] _dz;
        private readonly float[] _dg;
        private readonly float[] _dhNext;
        private readonly float[] _dcNext;
        private int _capacity;

        public Worker(BiaffineParser parser, int[] rowCount, BiaffineTrainingOptions options)
        {
            _parser = parser;
            _layout = parser.Layout;
            _rowCount = rowCount;
            _options = options;
            Gradient = new float[_layout.Size];
            _dLabels = new float[_layout.LabelCount];
            _dz = new float[_layout.Shape.LabelDim];
            _dg = new float[4 * _layout.Shape.Hidden];
            _dhNext = new float[_layout.Shape.Hidden];
            _dcNext = new float[_layout.Shape.Hidden];
        }

        public float[] Gradient { get; }

        public double Loss { get; private set; }

        public int Tokens { get; private set; }

        public void Begin()
        {
            Array.Clear(Gradient);
            Loss = 0;
            Tokens = 0;
        }

        public void Learn(Example ex, Random rng)
        {
            var s = _layout.Shape;
            int n = ex.Words.Length;
            var a = _a;
            a.Ensure(_layout, n);
            Ensure(n);
            for (int i = 0; i < n; i++)
            {
                int id = _parser.WordIds.GetValueOrDefault(ex.Words[i].Lower);
                if (id > 0 && rng.NextDouble() < _options.WordDropout / (_options.WordDropout + _rowCount[id]))
                {
                    id = 0;
                }

                a.WordId[i] = id;
                a.TagId[i] = ex.Xpos[i] < _layout.Tags ? ex.Xpos[i] : 0;
                a.SuffixId[i] = _parser.SuffixIds.GetValueOrDefault(ex.Words[i].Suffix3);
                a.ShapeId[i] = _parser.ShapeIds.GetValueOrDefault(ex.Words[i].Shape);
            }

            MakeMasks(n, rng);
            _parser.Encode(a, n, _masks);
            _parser.ScoreArcs(a, n);
            Tokens += n;

            int c = s.ContextDim;
            int ad = s.ArcDim;
            int ld = s.LabelDim;
            var p = _parser.Parameters.AsSpan();
            var g = Gradient.AsSpan();
            var ctx = a.LayerOutput(s.Layers - 1);
            var dCtx = _dLayer[s.Layers - 1].AsSpan(0, n * c);
            dCtx.Clear();
            var dRoot = g.Slice(_layout.Root, c);
            _dArcDep.AsSpan(0, n * ad).Clear();
            _dArcHead.AsSpan(0, (n + 1) * ad).Clear();
            _dLabelDep.AsSpan(0, n * ld).Clear();
            _dLabelHead.AsSpan(0, (n + 1) * ld).Clear();

            // Heads: softmax over every other word and the root.
            for (int d = 0; d < n; d++)
            {
                var row = a.ArcScores.AsSpan(d * (n + 1), n + 1);
                NeuralMath.Softmax(row);
                int gold = ex.Heads[d];
                Loss -= Math.Log(Math.Max(row[gold], 1e-30f));
                row[gold] -= 1f;
                var dq = _dQuery.AsSpan(0, ad);
                dq.Clear();
                var q = a.ArcQuery.AsSpan(d * ad, ad);
                var dDistance = g.Slice(_layout.ArcDistance, BiaffineLayout.DistanceBuckets);
                for (int h = 0; h <= n; h++)
                {
                    float ds = row[h];
                    if (ds != 0f && h != d)
                    {
                        dDistance[BiaffineLayout.DistanceBucket(d, h, n)] += ds;
                        NeuralMath.Axpy(ds, a.ArcHeadVec.AsSpan(h * ad, ad), dq);
                        NeuralMath.Axpy(ds, q, _dArcHead.AsSpan(h * ad, ad));
                    }
                }

                NeuralMath.Add(dq, g.Slice(_layout.HeadBias, ad));
                NeuralMath.OuterAdd(g.Slice(_layout.Biaffine, ad * ad), ad, ad, a.ArcDepVec.AsSpan(d * ad, ad), dq);
                NeuralMath.MatVecAdd(p.Slice(_layout.Biaffine, ad * ad), ad, ad, dq, _dArcDep.AsSpan(d * ad, ad));
            }

            // Relations, given the gold head.
            var scores = _dLabels.AsSpan();
            for (int d = 0; d < n; d++)
            {
                int h = ex.Heads[d];
                _parser.ScoreLabels(a, d, h, scores);
                NeuralMath.Softmax(scores);
                Loss -= Math.Log(Math.Max(scores[ex.Labels[d]], 1e-30f));
                scores[ex.Labels[d]] -= 1f;
                var z = a.LabelHidden.AsSpan(d * ld, ld);
                NeuralMath.Add(scores, g.Slice(_layout.LabelOutBias, _layout.LabelCount));
                NeuralMath.OuterAdd(g.Slice(_layout.LabelOut, _layout.LabelCount * ld), _layout.LabelCount, ld, scores, z);
                var dz = _dz.AsSpan();
                dz.Clear();
                NeuralMath.MatTVecAdd(p.Slice(_layout.LabelOut, _layout.LabelCount * ld), _layout.LabelCount, ld, scores, dz);
                for (int k = 0; k < ld; k++)
                {
                    if (z[k] <= 0f)
                    {
                        dz[k] = 0f;
                    }
                }

                NeuralMath.Add(dz, g.Slice(_layout.LabelHiddenBias, ld));
                NeuralMath.Add(dz, g.Slice(_layout.LabelDistance + BiaffineLayout.DistanceBucket(d, h, n) * ld, ld));
                NeuralMath.Add(dz, _dLabelDep.AsSpan(d * ld, ld));
                NeuralMath.Add(dz, _dLabelHead.AsSpan(h * ld, ld));
            }

            // Projections back to the context vectors (the root's is a parameter).
            for (int t = 0; t <= n; t++)
            {
                var v = t < n ? ctx.AsSpan(t * c, c) : p.Slice(_layout.Root, c);
                var dv = t < n ? dCtx.Slice(t * c, c) : dRoot;
                var dHead = _dArcHead.AsSpan(t * ad, ad);
                Relu(a.ArcHeadVec.AsSpan(t * ad, ad), dHead);
                Project(_layout.ArcHead, _layout.ArcHeadBias, ad, c, dHead, v, dv);
                Project(_layout.LabelHead, -1, ld, c, _dLabelHead.AsSpan(t * ld, ld), v, dv);
                if (t == n)
                {
                    break;
                }

                var dDep = _dArcDep.AsSpan(t * ad, ad);
                Relu(a.ArcDepVec.AsSpan(t * ad, ad), dDep);
                Project(_layout.ArcDep, _layout.ArcDepBias, ad, c, dDep, v, dv);
                Project(_layout.LabelDep, -1, ld, c, _dLabelDep.AsSpan(t * ld, ld), v, dv);
            }

            // Back through the LSTM layers to the embeddings.
            for (int l = s.Layers - 1; l >= 0; l--)
            {
                var dOut = _dLayer[l].AsSpan(0, n * c);
                _masks.Apply(l + 1, dOut);
                int inDim = s.LayerInput(l);
                var dIn = l == 0 ? _dInput.AsSpan(0, n * inDim) : _dLayer[l - 1].AsSpan(0, n * inDim);
                dIn.Clear();
                for (int dir = 0; dir < 2; dir++)
                {
                    BackLstm(n, l, dir, dOut, dIn);
                }
            }

            var dx = _dInput.AsSpan(0, n * s.InputDim);
            _masks.Apply(0, dx);
            for (int t = 0; t < n; t++)
            {
                var row = dx.Slice(t * s.InputDim, s.InputDim);
                NeuralMath.Add(row[..s.WordDim], g.Slice(_layout.WordEmbedding + a.WordId[t] * s.WordDim, s.WordDim));
                NeuralMath.Add(row.Slice(s.WordDim, s.TagDim), g.Slice(_layout.TagEmbedding + a.TagId[t] * s.TagDim, s.TagDim));
                NeuralMath.Add(row.Slice(s.WordDim + s.TagDim, s.SuffixDim), g.Slice(_layout.SuffixEmbedding + a.SuffixId[t] * s.SuffixDim, s.SuffixDim));
                NeuralMath.Add(row.Slice(s.WordDim + s.TagDim + s.SuffixDim, s.ShapeDim), g.Slice(_layout.ShapeEmbedding + a.ShapeId[t] * s.ShapeDim, s.ShapeDim));
            }
        }

        private static void Relu(ReadOnlySpan<float> output, Span<float> grad)
        {
            for (int k = 0; k < grad.Length; k++)
            {
                if (output[k] <= 0f)
                {
                    grad[k] = 0f;
                }
            }
        }

        /// <summary>Gradients of y = W v (+ b): into W, b (when <paramref name="bias"/> ≥ 0) and v.</summary>
        private void Project(int weights, int bias, int rows, int cols, ReadOnlySpan<float> dy, ReadOnlySpan<float> v, Span<float> dv)
        {
            var g = Gradient.AsSpan();
            NeuralMath.OuterAdd(g.Slice(weights, rows * cols), rows, cols, dy, v);
            if (bias >= 0)
            {
                NeuralMath.Add(dy, g.Slice(bias, rows));
            }

            NeuralMath.MatTVecAdd(_parser.Parameters.AsSpan(weights, rows * cols), rows, cols, dy, dv);
        }

        private void BackLstm(int n, int layer, int direction, ReadOnlySpan<float> dOut, Span<float> dIn)
        {
            var s = _layout.Shape;
            int h = s.Hidden;
            int h4 = 4 * h;
            int c2 = s.ContextDim;
            int inDim = s.LayerInput(layer);
            var p = _parser.Parameters.AsSpan();
            var g = Gradient.AsSpan();
            var wx = p.Slice(_layout.LstmInput[layer, direction], h4 * inDim);
            var wh = p.Slice(_layout.LstmRecurrent[layer, direction], h4 * h);
            var gwx = g.Slice(_layout.LstmInput[layer, direction], h4 * inDim);
            var gwh = g.Slice(_layout.LstmRecurrent[layer, direction], h4 * h);
            var gb = g.Slice(_layout.LstmBias[layer, direction], h4);
            var gates = _a.Gates[layer, direction];
            var cells = _a.Cells[layer, direction];
            var raw = _a.Layer[layer];
            var input = _a.LayerInput(layer);
            var dhNext = _dhNext.AsSpan();
            var dcNext = _dcNext.AsSpan();
            var dg = _dg.AsSpan();
            dhNext.Clear();
            dcNext.Clear();
            for (int step = n - 1; step >= 0; step--)
            {
                int t = direction == 0 ? step : n - 1 - step;
                int tp = direction == 0 ? t - 1 : t + 1;
                var gt = gates.AsSpan(t * h4, h4);
                var ct = cells.AsSpan(t * h, h);
                for (int k = 0; k < h; k++)
                {
                    float ig = gt[k], fg = gt[h + k], og = gt[2 * h + k], cg = gt[3 * h + k];
                    float cPrev = step > 0 ? cells[tp * h + k] : 0f;
                    float tc = MathF.Tanh(ct[k]);
                    float dh = dOut[t * c2 + direction * h + k] + dhNext[k];
                    float dc = dh * og * (1f - tc * tc) + dcNext[k];
                    dcNext[k] = dc * fg;
                    dg[k] = dc * cg * ig * (1f - ig);
                    dg[h + k] = dc * cPrev * fg * (1f - fg);
                    dg[2 * h + k] = dh * tc * og * (1f - og);
                    dg[3 * h + k] = dc * ig * (1f - cg * cg);
                }

                NeuralMath.Add(dg, gb);
                NeuralMath.OuterAdd(gwx, h4, inDim, dg, input.AsSpan(t * inDim, inDim));
                NeuralMath.MatTVecAdd(wx, h4, inDim, dg, dIn.Slice(t * inDim, inDim));
                dhNext.Clear();
                if (step > 0)
                {
                    var hPrev = raw.AsSpan(tp * c2 + direction * h, h);
                    NeuralMath.OuterAdd(gwh, h4, h, dg, hPrev);
                    NeuralMath.MatTVecAdd(wh, h4, h, dg, dhNext);
                }
            }
        }

        private void MakeMasks(int n, Random rng)
        {
            var s = _layout.Shape;
            float keep = 1f - _options.Dropout;
            float scale = 1f / keep;
            for (int m = 0; m <= s.Layers; m++)
            {
                int size = n * (m == 0 ? s.InputDim : s.ContextDim);
                var mask = _masks.Masks[m];
                for (int i = 0; i < size; i++)
                {
                    mask[i] = rng.NextSingle() < keep ? scale : 0f;
                }
            }
        }

        private void Ensure(int n)
        {
            if (n <= _capacity)
            {
                return;
            }

            var s = _layout.Shape;
            int cap = Math.Max(n, Math.Max(64, _capacity * 2));
            _capacity = cap;
            _dLayer = new float[s.Layers][];
            for (int l = 0; l < s.Layers; l++)
            {
                _dLayer[l] = new float[cap * s.ContextDim];
            }

            _dInput = new float[cap * s.InputDim];
            _dArcDep = new float[cap * s.ArcDim];
            _dArcHead = new float[(cap + 1) * s.ArcDim];
            _dQuery = new float[s.ArcDim];
            _dLabelDep = new float[cap * s.LabelDim];
            _dLabelHead = new float[(cap + 1) * s.LabelDim];
            _masks.Masks = new float[s.Layers + 1][];
            for (int m = 0; m <= s.Layers; m++)
            {
                _masks.Masks[m] = new float[cap * (m == 0 ? s.InputDim : s.ContextDim)];
            }
        }
    }

    /// <summary>Adam (Kingma and Ba 2015) with β₁ = 0.9, β₂ = 0.9 (as Dozat and Manning), global-norm clipping and a slow decay.</summary>
    private sealed class Adam(int size, float learningRate)
    {
        private readonly float[] _m = new float[size];
        private readonly float[] _v = new float[size];
        private int _t;

        public void Step(float[] parameters, float[] gradient, float maxNorm)
        {
            double norm2 = 0;
            foreach (float x in gradient)
            {
                norm2 += x * x;
            }

            float clip = norm2 > maxNorm * maxNorm ? (float)(maxNorm / Math.Sqrt(norm2)) : 1f;
            _t++;
            const float b1 = 0.9f, b2 = 0.9f, eps = 1e-8f;
            float lr = learningRate * MathF.Pow(0.75f, _t / 5000f);
            float c1 = 1f - MathF.Pow(b1, _t);
            float c2 = 1f - MathF.Pow(b2, _t);
            float step = lr * MathF.Sqrt(c2) / c1;
            for (int i = 0; i < parameters.Length; i++)
            {
                float gi = gradient[i] * clip;
                float m = _m[i] = b1 * _m[i] + (1f - b1) * gi;
                float v = _v[i] = b2 * _v[i] + (1f - b2) * gi * gi;
                parameters[i] -= step * m / (MathF.Sqrt(v) + eps);
            }
        }
    }
}
