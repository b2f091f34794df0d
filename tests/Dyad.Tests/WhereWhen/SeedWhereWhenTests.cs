using Dyad.Coding;
using Xunit;

namespace Dyad.Tests.WhereWhen;

/// <summary>The seed article (APA, 14 April 2023, UTC+4): its where-and-when as CODING_RULES 14 codes it.</summary>
public sealed class SeedWhereWhenTests
{
    // The seed text is the project's flagship input; the test keeps the sentences it needs so that it never
    // reads ../shared at run time.
    private const string Seed = """
        Azerbaijani Deputy FM attends the meeting of the CIS Council of Foreign Ministers

        # 14 April 2023 23:20 (UTC +04:00)

        On April 14, 2023, Khalaf Khalafov, Deputy Minister of Foreign Affairs of the Republic of Azerbaijan, spoke at a limited meeting of the Foreign Ministers of the Commonwealth of Independent States (CIS) held in Samarkand, Azerbaijani Foreign Ministry told APA.

        The Deputy Minister stated in his speech that our country values mutually beneficial relationships within the framework of the CIS, as well as the continuance of productive engagement at the level of heads of government, including foreign ministries.

        Stating that against the background of the positive steps taken by Azerbaijan, Armenia continues to escalate the situation, the deputy minister spoke about the other party's attempts to undermine the consistent efforts of Azerbaijan. In this regard, the deputy minister said that the servicemen of the Azerbaijan Army were martyred and wounded as a result of the intensive firing of the units of the Armenian armed forces from the direction of the Digh village of the Gorus region of Armenia on the positions of the Azerbaijan Army in the territory of the Lachin region of the Republic of Azerbaijan.

        In this regard, the Deputy Minister of Azerbaijan's trilateral statement from Armenia dated November 10, 2020, as well as all the provisions of the Prague and Sochi agreements, in particular, ensuring the withdrawal of illegal Armenian armed groups, stressed that he expects to take real steps towards the continuation of the negotiation process.
        """;

    private static List<EventRecord> CodeSeed()
    {
        var document = WhereWhenFixture.Analyse(Seed, "2023-04-14", "seed-000");
        return WhereWhenFixture.Run(
            document,
            WhereWhenFixture.Event(document, "spoke", "040", "AZEGOV", "IGOCASCIS", speech: true),
            WhereWhenFixture.Event(document, "values", "051", "AZEGOV", "IGOCASCIS", speech: true),
            WhereWhenFixture.Event(document, "escalate", "1123", "AZEGOV", "ARMGOV", speech: true),
            WhereWhenFixture.Event(document, "firing", "190", "ARMMIL", "AZEMIL", embedded: true),
            WhereWhenFixture.Event(document, "statement", "057", "AZEGOV", "ARMGOV", occurrence: 0),
            WhereWhenFixture.Event(document, "agreements", "057", "AZEGOV", "ARMGOV"),
            WhereWhenFixture.Event(document, "agreements", "057", "ARMGOV", "AZEGOV"),
            WhereWhenFixture.Event(document, "agreements", "057", "AZEGOV", "ARMGOV"),
            WhereWhenFixture.Event(document, "agreements", "057", "ARMGOV", "AZEGOV"),
            WhereWhenFixture.Event(document, "expects", "020", "AZEGOV", "ARMGOV", speech: true));
    }

    [Fact]
    public void Seed_CisMeeting_InSamarkandOnApril14()
    {
        var meeting = CodeSeed()[0];
        Assert.Equal("Samarkand", meeting.Location?.Name);
        Assert.Equal("UZ", meeting.Location?.Country);
        Assert.Equal(1216265, meeting.Location?.GeoNamesId);
        Assert.Equal("2023-04-14", meeting.Date);
        Assert.Equal("day", meeting.DatePrecision);
    }

    [Fact]
    public void Seed_LaterStatements_TakeTheMeetingsPlaceAndDate()
    {
        var events = CodeSeed();
        foreach (var statement in new[] { events[1], events[2], events[9] })
        {
            Assert.Equal("UZ", statement.Location?.Country);
            Assert.Equal("2023-04-14", statement.Date);
        }
    }

    [Fact]
    public void Seed_ArmedAttack_InLachinWithNoDate()
    {
        var attack = CodeSeed()[3];
        Assert.Equal("Lachin region", attack.Location?.Name);
        Assert.Equal("AZ", attack.Location?.Country);
        Assert.Equal("Lachin Rayon", attack.Location?.Admin1);
        Assert.Null(attack.Date);
    }

    [Fact]
    public void Seed_TrilateralStatement_DatedNovember10_2020WithNoPlace()
    {
        var statement = CodeSeed()[4];
        Assert.Equal("2020-11-10", statement.Date);
        Assert.Null(statement.Location);
    }

    [Theory]
    [InlineData("signedOn", "the trilateral statement signed on November 10, 2020")]
    [InlineData("ofDayMonthYear", "the trilateral statement of 10 November 2020")]
    [InlineData("datedFromArmenia", "the Deputy Minister of Azerbaijan's trilateral statement from Armenia dated November 10, 2020")]
    public void Seed_ActsReferringToTheTrilateralStatement_DatedNovember10_2020(string scenario, string phrase)
    {
        // Issue 5: whatever the coder makes of the sentence, an act referring to the 10 November 2020 statement
        // is dated 2020-11-10 (CODING_RULES 11, 14), not the report date.
        string text = "# 14 April 2023 23:20 (UTC +04:00)\n\nIn this regard, the deputy minister recalled " + phrase + ", as well as the Prague and Sochi agreements.";
        var document = WhereWhenFixture.Analyse(text, "2023-04-14", "seed-000");
        var records = WhereWhenFixture.Run(
            document,
            WhereWhenFixture.Event(document, "statement", "057", "AZEGOV", "ARMGOV"),
            WhereWhenFixture.Event(document, "statement", "057", "ARMGOV", "AZEGOV"),
            WhereWhenFixture.Event(document, "agreements", "057", "AZEGOV", "ARMGOV"));
        Assert.True(records[0].Date == "2020-11-10", $"{scenario}: got {records[0].Date ?? "null"}");
        Assert.Equal("2020-11-10", records[1].Date);
        Assert.Null(records[2].Date);
    }

    [Fact]
    public void Seed_PragueAndSochiAgreements_PlacedWhereNamedWithNoDate()
    {
        var events = CodeSeed();
        Assert.Equal(["Prague", "Prague", "Sochi", "Sochi"], events.Skip(5).Take(4).Select(e => e.Location?.Name));
        Assert.Equal(["CZ", "CZ", "RU", "RU"], events.Skip(5).Take(4).Select(e => e.Location?.Country));
        Assert.All(events.Skip(5).Take(4), e => Assert.Null(e.Date));
    }
}
