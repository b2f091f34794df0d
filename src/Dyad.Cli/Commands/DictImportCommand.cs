using System.CommandLine;
using Dyad.Lexicon.Petrarch;

namespace Dyad.Cli.Commands;

/// <summary><c>dyad dict import --format petrarch</c>: convert PETRARCH2/Phoenix/TABARI dictionaries to Dyad's formats.</summary>
internal static class DictImportCommand
{
    public static Command Create()
    {
        var format = new Option<string>("--format") { Description = "Source format: petrarch (PETRARCH2, Phoenix and TABARI dictionaries).", DefaultValueFactory = _ => "petrarch" };
        var verbs = new Option<string[]>("--verbs") { Description = "Verb dictionary file(s), e.g. CAMEO.2.0.txt.", AllowMultipleArgumentsPerToken = true };
        var actors = new Option<string[]>("--actors") { Description = "Actor dictionary file(s), e.g. Phoenix.Countries.actors.txt Phoenix.International.actors.txt.", AllowMultipleArgumentsPerToken = true };
        var agents = new Option<string[]>("--agents") { Description = "Agent dictionary file(s), e.g. Phoenix.agents.txt.", AllowMultipleArgumentsPerToken = true };
        var discards = new Option<string[]>("--discards") { Description = "Discard list(s), e.g. Phoenix.discards.txt.", AllowMultipleArgumentsPerToken = true };
        var output = new Option<string?>("--out") { Description = "Write the converted dictionaries (Dyad formats, laid out like src/Dyad.Lexicon/Data) to this folder; without it they are only loaded and checked." };
        var allowCodes = new Option<bool>("--allow-non-cameo-codes") { Description = "Keep numeric event codes that are not CAMEO (added to the output's cameo/cameo.tsv) instead of skipping their patterns." };
        var quiet = new Option<bool>("--quiet") { Description = "Print counts only, not each warning." };
        var command = new Command("import", "Convert foreign dictionaries to Dyad's formats (each line keeps its source file:line); report unsupported constructs as warnings with file:line and print counts.")
        {
            format, verbs, actors, agents, discards, output, allowCodes, quiet,
        };
        command.SetAction(parse => Run(
            parse.GetValue(format)!,
            parse.GetValue(verbs) ?? [],
            parse.GetValue(actors) ?? [],
            parse.GetValue(agents) ?? [],
            parse.GetValue(discards) ?? [],
            parse.GetValue(output),
            parse.GetValue(allowCodes),
            parse.GetValue(quiet),
            Console.Out,
            Console.Error));
        return command;
    }

    /// <summary>Compiles a dictionary folder laid out like src/Dyad.Lexicon/Data.</summary>
    public static Lexicon.Lexicon LoadFolder(string path) =>
        Lexicon.Lexicon.Compile(Directory.EnumerateFiles(path, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".txt", StringComparison.Ordinal) || f.EndsWith(".tsv", StringComparison.Ordinal))
            .Select(f => new Lexicon.DictionaryFile(Path.GetRelativePath(path, f).Replace('\\', '/'), File.ReadAllText(f)))
            .ToList());

    public static int Run(string format, string[] verbs, string[] actors, string[] agents, string[] discards, string? outDir, bool allowCodes, bool quiet, TextWriter o, TextWriter e)
    {
        if (!string.Equals(format, "petrarch", StringComparison.OrdinalIgnoreCase))
        {
            e.WriteLine($"dyad dict import: unknown format '{format}'; the supported format is 'petrarch' (PETRARCH2, Phoenix and TABARI dictionaries).");
            return 2;
        }

        var all = verbs.Concat(actors).Concat(agents).Concat(discards).ToList();
        if (all.Count == 0)
        {
            e.WriteLine("dyad dict import: give at least one of --verbs, --actors, --agents, --discards.");
            return 2;
        }

        foreach (string path in all.Where(p => !File.Exists(p)))
        {
            e.WriteLine($"dyad dict import: {path}: no such file.");
            return 2;
        }

        var import = PetrarchImporter.Import(
            new PetrarchSources
            {
                Verbs = verbs.Select(PetrarchFile.Read).ToList(),
                Actors = actors.Select(PetrarchFile.Read).ToList(),
                Agents = agents.Select(PetrarchFile.Read).ToList(),
                Discards = discards.Select(PetrarchFile.Read).ToList(),
            },
            new PetrarchImportOptions { AllowNonCameoCodes = allowCodes });
        if (!quiet)
        {
            foreach (var w in import.Warnings)
            {
                e.WriteLine(w);
            }
        }

        var lexicon = import.Compile();
        foreach (var d in lexicon.Diagnostics)
        {
            e.WriteLine("converted " + d);
        }

        if (outDir is not null)
        {
            import.WriteTo(outDir);
            o.WriteLine($"wrote {import.Files.Count} files to {outDir}");
        }

        foreach (string line in import.Counts.Lines())
        {
            o.WriteLine(line);
        }

        o.WriteLine($"warnings: {import.Warnings.Count}");
        o.WriteLine($"loaded:   {lexicon.Actors.Entries.Count} actor phrases, {lexicon.Verbs.Patterns.Count} compiled patterns (synsets expanded), {lexicon.DiscardIds.Count + lexicon.DiscardPhrases.Count} discards, {lexicon.Diagnostics.Count} problem(s) in the converted files; version {lexicon.Version}");
        return lexicon.Diagnostics.Count == 0 ? 0 : 1;
    }
}
