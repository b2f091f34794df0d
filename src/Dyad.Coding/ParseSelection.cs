using Dyad.Text;

namespace Dyad.Coding;

/// <summary>
/// Which sentences the coder needs parsed: those with an actor that is not a place and a word that can trigger a
/// verb or noun pattern. Every other sentence cannot yield an event, so parsing it would only cost time.
/// </summary>
public static class ParseSelection
{
    /// <summary>The filter for <see cref="Dyad.Text.Analysis.AnalysisStage"/> over <paramref name="lexicon"/>; needs the lexical and actor layers.</summary>
    public static Func<Document, Sentence, bool> WorthParsing(Lexicon.Lexicon lexicon) => (document, sentence) =>
    {
        var actors = document.GetLayer<ActorLayer>().Mentions;
        int lo = 0, hi = actors.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (actors[mid].First < sentence.TokenStart)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        bool hasActor = false;
        for (int k = lo; k < actors.Count && actors[k].First < sentence.TokenEnd; k++)
        {
            if (!actors[k].Locative)
            {
                hasActor = true;
                break;
            }
        }

        return hasActor && HasTrigger(document, sentence, lexicon, impliedOnly: false);
    };

    /// <summary>Every sentence with an actor that is not a place (what the learned event model reads); needs the actor layer.</summary>
    public static bool WithActor(Document document, Sentence sentence)
    {
        foreach (var m in document.GetLayer<ActorLayer>().Mentions)
        {
            if (m.First >= sentence.TokenEnd)
            {
                break;
            }

            if (m.First >= sentence.TokenStart && !m.Locative)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Sentences without an actor that may still hold an act whose actors are implied by the dateline country ("The
    /// island was placed under curfew", "protests turned violent"; EventStage.ImpliedActors): the coder reads them
    /// with tags and lemmas (a protest noun, a passive) but without a parse, which would cost far more.
    /// </summary>
    public static Func<Document, Sentence, bool> WorthTagging(Lexicon.Lexicon lexicon) => (document, sentence) =>
        document.GetLayer<ActorLayer>().DatelineCountry is not null && HasTrigger(document, sentence, lexicon, impliedOnly: true);

    private static bool HasTrigger(Document document, Sentence sentence, Lexicon.Lexicon lexicon, bool impliedOnly)
    {
        var lexical = document.GetLayer<LexicalLayer>();
        for (int t = sentence.TokenStart; t < sentence.TokenEnd; t++)
        {
            foreach (int id in lexical.Candidates(t))
            {
                if (id >= 0 && lexicon.Verbs.TriggeredBy(id).Length > 0 && (!impliedOnly || HasImpliedActorPattern(lexicon.Verbs.TriggeredBy(id))))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool HasImpliedActorPattern(ReadOnlySpan<Lexicon.VerbPattern> patterns)
    {
        foreach (var p in patterns)
        {
            if (EventStage.IsImpliedActorCode(p.Code))
            {
                return true;
            }
        }

        return false;
    }
}
