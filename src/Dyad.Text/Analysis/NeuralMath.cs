using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Dyad.Text.Analysis;

/// <summary>
/// The dense vector kernels of <see cref="BiaffineParser"/> and its trainer: matrix-vector products, their
/// transposes, rank-one updates and activations, on row-major <c>float</c> matrices held in spans. SIMD through
/// <see cref="Vector{T}"/>; every loop has a scalar tail, so no dimension needs to be a multiple of the vector width.
/// </summary>
internal static class NeuralMath
{
    /// <summary><paramref name="y"/>[r] += W[r,:] · <paramref name="x"/> for the <paramref name="rows"/> rows of <paramref name="w"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MatVecAdd(ReadOnlySpan<float> w, int rows, int cols, ReadOnlySpan<float> x, Span<float> y)
    {
        int width = Vector<float>.Count;
        int vectors = Vector.IsHardwareAccelerated ? cols / width : 0;
        int r = 0;
        if (vectors > 0)
        {
            // Four rows at a time: each slice of x is loaded once for four products.
            var vx = MemoryMarshal.Cast<float, Vector<float>>(x[..(vectors * width)]);
            for (; r + 3 < rows; r += 4)
            {
                var a0 = Vector<float>.Zero;
                var a1 = Vector<float>.Zero;
                var a2 = Vector<float>.Zero;
                var a3 = Vector<float>.Zero;
                var w0 = MemoryMarshal.Cast<float, Vector<float>>(w.Slice(r * cols, vectors * width));
                var w1 = MemoryMarshal.Cast<float, Vector<float>>(w.Slice((r + 1) * cols, vectors * width));
                var w2 = MemoryMarshal.Cast<float, Vector<float>>(w.Slice((r + 2) * cols, vectors * width));
                var w3 = MemoryMarshal.Cast<float, Vector<float>>(w.Slice((r + 3) * cols, vectors * width));
                for (int k = 0; k < vx.Length; k++)
                {
                    var v = vx[k];
                    a0 = Vector.FusedMultiplyAdd(w0[k], v, a0);
                    a1 = Vector.FusedMultiplyAdd(w1[k], v, a1);
                    a2 = Vector.FusedMultiplyAdd(w2[k], v, a2);
                    a3 = Vector.FusedMultiplyAdd(w3[k], v, a3);
                }

                float s0 = Vector.Sum(a0), s1 = Vector.Sum(a1), s2 = Vector.Sum(a2), s3 = Vector.Sum(a3);
                for (int c = vectors * width; c < cols; c++)
                {
                    float xc = x[c];
                    s0 += w[r * cols + c] * xc;
                    s1 += w[(r + 1) * cols + c] * xc;
                    s2 += w[(r + 2) * cols + c] * xc;
                    s3 += w[(r + 3) * cols + c] * xc;
                }

                y[r] += s0;
                y[r + 1] += s1;
                y[r + 2] += s2;
                y[r + 3] += s3;
            }
        }

        for (; r < rows; r++)
        {
            y[r] += Dot(w.Slice(r * cols, cols), x[..cols]);
        }
    }

    /// <summary>
    /// Y[t, r] += W[r,:] · X[t,:] for the <paramref name="count"/> rows of <paramref name="x"/> (each
    /// <paramref name="cols"/> wide) into the rows of <paramref name="y"/> (each <paramref name="rows"/> wide): many
    /// matrix-vector products at once, two inputs by four weight rows per pass so each load serves more products.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MatMulAdd(ReadOnlySpan<float> w, int rows, int cols, ReadOnlySpan<float> x, int count, Span<float> y)
    {
        int width = Vector<float>.Count;
        int vectors = Vector.IsHardwareAccelerated ? cols / width : 0;
        int t = 0;
        if (vectors > 0 && rows % 4 == 0)
        {
            int body = vectors * width;
            int pairs = count / 2;

            // Weight rows outermost: four rows stay in the first-level cache while every pair of inputs passes.
            for (int r = 0; r < rows; r += 4)
            {
                var w0 = MemoryMarshal.Cast<float, Vector<float>>(w.Slice(r * cols, body));
                var w1 = MemoryMarshal.Cast<float, Vector<float>>(w.Slice((r + 1) * cols, body));
                var w2 = MemoryMarshal.Cast<float, Vector<float>>(w.Slice((r + 2) * cols, body));
                var w3 = MemoryMarshal.Cast<float, Vector<float>>(w.Slice((r + 3) * cols, body));
                for (int pair = 0; pair < pairs; pair++)
                {
                    int ta = 2 * pair;
                    var xa = MemoryMarshal.Cast<float, Vector<float>>(x.Slice(ta * cols, body));
                    var xb = MemoryMarshal.Cast<float, Vector<float>>(x.Slice((ta + 1) * cols, body));
                    Vector<float> a0 = default, a1 = default, a2 = default, a3 = default;
                    Vector<float> b0 = default, b1 = default, b2 = default, b3 = default;
                    for (int k = 0; k < xa.Length; k++)
                    {
                        var va = xa[k];
                        var vb = xb[k];
                        var q0 = w0[k];
                        var q1 = w1[k];
                        var q2 = w2[k];
                        var q3 = w3[k];
                        a0 = Vector.FusedMultiplyAdd(q0, va, a0);
                        b0 = Vector.FusedMultiplyAdd(q0, vb, b0);
                        a1 = Vector.FusedMultiplyAdd(q1, va, a1);
                        b1 = Vector.FusedMultiplyAdd(q1, vb, b1);
                        a2 = Vector.FusedMultiplyAdd(q2, va, a2);
                        b2 = Vector.FusedMultiplyAdd(q2, vb, b2);
                        a3 = Vector.FusedMultiplyAdd(q3, va, a3);
                        b3 = Vector.FusedMultiplyAdd(q3, vb, b3);
                    }

                    float sa0 = Vector.Sum(a0), sa1 = Vector.Sum(a1), sa2 = Vector.Sum(a2), sa3 = Vector.Sum(a3);
                    float sb0 = Vector.Sum(b0), sb1 = Vector.Sum(b1), sb2 = Vector.Sum(b2), sb3 = Vector.Sum(b3);
                    for (int c = body; c < cols; c++)
                    {
                        float xac = x[ta * cols + c], xbc = x[(ta + 1) * cols + c];
                        sa0 += w[r * cols + c] * xac;
                        sb0 += w[r * cols + c] * xbc;
                        sa1 += w[(r + 1) * cols + c] * xac;
                        sb1 += w[(r + 1) * cols + c] * xbc;
                        sa2 += w[(r + 2) * cols + c] * xac;
                        sb2 += w[(r + 2) * cols + c] * xbc;
                        sa3 += w[(r + 3) * cols + c] * xac;
                        sb3 += w[(r + 3) * cols + c] * xbc;
                    }

                    var ya = y.Slice(ta * rows + r, 4);
                    var yb = y.Slice((ta + 1) * rows + r, 4);
                    ya[0] += sa0;
                    ya[1] += sa1;
                    ya[2] += sa2;
                    ya[3] += sa3;
                    yb[0] += sb0;
                    yb[1] += sb1;
                    yb[2] += sb2;
                    yb[3] += sb3;
                }
            }

            t = pairs * 2;
        }

        for (; t < count; t++)
        {
            MatVecAdd(w, rows, cols, x.Slice(t * cols, cols), y.Slice(t * rows, rows));
        }
    }

    /// <summary>
    /// The LSTM cell over a step's gate pre-activations <paramref name="g"/> (input, forget, output, candidate; each
    /// <paramref name="h"/> wide): replaces them by the gate values, writes the new cell and hidden state.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void LstmCell(Span<float> g, int h, ReadOnlySpan<float> cPrev, Span<float> c, Span<float> hOut)
    {
        int k = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var one = Vector<float>.One;
            var two = new Vector<float>(2f);
            for (; k + Vector<float>.Count <= h; k += Vector<float>.Count)
            {
                var ig = one / (one + Vector.Exp(-new Vector<float>(g.Slice(k))));
                var fg = one / (one + Vector.Exp(-new Vector<float>(g.Slice(h + k))));
                var og = one / (one + Vector.Exp(-new Vector<float>(g.Slice(2 * h + k))));
                var cg = two / (one + Vector.Exp(-two * new Vector<float>(g.Slice(3 * h + k)))) - one;
                ig.CopyTo(g.Slice(k));
                fg.CopyTo(g.Slice(h + k));
                og.CopyTo(g.Slice(2 * h + k));
                cg.CopyTo(g.Slice(3 * h + k));
                var cell = ig * cg;
                if (!cPrev.IsEmpty)
                {
                    cell += fg * new Vector<float>(cPrev.Slice(k));
                }

                cell.CopyTo(c.Slice(k));
                var tc = two / (one + Vector.Exp(-two * cell)) - one;
                (og * tc).CopyTo(hOut.Slice(k));
            }
        }

        for (; k < h; k++)
        {
            float ig = Sigmoid(g[k]);
            float fg = Sigmoid(g[h + k]);
            float og = Sigmoid(g[2 * h + k]);
            float cg = MathF.Tanh(g[3 * h + k]);
            g[k] = ig;
            g[h + k] = fg;
            g[2 * h + k] = og;
            g[3 * h + k] = cg;
            float cell = ig * cg + (cPrev.IsEmpty ? 0f : fg * cPrev[k]);
            c[k] = cell;
            hOut[k] = og * MathF.Tanh(cell);
        }
    }

    /// <summary><paramref name="dx"/> += Wᵀ <paramref name="dy"/>: the gradient of a matrix-vector product with respect to its input.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MatTVecAdd(ReadOnlySpan<float> w, int rows, int cols, ReadOnlySpan<float> dy, Span<float> dx)
    {
        for (int r = 0; r < rows; r++)
        {
            float g = dy[r];
            if (g != 0f)
            {
                Axpy(g, w.Slice(r * cols, cols), dx[..cols]);
            }
        }
    }

    /// <summary><paramref name="dw"/> += <paramref name="dy"/> ⊗ <paramref name="x"/>: the gradient of a matrix-vector product with respect to the matrix.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void OuterAdd(Span<float> dw, int rows, int cols, ReadOnlySpan<float> dy, ReadOnlySpan<float> x)
    {
        for (int r = 0; r < rows; r++)
        {
            float g = dy[r];
            if (g != 0f)
            {
                Axpy(g, x[..cols], dw.Slice(r * cols, cols));
            }
        }
    }

    /// <summary>The dot product of two equally long vectors.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        int n = a.Length;
        int i = 0;
        float sum = 0f;
        if (Vector.IsHardwareAccelerated && n >= Vector<float>.Count)
        {
            var va = MemoryMarshal.Cast<float, Vector<float>>(a);
            var vb = MemoryMarshal.Cast<float, Vector<float>>(b[..n]);
            var acc0 = Vector<float>.Zero;
            var acc1 = Vector<float>.Zero;
            int k = 0;
            for (; k + 1 < va.Length; k += 2)
            {
                acc0 = Vector.FusedMultiplyAdd(va[k], vb[k], acc0);
                acc1 = Vector.FusedMultiplyAdd(va[k + 1], vb[k + 1], acc1);
            }

            if (k < va.Length)
            {
                acc0 = Vector.FusedMultiplyAdd(va[k], vb[k], acc0);
            }

            sum = Vector.Sum(acc0 + acc1);
            i = va.Length * Vector<float>.Count;
        }

        for (; i < n; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    /// <summary><paramref name="y"/> += <paramref name="a"/> · <paramref name="x"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Axpy(float a, ReadOnlySpan<float> x, Span<float> y)
    {
        int n = x.Length;
        int i = 0;
        if (Vector.IsHardwareAccelerated && n >= Vector<float>.Count)
        {
            var vx = MemoryMarshal.Cast<float, Vector<float>>(x);
            var vy = MemoryMarshal.Cast<float, Vector<float>>(y[..n]);
            var va = new Vector<float>(a);
            for (int k = 0; k < vx.Length; k++)
            {
                vy[k] = Vector.FusedMultiplyAdd(va, vx[k], vy[k]);
            }

            i = vx.Length * Vector<float>.Count;
        }

        for (; i < n; i++)
        {
            y[i] += a * x[i];
        }
    }

    /// <summary><paramref name="y"/> += <paramref name="x"/>.</summary>
    public static void Add(ReadOnlySpan<float> x, Span<float> y)
    {
        int n = x.Length;
        int i = 0;
        if (Vector.IsHardwareAccelerated && n >= Vector<float>.Count)
        {
            var vx = MemoryMarshal.Cast<float, Vector<float>>(x);
            var vy = MemoryMarshal.Cast<float, Vector<float>>(y[..n]);
            for (int k = 0; k < vx.Length; k++)
            {
                vy[k] += vx[k];
            }

            i = vx.Length * Vector<float>.Count;
        }

        for (; i < n; i++)
        {
            y[i] += x[i];
        }
    }

    /// <summary>The logistic function.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Sigmoid(float x) => 1f / (1f + MathF.Exp(-x));

    /// <summary>Replaces each value by max(0, value).</summary>
    public static void Relu(Span<float> x)
    {
        for (int i = 0; i < x.Length; i++)
        {
            if (x[i] < 0f)
            {
                x[i] = 0f;
            }
        }
    }

    /// <summary>Turns <paramref name="x"/> into a probability distribution (softmax).</summary>
    public static void Softmax(Span<float> x)
    {
        float max = Max(x);
        float sum = 0f;
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = MathF.Exp(x[i] - max);
            sum += x[i];
        }

        float inv = 1f / sum;
        for (int i = 0; i < x.Length; i++)
        {
            x[i] *= inv;
        }
    }

    /// <summary>Turns scores into log probabilities (minus the log of the softmax normaliser).</summary>
    public static void LogSoftmax(Span<float> x)
    {
        float max = Max(x);
        float sum = 0f;
        foreach (float v in x)
        {
            sum += MathF.Exp(v - max);
        }

        float logZ = max + MathF.Log(sum);
        for (int i = 0; i < x.Length; i++)
        {
            x[i] -= logZ;
        }
    }

    private static float Max(ReadOnlySpan<float> x)
    {
        float max = float.NegativeInfinity;
        foreach (float v in x)
        {
            if (v > max)
            {
                max = v;
            }
        }

        return max;
    }
}
