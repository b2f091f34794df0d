using Xunit;

namespace Dyad.Tests.WhereWhen;

/// <summary>Hand-checked place cases: which mention is the act's, and which place a name means.</summary>
public sealed class PlaceResolutionTests
{
    public static TheoryData<string, string, string, string, string?, string?, string?, string?> Cases => new()
    {
        // scenario, text, trigger, code, source, target, expected name, expected country
        { "crossBorderFire_LandsInDistrictB", "Armenian units fired from the direction of the Digh village of the Gorus region of Armenia on the positions of the Azerbaijan Army in the territory of the Lachin region.", "fired", "190", "ARMMIL", "AZEMIL", "Lachin region", "AZ" },
        { "villageWithState_Container", "Gunmen abducted 287 students from a government school in Kuriga, Kaduna state, on Thursday morning.", "abducted", "181", "NGAUAF", "NGAEDU", "Kuriga, Kaduna state", "NG" },
        { "ambiguousGeorgia_ByActors", "Russian troops fired on villages in Georgia.", "fired", "190", "RUSMIL", "GEO", "Georgia", "GE" },
        { "ambiguousTripoli_Libya", "Militias clashed in Tripoli on Sunday.", "clashed", "190", "LBYREB", "LBYMIL", "Tripoli", "LY" },
        { "ambiguousTripoli_Lebanon", "Militias clashed in Tripoli on Sunday.", "clashed", "190", "LBNREB", "LBNMIL", "Tripoli", "LB" },
        { "ambiguousHyderabad_Pakistan", "Police detained activists in Hyderabad.", "detained", "173", "PAKCOP", "PAKOPP", "Hyderabad", "PK" },
        { "ambiguousHyderabad_India", "Police detained activists in Hyderabad.", "detained", "173", "INDCOP", "INDOPP", "Hyderabad", "IN" },
        { "sea_NoCountry", "The U.S. destroyer trained with a Japanese destroyer in the Bay of Bengal on Saturday.", "trained", "062", "USAMIL", "JPNMIL", "Bay of Bengal", null },
        { "strait_NoCountry", "The army launched patrols around the island, covering the Taiwan Strait.", "launched", "150", "CHNMIL", "TWN", "Taiwan Strait", null },
        { "border_NoCountry", "Two guards were killed in a shootout on the disputed Tajik-Kyrgyz frontier.", "shootout", "193", "KGZMIL", "TJKMIL", "Tajik-Kyrgyz frontier", null },
        { "lineOfControl_NoCountry", "Civilians were killed in shelling along the Line of Control.", "shelling", "194", "INDMIL", "PAKMIL", "Line of Control", null },
        { "regionSuffix_Province", "Fighting broke out in Syunik province.", "Fighting", "190", "AZEMIL", "ARMMIL", "Syunik province", "AM" },
        { "actorCapital_NotThePlace", "Moscow demanded the release of staff detained in Kiev.", "detained", "173", "UKRCOP", "RUSGOV", "Kiev", "UA" },
        { "transliteration_GorusIsGoris", "Azerbaijani drones struck targets near Gorus.", "struck", "195", "AZEMIL", "ARMMIL", "Gorus", "AM" },
        { "townOf_Halabja", "Iraqi forces attacked the Kurdish town of Halabja with chemical weapons.", "attacked", "2041", "IRQMIL", "IRQCVL", "Halabja", "IQ" },
        { "unknownArea_CountryFromActors", "A bomber struck a police checkpoint in the Jamrud area.", "struck", "1831", null, "PAKCOP", "Jamrud area", "PK" },
        { "noPlace_Null", "Armenian forces opened fire on Azerbaijani positions.", "fire", "190", "ARMMIL", "AZEMIL", null, null },
        { "speech_NotThePlaceOfItsTopic", "President Tinubu commiserated with Prime Minister Modi over the train disaster in Odisha state.", "commiserated", "018", "NGAGOV", "INDGOV", null, null },
        { "intent_NotThePlannedPlace", "Lavrov will travel to Samarkand for the meeting.", "travel", "036", "RUSGOV", "IGOCASCIS", null, null },
        { "datelineCity_OwnGovernment", "MOSCOW, April 14 - Russia's Foreign Ministry on Friday demanded the release of its staff.", "demanded", "1053", "RUSGOV", "UKRGOV", "Moscow", "RU" },
        { "datelineCity_NotForeignActors", "DUBAI - Qatar said the measures had no justification.", "said", "016", "QATGOV", "SAUGOV", null, null },
        { "borderArea_TwoCountries_NoCountry", "Troops exchanged fire along the India-Pakistan border on Friday.", "fire", "190", "INDMIL", "PAKMIL", "India-Pakistan border", null },
        { "ownBorder_ActorsCountry", "Pakistan moved fresh troops to its international border with India.", "moved", "154", "PAKMIL", "IND", "international border with India", "PK" },
        { "sea_BlackSea_NoCountry", "A Russian warship fired on a cargo ship in the Black Sea.", "fired", "190", "RUSMIL", "UKR", "Black Sea", null },
        { "villageSuffix_Unknown_CountryFromActors", "Militants attacked the Xqzvillage village in the night.", "attacked", "190", "PAKREB", "PAKCVL", "Xqzvillage village", "PK" },
        { "possessiveContainer_StateOfCountry", "Gunmen attacked a college in Nigeria's Kebbi state on Thursday.", "attacked", "180", "NGAREB", "NGAEDU", "Kebbi state", "NG" },
        { "nationwide_Country", "Sri Lankan authorities relaxed the nationwide curfew on Saturday.", "relaxed", "0813", "LKAGOV", "LKA", "Sri Lanka", "LK" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Resolve_Sentence_PlaceOfTheAct(string scenario, string text, string trigger, string code, string? source, string? target, string? name, string? country)
    {
        var document = WhereWhenFixture.Analyse(text, "2023-04-14");
        bool speech = code[..2] is "01" or "02" or "10" or "11" or "12" or "13";
        var record = WhereWhenFixture.Run(document, WhereWhenFixture.Event(document, trigger, code, source, target, speech))[0];
        Assert.True(name == record.Location?.Name, $"{scenario}: expected {name ?? "null"}, got {record.Location?.Name ?? "null"}");
        Assert.Equal(country, record.Location?.Country);
        if (record.Location is { } location)
        {
            Assert.InRange(location.Confidence ?? -1, 0.0, 1.0);
        }
    }
}
