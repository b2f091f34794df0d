using Dyad.Coding.WhereWhen;
using Dyad.Text;
using Xunit;

namespace Dyad.Tests.WhereWhen;

/// <summary>Hand-checked date cases (CODING_RULES 12): formats, weekdays around month and year ends, relatives.</summary>
public sealed class DateResolutionTests
{
    public static TheoryData<string, string, string?, string, string, bool, string?> Cases => new()
    {
        // scenario, text, report date, trigger, code, speech act, expected date
        { "monthDayYear", "On April 14, 2023, the minister spoke at the meeting.", "2023-04-14", "spoke", "040", true, "2023-04-14" },
        { "datedStatement", "He recalled the trilateral statement dated November 10, 2020, and the Prague agreements.", "2023-04-14", "statement", "057", false, "2020-11-10" },
        { "datedStatement_NotForOtherEvents", "He recalled the trilateral statement dated November 10, 2020, and the Prague agreements.", "2023-04-14", "agreements", "057", false, null },
        { "dayMonthYear", "The ceasefire was signed on 10 November 2020 in Moscow.", "2023-04-14", "signed", "057", false, "2020-11-10" },
        { "numericDotted", "The accord was signed on 10.11.2020 in Moscow.", "2023-04-14", "signed", "057", false, "2020-11-10" },
        { "numericIso", "The accord was signed on 2020-11-10 in Moscow.", "2023-04-14", "signed", "057", false, "2020-11-10" },
        { "abbreviatedMonth", "The accord was signed on Nov. 10, 2020.", "2023-04-14", "signed", "057", false, "2020-11-10" },
        { "dayMonth_ReportYear", "Troops withdrew on 14 April.", "2023-04-20", "withdrew", "0874", false, "2023-04-14" },
        { "monthDay_PreviousYearAcrossNewYear", "Police arrested him on December 30.", "2024-01-02", "arrested", "173", false, "2023-12-30" },
        { "weekday_Sunday_InWednesdayReport", "Police arrested 20 people on Sunday.", "2018-11-28", "arrested", "173", false, "2018-11-25" },
        { "weekday_SameDay", "Police arrested 20 people on Wednesday.", "2018-11-28", "arrested", "173", false, "2018-11-28" },
        { "weekday_AcrossYearEnd", "Police arrested 20 people on Saturday.", "2024-01-02", "arrested", "173", false, "2023-12-30" },
        { "weekday_AcrossMonthEnd", "Police arrested 20 people on Friday.", "2023-05-01", "arrested", "173", false, "2023-04-28" },
        { "weekday_LeapDay", "Police arrested 20 people on Thursday.", "2024-03-01", "arrested", "173", false, "2024-02-29" },
        { "lastWeekday_StrictlyBefore", "Police arrested 20 people last Wednesday.", "2018-11-28", "arrested", "173", false, "2018-11-21" },
        { "weekdayPossessive", "The minister ordered an inquiry into Thursday's police shootout.", "2016-11-27", "shootout", "190", false, "2016-11-24" },
        { "weekdayPossessive_NotTheOrder", "The minister on Sunday ordered an inquiry into Thursday's police shootout.", "2016-11-27", "ordered", "092", false, "2016-11-27" },
        { "yesterday_AcrossMonthEnd", "Rebels attacked the town yesterday.", "2023-03-01", "attacked", "190", false, "2023-02-28" },
        { "aDayAfter_Clause", "The prime minister resigned on Tuesday, a day after security forces killed 19 people.", "2025-09-09", "killed", "175", false, "2025-09-08" },
        { "aDayAfter_MainClause", "The prime minister resigned on Tuesday, a day after security forces killed 19 people.", "2025-09-09", "resigned", "0831", false, "2025-09-09" },
        { "aDayEarlier", "Serbia on Thursday recalled its ambassador over Prague's decision a day earlier to recognise Kosovo.", "2008-05-22", "recognise", "054", false, "2008-05-21" },
        { "noDate_NeverTheReportDate", "Armenian forces opened fire on Azerbaijani positions.", "2023-04-14", "fire", "190", false, null },
        { "noReportDate_WeekdayUnresolved", "Police arrested 20 people on Sunday.", null, "arrested", "173", false, null },
        { "noReportDate_ExplicitDate", "On March 16, 1988, Iraqi forces attacked Halabja.", null, "attacked", "2041", false, "1988-03-16" },
        { "intent_AnnouncementDate", "The two presidents will hold a summit on June 7, the ministry announced on Tuesday.", "2013-05-21", "summit", "036", false, "2013-05-21" },
        { "speech_ReportingDate", "The minister said on Friday that the government wanted the peacekeepers to leave.", "2023-06-16", "wanted", "100", true, "2023-06-16" },
        { "lastWeek_CoarseDropped", "He condemned last week's massacre of 108 people.", "2012-05-29", "massacre", "202", false, null },
        { "yearOnly_CoarseDropped", "Bolivia previously cut ties with Israel in 2009.", "2023-10-31", "cut", "161", false, null },
        { "clauseAfter_NoDate", "Tokayev declared the emergency on January 5 after protests in Almaty turned violent.", "2022-01-19", "turned", "145", false, null },
        { "trilateralStatementOf_DayMonthYear", "He recalled the trilateral statement of 10 November 2020 and the Prague agreements.", "2023-04-14", "statement", "057", false, "2020-11-10" },
        { "statementSignedOn_MonthDayYear", "He recalled the statement signed on November 10, 2020, by the three leaders.", "2023-04-14", "statement", "057", false, "2020-11-10" },
        { "coordinatedClause_DateIsTheSecondActs", "Relief flights from Turkey landed, and a French aircraft arrived in Islamabad on Saturday.", "2022-09-03", "flights", "073", false, null },
        { "coordinatedClause_SecondActKeepsItsDate", "Relief flights from Turkey landed, and a French aircraft arrived in Islamabad on Saturday.", "2022-09-03", "arrived", "073", false, "2022-09-03" },
        { "listComma_NotAClause", "Britain, France and Germany expelled Syrian envoys on Tuesday.", "2012-05-29", "expelled", "161", false, "2012-05-29" },
    };

    public static TheoryData<string, string, string, string, string, int, bool, string?> SameDayCases => new()
    {
        // scenario, text, report date, trigger, code, occurrence, embedded, expected date
        { "sameDayWire_LaterActTakesTheLeadsDay", "WASHINGTON, May 29 - The State Department on Tuesday expelled Syria's top diplomat. Britain, France and Germany expelled Syrian envoys in a coordinated move.", "2012-05-29", "expelled", "161", 1, false, "2012-05-29" },
        { "sameDayWire_AfterNewsOf", "KATHMANDU, Sept 9 - The prime minister resigned on Tuesday. After news of his resignation, protesters defied a curfew.", "2025-09-09", "defied", "128", 0, false, "2025-09-09" },
        { "sameDayWire_PresentPerfectNotDated", "ISLAMABAD, Sept 3 - Pakistan on Saturday urged the world to help. Relief flights from Turkey and China have already landed.", "2022-09-03", "flights", "073", 0, false, null },
        { "sameDayWire_PastPerfectNotDated", "KINSHASA, Nov 20 - Rebels seized the airport on Tuesday. The rebels had earlier fired mortar rounds on the city.", "2012-11-20", "fired", "193", 0, false, null },
        { "sameDayWire_LeadsOtherClauseNotDated", "KINSHASA, Nov 20 - Rebels seized the airport on Tuesday after several days of fighting with troops.", "2012-11-20", "fighting", "190", 0, false, null },
        { "sameDayWire_ReportedActNotDated", "BAKU, April 14 - The minister on Friday spoke at the meeting. He said that Armenian units fired on Azerbaijani positions.", "2023-04-14", "fired", "190", 0, true, null },
        { "reportingWeekday_NotASameDayReport", "MOSCOW, June 27 - The Kremlin said on Monday that Erdogan had written to Putin. Moscow imposed trade restrictions on Turkey.", "2016-06-27", "imposed", "172", 0, false, null },
        { "earlierWeekday_NotASameDayReport", "KATHMANDU, Sept 9 - Police fired on protesters on Monday. Protesters defied a curfew.", "2025-09-09", "defied", "128", 0, false, null },
    };

    [Theory]
    [MemberData(nameof(SameDayCases))]
    public void Resolve_SameDayWireReport_UndatedSimplePastActsTakeTheLeadsDay(string scenario, string text, string report, string trigger, string code, int occurrence, bool embedded, string? expected)
    {
        // A wire report whose lead dates its news "on Tuesday" in a Tuesday report tells that day's acts; later
        // acts in the simple past that the text gives no other day are that day's. Never for the lead's own other
        // clauses, the perfect, reported claims, or a lead whose weekday only dates a statement.
        var document = WhereWhenFixture.Analyse(text, report);
        var record = WhereWhenFixture.Run(document, WhereWhenFixture.Event(document, trigger, code, "AAAGOV", null, occurrence: occurrence, embedded: embedded))[0];
        Assert.True(expected == record.Date, $"{scenario}: expected {expected ?? "null"}, got {record.Date ?? "null"}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Resolve_Sentence_DateOfTheAct(string scenario, string text, string? report, string trigger, string code, bool speech, string? expected)
    {
        var document = WhereWhenFixture.Analyse(text, report);
        var record = WhereWhenFixture.Run(document, WhereWhenFixture.Event(document, trigger, code, "AAAGOV", null, speech))[0];
        Assert.True(expected == record.Date, $"{scenario}: expected {expected ?? "null"}, got {record.Date ?? "null"}");
        Assert.Equal(expected is null ? null : "day", record.DatePrecision);
    }

    [Theory]
    [InlineData("He condemned last week's massacre.", "2012-05-29", "massacre", "2012-05", "month")]
    [InlineData("Bolivia previously cut ties with Israel in 2009.", "2023-10-31", "cut", "2009", "year")]
    [InlineData("The downing of a warplane last November angered Moscow.", "2016-06-27", "downing", "2015-11", "month")]
    [InlineData("Protests began in March 2020.", "2023-01-01", "Protests", "2020-03", "month")]
    public void Resolve_CoarseDates_WhenIncluded_CarryTheirPrecision(string text, string report, string trigger, string date, string precision)
    {
        var document = WhereWhenFixture.Analyse(text, report);
        document.SetLayer(Layer.Events, new Dyad.Coding.EventLayer([WhereWhenFixture.Event(document, trigger, "190", "AAAMIL", null)]));
        new WhereWhenStage { IncludeCoarseDates = true }.Process(document);
        var record = document.GetLayer<Dyad.Coding.EventLayer>().Events[0].Record;
        Assert.Equal(date, record.Date);
        Assert.Equal(precision, record.DatePrecision);
    }

    [Theory]
    [InlineData("# 15 April 2023 01:30 (UTC +04:00)\n\nPolice arrested 20 people on Saturday.", "2023-04-14", "2023-04-15")]
    [InlineData("# 14 April 2023 23:20 (UTC +04:00)\n\nPolice arrested 20 people on Friday.", "2023-04-14", "2023-04-14")]
    [InlineData("BAKU, April 14 (APA) - Police arrested 20 people on Friday.", "2023-04-15", "2023-04-14")]
    public void Resolve_DatelineInLocalTime_WeekdayFromTheLocalDate(string text, string metadataDate, string expected)
    {
        // The dateline is local time: an article stamped 01:30 UTC+4 on 15 April is a 15 April report even
        // when its metadata carries the UTC date of 14 April (CODING_RULES 12).
        var document = WhereWhenFixture.Analyse(text, metadataDate);
        var record = WhereWhenFixture.Run(document, WhereWhenFixture.Event(document, "arrested", "173", "AAACOP", null))[0];
        Assert.Equal(expected, record.Date);
    }

    [Theory]
    [InlineData(DayOfWeek.Sunday, "2018-11-28", false, "2018-11-25")]
    [InlineData(DayOfWeek.Wednesday, "2018-11-28", false, "2018-11-28")]
    [InlineData(DayOfWeek.Wednesday, "2018-11-28", true, "2018-11-21")]
    [InlineData(DayOfWeek.Sunday, "2024-01-01", false, "2023-12-31")]
    public void MostRecent_Weekday_OnOrBeforeTheReport(DayOfWeek day, string report, bool strictly, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), DateFinder.MostRecent(day, DateOnly.Parse(report, System.Globalization.CultureInfo.InvariantCulture), strictly));
}
