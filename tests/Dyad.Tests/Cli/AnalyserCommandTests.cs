using Dyad.Cli.Commands;
using Dyad.Tests.Analysis;
using Dyad.Text.Analysis;
using Xunit;

namespace Dyad.Tests.Cli;

public sealed class AnalyserCommandTests
{
    private static (int Exit, string Output, string Errors) Parse(string text, string parser, string? model = null)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        int exit = AnalyserCommands.RunParse("-", "conllu", model, "default", output, errors, new StringReader(text), parser);
        return (exit, output.ToString(), errors.ToString());
    }

    [Theory]
    [InlineData("auto")]
    [InlineData("biaffine")]
    [InlineData("transition")]
    public void Parse_EachParserOfTheShippedModel_GivesOneRootPerSentence(string parser)
    {
        var (exit, output, errors) = Parse("Armenia accused Azerbaijan of shelling the village.", parser);
        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, errors);
        var rows = output.Split('\n').Where(l => l.Length > 0 && char.IsDigit(l[0])).Select(l => l.Split('\t')).ToList();
        Assert.Equal(8, rows.Count);
        Assert.Single(rows, r => r[6] == "0" && r[7] == "root");
        Assert.Equal("accused", rows.Single(r => r[7] == "root")[1]);
    }

    [Fact]
    public void Parse_TransitionParserAskedOfABiaffineOnlyModel_SaysSoAndFails()
    {
        var model = AnalyserTrainer.Train(
            AnalyserTrainingTests.TinyTreebank(),
            new AnalyserTrainingOptions(TaggerEpochs: 2, ParserEpochs: 0, JackknifeFolds: 0, BiaffineEpochs: 1, BiaffineHidden: 8, BiaffineLayers: 1, BiaffineArcDim: 8, BiaffineLabelDim: 8));
        string path = Path.Combine(Path.GetTempPath(), $"dyad-biaffine-only-{Guid.NewGuid():N}.analyser");
        try
        {
            model.Save(path);
            var (exit, output, errors) = Parse("Iran threatened to retaliate.", "transition", path);
            Assert.Equal(2, exit);
            Assert.Equal(string.Empty, output);
            Assert.Contains("no transition-based parser", errors, StringComparison.Ordinal);
            Assert.Equal(0, Parse("Iran threatened to retaliate.", "biaffine", path).Exit);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void TrainWithTransitionParserFrom_OtherTagSets_IsRefusedBeforeTraining()
    {
        string folder = Path.Combine(Path.GetTempPath(), $"dyad-train-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            string train = Path.Combine(folder, "train.conllu");
            using (var writer = new StreamWriter(train))
            {
                ConllUWriter.Write(writer, AnalyserTrainingTests.TinyTreebank());
            }

            // The transition model never saw the TO tag the training file has.
            var fewerTags = AnalyserTrainingTests.TinyTreebank().Where(s => !s.Xpos.Contains("TO")).ToList();
            string transition = Path.Combine(folder, "transition.analyser");
            AnalyserTrainer.Train(fewerTags, new AnalyserTrainingOptions(TaggerEpochs: 2, ParserEpochs: 2, JackknifeFolds: 0, BiaffineEpochs: 0)).Save(transition);
            var output = new StringWriter();
            var errors = new StringWriter();
            int exit = AnalyserCommands.RunTrain(train, null, Path.Combine(folder, "out.analyser"), new AnalyserTrainingOptions(JackknifeFolds: 0), 0, output, errors, transitionParserFrom: transition);
            Assert.Equal(2, exit);
            Assert.Contains("other part-of-speech tag sets", errors.ToString(), StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(folder, "out.analyser")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
