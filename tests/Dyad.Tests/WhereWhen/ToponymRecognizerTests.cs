using Dyad.Coding.WhereWhen;
using Xunit;

namespace Dyad.Tests.WhereWhen;

public sealed class ToponymRecognizerTests
{
    private static readonly ToponymRecognizer Recognizer = new();

    private static string Mentions(string sentence)
    {
        var document = WhereWhenFixture.Analyse(sentence, "2023-04-14");
        return string.Join("; ", Recognizer.Find(document, 0).Select(m => $"{m.Text}:{(m.IsActor ? "Actor" : m.Cue.ToString())}"));
    }

    [Theory]
    [InlineData("in_City", "The talks were held in Moscow on Friday.", "Moscow:In")]
    [InlineData("capital_AsActor_NoMention", "Moscow said the talks would go on.", "")]
    [InlineData("possessive_AsActor", "Baku's defence ministry denied it.", "Baku:Actor")]
    [InlineData("near_List", "Forces shelled positions near Jermuk, Goris and Sotk with artillery.", "Jermuk:Near; Goris:Near")]
    [InlineData("regionSuffix", "Positions in the territory of the Lachin region were hit.", "Lachin region:SettlementOf")]
    [InlineData("stateSuffix_AfterPossessive", "Gunmen attacked a college in Nigeria's Kebbi state on Thursday.", "Nigeria:Container; Kebbi state:Suffix")]
    [InlineData("villageOf", "Chemical weapons hit the Kurdish town of Halabja.", "Halabja:SettlementOf")]
    [InlineData("fromTheDirectionOf_IsOrigin", "They fired from the direction of the Digh village of the Gorus region of Armenia on our positions.", "Digh village:Origin; Gorus region:Origin; Armenia:Origin")]
    [InlineData("road", "He called the misuse of the Lachin road unacceptable.", "Lachin:Road")]
    [InlineData("based", "He worked for the Moscow-based TV Dozhd.", "Moscow:Based")]
    [InlineData("namedAfterAgreements", "They recalled all the provisions of the Prague and Sochi agreements.", "Prague:NamedAfter; Sochi:NamedAfter")]
    [InlineData("sea", "The destroyers trained in the Bay of Bengal on Saturday.", "Bay of Bengal:In")]
    [InlineData("border_Demonyms", "Two guards were killed on the disputed Tajik-Kyrgyz frontier on Monday.", "Tajik-Kyrgyz frontier:Border")]
    [InlineData("personName_NotAPlace", "Erdogan has written to Vladimir Putin.", "")]
    [InlineData("organisation_NotAPlace", "They will work closely in the U.N. Security Council.", "")]
    [InlineData("unknownArea", "A bomber struck a checkpoint in the Jamrud area on Tuesday.", "Jamrud area:In")]
    [InlineData("unknownAfterAt", "The main border crossing at Torkham was overwhelmed.", "Torkham:At")]
    [InlineData("transliterationVariant", "Drones struck targets near Gorus overnight.", "Gorus:Near")]
    [InlineData("visitedObject", "Fidan had visited Baku on December 14.", "Baku:At")]
    [InlineData("ambassadorTo_NotADestination", "Russia's ambassador to Turkey was shot dead.", "Russia:Actor; Turkey:Actor")]
    public void Find_Sentence_MentionsWithCues(string scenario, string sentence, string expected)
    {
        Assert.False(string.IsNullOrEmpty(scenario));
        Assert.Equal(expected, Mentions(sentence));
    }
}
