using Dyad.Text;
using Dyad.Text.Analysis;
using Xunit;

namespace Dyad.Tests.Analysis;

/// <summary>
/// Hand-checked analyses (UD English guidelines) of the constructions event coding depends on, with the model
/// shipped in Dyad.Text. Each case lists "dependent relation head" triples by word.
/// </summary>
public sealed class ShippedModelTests
{
    public static TheoryData<string, string, string[]> Constructions => new()
    {
        {
            "passive",
            "The village was shelled by Armenian forces .",
            ["village nsubj:pass shelled", "was aux:pass shelled", "shelled root ROOT", "forces obl:agent shelled", "by case forces"]
        },
        {
            "relative clause",
            "The soldiers who attacked the post were arrested .",
            ["soldiers nsubj:pass arrested", "attacked acl:relcl soldiers", "who nsubj attacked", "post obj attacked", "arrested root ROOT"]
        },
        {
            "coordination",
            "Armenia and Azerbaijan signed the agreement .",
            ["Armenia nsubj signed", "Azerbaijan conj Armenia", "and cc Azerbaijan", "agreement obj signed", "signed root ROOT"]
        },
        {
            "reported speech",
            "The minister said that Armenia attacked the positions .",
            ["minister nsubj said", "attacked ccomp said", "that mark attacked", "Armenia nsubj attacked", "positions obj attacked"]
        },
        {
            "accuse of",
            "Azerbaijan accused Armenia of attacking its positions .",
            ["Azerbaijan nsubj accused", "Armenia obj accused", "attacking advcl accused", "of mark attacking", "positions obj attacking"]
        },
    };

    [Theory]
    [MemberData(nameof(Constructions))]
    public void Analyse_Construction_ExpectedHeadsAndRelations(string name, string sentence, string[] expected)
    {
        var words = sentence.Split(' ');
        var analysis = AnalyserModel.Default.Analyse(words);
        foreach (string triple in expected)
        {
            var parts = triple.Split(' ');
            int dependent = Array.IndexOf(words, parts[0]);
            string head = analysis.Heads[dependent] < 0 ? "ROOT" : words[analysis.Heads[dependent]];
            Assert.True(
                analysis.Relations[dependent] == parts[1] && head == parts[2],
                $"{name}: expected {triple}, got {parts[0]} {analysis.Relations[dependent]} {head}");
        }
    }

    [Fact] // EWT keeps "troops" as its own lemma.
    public void Analyse_Lemmas_AreBaseForms()
    {
        var words = "Troops were shelling the villages and fired on positions .".Split(' ');
        var a = AnalyserModel.Default.Analyse(words);
        Assert.Equal(["troops", "be", "shell", "the", "village", "and", "fire", "on", "position", "."], a.Lemmas);
    }

    [Fact]
    public void AnalysisStage_TagOnlySentences_GetTagsAndLemmasButNoTree()
    {
        var document = new Document("d", "Armenia accused Azerbaijan of shelling Lachin. Protests turned violent in the capital. Nothing happened.");
        var stage = new AnalysisStage(
            worthParsing: (d, s) => s.Index == 0,
            worthTagging: (d, s) => s.Index == 1);
        Pipeline.Create(new SegmentationStage(), stage).Run(document);
        int accused = IndexOf(document, "accused");
        Assert.Equal("obj", document.Relations[IndexOf(document, "Azerbaijan", from: accused)]); // parsed
        int protests = IndexOf(document, "Protests");
        Assert.Equal("NOUN", document.Upos[protests]); // tagged ...
        Assert.Equal("protest", document.Lemmas[protests]);
        Assert.Equal(-1, document.Heads[protests]); // ... but not parsed
        Assert.Equal("X", document.Upos[IndexOf(document, "happened")]); // neither
    }

    [Fact]
    public void AnalysisStage_Document_AddsLayersWithHeadsInsideSentences()
    {
        var document = new Document("d", "Azerbaijan's army didn't attack. Armenia accused Azerbaijan of shelling Lachin.");
        Pipeline.Create(new SegmentationStage(), new AnalysisStage()).Run(document);
        Assert.Contains(Layer.Dependencies, document.Layers);
        Assert.Contains(Layer.PartsOfSpeech, document.Layers);
        Assert.Equal(document.TokenCount, document.Heads.Length);
        foreach (var sentence in document.Sentences)
        {
            int roots = 0;
            for (int i = sentence.TokenStart; i < sentence.TokenEnd; i++)
            {
                int h = document.Heads[i];
                roots += h < 0 ? 1 : 0;
                Assert.True(h < 0 || (h >= sentence.TokenStart && h < sentence.TokenEnd), $"head of token {i} leaves its sentence");
            }

            Assert.Equal(1, roots);
        }

        int accused = IndexOf(document, "accused");
        Assert.Equal("accuse", document.Lemmas[accused]);
        Assert.Equal("VERB", document.Upos[accused]);
        Assert.Equal("obj", document.Relations[IndexOf(document, "Azerbaijan", from: accused)]);
    }

    [TreebankFact]
    public void ShippedModel_EwtTestSample_ScoresNearReportedFigures()
    {
        var gold = ConllUReader.ReadFile(TreebankData.File("en_ewt-ud-test.conllu")!).Sentences.Take(500).ToList();
        var scores = AnalyserEvaluator.Evaluate(AnalyserModel.Default, gold);
        Assert.True(scores.Upos > 93.5, $"UPOS {scores.Upos}");
        Assert.True(scores.Lemma > 95.5, $"lemma {scores.Lemma}");
        Assert.True(scores.Uas > 85, $"UAS {scores.Uas}");
        Assert.True(scores.Las > 81.5, $"LAS {scores.Las}");
        var tokens = AnalyserEvaluator.EvaluateTokenizer(Tokenizer.UniversalDependencies, gold);
        Assert.True(tokens.TokenF1 > 97.5, tokens.ToString());
    }

    [TreebankFact]
    public void ShippedModel_FastParser_IsLessAccurateThanTheDefaultButNearItsFigures()
    {
        var gold = ConllUReader.ReadFile(TreebankData.File("en_ewt-ud-test.conllu")!).Sentences.Take(500).ToList();
        Assert.True(AnalyserModel.Default.HasBiaffineParser && AnalyserModel.Default.HasTransitionParser, "the shipped model carries both parsers");
        var fast = AnalyserEvaluator.Evaluate(AnalyserModel.Default.Fast, gold);
        var accurate = AnalyserEvaluator.Evaluate(AnalyserModel.Default, gold);
        Assert.True(fast.Uas > 82, $"UAS {fast.Uas}");
        Assert.True(fast.Las > 78, $"LAS {fast.Las}");
        Assert.True(accurate.Las > fast.Las, $"biaffine LAS {accurate.Las}, transition LAS {fast.Las}");
    }

    [Fact]
    public void Analyse_ConcurrentThreads_SameResults()
    {
        var words = "The minister said that Armenia attacked the positions .".Split(' ');
        var expected = AnalyserModel.Default.Analyse(words);
        Parallel.For(0, 64, _ =>
        {
            var a = AnalyserModel.Default.Analyse(words);
            Assert.Equal(expected.Heads, a.Heads);
            Assert.Equal(expected.Relations, a.Relations);
        });
    }

    private static int IndexOf(Document d, string word, int from = 0)
    {
        for (int i = from; i < d.TokenCount; i++)
        {
            if (d.TokenText(i).SequenceEqual(word))
            {
                return i;
            }
        }

        throw new InvalidOperationException(word + " not found");
    }
}
