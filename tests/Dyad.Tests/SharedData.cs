using Xunit;

namespace Dyad.Tests;

/// <summary>Finds ../shared (evaluation and training data) beside the repository; absent on a user's fresh clone.</summary>
public static class SharedData
{
    private static readonly Lazy<string?> LazyRoot = new(Find);

    /// <summary>The shared folder, or null.</summary>
    public static string? Root => LazyRoot.Value;

    /// <summary>Why tests that need it are skipped.</summary>
    public const string SkipReason = "needs ../shared (evaluation and training data beside the repository), which this checkout does not have";

    /// <summary>A path under the shared folder.</summary>
    public static string PathTo(string relative) => System.IO.Path.Combine(Root ?? throw new InvalidOperationException(SkipReason), relative);

    /// <summary>The repository root (folder of Dyad.sln).</summary>
    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "Dyad.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Dyad.sln not found above " + AppContext.BaseDirectory);
    }

    private static string? Find()
    {
        string? env = Environment.GetEnvironmentVariable("DYAD_SHARED");
        if (env is not null && Directory.Exists(env))
        {
            return env;
        }

        string candidate = System.IO.Path.Combine(RepositoryRoot(), "..", "shared");
        return Directory.Exists(System.IO.Path.Combine(candidate, "eval")) ? System.IO.Path.GetFullPath(candidate) : null;
    }
}

/// <summary>A fact that runs only when ../shared is present; skipped with the reason otherwise.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute()
    {
        if (SharedData.Root is null)
        {
            Skip = SharedData.SkipReason;
        }
    }
}
