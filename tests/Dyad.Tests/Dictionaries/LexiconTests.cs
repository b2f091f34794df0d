using Dyad.Lexicon;
using Xunit;

namespace Dyad.Tests.Dictionaries;

public sealed class LexiconTests
{
    private static IReadOnlyList<LexiconDiagnostic> Diagnostics(params DictionaryFile[] files) => Dyad.Lexicon.Lexicon.Compile(files).Diagnostics;

    [Fact]
    public void Compile_MissingHeader_ReportsE101AtLine1()
    {
        var d = Assert.Single(Diagnostics(new DictionaryFile("verbs/x.txt", "190 fire on\n")));
        Assert.Equal((LexiconErrorCode.E101BadHeader, "verbs/x.txt", 1), (d.Code, d.Where.File, d.Where.Line));
    }

    [Fact]
    public void Compile_WrongKindHeader_ReportsE101() =>
        Assert.Equal(LexiconErrorCode.E101BadHeader, Assert.Single(Diagnostics(new DictionaryFile("verbs/x.txt", "# dyad-dict agents v1\n190 fire on\n"))).Code);

    [Fact]
    public void Compile_UnknownEventCode_ReportsE103WithLine()
    {
        var d = Assert.Single(Diagnostics(new DictionaryFile("verbs/x.txt", "# dyad-dict verbs v1\n\n# comment\n999 explode\n")));
        Assert.Equal((LexiconErrorCode.E103UnknownEventCode, 4), (d.Code, d.Where.Line));
        Assert.Equal("verbs/x.txt:4: E103: '999' is not a CAMEO event code.", d.ToString());
    }

    [Theory]
    [InlineData("190 $T fire on")]
    [InlineData("190 fire (on")]
    [InlineData("190 fire on [sideways]")]
    public void Compile_BadPattern_ReportsE105(string line) =>
        Assert.Contains(Diagnostics(new DictionaryFile("verbs/x.txt", "# dyad-dict verbs v1\n" + line + "\n")), d => d.Code == LexiconErrorCode.E105BadPattern);

    [Fact]
    public void Compile_BadCountryHead_ReportsE104() =>
        Assert.Equal(LexiconErrorCode.E104BadActorCode, Assert.Single(Diagnostics(new DictionaryFile("actors/countries.txt", "# dyad-dict countries v1\nAZ | Azerbaijan\n"))).Code);

    [Fact]
    public void Compile_UnknownAgentRole_ReportsE104() =>
        Assert.Equal(LexiconErrorCode.E104BadActorCode, Assert.Single(Diagnostics(new DictionaryFile("actors/agents.txt", "# dyad-dict agents v1\nXYZ | things\n"))).Code);

    [Fact]
    public void Compile_PhrasesFoldingAlikeWithDifferentCodes_ReportsE107WithBothLines()
    {
        var problem = Assert.Single(Diagnostics(new DictionaryFile("actors/igos.txt", "# dyad-dict igos v1\nIGOAAA | Côte Union\nIGOBBB | Cote Union\n")));
        Assert.Equal(LexiconErrorCode.E107AmbiguousPhrase, problem.Code);
        Assert.Equal(3, problem.Where.Line);
        Assert.Contains("actors/igos.txt:2", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_SamePhraseSameCodeTwice_IsNoProblem() =>
        Assert.Empty(Diagnostics(new DictionaryFile("actors/igos.txt", "# dyad-dict igos v1\nIGOAAA | Côte Union\nIGOAAA | Cote Union\n")));

    [Fact]
    public void Compile_BadDateRange_ReportsE106() =>
        Assert.Equal(LexiconErrorCode.E106BadDateRange, Assert.Single(Diagnostics(new DictionaryFile("actors/people.txt", "# dyad-dict people v1\nJohn Doe\n  USAGOV 2001-13-01..\n"))).Code);

    [Fact]
    public void Compile_Pattern_RemembersFileLineAndFlags()
    {
        var lexicon = Dyad.Lexicon.Lexicon.Compile([new DictionaryFile("verbs/x.txt", "# dyad-dict verbs v1\n046 hold (the) talks with [recip]  # meeting\n")]);
        var pattern = Assert.Single(lexicon.Verbs.Patterns);
        Assert.Equal("verbs/x.txt:2 hold (the) talks with", pattern.Rule);
        Assert.Equal(PatternFlags.Reciprocal, pattern.Flags);
        Assert.Equal(4, pattern.Elements.Length);
    }

    [Fact]
    public void Compile_SameFiles_SameVersion_ChangedFile_NewVersion()
    {
        var a = new DictionaryFile("verbs/x.txt", "# dyad-dict verbs v1\n190 fire on\n");
        var b = a with { Text = a.Text + "193 shoot at\n" };
        Assert.Equal(Dyad.Lexicon.Lexicon.Compile([a]).Version, Dyad.Lexicon.Lexicon.Compile([a]).Version);
        Assert.NotEqual(Dyad.Lexicon.Lexicon.Compile([a]).Version, Dyad.Lexicon.Lexicon.Compile([b]).Version);
    }

    [Fact]
    public void Default_ShippedDictionaries_LoadWithoutProblemsAndCoverEveryRoot()
    {
        var lexicon = Dyad.Lexicon.Lexicon.Default;
        Assert.Empty(lexicon.Diagnostics);
        Assert.True(lexicon.Verbs.Patterns.Count >= 1500, $"only {lexicon.Verbs.Patterns.Count} patterns");
        var roots = lexicon.Verbs.Patterns.Where(p => !p.IsNull).Select(p => p.Code[..2]).ToHashSet();
        Assert.Equal(20, roots.Count);
        Assert.True(lexicon.Actors.Entries.Select(e => e.Code).Where(c => c.StartsWith("IGO", StringComparison.Ordinal) || c.StartsWith("NGO", StringComparison.Ordinal)).Distinct().Count() >= 60);
        Assert.True(lexicon.Actors.CountryIso2.Count >= 195, $"only {lexicon.Actors.CountryIso2.Count} countries");
    }

    [Fact]
    public void Ontology_HasEveryCameoCodeWithQuadAndGoldstein()
    {
        var ontology = Dyad.Lexicon.Lexicon.Default.Ontology;
        Assert.True(ontology.Count >= 300);
        var attack = ontology.Find("190")!;
        Assert.Equal((4, -10.0, "ASSAULT"), (attack.Quad, attack.Goldstein, attack.Plover));
        Assert.Null(ontology.Find("010")!.Plover);
        Assert.Equal(3, ontology.Find("1123")!.Quad);
        Assert.Equal(2, ontology.Find("073")!.Quad);
    }
}
