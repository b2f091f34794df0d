namespace Dyad.Lexicon;

/// <summary>One meaningful line of a dictionary file: text without comment, whether indented, line number.</summary>
internal readonly record struct DictLine(int Number, string Text, bool Indented);

/// <summary>Reads dictionary files: checks the header, drops comments and blank lines, keeps line numbers.</summary>
internal static class LineReader
{
    public static List<DictLine> Read(DictionaryFile file, string expectedKind, List<LexiconDiagnostic> diagnostics)
    {
        var lines = new List<DictLine>();
        string[] raw = file.Text.Split('\n');
        bool headerSeen = false;
        for (int i = 0; i < raw.Length; i++)
        {
            string line = raw[i].TrimEnd('\r');
            if (!headerSeen && line.StartsWith("# dyad-dict ", StringComparison.Ordinal))
            {
                headerSeen = true;
                string kind = line["# dyad-dict ".Length..].Split(' ')[0];
                if (kind != expectedKind)
                {
                    diagnostics.Add(new LexiconDiagnostic(LexiconErrorCode.E101BadHeader, new Provenance(file.Name, i + 1), $"This is a '{kind}' file; expected '{expectedKind}'."));
                    return lines;
                }

                continue;
            }

            int hash = CommentStart(line);
            string text = (hash >= 0 ? line[..hash] : line).TrimEnd();
            if (text.Trim().Length == 0)
            {
                continue;
            }

            bool indented = text.Length > 0 && char.IsWhiteSpace(text[0]);
            lines.Add(new DictLine(i + 1, text.Trim(), indented));
        }

        if (!headerSeen)
        {
            diagnostics.Add(new LexiconDiagnostic(LexiconErrorCode.E101BadHeader, new Provenance(file.Name, 1), $"Missing header line '# dyad-dict {expectedKind} v1'."));
        }

        return lines;
    }

    /// <summary>Index of a '#' that starts a comment (at line start or after white space), or -1.</summary>
    private static int CommentStart(string line)
    {
        for (int i = 0; i < line.Length; i++)
        {
            if (line[i] == '#' && (i == 0 || char.IsWhiteSpace(line[i - 1])))
            {
                return i;
            }
        }

        return -1;
    }
}
