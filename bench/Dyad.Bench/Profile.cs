using System.Diagnostics;
using Dyad.Coding;
using Dyad.Text;

namespace Dyad.Bench;

/// <summary>Per-stage cost on the throughput corpus (one thread, best of several passes): where the time goes.</summary>
public static class Profile
{
    public static int Run()
    {
        var corpus = Corpus.Build();
        var coder = new DyadCoder();
        var lexicon = coder.Lexicon;
        var wordOrder = new DyadCoder(parse: false);
        var stages = new (string Name, Action<Document> Run)[]
        {
            ("tokenize", d => Tokenizer.Default.Tokenize(d.Text.Value)),
            ("tokenize+split", d => SentenceSplitter.Default.Split(d.Text.Value, Tokenizer.Default.Tokenize(d.Text.Value))),
            ("dateline", d => DatelineReader.Find(d.Text.Value)),
            ("segment stage", d => new SegmentationStage().Process(d)),
            ("+ analyse (tag, lemma, parse)", d => { new SegmentationStage().Process(d); new Dyad.Text.Analysis.AnalysisStage().Process(d); }),
            ("+ lexical", d => { new SegmentationStage().Process(d); new LexicalStage(lexicon).Process(d); }),
            ("+ actors", d => { new SegmentationStage().Process(d); new LexicalStage(lexicon).Process(d); new ActorStage(lexicon).Process(d); }),
            ("+ events, places, dates (coder)", d => coder.Analyse(d)),
            ("coder without parse (v1)", d => wordOrder.Analyse(d)),
        };
        foreach (var (name, run) in stages)
        {
            double best = double.MaxValue;
            for (int pass = 0; pass < 3; pass++)
            {
                var docs = corpus.Select(a => new Document(a.Id, a.Text, new DocumentMetadata(a.Date))).ToList();
                var sw = Stopwatch.StartNew();
                foreach (var d in docs)
                {
                    run(d);
                }

                best = Math.Min(best, sw.Elapsed.TotalMilliseconds);
            }

            Console.WriteLine($"{name,-32} {best,9:F1} ms");
        }

        return 0;
    }
}
