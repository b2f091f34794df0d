using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Dyad.Coding;
using Dyad.Coding.Evaluation;
using Dyad.Coding.Learning;
using Dyad.Text;

namespace Dyad.Cli.Commands;

/// <summary><c>dyad eval</c>: score Dyad (or a predictions file) against a gold set.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var gold = new Option<string?>("--gold") { Description = "Gold JSONL file (schema of ../shared/eval/dev-gold.jsonl)." };
        var petrarch = new Option<string?>("--petrarch-validation") { Description = "A PETRARCH validation file (PETR_Validate_records_2_02.xml): code its records with only the dictionaries its <Environment> names and score them." };
        var pred = new Option<string?>("--pred") { Description = "Predicted events (JSONL event records with doc_id); when omitted, Dyad codes the gold texts itself." };
        var seedDir = new Option<string?>("--seed-dir") { Description = "Folder for '@seed:FILE' texts (default: a 'seed' folder beside the gold file's folder)." };
        var list = new Option<int>("--list") { Description = "How many misses and false positives to list (0 = none).", DefaultValueFactory = _ => 1000 };
        var dictionaries = new Option<string?>("--dictionaries") { Description = "Code the gold texts with the dictionaries in this folder (e.g. the output of 'dyad dict import') instead of the shipped ones." };
        var conventions = new Option<string>("--conventions") { Description = "Coding conventions with --dictionaries: dyad or petrarch.", DefaultValueFactory = _ => "dyad" };
        conventions.AcceptOnlyFromAmong("dyad", "petrarch");
        var decider = CommonOptions.DeciderOption();
        var eventModel = CommonOptions.EventModelOption();
        var actMargin = new Option<float?>("--act-margin") { Description = "Decode the event model with this act margin instead of its own (tuning)." };
        var roleMargin = new Option<float?>("--role-margin") { Description = "Decode the event model with this role margin instead of its own (tuning)." };
        var veto = new Option<float?>("--veto-margin") { Description = "With --decider combined: drop rule events the model scores more than this below 'no act' (default -15; -1000 keeps all but those read as alleged, hedged or generic)." };
        var only = new Option<string[]>("--only") { Description = "Score only the gold items whose id starts with one of these prefixes (cross-validation folds).", AllowMultipleArgumentsPerToken = true };
        var command = new Command("eval", "Precision, recall and F1 against a gold set: by root and full code, with misses and false positives and their evidence.")
        {
            gold, pred, seedDir, list, petrarch, dictionaries, conventions, decider, eventModel, actMargin, roleMargin, veto, only,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(petrarch) is string validation)
            {
                return PetrarchValidationCommand.Run(validation, parse.GetValue(list), Console.Out, Console.Error, Environment.GetEnvironmentVariable("DYAD_EVAL_RULES") == "1");
            }

            if (parse.GetValue(gold) is not string goldPath)
            {
                Console.Error.WriteLine("dyad eval: give --gold FILE (a gold JSONL file such as ../shared/eval/dev-gold.jsonl) or --petrarch-validation FILE (a PETRARCH validation XML file).");
                return 2;
            }

            if (!CommonOptions.TryDictionaries("eval", parse.GetValue(dictionaries), parse.GetValue(conventions), Console.Error, out var lexicon) ||
                !CommonOptions.TryDecider("eval", parse.GetValue(decider), parse.GetValue(eventModel), Console.Error, out var chosen, out var model, out var encoder))
            {
                return 2;
            }

            if (model is not null && (parse.GetValue(actMargin) is not null || parse.GetValue(roleMargin) is not null))
            {
                model = model.WithMargins(parse.GetValue(actMargin) ?? model.Settings.RootMargin, parse.GetValue(roleMargin) ?? model.Settings.RoleMargin);
            }

            return Run(goldPath, parse.GetValue(pred), parse.GetValue(seedDir), parse.GetValue(list), Console.Out, Console.Error, lexicon, chosen, model, parse.GetValue(veto) ?? LearnedEventStage.DefaultVetoMargin, parse.GetValue(only), encoder);
        });
        return command;
    }

    public static int Run(string goldPath, string? predPath, string? seedDir, int listLimit, TextWriter output, TextWriter errors, Lexicon.Lexicon? lexicon = null,
        EventDecider? decider = null, EventModel? model = null, float vetoMargin = LearnedEventStage.DefaultVetoMargin, IReadOnlyList<string>? only = null, ITokenEncoder? encoder = null)
    {
        if (!File.Exists(goldPath))
        {
            errors.WriteLine($"dyad eval: {goldPath}: no such gold file. Give --gold the path of a gold JSONL file (for example ../shared/eval/dev-gold.jsonl).");
            return 2;
        }

        seedDir ??= DefaultSeedDir(goldPath);
        var problems = new List<string>();
        var items = GoldItem.ReadFile(goldPath, seedDir, problems);
        foreach (string p in problems)
        {
            errors.WriteLine("dyad eval: " + p);
        }

        if (only is { Count: > 0 })
        {
            items = items.Where(i => only.Any(p => i.Id.StartsWith(p, StringComparison.Ordinal))).ToList();
        }

        if (items.Count == 0)
        {
            errors.WriteLine("dyad eval: no gold items could be read; each line must be an object with \"id\", \"text\" and \"events\" (see the problems above).");
            return 2;
        }

        Dictionary<string, IReadOnlyList<EventRecord>> system;
        if (predPath is not null)
        {
            if (!File.Exists(predPath))
            {
                errors.WriteLine($"dyad eval: {predPath}: no such predictions file. Give --pred the JSONL output of 'dyad code', or omit it to let Dyad code the gold texts.");
                return 2;
            }

            system = ReadPredictions(predPath, errors);
        }
        else
        {
            var coder = new DyadCoder(lexicon, decider: decider, model: model, vetoMargin: vetoMargin, encoder: encoder);
            system = items.ToDictionary(
                i => i.Id,
                i => coder.Code(new Document(i.Id, i.Text, new DocumentMetadata(i.DatelineDate))));
        }

        var report = Scorer.Score(items, system);
        Print(report, output, listLimit);
        return 0;
    }

    private static string? DefaultSeedDir(string goldPath)
    {
        string? folder = Path.GetDirectoryName(Path.GetFullPath(goldPath));
        string? candidate = folder is null ? null : Path.Combine(Path.GetDirectoryName(folder) ?? folder, "seed");
        return candidate is not null && Directory.Exists(candidate) ? candidate : null;
    }

    private static Dictionary<string, IReadOnlyList<EventRecord>> ReadPredictions(string path, TextWriter errors)
    {
        var byDoc = new Dictionary<string, List<EventRecord>>(StringComparer.Ordinal);
        int lineNumber = 0;
        foreach (string line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                var record = JsonSerializer.Deserialize(line, EventJsonContext.Default.EventRecord);
                if (record is null)
                {
                    continue;
                }

                if (!byDoc.TryGetValue(record.DocId, out var list))
                {
                    byDoc[record.DocId] = list = [];
                }

                list.Add(record);
            }
            catch (JsonException ex)
            {
                errors.WriteLine($"dyad eval: {path}:{lineNumber}: not an event record ({ex.Message.Split(" Path:")[0]}); skipped.");
            }
        }

        return byDoc.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<EventRecord>)kv.Value);
    }

    private static void Print(EvaluationReport report, TextWriter o, int listLimit)
    {
        var inv = CultureInfo.InvariantCulture;
        o.WriteLine(string.Create(inv, $"Dyad evaluation: {report.Items} items, {report.Overall.TruePositives + report.Overall.FalseNegatives} required gold events, {report.Matched.Count + report.FalsePositives.Count + report.AbsorbedByOptional} system events ({report.AbsorbedByOptional} absorbed by OPTIONAL gold)."));
        o.WriteLine();
        o.WriteLine("Root level, source and target countries right (CODING_RULES 15):");
        o.WriteLine(string.Create(inv, $"  precision {report.Overall.Precision:F3}   recall {report.Overall.Recall:F3}   F1 {report.Overall.F1:F3}   (TP {report.Overall.TruePositives}, FP {report.Overall.FalsePositives}, FN {report.Overall.FalseNegatives})"));
        o.WriteLine(string.Create(inv, $"  over matched events: full code {report.FullCodeAccuracy:P1}, code to 3 digits {report.PartialCodeAccuracy:P1}, actors at country+role level {report.RoleAccuracy:P1}"));
        o.WriteLine(string.Create(inv, $"  negative items with no event: {report.NegativeItemsClean} of {report.NegativeItems}"));
        o.WriteLine();
        o.WriteLine("Where and when, over matched events (CODING_RULES 15.6-15.7):");
        foreach (string line in Dyad.Coding.WhereWhen.PlaceDateScoring.Score(report.Matched).Lines())
        {
            o.WriteLine(line);
        }

        o.WriteLine();
        o.WriteLine("By root:            gold-TP   FN   FP   precision  recall  F1");
        foreach (var (root, s) in report.ByRoot)
        {
            o.WriteLine(string.Create(inv, $"  {root,-16} {s.TruePositives,8} {s.FalseNegatives,4} {s.FalsePositives,4}   {s.Precision,9:F3} {s.Recall,7:F3} {s.F1,5:F3}"));
        }

        o.WriteLine();
        o.WriteLine("By category:        TP   FN   FP   precision  recall  F1");
        foreach (var (category, s) in report.ByCategory)
        {
            o.WriteLine(string.Create(inv, $"  {category,-16} {s.TruePositives,4} {s.FalseNegatives,4} {s.FalsePositives,4}   {s.Precision,9:F3} {s.Recall,7:F3} {s.F1,5:F3}"));
        }

        if (listLimit <= 0)
        {
            return;
        }

        o.WriteLine();
        o.WriteLine($"Misses ({report.Misses.Count}):");
        foreach (var (item, g) in report.Misses.Take(listLimit))
        {
            o.WriteLine($"  {item.Id}: {g.Source ?? "-"} -> {g.Target ?? "-"} {g.Code}{(g.Negated ? " (negated)" : string.Empty)}: {g.Note}");
        }

        o.WriteLine();
        o.WriteLine($"False positives ({report.FalsePositives.Count}):");
        foreach (var (item, e) in report.FalsePositives.Take(listLimit))
        {
            o.WriteLine($"  {item.Id}: {e.Source ?? "-"} -> {e.Target ?? "-"} {e.Code}{(e.Negated ? " (negated)" : string.Empty)} [{e.Rule}] \"{e.Trigger.Text}\" in: {Short(e.Evidence.Text)}");
        }

        var wrongPlaces = report.Matched.Where(p => p.Gold.HasLocation && !string.Equals(p.System.Location?.Country, p.Gold.PlaceCountry, StringComparison.Ordinal)).ToList();
        var wrongDates = report.Matched.Where(p => p.Gold.EventDate is not null && p.System.Date != p.Gold.EventDate).ToList();
        o.WriteLine();
        o.WriteLine($"Matched events with the wrong location country ({wrongPlaces.Count}) or date ({wrongDates.Count}):");
        foreach (var p in wrongPlaces.Take(listLimit))
        {
            o.WriteLine($"  {p.ItemId}: {p.System.Source ?? "-"} -> {p.System.Target ?? "-"} {p.System.Code}: place gold {p.Gold.PlaceName} ({p.Gold.PlaceCountry ?? "-"}), system {p.System.Location?.Name ?? "none"} ({p.System.Location?.Country ?? "-"})");
        }

        foreach (var p in wrongDates.Take(listLimit))
        {
            o.WriteLine($"  {p.ItemId}: {p.System.Source ?? "-"} -> {p.System.Target ?? "-"} {p.System.Code}: date gold {p.Gold.EventDate}, system {p.System.Date ?? "none"}");
        }
    }

    private static string Short(string s)
    {
        s = s.Replace('\n', ' ');
        return s.Length <= 160 ? s : s[..159] + "…";
    }
}
