using Dyad.Coding.Training;
using Dyad.Text.Analysis;

namespace Dyad.Coding.Learning;

/// <summary>The model's reading of one word as an act: its scores and the actors it chose, for coding and explaining.</summary>
/// <param name="Trigger">The trigger token.</param>
/// <param name="Code">The chosen CAMEO code.</param>
/// <param name="RootMargin">Best root's score minus the "no act" score.</param>
/// <param name="Mode">The chosen mode.</param>
/// <param name="ModeMargin">The mode's score minus the next best mode's.</param>
/// <param name="Source">The chosen source, or null.</param>
/// <param name="SourceMargin">The source's role score minus its "none" score (0 without a source).</param>
/// <param name="Target">The chosen target, or null.</param>
/// <param name="TargetMargin">The target's role score minus its "none" score (0 without a target).</param>
public sealed record ModelAct(int Trigger, string Code, float RootMargin, EventMode Mode, float ModeMargin, ArgumentCandidate? Source, float SourceMargin, ArgumentCandidate? Target, float TargetMargin)
{
    /// <summary>True when the mode is one that is coded.</summary>
    public bool IsCoded => Mode <= EventMode.Background;
}

/// <summary>Runs an <see cref="EventModel"/> over sentence contexts. Thread-safe (holds no state between calls).</summary>
internal sealed class EventModelDecoder
{
    private readonly EventModel _model;

    public EventModelDecoder(EventModel model) => _model = model;

    /// <summary>True when token <paramref name="t"/> may be a trigger: a verb, noun or adjective outside any actor's words.</summary>
    public static bool IsCandidate(SentenceContext s, int t)
    {
        string upos = s.Upos(t);
        if (upos is not ("VERB" or "NOUN" or "ADJ") && !(upos == "X" && s.DictionaryRoots[t - s.Sentence.TokenStart] is not null))
        {
            return false;
        }

        var a = s.ArgumentAt(t);
        return a is null;
    }

    /// <summary>Acts the model reads in the sentence, coded or not, in token order.</summary>
    public List<ModelAct> Decode(SentenceContext s)
    {
        var acts = new List<ModelAct>();
        if (s.Arguments.Count == 0)
        {
            return acts;
        }

        bool useRules = _model.Settings.UseRuleFeatures;
        var f = new List<ulong>(96);
        Span<float> rootScores = stackalloc float[21];
        Span<float> codeScores = stackalloc float[32];
        Span<float> modeScores = stackalloc float[8];
        Span<float> roleScores = stackalloc float[3];
        var asTarget = new float[s.Arguments.Count];
        float[] pair = s.States is null || s.States.Length == 0 ? [] : new float[2 * s.States[0].Length];
        for (int t = s.Sentence.TokenStart; t < s.Sentence.TokenEnd; t++)
        {
            if (!IsCandidate(s, t))
            {
                continue;
            }

            EventFeatures.Trigger(s, t, useRules, f);
            rootScores.Clear();
            _model.Roots.Score(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(f), rootScores);
            var state = StateOf(s, t);
            if (state is not null)
            {
                _model.DenseRoots!.Score(state, rootScores);
            }

            int best = 1;
            for (int r = 2; r <= 20; r++)
            {
                if (rootScores[r] > rootScores[best])
                {
                    best = r;
                }
            }

            float margin = rootScores[best] - rootScores[0];
            if (margin <= _model.Settings.RootMargin)
            {
                continue;
            }

            string root = best.ToString("00", System.Globalization.CultureInfo.InvariantCulture);
            var codes = _model.CodesByRoot[best];
            ConjoinWithRoot(f, best);
            codeScores.Clear();
            _model.Codes.Score(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(f), codeScores);
            int bestCode = 0;
            for (int k = 1; k < codes.Count; k++)
            {
                if (codeScores[k] > codeScores[bestCode])
                {
                    bestCode = k;
                }
            }

            EventFeatures.Mode(s, t, root, useRules, f);
            modeScores.Clear();
            _model.Modes.Score(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(f), modeScores);
            if (state is not null)
            {
                _model.DenseModes!.Score(state, modeScores);
            }

            float modeMargin = BestWithMargin(modeScores, out int mode);

            ArgumentCandidate? source = null, target = null;
            float sourceBest = _model.Settings.RoleMargin, targetBest = _model.Settings.RoleMargin;
            for (int i = 0; i < s.Arguments.Count; i++)
            {
                EventFeatures.Role(s, t, root, s.Arguments[i], useRules, f);
                roleScores.Clear();
                _model.Roles.Score(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(f), roleScores);
                if (state is not null && PairState(s, t, s.Arguments[i], pair) is { } both)
                {
                    _model.DenseRoles!.Score(both, roleScores);
                }
                float asSource = roleScores[1] - roleScores[0];
                asTarget[i] = roleScores[2] - roleScores[0];
                if (asSource > sourceBest && asSource >= asTarget[i])
                {
                    sourceBest = asSource;
                    source = s.Arguments[i];
                }
            }

            for (int i = 0; i < s.Arguments.Count; i++)
            {
                var a = s.Arguments[i];
                if (asTarget[i] > targetBest && a != source && (source is null || a.Mention.Code != source.Mention.Code))
                {
                    targetBest = asTarget[i];
                    target = a;
                }
            }

            acts.Add(new ModelAct(
                t, codes[bestCode], margin, (EventMode)mode, modeMargin,
                source, source is null ? 0 : sourceBest, target, target is null ? 0 : targetBest));
        }

        return acts;
    }

    /// <summary>
    /// The model's view of an act the rules coded at token <paramref name="t"/> with root <paramref name="root"/>
    /// (two digits): how far that root scores above "no act", and the mode the model reads there.
    /// </summary>
    public (float RootMargin, EventMode Mode, float ModeMargin) Judge(SentenceContext s, int t, string root)
    {
        bool useRules = _model.Settings.UseRuleFeatures;
        var f = new List<ulong>(96);
        Span<float> rootScores = stackalloc float[21];
        Span<float> modeScores = stackalloc float[8];
        EventFeatures.Trigger(s, t, useRules, f);
        _model.Roots.Score(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(f), rootScores);
        if (StateOf(s, t) is { } state)
        {
            _model.DenseRoots!.Score(state, rootScores);
            _model.DenseModes!.Score(state, modeScores);
        }

        int r = int.Parse(root, System.Globalization.CultureInfo.InvariantCulture);
        float margin = rootScores[r] - rootScores[0];
        EventFeatures.Mode(s, t, root, useRules, f);
        _model.Modes.Score(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(f), modeScores);
        float modeMargin = BestWithMargin(modeScores, out int mode);
        return (margin, (EventMode)mode, modeMargin);
    }

    /// <summary>The best-scoring class (the first on ties) and how far it scores above the next best.</summary>
    private static float BestWithMargin(ReadOnlySpan<float> scores, out int best)
    {
        best = 0;
        for (int k = 1; k < scores.Length; k++)
        {
            if (scores[k] > scores[best])
            {
                best = k;
            }
        }

        float next = float.NegativeInfinity;
        for (int k = 0; k < scores.Length; k++)
        {
            if (k != best && scores[k] > next)
            {
                next = scores[k];
            }
        }

        return scores[best] - next;
    }

    /// <summary>The encoder's vector of token <paramref name="t"/> when the model has dense weights and the sentence was encoded.</summary>
    private float[]? StateOf(SentenceContext s, int t) =>
        _model.NeedsEncoder && s.States is { } states ? states[t - s.Sentence.TokenStart] : null;

    /// <summary>The trigger's and the actor's vectors side by side (in <paramref name="buffer"/>).</summary>
    internal static float[]? PairState(SentenceContext s, int t, ArgumentCandidate a, float[] buffer)
    {
        if (s.States is not { } states || buffer.Length == 0)
        {
            return null;
        }

        int d = states[0].Length;
        states[t - s.Sentence.TokenStart].CopyTo(buffer, 0);
        states[a.Head - s.Sentence.TokenStart].CopyTo(buffer, d);
        return buffer;
    }

    /// <summary>Turns trigger features into code features by mixing in the root, in place.</summary>
    internal static void ConjoinWithRoot(List<ulong> features, int root)
    {
        for (int i = 0; i < features.Count; i++)
        {
            features[i] = FeatureHash.Mix(features[i], (ulong)(1000 + root));
        }
    }
}
