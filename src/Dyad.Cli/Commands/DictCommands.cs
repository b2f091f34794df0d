using System.CommandLine;
using Dyad.Lexicon;

namespace Dyad.Cli.Commands;

/// <summary><c>dyad dict</c>: inspect and check dictionaries.</summary>
internal static class DictCommands
{
    public static Command Create()
    {
        var dict = new Command("dict", "Inspect and check dictionaries.");
        var folder = new Argument<string?>("FOLDER") { Description = "A folder laid out like src/Dyad.Lexicon/Data (actors/, verbs/, cameo/); the shipped dictionaries when omitted.", Arity = ArgumentArity.ZeroOrOne };
        var check = new Command("check", "Load dictionaries and report every problem with file:line; print counts.") { folder };
        check.SetAction(parse =>
        {
            string? path = parse.GetValue(folder);
            Lexicon.Lexicon lexicon;
            if (path is null)
            {
                try
                {
                    lexicon = Lexicon.Lexicon.Default;
                }
                catch (InvalidOperationException ex)
                {
                    Console.Error.WriteLine("dyad dict check: " + ex.Message);
                    return 1;
                }
            }
            else
            {
                if (!Directory.Exists(path))
                {
                    Console.Error.WriteLine($"dyad dict check: {path}: no such folder.");
                    return 2;
                }

                var files = Directory.EnumerateFiles(path, "*.*", SearchOption.AllDirectories)
                    .Where(f => f.EndsWith(".txt", StringComparison.Ordinal) || f.EndsWith(".tsv", StringComparison.Ordinal))
                    .Select(f => new DictionaryFile(Path.GetRelativePath(path, f).Replace('\\', '/'), File.ReadAllText(f)))
                    .ToList();
                lexicon = Lexicon.Lexicon.Compile(files);
            }

            foreach (var d in lexicon.Diagnostics)
            {
                Console.Error.WriteLine(d);
            }

            Console.WriteLine($"dictionaries {lexicon.Version}: {lexicon.Ontology.Count} CAMEO codes, {lexicon.Actors.Entries.Count} actor phrases, {lexicon.Verbs.Patterns.Count} patterns covering {lexicon.Verbs.Patterns.Where(p => !p.IsNull).Select(p => p.Code[..2]).Distinct().Count()} roots, {lexicon.Diagnostics.Count} problem(s).");
            foreach (var group in lexicon.Actors.Entries.GroupBy(e => e.Kind).OrderBy(g => g.Key))
            {
                Console.WriteLine($"  {group.Key,-18} {group.Count(),6}");
            }

            return lexicon.Diagnostics.Count == 0 ? 0 : 1;
        });
        dict.Subcommands.Add(check);
        dict.Subcommands.Add(DictImportCommand.Create());
        return dict;
    }
}
