using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Dyad.Coding;
using Dyad.Coding.Input;
using Dyad.Store;

namespace Dyad.Cli.Commands;

/// <summary><c>dyad ingest</c>, <c>recode</c>, <c>query</c> and <c>export</c>: the event store commands.</summary>
internal static class StoreCommands
{
    public static IEnumerable<Command> Create() => [CreateIngest(), CreateRecode(), CreateQuery(), CreateExport()];

    private static Option<string> StoreOption() => new("--store")
    {
        Description = "The store: a DuckDB file (default ./dyad.duckdb) or postgres://user@host:port/database.",
        DefaultValueFactory = _ => StoreLocation.DefaultPath,
    };

    private static Option<int> BatchOption() => new("--batch-size")
    {
        Description = "Articles per transaction.",
        DefaultValueFactory = _ => 500,
    };

    private static Option<string> ProgressOption()
    {
        var option = new Option<string>("--progress")
        {
            Description = "Progress on standard error: auto (a bar on a terminal, a line every 10 s otherwise), bar, lines (a line per batch) or none.",
            DefaultValueFactory = _ => "auto",
        };
        option.AcceptOnlyFromAmong("auto", "bar", "lines", "none");
        return option;
    }

    private static Command CreateIngest()
    {
        var store = StoreOption();
        var batch = BatchOption();
        var inputs = new Argument<string[]>("INPUT") { Description = "What `dyad code` reads: .txt or .jsonl files, folders of them, or - for standard input.", Arity = ArgumentArity.OneOrMore };
        var date = new Option<string?>("--date") { Description = "Report date (YYYY-MM-DD) for articles whose input gives none." };
        var maxMb = new Option<double>("--max-article-mb") { Description = "Largest article accepted, in MB.", DefaultValueFactory = _ => 10.0 };
        var quiet = new Option<bool>("--quiet") { Description = "No progress bar or summary on standard error." };
        var progressMode = ProgressOption();
        var command = new Command("ingest", "Code articles and store articles, events and mentions; articles already stored are skipped.")
        {
            store, batch, inputs, date, maxMb, quiet, progressMode,
        };
        command.SetAction(async (parse, ct) =>
        {
            DateOnly? reportDate = null;
            if (parse.GetValue(date) is { } rawDate)
            {
                if (!ArticleReader.TryParseDate(rawDate, out var d))
                {
                    Console.Error.WriteLine($"dyad ingest: --date '{rawDate}' is not a date; use YYYY-MM-DD.");
                    return 2;
                }

                reportDate = d;
            }

            var reader = new ArticleReader((long)(parse.GetValue(maxMb) * 1024 * 1024), reportDate, Console.In);
            return await IngestAsync(parse.GetValue(store)!, parse.GetValue(inputs)!, reader, parse.GetValue(batch), parse.GetValue(quiet) ? "none" : parse.GetValue(progressMode)!, Console.Error, ct);
        });
        return command;
    }

    /// <summary>Runs an ingest; 0 when every article was stored or already there, 1 when some failed, 2 on a store error.</summary>
    internal static async Task<int> IngestAsync(string store, IReadOnlyList<string> inputs, ArticleReader reader, int batchSize, string progressMode, TextWriter errors, CancellationToken ct)
    {
        var warnings = new List<string>();
        IEnumerable<IngestItem> Items()
        {
            foreach (var item in reader.Read(inputs))
            {
                if (item.Diagnostic is { } diagnostic)
                {
                    if (diagnostic.IsWarning)
                    {
                        errors.WriteLine("dyad ingest: " + diagnostic);
                        continue;
                    }

                    string origin = diagnostic.Input + (diagnostic.Line is int l ? ":" + l.ToString(CultureInfo.InvariantCulture) : string.Empty);
                    yield return IngestItem.Failed(null, origin, $"E{(int)diagnostic.Code}: {diagnostic.Message}");
                    continue;
                }

                yield return IngestItem.Of(item.Document!);
            }
        }

        try
        {
            await using var eventStore = await EventStores.OpenAsync(store, ct);
            var coder = new DyadArticleCoder(new DyadCoder());
            bool quiet = progressMode == "none";
            var progress = quiet ? null : new ProgressBar(errors, "ingest", progressMode);
            var summary = await new Ingestor(eventStore, coder, batchSize).IngestAsync(Items(), string.Join(' ', inputs), progress, ct);
            progress?.Done();
            var t = summary.Totals;
            if (!quiet)
            {
                errors.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"dyad ingest: {summary.ArticlesRead} article(s) read: {t.ArticlesStored} stored, {t.ArticlesSkipped} already stored, {t.Failures} failed; {t.EventsCreated} new event(s) from {t.MentionsStored} mention(s); {summary.Elapsed.TotalSeconds:F1} s (coding {summary.CodingTime.TotalSeconds:F1} s, store {summary.StoreTime.TotalSeconds:F1} s); dictionaries {coder.Version}; store {eventStore.Location.Display}"));
                if (t.Failures > 0)
                {
                    errors.WriteLine($"dyad ingest: failures are listed with their reason in the store's failures table (run {summary.RunId}).");
                }
            }

            return t.Failures > 0 ? 1 : 0;
        }
        catch (Exception e) when (e is StoreException or FormatException)
        {
            errors.WriteLine("dyad ingest: " + e.Message);
            return 2;
        }
    }

    private static Command CreateRecode()
    {
        var store = StoreOption();
        var batch = BatchOption();
        var quiet = new Option<bool>("--quiet") { Description = "No progress bar or summary on standard error." };
        var progressMode = ProgressOption();
        var command = new Command("recode", "Re-code every stored article with the current dictionaries; events of earlier versions are kept.")
        {
            store, batch, quiet, progressMode,
        };
        command.SetAction(async (parse, ct) =>
        {
            bool q = parse.GetValue(quiet);
            try
            {
                await using var eventStore = await EventStores.OpenAsync(parse.GetValue(store), ct);
                var coder = new DyadArticleCoder(new DyadCoder());
                var progress = q ? null : new ProgressBar(Console.Error, "recode", parse.GetValue(progressMode)!);
                var summary = await new Ingestor(eventStore, coder, parse.GetValue(batch)).RecodeAsync(progress, ct);
                progress?.Done();
                var t = summary.Totals;
                if (!q)
                {
                    Console.Error.WriteLine(string.Create(
                        CultureInfo.InvariantCulture,
                        $"dyad recode: {summary.ArticlesRead} article(s) recoded with dictionaries {coder.Version}: {t.MentionsStored} mention(s), {t.EventsCreated} new event(s), {t.Failures} failed; {summary.Elapsed.TotalSeconds:F1} s"));
                }

                return t.Failures > 0 ? 1 : 0;
            }
            catch (Exception e) when (e is StoreException or FormatException)
            {
                Console.Error.WriteLine("dyad recode: " + e.Message);
                return 2;
            }
        });
        return command;
    }

    /// <summary>The filter options shared by query and export.</summary>
    private sealed class Filters
    {
        public Option<string?> Actor { get; } = new("--actor") { Description = "Actor code prefix, as source or target (AZE matches AZEGOV, AZEMIL...)." };

        public Option<string?> Dyad { get; } = new("--dyad") { Description = "Directed dyad SOURCE,TARGET (code prefixes), e.g. ARM,AZE." };

        public Option<string?> Root { get; } = new("--root") { Description = "CAMEO root (two digits), e.g. 19." };

        public Option<string?> Code { get; } = new("--code") { Description = "CAMEO code or code prefix, e.g. 190." };

        public Option<int?> Quad { get; } = new("--quad") { Description = "Quad class 1-4." };

        public Option<string?> Country { get; } = new("--country") { Description = "ISO 3166 alpha-2 country of the place, e.g. AZ." };

        public Option<string?> Place { get; } = new("--place") { Description = "Place name (case-insensitive)." };

        public Option<string?> From { get; } = new("--from") { Description = "First event day, YYYY-MM-DD (inclusive)." };

        public Option<string?> To { get; } = new("--to") { Description = "Last event day, YYYY-MM-DD (inclusive)." };

        public Option<string?> Text { get; } = new("--text") { Description = "Words that must all occur in the evidence of a mention." };

        public Option<string?> Version { get; } = new("--dict-version") { Description = "Dictionary version of the events (default: the last ingested or recoded; * for all)." };

        public void AddTo(Command command)
        {
            foreach (var option in new Option[] { Actor, Dyad, Root, Code, Quad, Country, Place, From, To, Text, Version })
            {
                command.Options.Add(option);
            }
        }

        /// <summary>The query, or an error message.</summary>
        public (EventQuery? Query, string? Error) Build(ParseResult parse)
        {
            (string, string)? dyad = null;
            if (parse.GetValue(Dyad) is { } rawDyad)
            {
                var parts = rawDyad.Split(',', StringSplitOptions.TrimEntries);
                if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
                {
                    return (null, $"--dyad '{rawDyad}' is not SOURCE,TARGET (e.g. ARM,AZE).");
                }

                dyad = (parts[0], parts[1]);
            }

            DateOnly? from = null, to = null;
            foreach (var (option, name) in new[] { (From, "--from"), (To, "--to") })
            {
                if (parse.GetValue(option) is { } raw)
                {
                    if (!DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                    {
                        return (null, $"{name} '{raw}' is not a date; use YYYY-MM-DD.");
                    }

                    if (name == "--from")
                    {
                        from = d;
                    }
                    else
                    {
                        to = d;
                    }
                }
            }

            foreach (var (value, name) in new[] { (parse.GetValue(Actor), "--actor"), (parse.GetValue(Code), "--code"), (parse.GetValue(Root), "--root"), (dyad?.Item1, "--dyad"), (dyad?.Item2, "--dyad") })
            {
                if (value is not null && (value.Length == 0 || !value.All(char.IsAsciiLetterOrDigit)))
                {
                    return (null, $"{name} '{value}' is not a CAMEO code (letters and digits only).");
                }
            }

            if (parse.GetValue(Quad) is int quad && (quad < 1 || quad > 4))
            {
                return (null, $"--quad {quad} is not a quad class (1-4).");
            }

            return (new EventQuery
            {
                Actor = parse.GetValue(Actor),
                Dyad = dyad,
                Root = parse.GetValue(Root),
                Code = parse.GetValue(Code),
                Quad = parse.GetValue(Quad),
                Country = parse.GetValue(Country),
                Place = parse.GetValue(Place),
                From = from,
                To = to,
                Text = parse.GetValue(Text),
                Version = parse.GetValue(Version),
            }, null);
        }
    }

    private static Command CreateQuery()
    {
        var store = StoreOption();
        var filters = new Filters();
        var by = new Option<string?>("--by") { Description = "Aggregate by dyad and day, week or month: count, mentions, Goldstein sum and mean." };
        by.AcceptOnlyFromAmong("day", "week", "month");
        var format = new Option<string>("--format") { Description = "Output format: table, csv or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv", "json");
        var limit = new Option<int?>("--limit") { Description = "Largest number of rows." };
        var command = new Command("query", "Query stored events by actor, dyad, code, place, period and text; list them or aggregate by dyad and period.") { store, by, format, limit };
        filters.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var (query, error) = filters.Build(parse);
            if (query is null)
            {
                Console.Error.WriteLine("dyad query: " + error);
                return 2;
            }

            query = query with
            {
                By = parse.GetValue(by) switch { "day" => Period.Day, "week" => Period.Week, "month" => Period.Month, _ => null },
                Limit = parse.GetValue(limit),
            };
            try
            {
                await using var eventStore = await EventStores.OpenAsync(parse.GetValue(store), ct);
                var table = await eventStore.QueryAsync(query, ct);
                WriteTable(Console.Out, table, parse.GetValue(format)!);
                Console.Out.Flush();
                return 0;
            }
            catch (Exception e) when (e is StoreException or FormatException)
            {
                Console.Error.WriteLine("dyad query: " + e.Message);
                return 2;
            }
        });
        return command;
    }

    /// <summary>Writes a query result as an aligned table, CSV (header row) or a JSON array of objects.</summary>
    internal static void WriteTable(TextWriter output, QueryTable table, string format)
    {
        switch (format)
        {
            case "csv":
                output.WriteLine(string.Join(',', table.Columns));
                foreach (var row in table.Rows)
                {
                    output.WriteLine(string.Join(',', row.Select(v => Csv(Format(v)))));
                }

                break;
            case "json":
                output.WriteLine(ToJson(table));
                break;
            default:
                var cells = table.Rows.Select(r => r.Select(v => Cut(Format(v) ?? "-", 60)).ToArray()).ToList();
                var widths = table.Columns.Select((c, i) => Math.Max(c.Length, cells.Count == 0 ? 0 : cells.Max(r => r[i].Length))).ToArray();
                output.WriteLine(string.Join("  ", table.Columns.Select((c, i) => c.PadRight(widths[i]))).TrimEnd());
                output.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
                foreach (var row in cells)
                {
                    output.WriteLine(string.Join("  ", row.Select((v, i) => IsNumber(v) ? v.PadLeft(widths[i]) : v.PadRight(widths[i]))).TrimEnd());
                }

                output.WriteLine($"({table.Rows.Count} row{(table.Rows.Count == 1 ? string.Empty : "s")})");
                break;
        }
    }

    /// <summary>A JSON array with one object per row (column names as keys).</summary>
    internal static string ToJson(QueryTable table)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            foreach (var row in table.Rows)
            {
                json.WriteStartObject();
                for (int i = 0; i < table.Columns.Count; i++)
                {
                    json.WritePropertyName(table.Columns[i]);
                    switch (row[i])
                    {
                        case null: json.WriteNullValue(); break;
                        case long l: json.WriteNumberValue(l); break;
                        case double d: json.WriteNumberValue(Math.Round(d, 6)); break;
                        case bool b: json.WriteBooleanValue(b); break;
                        default: json.WriteStringValue(Format(row[i])); break;
                    }
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static Command CreateExport()
    {
        var store = StoreOption();
        var filters = new Filters();
        var format = new Option<string>("--format") { Description = "csv (GDELT 2.0 columns with a header), gdelt (GDELT's tab-separated file, no header), parquet or jsonl.", Required = true };
        format.AcceptOnlyFromAmong("csv", "gdelt", "parquet", "jsonl");
        var output = new Option<string?>("--output") { Description = "Output file (standard output when absent, except for parquet)." };
        var command = new Command("export", "Export stored events as GDELT-layout CSV, Parquet or JSONL.") { store, format, output };
        filters.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var (query, error) = filters.Build(parse);
            string fmt = parse.GetValue(format)!;
            string? path = parse.GetValue(output);
            if (query is null || (fmt == "parquet" && path is null))
            {
                Console.Error.WriteLine("dyad export: " + (error ?? "--format parquet needs --output FILE."));
                return 2;
            }

            try
            {
                await using var eventStore = await EventStores.OpenAsync(parse.GetValue(store), ct);
                long n = await ExportAsync(eventStore, query, fmt, path, ct);
                Console.Error.WriteLine($"dyad export: {n} event(s) written{(path is null ? string.Empty : " to " + path)}.");
                return 0;
            }
            catch (Exception e) when (e is StoreException or FormatException or IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine("dyad export: " + e.Message);
                return 2;
            }
        });
        return command;
    }

    /// <summary>Exports the events matching <paramref name="query"/> to <paramref name="path"/> (standard output when null).</summary>
    internal static async Task<long> ExportAsync(IEventStore store, EventQuery query, string format, string? path, CancellationToken ct)
    {
        if (format == "parquet")
        {
            string temp = path! + ".partial";
            long written = await store.ExportParquetAsync(query, temp, ct);
            File.Move(temp, path!, overwrite: true);
            return written;
        }

        var events = store.ReadEventsAsync(query, ct);
        TextWriter writer = path is null
            ? new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16)
            : new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        await using (writer)
        {
            return format switch
            {
                "jsonl" => await EventExport.WriteJsonLinesAsync(events, writer, ct),
                "gdelt" => await EventExport.WriteGdeltAsync(events, writer, '\t', header: false, ct),
                _ => await EventExport.WriteGdeltAsync(events, writer, ',', header: true, ct),
            };
        }
    }

    private static string? Format(object? value) => value switch
    {
        null => null,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double d => d.ToString("0.###", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static bool IsNumber(string s) => s.Length > 0 && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private static string Cut(string s, int max) => s.Length <= max ? s : string.Concat(s.AsSpan(0, max - 1), "…");

    private static string Csv(string? value) =>
        value is null ? string.Empty
        : value.AsSpan().IndexOfAny(",\"\n\r") < 0 ? value
        : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>A progress line on standard error: a bar on a terminal, a line per ~10 s otherwise.</summary>
    private sealed class ProgressBar(TextWriter errors, string verb, string mode) : IProgress<IngestProgress>
    {
        private readonly bool _terminal = mode == "bar" || (mode == "auto" && !Console.IsErrorRedirected);
        private readonly TimeSpan _every = mode == "lines" ? TimeSpan.Zero : TimeSpan.FromSeconds(10);
        private TimeSpan _lastLine;
        private bool _drawn;

        public void Report(IngestProgress value)
        {
            var t = value.Totals;
            double rate = value.Elapsed.TotalSeconds > 0 ? value.ArticlesRead / value.Elapsed.TotalSeconds : 0;
            string text = string.Create(CultureInfo.InvariantCulture, $"{value.ArticlesRead:N0} read, {t.ArticlesStored:N0} stored, {t.ArticlesSkipped:N0} skipped, {t.Failures:N0} failed, {t.EventsCreated:N0} events ({rate:N0} articles/s)");
            if (_terminal)
            {
                int spin = (int)(value.ArticlesRead / 500 % 20);
                string bar = new string('=', spin) + '>' + new string(' ', 19 - spin);
                errors.Write($"\rdyad {verb} [{bar}] {text}   ");
                _drawn = true;
            }
            else if (value.Elapsed - _lastLine >= _every)
            {
                _lastLine = value.Elapsed;
                errors.WriteLine($"dyad {verb}: {text}");
                errors.Flush();
            }
        }

        public void Done()
        {
            if (_drawn)
            {
                errors.WriteLine();
            }
        }
    }
}
