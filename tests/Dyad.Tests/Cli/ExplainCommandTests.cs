using Dyad.Cli.Commands;
using Xunit;

namespace Dyad.Tests.Cli;

public sealed class ExplainCommandTests
{
    private static (int Exit, string Output, string Errors) Run(string text, bool parse = true)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        int exit = ExplainCommand.Run(text, new DateOnly(2023, 4, 14), parse, output, errors, new StringReader(string.Empty));
        return (exit, output.ToString(), errors.ToString());
    }

    [Fact]
    public void Explain_CodedSentence_ShowsTreeActorsRuleAndEvent()
    {
        var (exit, output, _) = Run("Armenian troops opened fire on Azerbaijani positions.");
        Assert.Equal(0, exit);
        Assert.Contains("-- Tree", output);
        Assert.Contains("\"Armenian troops\" -> ARMMIL", output);
        Assert.Contains("actors/countries.txt:", output);
        Assert.Contains("coded:", output);
        Assert.Contains("ARMMIL -> AZE", output);
        Assert.Contains("verbs/14-20-conflict-material.txt:", output);
    }

    [Fact]
    public void Explain_MissingTarget_SaysWhyNotCoded()
    {
        var (_, output, _) = Run("Armenia criticized the decision.");
        Assert.Contains("not coded: no target actor was found", output);
    }

    [Fact]
    public void Explain_ShippedModel_ShowsTheModelsReadingWithMargins()
    {
        var (_, output, _) = Run("Mongolia's foreign minister lambasted Kazakhstan on Monday.");
        Assert.Contains("decider Combined, event model ", output);
        Assert.Contains("-- Model (scores are margins", output);
        Assert.Matches(@"""lambasted"" 11\d* act -?\d+\.\d, mode \w+ -?\d+\.\d; source ""Mongolia's foreign minister"" = MNGGOV", output);
    }

    [Fact]
    public void Explain_NoActor_SaysSo()
    {
        var (_, output, _) = Run("The weather was fine.");
        Assert.Contains("no dictionary actor in this sentence", output);
    }

    [Fact]
    public void Explain_WithoutParse_ShowsNoTree()
    {
        var (_, output, _) = Run("Armenian troops opened fire on Azerbaijani positions.", parse: false);
        Assert.DoesNotContain("-- Tree", output);
        Assert.Contains("word order only", output);
    }

    [Fact]
    public void Explain_EmptyText_IsAnErrorWithAHint()
    {
        var (exit, _, errors) = Run("   ");
        Assert.Equal(2, exit);
        Assert.Contains("--file", errors);
    }
}
