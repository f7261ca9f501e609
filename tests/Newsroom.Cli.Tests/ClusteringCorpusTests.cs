using System.Text.Json;
using System.Text.Json.Nodes;
using Newsroom.Cli.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Newsroom.Cli.Tests;

/// <summary>
/// CI's floors for story clustering: `newsroom eval clusters` on ECB+ dev in file order and shuffled, and
/// on the seeds in many orders, exactly as a user runs it.
/// </summary>
public sealed class ClusteringCorpusTests(ITestOutputHelper output) : IDisposable
{
    // Measured with the shipped model: ECB+ dev file order B3 F1 0.896 / ARI 0.855, shuffled (seed 7) 0.876 / 0.839;
    // floors sit just under. A report that matches two stories of agreeing times merging them moved these from 0.871 / 0.822
    // and 0.861 / 0.818 (recall 0.859 -> 0.909 in file order, precision unchanged). Subjects in conflict only when of one kind (a person against a person) moved these from
    // 0.867 / 0.817 and 0.857 / 0.817. An undated report whose opening names another day of the week than its story's members
    // (a higher bar) moved file order from 0.868 / 0.815 and the mean of six shuffles from 0.856 to 0.865. Dates far apart and the closest member (December 2026) cost ECB+ about 0.01 in file order
    // (0.878 / 0.825 before), where reports of one event run up to 40 days apart, and gained 0.1 on real reports of
    // running stories (see the README); term frequencies counted in stories, not articles, then gave 0.866 / 0.812 ->
    // 0.868 / 0.815. Retraining the tagger moves these by up to 0.01 (the model before this one, which read
    // headlines differently: 0.886 / 0.861; other seeds, same data: 0.877 / 0.866 where the model before scored
    // 0.883 / 0.869; the model that learnt sports copy: 0.882 / 0.860 where the one before scored 0.881 / 0.866), as
    // entities decide close merges.
    private const double EcbF1Floor = 0.87;
    private const double EcbAdjustedRandFloor = 0.83;

    // A ceiling just above what is reached, not issue 10's target of 0.02: file order less the mean of sixteen shuffled
    // orders is 0.007 (0.001 before merges of stories, 0.012 before the day of the week, 0.017 and 0.024 before the changes of December 2026; 0.036, 0.029 and 0.027 with older models),
    // but the shuffled orders alone still range over 0.063, and seed 7 alone is 0.021 from file order by its draw.
    private const double MaxOrderDifference = 0.03;

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("newsroom-cli-clustering-");

    [CorpusFact]
    public async Task ECB_plus_dev_clusters_above_the_floor_in_file_order_and_shuffled()
    {
        var gold = CorpusFactAttribute.Require(Path.Combine("ecbplus", "dev.jsonl"));

        var runs = await RunsAsync("--gold", gold, "--shuffle", "7");

        Assert.Equal(2, runs.Count);
        foreach (var run in runs)
        {
            Assert.True(F1(run) >= EcbF1Floor, $"{run.GetProperty("order")}: B3 F1 {F1(run)} below {EcbF1Floor}");
            Assert.True(run.GetProperty("ari").GetDouble() >= EcbAdjustedRandFloor, $"{run.GetProperty("order")}: ARI below {EcbAdjustedRandFloor}");
        }

        Assert.True(Math.Abs(F1(runs[0]) - F1(runs[1])) <= MaxOrderDifference, $"the input order changes B3 F1 by more than {MaxOrderDifference}");
    }

    [CorpusFact]
    public async Task The_seeds_make_exactly_the_four_gold_stories_in_any_order()
    {
        var gold = WriteSeedGold();

        foreach (var seed in Enumerable.Range(1, 8))
        {
            foreach (var run in await RunsAsync("--gold", gold, "--shuffle", seed.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            {
                Assert.True(F1(run) == 1.0 && run.GetProperty("stories").GetInt32() == 4, $"{run.GetProperty("order")}: {run}");
            }
        }
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private static double F1(JsonElement run) => run.GetProperty("b3").GetProperty("f1").GetDouble();

    /// <summary>The seed page dumps as gold lines, each with its story from expected.json.</summary>
    private string WriteSeedGold()
    {
        var seeds = CorpusFactAttribute.Require("seeds");
        var expected = JsonNode.Parse(File.ReadAllText(Path.Combine(seeds, "expected.json")))!;
        var lines = expected["stories"]!.AsArray().SelectMany((story, index) => story!.AsArray().Select(file => new JsonObject
        {
            ["id"] = Path.GetFileNameWithoutExtension(file!.GetValue<string>()),
            ["cluster"] = "story " + index.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["text"] = File.ReadAllText(Path.Combine(seeds, file.GetValue<string>())),
        }));
        var path = Path.Combine(_folder.FullName, "seeds.jsonl");
        File.WriteAllLines(path, lines.Select(l => l.ToJsonString()));
        return path;
    }

    private async Task<List<JsonElement>> RunsAsync(params string[] args)
    {
        var result = await CliRunner.RunAsync(["eval", "clusters", .. args, "--json"]);
        Assert.True(result.ExitCode == ExitCodes.Success, result.Error);
        output.WriteLine(result.Out);
        return JsonDocument.Parse(result.Out).RootElement.GetProperty("runs").EnumerateArray().ToList();
    }
}
