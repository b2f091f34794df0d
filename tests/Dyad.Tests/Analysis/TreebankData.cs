using Xunit;

namespace Dyad.Tests.Analysis;

/// <summary>Finds UD English-EWT in the <c>shared</c> folder next to the repository root, if present.</summary>
internal static class TreebankData
{
    private static readonly Lazy<string?> Folder = new(FindFolder);

    public static string? Directory => Folder.Value;

    public static string? File(string name) => Directory is { } d ? Path.Combine(d, name) : null;

    private static string? FindFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", "data", "ud-english-ewt");
            if (System.IO.File.Exists(Path.Combine(candidate, "en_ewt-ud-train.conllu")))
            {
                return candidate;
            }
        }

        return null;
    }
}

/// <summary>A fact that is skipped, with the reason, when the UD English-EWT treebank is not available.</summary>
public sealed class TreebankFactAttribute : FactAttribute
{
    public TreebankFactAttribute()
    {
        if (TreebankData.Directory is null)
        {
            Skip = "UD English-EWT not found (looked for shared/data/ud-english-ewt next to the repository root).";
        }
    }
}
