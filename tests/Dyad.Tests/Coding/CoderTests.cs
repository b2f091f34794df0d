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
    [InlineData("President Aragorn visited Fornost.", "GONGOV 042 ARNGOV; ARNGOV 043 GONGOV")]
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

public sealed class CoderRuleTests
{
    private static readonly DyadCoder Coder = new(FictionalLexicon.Build("""
        
        046   talk   [recip]
        040   meeting   [recip]
        1724  declare (a) state of emergency
        0871  agree to (a) ceasefire   [recip]
        181   abduct
        """));

    private static string Code(string text, string? date = "2023-04-14") =>
        string.Join("; ", Coder.Code(new Document("t", text, new DocumentMetadata(date is null ? null : DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture))))
            .Select(e => $"{e.Source ?? "-"} {e.Code} {e.Target ?? "-"}{(e.Negated ? " NEG" : string.Empty)}"));

    [Theory]
    [InlineData("Arnor and Gondor held talks on Friday.", "ARNGOV 046 GONGOV; GONGOV 046 ARNGOV")]
    [InlineData("There was no meeting between Arnor and Gondor.", "ARNGOV 040 GONGOV NEG; GONGOV 040 ARNGOV NEG")]
    [InlineData("Arnor and Gondor agreed to a ceasefire.", "ARNGOV 0871 GONGOV; GONGOV 0871 ARNGOV")]
    public void Coder_ReciprocalActAmongCompound_CodesEveryPairBothWays(string text, string expected) =>
        Assert.Equal(expected, Code(text));

    [Fact]
    public void Coder_StateOfEmergency_TargetsOwnCountry() =>
        Assert.Equal("ARNGOV 1724 ARN", Code("Arnor declared a state of emergency on Monday."));

    [Fact]
    public void Coder_ForceAgainstProtesters_IsRepression() =>
        Assert.Equal("GONCOP 175 GONOPP", Code("Gondorian police opened fire on Gondorian protesters."));

    [Fact]
    public void Coder_CommaListOfThree_IsOneCompound() =>
        Assert.Equal("ARNGOV 111 MORGOV; GONGOV 111 MORGOV; IGOMEL 111 MORGOV", Code("Arnor, Gondor, the Middle-earth League criticized Mordor."));

    [Fact]
    public void Coder_CommaBetweenClauses_DoesNotJoinActors() =>
        Assert.Equal("MORGOV 111 GONGOV", Code("Despite steps taken by Arnor, Mordor criticized Gondor."));

    [Fact]
    public void Coder_DatelineCity_IsNotAnActor() =>
        Assert.Equal("MORGOV 111 GONGOV", Code("FORNOST, April 14 \u2013 Mordor criticized Gondor."));

    [Fact]
    public void Coder_RoleWithoutCountry_TakesDatelineCountry() =>
        Assert.Equal("ARNPOL 173 ARNOPP".Replace("POL", "COP", StringComparison.Ordinal), Code("FORNOST, April 14 \u2013 Police arrested Arnorian protesters."));

    [Fact]
    public void Coder_GenericRoleWithoutCountry_IsNotCoded() =>
        Assert.Equal(string.Empty, Code("Units attacked the village."));

    [Fact]
    public void Coder_FutureAid_BecomesIntentOfSameKind()
    {
        var coder = new DyadCoder(FictionalLexicon.Build("\n072   send weapon to\n"));
        var events = coder.Code(new Document("t", "Arnor will send weapons to the Gondor Army.", null));
        Assert.Equal("0332", Assert.Single(events).Code);
    }

    [Fact]
    public void Coder_NominalAccusation_SpeakerAccusesTheAgent()
    {
        var coder = new DyadCoder(FictionalLexicon.Build("\n1123  provocation\n"));
        var events = coder.Code(new Document("t", "The Gondorian foreign minister said such provocations by Mordor harm the talks.", null));
        Assert.Equal("GONGOV 1123 MORGOV", string.Join("; ", events.Select(e => $"{e.Source} {e.Code} {e.Target}")));
    }

    [Fact]
    public void Coder_UnknownNameWithApposition_TakesTheAppositionsCode()
    {
        var coder = new DyadCoder(FictionalLexicon.Build("\n161   expel $T\n"));
        var events = coder.Code(new Document("t", "Arnor expelled Gimli Gloinson, the foreign minister of Gondor, on Tuesday.", null));
        Assert.Equal("ARNGOV 161 GONGOV", string.Join("; ", events.Select(e => $"{e.Source} {e.Code} {e.Target}")));
    }

    [Fact]
    public void Coder_IndefinitePluralRole_IsNotTheHomeCountry() =>
        Assert.Equal("ARNGOV 111 IGOMEL; GONGOV 111 IGOMEL; MORGOV 111 IGOMEL", Code("FORNOST, April 14 \u2013 Arnor, Gondor, Mordor and several other governments criticized the Middle-earth League."));

    [Fact]
    public void Coder_AttemptedAct_IsNotCoded() =>
        Assert.Equal(string.Empty, Code("Arnor tried to attack Gondor."));

    [Fact]
    public void Coder_AidLandingWhereReportIsFiled_GoesToTheDatelineCountry()
    {
        var coder = new DyadCoder(FictionalLexicon.Build("\n073   relief flight from $S\n"));
        var e = Assert.Single(coder.Code(new Document("t", "FORNOST, May 2 \u2013 Relief flights from Gondor landed on Monday.", null)));
        Assert.Equal(("GONGOV", "ARN", null), (e.Source, e.Target, e.TargetText));
    }
}
