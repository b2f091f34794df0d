using System.Diagnostics;
using Dyad.Text.Analysis;
using Xunit;

namespace Dyad.Tests.Analysis;

public sealed class AnalyserTrainingTests
{
    /// <summary>A tiny hand-made treebank: word/UPOS/XPOS/head/relation, space separated.</summary>
    private static readonly string[] Tiny =
    [
        "The/DET/DT/2/det army/NOUN/NN/3/nsubj attacked/VERB/VBD/0/root the/DET/DT/5/det village/NOUN/NN/3/obj ./PUNCT/./3/punct",
        "Armenia/PROPN/NNP/2/nsubj accused/VERB/VBD/0/root Azerbaijan/PROPN/NNP/2/obj ./PUNCT/./2/punct",
        "The/DET/DT/2/det village/NOUN/NN/4/nsubj:pass was/AUX/VBD/4/aux:pass shelled/VERB/VBN/0/root by/ADP/IN/7/case the/DET/DT/7/det army/NOUN/NN/4/obl:agent ./PUNCT/./4/punct",
        "Officials/NOUN/NNS/2/nsubj said/VERB/VBD/0/root the/DET/DT/4/det army/NOUN/NN/5/nsubj fired/VERB/VBD/2/ccomp ./PUNCT/./2/punct",
        "Russia/PROPN/NNP/4/nsubj and/CCONJ/CC/3/cc Turkey/PROPN/NNP/1/conj signed/VERB/VBD/0/root a/DET/DT/6/det deal/NOUN/NN/4/obj ./PUNCT/./4/punct",
        "The/DET/DT/2/det soldiers/NOUN/NNS/6/nsubj:pass who/PRON/WP/4/nsubj fired/VERB/VBD/2/acl:relcl were/AUX/VBD/6/aux:pass arrested/VERB/VBN/0/root ./PUNCT/./6/punct",
        "Police/NOUN/NNS/2/nsubj arrested/VERB/VBD/0/root protesters/NOUN/NNS/2/obj in/ADP/IN/5/case Minsk/PROPN/NNP/2/obl ./PUNCT/./2/punct",
        "The/DET/DT/2/det minister/NOUN/NN/3/nsubj met/VERB/VBD/0/root his/PRON/PRP$/5/nmod:poss counterpart/NOUN/NN/3/obj ./PUNCT/./3/punct",
        "Troops/NOUN/NNS/2/nsubj attacked/VERB/VBD/0/root positions/NOUN/NNS/2/obj and/CCONJ/CC/5/cc killed/VERB/VBD/2/conj soldiers/NOUN/NNS/5/obj ./PUNCT/./2/punct",
        "Iran/PROPN/NNP/2/nsubj threatened/VERB/VBD/0/root to/PART/TO/4/mark retaliate/VERB/VB/2/xcomp ./PUNCT/./2/punct",
    ];

    internal static List<ConllUSentence> TinyTreebank()
    {
        var sentences = new List<ConllUSentence>();
        foreach (string line in Tiny)
        {
            var words = line.Split(' ');
            var s = new ConllUSentence(words.Length);
            for (int i = 0; i < words.Length; i++)
            {
                var f = words[i].Split('/');
                s.Forms[i] = f[0];
                s.Lemmas[i] = f[1] == "PROPN" ? f[0] : f[0].ToLowerInvariant();
                s.Upos[i] = f[1];
                s.Xpos[i] = f[2];
                s.Heads[i] = int.Parse(f[3], System.Globalization.CultureInfo.InvariantCulture);
                s.Relations[i] = f[4];
            }

            sentences.Add(s);
        }

        return sentences;
    }

    private static AnalyserTrainingOptions Quick => new(TaggerEpochs: 6, ParserEpochs: 10, JackknifeFolds: 0, BeamWidth: 4, BiaffineEpochs: 0);

    [Fact]
    public void Train_TinyTreebank_LearnsItsTrainingSentences()
    {
        var data = TinyTreebank();
        var model = AnalyserTrainer.Train(data, Quick);
        var scores = AnalyserEvaluator.Evaluate(model, data);
        Assert.True(scores.Upos >= 90, $"UPOS {scores.Upos}");
        Assert.True(scores.Uas >= 85, $"UAS {scores.Uas}");
        Assert.True(scores.Las >= 80, $"LAS {scores.Las}");
    }

    [Fact]
    public void Train_SameDataAndSeed_GivesIdenticalModelFiles()
    {
        var data = TinyTreebank();
        byte[] a = Bytes(AnalyserTrainer.Train(data, Quick));
        byte[] b = Bytes(AnalyserTrainer.Train(data, Quick));
        Assert.Equal(a, b);
    }

    [Fact]
    public void SaveLoad_TrainedModel_AnalysesIdentically()
    {
        var data = TinyTreebank();
        var model = AnalyserTrainer.Train(data, Quick);
        var loaded = AnalyserModel.Load(new MemoryStream(Bytes(model)));
        string[] words = ["Troops", "attacked", "the", "village", "."];
        var a = model.Analyse(words);
        var b = loaded.Analyse(words);
        Assert.Equal(a.Upos, b.Upos);
        Assert.Equal(a.Heads, b.Heads);
        Assert.Equal(a.Relations, b.Relations);
    }

    [Fact]
    public void Train_GreedyParser_LearnsItsTrainingSentencesAndRoundTrips()
    {
        var data = TinyTreebank();
        var model = AnalyserTrainer.Train(data, Quick with { BeamWidth = 1 });
        var scores = AnalyserEvaluator.Evaluate(model, data);
        Assert.True(scores.Uas >= 85, $"UAS {scores.Uas}");
        var loaded = AnalyserModel.Load(new MemoryStream(Bytes(model)));
        Assert.Equal(Bytes(model), Bytes(loaded));
    }

    /// <summary>A biaffine parser small enough to train on the tiny treebank in a second or two.</summary>
    private static AnalyserTrainingOptions QuickBiaffine => Quick with { ParserEpochs = 0, BiaffineEpochs = 300, BiaffineHidden = 16, BiaffineLayers = 1, BiaffineArcDim = 16, BiaffineLabelDim = 16 };

    [Fact]
    public void Train_BiaffineParser_LearnsItsTrainingSentencesAndRoundTrips()
    {
        var data = TinyTreebank();
        var model = AnalyserTrainer.Train(data, QuickBiaffine);
        Assert.True(model.HasBiaffineParser);
        Assert.False(model.HasTransitionParser);
        var scores = AnalyserEvaluator.Evaluate(model, data);
        Assert.True(scores.Uas >= 85, $"UAS {scores.Uas}");
        Assert.True(scores.Las >= 75, $"LAS {scores.Las}");
        var loaded = AnalyserModel.Load(new MemoryStream(Bytes(model)));
        string[] words = ["Police", "arrested", "the", "soldiers", "who", "fired", "."];
        var a = model.Analyse(words);
        var b = loaded.Analyse(words);
        Assert.Equal(a.Heads, b.Heads);
        Assert.Equal(a.Relations, b.Relations);
    }

    [Fact]
    public void Train_BiaffineParser_SameSeedGivesTheSameFileWhateverTheThreads()
    {
        var data = TinyTreebank();
        var options = QuickBiaffine with { BiaffineEpochs = 5 };
        var one = AnalyserTrainer.Train(data, options with { Threads = 1 });
        var two = AnalyserTrainer.Train(data, options with { Threads = 2 });
        Assert.Equal(one.Biaffine!.Parameters, two.Biaffine!.Parameters);
        Assert.Equal(Bytes(one), Bytes(AnalyserTrainer.Train(data, options with { Threads = 1 })));
    }

    [Fact]
    public void BothParsers_FastUsesTheTransitionParserAndTheDefaultTheBiaffine()
    {
        var data = TinyTreebank();
        var biaffine = AnalyserTrainer.Train(data, QuickBiaffine);
        var transition = AnalyserTrainer.Train(data, Quick with { BeamWidth = 1 });
        var both = AnalyserModel.Load(new MemoryStream(Bytes(biaffine.WithTransitionParserOf(transition))));
        Assert.Equal("biaffine", both.ParserKind);
        Assert.Equal("transition, greedy", both.Fast.ParserKind);
        Assert.Same(both.Fast, both.Fast);
        string[] words = ["Iran", "threatened", "to", "retaliate", "."];
        Assert.Equal(biaffine.Analyse(words).Heads, both.Analyse(words).Heads);
        Assert.Equal(transition.Analyse(words).Heads, both.Fast.Analyse(words).Heads);
    }

    [Fact]
    public void WithTransitionParserOf_OtherTagSet_IsRefused()
    {
        var data = TinyTreebank();
        var biaffine = AnalyserTrainer.Train(data, QuickBiaffine);
        var fewerTags = TinyTreebank().Where(s => !s.Xpos.Contains("TO")).ToList();
        var transition = AnalyserTrainer.Train(fewerTags, Quick with { BeamWidth = 1 });
        var e = Assert.Throws<ArgumentException>(() => biaffine.WithTransitionParserOf(transition));
        Assert.Contains("tag sets differ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_DecodeBeamWidth_SavesTheNarrowerBeamWithTheSameWeights()
    {
        var data = TinyTreebank();
        var wide = AnalyserTrainer.Train(data, Quick with { BeamWidth = 4 });
        var narrow = AnalyserTrainer.Train(data, Quick with { BeamWidth = 4, DecodeBeamWidth = 2 });
        var loaded = AnalyserModel.Load(new MemoryStream(Bytes(narrow)));
        Assert.Equal(2, loaded.Parser!.BeamWidth);
        string[] words = ["Police", "arrested", "the", "soldiers", "who", "fired", "."];
        var a = wide.WithBeamWidth(2).Analyse(words);
        var b = loaded.Analyse(words);
        Assert.Equal(a.Heads, b.Heads);
        Assert.Equal(a.Relations, b.Relations);
    }

    [Fact]
    public void WithBeamWidth_SameWeights_ParsesEveryWordOnce()
    {
        var model = AnalyserTrainer.Train(TinyTreebank(), Quick);
        string[] words = ["Police", "arrested", "the", "soldiers", "who", "fired", "."];
        foreach (int width in new[] { 1, 2, 16 })
        {
            var a = model.WithBeamWidth(width).Analyse(words);
            Assert.Equal(1, a.Heads.Count(h => h < 0));
            Assert.All(a.Heads, h => Assert.InRange(h, -1, words.Length - 1));
        }
    }

    [Fact]
    public void GoldMove_FollowedFromTheStart_BuildsTheGoldTree()
    {
        foreach (var s in TinyTreebank())
        {
            int n = s.Count;
            var gold = s.Heads.Select(h => h == 0 ? n : h - 1).ToArray();
            var labels = s.Relations.Select(r => (byte)r.Length).ToArray();
            var st = new ParseState();
            st.Init(n);
            var costs = new int[4];
            for (int step = 0; step < 2 * n; step++)
            {
                int move = DependencyParser.GoldMove(st, gold, labels, 0, costs);
                st.Apply(move & 3, (byte)(move >> 2));
            }

            Assert.True(st.Terminal);
            Assert.Equal(gold, st.Head.Take(n));
        }
    }

    [Fact]
    public void Load_NotAModel_ThrowsInvalidData()
    {
        Assert.Throws<InvalidDataException>(() => AnalyserModel.Load(new MemoryStream(new byte[64])));
    }

    [Fact]
    public void Load_TruncatedModel_ThrowsInvalidData()
    {
        byte[] bytes = Bytes(AnalyserTrainer.Train(TinyTreebank(), Quick));
        Assert.Throws<InvalidDataException>(() => AnalyserModel.Load(new MemoryStream(bytes[..(bytes.Length / 2)])));
    }

    [TreebankFact]
    public void Train_FirstSentencesOfEwt_RunsInSecondsAndParses()
    {
        var train = ConllUReader.ReadFile(TreebankData.File("en_ewt-ud-train.conllu")!).Sentences.Take(400).ToList();
        var dev = ConllUReader.ReadFile(TreebankData.File("en_ewt-ud-dev.conllu")!).Sentences.Take(200).ToList();
        var clock = Stopwatch.StartNew();
        var model = AnalyserTrainer.Train(train, new AnalyserTrainingOptions(TaggerEpochs: 4, ParserEpochs: 4, JackknifeFolds: 0, BiaffineEpochs: 0));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"training took {clock.Elapsed}");
        var scores = AnalyserEvaluator.Evaluate(model, dev);
        Assert.True(scores.Upos > 70, $"UPOS {scores.Upos}");
        Assert.True(scores.Uas > 50, $"UAS {scores.Uas}");
    }

    [TreebankFact]
    public void Train_BiaffineOnFirstSentencesOfEwt_RunsInSecondsAndBeatsChance()
    {
        var train = ConllUReader.ReadFile(TreebankData.File("en_ewt-ud-train.conllu")!).Sentences.Take(400).ToList();
        var dev = ConllUReader.ReadFile(TreebankData.File("en_ewt-ud-dev.conllu")!).Sentences.Take(200).ToList();
        var clock = Stopwatch.StartNew();
        var model = AnalyserTrainer.Train(
            train,
            new AnalyserTrainingOptions(TaggerEpochs: 4, ParserEpochs: 0, JackknifeFolds: 0, BiaffineEpochs: 20, BiaffineHidden: 32),
            biaffineDev: dev);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"training took {clock.Elapsed}");
        var scores = AnalyserEvaluator.Evaluate(model, dev);
        Assert.True(scores.Uas > 50, $"UAS {scores.Uas}");
        Assert.True(scores.Las > 35, $"LAS {scores.Las}");
    }

    private static byte[] Bytes(AnalyserModel model)
    {
        var stream = new MemoryStream();
        model.Save(stream);
        return stream.ToArray();
    }
}
