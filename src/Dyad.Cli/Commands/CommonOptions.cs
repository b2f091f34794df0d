using System.CommandLine;
using Dyad.Coding.Input;
using Dyad.Coding.Learning;

namespace Dyad.Cli.Commands;

/// <summary>Reading of options several commands share: the report date and other dictionaries.</summary>
internal static class CommonOptions
{
    /// <summary>
    /// Parses a <c>--date</c> value (null when not given); false, with the reason on <paramref name="errors"/>, when
    /// it is not a date.
    /// </summary>
    public static bool TryReportDate(string command, string? raw, TextWriter errors, out DateOnly? date)
    {
        date = null;
        if (raw is null)
        {
            return true;
        }

        if (!ArticleReader.TryParseDate(raw, out var d))
        {
            errors.WriteLine($"dyad {command}: --date '{raw}' is not a date; use YYYY-MM-DD.");
            return false;
        }

        date = d;
        return true;
    }

    /// <summary>
    /// Loads the dictionaries of <c>--dictionaries FOLDER</c> with <c>--conventions</c> (null lexicon when no folder
    /// is given: the shipped one); false, with the reason, when the folder does not exist. Dictionary problems are
    /// printed and do not stop the command.
    /// </summary>
    public static bool TryDictionaries(string command, string? folder, string? conventions, TextWriter errors, out Lexicon.Lexicon? lexicon)
    {
        lexicon = null;
        if (folder is null)
        {
            return true;
        }

        if (!Directory.Exists(folder))
        {
            errors.WriteLine($"dyad {command}: --dictionaries {folder}: no such folder.");
            return false;
        }

        lexicon = DictImportCommand.LoadFolder(folder);
        foreach (var d in lexicon.Diagnostics)
        {
            errors.WriteLine($"dyad {command}: {d}");
        }

        if (conventions == "petrarch")
        {
            lexicon = lexicon.WithConventions(Lexicon.CodingConventions.Petrarch);
        }

        return true;
    }

    /// <summary>The <c>--decider</c> option: who decides the events.</summary>
    public static Option<string> DeciderOption()
    {
        var option = new Option<string>("--decider")
        {
            Description = "Who decides the events: rules (dictionary patterns and tree rules), model (the learned event model alone), combined (the rules' events plus the model's at words the rules left uncoded), model-first (the model's events plus the rules' at words the model did not read), or auto (the shipped default with the shipped dictionaries; rules with --dictionaries or --no-parse).",
            DefaultValueFactory = _ => "auto",
        };
        option.AcceptOnlyFromAmong("auto", "rules", "model", "combined", "model-first");
        return option;
    }

    /// <summary>The <c>--event-model</c> option: a model file from <c>dyad train-coder</c> instead of the shipped one.</summary>
    public static Option<string?> EventModelOption() =>
        new("--event-model") { Description = "An event model file written by 'dyad train-coder' (default: the model shipped inside Dyad). A model trained with --encoder minilm loads the MiniLM encoder it needs." };

    /// <summary>
    /// Reads the decider and model options; false, with the reason on <paramref name="errors"/>, when the model file
    /// cannot be read or no model is shipped.
    /// </summary>
    public static bool TryDecider(string command, string? decider, string? modelPath, TextWriter errors, out EventDecider? chosen, out EventModel? model) =>
        TryDecider(command, decider, modelPath, errors, out chosen, out model, out _);

    /// <summary>
    /// Reads the decider and model-file options; a model file trained with an encoder also loads the MiniLM encoder.
    /// False, with the reason on <paramref name="errors"/>, when something cannot be loaded.
    /// </summary>
    public static bool TryDecider(string command, string? decider, string? modelPath, TextWriter errors, out EventDecider? chosen, out EventModel? model, out ITokenEncoder? encoder)
    {
        encoder = null;
        chosen = decider switch { "model" => EventDecider.Model, "rules" => EventDecider.Rules, "combined" => EventDecider.Combined, "model-first" => EventDecider.ModelFirst, _ => null };
        model = null;
        if (chosen == EventDecider.Rules || (chosen is null && modelPath is null))
        {
            return true;
        }

        if (modelPath is not null)
        {
            if (!File.Exists(modelPath))
            {
                errors.WriteLine($"dyad {command}: {modelPath}: no such event model file. Give --event-model the file written by 'dyad train-coder', or leave it out to use the shipped model.");
                return false;
            }

            try
            {
                model = EventModel.Load(modelPath);
            }
            catch (InvalidDataException ex)
            {
                errors.WriteLine($"dyad {command}: {ex.Message}");
                return false;
            }

            chosen ??= EventDecider.Combined;
            if (model.NeedsEncoder)
            {
                encoder = new Dyad.Encoder.MiniLmTokenEncoder();
            }

            return true;
        }

        model = EventModel.Default;
        if (model is null)
        {
            errors.WriteLine($"dyad {command}: this build ships no event model; use --decider rules, or train one with 'dyad train-coder' and pass it with --event-model.");
            return false;
        }

        return true;
    }
}
