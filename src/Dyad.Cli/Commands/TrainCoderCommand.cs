using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Dyad.Coding;
using Dyad.Coding.Learning;
using Dyad.Coding.Training;

namespace Dyad.Cli.Commands;

/// <summary><c>dyad train-coder</c>: train the learned event model on the labelled corpus.</summary>
internal static class TrainCoderCommand
{
    public static Command Create()
    {
        var corpus = new Option<string>("--corpus") { Description = "Labelled corpus: a JSONL file or a folder of them (format: corpus/AUTHORING.md).", DefaultValueFactory = _ => "corpus/docs" };
        var output = new Option<string?>("--out") { Description = "Where to write the model (default: src/Dyad.Coding/Models/events.model, or src/Dyad.Encoder/Models/events-accurate.model with --encoder minilm)." };
        var epochs = new Option<int>("--epochs") { Description = "Training passes over the corpus.", DefaultValueFactory = _ => 8 };
        var seed = new Option<int>("--seed") { Description = "Shuffling seed; the same corpus and seed give the same model.", DefaultValueFactory = _ => 1 };
        var noRules = new Option<bool>("--no-rule-features") { Description = "Train without the rule coder's events as features (the 'model alone' ablation)." };
        var rootMargin = new Option<float>("--act-margin") { Description = "How far an act's score must exceed 'no act' for the model to propose it.", DefaultValueFactory = _ => EventTrainingOptions.DefaultRootMargin };
        var roleMargin = new Option<float>("--role-margin") { Description = "How far an actor's role score must exceed 'none' to be chosen (very low: the best actor for each role is always taken).", DefaultValueFactory = _ => EventTrainingOptions.DefaultRoleMargin };
        var classes = new Option<string?>("--word-classes") { Description = "Word classes for the features (tools/word-clusters output).", DefaultValueFactory = _ => "src/Dyad.Coding/Data/word-clusters.tsv" };
        var unaligned = new Option<string?>("--unaligned-actors") { Description = "Write the labelled actors that no dictionary mention covers to this TSV file (text, code, document): what the actor dictionaries lack." };
        var encoderOption = new Option<string>("--encoder") { Description = "none: sparse features only (the fast model); minilm: also learn from MiniLM contextual word vectors (the accurate model).", DefaultValueFactory = _ => "none" };
        encoderOption.AcceptOnlyFromAmong("none", "minilm");
        var diagnose = new Option<bool>("--diagnose") { Description = "After training, report each head's accuracy on the documents left out with --exclude." };
        var exclude = new Option<string[]>("--exclude") { Description = "Leave out documents whose id starts with one of these prefixes (for cross-validation).", AllowMultipleArgumentsPerToken = true };
        var command = new Command("train-coder", "Train the learned event model (root, code, mode and roles) on a labelled corpus; deterministic for a corpus and seed.")
        {
            corpus, output, epochs, seed, noRules, rootMargin, roleMargin, exclude, classes, unaligned, encoderOption, diagnose,
        };
        command.SetAction(parse =>
        {
            string? classesPath = parse.GetValue(classes);
            WordClasses? wordClasses = null;
            if (!string.IsNullOrEmpty(classesPath) && classesPath != "none")
            {
                if (!File.Exists(classesPath))
                {
                    Console.Error.WriteLine($"dyad train-coder: {classesPath}: no such word-class file. Give --word-classes the file tools/word-clusters writes (src/Dyad.Coding/Data/word-clusters.tsv), or 'none'.");
                    return 2;
                }

                try
                {
                    wordClasses = WordClasses.ReadTsv(classesPath);
                }
                catch (InvalidDataException ex)
                {
                    Console.Error.WriteLine("dyad train-coder: " + ex.Message);
                    return 2;
                }
            }

            using var encoder = parse.GetValue(encoderOption) == "minilm" ? new Dyad.Encoder.MiniLmTokenEncoder(threads: 2) : null;
            string outPath = parse.GetValue(output) ?? (encoder is null ? "src/Dyad.Coding/Models/events.model" : "src/Dyad.Encoder/Models/events-accurate.model");
            return Run(
                parse.GetValue(corpus)!, outPath,
                new EventTrainingOptions(parse.GetValue(epochs), parse.GetValue(seed), !parse.GetValue(noRules), parse.GetValue(rootMargin), parse.GetValue(roleMargin), WordClasses: wordClasses, Encoder: encoder),
                parse.GetValue(exclude) ?? [], Console.Out, Console.Error, parse.GetValue(unaligned), parse.GetValue(diagnose));
        });
        return command;
    }

    public static int Run(string corpusPath, string outPath, EventTrainingOptions options, IReadOnlyList<string> exclude, TextWriter output, TextWriter errors, string? unalignedPath = null, bool diagnose = false)
    {
        if (!File.Exists(corpusPath) && !Directory.Exists(corpusPath))
        {
            errors.WriteLine($"dyad train-coder: {corpusPath}: no such file or folder. Give --corpus the labelled corpus (corpus/docs in the repository).");
            return 2;
        }

        if (options.Epochs < 1)
        {
            errors.WriteLine("dyad train-coder: --epochs must be at least 1.");
            return 2;
        }

        var clock = Stopwatch.StartNew();
        var (documents, problems) = EventCorpus.Read(corpusPath);
        foreach (var p in problems)
        {
            errors.WriteLine("dyad train-coder: " + p);
        }

        var heldOut = documents.Where(d => exclude.Any(x => d.Id.StartsWith(x, StringComparison.Ordinal))).ToList();
        documents = documents.Where(d => !exclude.Any(x => d.Id.StartsWith(x, StringComparison.Ordinal))).ToList();
        if (documents.Count == 0)
        {
            errors.WriteLine("dyad train-coder: no usable labelled documents were read (see the problems above).");
            return 2;
        }

        errors.WriteLine(string.Create(CultureInfo.InvariantCulture, $"dyad train-coder: {documents.Count} documents, {documents.Sum(d => d.Events.Count)} labelled acts; {problems.Count} problem(s)"));
        var coder = new DyadCoder(decider: Dyad.Coding.Learning.EventDecider.Rules, parseEveryActorSentence: true);
        var trainer = new EventModelTrainer(coder);
        var (model, report) = trainer.Train(documents, options, new Progress<string>(m => errors.WriteLine("dyad train-coder: " + m)));
        string? folder = Path.GetDirectoryName(Path.GetFullPath(outPath));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        foreach (var failure in trainer.Failures)
        {
            errors.WriteLine("dyad train-coder: " + failure);
        }

        model.Save(outPath);
        if (diagnose && heldOut.Count > 0)
        {
            foreach (string line in trainer.Diagnose(model, heldOut))
            {
                output.WriteLine("held out: " + line);
            }
        }
        if (unalignedPath is not null)
        {
            File.WriteAllLines(unalignedPath, trainer.UnalignedActors.Select(u => $"{u.Text.Replace('\t', ' ').Replace('\n', ' ')}\t{u.Code ?? "-"}\t{u.DocumentId}"));
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wrote {outPath} (model {EventModelVersion(outPath)}): {report.Documents} documents, {report.Sentences} sentences, {report.TriggerExamples:N0} candidate words, {report.Acts} labelled acts ({report.UnalignedTriggers} not aligned), {report.RoleExamples:N0} role examples ({report.UnalignedActors} labelled actors outside the actor dictionaries), {report.FeatureCount:N0} features, {clock.Elapsed.TotalSeconds:F0} s"));
        return 0;
    }

    private static string EventModelVersion(string path) => Dyad.Coding.Learning.EventModel.Load(path).Version;
}
