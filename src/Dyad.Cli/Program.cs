using System.CommandLine;
using Dyad.Cli.Commands;

namespace Dyad.Cli;

/// <summary>The <c>dyad</c> command.</summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    public static int Main(string[] args) => BuildRoot().Parse(args).Invoke();

    /// <summary>The root command with every sub-command (also used by tests).</summary>
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("Dyad: political event coding (CAMEO, PLOVER) from news text, every event tied to its words.");
        root.Subcommands.Add(CodeCommand.Create());
        root.Subcommands.Add(EvalCommand.Create());
        root.Subcommands.Add(DictCommands.Create());
        foreach (var command in StoreCommands.Create()) { root.Subcommands.Add(command); }
        foreach (var command in AnalyserCommands.Create()) { root.Subcommands.Add(command); }
        root.Subcommands.Add(ExplainCommand.Create());
        root.Subcommands.Add(TrainCoderCommand.Create());
        return root;
    }
}
