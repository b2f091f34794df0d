using System.Diagnostics;
using System.Globalization;

namespace Dyad.Text.Analysis;

/// <summary>
/// Scores of the analyser against a gold treebank, in the sense of the CoNLL 2018 shared task: every word counts
/// (punctuation included); LAS compares the universal part of the relation (before <c>:</c>), and
/// <see cref="FullLas"/> the whole relation. Percentages 0-100.
/// </summary>
public sealed record AnalyserScores(
    int Sentences,
    int Words,
    double Upos,
    double Xpos,
    double Lemma,
    double Uas,
    double Las,
    double FullLas,
    double WordsPerSecond)
{
    /// <inheritdoc />
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"sentences {Sentences}, words {Words}\nUPOS   {Upos:F2}\nXPOS   {Xpos:F2}\nLemma  {Lemma:F2}\nUAS    {Uas:F2}\nLAS    {Las:F2}  (full relations with subtypes: {FullLas:F2})\nspeed  {WordsPerSecond:N0} words/s (tag + lemma + parse, one thread)");
}

/// <summary>Tokenization scores on raw text: F1 of surface tokens and of syntactic words, matched by character span.</summary>
public sealed record TokenizationScores(int Sentences, int GoldTokens, int SystemTokens, double TokenF1, double WordF1, int Unaligned)
{
    /// <inheritdoc />
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"tokenization on raw text of {Sentences} sentences: tokens F1 {TokenF1:F2} (gold {GoldTokens}, system {SystemTokens}), words F1 {WordF1:F2}{(Unaligned > 0 ? $", {Unaligned} sentences not aligned" : string.Empty)}");
}

/// <summary>Evaluates an analyser model and the tokenizer against gold CoNLL-U. Thread-safe.</summary>
public static class AnalyserEvaluator
{
    /// <summary>Tags, lemmatizes and parses the gold words of <paramref name="gold"/> and scores the result.</summary>
    public static AnalyserScores Evaluate(AnalyserModel model, IReadOnlyList<ConllUSentence> gold, List<ConllUSentence>? predictions = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(gold);
        long words = 0, upos = 0, xpos = 0, lemma = 0, uas = 0, las = 0, full = 0;
        var analyses = new SentenceAnalysis[gold.Count];
        var clock = Stopwatch.StartNew();
        for (int si = 0; si < gold.Count; si++)
        {
            analyses[si] = model.Analyse(gold[si].Forms);
        }

        double seconds = clock.Elapsed.TotalSeconds;
        for (int si = 0; si < gold.Count; si++)
        {
            var g = gold[si];
            var a = analyses[si];
            for (int i = 0; i < g.Count; i++)
            {
                words++;
                upos += a.Upos[i] == g.Upos[i] ? 1 : 0;
                xpos += a.Xpos[i] == g.Xpos[i] ? 1 : 0;
                lemma += string.Equals(a.Lemmas[i], g.Lemmas[i], StringComparison.Ordinal) ? 1 : 0;
                if (a.Heads[i] + 1 == g.Heads[i])
                {
                    uas++;
                    las += Universal(a.Relations[i]) == Universal(g.Relations[i]) ? 1 : 0;
                    full += a.Relations[i] == g.Relations[i] ? 1 : 0;
                }
            }

            if (predictions is not null)
            {
                var p = new ConllUSentence(g.Count) { FirstLine = g.FirstLine };
                p.Comments.AddRange(g.Comments);
                p.Multiwords.AddRange(g.Multiwords);
                for (int i = 0; i < g.Count; i++)
                {
                    p.Forms[i] = g.Forms[i];
                    p.Misc[i] = g.Misc[i];
                    p.Upos[i] = a.Upos[i];
                    p.Xpos[i] = a.Xpos[i];
                    p.Lemmas[i] = a.Lemmas[i];
                    p.Heads[i] = a.Heads[i] + 1;
                    p.Relations[i] = a.Relations[i];
                }

                predictions.Add(p);
            }
        }

        double Pct(long x) => words == 0 ? 0 : 100.0 * x / words;
        return new AnalyserScores(gold.Count, (int)words, Pct(upos), Pct(xpos), Pct(lemma), Pct(uas), Pct(las), Pct(full), seconds > 0 ? words / seconds : 0);
    }

    /// <summary>The universal part of a relation (<c>nsubj:pass</c> -> <c>nsubj</c>).</summary>
    public static string Universal(string relation)
    {
        int colon = relation.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? relation : relation[..colon];
    }

    /// <summary>
    /// Tokenizes the <c># text = </c> line of every gold sentence with <paramref name="tokenizer"/> and compares
    /// the result with the gold segmentation. A system token followed without a space by a clitic
    /// (<c>do</c> + <c>n't</c>) forms one surface token, as a multiword token does in UD.
    /// </summary>
    public static TokenizationScores EvaluateTokenizer(Tokenizer tokenizer, IReadOnlyList<ConllUSentence> gold)
    {
        ArgumentNullException.ThrowIfNull(tokenizer);
        ArgumentNullException.ThrowIfNull(gold);
        long goldTokens = 0, systemTokens = 0, matchedTokens = 0, goldWords = 0, systemWords = 0, matchedWords = 0;
        int sentences = 0, unaligned = 0;
        var goldTokenSpans = new HashSet<(int, int)>();
        var goldWordSpans = new HashSet<(int, int)>();
        foreach (var s in gold)
        {
            string? text = s.Text;
            if (text is null)
            {
                continue;
            }

            sentences++;
            goldTokenSpans.Clear();
            goldWordSpans.Clear();
            if (!GoldSpans(s, text, goldTokenSpans, goldWordSpans))
            {
                unaligned++;
            }

            var tokens = tokenizer.Tokenize(text);
            var surface = new List<(int, int)>();
            foreach (var t in tokens)
            {
                if (t.Kind == TokenKind.Clitic && surface.Count > 0 && surface[^1].Item2 == t.Start)
                {
                    surface[^1] = (surface[^1].Item1, t.End);
                }
                else
                {
                    surface.Add((t.Start, t.End));
                }

                systemWords++;
                matchedWords += goldWordSpans.Contains((t.Start, t.End)) ? 1 : 0;
            }

            foreach (var span in surface)
            {
                systemTokens++;
                matchedTokens += goldTokenSpans.Contains(span) ? 1 : 0;
            }

            goldTokens += goldTokenSpans.Count;
            goldWords += goldWordSpans.Count;
        }

        static double F1(long matched, long g, long sys) => g + sys == 0 ? 0 : 200.0 * matched / (g + sys);
        return new TokenizationScores(sentences, (int)goldTokens, (int)systemTokens, F1(matchedTokens, goldTokens, systemTokens), F1(matchedWords, goldWords, systemWords), unaligned);
    }

    /// <summary>Character spans of the gold surface tokens and words in <paramref name="text"/>; false when a form could not be found.</summary>
    private static bool GoldSpans(ConllUSentence s, string text, HashSet<(int, int)> tokens, HashSet<(int, int)> words)
    {
        int pos = 0;
        bool ok = true;
        for (int i = 0; i < s.Count; i++)
        {
            ConllUMultiword? mw = null;
            foreach (var m in s.Multiwords)
            {
                if (m.First == i + 1)
                {
                    mw = m;
                }
            }

            string form = mw?.Form ?? s.Forms[i];
            int start = Find(text, form, ref pos);
            if (start < 0)
            {
                ok = false;
                if (mw is { } skipped)
                {
                    i = skipped.Last - 1;
                }

                continue;
            }

            tokens.Add((start, pos));
            if (mw is { } multi)
            {
                // Words inside a multiword token get sub-spans when their forms spell it out.
                int at = start;
                bool spelled = true;
                for (int k = multi.First - 1; k < multi.Last; k++)
                {
                    string wf = s.Forms[k];
                    if (at + wf.Length <= pos && string.Compare(text, at, wf, 0, wf.Length, StringComparison.OrdinalIgnoreCase) == 0)
                    {
                        at += wf.Length;
                    }
                    else
                    {
                        spelled = false;
                        break;
                    }
                }

                at = start;
                for (int k = multi.First - 1; k < multi.Last; k++)
                {
                    int len = spelled ? s.Forms[k].Length : 0;
                    words.Add(spelled ? (at, at + len) : (-1 - k, -1 - k));
                    at += len;
                }

                i = multi.Last - 1;
            }
            else
            {
                words.Add((start, pos));
            }
        }

        return ok;
    }

    private static int Find(string text, string form, ref int pos)
    {
        while (pos < text.Length && char.IsWhiteSpace(text[pos]))
        {
            pos++;
        }

        if (string.CompareOrdinal(text, pos, form, 0, form.Length) == 0)
        {
            int start = pos;
            pos += form.Length;
            return start;
        }

        int found = text.IndexOf(form, pos, StringComparison.Ordinal);
        if (found < 0)
        {
            return -1;
        }

        pos = found + form.Length;
        return found;
    }
}
