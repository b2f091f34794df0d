using Dyad.Coding;
using Dyad.Text;
using Xunit;

namespace Dyad.Tests.Coding;

/// <summary>The coder with and without the parse, on sentences where word order alone goes wrong, and the stages around it.</summary>
public sealed class ParsedCoderTests
{
    private static readonly DyadCoder Parsed = new(FictionalLexicon.Build());
    private static readonly DyadCoder WordOrder = new(FictionalLexicon.Build(), parse: false);
    private static readonly DyadCoder Shipped = new(decider: Dyad.Coding.Learning.EventDecider.Rules); // these check the rule coder on the shipped dictionaries

    private static string Summary(DyadCoder coder, string text, string date = "2023-04-14") =>
        string.Join("; ", coder.Code(new Document("t", text, new DocumentMetadata(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture))))
            .Select(e => $"{e.Source ?? "-"} {e.Code} {e.Target ?? "-"}{(e.Negated ? " NEG" : string.Empty)}"));

    [Fact]
    public void Code_SentenceOpeningWithAParticiple_DoesNotThrow()
    {
        // "Detained" is a past participle at token 0 with no subject: the reduced-relative check once read token -1.
        string summary = Summary(Shipped, "Detained Palestinian prisoners in Israeli jails began an open-ended hunger strike, a rights group said on Tuesday.", "2022-09-13");
        Assert.NotNull(summary);
    }

    [Fact]
    public void Dateline_CityIsNeverTheSubject()
    {
        const string text = "DUBAI – Saudi Arabia, the United Arab Emirates and Egypt cut diplomatic ties with Qatar on Monday.";
        Assert.Equal("SAUGOV 161 QATGOV; AREGOV 161 QATGOV; EGYGOV 161 QATGOV", Summary(Shipped, text, "2017-06-05"));
    }

    [Fact]
    public void PatternEndingInPreposition_TargetIsItsObject()
    {
        // The parser may attach a later name as an object; "cut ties with" names its target itself.
        Assert.Equal("BOLGOV 161 ISRGOV", Summary(Shipped, "Bolivia cut ties with Israel in 2009, under President Evo Morales.", "2023-10-31"));
    }

    [Fact]
    public void TalksInTheHostsCapital_ImplyAVisitPair()
    {
        string summary = Summary(Shipped, "NEW DELHI, Sept 10 – Indian Foreign Minister Subrahmanyam Jaishankar held talks with Russian Foreign Minister Sergei Lavrov in Moscow on Wednesday.", "2020-09-10");
        Assert.Contains("INDGOV 046 RUSGOV", summary);
        Assert.Contains("INDGOV 042 RUSGOV", summary);
        Assert.Contains("RUSGOV 043 INDGOV", summary);
    }

    [Fact]
    public void TalksInAThirdCountry_ImplyNoVisit()
    {
        string summary = Summary(Shipped, "Indian Foreign Minister Subrahmanyam Jaishankar held talks with Russian Foreign Minister Sergei Lavrov in Geneva on Wednesday.", "2020-09-10");
        Assert.Contains("INDGOV 046 RUSGOV", summary);
        Assert.DoesNotContain("042", summary);
    }

    [Fact]
    public void ImpliedVisit_NamesItsRule()
    {
        var events = Shipped.Code(new Document("t", "Indian Foreign Minister Subrahmanyam Jaishankar held talks with Russian Foreign Minister Sergei Lavrov in Moscow.", new DocumentMetadata(new DateOnly(2020, 9, 10))));
        Assert.Contains(events, e => e.Code == "042" && e.Rule == ImpliedVisitStage.Rule && e.Location?.Country == "RU");
    }

    [Fact]
    public void ReportedPronoun_IsTheReporter()
    {
        Assert.Contains("USAGOV", Summary(Shipped, "President Donald Trump said he wants Russia's help on North Korea.", "2017-07-07").Split(' ')[0]);
    }

    [Fact]
    public void ParsedAndWordOrderCoders_AgreeOnSimpleClauses()
    {
        const string text = "Arnorian troops opened fire on Gondorian positions.";
        Assert.Equal(Summary(WordOrder, text), Summary(Parsed, text));
    }

    [Fact]
    public void SentencesWithoutActorOrTrigger_AreNotParsed()
    {
        var document = Parsed.Analyse(new Document("t", "The weather was fine. Arnorian troops opened fire on Gondorian positions.", new DocumentMetadata(new DateOnly(2023, 4, 14))));
        var first = document.Sentence(0);
        Assert.All(Enumerable.Range(first.TokenStart, first.TokenCount), t => Assert.Equal("X", document.Upos[t]));
        var second = document.Sentence(1);
        Assert.Contains(Enumerable.Range(second.TokenStart, second.TokenCount), t => document.Upos[t] == "VERB");
    }

    private const string PairArticle = "Armenian Foreign Minister Ararat Mirzoyan met Azerbaijani Foreign Minister Jeyhun Bayramov in Berlin. ";

    [Fact]
    public void TheTwoMinisters_AreBothPartiesLastNamed()
    {
        string summary = Summary(Shipped, PairArticle + "The two ministers agreed to continue negotiations.", "2024-02-29");
        Assert.Contains("ARMGOV 036 AZEGOV", summary);
        Assert.Contains("AZEGOV 036 ARMGOV", summary);
    }

    [Fact]
    public void EachSideAccusedTheOther_IsReciprocal()
    {
        string summary = Summary(Shipped, PairArticle + "Each side accused the other of violating the ceasefire.", "2024-02-29");
        Assert.Contains("ARMGOV 1123 AZEGOV", summary);
        Assert.Contains("AZEGOV 1123 ARMGOV", summary);
    }

    [Fact]
    public void TheTwoCountries_WithoutTwoEarlierParties_AreNotCoded()
    {
        Assert.Equal(string.Empty, Summary(Shipped, "The two countries agreed to continue negotiations.", "2024-02-29"));
    }

    [Fact]
    public void DomesticMeasure_TargetsTheOwnCountryEvenWithAnotherOfficialNearby()
    {
        Assert.Contains("LKAGOV 0813 LKA", Summary(Shipped, "COLOMBO, May 14 – Sri Lankan authorities relaxed the nationwide curfew for 12 hours on Saturday as new Prime Minister Ranil Wickremesinghe took charge.", "2022-05-14"));
    }

    [Fact]
    public void CoordinatedRole_TakesTheCountryOfItsComposedPartner()
    {
        string summary = Summary(Shipped, "WASHINGTON, Sept 15 – The U.S. Treasury on Thursday imposed sanctions on 22 Russian officials and two companies.", "2022-09-15");
        Assert.Contains("163 RUSBUS", summary);
        Assert.DoesNotContain("USABUS", summary);
    }

    [Fact]
    public void VagueCollectivePossessor_LeavesTheActUncoded()
    {
        // "the international community" is not an actor (CODING_RULES 5); the speaker must not be taken instead.
        string summary = Summary(Shipped, "The deputy minister said that against the background of the international community's serious calls for peace agreement negotiations, such provocations by Armenia are unacceptable.", "2023-04-14");
        Assert.DoesNotContain("027", summary);
    }

    [Fact]
    public void ReciprocalCounterparts_ShareDateAndPlace()
    {
        var events = Shipped.Code(new Document("t", "Armenian Foreign Minister Ararat Mirzoyan met Azerbaijani Foreign Minister Jeyhun Bayramov in Berlin on Wednesday.", new DocumentMetadata(new DateOnly(2024, 2, 29))));
        var pair = events.Where(e => e.Code == "040").ToList();
        Assert.Equal(2, pair.Count);
        Assert.Equal(pair[0].Date, pair[1].Date);
        Assert.Equal(pair[0].Location?.Name, pair[1].Location?.Name);
        Assert.NotNull(pair[0].Location);
    }

    [Fact]
    public void EventNounNamedAsAGoal_IsNotCoded()
    {
        string summary = Summary(Shipped, "Azerbaijan and Armenia must take real steps towards the normalization of relations between the two countries.", "2023-04-14");
        Assert.DoesNotContain("050", summary);
    }
}
