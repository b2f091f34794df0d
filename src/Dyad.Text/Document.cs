namespace Dyad.Text;

/// <summary>Metadata that comes with an article from its input (JSONL fields, command-line options).</summary>
/// <param name="ReportDate">Publication or report date, if known.</param>
/// <param name="Title">Title, if given separately from the text.</param>
/// <param name="Url">Address of the article, if known.</param>
/// <param name="SourceName">Publisher or feed name, if known.</param>
public sealed record DocumentMetadata(DateOnly? ReportDate = null, string? Title = null, string? Url = null, string? SourceName = null)
{
    /// <summary>No metadata.</summary>
    public static DocumentMetadata None { get; } = new();
}

/// <summary>The annotation layers a pipeline stage can need or add.</summary>
public enum Layer
{
    /// <summary>Tokens with spans.</summary>
    Tokens,
    /// <summary>Sentence boundaries.</summary>
    Sentences,
    /// <summary>The dateline and the resolved report date.</summary>
    Dateline,
    /// <summary>Lemmas per token.</summary>
    Lemmas,
    /// <summary>Dictionary word ids and lemma candidates per token.</summary>
    Lexical,
    /// <summary>Part-of-speech tags per token.</summary>
    PartsOfSpeech,
    /// <summary>Dependency heads and relations per token.</summary>
    Dependencies,
    /// <summary>Actor mentions.</summary>
    Actors,
    /// <summary>Coded events.</summary>
    Events,
    /// <summary>Places of events.</summary>
    Places,
    /// <summary>Dates of events.</summary>
    Dates,
    /// <summary>The coder's decisions per pattern match (only when explaining).</summary>
    EventTrace,
    /// <summary>The learned event model's reading of each sentence.</summary>
    ModelActs,
}

/// <summary>
/// One article and its annotation layers. The text never changes; stages add layers of spans over it.
/// Not thread-safe while stages run; read-only afterwards.
/// </summary>
public sealed class Document
{
    private readonly Dictionary<Type, object> _extensions = [];
    private readonly HashSet<Layer> _layers = [];
    private Token[] _tokens = [];
    private Sentence[] _sentences = [];
    private string[] _lemmas = [];
    private string[] _upos = [];
    private string[] _xpos = [];
    private int[] _heads = [];
    private string[] _relations = [];

    /// <summary>Creates a document over <paramref name="text"/>.</summary>
    public Document(string id, SourceText text, DocumentMetadata? metadata = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentNullException.ThrowIfNull(text);
        Id = id;
        Text = text;
        Metadata = metadata ?? DocumentMetadata.None;
    }

    /// <summary>Creates a document from a string.</summary>
    public Document(string id, string text, DocumentMetadata? metadata = null)
        : this(id, new SourceText(text), metadata)
    {
    }

    /// <summary>Document id (file name without extension, or the JSONL <c>id</c>).</summary>
    public string Id { get; }

    /// <summary>The original text.</summary>
    public SourceText Text { get; }

    /// <summary>Input metadata.</summary>
    public DocumentMetadata Metadata { get; }

    /// <summary>Tokens in text order.</summary>
    public ReadOnlySpan<Token> Tokens => _tokens;

    /// <summary>Number of tokens.</summary>
    public int TokenCount => _tokens.Length;

    /// <summary>Sentences in text order.</summary>
    public ReadOnlySpan<Sentence> Sentences => _sentences;

    /// <summary>Number of sentences.</summary>
    public int SentenceCount => _sentences.Length;

    /// <summary>Lemma of each token (lower-case), parallel to <see cref="Tokens"/>.</summary>
    public ReadOnlySpan<string> Lemmas => _lemmas;

    /// <summary>Universal part-of-speech tag of each token (<c>NOUN</c>, <c>VERB</c>...), parallel to <see cref="Tokens"/>.</summary>
    public ReadOnlySpan<string> Upos => _upos;

    /// <summary>Penn Treebank tag of each token (<c>NNS</c>, <c>VBD</c>...), parallel to <see cref="Tokens"/>.</summary>
    public ReadOnlySpan<string> Xpos => _xpos;

    /// <summary>
    /// Dependency head of each token as a token index within the document (always in the same sentence), or -1
    /// for the root of its sentence; parallel to <see cref="Tokens"/>.
    /// </summary>
    public ReadOnlySpan<int> Heads => _heads;

    /// <summary>UD relation of each token to its head (<c>nsubj</c>, <c>obj</c>, <c>nsubj:pass</c>, <c>root</c>...).</summary>
    public ReadOnlySpan<string> Relations => _relations;

    /// <summary>The dateline, if the text has one.</summary>
    public Dateline? Dateline { get; private set; }

    /// <summary>The report date: from the dateline (completed by metadata) or the metadata.</summary>
    public DateOnly? ReportDate { get; private set; }

    /// <summary>The layers present.</summary>
    public IReadOnlySet<Layer> Layers => _layers;

    /// <summary>The text of token <paramref name="index"/>.</summary>
    public ReadOnlySpan<char> TokenText(int index) => Text.Value.AsSpan(_tokens[index].Start, _tokens[index].End - _tokens[index].Start);

    /// <summary>The token at <paramref name="index"/>.</summary>
    public Token Token(int index) => _tokens[index];

    /// <summary>The sentence at <paramref name="index"/>.</summary>
    public Sentence Sentence(int index) => _sentences[index];

    /// <summary>The text covered by a span.</summary>
    public string Slice(TextSpan span) => Text.ToString(span);

    /// <summary>The span from the start of token <paramref name="first"/> to the end of token <paramref name="last"/>.</summary>
    public TextSpan TokenRange(int first, int last) => new(_tokens[first].Start, _tokens[last].End);

    /// <summary>Index of the sentence containing token <paramref name="tokenIndex"/>.</summary>
    public int SentenceOfToken(int tokenIndex)
    {
        int lo = 0, hi = _sentences.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            var s = _sentences[mid];
            if (tokenIndex < s.TokenStart)
            {
                hi = mid - 1;
            }
            else if (tokenIndex >= s.TokenEnd)
            {
                lo = mid + 1;
            }
            else
            {
                return mid;
            }
        }

        return -1;
    }

    /// <summary>Adds the token and sentence layers (once).</summary>
    /// <exception cref="InvalidOperationException">When the layer is already present.</exception>
    /// <exception cref="ArgumentException">When a token lies outside the text or tokens are out of order.</exception>
    public void SetSegmentation(Token[] tokens, Sentence[] sentences)
    {
        AddLayer(Layer.Tokens);
        AddLayer(Layer.Sentences);
        int previousEnd = 0;
        foreach (var t in tokens)
        {
            if (t.Start < previousEnd || t.End <= t.Start || t.End > Text.Length)
            {
                throw new ArgumentException($"Token {t.Span} is out of order or outside the text (length {Text.Length}).", nameof(tokens));
            }

            previousEnd = t.End;
        }

        _tokens = tokens;
        _sentences = sentences;
    }

    /// <summary>Adds the dateline layer (once).</summary>
    public void SetDateline(Dateline? dateline, DateOnly? reportDate)
    {
        AddLayer(Layer.Dateline);
        Dateline = dateline;
        ReportDate = reportDate;
    }

    /// <summary>Adds the lemma layer (once); one lemma per token.</summary>
    public void SetLemmas(string[] lemmas)
    {
        if (lemmas.Length != _tokens.Length)
        {
            throw new ArgumentException($"Expected {_tokens.Length} lemmas, got {lemmas.Length}.", nameof(lemmas));
        }

        AddLayer(Layer.Lemmas);
        _lemmas = lemmas;
    }

    /// <summary>Adds the part-of-speech layer (once): UPOS and XPOS per token.</summary>
    /// <exception cref="ArgumentException">When an array's length is not the token count.</exception>
    public void SetPartsOfSpeech(string[] upos, string[] xpos)
    {
        ArgumentNullException.ThrowIfNull(upos);
        ArgumentNullException.ThrowIfNull(xpos);
        if (upos.Length != _tokens.Length || xpos.Length != _tokens.Length)
        {
            throw new ArgumentException($"Expected {_tokens.Length} tags, got {upos.Length} UPOS and {xpos.Length} XPOS.", nameof(upos));
        }

        AddLayer(Layer.PartsOfSpeech);
        _upos = upos;
        _xpos = xpos;
    }

    /// <summary>
    /// Adds the dependency layer (once): per token its head (token index in the document, -1 for a sentence root)
    /// and relation.
    /// </summary>
    /// <exception cref="ArgumentException">When an array's length is not the token count or a head is out of range.</exception>
    public void SetDependencies(int[] heads, string[] relations)
    {
        ArgumentNullException.ThrowIfNull(heads);
        ArgumentNullException.ThrowIfNull(relations);
        if (heads.Length != _tokens.Length || relations.Length != _tokens.Length)
        {
            throw new ArgumentException($"Expected {_tokens.Length} heads and relations, got {heads.Length} and {relations.Length}.", nameof(heads));
        }

        for (int i = 0; i < heads.Length; i++)
        {
            if (heads[i] < -1 || heads[i] >= heads.Length || heads[i] == i)
            {
                throw new ArgumentException($"Head {heads[i]} of token {i} is out of range.", nameof(heads));
            }
        }

        AddLayer(Layer.Dependencies);
        _heads = heads;
        _relations = relations;
    }

    /// <summary>Adds a typed layer owned by a later stage (actors, events...) and marks <paramref name="layer"/>.</summary>
    public void SetLayer<T>(Layer layer, T value)
        where T : class
    {
        AddLayer(layer);
        _extensions[typeof(T)] = value;
    }

    /// <summary>A typed layer added by <see cref="SetLayer{T}"/>.</summary>
    /// <exception cref="InvalidOperationException">When no stage added it.</exception>
    public T GetLayer<T>()
        where T : class =>
        _extensions.TryGetValue(typeof(T), out object? value)
            ? (T)value
            : throw new InvalidOperationException($"Document '{Id}' has no {typeof(T).Name} layer; add the stage that produces it.");

    /// <summary>A typed layer, or null when absent.</summary>
    public T? TryGetLayer<T>()
        where T : class => _extensions.TryGetValue(typeof(T), out object? value) ? (T)value : null;

    private void AddLayer(Layer layer)
    {
        if (!_layers.Add(layer))
        {
            throw new InvalidOperationException($"Document '{Id}' already has the {layer} layer.");
        }
    }
}
