namespace Dyad.Text;

/// <summary>
/// One stage of the pipeline: declares the layers it needs and adds, and processes one document.
/// Implementations must be thread-safe (one stage instance serves concurrent documents).
/// </summary>
public interface IPipelineStage
{
    /// <summary>Short name for diagnostics.</summary>
    string Name { get; }

    /// <summary>Layers that must be present before this stage runs.</summary>
    IReadOnlyList<Layer> Needs { get; }

    /// <summary>Layers this stage adds.</summary>
    IReadOnlyList<Layer> Adds { get; }

    /// <summary>Adds this stage's layers to <paramref name="document"/>.</summary>
    void Process(Document document);
}

/// <summary>
/// An ordered list of stages, checked when built: every need is met by an earlier stage, and no layer is added
/// twice. Thread-safe when its stages are.
/// </summary>
public sealed class Pipeline
{
    private readonly IPipelineStage[] _stages;

    private Pipeline(IPipelineStage[] stages) => _stages = stages;

    /// <summary>The stages in order.</summary>
    public IReadOnlyList<IPipelineStage> Stages => _stages;

    /// <summary>Builds a pipeline and checks its wiring.</summary>
    /// <exception cref="InvalidOperationException">When a stage needs a layer no earlier stage adds, or two stages add one layer.</exception>
    public static Pipeline Create(params IPipelineStage[] stages)
    {
        var present = new HashSet<Layer>();
        foreach (var stage in stages)
        {
            foreach (var need in stage.Needs)
            {
                if (!present.Contains(need))
                {
                    throw new InvalidOperationException($"Stage '{stage.Name}' needs the {need} layer, which no earlier stage adds.");
                }
            }

            foreach (var add in stage.Adds)
            {
                if (!present.Add(add))
                {
                    throw new InvalidOperationException($"Stage '{stage.Name}' adds the {add} layer, which an earlier stage already adds.");
                }
            }
        }

        return new Pipeline(stages);
    }

    /// <summary>Runs every stage on <paramref name="document"/> in order.</summary>
    public Document Run(Document document)
    {
        foreach (var stage in _stages)
        {
            stage.Process(document);
        }

        return document;
    }
}

/// <summary>Tokens, sentences and the dateline: the segmentation stage.</summary>
public sealed class SegmentationStage : IPipelineStage
{
    private readonly Tokenizer _tokenizer;
    private readonly SentenceSplitter _splitter;

    /// <summary>Creates the stage with the given tokenizer and splitter (defaults when null).</summary>
    public SegmentationStage(Tokenizer? tokenizer = null, SentenceSplitter? splitter = null)
    {
        _tokenizer = tokenizer ?? Tokenizer.Default;
        _splitter = splitter ?? SentenceSplitter.Default;
    }

    /// <inheritdoc />
    public string Name => "segment";

    /// <inheritdoc />
    public IReadOnlyList<Layer> Needs { get; } = [];

    /// <inheritdoc />
    public IReadOnlyList<Layer> Adds { get; } = [Layer.Tokens, Layer.Sentences, Layer.Dateline];

    /// <inheritdoc />
    public void Process(Document document)
    {
        string text = document.Text.Value;
        var tokens = _tokenizer.Tokenize(text);
        var sentences = _splitter.Split(text, tokens);
        document.SetSegmentation([.. tokens], [.. sentences]);
        var dateline = DatelineReader.Find(text);
        var reportDate = dateline is null ? document.Metadata.ReportDate : dateline.ResolveDate(document.Metadata.ReportDate);
        document.SetDateline(dateline, reportDate);
    }
}

/// <summary>Lemmas from the rule <see cref="Lemmatizer"/>.</summary>
public sealed class RuleLemmaStage : IPipelineStage
{
    private readonly Lemmatizer _lemmatizer = Lemmatizer.Default;

    /// <inheritdoc />
    public string Name => "lemma";

    /// <inheritdoc />
    public IReadOnlyList<Layer> Needs { get; } = [Layer.Tokens];

    /// <inheritdoc />
    public IReadOnlyList<Layer> Adds { get; } = [Layer.Lemmas];

    /// <inheritdoc />
    public void Process(Document document)
    {
        var lemmas = new string[document.TokenCount];
        for (int i = 0; i < lemmas.Length; i++)
        {
            lemmas[i] = _lemmatizer.Lemma(document.TokenText(i));
        }

        document.SetLemmas(lemmas);
    }
}
