using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Dyad.Coding;
using Dyad.Coding.Learning;
using Dyad.Coding.Input;

namespace Dyad.Cli.Commands;

/// <summary><c>dyad code</c>: code articles into events.</summary>
internal static class CodeCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("INPUT") { Description = "A .txt file (one article), a .jsonl file (one article a line), a folder of those, or - for standard input.", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format") { Description = "Output format: jsonl, csv or table.", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong("jsonl", "csv", "table");
        var date = new Option<string?>("--date") { Description = "Report date (YYYY-MM-DD) for articles whose input gives none." };
        var maxMb = new Option<double>("--max-article-mb") { Description = "Largest article accepted, in MB (a .txt file or one JSONL line).", DefaultValueFactory = _ => 10.0 };
        var quiet = new Option<bool>("--quiet") { Description = "No progress or summary on standard error." };
        var dictionaries = new Option<string?>("--dictionaries") { Description = "Code with the dictionaries in this folder (laid out like src/Dyad.Lexicon/Data, e.g. the output of 'dyad dict import') instead of the shipped ones." };
        var conventions = new Option<string>("--conventions") { Description = "Coding conventions: dyad (CODING_RULES) or petrarch (bare country codes, future acts coded as acts), for dictionaries imported from PETRARCH.", DefaultValueFactory = _ => "dyad" };
        conventions.AcceptOnlyFromAmong("dyad", "petrarch");
        var noParse = new Option<bool>("--no-parse") { Description = "Skip the parser: assign source and target by word order only (coder v1; faster, less accurate)." };
        var decider = CommonOptions.DeciderOption();
        var eventModel = CommonOptions.EventModelOption();
        var command = new Command("code", "Code news articles into CAMEO events (JSONL/CSV/table on standard output, diagnostics on standard error).")
        {
            inputs, format, date, maxMb, quiet, noParse, dictionaries, conventions, decider, eventModel,
        };
        command.SetAction(parse =>
        {
            if (!CommonOptions.TryReportDate("code", parse.GetValue(date), Console.Error, out var reportDate) ||
                !CommonOptions.TryDictionaries("code", parse.GetValue(dictionaries), parse.GetValue(conventions), Console.Error, out var lexicon) ||
                !CommonOptions.TryDecider("code", parse.GetValue(noParse) ? "rules" : parse.GetValue(decider), parse.GetValue(eventModel), Console.Error, out var chosen, out var model, out var encoder))
            {
                return 2;
            }

            return Run(parse.GetValue(inputs)!, parse.GetValue(format)!, reportDate, parse.GetValue(maxMb), parse.GetValue(quiet), Console.Out, Console.Error, Console.In, parseSentences: !parse.GetValue(noParse), lexicon: lexicon, decider: chosen, model: model, encoder: encoder);
        });
        return command;
    }

    /// <summary>Codes every input; returns 0 when all were read, 1 when some failed, 2 when none could be read.</summary>
    public static int Run(IReadOnlyList<string> inputs, string format, DateOnly? reportDate, double maxArticleMb, bool quiet, TextWriter output, TextWriter errors, TextReader standardInput, bool parseSentences = true, Lexicon.Lexicon? lexicon = null,
        EventDecider? decider = null, EventModel? model = null, ITokenEncoder? encoder = null)
    {
        var coder = new DyadCoder(lexicon, parse: parseSentences, decider: decider, model: model, encoder: encoder);
        var reader = new ArticleReader((long)(maxArticleMb * 1024 * 1024), reportDate, standardInput);
        int articles = 0, events = 0, failures = 0, warnings = 0;
        var clock = Stopwatch.StartNew();
        EventWriter.WriteHeader(output, format);
        foreach (var item in reader.Read(inputs))
        {
            if (item.Diagnostic is { } diagnostic)
            {
                errors.WriteLine("dyad code: " + diagnostic);
                if (diagnostic.IsWarning)
                {
                    warnings++;
                }
                else
                {
                    failures++;
                }

                continue;
            }

            var document = item.Document!;
            IReadOnlyList<EventRecord> coded;
            try
            {
                coded = coder.Code(document);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // A defect in a stage must not stop the batch; report it with the article.
                errors.WriteLine($"dyad code: {document.Id}: error E299: coding failed ({ex.GetType().Name}: {ex.Message}); please report this article.");
                failures++;
                continue;
            }

            articles++;
            foreach (var e in coded)
            {
                EventWriter.Write(output, format, e);
                events++;
            }

            if (!quiet && articles % 1000 == 0)
            {
                errors.WriteLine($"dyad code: {articles:N0} articles, {events:N0} events ({articles / clock.Elapsed.TotalSeconds:N0} articles/s)");
            }
        }

        output.Flush();
        if (!quiet)
        {
            errors.WriteLine(string.Create(CultureInfo.InvariantCulture, $"dyad code: {articles} article(s) coded, {events} event(s), {failures} input(s) failed, {warnings} warning(s) in {clock.Elapsed.TotalSeconds:F2} s; dictionaries {coder.Lexicon.Version}."));
        }

        return articles == 0 && failures > 0 ? 2 : failures > 0 ? 1 : 0;
    }
}
