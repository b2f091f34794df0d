using System.Collections.Frozen;
using System.Globalization;

namespace Dyad.Coding.Learning;

/// <summary>
/// Word classes at three granularities (64, 256 and 1,024 classes) from k-means over static MiniLM word vectors
/// (built by tools/word-clusters into src/Dyad.Coding/Data/word-clusters.tsv). Event-model features use them so
/// a word unseen in training acts like the words of its class. Stored inside the event model; immutable.
/// </summary>
public sealed class WordClasses
{
    private readonly FrozenDictionary<string, (short C64, short C256, short C1024)> _classes;

    private WordClasses(FrozenDictionary<string, (short, short, short)> classes) => _classes = classes;

    /// <summary>No classes (every lookup misses).</summary>
    public static WordClasses Empty { get; } = new(FrozenDictionary<string, (short, short, short)>.Empty);

    /// <summary>Number of words with classes.</summary>
    public int Count => _classes.Count;

    /// <summary>The classes of a lower-case word, or false.</summary>
    public bool TryGet(string word, out (short C64, short C256, short C1024) classes) => _classes.TryGetValue(word, out classes);

    /// <summary>Reads the TSV (word, c64, c256, c1024; '#' lines are comments); problems name the line.</summary>
    /// <exception cref="InvalidDataException">When a line is malformed.</exception>
    public static WordClasses ReadTsv(string path)
    {
        var map = new Dictionary<string, (short, short, short)>(StringComparer.Ordinal);
        int n = 0;
        foreach (string line in File.ReadLines(path))
        {
            n++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var p = line.Split('\t');
            if (p.Length != 4 || !short.TryParse(p[1], CultureInfo.InvariantCulture, out short a) ||
                !short.TryParse(p[2], CultureInfo.InvariantCulture, out short b) || !short.TryParse(p[3], CultureInfo.InvariantCulture, out short c))
            {
                throw new InvalidDataException($"{path}:{n}: expected 'word<TAB>c64<TAB>c256<TAB>c1024'.");
            }

            map[p[0]] = (a, b, c);
        }

        return new WordClasses(map.ToFrozenDictionary(StringComparer.Ordinal));
    }

    internal void Write(BinaryWriter w)
    {
        var ordered = _classes.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToList();
        w.Write(ordered.Count);
        foreach (var (word, (a, b, c)) in ordered)
        {
            w.Write(word);
            w.Write(a);
            w.Write(b);
            w.Write(c);
        }
    }

    internal static WordClasses Read(BinaryReader r)
    {
        int count = r.ReadInt32();
        var map = new Dictionary<string, (short, short, short)>(count, StringComparer.Ordinal);
        for (int i = 0; i < count; i++)
        {
            map[r.ReadString()] = (r.ReadInt16(), r.ReadInt16(), r.ReadInt16());
        }

        return new WordClasses(map.ToFrozenDictionary(StringComparer.Ordinal));
    }
}
