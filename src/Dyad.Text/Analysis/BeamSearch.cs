namespace Dyad.Text.Analysis;

/// <summary>A tagged sentence as the parser sees it: word hashes, Penn tags and universal tags.</summary>
internal readonly ref struct TaggedSentence(ReadOnlySpan<WordHashes> words, ReadOnlySpan<byte> xpos, ReadOnlySpan<byte> upos)
{
    public ReadOnlySpan<WordHashes> Words { get; } = words;

    public ReadOnlySpan<byte> Xpos { get; } = xpos;

    public ReadOnlySpan<byte> Upos { get; } = upos;

    public int Count => Words.Length;
}

/// <summary>
/// Beam search over arc-eager transitions (Zhang and Clark 2008; Zhang and Nivre 2011) under one global linear
/// model: a configuration scores the sum, over the transitions that built it, of the transition's weight under
/// the configuration's features and, for an arc, of its relation's weight under the arc's label features. An arc
/// takes its best relation, so each configuration has at most four successors. Working memory of one thread,
/// reused across sentences.
/// </summary>
internal sealed class BeamSearch
{
    private readonly ulong[] _features = new ulong[Math.Max(DependencyParser.MaxFeatures, DependencyParser.MaxLabelFeatures)];
    private readonly float[] _moveScores = new float[4];
    private readonly RowCache _transitionRows = new();
    private readonly RowCache _labelRows = new();
    private readonly ArcMemo _arcs = new();
    private readonly WordScoreMemo _wordScores = new();
    private float[] _labelScores = new float[64];
    private ParseState[] _beam = [];
    private ParseState[] _next = [];
    private float[] _score = [];
    private float[] _nextScore = [];
    private bool[] _gold = [];
    private bool[] _nextGold = [];
    private Candidate[] _candidates = [];
    private int _width;
    private int _labelCount;

    private readonly record struct Candidate(int Parent, int Transition, byte Label, float Score, bool Gold);

    /// <summary>Configurations in the beam, best first.</summary>
    public int Size { get; private set; }

    /// <summary>The best configuration.</summary>
    public ParseState Best => _beam[0];

    /// <summary>Total score of the configuration at <paramref name="rank"/>.</summary>
    public float ScoreAt(int rank) => _score[rank];

    /// <summary>Whether the configuration at <paramref name="rank"/> was built by the gold transitions only.</summary>
    public bool IsGoldAt(int rank) => _gold[rank];

    /// <summary>Empties the beam and puts in the initial configuration of a sentence of <paramref name="n"/> words.</summary>
    public void Start(int n, int width, int labelCount)
    {
        if (width > _width)
        {
            _beam = NewStates(width);
            _next = NewStates(width);
            _score = new float[width];
            _nextScore = new float[width];
            _gold = new bool[width];
            _nextGold = new bool[width];
            _candidates = new Candidate[width * 4];
            _width = width;
        }

        if (labelCount > _labelScores.Length)
        {
            _labelScores = new float[labelCount];
        }

        _labelCount = labelCount;
        _wordScores.Clear();
        _beam[0].Init(n);
        _score[0] = 0;
        _gold[0] = true;
        Size = 1;
    }

    /// <summary>
    /// Expands every configuration by each valid transition and keeps the best <paramref name="width"/>. A
    /// successor is gold when its parent is and it takes <paramref name="goldMove"/> (a packed transition; -1 when
    /// there is no gold). Histories are copied only when <paramref name="withHistory"/> (training).
    /// </summary>
    public void Advance<TScorer>(TScorer transitions, TScorer labeller, byte rootLabel, TaggedSentence sentence, int width, int goldMove, bool withHistory)
        where TScorer : IFeatureScorer
    {
        int count = 0;
        _arcs.Clear();
        var moves = _moveScores.AsSpan();
        for (int i = 0; i < Size; i++)
        {
            var st = _beam[i];
            ScoreTransitions(transitions, sentence, st, moves);
            for (int t = 0; t < 4; t++)
            {
                if (!st.IsValid(t))
                {
                    continue;
                }

                float score = _score[i] + moves[t];
                byte label = 0;
                if (t is DependencyParser.Left or DependencyParser.Right)
                {
                    var arc = ArcContext.Of(st, t);
                    int seen = _arcs.IndexOf(arc);
                    if (seen < 0)
                    {
                        var labels = ScoreLabels(labeller, sentence, st, t);
                        byte best = DependencyParser.ArcLabel(st, t, labels, rootLabel);
                        seen = _arcs.Add(arc, best, labels[best]);
                    }

                    label = _arcs.Label(seen);
                    score += _arcs.Score(seen);
                }

                bool gold = _gold[i] && ParseState.Pack(t, label) == goldMove;
                _candidates[count++] = new Candidate(i, t, label, score, gold);
            }
        }

        int kept = Math.Min(width, count);
        for (int r = 0; r < kept; r++)
        {
            int best = r;
            for (int c = r + 1; c < count; c++)
            {
                if (_candidates[c].Score > _candidates[best].Score)
                {
                    best = c;
                }
            }

            (_candidates[r], _candidates[best]) = (_candidates[best], _candidates[r]);
        }

        // A successor takes over its parent's configuration when no other successor needs it, and is copied
        // otherwise; copies are made first, while the parents are intact.
        Span<int> heir = stackalloc int[Size];
        heir.Fill(-1);
        for (int r = 0; r < kept; r++)
        {
            heir[_candidates[r].Parent] = r;
        }

        for (int r = 0; r < kept; r++)
        {
            var chosen = _candidates[r];
            if (heir[chosen.Parent] != r)
            {
                _next[r].CopyFrom(_beam[chosen.Parent], withHistory);
            }
        }

        for (int r = 0; r < kept; r++)
        {
            var chosen = _candidates[r];
            if (heir[chosen.Parent] == r)
            {
                (_next[r], _beam[chosen.Parent]) = (_beam[chosen.Parent], _next[r]);
            }

            _next[r].Apply(chosen.Transition, chosen.Label);
            _nextScore[r] = chosen.Score;
            _nextGold[r] = chosen.Gold;
        }

        (_beam, _next) = (_next, _beam);
        (_score, _nextScore) = (_nextScore, _score);
        (_gold, _nextGold) = (_nextGold, _gold);
        Size = kept;
    }

    /// <summary>The score the model gives transition <paramref name="t"/> with <paramref name="label"/> in <paramref name="st"/>.</summary>
    public float MoveScore<TScorer>(TScorer transitions, TScorer labeller, byte rootLabel, TaggedSentence sentence, ParseState st, int t, byte label)
        where TScorer : IFeatureScorer
    {
        var moves = _moveScores.AsSpan();
        ScoreTransitions(transitions, sentence, st, moves);
        float score = moves[t];
        if (t is DependencyParser.Left or DependencyParser.Right)
        {
            score += ScoreLabels(labeller, sentence, st, t)[label];
        }

        return score;
    }

    private void ScoreTransitions<TScorer>(TScorer transitions, TaggedSentence sentence, ParseState st, Span<float> moves)
        where TScorer : IFeatureScorer
    {
        int s1 = st.Sp > 1 ? st.Stack[st.Sp - 2] : -1;
        if (!_wordScores.TryGet(s1, st.S0, st.B, moves))
        {
            int w = DependencyParser.WordFeatures(sentence.Words, sentence.Xpos, sentence.Upos, st.N, s1, st.S0, st.B, _features);
            moves.Clear();
            transitions.Score(_features.AsSpan(0, w), moves, _transitionRows);
            _wordScores.Add(s1, st.S0, st.B, moves);
        }

        int k = DependencyParser.TreeFeatures(sentence.Words, sentence.Xpos, sentence.Upos, st, _features);
        transitions.Score(_features.AsSpan(0, k), moves, _transitionRows);
    }

    private Span<float> ScoreLabels<TScorer>(TScorer labeller, TaggedSentence sentence, ParseState st, int t)
        where TScorer : IFeatureScorer
    {
        var (h, d) = DependencyParser.Arc(st, t);
        int k = DependencyParser.LabelFeatures(sentence.Words, sentence.Xpos, sentence.Upos, st, h, d, _features);
        var labels = _labelScores.AsSpan(0, _labelCount);
        labels.Clear();
        labeller.Score(_features.AsSpan(0, k), labels, _labelRows);
        return labels;
    }

    private static ParseState[] NewStates(int width)
    {
        var states = new ParseState[width];
        for (int i = 0; i < width; i++)
        {
            states[i] = new ParseState();
        }

        return states;
    }
}

/// <summary>
/// Everything the label features of an arc read from a configuration: the two words and the children and labels
/// around them. Configurations of one beam often propose the same arc in the same surroundings; their label
/// scores are then equal and computed once.
/// </summary>
internal readonly record struct ArcContext(int Head, int Dependent, int DependentLeft, int DependentRight, int HeadLeft, int HeadRight, int Labels, ulong HeadLeftLabels, ulong HeadRightLabels, ulong DependentLeftLabels)
{
    public static ArcContext Of(ParseState st, int t)
    {
        var (h, d) = DependencyParser.Arc(st, t);
        int dl = st.L1[d], dr = st.R1[d], hl = st.L1[h], hr = st.R1[h];
        int headLabel = h < st.N && st.Head[h] >= 0 ? st.Label[h] : 255;
        int labels = headLabel | (LabelOf(st, dl) << 8) | (LabelOf(st, hl) << 16) | (LabelOf(st, hr) << 24);
        return new ArcContext(h, d, dl, dr, hl, hr, labels, st.LeftLabels[h], st.RightLabels[h], st.LeftLabels[d]);
    }

    private static int LabelOf(ParseState st, int i) => i < 0 ? 255 : st.Label[i];
}

/// <summary>The arcs scored during one beam step, with the relation each took and its score.</summary>
internal sealed class ArcMemo
{
    private ArcContext[] _arcs = new ArcContext[16];
    private byte[] _labels = new byte[16];
    private float[] _scores = new float[16];
    private int _count;

    public void Clear() => _count = 0;

    public int IndexOf(in ArcContext arc)
    {
        for (int i = 0; i < _count; i++)
        {
            if (_arcs[i] == arc)
            {
                return i;
            }
        }

        return -1;
    }

    public int Add(in ArcContext arc, byte label, float score)
    {
        if (_count == _arcs.Length)
        {
            Array.Resize(ref _arcs, _count * 2);
            Array.Resize(ref _labels, _count * 2);
            Array.Resize(ref _scores, _count * 2);
        }

        _arcs[_count] = arc;
        _labels[_count] = label;
        _scores[_count] = score;
        return _count++;
    }

    public byte Label(int i) => _labels[i];

    public float Score(int i) => _scores[i];
}

/// <summary>
/// The transition scores of <see cref="DependencyParser.WordFeatures"/> for the (s1, s0, n0) word triples met in
/// one sentence: the configurations of a beam share few arcs but many triples. Valid while the weights do not
/// change, so it is cleared for every sentence.
/// </summary>
internal sealed class WordScoreMemo
{
    private const int Capacity = 1 << 12;
    private readonly ulong[] _keys = new ulong[Capacity];
    private readonly int[] _stamps = new int[Capacity];
    private readonly float[] _scores = new float[Capacity * 4];
    private int _stamp = 1;
    private int _count;

    public void Clear()
    {
        _stamp++;
        _count = 0;
    }

    public bool TryGet(int s1, int s0, int n0, Span<float> moves)
    {
        ulong key = Key(s1, s0, n0);
        for (int slot = Slot(key); _stamps[slot] == _stamp; slot = (slot + 1) & (Capacity - 1))
        {
            if (_keys[slot] == key)
            {
                _scores.AsSpan(slot * 4, 4).CopyTo(moves);
                return true;
            }
        }

        return false;
    }

    public void Add(int s1, int s0, int n0, ReadOnlySpan<float> moves)
    {
        if (_count >= Capacity / 2)
        {
            return;
        }

        ulong key = Key(s1, s0, n0);
        int slot = Slot(key);
        while (_stamps[slot] == _stamp)
        {
            slot = (slot + 1) & (Capacity - 1);
        }

        _stamps[slot] = _stamp;
        _keys[slot] = key;
        moves[..4].CopyTo(_scores.AsSpan(slot * 4, 4));
        _count++;
    }

    private static ulong Key(int s1, int s0, int n0) => ((ulong)(uint)(s1 + 1) << 42) | ((ulong)(uint)(s0 + 1) << 21) | (uint)n0;

    private static int Slot(ulong key) => (int)(FeatureHash.Finish(key) & (Capacity - 1));
}
