using Dyad.Cli.Commands;
using Dyad.Coding.Training;
using Xunit;

namespace Dyad.Tests.Cli;

public sealed class TrainCoderCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dyad-train-coder-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void TrainCoder_MissingCorpus_ExitsTwoSayingWhatToGive()
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        int exit = TrainCoderCommand.Run(Path.Combine(_folder, "nope"), Path.Combine(_folder, "m.model"), new EventTrainingOptions(), [], output, errors);
        Assert.Equal(2, exit);
        Assert.Contains("no such file or folder", errors.ToString());
        Assert.False(File.Exists(Path.Combine(_folder, "m.model")));
    }

    [Fact]
    public void TrainCoder_OnlyBadLines_ReportsEachWithItsLineAndWritesNoModel()
    {
        string corpus = Path.Combine(_folder, "bad.jsonl");
        File.WriteAllLines(corpus, ["{\"id\": \"a\", \"text\": \"Iran met Iraq.\", \"events\": [{\"trigger\": \"visited\", \"code\": \"042\"}]}", "not json"]);
        var errors = new StringWriter();
        int exit = TrainCoderCommand.Run(corpus, Path.Combine(_folder, "m.model"), new EventTrainingOptions(), [], new StringWriter(), errors);
        Assert.Equal(2, exit);
        Assert.Contains("bad.jsonl:1: a event 1: trigger 'visited' is not in the text", errors.ToString());
        Assert.Contains("bad.jsonl:2: invalid JSON", errors.ToString());
        Assert.False(File.Exists(Path.Combine(_folder, "m.model")));
    }

    [Fact]
    public void Eval_MissingEventModelFile_ExitsTwoNamingTheFile()
    {
        var errors = new StringWriter();
        bool ok = CommonOptions.TryDecider("eval", "model", Path.Combine(_folder, "none.model"), errors, out _, out _);
        Assert.False(ok);
        Assert.Contains("none.model: no such event model file", errors.ToString());
    }
}
