using Dyad.Text;

namespace Dyad.Coding.Learning;

/// <summary>
/// An actor the event model may choose as source or target: a dictionary mention of the sentence, or a personal
/// pronoun standing for an earlier mention ("he said", "urged them").
/// </summary>
/// <param name="Mention">The mention (for a pronoun: its antecedent).</param>
/// <param name="First">First token of the words in this sentence.</param>
/// <param name="Last">Last token of the words in this sentence (inclusive).</param>
/// <param name="Head">The syntactic head of the words.</param>
/// <param name="IsPronoun">True when the words are a pronoun resolved to <paramref name="Mention"/>.</param>
public sealed record ArgumentCandidate(ActorMention Mention, int First, int Last, int Head, bool IsPronoun);

/// <summary>
/// What the event model sees of one sentence: the document's tokens, tags and tree, the argument candidates, the
/// dictionary patterns each word can trigger and the rule coder's events. Built once per sentence.
/// </summary>
public sealed class SentenceContext
{
    internal SentenceContext(Document document, Sentence sentence, List<ArgumentCandidate> arguments, Dictionary<int, List<CodedEvent>> ruleEvents, string[]?[] dictionaryRoots, WordClasses classes)
    {
        Classes = classes;
        Document = document;
        Sentence = sentence;
        Arguments = arguments;
        RuleEvents = ruleEvents;
        DictionaryRoots = dictionaryRoots;
        HasTree = document.Layers.Contains(Layer.Dependencies);
        HasTags = document.Layers.Contains(Layer.PartsOfSpeech);
        InQuote = new bool[sentence.TokenCount];
        bool open = false;
        for (int t = sentence.TokenStart; t < sentence.TokenEnd; t++)
        {
            var w = document.TokenText(t);
            if (w is "\"" or "“" or "”")
            {
                open = w is "“" || (w is "\"" && !open);
            }
            else
            {
                InQuote[t - sentence.TokenStart] = open;
            }
        }
    }

    /// <summary>Word classes for features.</summary>
    public WordClasses Classes { get; }

    /// <summary>The 256-class of token <paramref name="t"/>'s form, else its lemma's, or null.</summary>
    public string? Class256(int t) => ClassesOf(t) is { } c ? c.C256.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;

    /// <summary>The classes of token <paramref name="t"/>'s lower-case form, else of its lemma.</summary>
    public (short C64, short C256, short C1024)? ClassesOf(int t)
    {
        string form = Document.TokenText(t).ToString().ToLowerInvariant();
        if (Classes.TryGet(form, out var c) || Classes.TryGet(Lemma(t), out c))
        {
            return c;
        }

        return null;
    }

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

    /// <summary>True when the document has a dependency layer.</summary>
    public bool HasTree { get; }

    /// <summary>True when the document has part-of-speech tags.</summary>
    public bool HasTags { get; }

    /// <summary>The lemma of token <paramref name="t"/> (lower-case form when there is no lemma layer).</summary>
    public string Lemma(int t) => Document.Layers.Contains(Layer.Lemmas) && Document.Lemmas[t] is { Length: > 0 } l ? l : Document.TokenText(t).ToString().ToLowerInvariant();

    /// <summary>UPOS of token <paramref name="t"/>, or "X".</summary>
    public string Upos(int t) => HasTags ? Document.Upos[t] : "X";

    /// <summary>Penn tag of token <paramref name="t"/>, or "X".</summary>
    public string Xpos(int t) => HasTags ? Document.Xpos[t] : "X";

    /// <summary>Head of token <paramref name="t"/> within the sentence, or -1.</summary>
    public int Head(int t)
    {
        if (!HasTree)
        {
            return -1;
        }

        int h = Document.Heads[t];
        return h >= Sentence.TokenStart && h < Sentence.TokenEnd ? h : -1;
    }

    /// <summary>Relation of token <paramref name="t"/> to its head, or "dep".</summary>
    public string Relation(int t) => HasTree ? Document.Relations[t] : "dep";

    /// <summary>True when token <paramref name="t"/> is one of the sentence's words.</summary>
    public bool Contains(int t) => t >= Sentence.TokenStart && t < Sentence.TokenEnd;

    /// <summary>The argument covering token <paramref name="t"/>, or null.</summary>
    public ArgumentCandidate? ArgumentAt(int t)
    {
        foreach (var a in Arguments)
        {
            if (t >= a.First && t <= a.Last)
            {
                return a;
            }
        }

        return null;
    }

    /// <summary>
    /// The dependency path from <paramref name="from"/> to <paramref name="to"/> as relations going up (^) to the
    /// lowest common head and down (v) from it, at most <paramref name="maxSteps"/> steps; null when longer or not
    /// connected.
    /// </summary>
    public string? Path(int from, int to, int maxSteps = 4)
    {
        if (!HasTree)
        {
            return null;
        }

        Span<int> up = stackalloc int[maxSteps + 1];
        int n = 0;
        for (int t = from; t >= 0 && n <= maxSteps; t = Head(t))
        {
            up[n++] = t;
        }

        var down = new List<int>(maxSteps + 1);
        for (int t = to, steps = 0; t >= 0 && steps <= maxSteps; t = Head(t), steps++)
        {
            int k = up[..n].IndexOf(t);
            if (k >= 0)
            {
                if (k + down.Count > maxSteps)
                {
                    return null;
                }

                var sb = new System.Text.StringBuilder();
                for (int i = 0; i < k; i++)
                {
                    sb.Append('^').Append(Relation(up[i]));
                }

                for (int i = down.Count - 1; i >= 0; i--)
                {
                    sb.Append('v').Append(Relation(down[i]));
                }

                return sb.Length == 0 ? "=" : sb.ToString();
            }

            down.Add(t);
        }

        return null;
    }

    /// <summary>The lemma of the case marker or preposition on token <paramref name="t"/> ("with" in "with Russia"), or null.</summary>
    public string? CaseOf(int t)
    {
        if (!HasTree)
        {
            return t > Sentence.TokenStart && Upos(t - 1) == "ADP" ? Lemma(t - 1) : null;
        }

        for (int c = Math.Max(Sentence.TokenStart, t - 4); c < t; c++)
        {
            if (Head(c) == t && Relation(c) is "case")
            {
                return Lemma(c);
            }
        }

        return null;
    }
}
