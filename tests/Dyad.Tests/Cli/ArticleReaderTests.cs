using System.Text;
using Dyad.Coding.Input;
using Xunit;

namespace Dyad.Tests.Cli;

public sealed class ArticleReaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dyad-input-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static List<InputItem> Read(params string[] inputs) => new ArticleReader(maxArticleBytes: 1024 * 1024).Read(inputs).ToList();

    [Fact]
    public void Read_TextFile_IdIsFileNameWithoutExtension()
    {
        string path = Write("report-1.txt", Encoding.UTF8.GetBytes("Arnor accused Gondor."));
        var item = Assert.Single(Read(path));
        Assert.Equal("report-1", item.Document!.Id);
    }

    [Fact]
    public void Read_MissingFile_GivesE201AndGoesOn()
    {
        string good = Write("good.txt", Encoding.UTF8.GetBytes("Text."));
        var items = Read(Path.Combine(_folder, "missing.txt"), good);
        Assert.Equal(InputErrorCode.E201Missing, items[0].Diagnostic!.Code);
        Assert.Equal("good", items[1].Document!.Id);
    }

    [Fact]
    public void Read_EmptyFile_GivesE202() =>
        Assert.Equal(InputErrorCode.E202Empty, Assert.Single(Read(Write("empty.txt", []))).Diagnostic!.Code);

    [Fact]
    public void Read_BinaryFile_GivesE203() =>
        Assert.Equal(InputErrorCode.E203Binary, Assert.Single(Read(Write("image.txt", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01, 0x02]))).Diagnostic!.Code);

    [Fact]
    public void Read_FileAboveLimit_GivesE204WithSize()
    {
        string path = Write("huge.txt", Encoding.ASCII.GetBytes(new string('a', 2 * 1024 * 1024)));
        var diagnostic = Assert.Single(Read(path)).Diagnostic!;
        Assert.Equal(InputErrorCode.E204TooLarge, diagnostic.Code);
        Assert.Contains("2.0 MB", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Latin1File_DecodesWithWarning()
    {
        string path = Write("latin1.txt", Encoding.Latin1.GetBytes("Le ministre a rencontré son homologue à Genève."));
        var items = Read(path);
        Assert.Equal(InputErrorCode.W206Reencoded, items[0].Diagnostic!.Code);
        Assert.Contains("rencontré", items[1].Document!.Text.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Windows1251File_DecodesCyrillic()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        string path = Write("cyr.txt", Encoding.GetEncoding(1251).GetBytes("Министр иностранных дел заявил."));
        var items = Read(path);
        Assert.Contains("1251", items[0].Diagnostic!.Message, StringComparison.Ordinal);
        Assert.Contains("Министр", items[1].Document!.Text.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_JsonlWithBadLines_ReportsLineAndKeepsOthers()
    {
        string jsonl = """
            {"id": "a", "text": "First.", "date": "2023-04-14"}
            not json
            {"id": "b"}
            {"text": "no id"}

            {"id": 7, "text": "Numeric id."}
            {"id": "c", "text": "Bad date.", "date": "14/04/2023"}
            {"id": "d", "text": "Trunc
            """;
        var items = Read(Write("batch.jsonl", Encoding.UTF8.GetBytes(jsonl)));
        Assert.Equal("a", items[0].Document!.Id);
        Assert.Equal(new DateOnly(2023, 4, 14), items[0].Document!.Metadata.ReportDate);
        Assert.Equal((2, InputErrorCode.E205BadJson), (items[1].Diagnostic!.Line!.Value, items[1].Diagnostic!.Code));
        Assert.Equal(3, items[2].Diagnostic!.Line);
        Assert.Equal(4, items[3].Diagnostic!.Line);
        Assert.Equal("7", items[4].Document!.Id);
        Assert.Equal(7, items[5].Diagnostic!.Line);
        Assert.Equal(8, items[6].Diagnostic!.Line);
        Assert.Equal(7, items.Count);
    }

    [Fact]
    public void Read_Folder_ReadsTxtAndJsonlInNameOrder()
    {
        Write("b.txt", Encoding.UTF8.GetBytes("B."));
        Write("a.jsonl", Encoding.UTF8.GetBytes("{\"id\":\"a1\",\"text\":\"A.\"}\n"));
        Write("c.pdf", [1, 2, 3]);
        var ids = Read(_folder).Select(i => i.Document!.Id).ToArray();
        Assert.Equal(["a1", "b"], ids);
    }

    [Fact]
    public void Read_StandardInputText_IsOneArticle()
    {
        var reader = new ArticleReader(standardInput: new StringReader("Arnor accused Gondor."));
        Assert.Equal("stdin", Assert.Single(reader.Read(["-"])).Document!.Id);
    }
}
