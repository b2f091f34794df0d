using Dyad.Text.Analysis;
using Xunit;

namespace Dyad.Tests.Analysis;

public sealed class TreebankLemmatizerTests
{
    private static ConllUSentence Sentence(params (string Form, string Lemma, string Xpos)[] words)
    {
        var s = new ConllUSentence(words.Length);
        for (int i = 0; i < words.Length; i++)
        {
            (s.Forms[i], s.Lemmas[i], s.Xpos[i]) = words[i];
            s.Upos[i] = "X";
        }

        return s;
    }

    private static TreebankLemmatizer Trained() => TreebankLemmatizer.Train(
    [
        Sentence(("I", "I", "PRP"), ("i", "I", "PRP"), ("I", "I", "PRP"), ("went", "go", "VBD")),
        Sentence(("travelled", "travel", "VBN"), ("labelled", "label", "VBN"), ("cancelled", "cancel", "VBN"), ("shell", "shell", "NN")),
        Sentence(("killed", "kill", "VBN"), ("attacked", "attack", "VBN"), ("opened", "open", "VBN"), ("called", "call", "VBN"), ("studies", "study", "NNS"), ("copies", "copy", "NNS")),
        Sentence(("Azerbaijan", "Azerbaijan", "NNP"), ("Baku", "Baku", "NNP"), ("The", "the", "DT")),
    ]);

    [Theory]
    [InlineData("went", "VBD", "go")]
    [InlineData("i", "PRP", "I")]
    [InlineData("The", "DT", "the")]
    [InlineData("ladies", "NNS", "lady")]
    [InlineData("Lachin", "NNP", "Lachin")]
    [InlineData("shelled", "VBN", "shell")]
    [InlineData("modelled", "VBN", "model")]
    public void Lemma_Word_FromExceptionsOrSuffixRules(string form, string xpos, string expected) =>
        Assert.Equal(expected, Trained().Lemma(form, xpos, "X"));
}
