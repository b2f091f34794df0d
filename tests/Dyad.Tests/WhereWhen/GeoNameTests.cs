using Dyad.Lexicon.Geo;
using Xunit;

namespace Dyad.Tests.WhereWhen;

public sealed class GeoNameTests
{
    [Theory]
    [InlineData("Samarkand", "samarkand")]
    [InlineData("  Şəki ", "saki")]
    [InlineData("Qo'qon", "qoqon")]
    [InlineData("St. Petersburg", "st petersburg")]
    [InlineData("Andorra-la-Vella", "andorra la vella")]
    [InlineData("Ḩalabja", "halabja")]
    [InlineData("Kraków", "krakow")]
    [InlineData("Łódź", "lodz")]
    [InlineData("Straße", "strasse")]
    public void Normalize_Name_FoldsCaseDiacriticsAndPunctuation(string name, string expected)
    {
        Span<char> buffer = stackalloc char[GeoName.MaxKeyLength];
        int n = GeoName.Normalize(name, buffer);
        Assert.Equal(expected, new string(buffer[..n]));
    }

    [Theory]
    [InlineData("Lachin district", "lachin", PlaceSuffix.Admin)]
    [InlineData("Lachin region", "lachin", PlaceSuffix.Admin)]
    [InlineData("Lachin Rayon", "lachin", PlaceSuffix.Admin)]
    [InlineData("Syunik province", "syunik", PlaceSuffix.Admin)]
    [InlineData("Kebbi State", "kebbi", PlaceSuffix.Admin)]
    [InlineData("Digh village", "digh", PlaceSuffix.Settlement)]
    [InlineData("village of Digh", "digh", PlaceSuffix.Settlement)]
    [InlineData("Jamrud area", "jamrud", PlaceSuffix.Area)]
    [InlineData("Kharkiv Oblast", "kharkiv", PlaceSuffix.Admin)]
    [InlineData("State", "state", PlaceSuffix.None)]
    [InlineData("Samarkand", "samarkand", PlaceSuffix.None)]
    public void NormalizeKey_SuffixForms_StripTheSuffixWord(string name, string expected, PlaceSuffix suffix)
    {
        Assert.Equal(expected, GeoName.Key(name, out var actual));
        Assert.Equal(suffix, actual);
    }

    [Theory]
    [InlineData("kiev", "kyiv")]
    [InlineData("gorus", "goris")]
    [InlineData("samarqand", "samarkand")]
    [InlineData("tashkent", "toshkent")]
    [InlineData("chechnya", "chechnia")]
    [InlineData("dzhalal abad", "jalal abad")]
    [InlineData("kharkov", "kharkiv")]
    public void Skeleton_TransliterationVariants_Agree(string a, string b) =>
        Assert.Equal(GeoName.Skeleton(a), GeoName.Skeleton(b));

    [Theory]
    [InlineData("baku", "bukavu")]
    [InlineData("paris", "peru")]
    [InlineData("minsk", "pinsk")]
    public void Skeleton_DifferentNames_Differ(string a, string b) =>
        Assert.NotEqual(GeoName.Skeleton(a), GeoName.Skeleton(b));
}
