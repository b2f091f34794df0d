using System.Security.Cryptography;
using System.Text;
using Dyad.Coding.Learning;
using Dyad.Text;
using Dyad.Text.Analysis;

namespace Dyad.Coding.Training;

/// <summary>Options of <see cref="EventModelTrainer"/>.</summary>
/// <param name="Epochs">Passes over the training examples.</param>
/// <param name="Seed">Seed of the shuffling (the same seed and corpus give the same model).</param>
/// <param name="UseRuleFeatures">True to give the model the rule coder's events as features (the combined coder).</param>
/// <param name="RootMargin">Decision margin for proposing an act.</param>
/// <param name="RoleMargin">Decision margin for choosing an actor.</param>
/// <param name="Prune">Averaged weights smaller than this are dropped from the saved model.</param>
/// <param name="WordClasses">Word classes for the features (empty: none).</param>
/// <param name="LearnNounActors">True to learn the common nouns that name actors (<see cref="NounActors"/>).</param>
/// <param name="Encoder">The encoder whose vectors the accurate model also learns from, or null.</param>
/// <param name="MissWeight">How many steps an act read as "no act" moves the act weights (acts are rare among words; 2 was best on dev2-train).</param>
public sealed record EventTrainingOptions(int Epochs = 8, int Seed = 1, bool UseRuleFeatures = true, float RootMargin = EventTrainingOptions.DefaultRootMargin, float RoleMargin = EventTrainingOptions.DefaultRoleMargin, float Prune = 0.05f, WordClasses? WordClasses = null, bool LearnNounActors = true, ITokenEncoder? Encoder = null, int MissWeight = 2)
{
    /// <summary>The act margin tuned on dev2-train (a model trained on the corpus alone).</summary>
    public const float DefaultRootMargin = 2f;

    /// <summary>The role margin: so low that the best-scoring actor for each role is always taken (measured best on dev2-train).</summary>
    public const float DefaultRoleMargin = -1000f;
}

/// <summary>What training saw: counts of documents, examples and labels that could not be aligned.</summary>
public sealed record EventTrainingReport(int Documents, int Sentences, int TriggerExamples, int Acts, int UnalignedTriggers, int RoleExamples, int UnalignedActors, int FeatureCount);

/// <summary>
/// Trains an <see cref="EventModel"/> from labelled documents: each document is run through the coder's own
/// pipeline (segmentation, dictionaries, actors, parse, rule coder), the labelled spans are aligned to its tokens
/// and actor mentions, and four averaged perceptrons learn root, code, mode and roles. Deterministic for a given
/// corpus, seed and analyser.
/// </summary>
public sealed class EventModelTrainer
{
    private readonly DyadCoder _coder;

    /// <summary>Documents the pipeline failed on during the last training or diagnosis (left out, with the reason).</summary>
    public List<CorpusProblem> Failures { get; } = [];

    /// <summary>Labelled actors no actor mention covers (text, code, document id), filled by the last <see cref="Align"/>.</summary>
    public List<(string Text, string? Code, string DocumentId)> UnalignedActors { get; } = [];

    /// <summary>Creates a trainer whose documents are analysed by <paramref name="coder"/> (rules only, parsing every sentence with an actor).</summary>
    public EventModelTrainer(DyadCoder coder) => _coder = coder;

    /// <summary>One aligned sentence: its context and the labels of its trigger tokens.</summary>
    internal sealed record AlignedSentence(SentenceContext Context, Dictionary<int, List<CorpusEvent>> Labels);

    /// <summary>Runs the coder's pipeline (rules only) over the corpus documents.</summary>
    internal List<(CorpusDocument Labels, Document Document, List<CodedEvent> RuleEvents)> Analyse(IReadOnlyList<CorpusDocument> documents)
    {
        var analysed = new List<(CorpusDocument, Document, List<CodedEvent>)>(documents.Count);
        foreach (var cd in documents)
        {
            Document doc;
            try
            {
                doc = _coder.Analyse(new Document(cd.Id, cd.Text, new DocumentMetadata(cd.ReportDate)));
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // One document the pipeline cannot analyse is reported and left out; training goes on.
                Failures.Add(new CorpusProblem(cd.Location, $"{cd.Id}: the coder failed on this document ({ex.GetType().Name}: {ex.Message}); left out of training"));
                continue;
            }

            analysed.Add((cd, doc, doc.GetLayer<EventLayer>().Events.ToList()));
        }

        return analysed;
    }

    /// <summary>
    /// Common nouns naming labelled actors that no dictionary mention covers, with their labelled codes and the
    /// article's country: the observations <see cref="NounActors.Learn"/> learns from.
    /// </summary>
    internal static IEnumerable<(string Lemma, string Code, string? Home)> NounObservations(List<(CorpusDocument Labels, Document Document, List<CodedEvent> RuleEvents)> analysed)
    {
        foreach (var (cd, doc, _) in analysed)
        {
            if (!doc.Layers.Contains(Layer.PartsOfSpeech))
            {
                continue;
            }

            var mentions = doc.GetLayer<ActorLayer>().Mentions;
            string? home = SentenceContexts.HomeCountry(doc);
            foreach (var e in cd.Events)
            {
                foreach (var (span, code) in new[] { (e.Source, e.SourceCode), (e.Target, e.TargetCode) })
                {
                    if (span is not { } sp || code is null || mentions.Any(m => doc.Token(m.First).Start < sp.End && sp.Start < doc.Token(m.Last).End))
                    {
                        continue;
                    }

                    var (first, last) = Tokens(doc, sp);
                    if (first < 0)
                    {
                        continue;
                    }

                    int head = SentenceContexts.HeadOf(doc, first, last);
                    if (doc.Upos[head] == "NOUN")
                    {
                        yield return (doc.Lemmas[head], code, home);
                    }
                }
            }
        }
    }

    /// <summary>Builds the sentence contexts of analysed documents and aligns their labels.</summary>
    internal List<AlignedSentence> Align(List<(CorpusDocument Labels, Document Document, List<CodedEvent> RuleEvents)> analysed, WordClasses classes, NounActors nouns, ITokenEncoder? encoder, out int unalignedTriggers, out int unalignedActors)
    {
        var result = new List<AlignedSentence>();
        unalignedTriggers = 0;
        unalignedActors = 0;
        UnalignedActors.Clear();
        foreach (var (cd, doc, ruleEvents) in analysed)
        {
            var contexts = SentenceContexts.Build(doc, _coder.Lexicon, ruleEvents, classes, nouns);
            var labelsBySentence = new Dictionary<int, Dictionary<int, List<CorpusEvent>>>();
            foreach (var e in cd.Events)
            {
                int trigger = TriggerToken(doc, e.Trigger);
                if (trigger < 0)
                {
                    unalignedTriggers++;
                    continue;
                }

                int si = doc.SentenceOfToken(trigger);
                if (!labelsBySentence.TryGetValue(si, out var labels))
                {
                    labelsBySentence[si] = labels = [];
                }

                if (!labels.TryGetValue(trigger, out var list))
                {
                    labels[trigger] = list = [];
                }

                list.Add(e);
                var ctx = contexts[si];
                if (e.Source is { } src && !ctx.Arguments.Any(a => Overlaps(doc, a, src)))
                {
                    unalignedActors++;
                    UnalignedActors.Add((cd.Text[src.Start..src.End], e.SourceCode, cd.Id));
                }

                if (e.Target is { } tgt && !ctx.Arguments.Any(a => Overlaps(doc, a, tgt)))
                {
                    unalignedActors++;
                    UnalignedActors.Add((cd.Text[tgt.Start..tgt.End], e.TargetCode, cd.Id));
                }
            }

            if (encoder is not null)
            {
                SentenceContexts.Encode(doc, contexts, encoder, c => labelsBySentence.ContainsKey(c.Sentence.Index));
            }

            foreach (var ctx in contexts)
            {
                result.Add(new AlignedSentence(ctx, labelsBySentence.GetValueOrDefault(ctx.Sentence.Index) ?? []));
            }
        }

        return result;
    }

    /// <summary>Trains a model on <paramref name="documents"/>.</summary>
    public (EventModel Model, EventTrainingReport Report) Train(IReadOnlyList<CorpusDocument> documents, EventTrainingOptions options, IProgress<string>? progress = null)
    {
        var codesByRoot = CodesByRoot(_coder.Lexicon);
        progress?.Report($"analysing {documents.Count} documents");
        var analysed = Analyse(documents);
        var nouns = options.LearnNounActors ? NounActors.Learn(NounObservations(analysed)) : NounActors.Empty;
        progress?.Report($"{nouns.Count} common nouns learnt as actors");
        if (options.Encoder is not null)
        {
            progress?.Report($"encoding sentences with {options.Encoder.Name}");
        }

        var aligned = Align(analysed, options.WordClasses ?? WordClasses.Empty, nouns, options.Encoder, out int unalignedTriggers, out int unalignedActors);
        var roots = new PerceptronTrainer(21);
        var codes = new PerceptronTrainer(codesByRoot.Max(c => c.Count));
        var modes = new PerceptronTrainer(8);
        var roles = new PerceptronTrainer(3);
        int dim = options.Encoder?.Dimension ?? 0;
        var denseRoots = options.Encoder is null ? null : new DensePerceptron(21, dim);
        var denseModes = options.Encoder is null ? null : new DensePerceptron(8, dim);
        var denseRoles = options.Encoder is null ? null : new DensePerceptron(3, 2 * dim);
        float[] pair = new float[2 * dim];

        // Examples are recomputed each epoch from the aligned sentences (features are cheap, memory stays small).
        var order = Enumerable.Range(0, aligned.Count).ToArray();
        var rng = new Random(options.Seed);
        var f = new List<ulong>(128);
        var scores = new float[32];
        int triggerExamples = 0, acts = 0, roleExamples = 0;
        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            rng.Shuffle(order);
            int rootErrors = 0, rootCount = 0;
            foreach (int index in order)
            {
                var (ctx, labels) = (aligned[index].Context, aligned[index].Labels);
                if (ctx.Arguments.Count == 0 && labels.Count == 0)
                {
                    continue;
                }

                for (int t = ctx.Sentence.TokenStart; t < ctx.Sentence.TokenEnd; t++)
                {
                    bool labelled = labels.TryGetValue(t, out var events);
                    if (!EventModelDecoder.IsCandidate(ctx, t) && !labelled)
                    {
                        continue;
                    }

                    var primary = labelled ? Primary(events!) : null;
                    int rootClass = primary is null ? 0 : int.Parse(primary.Code.AsSpan(0, 2), System.Globalization.CultureInfo.InvariantCulture);
                    EventFeatures.Trigger(ctx, t, options.UseRuleFeatures, f);
                    rootCount++;
                    float[]? state = ctx.States?[t - ctx.Sentence.TokenStart];
                    rootErrors += Learn(roots, f, rootClass, scores, 21, denseRoots, state, options.MissWeight) ? 0 : 1;
                    if (epoch == 1)
                    {
                        triggerExamples++;
                    }

                    if (primary is null)
                    {
                        continue;
                    }

                    string root = primary.Code[..2];
                    int codeClass = codesByRoot[rootClass].IndexOf(primary.Code);
                    if (codeClass >= 0)
                    {
                        EventModelDecoder.ConjoinWithRoot(f, rootClass);
                        Learn(codes, f, codeClass, scores, codesByRoot[rootClass].Count);
                    }

                    EventFeatures.Mode(ctx, t, root, options.UseRuleFeatures, f);
                    Learn(modes, f, (int)primary.Mode, scores, 8, denseModes, state);
                    if (epoch == 1)
                    {
                        acts++;
                    }

                    if (!primary.IsCoded)
                    {
                        continue;
                    }

                    foreach (var a in ctx.Arguments)
                    {
                        int role = RoleOf(ctx.Document, a, events!);
                        EventFeatures.Role(ctx, t, root, a, options.UseRuleFeatures, f);
                        Learn(roles, f, role, scores, 3, denseRoles, state is null ? null : EventModelDecoder.PairState(ctx, t, a, pair));
                        if (epoch == 1)
                        {
                            roleExamples++;
                        }
                    }
                }
            }

            progress?.Report($"epoch {epoch}/{options.Epochs}: trigger accuracy {1.0 - (double)rootErrors / Math.Max(1, rootCount):P2} over {rootCount:N0} words");
        }

        var settings = new EventModelSettings(options.UseRuleFeatures, options.RootMargin, options.RoleMargin, options.Epochs, options.Seed, CorpusHash(documents), options.Encoder?.Name ?? string.Empty);
        var provisional = new EventModel(roots.Freeze(options.Prune), codes.Freeze(options.Prune), modes.Freeze(options.Prune), roles.Freeze(options.Prune), codesByRoot, settings, options.WordClasses ?? WordClasses.Empty, nouns, "unsaved")
        {
            DenseRoots = denseRoots?.Freeze(),
            DenseModes = denseModes?.Freeze(),
            DenseRoles = denseRoles?.Freeze(),
        };
        using var buffer = new MemoryStream();
        provisional.Write(buffer);
        var model = EventModel.Read(buffer.ToArray(), "the trained model");
        var report = new EventTrainingReport(documents.Count, aligned.Count, triggerExamples, acts, unalignedTriggers, roleExamples, unalignedActors,
            model.Roots.FeatureCount + model.Codes.FeatureCount + model.Modes.FeatureCount + model.Roles.FeatureCount);
        return (model, report);
    }

    /// <summary>
    /// Head-by-head accuracy of <paramref name="model"/> on labelled documents it was not trained on: trigger
    /// detection (any root at a labelled trigger word), root given detection, mode, and source and target given the
    /// labelled trigger (where a candidate covers the labelled actor). Lines of text for a report.
    /// </summary>
    public List<string> Diagnose(EventModel model, IReadOnlyList<CorpusDocument> documents)
    {
        var analysed = Analyse(documents);
        var aligned = Align(analysed, model.WordClasses, model.NounActors, null, out _, out _);
        var decoder = new EventModelDecoder(model);
        int goldTriggers = 0, found = 0, predicted = 0, correctPredicted = 0, rootRight = 0, modeRight = 0, modeN = 0;
        int srcN = 0, srcRight = 0, tgtN = 0, tgtRight = 0;
        var confusion = new Dictionary<string, int>(StringComparer.Ordinal);
        var missedWhy = new Dictionary<string, int>(StringComparer.Ordinal);
        var missedWords = new List<string>();
        foreach (var (ctx, labels) in aligned)
        {
            var acts = decoder.Decode(ctx).ToDictionary(a => a.Trigger);
            foreach (var (t, act) in acts)
            {
                predicted++;
                if (labels.ContainsKey(t))
                {
                    correctPredicted++;
                }
            }

            foreach (var (t, events) in labels)
            {
                var primary = Primary(events);
                goldTriggers++;
                if (!acts.TryGetValue(t, out var act))
                {
                    string why = !EventModelDecoder.IsCandidate(ctx, t) ? (ctx.ArgumentAt(t) is not null ? "inside an actor" : "not a verb/noun/adjective: " + ctx.Upos(t)) : ctx.Arguments.Count == 0 ? "no actor in the sentence"
                        : acts.ContainsKey(ctx.Head(t)) || ctx.Children(t).Any(acts.ContainsKey) ? "read at its head or a dependent instead"
                        : "scored below the act margin (" + ctx.Upos(t) + ")";
                    missedWhy[why] = missedWhy.GetValueOrDefault(why) + 1;
                    if (why.StartsWith("scored", StringComparison.Ordinal))
                    {
                        missedWords.Add($"{ctx.Document.TokenText(t)}/{primary.Code}/{primary.Mode}");
                    }
                    continue;
                }

                found++;
                if (act.Code[..2] == primary.Code[..2])
                {
                    rootRight++;
                }
                else
                {
                    string key = primary.Code[..2] + "->" + act.Code[..2];
                    confusion[key] = confusion.GetValueOrDefault(key) + 1;
                }

                modeN++;
                if (act.Mode == primary.Mode)
                {
                    modeRight++;
                }

                if (!primary.IsCoded)
                {
                    continue;
                }

                if (primary.Source is { } src && ctx.Arguments.Any(a => Overlaps(ctx.Document, a, src)))
                {
                    srcN++;
                    if (act.Source is { } chosen && Overlaps(ctx.Document, chosen, src))
                    {
                        srcRight++;
                    }
                }

                if (primary.Target is { } tgt && ctx.Arguments.Any(a => Overlaps(ctx.Document, a, tgt)))
                {
                    tgtN++;
                    if (act.Target is { } chosen && Overlaps(ctx.Document, chosen, tgt))
                    {
                        tgtRight++;
                    }
                }
            }
        }

        static string Pct(int a, int b) => b == 0 ? "-" : (100.0 * a / b).ToString("F1", System.Globalization.CultureInfo.InvariantCulture) + " %";
        return
        [
            $"trigger words: {goldTriggers} labelled, {predicted} read as acts; recall {Pct(found, goldTriggers)}, precision {Pct(correctPredicted, predicted)}",
            $"root right where found: {Pct(rootRight, found)}; mode right: {Pct(modeRight, modeN)}",
            $"source right (labelled source among the candidates): {Pct(srcRight, srcN)} of {srcN}; target right: {Pct(tgtRight, tgtN)} of {tgtN}",
            "trigger words missed because: " + string.Join(", ", missedWhy.OrderByDescending(kv => kv.Value).Select(kv => $"{kv.Key} {kv.Value}")),
            "words scored below the margin: " + string.Join(" ", missedWords.Take(60)),
            "commonest root confusions (labelled->read): " + string.Join(", ", confusion.OrderByDescending(kv => kv.Value).Take(12).Select(kv => $"{kv.Key} {kv.Value}")),
        ];
    }

    /// <summary>The codes of each root (index 1-20) in ontology order.</summary>
    internal static List<List<string>> CodesByRoot(Lexicon.Lexicon lexicon)
    {
        var byRoot = new List<List<string>>();
        for (int r = 0; r <= 20; r++)
        {
            byRoot.Add([]);
        }

        foreach (var type in lexicon.Ontology.All)
        {
            if (type.Code.Length >= 3 && int.TryParse(type.Root, out int r) && r is >= 1 and <= 20)
            {
                byRoot[r].Add(type.Code);
            }
        }

        return byRoot;
    }

    /// <summary>The label a token learns when several acts share it: the first coded one, else the first.</summary>
    private static CorpusEvent Primary(List<CorpusEvent> events) => events.FirstOrDefault(e => e.IsCoded) ?? events[0];

    private static int RoleOf(Document doc, ArgumentCandidate a, List<CorpusEvent> events)
    {
        foreach (var e in events)
        {
            if (e.IsCoded && e.Source is { } s && Overlaps(doc, a, s))
            {
                return 1;
            }
        }

        foreach (var e in events)
        {
            if (e.IsCoded && e.Target is { } t && Overlaps(doc, a, t))
            {
                return 2;
            }
        }

        return 0;
    }

    private static bool Overlaps(Document doc, ArgumentCandidate a, LabelSpan span) =>
        doc.Token(a.First).Start < span.End && span.Start < doc.Token(a.Last).End;

    /// <summary>The head token of the trigger's words, or -1 when no token overlaps them.</summary>
    private static int TriggerToken(Document doc, LabelSpan span)
    {
        var (first, last) = Tokens(doc, span);
        return first < 0 ? -1 : SentenceContexts.HeadOf(doc, first, last);
    }

    /// <summary>The first and last tokens overlapping a span, or (-1, -1).</summary>
    private static (int First, int Last) Tokens(Document doc, LabelSpan span)
    {
        int first = -1, last = -1;
        for (int t = 0; t < doc.TokenCount; t++)
        {
            var tok = doc.Token(t);
            if (tok.Start < span.End && span.Start < tok.End)
            {
                if (first < 0)
                {
                    first = t;
                }

                last = t;
            }
            else if (tok.Start >= span.End)
            {
                break;
            }
        }

        return (first, last);
    }

    private static bool Learn(PerceptronTrainer p, List<ulong> f, int truth, float[] scores, int classes, DensePerceptron? dense = null, float[]? x = null, int missWeight = 1)
    {
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(f);
        Array.Clear(scores);
        p.Score(span, scores);
        if (dense is not null && x is not null)
        {
            dense.Score(x, scores);
        }
        int guess = 0;
        for (int k = 1; k < classes; k++)
        {
            if (scores[k] > scores[guess])
            {
                guess = k;
            }
        }

        p.Update(span, truth, guess);
        if (missWeight > 1 && guess == 0 && truth != 0)
        {
            for (int k = 1; k < missWeight; k++)
            {
                p.Update(span, truth, guess);
            }
        }

        p.Tick();
        if (dense is not null && x is not null)
        {
            dense.Update(x, truth, guess, DenseRate);
            dense.Tick();
        }

        return guess == truth;
    }

    /// <summary>Step size of the dense weights (inputs have unit length; sparse features weigh 1 each).</summary>
    private const float DenseRate = 4f;

    private static string CorpusHash(IReadOnlyList<CorpusDocument> documents)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var d in documents)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(d.Id + "\n" + d.Text + "\n" + d.Events.Count + "\n"));
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset())[..12];
    }
}
