using Dyad.Text;

namespace Dyad.Coding.Syntax;

/// <summary>
/// Read-only view of a document's dependency layer with children lists, built once per document (two arrays,
/// no per-token allocation). Token indices are document indices; heads are -1 for sentence roots.
/// </summary>
public sealed class DependencyTree
{
    private readonly Document _document;
    private readonly int[] _childStart;
    private readonly int[] _children;

    private DependencyTree(Document document)
    {
        _document = document; // the layers are read in place, never copied
        var heads = document.Heads;
        int n = heads.Length;
        _childStart = new int[n + 1];
        foreach (int h in heads)
        {
            if (h >= 0)
            {
                _childStart[h + 1]++;
            }
        }

        for (int i = 0; i < n; i++)
        {
            _childStart[i + 1] += _childStart[i];
        }

        _children = new int[_childStart[n]];
        var fill = new int[n];
        for (int i = 0; i < n; i++)
        {
            int h = heads[i];
            if (h >= 0)
            {
                _children[_childStart[h] + fill[h]++] = i; // children in text order
            }
        }
    }

    /// <summary>The tree of <paramref name="document"/>, or null when it has no dependency layer.</summary>
    public static DependencyTree? Of(Document document) =>
        document.Layers.Contains(Layer.Dependencies) && document.Layers.Contains(Layer.PartsOfSpeech) ? new DependencyTree(document) : null;

    /// <summary>Head of <paramref name="token"/>, or -1 for a root.</summary>
    public int Head(int token) => _document.Heads[token];

    /// <summary>Full UD relation of <paramref name="token"/> (<c>nsubj:pass</c>, <c>obl:agent</c>...).</summary>
    public string Relation(int token) => _document.Relations[token];

    /// <summary>The relation without its subtype (<c>nsubj</c> for <c>nsubj:pass</c>).</summary>
    public ReadOnlySpan<char> BaseRelation(int token)
    {
        string r = _document.Relations[token];
        int colon = r.IndexOf(':');
        return colon < 0 ? r : r.AsSpan(0, colon);
    }

    /// <summary>Universal part of speech of <paramref name="token"/>.</summary>
    public string Upos(int token) => _document.Upos[token];

    /// <summary>Penn Treebank tag of <paramref name="token"/> (<c>VBN</c>, <c>VBD</c>...).</summary>
    public string Xpos(int token) => _document.Xpos[token];

    /// <summary>Dependents of <paramref name="token"/> in text order.</summary>
    public ReadOnlySpan<int> Children(int token) => _children.AsSpan(_childStart[token], _childStart[token + 1] - _childStart[token]);

    /// <summary>The first dependent of <paramref name="token"/> with relation <paramref name="relation"/> (exact), or -1.</summary>
    public int Child(int token, string relation)
    {
        foreach (int c in Children(token))
        {
            if (_document.Relations[c] == relation)
            {
                return c;
            }
        }

        return -1;
    }

    /// <summary>True when <paramref name="token"/> has a dependent with relation <paramref name="relation"/>.</summary>
    public bool HasChild(int token, string relation) => Child(token, relation) >= 0;

    /// <summary>The preposition or case marker of a nominal (<c>with</c> in "with Russia"), or -1.</summary>
    public int CaseMarker(int token)
    {
        foreach (int c in Children(token))
        {
            if (_document.Relations[c] is "case" or "mark")
            {
                return c;
            }
        }

        return -1;
    }

    /// <summary>True when <paramref name="ancestor"/> dominates <paramref name="token"/> (or is it).</summary>
    public bool Dominates(int ancestor, int token)
    {
        for (int t = token, steps = 0; t >= 0 && steps < 256; t = _document.Heads[t], steps++)
        {
            if (t == ancestor)
            {
                return true;
            }
        }

        return false;
    }
}
