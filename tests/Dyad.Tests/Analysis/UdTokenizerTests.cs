using Dyad.Text;
using Dyad.Text.Analysis;
using Xunit;

namespace Dyad.Tests.Analysis;

public sealed class UdTokenizerTests
{
    private static string Split(Tokenizer tokenizer, string text) =>
        string.Join('|', tokenizer.Tokenize(text).Select(t => text[t.Start..t.End]));

    [Theory]
    [InlineData("al-Qaeda's e-mail", "al|-|Qaeda|'s|e-mail")]
    [InlineData("a four-day visit in 1969-1970", "a|four|-|day|visit|in|1969|-|1970")]
    [InlineData("call 713-853-3989 on 2023-04-14", "call|713-853-3989|on|2023-04-14")]
    [InlineData("We cannot pay 65k for 2/3 of it", "We|can|not|pay|65|k|for|2|/|3|of|it")]
    [InlineData("see http://www.example.com/a-b.html, or mail j.doe@example.org.", "see|http://www.example.com/a-b.html|,|or|mail|j.doe@example.org|.")]
    [InlineData("In '72 I was gonna go :)", "In|'72|I|was|gon|na|go|:)")]
    public void Tokenize_UdOptions_SegmentsAsEwt(string text, string expected) =>
        Assert.Equal(expected, Split(Tokenizer.UniversalDependencies, text));

    [Fact]
    public void Tokenize_DefaultOptions_KeepsHyphenatedNames() =>
        Assert.Equal("Nagorno-Karabakh|'s|army", Split(Tokenizer.Default, "Nagorno-Karabakh's army"));

    [Fact]
    public void Tokenize_Clitics_SpansPointIntoText()
    {
        const string text = "Azerbaijan's army don't";
        var tokens = Tokenizer.UniversalDependencies.Tokenize(text);
        Assert.Equal([(0, 10), (10, 12), (13, 17), (18, 20), (20, 23)], tokens.Select(t => (t.Start, t.End)).ToArray());
        Assert.Equal(TokenKind.Clitic, tokens[1].Kind);
        Assert.Equal(TokenKind.Clitic, tokens[4].Kind);
    }

    [Fact]
    public void EvaluateTokenizer_CliticsInMultiwordTokens_CountAsOneSurfaceToken()
    {
        var gold = ConllUReader.Parse(ConllUTests.Sample).Sentences;
        var scores = AnalyserEvaluator.EvaluateTokenizer(Tokenizer.UniversalDependencies, [gold[0]]);
        Assert.Equal(100.0, scores.TokenF1, 3);
        Assert.Equal(100.0, scores.WordF1, 3);
    }
}
