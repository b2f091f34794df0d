using System.Diagnostics;
using System.Globalization;

namespace Dyad.Text.Analysis;

/// <summary>
/// Settings of <see cref="AnalyserTrainer"/>. The defaults are the shipped model's: a greedy transition parser
/// (12 epochs) beside a biaffine parser (2 BiLSTM layers of 64 units per direction, 24 epochs).
/// </summary>
/// <param name="TaggerEpochs">Passes over the training data for the tagger.</param>
/// <param name="ParserEpochs">Passes over the training data for the transition-based parser; 0 = none (then a biaffine parser is needed).</param>
/// <param name="JackknifeFolds">Folds used to give the parser predicted (not gold) tags on its training data; 0 or 1 = gold tags.</param>
/// <param name="Seed">Seed of every shuffle and of oracle exploration: same data and seed give the same model.</param>
/// <param name="TaggerPrune">Averaged tagger weights smaller than this are dropped.</param>
/// <param name="ParserPrune">Averaged parser weights smaller than this are dropped.</param>
/// <param name="BeamWidth">Parser beam: 1 = greedy parser trained with the dynamic oracle; more = beam search with a global structured perceptron.</param>
/// <param name="LocalLabelUpdates">Beam parser only: besides the global updates, correct the relation of every gold arc locally.</param>
/// <param name="DecodeBeamWidth">Beam the saved model decodes with; 0 = <paramref name="BeamWidth"/>. A narrower beam than the training one parses faster for a little accuracy.</param>
/// <param name="BiaffineEpochs">Passes of the biaffine (BiLSTM) parser over the data; 0 = no biaffine parser. With a dev treebank, the epoch scoring best on it is kept.</param>
/// <param name="BiaffineHidden">LSTM units per direction of the biaffine parser.</param>
/// <param name="BiaffineLayers">Stacked BiLSTM layers of the biaffine parser.</param>
/// <param name="BiaffineArcDim">Width of the biaffine parser's head and dependent projections.</param>
/// <param name="BiaffineLabelDim">Width of the biaffine parser's relation classifier.</param>
/// <param name="Threads">Threads the biaffine trainer shares each batch between (the model does not depend on it).</param>
public sealed record AnalyserTrainingOptions(
    int TaggerEpochs = 8,
    int ParserEpochs = 12,
    int JackknifeFolds = 4,
    int Seed = 20240601,
    float TaggerPrune = 0.05f,
    float ParserPrune = 0.05f,
    int BeamWidth = 1,
    bool LocalLabelUpdates = true,
    int DecodeBeamWidth = 0,
    int BiaffineEpochs = 24,
    int BiaffineHidden = 64,
    int BiaffineLayers = 2,
    int BiaffineArcDim = 128,
    int BiaffineLabelDim = 64,
    int Threads = 2);

/// <summary>Trains an <see cref="AnalyserModel"/> from CoNLL-U sentences. Single-threaded and deterministic.</summary>
public static class AnalyserTrainer
{
    /// <summary>
    /// Trains tagger, lemmatizer and parser on <paramref name="train"/>; progress goes to <paramref name="log"/>.
    /// When <paramref name="dev"/> is given, the beam parser is scored on it after each epoch (for the log only);
    /// the biaffine parser keeps the epoch that scores best on <paramref name="biaffineDev"/> (the last one without).
    /// </summary>
    public static AnalyserModel Train(IReadOnlyList<ConllUSentence> train, AnalyserTrainingOptions? options = null, Action<string>? log = null, IReadOnlyList<ConllUSentence>? dev = null, IReadOnlyList<ConllUSentence>? biaffineDev = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        options ??= new AnalyserTrainingOptions();
        if (train.Count == 0)
        {
            throw new ArgumentException("No training sentences.", nameof(train));
        }

        var clock = Stopwatch.StartNew();
        var (upos, xpos) = TagSets(train);
        var labels = Inventory(train, s => s.Relations);
        if (!labels.Contains("root"))
        {
            labels = [.. labels, "root"];
        }

        var uposId = PosTagger.Index(upos);
        var xposId = PosTagger.Index(xpos);

        // Predicted tags for the parser's training data, by jackknifing.
        var tags = new (byte[] Upos, byte[] Xpos)[train.Count];
        if (options.JackknifeFolds >= 2 && train.Count >= options.JackknifeFolds * 2)
        {
            int folds = options.JackknifeFolds;
            for (int fold = 0; fold < folds; fold++)
            {
                var rest = new List<ConllUSentence>();
                for (int i = 0; i < train.Count; i++)
                {
                    if (i % folds != fold)
                    {
                        rest.Add(train[i]);
                    }
                }

                var foldTagger = PosTagger.Train(rest, (upos, xpos), Math.Max(1, options.TaggerEpochs - 2), options.Seed + fold, options.TaggerPrune);
                for (int i = fold; i < train.Count; i += folds)
                {
                    tags[i] = TagSentence(foldTagger, train[i]);
                }

                log?.Invoke($"jackknife fold {fold + 1}/{folds} tagged ({clock.Elapsed.TotalSeconds:F0} s)");
            }
        }
        else
        {
            for (int i = 0; i < train.Count; i++)
            {
                var s = train[i];
                var u = new byte[s.Count];
                var x = new byte[s.Count];
                for (int k = 0; k < s.Count; k++)
                {
                    u[k] = (byte)uposId.GetValueOrDefault(s.Upos[k]);
                    x[k] = (byte)xposId.GetValueOrDefault(s.Xpos[k]);
                }

                tags[i] = (u, x);
            }
        }

        var tagger = PosTagger.Train(train, (upos, xpos), options.TaggerEpochs, options.Seed, options.TaggerPrune, log);
        log?.Invoke($"tagger trained: {tagger.Weights.FeatureCount:N0} features, {tagger.Weights.EntryCount:N0} weights ({clock.Elapsed.TotalSeconds:F0} s)");
        var lemmatizer = TreebankLemmatizer.Train(train);
        log?.Invoke($"lemmatizer trained: {lemmatizer.ExceptionCount:N0} exceptions, {lemmatizer.RuleCount:N0} suffix rules");
        Func<DependencyParser, string>? scoreDev = dev is null ? null : p =>
        {
            var scores = AnalyserEvaluator.Evaluate(new AnalyserModel(tagger, lemmatizer, p, string.Empty), dev);
            return string.Create(CultureInfo.InvariantCulture, $"dev UAS {scores.Uas:F2}, LAS {scores.Las:F2} ({clock.Elapsed.TotalSeconds:F0} s)");
        };
        BiaffineParser? biaffine = null;
        if (options.BiaffineEpochs > 0)
        {
            Func<BiaffineParser, AnalyserScores>? scoreBiaffine = biaffineDev is null ? null : p =>
                AnalyserEvaluator.Evaluate(new AnalyserModel(tagger, lemmatizer, null, string.Empty, p), biaffineDev);
            var shape = new BiaffineShape(Hidden: options.BiaffineHidden, Layers: options.BiaffineLayers, ArcDim: options.BiaffineArcDim, LabelDim: options.BiaffineLabelDim);
            biaffine = BiaffineParserTrainer.Train(
                train, tags, labels, xpos.Length, new BiaffineTrainingOptions(shape, options.BiaffineEpochs, Threads: options.Threads), options.Seed, log, scoreBiaffine);
            log?.Invoke($"biaffine parser trained ({clock.Elapsed.TotalSeconds:F0} s)");
        }

        DependencyParser? parser = null;
        if (options.ParserEpochs > 0 || biaffine is null)
        {
            parser = options.BeamWidth > 1
                ? BeamParserTrainer.Train(train, tags, labels, options.ParserEpochs, options.BeamWidth, options.Seed, options.ParserPrune, log, scoreDev, options.LocalLabelUpdates)
                : DependencyParser.Train(train, tags, labels, options.ParserEpochs, options.Seed, options.ParserPrune, log);
            log?.Invoke($"parser trained: {parser.Transitions.FeatureCount:N0} + {parser.Labeller.FeatureCount:N0} features ({clock.Elapsed.TotalSeconds:F0} s)");
            if (options.BeamWidth > 1 && options.DecodeBeamWidth > 0 && options.DecodeBeamWidth != options.BeamWidth)
            {
                parser = new DependencyParser(parser.Labels, parser.Transitions, parser.Labeller, options.DecodeBeamWidth);
            }
        }

        string description = string.Create(
            CultureInfo.InvariantCulture,
            $"Dyad English analyser, trained on {train.Count:N0} sentences ({train.Sum(s => s.Count):N0} words) of UD English-EWT; {options}");
        return new AnalyserModel(tagger, lemmatizer, parser, description, biaffine);
    }

    private static (byte[] Upos, byte[] Xpos) TagSentence(PosTagger tagger, ConllUSentence s)
    {
        var words = new WordHashes[s.Count];
        for (int i = 0; i < s.Count; i++)
        {
            words[i] = WordHashes.Of(s.Forms[i]);
        }

        var u = new byte[s.Count];
        var x = new byte[s.Count];
        tagger.Tag(words, u, x, new ulong[PosTagger.MaxFeatures], new float[tagger.Upos.Length + tagger.Xpos.Length]);
        return (u, x);
    }

    /// <summary>The UPOS and XPOS tags of <paramref name="sentences"/>, sorted: the tag sets a model trained on them has.</summary>
    public static (string[] Upos, string[] Xpos) TagSets(IReadOnlyList<ConllUSentence> sentences) =>
        (Inventory(sentences, s => s.Upos), Inventory(sentences, s => s.Xpos));

    private static string[] Inventory(IReadOnlyList<ConllUSentence> sentences, Func<ConllUSentence, string[]> column)
    {
        var set = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var s in sentences)
        {
            foreach (string v in column(s))
            {
                set.Add(v);
            }
        }

        return [.. set];
    }
}
