using Dyad.Cli.Commands;
using Xunit;

namespace Dyad.Tests.Cli;

/// <summary><c>dyad dict import --format petrarch</c> and <c>dyad code --dictionaries</c> end to end on small files.</summary>
public sealed class DictImportCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dyad-import-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Import_WritesDyadFilesReportsWarningsAndCodes()
    {
        string actors = Write("t.actors.txt", "ARNOR [ARN]\nGONDOR [GON]\nBROKEN [GON 12345-1]\n");
        string verbs = Write("t.verbs.txt", "--- RESTORE [050] ---\nRESTORE\n- * TIES [050:050]\n");
        string outDir = Path.Combine(_folder, "out");
        var output = new StringWriter();
        var errors = new StringWriter();

        int exit = DictImportCommand.Run("petrarch", [verbs], [actors], [], [], outDir, allowCodes: false, quiet: false, output, errors);

        Assert.Equal(0, exit);
        Assert.Contains("t.actors.txt:3: warning: date in [GON 12345-1]", errors.ToString(), StringComparison.Ordinal);
        Assert.Contains("actors:   3 entries -> 2 countries", output.ToString(), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(outDir, "verbs", "petrarch.txt")));
        Assert.Contains("# t.verbs.txt:3", File.ReadAllText(Path.Combine(outDir, "verbs", "petrarch.txt")), StringComparison.Ordinal);

        string article = Write("a.txt", "Arnor restored ties with Gondor.");
        var coded = new StringWriter();
        var lexicon = DictImportCommand.LoadFolder(outDir).WithConventions(Dyad.Lexicon.CodingConventions.Petrarch);
        Assert.Equal(0, CodeCommand.Run([article], "csv", new DateOnly(1995, 1, 1), 10, quiet: true, coded, new StringWriter(), new StringReader(string.Empty), lexicon: lexicon));
        Assert.Contains("ARN", coded.ToString(), StringComparison.Ordinal);
        Assert.Contains("050", coded.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Import_UnknownFormatOrMissingFile_ExitsTwo()
    {
        Assert.Equal(2, DictImportCommand.Run("tabari-xml", [], [Write("x.txt", "A [B]\n")], [], [], null, false, true, new StringWriter(), new StringWriter()));
        var errors = new StringWriter();
        Assert.Equal(2, DictImportCommand.Run("petrarch", [Path.Combine(_folder, "missing.txt")], [], [], [], null, false, true, new StringWriter(), errors));
        Assert.Contains("no such file", errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void PetrarchValidation_MissingFile_ExitsTwoWithAdvice()
    {
        var errors = new StringWriter();
        Assert.Equal(2, PetrarchValidationCommand.Run(Path.Combine(_folder, "none.xml"), 10, new StringWriter(), errors));
        Assert.Contains("PETRARCH validation XML", errors.ToString(), StringComparison.Ordinal);
    }
}
