using System.Text.Json;
using System.Text.Json.Nodes;
using Newsroom.Cli.Tests.Infrastructure;
using Xunit;

namespace Newsroom.Cli.Tests;

/// <summary>`newsroom eval clusters` on the sample articles, whose story grouping their README gives.</summary>
public sealed class EvalClustersCommandTests : IDisposable
{
    private static readonly string[][] SampleStories = [["01", "02"], ["03", "04"], ["05", "06"], ["07"], ["08"], ["09"]];

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("newsroom-cli-clusters-");

    [Fact]
    public async Task The_sample_articles_score_one_in_file_order_and_shuffled()
    {
        var gold = WriteGold(SampleGoldLines());

        var result = await CliRunner.RunAsync("eval", "clusters", "--gold", gold, "--shuffle", "3", "--json");

        Assert.True(result.ExitCode == ExitCodes.Success, result.Error);
        var runs = Runs(result);
        Assert.Equal(["file order", "shuffled (seed 3)"], runs.Select(r => r.GetProperty("order").GetString()));
        Assert.All(runs, run =>
        {
            Assert.Equal(9, run.GetProperty("articles").GetInt32());
            Assert.Equal(6, run.GetProperty("gold_clusters").GetInt32());
            Assert.Equal(6, run.GetProperty("stories").GetInt32());
            Assert.Equal(1.0, run.GetProperty("b3").GetProperty("f1").GetDouble());
            Assert.Equal(1.0, run.GetProperty("pairwise").GetProperty("f1").GetDouble());
            Assert.Equal(1.0, run.GetProperty("ari").GetDouble());
        });
    }

    [Fact]
    public async Task Wrong_gold_lowers_the_scores_and_the_predictions_file_shows_each_article()
    {
        // Gold that puts the resumption reports with the suspension: replay keeps them apart, so recall drops.
        var lines = SampleGoldLines();
        foreach (var line in lines.Where(l => l["cluster"]!.GetValue<string>() == "03"))
        {
            line["cluster"] = "01";
        }

        var predictions = Path.Combine(_folder.FullName, "predictions.jsonl");
        var result = await CliRunner.RunAsync("eval", "clusters", "--gold", WriteGold(lines), "--predictions", predictions, "--json");

        Assert.True(result.ExitCode == ExitCodes.Success, result.Error);
        var run = Assert.Single(Runs(result));
        Assert.Equal(1.0, run.GetProperty("b3").GetProperty("precision").GetDouble(), 6);
        Assert.True(run.GetProperty("b3").GetProperty("recall").GetDouble() < 1.0);
        Assert.True(run.GetProperty("ari").GetDouble() < 1.0);
        Assert.Empty(run.GetProperty("mixed_stories").EnumerateArray());
        var split = Assert.Single(run.GetProperty("split_clusters").EnumerateArray());
        Assert.Equal("01", split.GetProperty("cluster").GetString());
        Assert.Equal([2, 2], split.GetProperty("stories").EnumerateArray().Select(p => p.GetProperty("articles").GetInt32()));
        var predicted = File.ReadAllLines(predictions).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(9, predicted.Count);
        var resumed = predicted.Single(p => p["id"]!.GetValue<string>().StartsWith("04", StringComparison.Ordinal));
        Assert.Equal("01", resumed["cluster"]!.GetValue<string>());
        Assert.NotEqual(
            predicted.Single(p => p["id"]!.GetValue<string>().StartsWith("01", StringComparison.Ordinal))["story"]!.GetValue<string>(),
            resumed["story"]!.GetValue<string>());

        // Each prediction says why the article joined its story, as replay does: a story's later members name the member they matched.
        Assert.All(predicted, p => Assert.Matches("^(first_article|near_duplicate|same_event)$", p["join"]!["kind"]!.GetValue<string>()));
        foreach (var story in predicted.GroupBy(p => p["story"]!.GetValue<string>()))
        {
            Assert.Equal("first_article", story.First()["join"]!["kind"]!.GetValue<string>());
            var ids = story.Select(p => p["id"]!.GetValue<string>()).ToList();
            Assert.All(story.Skip(1), p => Assert.Contains(p["join"]!["matched"]!.GetValue<string>(), ids));
        }
    }

    [Fact]
    public async Task Articles_that_a_later_report_moves_into_its_story_are_scored_in_that_story()
    {
        var lines = SyntheticArticles.FloodReports.Select(report => JsonSerializer.SerializeToNode(report)!.AsObject()).ToList();
        lines.ForEach(line => line["cluster"] = "valencia-floods");
        var predictions = Path.Combine(_folder.FullName, "flood-predictions.jsonl");

        var result = await CliRunner.RunAsync("eval", "clusters", "--gold", WriteGold(lines), "--predictions", predictions, "--json");

        var run = Assert.Single(Runs(result));
        Assert.Equal(1, run.GetProperty("stories").GetInt32());
        Assert.Equal(1.0, run.GetProperty("b3").GetProperty("f1").GetDouble());
        var predicted = File.ReadAllLines(predictions).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Single(predicted.Select(p => p["story"]!.GetValue<string>()).Distinct());
        Assert.Single(predicted, p => p["join"]!["features"]!.AsArray().Any(f => f!["name"]!.GetValue<string>() == "merged_story" && f["detail"]!.GetValue<string>().StartsWith("moved from", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_report_names_the_stories_that_mix_gold_clusters_and_the_clusters_that_are_split()
    {
        // Gold that calls one rewrite of the suspension an event of its own: replay merges it, so one story mixes two clusters.
        var lines = SampleGoldLines();
        lines.Single(l => l["doc_id"]!.GetValue<string>().StartsWith("02", StringComparison.Ordinal))["cluster"] = "02";

        var result = await CliRunner.RunAsync("eval", "clusters", "--gold", WriteGold(lines));

        Assert.True(result.ExitCode == ExitCodes.Success, result.Error);
        Assert.Contains("file order: 1 story mixes gold clusters, 0 gold clusters are split over stories", result.Out, StringComparison.Ordinal);
        Assert.Matches(@"  mixed sto_[0-9a-f]+: 01 1, 02 1", result.Out);
    }

    [Fact]
    public async Task An_article_replay_rejects_counts_as_a_story_of_its_own_and_is_named_on_standard_error()
    {
        var lines = SampleGoldLines();
        lines.Add(new JsonObject { ["doc_id"] = "99_empty", ["cluster"] = "01", ["text"] = "  " });

        var result = await CliRunner.RunAsync("eval", "clusters", "--gold", WriteGold(lines), "--json");

        Assert.True(result.ExitCode == ExitCodes.Success, result.Error);
        var run = Assert.Single(Runs(result));
        Assert.Equal(10, run.GetProperty("articles").GetInt32());
        Assert.Equal(1, run.GetProperty("rejected").GetInt32());
        Assert.Equal(7, run.GetProperty("stories").GetInt32());
        Assert.True(run.GetProperty("b3").GetProperty("recall").GetDouble() < 1.0);
        Assert.Contains("warning: 99_empty was rejected", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subsets_take_alternate_topics_and_together_cover_the_set()
    {
        var lines = SampleGoldLines();
        foreach (var line in lines)
        {
            // Numeric topics in numeric order: 2 and 10 are on different halves, which an ordinal sort would not give.
            line["topic"] = line["cluster"]!.GetValue<string>() is "01" or "05" or "08" ? 2 : 10;
        }

        var gold = WriteGold(lines);
        var even = Runs(await CliRunner.RunAsync("eval", "clusters", "--gold", gold, "--subset", "even", "--json"));
        var odd = Runs(await CliRunner.RunAsync("eval", "clusters", "--gold", gold, "--subset", "odd", "--json"));

        Assert.Equal(5, Assert.Single(even).GetProperty("articles").GetInt32());
        Assert.Equal(4, Assert.Single(odd).GetProperty("articles").GetInt32());
    }

    [Fact]
    public async Task A_settings_file_changes_the_clustering_as_it_would_the_dedup_service()
    {
        var gold = WriteGold(SampleGoldLines());
        var settings = Path.Combine(_folder.FullName, "appsettings.json");
        // No rewrite reaches a combined score above 1: only near-identical copies still join.
        File.WriteAllText(settings, """{ "Dedup": { "SameEventThreshold": 1.01 } }""");

        var result = await CliRunner.RunAsync("eval", "clusters", "--gold", gold, "--settings", settings, "--json");

        Assert.True(result.ExitCode == ExitCodes.Success, result.Error);
        Assert.True(Assert.Single(Runs(result)).GetProperty("stories").GetInt32() > 6);
    }

    [Fact]
    public async Task Invalid_settings_fail_with_what_to_fix()
    {
        var settings = Path.Combine(_folder.FullName, "appsettings.json");
        File.WriteAllText(settings, """{ "Dedup": { "MinHashCount": 100, "RowsPerBand": 3 } }""");

        var result = await CliRunner.RunAsync("eval", "clusters", "--gold", WriteGold(SampleGoldLines()), "--settings", settings);

        Assert.NotEqual(ExitCodes.Success, result.ExitCode);
        Assert.Contains("MinHashCount", result.Error, StringComparison.Ordinal);
        Assert.Contains("--settings", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"doc_id": "a", "text": "x"}""", "line 1 of", "has no \"cluster\"")]
    [InlineData("""{"cluster": "c", "text": "x"}""", "line 1 of", "has no \"doc_id\" or \"id\"")]
    [InlineData("not json", "line 1 of", "is not valid JSON")]
    public async Task A_gold_line_without_an_id_or_a_cluster_stops_the_run_with_its_line_number(string line, string where, string problem)
    {
        var gold = Path.Combine(_folder.FullName, "bad.jsonl");
        File.WriteAllText(gold, line + "\n");

        var result = await CliRunner.RunAsync("eval", "clusters", "--gold", gold);

        Assert.NotEqual(ExitCodes.Success, result.ExitCode);
        Assert.Contains(where, result.Error, StringComparison.Ordinal);
        Assert.Contains(problem, result.Error, StringComparison.Ordinal);
        Assert.Contains("--gold", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_table_shows_every_measure_for_each_order()
    {
        var result = await CliRunner.RunAsync("eval", "clusters", "--gold", WriteGold(SampleGoldLines()), "--shuffle", "1");

        Assert.True(result.ExitCode == ExitCodes.Success, result.Error);
        foreach (var label in new[] { "file order", "shuffled (seed 1)", "B-cubed F1", "pairwise F1", "adjusted Rand index", "stories" })
        {
            Assert.Contains(label, result.Out, StringComparison.Ordinal);
        }
    }

    public void Dispose() => _folder.Delete(recursive: true);

    /// <summary>The sample articles as gold lines: a page file's content as "text" or "html", a .json article's own fields.</summary>
    private static List<JsonObject> SampleGoldLines()
    {
        var folder = Path.Combine(RepositoryPaths.Root, "services", "Standalone", "SampleArticles");
        var lines = new List<JsonObject>();
        foreach (var path in Directory.GetFiles(folder).Where(p => !p.EndsWith(".md", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            var line = path.EndsWith(".json", StringComparison.Ordinal)
                ? JsonNode.Parse(File.ReadAllText(path))!.AsObject()
                : new JsonObject { [path.EndsWith(".html", StringComparison.Ordinal) ? "html" : "text"] = File.ReadAllText(path) };
            line.Remove("id");
            line["doc_id"] = Path.GetFileNameWithoutExtension(name);
            line["cluster"] = SampleStories.Single(story => story.Contains(name[..2]))[0];
            lines.Add(line);
        }

        return lines;
    }

    private static List<JsonElement> Runs(CliResult result)
    {
        Assert.True(result.ExitCode == ExitCodes.Success, result.Error);
        return JsonDocument.Parse(result.Out).RootElement.GetProperty("runs").EnumerateArray().ToList();
    }

    private string WriteGold(IEnumerable<JsonObject> lines)
    {
        var path = Path.Combine(_folder.FullName, $"gold-{Guid.NewGuid():N}.jsonl");
        File.WriteAllLines(path, lines.Select(l => l.ToJsonString()));
        return path;
    }
}
