using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Dyad.Text;
using Dyad.Text.Analysis;

namespace Dyad.Cli.Commands;

/// <summary>
/// <c>dyad train-analyser</c>, <c>dyad eval-analyser</c> and <c>dyad parse</c>: train, score and inspect Dyad's
/// English analyser (tagger, lemmatizer, dependency parser).
/// </summary>
internal static class AnalyserCommands
{
    public static IEnumerable<Command> Create() => [CreateTrain(), CreateEval(), CreateParse()];

    private static Command CreateTrain()
    {
        var train = new Option<string>("--train") { Description = "Training treebank (CoNLL-U), e.g. en_ewt-ud-train.conllu.", Required = true };
        var dev = new Option<string?>("--dev") { Description = "Development treebank (CoNLL-U) scored after training." };
        var output = new Option<string>("--out") { Description = "Model file to write.", Required = true };
        var taggerEpochs = new Option<int>("--tagger-epochs") { Description = "Tagger passes over the data.", DefaultValueFactory = _ => new AnalyserTrainingOptions().TaggerEpochs };
        var parserEpochs = new Option<int>("--parser-epochs") { Description = "Parser passes over the data.", DefaultValueFactory = _ => new AnalyserTrainingOptions().ParserEpochs };
        var seed = new Option<int>("--seed") { Description = "Random seed (training is deterministic for a given seed).", DefaultValueFactory = _ => new AnalyserTrainingOptions().Seed };
        var beam = new Option<int>("--beam") { Description = "Parser beam width (1 = greedy).", DefaultValueFactory = _ => new AnalyserTrainingOptions().BeamWidth };
        var localLabels = new Option<bool>("--local-label-updates") { Description = "Beam parser: also correct the relation of every gold arc locally.", DefaultValueFactory = _ => new AnalyserTrainingOptions().LocalLabelUpdates };
        var decodeBeam = new Option<int>("--decode-beam") { Description = "Beam width the saved model parses with (0 = the training beam).", DefaultValueFactory = _ => new AnalyserTrainingOptions().DecodeBeamWidth };
        var devEachEpoch = new Option<bool>("--dev-each-epoch") { Description = "Also score the parser on --dev after every epoch (slower; to choose the number of epochs)." };
        var limit = new Option<int>("--limit") { Description = "Train on the first N sentences only (0 = all).", DefaultValueFactory = _ => 0 };
        var command = new Command("train-analyser", "Train the tagger, lemmatizer and dependency parser on a UD treebank and write a model file.")
        {
            train, dev, output, taggerEpochs, parserEpochs, seed, beam, localLabels, decodeBeam, devEachEpoch, limit,
        };
        command.SetAction(parse => RunTrain(
            parse.GetValue(train)!,
            parse.GetValue(dev),
            parse.GetValue(output)!,
            new AnalyserTrainingOptions() with { TaggerEpochs = parse.GetValue(taggerEpochs), ParserEpochs = parse.GetValue(parserEpochs), Seed = parse.GetValue(seed), BeamWidth = parse.GetValue(beam), LocalLabelUpdates = parse.GetValue(localLabels), DecodeBeamWidth = parse.GetValue(decodeBeam) },
            parse.GetValue(limit),
            Console.Out,
            Console.Error,
            parse.GetValue(devEachEpoch)));
        return command;
    }

    private static Command CreateEval()
    {
        var gold = new Option<string>("--gold") { Description = "Gold treebank (CoNLL-U), e.g. en_ewt-ud-test.conllu.", Required = true };
        var model = new Option<string?>("--model") { Description = "Model file (default: the model shipped with Dyad)." };
        var pred = new Option<string?>("--pred") { Description = "Write the predicted analyses here (CoNLL-U)." };
        var beam = new Option<int>("--beam") { Description = "Decode with this parser beam width instead of the model's (1 = greedy).", DefaultValueFactory = _ => 0 };
        var command = new Command("eval-analyser", "Score the analyser on gold CoNLL-U: UPOS, XPOS, lemma, UAS, LAS with gold tokenization; tokenization F1 on the raw '# text' lines.")
        {
            gold, model, pred, beam,
        };
        command.SetAction(parse => RunEval(parse.GetValue(gold)!, parse.GetValue(model), parse.GetValue(pred), Console.Out, Console.Error, parse.GetValue(beam)));
        return command;
    }

    private static Command CreateParse()
    {
        var input = new Argument<string>("INPUT") { Description = "A text file, or - for standard input." };
        var format = new Option<string>("--format") { Description = "Output format: conllu or table.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("conllu", "table");
        var model = new Option<string?>("--model") { Description = "Model file (default: the model shipped with Dyad)." };
        var tokenizer = new Option<string>("--tokenizer") { Description = "Word segmentation: default (as the coder uses) or ud (UD English, hyphens split).", DefaultValueFactory = _ => "default" };
        tokenizer.AcceptOnlyFromAmong("default", "ud");
        var command = new Command("parse", "Segment, tag, lemmatize and parse a text and print the analysis of each sentence.")
        {
            input, format, model, tokenizer,
        };
        command.SetAction(parse => RunParse(parse.GetValue(input)!, parse.GetValue(format)!, parse.GetValue(model), parse.GetValue(tokenizer)!, Console.Out, Console.Error, Console.In));
        return command;
    }

    public static int RunTrain(string trainPath, string? devPath, string outPath, AnalyserTrainingOptions options, int limit, TextWriter output, TextWriter errors, bool scoreEachEpoch = false)
    {
        var train = Read(trainPath, "train-analyser", errors);
        if (train is null)
        {
            return 2;
        }

        IReadOnlyList<ConllUSentence> sentences = limit > 0 ? train.Take(limit).ToList() : train;
        var clock = Stopwatch.StartNew();
        var devEachEpoch = devPath is not null && scoreEachEpoch ? Read(devPath, "train-analyser", errors) : null;
        var model = AnalyserTrainer.Train(sentences, options, line => errors.WriteLine($"[{clock.Elapsed.TotalSeconds,5:F0} s] {line}"), devEachEpoch);
        model.Save(outPath);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"model written to {outPath} ({new FileInfo(outPath).Length / 1024.0 / 1024.0:F2} MB) in {clock.Elapsed.TotalSeconds:F0} s"));
        if (devPath is not null)
        {
            var dev = Read(devPath, "train-analyser", errors);
            if (dev is null)
            {
                return 1;
            }

            output.WriteLine($"dev ({devPath}):");
            output.WriteLine(AnalyserEvaluator.Evaluate(AnalyserModel.Load(outPath), dev));
        }

        return 0;
    }

    public static int RunEval(string goldPath, string? modelPath, string? predPath, TextWriter output, TextWriter errors, int beamWidth = 0)
    {
        var gold = Read(goldPath, "eval-analyser", errors);
        if (gold is null)
        {
            return 2;
        }

        var clock = Stopwatch.StartNew();
        var model = LoadModel(modelPath, errors);
        if (model is null)
        {
            return 2;
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"model loaded in {clock.Elapsed.TotalMilliseconds:F0} ms: {model.Description}"));
        if (beamWidth > 0)
        {
            model = model.WithBeamWidth(beamWidth);
        }

        var predictions = predPath is null ? null : new List<ConllUSentence>();
        output.WriteLine("gold tokenization:");
        output.WriteLine(AnalyserEvaluator.Evaluate(model, gold, predictions));
        output.WriteLine("raw text, UD tokenizer:     " + AnalyserEvaluator.EvaluateTokenizer(Tokenizer.UniversalDependencies, gold));
        output.WriteLine("raw text, default tokenizer: " + AnalyserEvaluator.EvaluateTokenizer(Tokenizer.Default, gold));
        if (predPath is not null && predictions is not null)
        {
            using var writer = new StreamWriter(predPath) { NewLine = "\n" };
            ConllUWriter.Write(writer, predictions);
        }

        return 0;
    }

    public static int RunParse(string input, string format, string? modelPath, string tokenizerName, TextWriter output, TextWriter errors, TextReader standardInput)
    {
        string text;
        if (input == "-")
        {
            text = standardInput.ReadToEnd();
        }
        else if (File.Exists(input))
        {
            text = File.ReadAllText(input);
        }
        else
        {
            errors.WriteLine($"dyad parse: {input}: no such file.");
            return 2;
        }

        var model = LoadModel(modelPath, errors);
        if (model is null)
        {
            return 2;
        }

        if (text.Length == 0)
        {
            return 0;
        }

        var tokenizer = tokenizerName == "ud" ? Tokenizer.UniversalDependencies : Tokenizer.Default;
        var document = new Document(input == "-" ? "stdin" : Path.GetFileNameWithoutExtension(input), text);
        Pipeline.Create(new SegmentationStage(tokenizer), new AnalysisStage(model)).Run(document);
        foreach (var sentence in document.Sentences)
        {
            if (format == "conllu")
            {
                WriteConllU(document, sentence, output);
            }
            else
            {
                WriteTable(document, sentence, output);
            }
        }

        return 0;
    }

    private static void WriteConllU(Document d, Sentence sentence, TextWriter output)
    {
        int first = sentence.TokenStart;
        var s = new ConllUSentence(sentence.TokenCount);
        s.Comments.Add(string.Create(CultureInfo.InvariantCulture, $"# sent_id = {d.Id}-{sentence.Index + 1}"));
        s.Comments.Add("# text = " + d.Slice(sentence.Span).ReplaceLineEndings(" "));
        for (int i = 0; i < sentence.TokenCount; i++)
        {
            int t = first + i;
            var token = d.Token(t);
            s.Forms[i] = d.TokenText(t).ToString();
            s.Lemmas[i] = d.Lemmas[t];
            s.Upos[i] = d.Upos[t];
            s.Xpos[i] = d.Xpos[t];
            s.Heads[i] = d.Heads[t] < 0 ? 0 : d.Heads[t] - first + 1;
            s.Relations[i] = d.Relations[t];
            s.Misc[i] = string.Create(CultureInfo.InvariantCulture, $"TokenRange={token.Start}:{token.End}{(token.SpaceAfter || i == sentence.TokenCount - 1 ? string.Empty : "|SpaceAfter=No")}");
        }

        ConllUWriter.Write(output, s);
    }

    private static void WriteTable(Document d, Sentence sentence, TextWriter output)
    {
        int first = sentence.TokenStart;
        output.WriteLine($"# {d.Slice(sentence.Span).ReplaceLineEndings(" ")}");
        for (int i = 0; i < sentence.TokenCount; i++)
        {
            int t = first + i;
            int head = d.Heads[t];
            string headText = head < 0 ? "ROOT" : string.Create(CultureInfo.InvariantCulture, $"{head - first + 1} {d.TokenText(head)}");
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{i + 1,3}  {d.TokenText(t).ToString(),-18} {d.Lemmas[t],-16} {d.Upos[t],-6} {d.Xpos[t],-5} {d.Relations[t],-12} <- {headText}"));
        }

        output.WriteLine();
    }

    private static IReadOnlyList<ConllUSentence>? Read(string path, string command, TextWriter errors)
    {
        if (!File.Exists(path))
        {
            errors.WriteLine($"dyad {command}: {path}: no such file.");
            return null;
        }

        var result = ConllUReader.ReadFile(path);
        foreach (var d in result.Diagnostics.Take(20))
        {
            errors.WriteLine($"dyad {command}: {path}:{d.Line}: {d.Code}: {d.Message}");
        }

        if (result.Diagnostics.Count > 20)
        {
            errors.WriteLine($"dyad {command}: {path}: {result.Diagnostics.Count - 20} more problems.");
        }

        if (result.Sentences.Count == 0)
        {
            errors.WriteLine($"dyad {command}: {path}: no sentences could be read.");
            return null;
        }

        return result.Sentences;
    }

    private static AnalyserModel? LoadModel(string? path, TextWriter errors)
    {
        try
        {
            if (path is not null)
            {
                return AnalyserModel.Load(path);
            }

            if (!AnalyserModel.HasDefault)
            {
                errors.WriteLine("dyad: this build has no shipped analyser model; pass --model FILE.");
                return null;
            }

            return AnalyserModel.Default;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            errors.WriteLine($"dyad: cannot load the analyser model {path}: {e.Message}");
            return null;
        }
    }
}
