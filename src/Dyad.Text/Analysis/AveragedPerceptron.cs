using System.Runtime.CompilerServices;

namespace Dyad.Text.Analysis;

/// <summary>Something that adds the weights of hashed features to per-class scores: a perceptron in training or frozen.</summary>
internal interface IFeatureScorer
{
    /// <summary>
    /// Adds the weights of <paramref name="features"/> to <paramref name="scores"/> (one slot per class);
    /// <paramref name="cache"/> remembers recent row look-ups of a frozen table (ignored while training).
    /// </summary>
    void Score(ReadOnlySpan<ulong> features, Span<float> scores, RowCache cache);
}

/// <summary>
/// A small direct-mapped memory of where a <see cref="WeightTable"/> keeps the rows of recently scored features
/// (or that it has none), so features scored again and again - as the configurations of one beam share most of
/// theirs - skip the table's cache-missing probe. Belongs to one thread; follows one table at a time.
/// </summary>
internal sealed class RowCache
{
    public const int Size = 1 << 14;
    public readonly uint[] Keys = new uint[Size];
    public readonly ulong[] Rows = new ulong[Size];

    /// <summary>The table the entries are about; another table empties the cache.</summary>
    public object? Owner;

    /// <summary>Forgets every entry unless they are about <paramref name="table"/>.</summary>
    public void Follow(object table)
    {
        if (!ReferenceEquals(Owner, table))
        {
            Array.Clear(Keys);
            Owner = table;
        }
    }
}

/// <summary>
/// Training side of a multi-class averaged perceptron over hashed features. Each feature owns a sparse row of
/// (class, weight) entries, created on its first update, so features that never take part in a mistake cost
/// nothing. Averaging uses the "w - u/c" form (Daumé 2006). Not thread-safe; training is single-threaded.
/// </summary>
internal sealed class PerceptronTrainer : IFeatureScorer
{
    private readonly Dictionary<ulong, int> _rowOf = new(1 << 16);
    private readonly int _classes;
    private int[] _rowStart = new int[1 << 14];
    private byte[] _rowCount = new byte[1 << 14];
    private byte[] _rowCapacity = new byte[1 << 14];
    private int _rows;
    private byte[] _cls = new byte[1 << 16];
    private float[] _w = new float[1 << 16];
    private double[] _u = new double[1 << 16];
    private int _used;
    private long _clock = 1;

    public PerceptronTrainer(int classes)
    {
        if (classes is < 1 or > 255)
        {
            throw new ArgumentOutOfRangeException(nameof(classes), "1 to 255 classes are supported.");
        }

        _classes = classes;
    }

    public int Classes => _classes;

    public int FeatureCount => _rows;

    /// <inheritdoc cref="IFeatureScorer.Score"/>
    public void Score(ReadOnlySpan<ulong> features, Span<float> scores, RowCache cache) => Score(features, scores);

    /// <summary>Adds the current (not averaged) weights of <paramref name="features"/> to <paramref name="scores"/>.</summary>
    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        foreach (ulong f in features)
        {
            if (_rowOf.TryGetValue(f, out int row))
            {
                int start = _rowStart[row];
                int end = start + _rowCount[row];
                for (int j = start; j < end; j++)
                {
                    scores[_cls[j]] += _w[j];
                }
            }
        }
    }

    /// <summary>Moves weight from <paramref name="guess"/> to <paramref name="truth"/> for every feature. No-op when equal.</summary>
    public void Update(ReadOnlySpan<ulong> features, int truth, int guess)
    {
        if (truth == guess)
        {
            return;
        }

        foreach (ulong f in features)
        {
            int row = RowFor(f);
            Add(row, truth, 1f);
            Add(row, guess, -1f);
        }
    }

    /// <summary>Adds <paramref name="delta"/> to the weight of <paramref name="cls"/> for every feature (structured updates).</summary>
    public void Add(ReadOnlySpan<ulong> features, int cls, float delta)
    {
        foreach (ulong f in features)
        {
            Add(RowFor(f), cls, delta);
        }
    }

    /// <summary>Advances the averaging clock by one training instance.</summary>
    public void Tick() => _clock++;

    /// <summary>
    /// The averaged weights as a read-only table; entries with |w| below <paramref name="prune"/> and features left
    /// with no entry are dropped.
    /// </summary>
    public WeightTable Freeze(float prune)
    {
        var keys = new List<ulong>(_rows);
        var starts = new List<int>(_rows + 1);
        var cls = new List<byte>(_used);
        var vals = new List<float>(_used);
        foreach (var (key, row) in _rowOf)
        {
            int start = _rowStart[row];
            int first = cls.Count;
            for (int j = start; j < start + _rowCount[row]; j++)
            {
                float avg = (float)(_w[j] - (_u[j] / _clock));
                if (MathF.Abs(avg) >= prune && avg != 0f)
                {
                    cls.Add(_cls[j]);
                    vals.Add(avg);
                }
            }

            if (cls.Count > first)
            {
                keys.Add(key);
                starts.Add(first);
            }
        }

        starts.Add(cls.Count);
        return WeightTable.Build(_classes, keys, starts, cls, vals);
    }

    private int RowFor(ulong f)
    {
        ref int slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_rowOf, f, out bool exists);
        if (exists)
        {
            return slot;
        }

        if (_rows == _rowStart.Length)
        {
            Array.Resize(ref _rowStart, _rows * 2);
            Array.Resize(ref _rowCount, _rows * 2);
            Array.Resize(ref _rowCapacity, _rows * 2);
        }

        int row = _rows++;
        _rowStart[row] = Reserve(2);
        _rowCount[row] = 0;
        _rowCapacity[row] = 2;
        slot = row;
        return row;
    }

    private int Reserve(int n)
    {
        if (_used + n > _cls.Length)
        {
            int size = Math.Max(_cls.Length * 2, _used + n);
            Array.Resize(ref _cls, size);
            Array.Resize(ref _w, size);
            Array.Resize(ref _u, size);
        }

        int at = _used;
        _used += n;
        return at;
    }

    private void Add(int row, int cls, float delta)
    {
        int start = _rowStart[row];
        int count = _rowCount[row];
        for (int j = start; j < start + count; j++)
        {
            if (_cls[j] == cls)
            {
                _w[j] += delta;
                _u[j] += _clock * (double)delta;
                return;
            }
        }

        if (count == _rowCapacity[row])
        {
            int capacity = Math.Min(count * 2, _classes);
            if (capacity <= count)
            {
                capacity = count + 1;
            }

            int moved = Reserve(capacity);
            Array.Copy(_cls, start, _cls, moved, count);
            Array.Copy(_w, start, _w, moved, count);
            Array.Copy(_u, start, _u, moved, count);
            start = moved;
            _rowStart[row] = moved;
            _rowCapacity[row] = (byte)capacity;
        }

        int k = start + count;
        _cls[k] = (byte)cls;
        _w[k] = delta;
        _u[k] = _clock * (double)delta;
        _rowCount[row] = (byte)(count + 1);
    }
}

/// <summary>
/// Read-only weights of a trained perceptron: an open-addressing table from 32-bit feature fingerprints to
/// sparse rows of (class, weight). Immutable and thread-safe. A fingerprint collision between an unseen
/// feature and a stored one is possible (about one lookup in 2^32 / features) and only adds a little noise.
/// </summary>
internal sealed class WeightTable : IFeatureScorer
{
    private const int MaxBatch = 128;
    private readonly ulong[] _slots; // fingerprint << 32 | first entry << 8 | entry count ; 0 = empty
    private readonly int _mask;
    private readonly int _shift;
    private readonly Entry[] _entries;
    private readonly int[] _rowStart;

    private WeightTable(int classes, uint[] fingerprints, int[] rowStart, byte[] cls, float[] val)
        : this(classes, fingerprints, rowStart, ToEntries(cls, val))
    {
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // runs once, on a cold start: skip tier-0 code
    private WeightTable(int classes, uint[] fingerprints, int[] rowStart, Entry[] entries)
    {
        if (entries.Length >= 1 << 24)
        {
            throw new InvalidOperationException("Too many weights for one table (limit 2^24); prune more.");
        }

        Classes = classes;
        _rowStart = rowStart;
        _entries = entries;

        // Load factor at most 3/4 with linear probing. The slot is the fingerprint's top bits, so inserting the
        // fingerprints in sorted order (as they are stored) walks the table once from start to end.
        int bits = 4;
        while ((1L << bits) < (long)fingerprints.Length * 4 / 3)
        {
            bits++;
        }

        int capacity = 1 << bits;
        _slots = new ulong[capacity];
        _mask = capacity - 1;
        _shift = 32 - bits;
        for (int row = 0; row < fingerprints.Length; row++)
        {
            uint fp = fingerprints[row];
            int slot = SlotOf(fp);
            while (_slots[slot] != 0)
            {
                slot = (slot + 1) & _mask;
            }

            int count = rowStart[row + 1] - rowStart[row];
            _slots[slot] = ((ulong)fp << 32) | ((ulong)(uint)rowStart[row] << 8) | (uint)count;
        }

        Fingerprints = fingerprints;
    }

    private static Entry[] ToEntries(byte[] cls, float[] val)
    {
        var entries = new Entry[cls.Length];
        for (int i = 0; i < cls.Length; i++)
        {
            entries[i] = new Entry(val[i], cls[i]);
        }

        return entries;
    }

    private readonly record struct Entry(float Value, int Class);

    public int Classes { get; }

    public int FeatureCount => Fingerprints.Length;

    public int EntryCount => _entries.Length;

    private uint[] Fingerprints { get; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Fingerprint(ulong key)
    {
        uint fp = (uint)(key ^ (key >> 32));
        return fp == 0 ? 1u : fp;
    }

    public static WeightTable Build(int classes, List<ulong> keys, List<int> starts, List<byte> cls, List<float> vals, bool keysAreFingerprints = false)
    {
        // Merge features whose fingerprints collide so each fingerprint has one row.
        var order = new int[keys.Count];
        var fps = new uint[keys.Count];
        for (int i = 0; i < keys.Count; i++)
        {
            order[i] = i;
            fps[i] = keysAreFingerprints ? (uint)keys[i] : Fingerprint(keys[i]);
        }

        Array.Sort(fps, order);
        var outFp = new List<uint>(keys.Count);
        var outStart = new List<int>(keys.Count + 1);
        var outCls = new List<byte>(cls.Count);
        var outVal = new List<float>(vals.Count);
        Span<float> merged = stackalloc float[classes];
        Span<bool> present = stackalloc bool[classes];
        for (int i = 0; i < order.Length;)
        {
            uint fp = fps[i];
            merged.Clear();
            present.Clear();
            int k = i;
            while (k < order.Length && fps[k] == fp)
            {
                int r = order[k];
                for (int j = starts[r]; j < starts[r + 1]; j++)
                {
                    merged[cls[j]] += vals[j];
                    present[cls[j]] = true;
                }

                k++;
            }

            outFp.Add(fp);
            outStart.Add(outCls.Count);
            for (int c = 0; c < classes; c++)
            {
                if (present[c])
                {
                    outCls.Add((byte)c);
                    outVal.Add(merged[c]);
                }
            }

            i = k;
        }

        outStart.Add(outCls.Count);
        return new WeightTable(classes, [.. outFp], [.. outStart], [.. outCls], [.. outVal]);
    }

    /// <summary>As <see cref="Score(ReadOnlySpan{ulong}, Span{float})"/>, answering repeated features from <paramref name="cache"/>.</summary>
    public void Score(ReadOnlySpan<ulong> features, Span<float> scores, RowCache cache)
    {
        while (features.Length > MaxBatch)
        {
            Score(features[..MaxBatch], scores, cache);
            features = features[MaxBatch..];
        }

        cache.Follow(this);
        var keys = cache.Keys;
        var rows = cache.Rows;
        var slots = _slots;
        var entries = _entries;
        int n = features.Length;
        Span<uint> fps = stackalloc uint[n];
        Span<int> at = stackalloc int[n];
        Span<ulong> found = stackalloc ulong[n];
        int m = 0;
        int pending = 0;
        for (int i = 0; i < n; i++)
        {
            uint fp = Fingerprint(features[i]);
            int line = (int)(fp & (RowCache.Size - 1));
            if (keys[line] == fp)
            {
                ulong row = rows[line];
                if (row != 0)
                {
                    found[m++] = row;
                }

                continue;
            }

            int slot = SlotOf(fp);
            fps[pending] = fp;
            at[pending++] = slot;
            Prefetch(ref slots[slot]);
        }

        for (int i = 0; i < pending; i++)
        {
            uint fp = fps[i];
            ulong row = Probe(fp, at[i]);
            int line = (int)(fp & (RowCache.Size - 1));
            keys[line] = fp;
            rows[line] = row;
            if (row != 0)
            {
                found[m++] = row;
                Prefetch(ref entries[(int)((uint)row >> 8)]);
            }
        }

        Sum(found[..m], scores);
    }

    private ulong Probe(uint fp, int slot)
    {
        var slots = _slots;
        while (true)
        {
            ulong s = slots[slot];
            if (s == 0 || (uint)(s >> 32) == fp)
            {
                return s;
            }

            slot = (slot + 1) & _mask;
        }
    }

    private void Sum(ReadOnlySpan<ulong> found, Span<float> scores)
    {
        var entries = _entries;
        foreach (ulong s in found)
        {
            int start = (int)((uint)s >> 8);
            int end = start + (int)(s & 0xFF);
            for (int j = start; j < end; j++)
            {
                ref readonly var e = ref entries[j];
                scores[e.Class] += e.Value;
            }
        }
    }

    /// <summary>
    /// Adds the weights of <paramref name="features"/> to <paramref name="scores"/> (length &gt;= classes). The slots
    /// of all features are prefetched first, then their rows, so the memory accesses overlap.
    /// </summary>
    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        while (features.Length > MaxBatch)
        {
            Score(features[..MaxBatch], scores);
            features = features[MaxBatch..];
        }

        var slots = _slots;
        var entries = _entries;
        int n = features.Length;
        Span<uint> fps = stackalloc uint[n];
        Span<int> at = stackalloc int[n];
        for (int i = 0; i < n; i++)
        {
            uint fp = Fingerprint(features[i]);
            int slot = SlotOf(fp);
            fps[i] = fp;
            at[i] = slot;
            Prefetch(ref slots[slot]);
        }

        Span<ulong> found = stackalloc ulong[n];
        int m = 0;
        for (int i = 0; i < n; i++)
        {
            uint fp = fps[i];
            int slot = at[i];
            while (true)
            {
                ulong s = slots[slot];
                if (s == 0)
                {
                    break;
                }

                if ((uint)(s >> 32) == fp)
                {
                    found[m++] = s;
                    if (entries.Length > 0)
                    {
                        Prefetch(ref entries[(int)((uint)s >> 8)]);
                    }

                    break;
                }

                slot = (slot + 1) & _mask;
            }
        }

        for (int i = 0; i < m; i++)
        {
            ulong s = found[i];
            int start = (int)((uint)s >> 8);
            int end = start + (int)(s & 0xFF);
            for (int j = start; j < end; j++)
            {
                ref readonly var e = ref entries[j];
                scores[e.Class] += e.Value;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Prefetch<T>(ref T location)
    {
        if (System.Runtime.Intrinsics.X86.Sse.IsSupported)
        {
            System.Runtime.Intrinsics.X86.Sse.Prefetch0(Unsafe.AsPointer(ref location));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int SlotOf(uint fp) => (int)(fp >> _shift);

    /// <summary>A copy without the weights smaller than <paramref name="threshold"/> in magnitude (and features left empty).</summary>
    public WeightTable Pruned(float threshold)
    {
        var keys = new List<ulong>(Fingerprints.Length);
        var starts = new List<int>(Fingerprints.Length + 1);
        var cls = new List<byte>(_entries.Length);
        var vals = new List<float>(_entries.Length);
        for (int row = 0; row < Fingerprints.Length; row++)
        {
            int first = cls.Count;
            for (int j = _rowStart[row]; j < _rowStart[row + 1]; j++)
            {
                if (MathF.Abs(_entries[j].Value) >= threshold)
                {
                    cls.Add((byte)_entries[j].Class);
                    vals.Add(_entries[j].Value);
                }
            }

            if (cls.Count > first)
            {
                keys.Add(Fingerprints[row]);
                starts.Add(first);
            }
        }

        starts.Add(cls.Count);
        return Build(Classes, keys, starts, cls, vals, keysAreFingerprints: true);
    }

    /// <summary>Writes the table: classes, rows, fingerprints as sorted deltas, then per row its entries (class, float16).</summary>
    public void Write(BinaryWriter w)
    {
        w.Write(Classes);
        w.Write(Fingerprints.Length);
        uint previous = 0;
        foreach (uint fp in Fingerprints)
        {
            w.Write7BitEncodedInt((int)(fp - previous));
            previous = fp;
        }

        for (int row = 0; row < Fingerprints.Length; row++)
        {
            int count = _rowStart[row + 1] - _rowStart[row];
            w.Write((byte)count);
        }

        foreach (var e in _entries)
        {
            w.Write((byte)e.Class);
        }

        foreach (var e in _entries)
        {
            w.Write((Half)e.Value);
        }
    }

    private static byte[] ReadExactly(BinaryReader r, int count)
    {
        byte[] bytes = r.ReadBytes(count);
        if (bytes.Length != count)
        {
            throw new EndOfStreamException("The analyser model file is truncated.");
        }

        return bytes;
    }

    /// <summary>Reads a table written by <see cref="Write"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static WeightTable Read(BinaryReader r)
    {
        int classes = r.ReadInt32();
        int rows = r.ReadInt32();
        var fps = new uint[rows];
        uint previous = 0;
        for (int i = 0; i < rows; i++)
        {
            previous += (uint)r.Read7BitEncodedInt();
            fps[i] = previous;
        }

        var starts = new int[rows + 1];
        byte[] counts = ReadExactly(r, rows);
        for (int i = 0; i < rows; i++)
        {
            starts[i + 1] = starts[i] + counts[i];
        }

        int count = starts[rows];
        byte[] cls = ReadExactly(r, count);
        byte[] halves = ReadExactly(r, count * 2);
        var entries = new Entry[count];
        var h = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, Half>(halves);
        for (int i = 0; i < count; i++)
        {
            if (cls[i] >= classes)
            {
                throw new InvalidDataException($"Weight class {cls[i]} out of range (classes: {classes}).");
            }

            entries[i] = new Entry((float)h[i], cls[i]);
        }

        for (int i = 1; i < rows; i++)
        {
            if (fps[i] <= fps[i - 1])
            {
                throw new InvalidDataException("Feature fingerprints are not in increasing order.");
            }
        }

        return new WeightTable(classes, fps, starts, entries);
    }
}
