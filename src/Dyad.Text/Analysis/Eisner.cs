namespace Dyad.Text.Analysis;

/// <summary>Reusable charts of <see cref="Eisner"/>, grown to the longest sentence seen.</summary>
internal sealed class EisnerChart
{
    public int Capacity;
    public float[] CompleteLeft = [];
    public float[] CompleteRight = [];
    public float[] IncompleteLeft = [];
    public float[] IncompleteRight = [];
    public int[] CompleteLeftSplit = [];
    public int[] CompleteRightSplit = [];
    public int[] IncompleteSplit = [];
    public int[] Agenda = [];

    public void Ensure(int n)
    {
        if (n <= Capacity)
        {
            return;
        }

        Capacity = Math.Max(n, Capacity * 2);
        int size = Capacity * Capacity;
        CompleteLeft = new float[size];
        CompleteRight = new float[size];
        IncompleteLeft = new float[size];
        IncompleteRight = new float[size];
        CompleteLeftSplit = new int[size];
        CompleteRightSplit = new int[size];
        IncompleteSplit = new int[size];
        Agenda = new int[3 * (4 * Capacity + 8)];
    }
}

/// <summary>
/// Eisner's (1996) dynamic program for the best projective dependency tree under arc-factored scores, with exactly
/// one word attached to the root. O(n³) time, O(n²) memory.
/// </summary>
internal static class Eisner
{
    private const int CompleteLeftSpan = 0;
    private const int CompleteRightSpan = 1;
    private const int IncompleteLeftSpan = 2;
    private const int IncompleteRightSpan = 3;

    /// <summary>
    /// Fills <paramref name="heads"/> (0-based; <paramref name="n"/> = the root) with the best tree.
    /// <paramref name="scores"/> row d, column h (rows n + 1 wide) is the score of h as head of d; column n is the root.
    /// </summary>
    public static void Decode(ReadOnlySpan<float> scores, int n, EisnerChart chart, Span<int> heads)
    {
        if (n == 1)
        {
            heads[0] = n;
            return;
        }

        chart.Ensure(n);
        int w = n + 1;
        var cl = chart.CompleteLeft;
        var cr = chart.CompleteRight;
        var il = chart.IncompleteLeft;
        var ir = chart.IncompleteRight;
        var clSplit = chart.CompleteLeftSplit;
        var crSplit = chart.CompleteRightSplit;
        var iSplit = chart.IncompleteSplit;
        for (int s = 0; s < n; s++)
        {
            cl[s * n + s] = 0f;
            cr[s * n + s] = 0f;
        }

        for (int k = 1; k < n; k++)
        {
            for (int s = 0; s + k < n; s++)
            {
                int t = s + k;
                float best = float.NegativeInfinity;
                int arg = s;
                for (int r = s; r < t; r++)
                {
                    float v = cr[s * n + r] + cl[(r + 1) * n + t];
                    if (v > best)
                    {
                        best = v;
                        arg = r;
                    }
                }

                il[s * n + t] = best + scores[s * w + t];
                ir[s * n + t] = best + scores[t * w + s];
                iSplit[s * n + t] = arg;

                best = float.NegativeInfinity;
                arg = s;
                for (int r = s; r < t; r++)
                {
                    float v = cl[s * n + r] + il[r * n + t];
                    if (v > best)
                    {
                        best = v;
                        arg = r;
                    }
                }

                cl[s * n + t] = best;
                clSplit[s * n + t] = arg;

                best = float.NegativeInfinity;
                arg = t;
                for (int r = s + 1; r <= t; r++)
                {
                    float v = ir[s * n + r] + cr[r * n + t];
                    if (v > best)
                    {
                        best = v;
                        arg = r;
                    }
                }

                cr[s * n + t] = best;
                crSplit[s * n + t] = arg;
            }
        }

        int root = 0;
        float top = float.NegativeInfinity;
        for (int k = 0; k < n; k++)
        {
            float v = scores[k * w + n] + cl[k] + cr[k * n + n - 1];
            if (v > top)
            {
                top = v;
                root = k;
            }
        }

        heads[root] = n;
        var agenda = chart.Agenda;
        int sp = 0;
        Push(agenda, ref sp, CompleteLeftSpan, 0, root);
        Push(agenda, ref sp, CompleteRightSpan, root, n - 1);
        while (sp > 0)
        {
            sp -= 3;
            int kind = agenda[sp];
            int s = agenda[sp + 1];
            int t = agenda[sp + 2];
            if (s == t)
            {
                continue;
            }

            switch (kind)
            {
                case CompleteLeftSpan:
                {
                    int r = clSplit[s * n + t];
                    Push(agenda, ref sp, CompleteLeftSpan, s, r);
                    Push(agenda, ref sp, IncompleteLeftSpan, r, t);
                    break;
                }

                case CompleteRightSpan:
                {
                    int r = crSplit[s * n + t];
                    Push(agenda, ref sp, IncompleteRightSpan, s, r);
                    Push(agenda, ref sp, CompleteRightSpan, r, t);
                    break;
                }

                default:
                {
                    if (kind == IncompleteLeftSpan)
                    {
                        heads[s] = t;
                    }
                    else
                    {
                        heads[t] = s;
                    }

                    int r = iSplit[s * n + t];
                    Push(agenda, ref sp, CompleteRightSpan, s, r);
                    Push(agenda, ref sp, CompleteLeftSpan, r + 1, t);
                    break;
                }
            }
        }
    }

    private static void Push(int[] agenda, ref int sp, int kind, int s, int t)
    {
        agenda[sp] = kind;
        agenda[sp + 1] = s;
        agenda[sp + 2] = t;
        sp += 3;
    }
}
