using System.Collections.Frozen;
using Dyad.Text;

namespace Dyad.Coding.Learning;

/// <summary>Builds the <see cref="SentenceContext"/> of each sentence of a coded document.</summary>
internal static class SentenceContexts
{
    /// <summary>Personal pronouns that may stand for an earlier actor, with the kind of antecedent they take.</summary>
    private static readonly FrozenDictionary<string, char> PronounKinds = new Dictionary<string, char>(StringComparer.OrdinalIgnoreCase)
    {
        ["he"] = 'p', ["him"] = 'p', ["she"] = 'p', ["her"] = 'p', ["i"] = 'p',
        ["they"] = 'g', ["them"] = 'g', ["we"] = 'g', ["us"] = 'g',
        ["it"] = 'o',
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The context of every sentence of <paramref name="document"/> (which must have the lexical and actor layers;
    /// tags, lemmas and the tree are used where present). <paramref name="ruleEvents"/> are the rule coder's events.
    /// </summary>
    /// With <paramref name="skipWithoutActors"/>, sentences without an argument get a light context (no per-word values):
    /// the decoder never reads them.
    public static SentenceContext[] Build(Document document, Lexicon.Lexicon lexicon, IReadOnlyList<CodedEvent> ruleEvents, WordClasses classes, NounActors nouns, bool skipWithoutActors = false)
    {
        var lexical = document.GetLayer<LexicalLayer>();
        var mentions = document.GetLayer<ActorLayer>().Mentions;
        var contexts = new SentenceContext[document.SentenceCount];
        int mi = 0;
        var history = new List<ActorMention>();
        var rootCache = new Dictionary<int, string[]?>();
        string? home = HomeCountry(document);
        bool tagged = document.Layers.Contains(Layer.PartsOfSpeech) && document.Layers.Contains(Layer.Lemmas);
        foreach (var sentence in document.Sentences)
        {
            var arguments = new List<ArgumentCandidate>();
            var inSentence = new List<ActorMention>();
            while (mi < mentions.Count && mentions[mi].First < sentence.TokenEnd)
            {
                var m = mentions[mi++];
                if (m.First >= sentence.TokenStart)
                {
                    inSentence.Add(m);
                }
            }

            int next = 0;
            for (int t = sentence.TokenStart; t < sentence.TokenEnd; t++)
            {
                if (next < inSentence.Count && inSentence[next].First == t)
                {
                    var m = inSentence[next++];
                    arguments.Add(new ArgumentCandidate(m, m.First, m.Last, HeadOf(document, m.First, m.Last), IsPronoun: false));
                    history.Add(m);
                    t = m.Last;
                    continue;
                }

                if (PronounKinds.TryGetValue(document.TokenText(t).ToString(), out char kind) && IsPersonalPronoun(document, t) &&
                    Antecedent(history, kind) is { } antecedent)
                {
                    arguments.Add(new ArgumentCandidate(antecedent, t, t, t, IsPronoun: true));
                }
                else if (tagged && nouns.Count > 0 && document.Upos[t] == "NOUN" && IsPhraseHead(document, t, sentence) &&
                         nouns.Compose(document.Lemmas[t], PhraseStart(document, t, sentence), t, home, LastOrganisation(history)) is { } inferred)
                {
                    arguments.Add(new ArgumentCandidate(inferred, inferred.First, t, t, IsPronoun: false, IsNoun: true));
                }
            }

            bool light = skipWithoutActors && arguments.Count == 0;
            var roots = new string[]?[light ? 0 : sentence.TokenCount];
            for (int t = sentence.TokenStart; !light && t < sentence.TokenEnd; t++)
            {
                roots[t - sentence.TokenStart] = DictionaryRoots(lexicon, lexical, t, rootCache);
            }

            var byTrigger = new Dictionary<int, List<CodedEvent>>();
            foreach (var e in ruleEvents)
            {
                if (e.SentenceIndex == sentence.Index)
                {
                    if (!byTrigger.TryGetValue(e.TriggerFirst, out var list))
                    {
                        byTrigger[e.TriggerFirst] = list = [];
                    }

                    list.Add(e);
                    if (e.TriggerLast != e.TriggerFirst)
                    {
                        if (!byTrigger.TryGetValue(e.TriggerLast, out var last))
                        {
                            byTrigger[e.TriggerLast] = last = [];
                        }

                        last.Add(e);
                    }
                }
            }

            contexts[sentence.Index] = new SentenceContext(document, sentence, arguments, byTrigger, roots, classes, light);
        }

        return contexts;
    }

    /// <summary>
    /// Fills <see cref="SentenceContext.States"/> of the contexts that have an actor (or are in <paramref name="also"/>)
    /// with <paramref name="encoder"/>'s vectors, scaled to unit length.
    /// </summary>
    public static void Encode(Document document, SentenceContext[] contexts, ITokenEncoder encoder, Func<SentenceContext, bool>? also = null)
    {
        var chosen = contexts.Where(c => c.Arguments.Count > 0 || (also?.Invoke(c) ?? false)).ToList();
        if (chosen.Count == 0)
        {
            return;
        }

        var states = encoder.Encode(document, chosen.Select(c => c.Sentence).ToList());
        for (int k = 0; k < chosen.Count; k++)
        {
            foreach (var v in states[k])
            {
                VectorMath.Normalize(v);
            }

            chosen[k].States = states[k];
        }
    }

    /// <summary>The article's own country: the dateline's, else the country its actors name most often, or null.</summary>
    internal static string? HomeCountry(Document document)
    {
        var actors = document.GetLayer<ActorLayer>();
        if (actors.DatelineCountry is { Length: >= 3 } dateline)
        {
            return dateline[..3];
        }

        return actors.Mentions.Where(m => m.Country is not null).GroupBy(m => m.Country!).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key).FirstOrDefault();
    }

    private static ActorMention? LastOrganisation(List<ActorMention> history)
    {
        for (int i = history.Count - 1; i >= 0; i--)
        {
            if (history[i].Kind == ActorMentionKind.Organisation)
            {
                return history[i];
            }
        }

        return null;
    }

    /// <summary>True when a noun heads its phrase (not a compound modifier of another noun).</summary>
    private static bool IsPhraseHead(Document document, int t, Sentence sentence) =>
        !document.Layers.Contains(Layer.Dependencies) || document.Relations[t] is not ("compound" or "amod");

    /// <summary>The first word of the noun phrase headed by <paramref name="t"/>: its determiners and modifiers to the left.</summary>
    private static int PhraseStart(Document document, int t, Sentence sentence)
    {
        int first = t;
        if (!document.Layers.Contains(Layer.Dependencies))
        {
            return first;
        }

        for (int k = t - 1; k >= sentence.TokenStart && k >= t - 6; k--)
        {
            int h = document.Heads[k];
            if (h >= k && h <= t && document.Relations[k] is "det" or "amod" or "compound" or "nummod" or "det:poss" or "nmod:poss" or "case" && !(document.Relations[k] == "case" && h == t))
            {
                first = k;
            }
            else
            {
                break;
            }
        }

        return first;
    }

    /// <summary>The token of a span whose head lies outside it (the last such), or the last token.</summary>
    internal static int HeadOf(Document document, int first, int last)
    {
        if (!document.Layers.Contains(Layer.Dependencies))
        {
            return last;
        }

        for (int t = last; t >= first; t--)
        {
            int h = document.Heads[t];
            if (h < first || h > last)
            {
                return t;
            }
        }

        return last;
    }

    private static bool IsPersonalPronoun(Document document, int t) =>
        !document.Layers.Contains(Layer.PartsOfSpeech) || document.Xpos[t] == "PRP";

    private static ActorMention? Antecedent(List<ActorMention> history, char kind)
    {
        for (int i = history.Count - 1, seen = 0; i >= 0 && seen < 12; i--, seen++)
        {
            var m = history[i];
            if (m.Locative)
            {
                continue;
            }

            bool person = m.Kind == ActorMentionKind.Person || (m.Kind is ActorMentionKind.Composed or ActorMentionKind.Inferred && m.Code.Length >= 6);
            bool fits = kind switch
            {
                'p' => person,
                'g' => m.Group >= 0 || !person,
                _ => !person,
            };
            if (fits)
            {
                return m;
            }
        }

        return null;
    }

    private static string[]? DictionaryRoots(Lexicon.Lexicon lexicon, LexicalLayer lexical, int t, Dictionary<int, string[]?> cache)
    {
        List<string>? roots = null;
        foreach (int id in lexical.Candidates(t))
        {
            if (id < 0)
            {
                continue;
            }

            if (!cache.TryGetValue(id, out var forId))
            {
                var set = new SortedSet<string>(StringComparer.Ordinal);
                foreach (var p in lexicon.Verbs.TriggeredBy(id))
                {
                    if (p.Code.Length >= 2 && !p.IsNull)
                    {
                        set.Add(p.Code[..2]);
                    }
                }

                cache[id] = forId = set.Count == 0 ? null : [.. set];
            }

            if (forId is not null)
            {
                roots ??= [];
                foreach (string r in forId)
                {
                    if (!roots.Contains(r))
                    {
                        roots.Add(r);
                    }
                }
            }
        }

        return roots?.ToArray();
    }
}
