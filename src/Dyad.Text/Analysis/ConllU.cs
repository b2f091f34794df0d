using System.Globalization;
using System.Text;

namespace Dyad.Text.Analysis;

/// <summary>A problem found while reading CoNLL-U: where (1-based line) and what, with a stable code.</summary>
/// <param name="Code">Stable error code (<c>CU001</c>...); tests assert on it.</param>
/// <param name="Line">1-based line number in the input.</param>
/// <param name="Message">Human-readable description.</param>
public readonly record struct ConllUDiagnostic(string Code, int Line, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"line {Line}: {Code}: {Message}";
}

/// <summary>A multiword token line (<c>3-4 don't</c>): surface form over words <c>[First, Last]</c> (1-based, inclusive).</summary>
public readonly record struct ConllUMultiword(int First, int Last, string Form, string Misc);

/// <summary>
/// One CoNLL-U sentence as parallel arrays over its syntactic words (index 0 = word ID 1). Heads are 1-based
/// word IDs with 0 for the root and -1 when unknown (<c>_</c>). Multiword token and empty node lines are kept
/// so the sentence is written back unchanged. Mutable so a tagger or parser can fill in predictions.
/// </summary>
public sealed class ConllUSentence
{
    /// <summary>Creates a sentence of <paramref name="count"/> words with every field <c>_</c> and no head.</summary>
    public ConllUSentence(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Forms = Filled(count);
        Lemmas = Filled(count);
        Upos = Filled(count);
        Xpos = Filled(count);
        Feats = Filled(count);
        Heads = new int[count];
        Array.Fill(Heads, -1);
        Relations = Filled(count);
        Deps = Filled(count);
        Misc = Filled(count);
    }

    /// <summary>Creates an unannotated sentence from word forms.</summary>
    public static ConllUSentence FromForms(IReadOnlyList<string> forms)
    {
        var s = new ConllUSentence(forms.Count);
        for (int i = 0; i < forms.Count; i++)
        {
            s.Forms[i] = forms[i];
        }

        return s;
    }

    /// <summary>Number of syntactic words.</summary>
    public int Count => Forms.Length;

    /// <summary>Comment lines without the leading <c>#</c> handling (stored as written, including <c>#</c>).</summary>
    public List<string> Comments { get; } = [];

    /// <summary>Multiword token lines.</summary>
    public List<ConllUMultiword> Multiwords { get; } = [];

    /// <summary>Empty node lines, kept raw, with the word ID they follow.</summary>
    public List<(int After, string Line)> EmptyNodes { get; } = [];

    /// <summary>Line number of the first line of the sentence in its input (0 when built in memory).</summary>
    public int FirstLine { get; init; }

    /// <summary>FORM column.</summary>
    public string[] Forms { get; }

    /// <summary>LEMMA column.</summary>
    public string[] Lemmas { get; }

    /// <summary>UPOS column.</summary>
    public string[] Upos { get; }

    /// <summary>XPOS column.</summary>
    public string[] Xpos { get; }

    /// <summary>FEATS column.</summary>
    public string[] Feats { get; }

    /// <summary>HEAD column: 1-based word ID, 0 for the root, -1 for <c>_</c>.</summary>
    public int[] Heads { get; }

    /// <summary>DEPREL column.</summary>
    public string[] Relations { get; }

    /// <summary>DEPS column.</summary>
    public string[] Deps { get; }

    /// <summary>MISC column.</summary>
    public string[] Misc { get; }

    /// <summary>The raw text from the <c># text = </c> comment, or null.</summary>
    public string? Text
    {
        get
        {
            foreach (string c in Comments)
            {
                if (c.StartsWith("# text = ", StringComparison.Ordinal))
                {
                    return c["# text = ".Length..];
                }
            }

            return null;
        }
    }

    /// <summary>The sentence id from the <c># sent_id = </c> comment, or null.</summary>
    public string? Id
    {
        get
        {
            foreach (string c in Comments)
            {
                if (c.StartsWith("# sent_id = ", StringComparison.Ordinal))
                {
                    return c["# sent_id = ".Length..];
                }
            }

            return null;
        }
    }

    /// <summary>True when word <paramref name="index"/> (0-based) has <c>SpaceAfter=No</c> in MISC (or its multiword token has).</summary>
    public bool NoSpaceAfter(int index)
    {
        foreach (var mw in Multiwords)
        {
            if (index + 1 >= mw.First && index + 1 <= mw.Last)
            {
                return index + 1 < mw.Last || HasNoSpace(mw.Misc);
            }
        }

        return HasNoSpace(Misc[index]);
    }

    private static bool HasNoSpace(string misc) => misc != "_" && misc.Split('|').Contains("SpaceAfter=No");

    private static string[] Filled(int n)
    {
        var a = new string[n];
        Array.Fill(a, "_");
        return a;
    }
}

/// <summary>The sentences read from a CoNLL-U input and the problems found. Sentences with errors are left out.</summary>
public sealed record ConllUReadResult(IReadOnlyList<ConllUSentence> Sentences, IReadOnlyList<ConllUDiagnostic> Diagnostics)
{
    /// <summary>True when no problem was found.</summary>
    public bool IsClean => Diagnostics.Count == 0;
}

/// <summary>
/// Reads CoNLL-U (https://universaldependencies.org/format.html). Bad lines produce a diagnostic naming the
/// line, and the sentence holding them is skipped; reading goes on. Stateless and thread-safe.
/// </summary>
public static class ConllUReader
{
    /// <summary>Reads a file.</summary>
    public static ConllUReadResult ReadFile(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        return Read(reader);
    }

    /// <summary>Reads CoNLL-U from a string.</summary>
    public static ConllUReadResult Parse(string text)
    {
        using var reader = new StringReader(text);
        return Read(reader);
    }

    /// <summary>Reads every sentence from <paramref name="reader"/>.</summary>
    public static ConllUReadResult Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var sentences = new List<ConllUSentence>();
        var diagnostics = new List<ConllUDiagnostic>();
        var comments = new List<string>();
        var words = new List<(string[] Fields, int Line)>();
        var multiwords = new List<ConllUMultiword>();
        var empty = new List<(int, string)>();
        bool broken = false;
        int firstLine = 0;
        int lineNumber = 0;
        string? line;

        void Flush()
        {
            if (!broken && words.Count > 0)
            {
                var s = Build(words, comments, multiwords, empty, firstLine, diagnostics);
                if (s is not null)
                {
                    sentences.Add(s);
                }
            }
            else if (!broken && (comments.Count > 0 || multiwords.Count > 0))
            {
                diagnostics.Add(new("CU007", firstLine, "sentence has no words"));
            }

            comments.Clear();
            words.Clear();
            multiwords.Clear();
            empty.Clear();
            broken = false;
            firstLine = 0;
        }

        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (line.Length > 0 && line[^1] == '\r')
            {
                line = line[..^1];
            }

            if (line.Length == 0 || (line.Trim().Length == 0))
            {
                Flush();
                continue;
            }

            if (firstLine == 0)
            {
                firstLine = lineNumber;
            }

            if (line[0] == '#')
            {
                if (words.Count > 0 && !broken)
                {
                    diagnostics.Add(new("CU008", lineNumber, "comment after the first word of a sentence"));
                    broken = true;
                }

                comments.Add(line);
                continue;
            }

            if (broken)
            {
                continue;
            }

            string[] fields = line.Split('\t');
            if (fields.Length != 10)
            {
                diagnostics.Add(new("CU001", lineNumber, $"expected 10 tab-separated fields, found {fields.Length}"));
                broken = true;
                continue;
            }

            string id = fields[0];
            int dash = id.IndexOf('-', StringComparison.Ordinal);
            int dot = id.IndexOf('.', StringComparison.Ordinal);
            if (dash > 0)
            {
                if (!int.TryParse(id.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out int a) ||
                    !int.TryParse(id.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int b) || a < 1 || b <= a ||
                    a != words.Count + 1)
                {
                    diagnostics.Add(new("CU002", lineNumber, $"bad multiword token ID '{id}'"));
                    broken = true;
                    continue;
                }

                multiwords.Add(new ConllUMultiword(a, b, fields[1], fields[9]));
                continue;
            }

            if (dot > 0)
            {
                if (!int.TryParse(id.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out int after) || after != words.Count)
                {
                    diagnostics.Add(new("CU002", lineNumber, $"bad empty node ID '{id}'"));
                    broken = true;
                    continue;
                }

                empty.Add((after, line));
                continue;
            }

            if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out int n))
            {
                diagnostics.Add(new("CU002", lineNumber, $"bad word ID '{id}'"));
                broken = true;
                continue;
            }

            if (n != words.Count + 1)
            {
                diagnostics.Add(new("CU003", lineNumber, $"word ID {n} out of sequence (expected {words.Count + 1})"));
                broken = true;
                continue;
            }

            if (fields[1].Length == 0)
            {
                diagnostics.Add(new("CU005", lineNumber, "empty FORM"));
                broken = true;
                continue;
            }

            if (fields[6] != "_" && !int.TryParse(fields[6], NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                diagnostics.Add(new("CU004", lineNumber, $"bad HEAD '{fields[6]}'"));
                broken = true;
                continue;
            }

            words.Add((fields, lineNumber));
        }

        Flush();
        return new ConllUReadResult(sentences, diagnostics);
    }

    private static ConllUSentence? Build(
        List<(string[] Fields, int Line)> words,
        List<string> comments,
        List<ConllUMultiword> multiwords,
        List<(int, string)> empty,
        int firstLine,
        List<ConllUDiagnostic> diagnostics)
    {
        var s = new ConllUSentence(words.Count) { FirstLine = firstLine };
        for (int i = 0; i < words.Count; i++)
        {
            var f = words[i].Fields;
            s.Forms[i] = f[1];
            s.Lemmas[i] = f[2];
            s.Upos[i] = f[3];
            s.Xpos[i] = f[4];
            s.Feats[i] = f[5];
            s.Heads[i] = f[6] == "_" ? -1 : int.Parse(f[6], CultureInfo.InvariantCulture);
            s.Relations[i] = f[7];
            s.Deps[i] = f[8];
            s.Misc[i] = f[9];
            if (s.Heads[i] > words.Count || s.Heads[i] == i + 1)
            {
                diagnostics.Add(new("CU006", words[i].Line, $"HEAD {s.Heads[i]} is outside the sentence or the word itself"));
                return null;
            }
        }

        foreach (var mw in multiwords)
        {
            if (mw.Last > words.Count)
            {
                diagnostics.Add(new("CU002", firstLine, $"multiword token {mw.First}-{mw.Last} runs past the last word"));
                return null;
            }
        }

        s.Comments.AddRange(comments);
        s.Multiwords.AddRange(multiwords);
        s.EmptyNodes.AddRange(empty);
        return s;
    }
}

/// <summary>Writes CoNLL-U. A sentence read by <see cref="ConllUReader"/> is written back unchanged. Thread-safe.</summary>
public static class ConllUWriter
{
    /// <summary>Writes sentences, each followed by a blank line.</summary>
    public static void Write(TextWriter writer, IEnumerable<ConllUSentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(sentences);
        foreach (var s in sentences)
        {
            Write(writer, s);
        }
    }

    /// <summary>Writes one sentence and a blank line.</summary>
    public static void Write(TextWriter writer, ConllUSentence s)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(s);
        foreach (string c in s.Comments)
        {
            writer.Write(c);
            writer.Write('\n');
        }

        int emptyIndex = 0;
        while (emptyIndex < s.EmptyNodes.Count && s.EmptyNodes[emptyIndex].After == 0)
        {
            writer.Write(s.EmptyNodes[emptyIndex++].Line);
            writer.Write('\n');
        }

        for (int i = 0; i < s.Count; i++)
        {
            foreach (var mw in s.Multiwords)
            {
                if (mw.First == i + 1)
                {
                    writer.Write(string.Create(CultureInfo.InvariantCulture, $"{mw.First}-{mw.Last}\t{mw.Form}\t_\t_\t_\t_\t_\t_\t_\t{mw.Misc}\n"));
                }
            }

            string head = s.Heads[i] < 0 ? "_" : s.Heads[i].ToString(CultureInfo.InvariantCulture);
            writer.Write(string.Create(
                CultureInfo.InvariantCulture,
                $"{i + 1}\t{s.Forms[i]}\t{s.Lemmas[i]}\t{s.Upos[i]}\t{s.Xpos[i]}\t{s.Feats[i]}\t{head}\t{s.Relations[i]}\t{s.Deps[i]}\t{s.Misc[i]}\n"));
            while (emptyIndex < s.EmptyNodes.Count && s.EmptyNodes[emptyIndex].After == i + 1)
            {
                writer.Write(s.EmptyNodes[emptyIndex++].Line);
                writer.Write('\n');
            }
        }

        writer.Write('\n');
    }

    /// <summary>The CoNLL-U text of <paramref name="sentences"/>.</summary>
    public static string ToString(IEnumerable<ConllUSentence> sentences)
    {
        var sw = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        Write(sw, sentences);
        return sw.ToString();
    }
}
