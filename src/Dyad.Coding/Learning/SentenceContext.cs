using Dyad.Text;
using Dyad.Text.Analysis;

namespace Dyad.Coding.Learning;

/// <summary>
/// An actor the event model may choose as source or target: a dictionary mention of the sentence, a personal
/// pronoun standing for an earlier mention ("he said", "urged them"), or a common noun naming an actor.
/// </summary>
/// <param name="Mention">The mention (for a pronoun: its antecedent).</param>
/// <param name="First">First token of the words in this sentence.</param>
/// <param name="Last">Last token of the words in this sentence (inclusive).</param>
/// <param name="Head">The syntactic head of the words.</param>
/// <param name="IsPronoun">True when the words are a pronoun resolved to <paramref name="Mention"/>.</param>
/// <param name="IsNoun">True when the words are a common noun naming an actor (<see cref="NounActors"/>).</param>
public sealed record ArgumentCandidate(ActorMention Mention, int First, int Last, int Head, bool IsPronoun, bool IsNoun = false)
{
    /// <summary>The kind of actor, for features: mention kind and role segment ("Composed:MIL", "Organisation:IGO").</summary>
    public string Kind { get; } = KindOf(Mention);

    /// <summary>Hash of <see cref="Kind"/>.</summary>
    internal ulong KindHash { get; } = FeatureHash.OfLower(KindOf(Mention));

    private static string KindOf(ActorMention m) =>
        m.Kind + ":" + (m.Kind == ActorMentionKind.Organisation ? "IGO" : m.Code.Length >= 6 ? m.Code.Substring(3, 3) : "CTRY");
}

/// <summary>
/// What the event model sees of one sentence: the document's tokens, tags and tree, the argument candidates, the
/// dictionary patterns each word can trigger and the rule coder's events. Built once per sentence; every per-word
/// value the features use (lemma, tags, relation, children, word classes and their hashes) is computed here once.
/// </summary>
public sealed class SentenceContext
{
    private readonly string[] _lemma;
    private readonly string[] _upos;
    private readonly string[] _xpos;
    private readonly string[] _rel;
    private readonly int[] _head;
    private readonly int[][] _children;
    private readonly int[] _argumentAt;
    private readonly (short C64, short C256, short C1024)?[] _classes;

    internal SentenceContext(Document document, Sentence sentence, List<ArgumentCandidate> arguments, Dictionary<int, List<CodedEvent>> ruleEvents, string[]?[] dictionaryRoots, WordClasses classes, bool light = false)
    {
        Document = document;
        Sentence = sentence;
        Arguments = arguments;
        RuleEvents = ruleEvents;
        DictionaryRoots = dictionaryRoots;
        Classes = classes;
        int n = light ? 0 : sentence.TokenCount, s0 = sentence.TokenStart;
        bool hasTree = document.Layers.Contains(Layer.Dependencies);
        bool hasTags = document.Layers.Contains(Layer.PartsOfSpeech);
        bool hasLemmas = document.Layers.Contains(Layer.Lemmas);
        _lemma = new string[n];
        _upos = new string[n];
        _xpos = new string[n];
        _rel = new string[n];
        _head = new int[n];
        _classes = new (short, short, short)?[n];
        LemmaHash = new ulong[n];
        FormHash = new ulong[n];
        UposHash = new ulong[n];
        XposHash = new ulong[n];
        RelationHash = new ulong[n];
        InQuote = new bool[n];
        var childLists = new List<int>?[n];
        bool open = false;
        for (int i = 0; i < n; i++)
        {
            int t = s0 + i;
            var form = document.TokenText(t);
            string lower = form.ToString().ToLowerInvariant();
            _lemma[i] = hasLemmas && document.Lemmas[t] is { Length: > 0 } l ? l : lower;
            _upos[i] = hasTags ? document.Upos[t] : "X";
            _xpos[i] = hasTags ? document.Xpos[t] : "X";
            _rel[i] = hasTree ? document.Relations[t] : "dep";
            int h = hasTree ? document.Heads[t] : -1;
            _head[i] = h >= s0 && h < sentence.TokenEnd ? h : -1;
            LemmaHash[i] = FeatureHash.OfLower(_lemma[i]);
            FormHash[i] = FeatureHash.OfLower(lower);
            UposHash[i] = FeatureHash.OfLower(_upos[i]);
            XposHash[i] = FeatureHash.OfLower(_xpos[i]);
            RelationHash[i] = FeatureHash.OfLower(_rel[i]);
            _classes[i] = classes.TryGet(lower, out var c) || classes.TryGet(_lemma[i], out c) ? c : null;
            if (form is "\"" or "“" or "”")
            {
                open = form is "“" || (form is "\"" && !open);
            }
            else
            {
                InQuote[i] = open;
            }
        }

        for (int i = 0; i < n; i++)
        {
            if (_head[i] >= 0)
            {
                (childLists[_head[i] - s0] ??= []).Add(s0 + i);
            }
        }

        _children = childLists.Select(l => l?.ToArray() ?? []).ToArray();
        _argumentAt = new int[n];
        Array.Fill(_argumentAt, -1);
        if (light)
        {
            return;
        }

        for (int k = 0; k < arguments.Count; k++)
        {
            for (int t = arguments[k].First; t <= arguments[k].Last; t++)
            {
                if (Contains(t) && _argumentAt[t - s0] < 0)
                {
                    _argumentAt[t - s0] = k;
                }
            }
        }
    }

    /// <summary>Word classes for features.</summary>
    public WordClasses Classes { get; }

    /// <summary>The encoder's unit-length vector of each token (per token of the sentence), or null without an encoder.</summary>
    public float[][]? States { get; internal set; }

    /// <summary>The document.</summary>
    public Document Document { get; }

    /// <summary>The sentence.</summary>
    public Sentence Sentence { get; }

    /// <summary>Actors that may fill a role, in text order.</summary>
    public List<ArgumentCandidate> Arguments { get; }

    /// <summary>The rule coder's events by trigger token.</summary>
    public Dictionary<int, List<CodedEvent>> RuleEvents { get; }

    /// <summary>Per token of the sentence (offset from its start): the roots of the dictionary patterns it can trigger, or null.</summary>
    public string[]?[] DictionaryRoots { get; }

    /// <summary>True when the tokens are inside quotation marks (per token of the sentence).</summary>
    public bool[] InQuote { get; }

    /// <summary>Hash of each token's lemma (per token of the sentence).</summary>
    internal ulong[] LemmaHash { get; }

    /// <summary>Hash of each token's lower-case form (per token of the sentence).</summary>
    internal ulong[] FormHash { get; }

    /// <summary>Hash of each token's UPOS tag (per token of the sentence).</summary>
    internal ulong[] UposHash { get; }

    /// <summary>Hash of each token's Penn tag (per token of the sentence).</summary>
    internal ulong[] XposHash { get; }

    /// <summary>Hash of each token's relation (per token of the sentence).</summary>
    internal ulong[] RelationHash { get; }

    /// <summary>The lemma of token <paramref name="t"/> (lower-case form when there is no lemma layer).</summary>
    public string Lemma(int t) => _lemma[t - Sentence.TokenStart];

    /// <summary>UPOS of token <paramref name="t"/>, or "X".</summary>
    public string Upos(int t) => _upos[t - Sentence.TokenStart];

    /// <summary>Penn tag of token <paramref name="t"/>, or "X".</summary>
    public string Xpos(int t) => _xpos[t - Sentence.TokenStart];

    /// <summary>Head of token <paramref name="t"/> within the sentence, or -1.</summary>
    public int Head(int t) => _head[t - Sentence.TokenStart];

    /// <summary>Relation of token <paramref name="t"/> to its head, or "dep".</summary>
    public string Relation(int t) => _rel[t - Sentence.TokenStart];

    /// <summary>The dependents of token <paramref name="t"/> in text order.</summary>
    public int[] Children(int t) => _children[t - Sentence.TokenStart];

    /// <summary>The word classes of token <paramref name="t"/> (form, else lemma), or null.</summary>
    public (short C64, short C256, short C1024)? ClassesOf(int t) => _classes[t - Sentence.TokenStart];

    /// <summary>True when token <paramref name="t"/> is one of the sentence's words.</summary>
    public bool Contains(int t) => t >= Sentence.TokenStart && t < Sentence.TokenEnd;

    /// <summary>The argument covering token <paramref name="t"/>, or null.</summary>
    public ArgumentCandidate? ArgumentAt(int t) => _argumentAt[t - Sentence.TokenStart] is int k and >= 0 ? Arguments[k] : null;

    /// <summary>
    /// Hash of the dependency path from <paramref name="from"/> to <paramref name="to"/>: relations going up to the
    /// lowest common head and down from it, at most <paramref name="maxSteps"/> steps; 0 when longer or not
    /// connected.
    /// </summary>
    public ulong PathHash(int from, int to, int maxSteps = 4) => Path(from, to, maxSteps);

    private ulong Path(int from, int to, int maxSteps)
    {
        Span<int> up = stackalloc int[maxSteps + 1];
        int n = 0;
        for (int t = from; t >= 0 && n <= maxSteps; t = Head(t))
        {
            up[n++] = t;
        }

        Span<int> down = stackalloc int[maxSteps + 1];
        int d = 0;
        for (int t = to; t >= 0 && d <= maxSteps; t = Head(t))
        {
            int k = up[..n].IndexOf(t);
            if (k >= 0)
            {
                if (k + d > maxSteps)
                {
                    return 0;
                }

                ulong h = 0xC0FFEE;
                for (int i = 0; i < k; i++)
                {
                    h = FeatureHash.Mix(h, RelationHash[up[i] - Sentence.TokenStart]);
                }

                h = FeatureHash.Mix(h, 0xD0D0);
                for (int i = d - 1; i >= 0; i--)
                {
                    h = FeatureHash.Mix(h, RelationHash[down[i] - Sentence.TokenStart]);
                }

                return h == 0 ? 1 : h;
            }

            if (d == maxSteps + 1)
            {
                break;
            }

            down[d++] = t;
        }

        return 0;
    }

    /// <summary>The case marker or preposition token on token <paramref name="t"/> ("with" in "with Russia"), or -1.</summary>
    public int CaseTokenOf(int t)
    {
        foreach (int c in Children(t))
        {
            if (c < t && Relation(c) == "case")
            {
                return c;
            }
        }

        return -1;
    }
}
