using Dyad.Coding;
using Dyad.Text;
using Xunit;

namespace Dyad.Tests.Coding;

public sealed class CoderTests
{
    private static readonly DyadCoder Coder = new(FictionalLexicon.Build());

    private static List<EventRecord> Code(string text, string? date = "2023-04-14") =>
        Coder.Code(new Document("t", text, new DocumentMetadata(date is null ? null : DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)))).ToList();

    private static string Summary(IEnumerable<EventRecord> events) =>
        string.Join("; ", events.Select(e => $"{e.Source ?? "-"} {e.Code} {e.Target ?? "-"}{(e.Negated ? " NEG" : string.Empty)}"));

    [Fact]
    public void FictionalLexicon_Compiles_WithoutDiagnostics() =>
        Assert.Empty(FictionalLexicon.Build().Diagnostics);

    [Theory]
    [InlineData("Arnorian troops opened fire on Gondorian positions.", "ARNMIL 190 GON")]
    [InlineData("Arnor accused Gondor of provocation.", "ARNGOV 1123 GONGOV")]
    [InlineData("Arnor accused Gondor.", "ARNGOV 112 GONGOV")]
    [InlineData("The foreign minister of Arnor held talks with the Gondorian foreign minister.", "ARNGOV 046 GONGOV; GONGOV 046 ARNGOV")]
    [InlineData("Gondorian police arrested Mordorian protesters.", "GONCOP 173 MOROPP")]
    [InlineData("Gondorian servicemen were attacked by Mordorian troops.", "MORMIL 190 GONMIL")]
    [InlineData("Arnor and Gondor criticized Mordor.", "ARNGOV 111 MORGOV; GONGOV 111 MORGOV")]
    [InlineData("Arnor did not attack Gondor.", "ARNGOV 190 GON NEG")]
    [InlineData("The Middle-earth League called on Mordor to withdraw its troops.", "IGOMEL 0256 MORGOV")]
    [InlineData("President Aragorn visited Fornost.", "GONGOV 042 ARNGOV")]
    [InlineData("Arnor signed an agreement with Gondor.", "ARNGOV 057 GONGOV; GONGOV 057 ARNGOV")]
    [InlineData("The Citadel criticized Arnor.", "GONGOV 111 ARNGOV")]
    public void Coder_Sentence_ProducesExpectedEvents(string sentence, string expected) =>
        Assert.Equal(expected, Summary(Code(sentence)));

    [Fact]
    public void Coder_UnitsOfComposedForces_TakesInnerRole()
    {
        var events = Code("The intensive firing of the units of the Mordorian armed forces on the positions of the Gondor Army killed two.");
        Assert.Equal("MORMIL 190 GONMIL", Summary(events));
    }

    [Fact]
    public void Coder_AllegedAct_CodesOnlyTheAccusation()
    {
        var events = Code("Gondor accused Arnor of allegedly attacking Mordorian troops.");
        Assert.DoesNotContain(events, e => e.Root == "19");
    }

    [Fact]
    public void Coder_PlaceAfterIn_IsNotAnActor()
    {
        var events = Code("Mordorian troops attacked Gondorian servicemen in Arnor.");
        Assert.Equal("MORMIL 190 GONMIL", Summary(events));
    }

    [Fact]
    public void Coder_TitleWithoutCountry_ResolvedFromEarlierMention()
    {
        var events = Code("Elrond, Deputy Minister of Foreign Affairs of the Republic of Gondor, spoke on Friday.\n\nThe deputy minister criticized Mordor.");
        Assert.Equal("GONGOV 111 MORGOV", Summary(events));
    }

    [Fact]
    public void Coder_PersonRole_DependsOnReportDate()
    {
        Assert.Equal("GONGOV 111 MORGOV", Summary(Code("Denethor criticized Mordor.", "2010-05-01")));
        Assert.Empty(Code("Denethor criticized Mordor.", "2020-05-01"));
    }

    [Fact]
    public void Coder_FutureMeeting_IsIntent()
    {
        var events = Code("Arnor will hold talks with Gondor.");
        Assert.All(events, e => Assert.Equal("036", e.Code));
    }

    [Fact]
    public void Coder_SportsSentence_IsDiscarded()
    {
        Assert.Empty(Code("Arnorian troops attacked the Gondor Army goalkeeper in the football final at the stadium."));
    }

    [Fact]
    public void Coder_Event_CarriesEvidenceRuleAndSpans()
    {
        string text = "Headline\n\nArnorian troops opened fire on Gondorian positions.";
        var e = Assert.Single(Code(text));
        Assert.Equal("opened fire on", e.Trigger.Text);
        Assert.Equal(text[e.Trigger.Start..e.Trigger.End], e.Trigger.Text);
        Assert.Equal(text[e.Evidence.Start..e.Evidence.End], e.Evidence.Text);
        Assert.StartsWith("verbs/test.txt:4 open fire on", e.Rule, StringComparison.Ordinal);
        Assert.Equal("Arnorian troops", e.SourceText);
        Assert.Equal(4, e.Quad);
        Assert.Equal(-10.0, e.Goldstein);
    }
}
