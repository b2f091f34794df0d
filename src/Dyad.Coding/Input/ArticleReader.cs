using System.Globalization;
using System.Text;
using System.Text.Json;
using Dyad.Text;

namespace Dyad.Coding.Input;

/// <summary>Error codes of input reading; tests assert on the code.</summary>
public enum InputErrorCode
{
    /// <summary>E201: the file or folder does not exist.</summary>
    E201Missing = 201,
    /// <summary>E202: the input is empty (or only white space).</summary>
    E202Empty = 202,
    /// <summary>E203: the input is binary, not text.</summary>
    E203Binary = 203,
    /// <summary>E204: the input is larger than the limit for one article.</summary>
    E204TooLarge = 204,
    /// <summary>E205: a JSONL line is not valid JSON or lacks a required field.</summary>
    E205BadJson = 205,
    /// <summary>E206: the file is not valid UTF-8 and was decoded with a fallback encoding (warning).</summary>
    W206Reencoded = 206,
    /// <summary>E207: the file could not be read (permissions, I/O).</summary>
    E207Unreadable = 207,
    /// <summary>E208: a file type Dyad does not read.</summary>
    E208UnsupportedType = 208,
}

/// <summary>A problem with one input: which input, which line (JSONL), what and whether it is only a warning.</summary>
/// <param name="Input">The input path (or <c>-</c>).</param>
/// <param name="Line">1-based line for JSONL records, else null.</param>
/// <param name="Code">The error code.</param>
/// <param name="Message">What is wrong and what to do.</param>
public sealed record InputDiagnostic(string Input, int? Line, InputErrorCode Code, string Message)
{
    /// <summary>True for warnings (the article was still read).</summary>
    public bool IsWarning => Code == InputErrorCode.W206Reencoded;

    /// <inheritdoc />
    public override string ToString() =>
        $"{Input}{(Line is int l ? ":" + l.ToString(CultureInfo.InvariantCulture) : string.Empty)}: {(IsWarning ? "warning" : "error")} {(IsWarning ? "W" : "E")}{(int)Code}: {Message}";
}

/// <summary>One item read from the inputs: an article, or a diagnostic about an input that could not be read.</summary>
public sealed record InputItem(Document? Document, InputDiagnostic? Diagnostic);

/// <summary>
/// Reads articles from files, folders and standard input: <c>.txt</c> (one article; id = file name without
/// extension), <c>.jsonl</c> (one article a line: id, text, date?, title?, url?, source?), folders of those,
/// and <c>-</c>. Never throws for bad input: each problem becomes an <see cref="InputDiagnostic"/> naming the
/// input and line, and reading goes on with the next article.
/// </summary>
public sealed class ArticleReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static ArticleReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Creates a reader.</summary>
    /// <param name="maxArticleBytes">Largest article accepted (a .txt file or one JSONL line), in bytes.</param>
    /// <param name="defaultDate">Report date for articles that carry none (from --date).</param>
    /// <param name="standardInput">Where <c>-</c> reads from (the console when null).</param>
    public ArticleReader(long maxArticleBytes = 10 * 1024 * 1024, DateOnly? defaultDate = null, TextReader? standardInput = null)
    {
        MaxArticleBytes = maxArticleBytes;
        DefaultDate = defaultDate;
        StandardInput = standardInput;
    }

    /// <summary>Largest article accepted, in bytes.</summary>
    public long MaxArticleBytes { get; }

    /// <summary>Report date given on the command line.</summary>
    public DateOnly? DefaultDate { get; }

    private TextReader? StandardInput { get; }

    /// <summary>Reads every input in order, yielding articles and diagnostics as they come.</summary>
    public IEnumerable<InputItem> Read(IEnumerable<string> inputs)
    {
        foreach (string input in inputs)
        {
            foreach (var item in ReadOne(input))
            {
                yield return item;
            }
        }
    }

    private IEnumerable<InputItem> ReadOne(string input)
    {
        if (input == "-")
        {
            foreach (var item in ReadStandardInput())
            {
                yield return item;
            }

            yield break;
        }

        if (Directory.Exists(input))
        {
            var files = Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)
                .ToList();
            if (files.Count == 0)
            {
                yield return Fail(input, null, InputErrorCode.E202Empty, "The folder has no .txt or .jsonl files.");
            }

            foreach (string file in files)
            {
                foreach (var item in ReadFile(file))
                {
                    yield return item;
                }
            }

            yield break;
        }

        if (!File.Exists(input))
        {
            yield return Fail(input, null, InputErrorCode.E201Missing, "No such file or folder. Give a .txt or .jsonl file, a folder of them, or - for standard input.");
            yield break;
        }

        foreach (var item in ReadFile(input))
        {
            yield return item;
        }
    }

    private IEnumerable<InputItem> ReadFile(string path)
    {
        if (path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase))
        {
            Stream? stream = null;
            InputItem? failure = null;
            try
            {
                stream = File.OpenRead(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                failure = Fail(path, null, InputErrorCode.E207Unreadable, ex.Message);
            }

            if (failure is not null)
            {
                yield return failure;
                yield break;
            }

            using (stream)
            {
                foreach (var item in ReadJsonLines(path, stream!))
                {
                    yield return item;
                }
            }

            yield break;
        }

        if (!path.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) && !path.EndsWith(".text", StringComparison.OrdinalIgnoreCase))
        {
            yield return Fail(path, null, InputErrorCode.E208UnsupportedType, "Unsupported file type: give a .txt file (one article) or a .jsonl file (one article a line).");
            yield break;
        }

        string id = Path.GetFileNameWithoutExtension(path);
        var (bytes, problem) = ReadArticleFile(path);
        if (problem is not null)
        {
            yield return problem;
            yield break;
        }

        foreach (var item in FromBytes(path, id, bytes, null, DocumentMetadata.None with { ReportDate = DefaultDate }))
        {
            yield return item;
        }
    }

    private (byte[] Bytes, InputItem? Problem) ReadArticleFile(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (info.Length > MaxArticleBytes)
            {
                return ([], Fail(path, null, InputErrorCode.E204TooLarge,
                    $"The file is {info.Length / 1048576.0:F1} MB, above the {MaxArticleBytes / 1048576.0:F1} MB limit for one article. Split it into articles (one .txt each, or a .jsonl file) or raise --max-article-mb."));
            }

            return (File.ReadAllBytes(path), null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ([], Fail(path, null, InputErrorCode.E207Unreadable, ex.Message));
        }
    }

    private IEnumerable<InputItem> ReadStandardInput()
    {
        var reader = StandardInput ?? Console.In;
        string all = reader.ReadToEnd();
        string trimmed = all.TrimStart();
        if (trimmed.StartsWith('{'))
        {
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(all));
            foreach (var item in ReadJsonLines("-", stream))
            {
                yield return item;
            }

            yield break;
        }

        foreach (var item in FromText("-", "stdin", all, null, DocumentMetadata.None with { ReportDate = DefaultDate }))
        {
            yield return item;
        }
    }

    private IEnumerable<InputItem> ReadJsonLines(string path, Stream stream)
    {
        int lineNumber = 0;
        bool any = false;
        foreach (var (line, tooLong) in ReadLines(stream))
        {
            lineNumber++;
            if (tooLong)
            {
                any = true;
                yield return Fail(path, lineNumber, InputErrorCode.E204TooLarge, $"The line is longer than the {MaxArticleBytes / 1048576.0:F1} MB limit for one article; it was skipped.");
                continue;
            }

            if (line.Length == 0 || line.All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r'))
            {
                continue;
            }

            any = true;
            var item = ParseJsonLine(path, lineNumber, line);
            yield return item;
        }

        if (!any)
        {
            yield return Fail(path, null, InputErrorCode.E202Empty, "The file has no JSONL records.");
        }
    }

    private InputItem ParseJsonLine(string path, int lineNumber, byte[] line)
    {
        try
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Fail(path, lineNumber, InputErrorCode.E205BadJson, "Expected a JSON object {\"id\", \"text\", ...}.");
            }

            string? id = root.TryGetProperty("id", out var idElement)
                ? idElement.ValueKind switch
                {
                    JsonValueKind.String => idElement.GetString(),
                    JsonValueKind.Number => idElement.GetRawText(),
                    _ => null,
                }
                : null;
            if (string.IsNullOrWhiteSpace(id))
            {
                return Fail(path, lineNumber, InputErrorCode.E205BadJson, "Missing \"id\" (a string or number).");
            }

            if (!root.TryGetProperty("text", out var textElement) || textElement.ValueKind != JsonValueKind.String)
            {
                return Fail(path, lineNumber, InputErrorCode.E205BadJson, $"Record '{id}' has no \"text\" string.");
            }

            DateOnly? date = DefaultDate;
            if (root.TryGetProperty("date", out var dateElement) && dateElement.ValueKind == JsonValueKind.String)
            {
                string raw = dateElement.GetString()!;
                if (!TryParseDate(raw, out var parsed))
                {
                    return Fail(path, lineNumber, InputErrorCode.E205BadJson, $"Record '{id}' has a \"date\" that is not YYYY-MM-DD: '{raw}'.");
                }

                date = parsed;
            }

            var metadata = new DocumentMetadata(
                date,
                OptionalString(root, "title"),
                OptionalString(root, "url"),
                OptionalString(root, "source"));
            return FromText(path, id, textElement.GetString()!, lineNumber, metadata).First();
        }
        catch (JsonException ex)
        {
            string reason = ex.Message.Split(" LineNumber:")[0].Split(" Path:")[0].TrimEnd('.', ' ');
            string where = ex.BytePositionInLine is long column ? $" at byte {column + 1}" : string.Empty;
            return Fail(path, lineNumber, InputErrorCode.E205BadJson, $"Not valid JSON{where}: {reason}. The line was skipped.");
        }
    }

    /// <summary>Parses YYYY-MM-DD or an ISO date-time (the date part is kept).</summary>
    public static bool TryParseDate(string raw, out DateOnly date)
    {
        if (DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return true;
        }

        if (DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dto))
        {
            date = DateOnly.FromDateTime(dto.DateTime);
            return true;
        }

        return false;
    }

    private static string? OptionalString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;

    private IEnumerable<InputItem> FromBytes(string path, string id, byte[] bytes, int? line, DocumentMetadata metadata)
    {
        if (bytes.Length == 0)
        {
            yield return Fail(path, line, InputErrorCode.E202Empty, "The file is empty.");
            yield break;
        }

        if (LooksBinary(bytes))
        {
            yield return Fail(path, line, InputErrorCode.E203Binary, "The file is binary (NUL bytes or control characters), not text. Give plain UTF-8 text.");
            yield break;
        }

        string text;
        InputDiagnostic? warning = null;
        try
        {
            text = DecodeWithBom(bytes) ?? StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            var (encoding, name) = GuessLegacyEncoding(bytes);
            text = encoding.GetString(bytes);
            warning = new InputDiagnostic(path, line, InputErrorCode.W206Reencoded, $"Not valid UTF-8; decoded as {name}. Convert the file to UTF-8 to be sure of its characters.");
        }

        if (warning is not null)
        {
            yield return new InputItem(null, warning);
        }

        foreach (var item in FromText(path, id, text, line, metadata))
        {
            yield return item;
        }
    }

    private static IEnumerable<InputItem> FromText(string path, string id, string text, int? line, DocumentMetadata metadata)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            yield return Fail(path, line, InputErrorCode.E202Empty, line is null ? "The input is empty." : $"Record '{id}' has an empty text.");
            yield break;
        }

        if (text.Contains('\0'))
        {
            yield return Fail(path, line, InputErrorCode.E203Binary, "The text contains NUL characters; it is not plain text.");
            yield break;
        }

        yield return new InputItem(new Document(id, text, metadata), null);
    }

    private static string? DecodeWithBom(byte[] bytes)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            return StrictUtf8.GetString(bytes, 3, bytes.Length - 3);
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            return Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            return Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2);
        }

        return null;
    }

    /// <summary>True when the bytes have NUL bytes or many control characters (binary files).</summary>
    internal static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        int sample = Math.Min(bytes.Length, 8192);
        int control = 0;
        for (int i = 0; i < sample; i++)
        {
            byte b = bytes[i];
            if (b == 0)
            {
                return true;
            }

            if (b < 0x20 && b is not ((byte)'\n' or (byte)'\r' or (byte)'\t' or 0x0C))
            {
                control++;
            }
        }

        return control > sample / 20;
    }

    /// <summary>
    /// Windows-1251 (Cyrillic) when high bytes come in runs (whole words), else Windows-1252/Latin-1 (accented letters
    /// inside Latin words).
    /// </summary>
    internal static (Encoding Encoding, string Name) GuessLegacyEncoding(ReadOnlySpan<byte> bytes)
    {
        int high = 0, runs = 0;
        bool inRun = false;
        foreach (byte b in bytes)
        {
            if (b >= 0xC0)
            {
                high++;
                if (!inRun)
                {
                    runs++;
                    inRun = true;
                }
            }
            else
            {
                inRun = false;
            }
        }

        double averageRun = runs == 0 ? 0 : (double)high / runs;
        return averageRun >= 2.5
            ? (Encoding.GetEncoding(1251), "Windows-1251 (Cyrillic)")
            : (Encoding.GetEncoding(1252), "Windows-1252 (Latin-1)");
    }

    private IEnumerable<(byte[] Line, bool TooLong)> ReadLines(Stream stream)
    {
        var buffer = new MemoryStream();
        bool tooLong = false;
        int b;
        var reader = new BufferedStream(stream, 1 << 16);
        while ((b = reader.ReadByte()) >= 0)
        {
            if (b == '\n')
            {
                yield return (tooLong ? [] : buffer.ToArray(), tooLong);
                buffer.SetLength(0);
                tooLong = false;
                continue;
            }

            if (buffer.Length >= MaxArticleBytes)
            {
                tooLong = true;
                continue;
            }

            buffer.WriteByte((byte)b);
        }

        if (buffer.Length > 0 || tooLong)
        {
            yield return (tooLong ? [] : buffer.ToArray(), tooLong);
        }
    }

    private static InputItem Fail(string input, int? line, InputErrorCode code, string message) =>
        new(null, new InputDiagnostic(input, line, code, message));
}
