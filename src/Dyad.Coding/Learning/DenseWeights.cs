using System.Numerics;

namespace Dyad.Coding.Learning;

/// <summary>
/// A dense linear scorer over a real-valued input vector (the accurate mode's contextual word vectors): one weight
/// row per class. Trained as an averaged perceptron alongside the sparse tables; immutable once frozen.
/// </summary>
public sealed class DenseWeights
{
    private readonly float[][] _w;

    internal DenseWeights(float[][] weights) => _w = weights;

    /// <summary>Number of classes.</summary>
    public int Classes => _w.Length;

    /// <summary>Width of the input vector.</summary>
    public int Dimension => _w.Length == 0 ? 0 : _w[0].Length;

    /// <summary>Adds each class's dot product with <paramref name="x"/> to <paramref name="scores"/>.</summary>
    public void Score(ReadOnlySpan<float> x, Span<float> scores)
    {
        for (int c = 0; c < _w.Length; c++)
        {
            scores[c] += VectorMath.Dot(_w[c], x);
        }
    }

    internal void Write(BinaryWriter w)
    {
        w.Write(_w.Length);
        w.Write(Dimension);
        foreach (var row in _w)
        {
            foreach (float v in row)
            {
                w.Write(v);
            }
        }
    }

    internal static DenseWeights Read(BinaryReader r)
    {
        int classes = r.ReadInt32(), dim = r.ReadInt32();
        if (classes is < 0 or > 1024 || dim is < 0 or > 8192)
        {
            throw new InvalidDataException($"implausible dense weight shape {classes} x {dim}");
        }

        var rows = new float[classes][];
        for (int c = 0; c < classes; c++)
        {
            rows[c] = new float[dim];
            for (int d = 0; d < dim; d++)
            {
                rows[c][d] = r.ReadSingle();
            }
        }

        return new DenseWeights(rows);
    }
}

/// <summary>Training side of <see cref="DenseWeights"/>: averaged perceptron updates ("w - u/c" averaging). Not thread-safe.</summary>
internal sealed class DensePerceptron
{
    private readonly float[][] _w;
    private readonly double[][] _u;
    private long _clock = 1;

    public DensePerceptron(int classes, int dimension)
    {
        _w = new float[classes][];
        _u = new double[classes][];
        for (int c = 0; c < classes; c++)
        {
            _w[c] = new float[dimension];
            _u[c] = new double[dimension];
        }
    }

    /// <summary>Adds the current weights' scores.</summary>
    public void Score(ReadOnlySpan<float> x, Span<float> scores)
    {
        for (int c = 0; c < _w.Length; c++)
        {
            scores[c] += VectorMath.Dot(_w[c], x);
        }
    }

    /// <summary>Moves weight from <paramref name="guess"/> to <paramref name="truth"/> along <paramref name="x"/>.</summary>
    public void Update(ReadOnlySpan<float> x, int truth, int guess, float rate)
    {
        if (truth == guess)
        {
            return;
        }

        for (int d = 0; d < x.Length; d++)
        {
            float delta = rate * x[d];
            _w[truth][d] += delta;
            _u[truth][d] += _clock * (double)delta;
            _w[guess][d] -= delta;
            _u[guess][d] -= _clock * (double)delta;
        }
    }

    /// <summary>Advances the averaging clock by one instance.</summary>
    public void Tick() => _clock++;

    /// <summary>The averaged weights.</summary>
    public DenseWeights Freeze()
    {
        var rows = new float[_w.Length][];
        for (int c = 0; c < _w.Length; c++)
        {
            rows[c] = new float[_w[c].Length];
            for (int d = 0; d < rows[c].Length; d++)
            {
                rows[c][d] = (float)(_w[c][d] - (_u[c][d] / _clock));
            }
        }

        return new DenseWeights(rows);
    }
}

/// <summary>Dot products and norms over float spans with SIMD.</summary>
internal static class VectorMath
{
    /// <summary>The dot product of two equally long spans.</summary>
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        int n = Math.Min(a.Length, b.Length);
        var acc = Vector<float>.Zero;
        int i = 0;
        for (; i <= n - Vector<float>.Count; i += Vector<float>.Count)
        {
            acc += new Vector<float>(a[i..]) * new Vector<float>(b[i..]);
        }

        float sum = Vector.Dot(acc, Vector<float>.One);
        for (; i < n; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    /// <summary>Scales <paramref name="v"/> to unit length (left as is when zero).</summary>
    public static void Normalize(Span<float> v)
    {
        float norm = MathF.Sqrt(Dot(v, v));
        if (norm > 0)
        {
            for (int i = 0; i < v.Length; i++)
            {
                v[i] /= norm;
            }
        }
    }
}
