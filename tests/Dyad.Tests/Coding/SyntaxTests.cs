using Dyad.Coding;
using Dyad.Coding.Syntax;
using Dyad.Text;
using Dyad.Text.Analysis;
using Xunit;

namespace Dyad.Tests.Coding;

/// <summary>
/// Roles read off the dependency tree for hand-checked sentences (shipped analyser), and the coder's use of them.
/// Each expectation names the word that heads the role.
/// </summary>
public sealed class SyntaxTests
{
    private static (Document Document, DependencyTree Tree) Parse(string text)
    {
        var document = new Document("t", text);
        Pipeline.Create(new SegmentationStage(), new AnalysisStage(fastParser: true)).Run(document);
        return (document, DependencyTree.Of(document)!);
    }

    private static int TokenIndex(Document d, string word)
    {
        for (int i = 0; i < d.TokenCount; i++)
        {
            if (d.TokenText(i).SequenceEqual(word))
            {
                return i;
            }
        }

        throw new InvalidOperationException($"'{word}' is not a token of the sentence.");
    }

    private static SyntacticRoles Roles(string text, string trigger, out Document document)
    {
        var (d, tree) = Parse(text);
        document = d;
        int t = TokenIndex(d, trigger);
        return ClauseRoles.Find(d, tree, t, t) ?? throw new InvalidOperationException("no roles");
    }

    private static string Word(Document d, int token) => token < 0 ? "-" : d.TokenText(token).ToString();

    [Fact]
    public void ActiveClause_SubjectActs_ObjectIsTarget()
    {
        var roles = Roles("The Armenian army shelled the village on Tuesday.", "shelled", out var d);
        Assert.Equal("army", Word(d, roles.Source));
        Assert.Equal("village", Word(d, roles.Targets[0]));
        Assert.False(roles.Passive);
    }

    [Fact]
    public void PassiveClause_ByAgentActs_SubjectIsTarget()
    {
        var roles = Roles("The soldiers were attacked by rebels near the border.", "attacked", out var d);
        Assert.True(roles.Passive);
        Assert.Equal("rebels", Word(d, roles.Source));
        Assert.Equal("soldiers", Word(d, roles.Targets[0]));
    }

    [Fact]
    public void SubjectControl_InfinitiveTakesSubjectOfMainVerb()
    {
        var roles = Roles("The minister agreed to restore ties with the neighbours.", "restore", out var d);
        Assert.Equal("minister", Word(d, roles.Source));
    }

    [Fact]
    public void ObjectControl_InfinitiveTakesObjectOfMainVerb()
    {
        var roles = Roles("The president urged the rebels to withdraw from the town.", "withdraw", out var d);
        Assert.Equal("rebels", Word(d, roles.Source));
    }

    [Fact]
    public void CoordinatedVerbs_ShareTheSubject()
    {
        var roles = Roles("The minister arrived in Baku and met the president.", "met", out var d);
        Assert.Equal("minister", Word(d, roles.Source));
        Assert.Equal("president", Word(d, roles.Targets[0]));
    }

    [Fact]
    public void RelativeClause_PronounStandsForTheModifiedNoun()
    {
        var roles = Roles("The envoy, who criticized the government, left the country.", "criticized", out var d);
        Assert.Equal("envoy", Word(d, roles.Source));
        Assert.Equal("government", Word(d, roles.Targets[0]));
    }

    [Fact]
    public void LightVerb_NounTriggerTakesTheVerbsSubjectAndWithPhrase()
    {
        var (d, tree) = Parse("The foreign minister held talks with his Russian counterpart.");
        int talks = TokenIndex(d, "talks");
        var roles = ClauseRoles.Find(d, tree, TokenIndex(d, "held"), talks)!;
        Assert.Equal("minister", Word(d, roles.Source));
        Assert.Contains(roles.Targets, t => Word(d, t) == "counterpart");
    }

    [Fact]
    public void Nominal_ByPhraseIsTheAgent()
    {
        var roles = Roles("The shelling of the village by artillery units continued.", "shelling", out var d);
        Assert.True(roles.Nominal);
        Assert.Equal("units", Word(d, roles.Source));
    }

    [Fact]
    public void Nominal_OfAloneIsLeftToWordOrder()
    {
        var roles = Roles("The downing of a warplane angered the government.", "downing", out _);
        Assert.True(roles.Nominal);
        Assert.Equal(-1, roles.Source);
    }

    [Fact]
    public void EveryRole_ExplainsHowItWasFound()
    {
        var roles = Roles("The soldiers were attacked by rebels near the border.", "attacked", out _);
        Assert.Contains(roles.Paths, p => p.StartsWith("source: agent", StringComparison.Ordinal));
        Assert.Contains(roles.Paths, p => p.StartsWith("target: passive subject", StringComparison.Ordinal));
    }

    [Fact]
    public void Dateline_IsParsedApartFromTheFirstSentence()
    {
        var (d, tree) = Parse("DUBAI – Saudi Arabia cut diplomatic ties with Qatar on Monday.");
        int dubai = TokenIndex(d, "DUBAI");
        int cut = TokenIndex(d, "cut");
        Assert.False(tree.Dominates(cut, dubai)); // the dateline is a tree of its own
        var roles = ClauseRoles.Find(d, tree, cut, cut)!;
        Assert.Contains(Word(d, roles.Source), new[] { "Saudi", "Arabia" });
    }
}
