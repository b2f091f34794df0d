using System.IO.Compression;
using System.Text;

namespace Dyad.Text.Analysis;

/// <summary>The analysis of one sentence: per word UPOS, XPOS, lemma, head and relation.</summary>
/// <param name="Upos">Universal part of speech per word.</param>
/// <param name="Xpos">Penn Treebank tag per word.</param>
/// <param name="Lemmas">Lemma per word.</param>
/// <param name="Heads">0-based index of each word's head within the sentence; -1 for the root.</param>
/// <param name="Relations">UD relation of each word to its head (<c>root</c> for the root).</param>
public sealed record SentenceAnalysis(string[] Upos, string[] Xpos, string[] Lemmas, int[] Heads, string[] Relations)
{
    /// <summary>Number of words.</summary>
    public int Count => Upos.Length;
}

/// <summary>
/// Dyad's English analyser: part-of-speech tagger, lemmatizer and dependency parser trained on UD English-EWT,
/// as one immutable, versioned model. <see cref="Default"/> loads the model shipped inside Dyad.Text once, on
/// first use. All members are thread-safe; each thread uses its own scratch buffers.
/// </summary>
public sealed class AnalyserModel
{
    /// <summary>
    /// Format version written in the header. Version 3 holds a transition parser, a biaffine parser or both;
    /// version 2 (a transition parser with its beam width) and version 1 (a greedy transition parser) files are
    /// still read. Other versions are refused.
    /// </summary>
    public const int FormatVersion = 3;

    private const int GreedyFormatVersion = 1;

    private const int BeamFormatVersion = 2;

    /// <summary>Name of the embedded model resource.</summary>
    public const string ResourceName = "Dyad.Text.Models.en-ewt.analyser";

    private static readonly byte[] Magic = "DYADANLZ"u8.ToArray();
    private static readonly Lazy<AnalyserModel> LazyDefault = new(LoadDefault, LazyThreadSafetyMode.ExecutionAndPublication);

    [ThreadStatic]
    private static Scratch? t_scratch;

    internal AnalyserModel(PosTagger tagger, TreebankLemmatizer lemmatizer, DependencyParser? parser, string description, BiaffineParser? biaffine = null)
    {
        if (parser is null && biaffine is null)
        {
            throw new ArgumentException("An analyser model needs a parser.", nameof(parser));
        }

        Tagger = tagger;
        Lemmatizer = lemmatizer;
        Parser = parser;
        Biaffine = biaffine;
        Description = description;
    }

    /// <summary>The model shipped with Dyad (embedded resource), loaded on first use.</summary>
    /// <exception cref="InvalidOperationException">When the assembly carries no model (a build without it).</exception>
    public static AnalyserModel Default => LazyDefault.Value;

    /// <summary>True when the shipped model resource is present in this build.</summary>
    public static bool HasDefault => typeof(AnalyserModel).Assembly.GetManifestResourceInfo(ResourceName) is not null;

    /// <summary>Free text saved with the model: training data, settings, dev scores.</summary>
    public string Description { get; }

    /// <summary>Universal part-of-speech tags the model knows.</summary>
    public IReadOnlyList<string> UposTags => Tagger.Upos;

    /// <summary>Penn Treebank tags the model knows.</summary>
    public IReadOnlyList<string> XposTags => Tagger.Xpos;

    /// <summary>Dependency relations the model predicts.</summary>
    public IReadOnlyList<string> Relations => Biaffine?.Labels ?? Parser!.Labels;

    /// <summary>Which parser <see cref="Analyse(string, ReadOnlySpan{TextSpan}, Span{string}, Span{string}, Span{string}, Span{int}, Span{string}, bool)"/> uses: biaffine (more accurate) when the model has one, else transition-based.</summary>
    public string ParserKind => Biaffine is not null ? "biaffine" : Parser!.BeamWidth > 1 ? $"transition, beam {Parser.BeamWidth}" : "transition, greedy";

    /// <summary>True when the model also carries the fast transition-based parser (see <see cref="WithTransitionParser"/>).</summary>
    public bool HasTransitionParser => Parser is not null;

    /// <summary>True when the model carries the biaffine (BiLSTM) parser.</summary>
    public bool HasBiaffineParser => Biaffine is not null;

    internal PosTagger Tagger { get; }

    internal TreebankLemmatizer Lemmatizer { get; }

    /// <summary>The transition-based parser (greedy or beam), or null.</summary>
    internal DependencyParser? Parser { get; }

    /// <summary>The biaffine parser, or null; used in preference to <see cref="Parser"/>.</summary>
    internal BiaffineParser? Biaffine { get; }

    /// <summary>Analyses a sentence given as word forms.</summary>
    public SentenceAnalysis Analyse(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var spans = new TextSpan[words.Count];
        var text = new StringBuilder();
        for (int i = 0; i < words.Count; i++)
        {
            int start = text.Length;
            text.Append(words[i]);
            spans[i] = new TextSpan(start, text.Length);
            text.Append(' ');
        }

        return Analyse(text.ToString(), spans);
    }

    /// <summary>Analyses a sentence whose words are the spans <paramref name="words"/> of <paramref name="text"/>.</summary>
    public SentenceAnalysis Analyse(string text, ReadOnlySpan<TextSpan> words)
    {
        int n = words.Length;
        var result = new SentenceAnalysis(new string[n], new string[n], new string[n], new int[n], new string[n]);
        Analyse(text, words, result.Upos, result.Xpos, result.Lemmas, result.Heads, result.Relations);
        return result;
    }

    /// <summary>
    /// Analyses the words <paramref name="words"/> of <paramref name="text"/> into caller-owned arrays (each at
    /// least <c>words.Length</c> long). Heads are 0-based within the sentence, -1 for the root. Only the lemma
    /// strings are allocated. Without <paramref name="parse"/>, words are tagged and lemmatized only: each is its own
    /// root (head -1, relation <c>root</c>), at a small part of the cost.
    /// </summary>
    public void Analyse(string text, ReadOnlySpan<TextSpan> words, Span<string> upos, Span<string> xpos, Span<string> lemmas, Span<int> heads, Span<string> relations, bool parse = true)
    {
        ArgumentNullException.ThrowIfNull(text);
        int n = words.Length;
        if (n == 0)
        {
            return;
        }

        var s = t_scratch ??= new Scratch();
        var labelNames = Biaffine?.Labels ?? Parser!.Labels;
        s.Ensure(n, Tagger.Upos.Length + Tagger.Xpos.Length + labelNames.Length);
        var hashes = s.Words.AsSpan(0, n);
        for (int i = 0; i < n; i++)
        {
            hashes[i] = WordHashes.Of(text.AsSpan(words[i].Start, words[i].Length));
        }

        var u = s.Upos.AsSpan(0, n);
        var x = s.Xpos.AsSpan(0, n);
        Tagger.Tag(hashes, u, x, s.Features, s.Scores);
        var labels = s.Labels.AsSpan(0, n);
        if (parse)
        {
            if (Biaffine is not null)
            {
                Biaffine.Parse(hashes, x, s.Biaffine, heads, labels);
            }
            else
            {
                Parser!.Parse(hashes, x, u, s.State, s.Beam, heads, labels, s.Features, s.Scores);
            }
        }

        for (int i = 0; i < n; i++)
        {
            string up = Tagger.Upos[u[i]];
            string xp = Tagger.Xpos[x[i]];
            upos[i] = up;
            xpos[i] = xp;
            lemmas[i] = Lemmatizer.Lemma(text.AsSpan(words[i].Start, words[i].Length), LemmaTag(up, xp), up);
            if (parse)
            {
                relations[i] = labelNames[labels[i]];
            }
            else
            {
                heads[i] = -1;
                relations[i] = "root";
            }
        }
    }

    /// <summary>
    /// The tag the lemmatizer is asked with: UPOS and XPOS are predicted separately and sometimes disagree; when
    /// UPOS says proper noun, the lemma follows proper-noun rules (case kept).
    /// </summary>
    private static string LemmaTag(string upos, string xpos) =>
        upos == "PROPN" && xpos is not ("NNP" or "NNPS") ? (xpos == "NNS" ? "NNPS" : "NNP") : xpos;

    /// <summary>Fills UPOS, XPOS, LEMMA, HEAD and DEPREL of <paramref name="sentence"/> from its forms.</summary>
    public void Annotate(ConllUSentence sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var a = Analyse(sentence.Forms);
        for (int i = 0; i < sentence.Count; i++)
        {
            sentence.Upos[i] = a.Upos[i];
            sentence.Xpos[i] = a.Xpos[i];
            sentence.Lemmas[i] = a.Lemmas[i];
            sentence.Heads[i] = a.Heads[i] + 1;
            sentence.Relations[i] = a.Relations[i];
        }
    }

    /// <summary>
    /// A smaller, faster copy: tagger and parser weights below <paramref name="taggerThreshold"/> and
    /// <paramref name="parserThreshold"/> in magnitude are dropped.
    /// </summary>
    public AnalyserModel Prune(float taggerThreshold, float parserThreshold) => new(
        new PosTagger(Tagger.Upos, Tagger.Xpos, Tagger.Weights.Pruned(taggerThreshold), Tagger.Ambiguity),
        Lemmatizer,
        Parser is null ? null : new DependencyParser(Parser.Labels, Parser.Transitions.Pruned(parserThreshold), Parser.Labeller.Pruned(parserThreshold), Parser.BeamWidth),
        Description + string.Create(System.Globalization.CultureInfo.InvariantCulture, $"; pruned at {taggerThreshold}/{parserThreshold}"),
        Biaffine);

    /// <summary>
    /// The same model parsing with its transition-based parser only: several times faster than the biaffine one
    /// and less accurate. The model itself when it has no biaffine parser.
    /// </summary>
    /// <exception cref="InvalidOperationException">When the model has no transition-based parser.</exception>
    public AnalyserModel WithTransitionParser() => Biaffine is null ? this : new(
        Tagger,
        Lemmatizer,
        Parser ?? throw new InvalidOperationException("This analyser model has no transition-based parser."),
        Description + "; transition parser only");

    /// <summary>
    /// The same model with <paramref name="other"/>'s transition-based parser (replacing this one's, if any): how a
    /// newly trained biaffine parser joins an existing fast parser in one file.
    /// </summary>
    /// <exception cref="ArgumentException">When <paramref name="other"/> has no transition parser, or its tag sets differ (its parser reads tag ids).</exception>
    public AnalyserModel WithTransitionParserOf(AnalyserModel other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Parser is null)
        {
            throw new ArgumentException("The other model has no transition-based parser.", nameof(other));
        }

        if (!other.Tagger.Upos.SequenceEqual(Tagger.Upos) || !other.Tagger.Xpos.SequenceEqual(Tagger.Xpos))
        {
            throw new ArgumentException("The other model's tag sets differ from this one's, so its parser cannot read this tagger's tags.", nameof(other));
        }

        return new AnalyserModel(Tagger, Lemmatizer, other.Parser, Description + "; transition parser from: " + other.Description, Biaffine);
    }

    /// <summary>
    /// The fastest parsing variant of this model: <see cref="WithTransitionParser"/> when it carries both parsers,
    /// else the model itself (made on first use). The event coder parses with it to keep its throughput.
    /// </summary>
    public AnalyserModel Fast => _fast ??= Biaffine is not null && Parser is not null ? WithTransitionParser() : this;

    private AnalyserModel? _fast;

    /// <summary>
    /// The same model decoding with a beam of <paramref name="width"/> configurations (1 = greedy). The weights are
    /// trained for the beam they were trained with; other widths trade accuracy for speed.
    /// </summary>
    /// <exception cref="InvalidOperationException">When the model has no transition-based parser.</exception>
    public AnalyserModel WithBeamWidth(int width) => Parser is null
        ? throw new InvalidOperationException("This analyser model has no transition-based parser to decode with a beam.")
        : new(
            Tagger,
            Lemmatizer,
            new DependencyParser(Parser.Labels, Parser.Transitions, Parser.Labeller, width),
            Description + string.Create(System.Globalization.CultureInfo.InvariantCulture, $"; decoded with beam {width}"));

    /// <summary>Writes the model: an 8-byte magic, the format version, then a Brotli-compressed body.</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        stream.Write(Magic);
        stream.Write(BitConverter.GetBytes(FormatVersion));
        using var brotli = new BrotliStream(stream, CompressionLevel.Optimal, leaveOpen: true);
        using var w = new BinaryWriter(brotli, Encoding.UTF8, leaveOpen: true);
        w.Write(Description);
        WriteStrings(w, Tagger.Upos);
        WriteStrings(w, Tagger.Xpos);
        Tagger.Weights.Write(w);
        w.Write(Tagger.Ambiguity.Count);
        foreach (var (word, tags) in Tagger.Ambiguity.OrderBy(p => p.Key))
        {
            w.Write(word);
            w.Write(tags);
        }

        Lemmatizer.Write(w);
        w.Write((byte)((Parser is null ? 0 : 1) | (Biaffine is null ? 0 : 2)));
        if (Parser is not null)
        {
            WriteStrings(w, Parser.Labels);
            Parser.Transitions.Write(w);
            Parser.Labeller.Write(w);
            w.Write(Parser.BeamWidth);
        }

        Biaffine?.Write(w);
    }

    /// <summary>Saves to a file.</summary>
    public void Save(string path)
    {
        using var f = File.Create(path);
        Save(f);
    }

    /// <summary>Reads a model written by <see cref="Save(Stream)"/>.</summary>
    /// <exception cref="InvalidDataException">When the stream is not an analyser model of this format version, or is corrupt.</exception>
    public static AnalyserModel Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Span<byte> header = stackalloc byte[12];
        stream.ReadExactly(header);
        if (!header[..8].SequenceEqual(Magic))
        {
            throw new InvalidDataException("Not a Dyad analyser model (bad magic).");
        }

        int version = BitConverter.ToInt32(header[8..]);
        if (version is not (FormatVersion or BeamFormatVersion or GreedyFormatVersion))
        {
            throw new InvalidDataException($"Analyser model format version {version} is not supported (expected {GreedyFormatVersion} to {FormatVersion}).");
        }

        try
        {
            return ReadBody(stream, version);
        }
        catch (Exception e) when (e is FormatException or EndOfStreamException or OverflowException or ArgumentException or IndexOutOfRangeException)
        {
            throw new InvalidDataException($"The analyser model is corrupt: {e.Message}", e);
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static AnalyserModel ReadBody(Stream stream, int version)
    {
        // Decompress in one go: parsing from memory is much faster than through the decoder stream.
        var body = new MemoryStream(capacity: 32 << 20);
        using (var brotli = new BrotliStream(stream, CompressionMode.Decompress, leaveOpen: true))
        {
            brotli.CopyTo(body, 1 << 20);
        }

        body.Position = 0;
        using var r = new BinaryReader(body, Encoding.UTF8, leaveOpen: false);
        string description = r.ReadString();
        var upos = ReadStrings(r);
        var xpos = ReadStrings(r);
        var tagWeights = WeightTable.Read(r);
        int ambiguityCount = r.ReadInt32();
        var ambiguity = new Dictionary<ulong, ulong>(ambiguityCount);
        for (int i = 0; i < ambiguityCount; i++)
        {
            ulong word = r.ReadUInt64();
            ambiguity[word] = r.ReadUInt64();
        }

        var lemmatizer = TreebankLemmatizer.Read(r);
        int parsers = version == FormatVersion ? r.ReadByte() : 1;
        if (parsers is < 1 or > 3)
        {
            throw new InvalidDataException($"Parser flags {parsers} out of range (1 to 3).");
        }

        DependencyParser? parser = null;
        if ((parsers & 1) != 0)
        {
            var labels = ReadStrings(r);
            var transitions = WeightTable.Read(r);
            var labeller = WeightTable.Read(r);
            int beamWidth = version == GreedyFormatVersion ? 1 : r.ReadInt32();
            if (beamWidth is < 1 or > 64)
            {
                throw new InvalidDataException($"Beam width {beamWidth} out of range (1 to 64).");
            }

            parser = new DependencyParser(labels, transitions, labeller, beamWidth);
        }

        var biaffine = (parsers & 2) != 0 ? BiaffineParser.Read(r) : null;
        return new AnalyserModel(new PosTagger(upos, xpos, tagWeights, ambiguity), lemmatizer, parser, description, biaffine);
    }

    /// <summary>Loads a model file.</summary>
    public static AnalyserModel Load(string path)
    {
        using var f = File.OpenRead(path);
        return Load(f);
    }

    private static AnalyserModel LoadDefault()
    {
        using var stream = typeof(AnalyserModel).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The analyser model resource '{ResourceName}' is missing from Dyad.Text.");
        return Load(stream);
    }

    private static void WriteStrings(BinaryWriter w, string[] values)
    {
        w.Write(values.Length);
        foreach (string v in values)
        {
            w.Write(v);
        }
    }

    private static string[] ReadStrings(BinaryReader r)
    {
        var values = new string[r.ReadInt32()];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = string.Intern(r.ReadString());
        }

        return values;
    }

    private sealed class Scratch
    {
        public WordHashes[] Words = new WordHashes[128];
        public byte[] Upos = new byte[128];
        public byte[] Xpos = new byte[128];
        public byte[] Labels = new byte[128];
        public ulong[] Features = new ulong[Math.Max(DependencyParser.MaxFeatures, PosTagger.MaxFeatures)];
        public float[] Scores = new float[256];
        public ParseState State = new();
        public BeamSearch Beam = new();
        public BiaffineActivations Biaffine = new();

        public void Ensure(int n, int classes)
        {
            if (n > Words.Length)
            {
                Words = new WordHashes[n * 2];
                Upos = new byte[n * 2];
                Xpos = new byte[n * 2];
                Labels = new byte[n * 2];
            }

            if (classes > Scores.Length)
            {
                Scores = new float[classes];
            }
        }
    }
}
