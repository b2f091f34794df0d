using Dyad.Coding.Input;

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
}
