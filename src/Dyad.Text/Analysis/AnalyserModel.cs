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
    /// Format version written in the header. Version 2 adds the parser's beam width; version 1 files (greedy
    /// parser) are still read. Other versions are refused.
    /// </summary>
    public const int FormatVersion = 2;

    private const int GreedyFormatVersion = 1;

    /// <summary>Name of the embedded model resource.</summary>
    public const string ResourceName = "Dyad.Text.Models.en-ewt.analyser";

    private static readonly byte[] Magic = "DYADANLZ"u8.ToArray();
    private static readonly Lazy<AnalyserModel> LazyDefault = new(LoadDefault, LazyThreadSafetyMode.ExecutionAndPublication);

    [ThreadStatic]
    private static Scratch? t_scratch;

    internal AnalyserModel(PosTagger tagger, TreebankLemmatizer lemmatizer, DependencyParser parser, string description)
    {
        Tagger = tagger;
        Lemmatizer = lemmatizer;
        Parser = parser;
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

    /// <summary>Dependency relations the model predicts.</summary>
    public IReadOnlyList<string> Relations => Parser.Labels;

    internal PosTagger Tagger { get; }

    internal TreebankLemmatizer Lemmatizer { get; }

    internal DependencyParser Parser { get; }

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
        s.Ensure(n, Tagger.Upos.Length + Tagger.Xpos.Length + Parser.Labels.Length);
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
            Parser.Parse(hashes, x, u, s.State, s.Beam, heads, labels, s.Features, s.Scores);
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
                relations[i] = Parser.Labels[labels[i]];
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
        new DependencyParser(Parser.Labels, Parser.Transitions.Pruned(parserThreshold), Parser.Labeller.Pruned(parserThreshold), Parser.BeamWidth),
        Description + string.Create(System.Globalization.CultureInfo.InvariantCulture, $"; pruned at {taggerThreshold}/{parserThreshold}"));

    /// <summary>
    /// The same model decoding with a beam of <paramref name="width"/> configurations (1 = greedy). The weights are
    /// trained for the beam they were trained with; other widths trade accuracy for speed.
    /// </summary>
    public AnalyserModel WithBeamWidth(int width) => new(
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
        WriteStrings(w, Parser.Labels);
        Parser.Transitions.Write(w);
        Parser.Labeller.Write(w);
        w.Write(Parser.BeamWidth);
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
        if (version is not (FormatVersion or GreedyFormatVersion))
        {
            throw new InvalidDataException($"Analyser model format version {version} is not supported (expected {GreedyFormatVersion} or {FormatVersion}).");
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
        var labels = ReadStrings(r);
        var transitions = WeightTable.Read(r);
        var labeller = WeightTable.Read(r);
        int beamWidth = version == GreedyFormatVersion ? 1 : r.ReadInt32();
        if (beamWidth is < 1 or > 64)
        {
            throw new InvalidDataException($"Beam width {beamWidth} out of range (1 to 64).");
        }

        return new AnalyserModel(new PosTagger(upos, xpos, tagWeights, ambiguity), lemmatizer, new DependencyParser(labels, transitions, labeller, beamWidth), description);
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
