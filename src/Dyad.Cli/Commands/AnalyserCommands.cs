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
        var parserEpochs = new Option<int>("--parser-epochs") { Description = "Transition-based parser passes over the data (0 = no transition parser).", DefaultValueFactory = _ => new AnalyserTrainingOptions().ParserEpochs };
        var seed = new Option<int>("--seed") { Description = "Random seed (training is deterministic for a given seed).", DefaultValueFactory = _ => new AnalyserTrainingOptions().Seed };
        var beam = new Option<int>("--beam") { Description = "Transition-based parser beam width (1 = greedy).", DefaultValueFactory = _ => new AnalyserTrainingOptions().BeamWidth };
        var localLabels = new Option<bool>("--local-label-updates") { Description = "Beam parser: also correct the relation of every gold arc locally.", DefaultValueFactory = _ => new AnalyserTrainingOptions().LocalLabelUpdates };
        var decodeBeam = new Option<int>("--decode-beam") { Description = "Beam width the saved model parses with (0 = the training beam).", DefaultValueFactory = _ => new AnalyserTrainingOptions().DecodeBeamWidth };
        var devEachEpoch = new Option<bool>("--dev-each-epoch") { Description = "Also score the parser on --dev after every epoch (slower; to choose the number of epochs)." };
        var biaffineEpochs = new Option<int>("--biaffine-epochs") { Description = "Also train the biaffine (BiLSTM) parser for this many epochs, keeping the one best on --dev (0 = none).", DefaultValueFactory = _ => new AnalyserTrainingOptions().BiaffineEpochs };
        var biaffineHidden = new Option<int>("--biaffine-hidden") { Description = "LSTM units per direction of the biaffine parser.", DefaultValueFactory = _ => new AnalyserTrainingOptions().BiaffineHidden };
        var biaffineLayers = new Option<int>("--biaffine-layers") { Description = "BiLSTM layers of the biaffine parser.", DefaultValueFactory = _ => new AnalyserTrainingOptions().BiaffineLayers };
        var biaffineArcDim = new Option<int>("--biaffine-arc-dim") { Description = "Width of the biaffine parser's head and dependent projections.", DefaultValueFactory = _ => new AnalyserTrainingOptions().BiaffineArcDim };
        var biaffineLabelDim = new Option<int>("--biaffine-label-dim") { Description = "Width of the biaffine parser's relation classifier.", DefaultValueFactory = _ => new AnalyserTrainingOptions().BiaffineLabelDim };
        var threads = new Option<int>("--threads") { Description = "Threads for biaffine training (the model does not depend on it).", DefaultValueFactory = _ => new AnalyserTrainingOptions().Threads };
        var transitionFrom = new Option<string?>("--transition-parser-from") { Description = "Take the transition-based parser from this model file instead of training one (--parser-epochs is then ignored) and train the biaffine parser beside it; the model must have been trained on data with the same tag sets." };
        var limit = new Option<int>("--limit") { Description = "Train on the first N sentences only (0 = all).", DefaultValueFactory = _ => 0 };
        var command = new Command("train-analyser", "Train the tagger, lemmatizer and dependency parser on a UD treebank and write a model file.")
        {
            train, dev, output, taggerEpochs, parserEpochs, seed, beam, localLabels, decodeBeam, devEachEpoch, biaffineEpochs, biaffineHidden, biaffineLayers, biaffineArcDim, biaffineLabelDim, threads, transitionFrom, limit,
        };
        command.SetAction(parse => RunTrain(
            parse.GetValue(train)!,
            parse.GetValue(dev),
            parse.GetValue(output)!,
            new AnalyserTrainingOptions() with { TaggerEpochs = parse.GetValue(taggerEpochs), ParserEpochs = parse.GetValue(parserEpochs), Seed = parse.GetValue(seed), BeamWidth = parse.GetValue(beam), LocalLabelUpdates = parse.GetValue(localLabels), DecodeBeamWidth = parse.GetValue(decodeBeam), BiaffineEpochs = parse.GetValue(biaffineEpochs), BiaffineHidden = parse.GetValue(biaffineHidden), BiaffineLayers = parse.GetValue(biaffineLayers), BiaffineArcDim = parse.GetValue(biaffineArcDim), BiaffineLabelDim = parse.GetValue(biaffineLabelDim), Threads = parse.GetValue(threads) },
            parse.GetValue(limit),
            Console.Out,
            Console.Error,
            parse.GetValue(devEachEpoch),
            parse.GetValue(transitionFrom)));
        return command;
    }

    private static Command CreateEval()
    {
        var gold = new Option<string>("--gold") { Description = "Gold treebank (CoNLL-U), e.g. en_ewt-ud-test.conllu.", Required = true };
        var model = new Option<string?>("--model") { Description = "Model file (default: the model shipped with Dyad)." };
        var pred = new Option<string?>("--pred") { Description = "Write the predicted analyses here (CoNLL-U)." };
        var beam = new Option<int>("--beam") { Description = "Parse with the transition-based parser at this beam width instead of the model's parser (1 = greedy).", DefaultValueFactory = _ => 0 };
        var parser = ParserOption();
        var command = new Command("eval-analyser", "Score the analyser on gold CoNLL-U: UPOS, XPOS, lemma, UAS, LAS with gold tokenization; tokenization F1 on the raw '# text' lines.")
        {
            gold, model, pred, beam, parser,
        };
        command.SetAction(parse => RunEval(parse.GetValue(gold)!, parse.GetValue(model), parse.GetValue(pred), Console.Out, Console.Error, parse.GetValue(beam), parse.GetValue(parser)!));
        return command;
    }

    private static Option<string> ParserOption()
    {
        var parser = new Option<string>("--parser")
        {
            Description = "Which of the model's parsers: auto (biaffine when the model has one), biaffine (accurate) or transition (fast, as the event coder uses).",
            DefaultValueFactory = _ => "auto",
        };
        parser.AcceptOnlyFromAmong("auto", "biaffine", "transition");
        return parser;
    }

    /// <summary>The model restricted to the parser asked for, or null (with the reason written) when it has none such.</summary>
    private static AnalyserModel? ChooseParser(AnalyserModel model, string parser, TextWriter errors)
    {
        switch (parser)
        {
            case "transition" when !model.HasTransitionParser:
                errors.WriteLine("error: this analyser model has no transition-based parser; use --parser biaffine or auto.");
                return null;
            case "transition":
                return model.WithTransitionParser();
            case "biaffine" when !model.HasBiaffineParser:
                errors.WriteLine("error: this analyser model has no biaffine parser; use --parser transition or auto.");
                return null;
            default:
                return model;
        }
    }

    private static Command CreateParse()
    {
        var input = new Argument<string>("INPUT") { Description = "A text file, or - for standard input." };
        var format = new Option<string>("--format") { Description = "Output format: conllu or table.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("conllu", "table");
        var model = new Option<string?>("--model") { Description = "Model file (default: the model shipped with Dyad)." };
        var tokenizer = new Option<string>("--tokenizer") { Description = "Word segmentation: default (as the coder uses) or ud (UD English, hyphens split).", DefaultValueFactory = _ => "default" };
        tokenizer.AcceptOnlyFromAmong("default", "ud");
        var parser = ParserOption();
        var command = new Command("parse", "Segment, tag, lemmatize and parse a text and print the analysis of each sentence.")
        {
            input, format, model, tokenizer, parser,
        };
        command.SetAction(parse => RunParse(parse.GetValue(input)!, parse.GetValue(format)!, parse.GetValue(model), parse.GetValue(tokenizer)!, Console.Out, Console.Error, Console.In, parse.GetValue(parser)!));
        return command;
    }

    public static int RunTrain(string trainPath, string? devPath, string outPath, AnalyserTrainingOptions options, int limit, TextWriter output, TextWriter errors, bool scoreEachEpoch = false, string? transitionParserFrom = null)
    {
        var train = Read(trainPath, "train-analyser", errors);
        if (train is null)
        {
            return 2;
        }

        AnalyserModel? transitionSource = null;
        if (transitionParserFrom is not null)
        {
            transitionSource = LoadModel(transitionParserFrom, errors);
            if (transitionSource is null)
            {
                return 2;
            }

            if (!transitionSource.HasTransitionParser)
            {
                errors.WriteLine($"error: {transitionParserFrom} has no transition-based parser to take.");
                return 2;
            }

            options = options with { ParserEpochs = 0 };
            if (options.BiaffineEpochs <= 0)
            {
                errors.WriteLine("error: --transition-parser-from needs --biaffine-epochs N of at least 1 (the parser to train beside it).");
                return 2;
            }
        }

        IReadOnlyList<ConllUSentence> sentences = limit > 0 ? train.Take(limit).ToList() : train;
        if (transitionSource is not null)
        {
            // Checked before training, not after: the transition parser reads the new tagger's tag ids.
            var (upos, xpos) = AnalyserTrainer.TagSets(sentences);
            if (!transitionSource.UposTags.SequenceEqual(upos) || !transitionSource.XposTags.SequenceEqual(xpos))
            {
                errors.WriteLine($"error: {transitionParserFrom} was trained with other part-of-speech tag sets than {trainPath}; train it on the same treebank, or drop --transition-parser-from to train both parsers.");
                return 2;
            }
        }

        var clock = Stopwatch.StartNew();
        var devEachEpoch = devPath is not null && scoreEachEpoch ? Read(devPath, "train-analyser", errors) : null;
        var biaffineDev = devPath is not null && options.BiaffineEpochs > 0 ? devEachEpoch ?? Read(devPath, "train-analyser", errors) : null;
        var model = AnalyserTrainer.Train(sentences, options, line => errors.WriteLine($"[{clock.Elapsed.TotalSeconds,5:F0} s] {line}"), devEachEpoch, biaffineDev);
        if (transitionSource is not null)
        {
            try
            {
                model = model.WithTransitionParserOf(transitionSource);
            }
            catch (ArgumentException e)
            {
                errors.WriteLine($"error: {transitionParserFrom}: {e.Message}");
                return 2;
            }
        }

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

    public static int RunEval(string goldPath, string? modelPath, string? predPath, TextWriter output, TextWriter errors, int beamWidth = 0, string parser = "auto")
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
        model = ChooseParser(model, beamWidth > 0 ? "transition" : parser, errors);
        if (model is null)
        {
            return 2;
        }

        if (beamWidth > 0)
        {
            model = model.WithBeamWidth(beamWidth);
        }

        output.WriteLine($"parser: {model.ParserKind}");

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

    public static int RunParse(string input, string format, string? modelPath, string tokenizerName, TextWriter output, TextWriter errors, TextReader standardInput, string parser = "auto")
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
        if (model is not null)
        {
            model = ChooseParser(model, parser, errors);
        }

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
