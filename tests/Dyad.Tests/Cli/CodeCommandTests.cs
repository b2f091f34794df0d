using System.Text;
using System.Text.Json;
using Dyad.Cli.Commands;
using Xunit;

namespace Dyad.Tests.Cli;

/// <summary>Runs <c>dyad code</c> end to end on the shipped dictionaries.</summary>
public sealed class CodeCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dyad-code-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private (int Exit, string Output, string Errors) Run(string format, params string[] inputs)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        int exit = CodeCommand.Run(inputs, format, null, 10, quiet: false, output, errors, new StringReader(string.Empty));
        return (exit, output.ToString(), errors.ToString());
    }

    [Fact]
    public void Code_BundledExample_PrintsJsonlEventsWithContractFields()
    {
        string path = Path.Combine(_folder, "a.txt");
        File.WriteAllText(path, "BAKU, April 14 \u2013 Azerbaijan accused Armenia of provocations on Friday.");
        var (exit, output, _) = Run("jsonl", path);
        Assert.Equal(0, exit);
        var first = JsonDocument.Parse(output.Split('\n')[0]).RootElement;
        foreach (string field in new[] { "doc_id", "sentence", "source", "source_text", "target", "target_text", "code", "root", "quad", "goldstein", "negated", "date", "location", "evidence", "rule", "plover" })
        {
            Assert.True(first.TryGetProperty(field, out _), $"missing field {field}");
        }

        Assert.Equal("a", first.GetProperty("doc_id").GetString());
        Assert.Equal("11", first.GetProperty("root").GetString());
    }

    [Fact]
    public void Code_MixedGoodAndBadInputs_CodesGoodReportsBadExitsOne()
    {
        string good = Path.Combine(_folder, "good.txt");
        File.WriteAllText(good, "Azerbaijan accused Armenia of provocations.");
        string empty = Path.Combine(_folder, "empty.txt");
        File.WriteAllText(empty, string.Empty);
        var (exit, output, errors) = Run("csv", empty, good, Path.Combine(_folder, "nope.txt"));
        Assert.Equal(1, exit);
        Assert.Contains("empty.txt: error E202", errors, StringComparison.Ordinal);
        Assert.Contains("nope.txt: error E201", errors, StringComparison.Ordinal);
        Assert.StartsWith("doc_id,sentence,source", output, StringComparison.Ordinal);
        Assert.Contains("good,", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Code_NothingReadable_ExitsTwo()
    {
        var (exit, _, errors) = Run("jsonl", Path.Combine(_folder, "nope.txt"));
        Assert.Equal(2, exit);
        Assert.Contains("E201", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Code_TableFormat_ShowsCodeNameAndBracketedTrigger()
    {
        string path = Path.Combine(_folder, "t.txt");
        File.WriteAllText(path, "Azerbaijan accused Armenia of provocations.", Encoding.UTF8);
        var (_, output, _) = Run("table", path);
        Assert.Contains("AZEGOV", output, StringComparison.Ordinal);
        Assert.Contains("[accused", output, StringComparison.Ordinal);
    }
}
