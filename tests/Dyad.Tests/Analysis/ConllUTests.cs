using Dyad.Text.Analysis;
using Xunit;

namespace Dyad.Tests.Analysis;

public sealed class ConllUTests
{
    internal const string Sample =
        "# sent_id = s1\n" +
        "# text = They don't attack.\n" +
        "1\tThey\tthey\tPRON\tPRP\tCase=Nom\t4\tnsubj\t4:nsubj\t_\n" +
        "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n" +
        "2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t4:aux\t_\n" +
        "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t4:advmod\t_\n" +
        "4\tattack\tattack\tVERB\tVB\t_\t0\troot\t0:root\tSpaceAfter=No\n" +
        "4.1\tattack\tattack\tVERB\tVB\t_\t_\t_\t4:conj\tCopyOf=4\n" +
        "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t4:punct\t_\n" +
        "\n" +
        "# sent_id = s2\n" +
        "1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t0:root\t_\n" +
        "\n";

    [Fact]
    public void Read_SampleWithMultiwordAndEmptyNode_ParsesColumns()
    {
        var result = ConllUReader.Parse(Sample);
        Assert.True(result.IsClean);
        Assert.Equal(2, result.Sentences.Count);
        var s = result.Sentences[0];
        Assert.Equal(5, s.Count);
        Assert.Equal("They don't attack.", s.Text);
        Assert.Equal("s1", s.Id);
        Assert.Equal([4, 4, 4, 0, 4], s.Heads);
        Assert.Equal("advmod", s.Relations[2]);
        Assert.Single(s.Multiwords);
        Assert.Single(s.EmptyNodes);
        Assert.True(s.NoSpaceAfter(1));
        Assert.True(s.NoSpaceAfter(3));
        Assert.False(s.NoSpaceAfter(0));
    }

    [Fact]
    public void Write_ReadSample_RoundTripsExactly()
    {
        var result = ConllUReader.Parse(Sample);
        Assert.Equal(Sample, ConllUWriter.ToString(result.Sentences));
    }

    [Theory]
    [InlineData("1\tA\ta\tDET\tDT\t_\t0\troot\t_\n", "CU001", 1)]
    [InlineData("# c\n1\tA\ta\tDET\tDT\t_\t0\troot\t_\t_\n3\tB\tb\tX\tX\t_\t1\tdep\t_\t_\n", "CU003", 3)]
    [InlineData("1\tA\ta\tDET\tDT\t_\tzero\troot\t_\t_\n", "CU004", 1)]
    [InlineData("1\tA\ta\tDET\tDT\t_\t0\troot\t_\t_\n2\tB\tb\tX\tX\t_\t7\tdep\t_\t_\n", "CU006", 2)]
    [InlineData("x\tA\ta\tDET\tDT\t_\t0\troot\t_\t_\n", "CU002", 1)]
    public void Read_MalformedLine_DiagnosticNamesLine(string text, string code, int line)
    {
        var result = ConllUReader.Parse(text);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(code, diagnostic.Code);
        Assert.Equal(line, diagnostic.Line);
        Assert.Empty(result.Sentences);
    }

    [Fact]
    public void Read_BadSentenceAmongGood_SkipsOnlyTheBadOne()
    {
        string text = "1\tA\ta\tX\tX\t_\t0\troot\t_\t_\n\n1\tB\tb\tX\tX\t_\n\n1\tC\tc\tX\tX\t_\t0\troot\t_\t_\n";
        var result = ConllUReader.Parse(text);
        Assert.Equal(2, result.Sentences.Count);
        Assert.Equal(3, Assert.Single(result.Diagnostics).Line);
    }
}
