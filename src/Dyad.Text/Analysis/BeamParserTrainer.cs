namespace Dyad.Text.Analysis;

/// <summary>
/// Trains the beam parser as one global structured perceptron with the max-violation update of Huang, Fayong and
/// Guo (2012): the sentence is decoded to the end beside the static-oracle derivation, and the weights move
/// towards the gold prefix and away from the best prefix at the step where the best outscores gold the most.
/// Transition and relation weights are updated together, so relations are learnt with the arcs that carry them.
/// Deterministic for a given seed.
/// </summary>
internal sealed class BeamParserTrainer
{
    private readonly PerceptronTrainer _transitions = new(4);
    private readonly PerceptronTrainer _labeller;
    private readonly BeamSearch _search = new();
    private readonly ParseState _gold = new();
    private readonly ParseState _replay = new();
    private readonly ulong[] _features = new ulong[Math.Max(DependencyParser.MaxFeatures, DependencyParser.MaxLabelFeatures)];
    private readonly int[] _costs = new int[4];
    private readonly byte _rootLabel;
    private readonly int _labelCount;
    private readonly int _width;
    private readonly float[] _labelScores;
    private readonly bool _localLabels;
    private int[] _predicted = new int[128];

    private BeamParserTrainer(string[] labels, int width, bool localLabels)
    {
        _labelScores = new float[labels.Length];
        _localLabels = localLabels;
        _labeller = new PerceptronTrainer(labels.Length);
        _width = width;
        _labelCount = labels.Length;
        _rootLabel = (byte)Array.IndexOf(labels, "root");
    }

    /// <summary>Trains a beam parser of width <paramref name="width"/> on sentences tagged <paramref name="tags"/>.</summary>
    public static DependencyParser Train(
        IReadOnlyList<ConllUSentence> sentences,
        IReadOnlyList<(byte[] Upos, byte[] Xpos)> tags,
        string[] labels,
        int epochs,
        int width,
        int seed,
        float prune,
        Action<string>? log = null,
        Func<DependencyParser, string>? afterEpoch = null,
        bool localLabels = true)
    {
        var trainer = new BeamParserTrainer(labels, width, localLabels);
        var labelId = PosTagger.Index(labels);
        var order = Enumerable.Range(0, sentences.Count).ToArray();
        var rng = new Random(seed);
        var words = new WordHashes[256];
        var gold = new int[256];
        var goldLabels = new byte[256];
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            rng.Shuffle(order);
            long correctArcs = 0, correctLabels = 0, totalArcs = 0;
            foreach (int si in order)
            {
                var s = sentences[si];
                int n = s.Count;
                if (!DependencyParser.LoadGold(s, labelId, ref words, ref gold, ref goldLabels))
                {
                    continue;
                }

                var sentence = new TaggedSentence(words.AsSpan(0, n), tags[si].Xpos, tags[si].Upos);
                var best = trainer.Learn(sentence, gold.AsSpan(0, n), goldLabels.AsSpan(0, n));
                for (int i = 0; i < n; i++)
                {
                    bool arc = best.Head[i] == gold[i];
                    correctArcs += arc ? 1 : 0;
                    correctLabels += arc && (gold[i] == n || best.Label[i] == goldLabels[i]) ? 1 : 0;
                }

                totalArcs += n;
            }

            log?.Invoke($"beam parser epoch {epoch + 1}: train UAS {100.0 * correctArcs / totalArcs:F2}%, LAS {100.0 * correctLabels / totalArcs:F2}%, {trainer._transitions.FeatureCount:N0} + {trainer._labeller.FeatureCount:N0} features");
            if (afterEpoch is not null && epoch + 1 < epochs)
            {
                log?.Invoke($"beam parser epoch {epoch + 1}: {afterEpoch(new DependencyParser(labels, trainer._transitions.Freeze(prune), trainer._labeller.Freeze(prune), width))}");
            }
        }

        return new DependencyParser(labels, trainer._transitions.Freeze(prune), trainer._labeller.Freeze(prune), width);
    }

    /// <summary>Decodes one sentence beside its gold derivation, updates at the maximum violation, returns the best final configuration.</summary>
    private ParseState Learn(TaggedSentence sentence, ReadOnlySpan<int> gold, ReadOnlySpan<byte> goldLabels)
    {
        int n = sentence.Count;
        int steps = 2 * n;
        if (_predicted.Length < steps)
        {
            _predicted = new int[steps * 2];
        }

        _search.Start(n, _width, _labelCount);
        _gold.Init(n);
        float goldScore = 0;
        float worst = float.NegativeInfinity;
        int worstLength = 0;
        for (int step = 0; step < steps; step++)
        {
            int move = DependencyParser.GoldMove(_gold, gold, goldLabels, _rootLabel, _costs);
            int t = move & 3;
            byte label = (byte)(move >> 2);
            goldScore += _search.MoveScore(_transitions, _labeller, _rootLabel, sentence, _gold, t, label);
            _gold.Apply(t, label);
            _search.Advance(_transitions, _labeller, _rootLabel, sentence, _width, move, withHistory: true);
            if (!_search.IsGoldAt(0))
            {
                float violation = _search.ScoreAt(0) - goldScore;
                if (violation >= worst)
                {
                    worst = violation;
                    worstLength = step + 1;
                    Array.Copy(_search.Best.History, _predicted, worstLength);
                }
            }
        }

        if (worstLength > 0)
        {
            int from = 0;
            while (from < worstLength && _gold.History[from] == _predicted[from])
            {
                from++;
            }

            Replay(sentence, _gold.History, worstLength, from, 1f);
            Replay(sentence, _predicted, worstLength, from, -1f);
        }

        if (_localLabels)
        {
            TeachLabels(sentence);
        }

        _transitions.Tick();
        _labeller.Tick();
        return _search.Best;
    }

    /// <summary>
    /// Local relation updates along the whole gold derivation: where the relation the model prefers for a gold arc is
    /// not the gold one, the weights move to the gold one. Complements the global updates, which reach only the
    /// arcs before the maximum violation.
    /// </summary>
    private void TeachLabels(TaggedSentence sentence)
    {
        var st = _replay;
        st.Init(sentence.Count);
        var scores = _labelScores.AsSpan(0, _labelCount);
        for (int i = 0; i < _gold.Steps; i++)
        {
            int t = _gold.History[i] & 3;
            byte label = (byte)(_gold.History[i] >> 2);
            if (t is DependencyParser.Left or DependencyParser.Right)
            {
                var (h, d) = DependencyParser.Arc(st, t);
                int lk = DependencyParser.LabelFeatures(sentence.Words, sentence.Xpos, sentence.Upos, st, h, d, _features);
                scores.Clear();
                _labeller.Score(_features.AsSpan(0, lk), scores);
                byte guess = DependencyParser.ArcLabel(st, t, scores, _rootLabel);
                _labeller.Update(_features.AsSpan(0, lk), label, guess);
            }

            st.Apply(t, label);
        }
    }

    /// <summary>Re-derives the configurations of <paramref name="history"/> and adds <paramref name="delta"/> to the weights of its transitions from step <paramref name="from"/>.</summary>
    private void Replay(TaggedSentence sentence, ReadOnlySpan<int> history, int length, int from, float delta)
    {
        var st = _replay;
        st.Init(sentence.Count);
        for (int i = 0; i < length; i++)
        {
            int t = history[i] & 3;
            byte label = (byte)(history[i] >> 2);
            if (i >= from)
            {
                int k = DependencyParser.Features(sentence.Words, sentence.Xpos, sentence.Upos, st, _features);
                _transitions.Add(_features.AsSpan(0, k), t, delta);
                if (t is DependencyParser.Left or DependencyParser.Right)
                {
                    var (h, d) = DependencyParser.Arc(st, t);
                    int lk = DependencyParser.LabelFeatures(sentence.Words, sentence.Xpos, sentence.Upos, st, h, d, _features);
                    _labeller.Add(_features.AsSpan(0, lk), label, delta);
                }
            }

            st.Apply(t, label);
        }
    }
}
