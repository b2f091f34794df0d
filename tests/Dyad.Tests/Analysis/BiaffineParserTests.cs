using Dyad.Text.Analysis;
using Xunit;

namespace Dyad.Tests.Analysis;

public sealed class BiaffineParserTests
{
    private static readonly string[] Words = ["The", "army", "shelled", "the", "village", "."];

    /// <summary>A small parser with random weights: 2 BiLSTM layers so gradients cross a layer boundary.</summary>
    private static BiaffineParser RandomParser(int seed)
    {
        var shape = new BiaffineShape(WordDim: 6, TagDim: 3, SuffixDim: 3, ShapeDim: 2, Hidden: 5, Layers: 2, ArcDim: 4, LabelDim: 4);
        var wordIds = new Dictionary<ulong, int>();
        var suffixIds = new Dictionary<ulong, int>();
        var shapeIds = new Dictionary<ulong, int>();
        foreach (string w in Words)
        {
            var h = WordHashes.Of(w);
            wordIds.TryAdd(h.Lower, wordIds.Count + 1);
            suffixIds.TryAdd(h.Suffix3, suffixIds.Count + 1);
            shapeIds.TryAdd(h.Shape, shapeIds.Count + 1);
        }

        string[] labels = ["det", "nsubj", "obj", "punct", "root"];
        var layout = new BiaffineLayout(shape, wordIds.Count + 1, 4, suffixIds.Count + 1, shapeIds.Count + 1, labels.Length);
        var rng = new Random(seed);
        var p = new float[layout.Size];
        for (int i = 0; i < p.Length; i++)
        {
            p[i] = (float)(rng.NextDouble() - 0.5);
        }

        return new BiaffineParser(layout, p, labels, wordIds, suffixIds, shapeIds);
    }

    [Fact]
    public void Gradient_MatchesFiniteDifferencesOfTheLoss()
    {
        var parser = RandomParser(7);
        var words = Words.Select(w => WordHashes.Of(w)).ToArray();
        byte[] xpos = [0, 1, 2, 0, 1, 3];
        int[] heads = [1, 2, 6, 4, 2, 2];
        byte[] labels = [0, 1, 4, 0, 2, 3];
        var gradient = new float[parser.Parameters.Length];
        BiaffineParserTrainer.LossAndGradient(parser, words, xpos, heads, labels, gradient);

        // Every parameter block: embeddings, both LSTM layers and directions, the root vector, arc and label scorers.
        var rng = new Random(3);
        int checkedCount = 0;
        int worst = -1;
        double worstError = 0;
        for (int trial = 0; trial < 400; trial++)
        {
            int i = rng.Next(parser.Parameters.Length);
            float saved = parser.Parameters[i];
            const float step = 1e-2f;
            parser.Parameters[i] = saved + step;
            double up = BiaffineParserTrainer.LossAndGradient(parser, words, xpos, heads, labels, new float[gradient.Length]);
            parser.Parameters[i] = saved - step;
            double down = BiaffineParserTrainer.LossAndGradient(parser, words, xpos, heads, labels, new float[gradient.Length]);
            parser.Parameters[i] = saved;
            double numeric = (up - down) / (2 * step);
            double error = Math.Abs(numeric - gradient[i]) / Math.Max(1e-2, Math.Abs(numeric) + Math.Abs(gradient[i]));
            if (Math.Abs(numeric) > 1e-4 || Math.Abs(gradient[i]) > 1e-4)
            {
                checkedCount++;
            }

            if (error > worstError)
            {
                worstError = error;
                worst = i;
            }
        }

        Assert.True(checkedCount > 100, $"only {checkedCount} parameters had a gradient");
        Assert.True(worstError < 0.05, $"parameter {worst}: analytic {gradient[worst]}, relative error {worstError:F3}");
    }

    [Fact]
    public void Eisner_FindsTheBestProjectiveTreeWithOneRootWord()
    {
        // Scores (row = dependent, column = head, column 3 = root) favour two roots; only one may be kept.
        float n = float.NegativeInfinity;
        float[] scores =
        [
            n, 1f, 0f, 5f,
            0f, n, 1f, 5f,
            0f, 3f, n, 0f,
        ];
        var heads = new int[3];
        Eisner.Decode(scores, 3, new EisnerChart(), heads);
        Assert.Equal([1, 3, 1], heads);
    }

    [Fact]
    public void Parse_GivesEveryWordAHeadAndOneRoot()
    {
        var parser = RandomParser(11);
        var words = Words.Select(w => WordHashes.Of(w)).ToArray();
        var heads = new int[words.Length];
        var labels = new byte[words.Length];
        parser.Parse(words, [0, 1, 2, 0, 1, 3], new BiaffineActivations(), heads, labels);
        Assert.Single(heads, h => h == -1);
        Assert.All(heads, h => Assert.InRange(h, -1, words.Length - 1));
        for (int i = 0; i < heads.Length; i++)
        {
            Assert.NotEqual(i, heads[i]);
            Assert.Equal(heads[i] == -1, parser.Labels[labels[i]] == "root");
        }
    }

    [Fact]
    public void Parse_SentenceLongerThanAWindow_IsOneTreeWithOneRoot()
    {
        var parser = RandomParser(5);
        int n = 2 * BiaffineParser.MaxWindow + 37;
        var words = Enumerable.Range(0, n).Select(i => WordHashes.Of(Words[i % Words.Length])).ToArray();
        var xpos = Enumerable.Range(0, n).Select(i => (byte)(i % 4)).ToArray();
        var heads = new int[n];
        var labels = new byte[n];
        parser.Parse(words, xpos, new BiaffineActivations(), heads, labels);
        Assert.Single(heads, h => h == -1);
        for (int i = 0; i < n; i++)
        {
            // Every word reaches the root without a cycle.
            int k = i;
            for (int steps = 0; heads[k] >= 0; steps++)
            {
                Assert.True(steps < n, $"cycle through word {i}");
                k = heads[k];
            }
        }
    }

    [Theory]
    [InlineData(new[] { 1, 3, 1 }, true)] // one root word, nested arcs
    [InlineData(new[] { 3, 3, 1 }, false)] // two root words
    [InlineData(new[] { 1, 2, 0 }, false)] // a cycle and no root word
    [InlineData(new[] { 2, 3, 4, 2 }, false)] // arcs 0-2 and 1-3 cross
    [InlineData(new[] { 4, 0, 1, 0 }, true)] // a chain to the left
    [InlineData(new[] { 1, 4, 3, 1 }, true)]
    [InlineData(new[] { 2, 4, 1, 1 }, false)] // arc 0-2 spans the root word 1
    public void IsProjectiveTree_AcceptsOnlyProjectiveTreesWithOneRootWord(int[] heads, bool expected)
    {
        Assert.Equal(expected, BiaffineParser.IsProjectiveTree(heads, new EisnerChart()));
    }
}
