using Dyad.Lexicon;
using Dyad.Text;

namespace Dyad.Coding;

/// <summary>
/// Per token: the vocabulary id of its folded form and of its base-form candidates, and whether it is
/// capitalised or all upper-case. Built once per document so that actor and pattern matching compare integers.
/// </summary>
public sealed class LexicalLayer
{
    /// <summary>Maximum lemma candidates kept per token (including the form itself).</summary>
    public const int MaxCandidates = 4;

    internal LexicalLayer(int count)
    {
        FormIds = new int[count];
        CandidateIds = new int[count * MaxCandidates];
        Capitalised = new bool[count];
        AllCaps = new bool[count];
    }

    /// <summary>Vocabulary id of each token's folded form (-1 when not a dictionary word).</summary>
    public int[] FormIds { get; }

    /// <summary>Up to <see cref="MaxCandidates"/> ids per token: form, then base forms; -1 pads.</summary>
    public int[] CandidateIds { get; }

    /// <summary>Token starts with an upper-case letter.</summary>
    public bool[] Capitalised { get; }

    /// <summary>Token is all upper-case letters (2 or more).</summary>
    public bool[] AllCaps { get; }

    /// <summary>The candidate ids of token <paramref name="index"/>.</summary>
    public ReadOnlySpan<int> Candidates(int index) => CandidateIds.AsSpan(index * MaxCandidates, MaxCandidates);

    /// <summary>True when token <paramref name="index"/> has lemma (or form) id <paramref name="id"/>.</summary>
    public bool HasLemma(int index, int id)
    {
        if (id < 0)
        {
            return false;
        }

        foreach (int c in Candidates(index))
        {
            if (c == id)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>Maps tokens to the lexicon's vocabulary: the <see cref="LexicalLayer"/>.</summary>
public sealed class LexicalStage : IPipelineStage
{
    private readonly Lexicon.Lexicon _lexicon;
    private readonly Lemmatizer _lemmatizer = Lemmatizer.Default;

    /// <summary>Creates the stage over <paramref name="lexicon"/>.</summary>
    public LexicalStage(Lexicon.Lexicon lexicon) => _lexicon = lexicon;

    /// <inheritdoc />
    public string Name => "lexical";

    /// <inheritdoc />
    public IReadOnlyList<Layer> Needs { get; } = [Layer.Tokens];

    /// <inheritdoc />
    public IReadOnlyList<Layer> Adds { get; } = [Layer.Lexical];

    /// <inheritdoc />
    public void Process(Document document)
    {
        var vocabulary = _lexicon.Vocabulary;
        var layer = new LexicalLayer(document.TokenCount);
        bool hasLemmas = document.Layers.Contains(Layer.Lemmas);
        Span<char> folded = stackalloc char[128];
        Span<char> scratch = stackalloc char[300];
        Span<Range> ranges = stackalloc Range[4];
        for (int i = 0; i < document.TokenCount; i++)
        {
            ReadOnlySpan<char> text = document.TokenText(i);
            Span<int> candidates = layer.CandidateIds.AsSpan(i * LexicalLayer.MaxCandidates, LexicalLayer.MaxCandidates);
            candidates.Fill(Vocabulary.Unknown);
            layer.Capitalised[i] = text.Length > 0 && char.IsUpper(text[0]);
            layer.AllCaps[i] = IsAllCaps(text);
            if (text.Length > folded.Length)
            {
                layer.FormIds[i] = Vocabulary.Unknown;
                continue;
            }

            int n = Vocabulary.Fold(text, folded);
            ReadOnlySpan<char> form = folded[..n];
            int formId = vocabulary.IdOfFolded(form);
            layer.FormIds[i] = formId;
            int count = 0;
            candidates[count++] = formId;
            if (hasLemmas)
            {
                int lemmaId = vocabulary.IdOf(document.Lemmas[i]);
                if (lemmaId >= 0 && lemmaId != formId)
                {
                    candidates[count++] = lemmaId;
                }
            }

            int baseCount = _lemmatizer.BaseForms(form, scratch, ranges);
            for (int k = 0; k < baseCount && count < LexicalLayer.MaxCandidates; k++)
            {
                int id = vocabulary.IdOfFolded(scratch[ranges[k]]);
                if (id >= 0 && !candidates[..count].Contains(id))
                {
                    candidates[count++] = id;
                }
            }
        }

        document.SetLayer(Layer.Lexical, layer);
    }

    private static bool IsAllCaps(ReadOnlySpan<char> text)
    {
        int letters = 0;
        foreach (char c in text)
        {
            if (char.IsLetter(c))
            {
                if (!char.IsUpper(c))
                {
                    return false;
                }

                letters++;
            }
        }

        return letters >= 2;
    }
}
