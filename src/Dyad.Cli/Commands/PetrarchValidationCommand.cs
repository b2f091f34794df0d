using System.Globalization;
using Dyad.Coding;
using Dyad.Coding.Evaluation;

namespace Dyad.Cli.Commands;

/// <summary><c>dyad eval --petrarch-validation FILE</c>: the PETRARCH validation suite coded by Dyad with the suite's dictionaries.</summary>
internal static class PetrarchValidationCommand
{
    public static int Run(string path, int listLimit, TextWriter o, TextWriter e, bool verbose = false)
    {
        if (!File.Exists(path))
        {
            e.WriteLine($"dyad eval: {path}: no such validation file. Give --petrarch-validation the path of a PETRARCH validation XML file (for example PETR_Validate_records_2_02.xml).");
            return 2;
        }

        var suite = PetrarchValidationSuite.Read(path);
        if (suite.Records.Count == 0)
        {
            e.WriteLine($"dyad eval: {path}: no <Sentence> records found.");
            return 2;
        }

        Dyad.Lexicon.Petrarch.PetrarchImport import;
        try
        {
            import = suite.ImportDictionaries();
        }
        catch (FileNotFoundException ex)
        {
            e.WriteLine("dyad eval: " + ex.Message);
            return 2;
        }

        var lexicon = import.Compile();
        e.WriteLine($"dyad eval: dictionaries from the validation environment: {string.Join(", ", new[] { suite.VerbFile }.Concat(suite.ActorFiles).Append(suite.AgentFile).Append(suite.DiscardFile).Where(x => x is not null))}; {import.Warnings.Count} import warning(s), {lexicon.Diagnostics.Count} problem(s).");
        var outcomes = PetrarchValidationRunner.Run(suite, new DyadCoder(lexicon));
        Print(suite, outcomes, o, listLimit, verbose);
        return 0;
    }

    private static void Print(PetrarchValidationSuite suite, List<ValidationOutcome> outcomes, TextWriter o, int listLimit, bool verbose)
    {
        var inv = CultureInfo.InvariantCulture;
        var total = ValidationScore.Of(outcomes);
        int skipped = suite.Records.Count - outcomes.Count;
        o.WriteLine(string.Create(inv, $"PETRARCH validation: {outcomes.Count} records scored ({skipped} skipped: evaluate=\"false\" or category not in <Include> {string.Join(' ', suite.Include)})."));
        o.WriteLine(string.Create(inv, $"  records passed {total.Passed}/{total.Records} ({total.PassRate:P1})   event precision {total.Precision:F3}   recall {total.Recall:F3}   (expected {total.Expected}, coded {total.Got}, matched {total.Matched})"));
        o.WriteLine();
        o.WriteLine("By category:   records passed  pass-rate  precision  recall  expected  coded  matched");
        foreach (var group in outcomes.GroupBy(x => x.Record.Category).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var s = ValidationScore.Of(group);
            o.WriteLine(string.Create(inv, $"  {group.Key,-10} {s.Records,7} {s.Passed,6}  {s.PassRate,9:P1}  {s.Precision,9:F3} {s.Recall,7:F3} {s.Expected,9} {s.Got,6} {s.Matched,8}"));
        }

        var failing = outcomes.Where(x => !x.Passed).ToList();
        if (listLimit <= 0)
        {
            return;
        }

        o.WriteLine();
        o.WriteLine($"Failing records ({failing.Count}):");
        foreach (var x in failing.Take(listLimit))
        {
            string expected = x.Record.Expected.Count == 0 ? "no event" : string.Join("; ", x.Record.Expected);
            string got = x.Got.Count == 0 ? "no event" : string.Join("; ", x.Got);
            o.WriteLine($"  {x.Record.Id} [{x.Record.Category}] expected {expected} | got {got} | {x.Record.Text}");
            if (verbose && x.Rules.Count > 0)
            {
                o.WriteLine($"      rules: {string.Join(" ; ", x.Rules)}");
            }
        }
    }
}
