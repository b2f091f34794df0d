using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Dyad.Lexicon.Petrarch;
using Dyad.Text;

namespace Dyad.Coding.Evaluation;

/// <summary>One expected event of a PETRARCH validation record: <c>&lt;EventCoding eventcode sourcecode targetcode/&gt;</c>.</summary>
/// <param name="Code">Event code.</param>
/// <param name="Source">Source actor code.</param>
/// <param name="Target">Target actor code.</param>
public sealed record ValidationEvent(string Code, string Source, string Target)
{
    /// <inheritdoc />
    public override string ToString() => $"{Source}->{Target} {Code}";
}

/// <summary>One <c>&lt;Sentence&gt;</c> record of a PETRARCH validation file.</summary>
public sealed record ValidationRecord
{
    /// <summary>Record id (e.g. DEMO-01).</summary>
    public required string Id { get; init; }

    /// <summary>Category (DEMO, ACTOR, VERB, ...).</summary>
    public required string Category { get; init; }

    /// <summary>Report date (the record's <c>date</c> attribute).</summary>
    public DateOnly? Date { get; init; }

    /// <summary>False when the record says <c>evaluate="false"</c>.</summary>
    public bool Evaluate { get; init; }

    /// <summary>The sentence text.</summary>
    public required string Text { get; init; }

    /// <summary>Expected events (empty for <c>noevents</c> records).</summary>
    public required IReadOnlyList<ValidationEvent> Expected { get; init; }

    /// <summary>The record expects an error (<c>&lt;EventCoding error=...&gt;</c>) rather than events.</summary>
    public bool ExpectsError { get; init; }

    /// <summary>1-based line of the record in the file.</summary>
    public int Line { get; init; }
}

/// <summary>
/// A PETRARCH / UD-PETRARCH validation file (<c>PETR_Validate_records_2_02.xml</c>): its environment (the dictionaries it
/// was written for, the categories to include) and its records. Read with a tolerant reader: the published files are not
/// well-formed XML (comments contain <c>--</c>), so records are found by their tags.
/// </summary>
public sealed partial class PetrarchValidationSuite
{
    /// <summary>The file's folder (dictionary names are relative to it).</summary>
    public required string Folder { get; init; }

    /// <summary>Verb dictionary file name.</summary>
    public string? VerbFile { get; init; }

    /// <summary>Actor dictionary file names.</summary>
    public IReadOnlyList<string> ActorFiles { get; init; } = [];

    /// <summary>Agent dictionary file name.</summary>
    public string? AgentFile { get; init; }

    /// <summary>Discard list file name.</summary>
    public string? DiscardFile { get; init; }

    /// <summary>PETRARCH internal coding ontology file name (negated acts).</summary>
    public string? PicoFile { get; init; }

    /// <summary>Categories to evaluate (<c>&lt;Include&gt;</c>); empty = all.</summary>
    public IReadOnlySet<string> Include { get; init; } = new HashSet<string>();

    /// <summary>All records in file order.</summary>
    public required IReadOnlyList<ValidationRecord> Records { get; init; }

    [GeneratedRegex(@"<Sentence\b(?<attrs>[^>]*)>(?<body>.*?)(?:</Sentence>|(?=<Sentence\b)|$)", RegexOptions.Singleline)]
    private static partial Regex SentenceRegex();

    [GeneratedRegex(@"(?<name>\w+)\s*=\s*""(?<value>[^""]*)""")]
    private static partial Regex AttributeRegex();

    [GeneratedRegex(@"<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex CommentRegex();

    [GeneratedRegex(@"<EventCoding\b(?<attrs>[^>]*)>")]
    private static partial Regex CodingRegex();

    [GeneratedRegex(@"<Text>(?<text>.*?)</Text>", RegexOptions.Singleline)]
    private static partial Regex TextRegex();

    [GeneratedRegex(@"<Environment>(?<body>.*?)</Environment>", RegexOptions.Singleline)]
    private static partial Regex EnvironmentRegex();

    /// <summary>Reads a validation file.</summary>
    public static PetrarchValidationSuite Read(string path)
    {
        // Comments out first (one record in the published file also lacks its </Sentence>); keep their line breaks so
        // that line numbers stay right.
        string xml = CommentRegex().Replace(File.ReadAllText(path), c => new string('\n', c.Value.Count(ch => ch == '\n')));
        string folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        string env = EnvironmentRegex().Match(xml) is { Success: true } e ? CommentRegex().Replace(e.Groups["body"].Value, string.Empty) : string.Empty;
        string? Tag(string name) => Regex.Match(env, $"<{name}>(.*?)</{name}>", RegexOptions.Singleline) is { Success: true } m ? m.Groups[1].Value.Trim() : null;
        var records = new List<ValidationRecord>();
        foreach (Match m in SentenceRegex().Matches(xml))
        {
            var attrs = Attributes(m.Groups["attrs"].Value);
            string body = CommentRegex().Replace(m.Groups["body"].Value, string.Empty);
            var expected = new List<ValidationEvent>();
            bool error = false;
            foreach (Match c in CodingRegex().Matches(body))
            {
                var a = Attributes(c.Groups["attrs"].Value);
                if (a.ContainsKey("error"))
                {
                    error = true;
                }
                else if (a.TryGetValue("eventcode", out string? code))
                {
                    expected.Add(new ValidationEvent(code, a.GetValueOrDefault("sourcecode") ?? "---", a.GetValueOrDefault("targetcode") ?? "---"));
                }
            }

            string text = TextRegex().Match(body) is { Success: true } t ? WebUtility.HtmlDecode(string.Join(' ', t.Groups["text"].Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))) : string.Empty;
            DateOnly? date = DateOnly.TryParseExact(attrs.GetValueOrDefault("date"), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
            records.Add(new ValidationRecord
            {
                Id = attrs.GetValueOrDefault("id") ?? $"line{LineOf(xml, m.Index)}",
                Category = attrs.GetValueOrDefault("category") ?? string.Empty,
                Date = date,
                Evaluate = !string.Equals(attrs.GetValueOrDefault("evaluate"), "false", StringComparison.OrdinalIgnoreCase),
                Text = text,
                Expected = expected,
                ExpectsError = error,
                Line = LineOf(xml, m.Index),
            });
        }

        return new PetrarchValidationSuite
        {
            Folder = folder,
            VerbFile = Tag("Verbfile"),
            ActorFiles = (Tag("Actorfile") ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
            AgentFile = Tag("Agentfile"),
            DiscardFile = Tag("Discardfile"),
            PicoFile = Tag("PICOfile"),
            Include = (Tag("Include") ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal),
            Records = records,
        };
    }

    private static Dictionary<string, string> Attributes(string text) =>
        AttributeRegex().Matches(text).GroupBy(a => a.Groups["name"].Value).ToDictionary(g => g.Key, g => WebUtility.HtmlDecode(g.First().Groups["value"].Value), StringComparer.Ordinal);

    private static int LineOf(string text, int index)
    {
        int line = 1;
        for (int i = 0; i < index; i++)
        {
            if (text[i] == '\n')
            {
                line++;
            }
        }

        return line;
    }

    /// <summary>True when <paramref name="record"/> is scored: evaluate is not false and its category is included.</summary>
    public bool IsScored(ValidationRecord record) => record.Evaluate && (Include.Count == 0 || Include.Contains(record.Category));

    /// <summary>Imports the dictionaries the environment names (relative to the file's folder) into a lexicon.</summary>
    /// <exception cref="FileNotFoundException">When a named dictionary is missing.</exception>
    public PetrarchImport ImportDictionaries()
    {
        PetrarchFile Load(string name)
        {
            string path = Path.Combine(Folder, name);
            return File.Exists(path) ? PetrarchFile.Read(path) : throw new FileNotFoundException($"The validation environment names '{name}', which is not beside the validation file.", path);
        }

        return PetrarchImporter.Import(
            new PetrarchSources
            {
                Verbs = VerbFile is null ? [] : [Load(VerbFile)],
                Actors = ActorFiles.Select(Load).ToList(),
                Agents = AgentFile is null ? [] : [Load(AgentFile)],
                Discards = DiscardFile is null ? [] : [Load(DiscardFile)],
                Pico = PicoFile is null ? null : Load(PicoFile),
            },
            new PetrarchImportOptions { AllowNonCameoCodes = true });
    }
}

/// <summary>The result of one record: what was expected and what Dyad coded.</summary>
/// <param name="Record">The record.</param>
/// <param name="Got">Dyad's events as (code, source, target).</param>
/// <param name="Matched">Events both expected and coded (multiset intersection).</param>
public sealed record ValidationOutcome(ValidationRecord Record, IReadOnlyList<ValidationEvent> Got, int Matched)
{
    /// <summary>The dictionary rules of the coded events (file:line pattern), for the failure list.</summary>
    public IReadOnlyList<string> Rules { get; init; } = [];

    /// <summary>True when the coded events are exactly the expected ones.</summary>
    public bool Passed => Matched == Record.Expected.Count && Matched == Got.Count;
}

/// <summary>Counts over a set of records.</summary>
public sealed record ValidationScore(int Records, int Passed, int Expected, int Got, int Matched)
{
    /// <summary>Share of records whose events are exactly right.</summary>
    public double PassRate => Records == 0 ? 0 : (double)Passed / Records;

    /// <summary>Matched over coded events (1 when nothing was coded).</summary>
    public double Precision => Got == 0 ? 1 : (double)Matched / Got;

    /// <summary>Matched over expected events (1 when nothing was expected).</summary>
    public double Recall => Expected == 0 ? 1 : (double)Matched / Expected;

    /// <summary>Sums outcomes.</summary>
    public static ValidationScore Of(IEnumerable<ValidationOutcome> outcomes)
    {
        var list = outcomes.ToList();
        return new ValidationScore(list.Count, list.Count(o => o.Passed), list.Sum(o => o.Record.Expected.Count), list.Sum(o => o.Got.Count), list.Sum(o => o.Matched));
    }
}

/// <summary>Runs Dyad over a validation suite with the suite's own dictionaries and scores it.</summary>
public static class PetrarchValidationRunner
{
    /// <summary>Codes every scored record of <paramref name="suite"/> with <paramref name="coder"/>.</summary>
    public static List<ValidationOutcome> Run(PetrarchValidationSuite suite, DyadCoder coder)
    {
        var outcomes = new List<ValidationOutcome>();
        foreach (var record in suite.Records.Where(suite.IsScored))
        {
            var events = coder.Code(new Document(record.Id, record.Text, new DocumentMetadata(record.Date)));
            var got = events.Where(e => !e.Negated)
                .Select(e => new ValidationEvent(e.Code, e.Source ?? "---", e.Target ?? "---"))
                .Distinct()
                .ToList();
            var remaining = got.ToList();
            int matched = 0;
            foreach (var expected in record.Expected)
            {
                if (remaining.Remove(expected))
                {
                    matched++;
                }
            }

            outcomes.Add(new ValidationOutcome(record, got, matched) { Rules = events.Select(e => e.Rule).Distinct().ToList() });
        }

        return outcomes;
    }
}
