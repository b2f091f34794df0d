namespace Dyad.Text.Analysis;

/// <summary>
/// Tags, lemmatizes and parses every sentence of a document with an <see cref="AnalyserModel"/> (by default
/// the shipped one). Needs tokens and sentences; adds lemmas, parts of speech and dependencies. Heads point to
/// token indices within the document, -1 for a sentence's root. Thread-safe (the model is immutable; scratch
/// buffers are per thread).
/// </summary>
public sealed class AnalysisStage : IPipelineStage
{
    private readonly AnalyserModel? _model;
    private readonly Func<Document, Sentence, bool>? _worthParsing;
    private readonly Func<Document, Sentence, bool>? _worthTagging;
    private readonly IReadOnlyList<Layer> _needs;
    private readonly bool _fastParser;

    /// <summary>
    /// Creates the stage over <paramref name="model"/>, or over <see cref="AnalyserModel.Default"/> (loaded on first use) when null.
    /// With <paramref name="worthParsing"/>, only the sentences it accepts are analysed; the others get neutral values
    /// (tag <c>X</c>, lemma = the word, each word its own root), which consumers treat as "no parse". Layers the
    /// filter reads are listed in <paramref name="filterNeeds"/>. Sentences <paramref name="worthParsing"/> rejects
    /// but <paramref name="worthTagging"/> accepts are tagged and lemmatized without a parse (each word its own root).
    /// With <paramref name="fastParser"/>, the model's fast transition-based parser is used even when it also has
    /// the more accurate biaffine one (<see cref="AnalyserModel.Fast"/>).
    /// </summary>
    public AnalysisStage(AnalyserModel? model = null, Func<Document, Sentence, bool>? worthParsing = null, IReadOnlyList<Layer>? filterNeeds = null,
        Func<Document, Sentence, bool>? worthTagging = null, bool fastParser = false)
    {
        _fastParser = fastParser;
        _model = model;
        _worthParsing = worthParsing;
        _worthTagging = worthTagging;
        _needs = [Layer.Tokens, Layer.Sentences, .. filterNeeds ?? []];
    }

    /// <inheritdoc />
    public string Name => "analyse";

    /// <inheritdoc />
    public IReadOnlyList<Layer> Needs => _needs;

    // The dateline layer is optional: when present, the dateline is parsed apart from the sentence it opens.

    /// <inheritdoc />
    public IReadOnlyList<Layer> Adds { get; } = [Layer.Lemmas, Layer.PartsOfSpeech, Layer.Dependencies];

    /// <inheritdoc />
    public void Process(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var model = _model ?? AnalyserModel.Default;
        if (_fastParser)
        {
            model = model.Fast;
        }

        int n = document.TokenCount;
        var upos = new string[n];
        var xpos = new string[n];
        var lemmas = new string[n];
        var heads = new int[n];
        var relations = new string[n];
        var spans = new TextSpan[Math.Max(1, MaxSentence(document))];
        string text = document.Text.Value;
        int datelineEnd = document.Dateline?.Span.End ?? -1;
        foreach (var sentence in document.Sentences)
        {
            // A dateline ("DUBAI –", "NEW DELHI, Sept 10 –") is parsed as a unit of its own, so that the city is
            // never read as the subject of the report's first sentence.
            bool parse = true;
            if (_worthParsing is not null && !_worthParsing(document, sentence))
            {
                if (_worthTagging is null || !_worthTagging(document, sentence))
                {
                    continue; // left neutral below
                }

                parse = false; // tags and lemmas only
            }

            int split = sentence.TokenStart;
            while (split < sentence.TokenEnd && document.Token(split).End <= datelineEnd)
            {
                split++;
            }

            if (split > sentence.TokenStart && split < sentence.TokenEnd)
            {
                Analyse(sentence.TokenStart, split - sentence.TokenStart, parse);
                Analyse(split, sentence.TokenEnd - split, parse);
            }
            else
            {
                Analyse(sentence.TokenStart, sentence.TokenCount, parse);
            }
        }

        void Analyse(int first, int count, bool parse)
        {
            for (int i = 0; i < count; i++)
            {
                spans[i] = document.Token(first + i).Span;
            }

            model.Analyse(
                text,
                spans.AsSpan(0, count),
                upos.AsSpan(first, count),
                xpos.AsSpan(first, count),
                lemmas.AsSpan(first, count),
                heads.AsSpan(first, count),
                relations.AsSpan(first, count),
                parse);
            for (int i = first; i < first + count; i++)
            {
                if (heads[i] >= 0)
                {
                    heads[i] += first;
                }
            }
        }

        // Tokens outside every sentence (none with the standard splitter) get neutral values.
        for (int i = 0; i < n; i++)
        {
            if (upos[i] is null)
            {
                upos[i] = "X";
                xpos[i] = "XX";
                lemmas[i] = document.TokenText(i).ToString();
                heads[i] = -1;
                relations[i] = "root";
            }
        }

        document.SetLemmas(lemmas);
        document.SetPartsOfSpeech(upos, xpos);
        document.SetDependencies(heads, relations);
    }

    private static int MaxSentence(Document document)
    {
        int max = 0;
        foreach (var s in document.Sentences)
        {
            max = Math.Max(max, s.TokenCount);
        }

        return max;
    }
}
