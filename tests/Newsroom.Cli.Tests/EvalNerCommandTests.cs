using System.Text.Json;
using Newsroom.Cli.Tests.Infrastructure;
using Xunit;

namespace Newsroom.Cli.Tests;

public sealed class EvalNerCommandTests : IDisposable
{
    private const string Conll = """
        -DOCSTART- -X- -X- O

        Officials NNS B-NP O
        in IN B-PP O
        Baghdad NNP B-NP B-LOC
        said VBD B-VP O
        on IN B-PP O
        Thursday NNP B-NP O
        . . O O

        Marek NNP B-NP B-PER
        Tovarin NNP I-NP I-PER
        leads VBZ B-VP O
        the DT B-NP O
        Kaldovian NNP I-NP B-ORG
        Liberation NNP I-NP I-ORG
        Army NNP I-NP I-ORG
        . . O O

        -DOCSTART- -X- -X- O

        Washington NNP B-NP I-LOC
        replied VBD B-VP O
        . . O O
        """;

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("newsroom-cli-eval-ner-");

    public void Dispose() => _folder.Delete(recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder.FullName, name);
        File.WriteAllText(path, content.ReplaceLineEndings("\n") + "\n");
        return path;
    }

    [Fact]
    public async Task Scores_each_type_strictly_and_appends_the_predicted_tag_to_every_line()
    {
        var input = Write("small.conll", Conll);
        var predictions = Path.Combine(_folder.FullName, "predicted.conll");

        var result = await CliRunner.RunAsync("eval", "ner", "--conll", input, "--predictions", predictions, "--json");

        Assert.True(result.ExitCode == ExitCodes.Success, result.Error);
        using var report = JsonDocument.Parse(result.Out);
        Assert.Equal(2, report.RootElement.GetProperty("documents").GetInt32());
        Assert.Equal(18, report.RootElement.GetProperty("tokens").GetInt32());
        var scores = report.RootElement.GetProperty("scores");
        // IOB1's I-LOC opening a name counts as a name, as conlleval reads it.
        Assert.Equal(2, scores.GetProperty("LOC").GetProperty("gold").GetInt32());
        Assert.Equal(4, scores.GetProperty("all").GetProperty("gold").GetInt32());
        var inputLines = File.ReadAllLines(input);
        var outputLines = File.ReadAllLines(predictions);
        Assert.Equal(inputLines.Length, outputLines.Length);
        for (var i = 0; i < inputLines.Length; i++)
        {
            if (inputLines[i].Length == 0)
            {
                Assert.Empty(outputLines[i]);
                continue;
            }

            Assert.StartsWith(inputLines[i] + " ", outputLines[i], StringComparison.Ordinal);
            var tag = outputLines[i][(inputLines[i].Length + 1)..];
            Assert.Matches("^(O|[BI]-(PER|ORG|LOC|MISC))$", tag);
        }
    }

    [Fact]
    public async Task The_tokens_are_tagged_as_given()
    {
        var input = Write("tokens.conll", "U.S.-led B-LOC\nforces O");
        var predictions = Path.Combine(_folder.FullName, "tokens.predicted");

        var result = await CliRunner.RunAsync("eval", "ner", "--conll", input, "--predictions", predictions);

        Assert.True(result.ExitCode == ExitCodes.Success, result.Error);
        var lines = File.ReadAllLines(predictions);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("U.S.-led B-LOC ", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_line_without_a_tag_column_is_refused_with_its_number()
    {
        var input = Write("bad.conll", "Baghdad B-LOC\nsaid");

        var result = await CliRunner.RunAsync("eval", "ner", "--conll", input);

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Contains("line 2", result.Error, StringComparison.Ordinal);
        Assert.Contains("hint:", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_says_what_to_pass()
    {
        var result = await CliRunner.RunAsync("eval", "ner", "--conll", Path.Combine(_folder.FullName, "absent.conll"));

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Contains("--conll", result.Error, StringComparison.Ordinal);
    }
}
