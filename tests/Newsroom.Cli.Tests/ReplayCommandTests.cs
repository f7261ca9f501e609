using System.Text.Json;
using Newsroom.Cli.Tests.Infrastructure;
using Xunit;

namespace Newsroom.Cli.Tests;

public sealed class ReplayCommandTests : IDisposable
{
    private static readonly string[] EntityTypes = ["PERSON", "ORGANIZATION", "LOCATION", "OTHER"];

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("newsroom-cli-replay-");

    [Fact]
    public async Task Replay_of_a_folder_writes_one_line_per_file_in_file_name_order()
    {
        var input = Directory.CreateDirectory(Path.Combine(_folder.FullName, "in"));
        File.WriteAllText(Path.Combine(input.FullName, "b_wire_courier.txt"), SyntheticArticles.WireCopy("Valley Courier", "Published: 5 June 2025, 09:05", "Many dock workers live in nearby villages."));
        File.WriteAllText(Path.Combine(input.FullName, "a_wire_ledger.txt"), SyntheticArticles.WireCopy("Harbor Ledger", "June 5, 2025 at 7:20 am", ""));
        File.WriteAllText(Path.Combine(input.FullName, "c_dockworkers.txt"), SyntheticArticles.DockworkersText);
        File.WriteAllText(Path.Combine(input.FullName, "d_empty.txt"), "");
        var output = Path.Combine(_folder.FullName, "out", "replay.jsonl");

        var result = await CliRunner.RunAsync("replay", "--input", input.FullName, "--output", output);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var lines = ReadLines(output);
        Assert.Equal(["a_wire_ledger", "b_wire_courier", "c_dockworkers", "d_empty"], lines.Select(line => line.GetProperty("id").GetString()));

        // The wire copies are one story; the dockworkers are another. Each line says why it joined.
        Assert.Equal(lines[0].GetProperty("story").GetString(), lines[1].GetProperty("story").GetString());
        Assert.NotEqual(lines[0].GetProperty("story").GetString(), lines[2].GetProperty("story").GetString());
        var opened = lines[0].GetProperty("join");
        Assert.Equal("first_article", opened.GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, opened.GetProperty("matched").ValueKind);
        Assert.Empty(opened.GetProperty("features").EnumerateArray());
        var copy = lines[1].GetProperty("join");
        Assert.Equal("near_duplicate", copy.GetProperty("kind").GetString());
        Assert.Equal("a_wire_ledger", copy.GetProperty("matched").GetString());
        var shingles = Assert.Single(copy.GetProperty("features").EnumerateArray());
        Assert.Equal(["name", "score", "detail"], shingles.EnumerateObject().Select(property => property.Name));
        Assert.Equal(copy.GetProperty("score").GetDouble(), shingles.GetProperty("score").GetDouble());
        Assert.InRange(copy.GetProperty("score").GetDouble(), 0.7, 1.0);
        Assert.Contains("a_wire_ledger", shingles.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // An empty file is rejected by itself with its reason; it stops nothing.
        Assert.Equal(["id", "error"], lines[3].EnumerateObject().Select(property => property.Name));
        Assert.False(string.IsNullOrWhiteSpace(lines[3].GetProperty("error").GetString()));

        Assert.Matches(@"4\s+.\s+2\s+.\s+1", result.Out);
    }

    [Fact]
    public async Task Replay_output_has_every_field_and_entity_offsets_index_the_text()
    {
        var input = Path.Combine(_folder.FullName, "one.jsonl");
        File.WriteAllText(input, JsonSerializer.Serialize(new
        {
            id = "convoys",
            title = "Veyra River Front suspends attacks on government convoys",
            url = "https://ledger.example/vrf",
            source = "Harbor Ledger",
            published = "2025-03-11T08:15:00Z",
            text = SyntheticArticles.ConvoyText,
        }) + "\n");
        var output = Path.Combine(_folder.FullName, "one.out.jsonl");

        var result = await CliRunner.RunAsync("replay", "--input", input, "--output", output);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var line = Assert.Single(ReadLines(output));
        Assert.Equal(["id", "story", "join", "title", "published", "text", "entities", "lead_event", "moved"], line.EnumerateObject().Select(property => property.Name));
        Assert.Empty(line.GetProperty("moved").EnumerateArray());
        Assert.Equal(["kind", "score", "matched", "features"], line.GetProperty("join").EnumerateObject().Select(property => property.Name));
        Assert.Equal("convoys", line.GetProperty("id").GetString());
        Assert.Equal(new DateTimeOffset(2025, 3, 11, 8, 15, 0, TimeSpan.Zero), line.GetProperty("published").GetDateTimeOffset());
        var text = line.GetProperty("text").GetString()!;
        var entities = line.GetProperty("entities").EnumerateArray().ToList();
        Assert.NotEmpty(entities);
        foreach (var entity in entities)
        {
            Assert.Equal(["text", "type", "start", "end", "canonical", "canonical_id"], entity.EnumerateObject().Select(property => property.Name));
            var start = entity.GetProperty("start").GetInt32();
            var end = entity.GetProperty("end").GetInt32();
            Assert.Equal(entity.GetProperty("text").GetString(), text[start..end]);
            Assert.Contains(entity.GetProperty("type").GetString(), EntityTypes);
        }

        var lead = line.GetProperty("lead_event");
        Assert.Equal(["actor", "action", "action_text", "target", "date"], lead.EnumerateObject().Select(property => property.Name));
        Assert.Equal("suspend", lead.GetProperty("action").GetString());
        Assert.Equal("suspends attacks", lead.GetProperty("action_text").GetString());
        var date = lead.GetProperty("date");
        Assert.True(date.ValueKind == JsonValueKind.Null || DateOnly.TryParseExact(date.GetString(), "yyyy-MM-dd", out _));
    }

    [Fact]
    public async Task Replay_of_json_lines_writes_a_bad_line_as_id_and_error_in_its_place_and_reads_ids_as_eval_does()
    {
        var input = Path.Combine(_folder.FullName, "mixed.jsonl");
        File.WriteAllLines(input,
        [
            JsonSerializer.Serialize(new { id = "j1", text = SyntheticArticles.ConvoyText }),
            """{"id": "j2", "text": """,
            JsonSerializer.Serialize(new { id = "j3", html = "<html><head><title>Dockworkers demand a raise</title></head><body><article><p>" + SyntheticArticles.DockworkersText.Replace("\n", "</p><p>", StringComparison.Ordinal) + "</p></article></body></html>" }),
            JsonSerializer.Serialize(new { id = "j4", title = "A line without a body" }),
            JsonSerializer.Serialize(new { doc_id = "d5", cluster = "c1", text = SyntheticArticles.ConvoyText }),
            JsonSerializer.Serialize(new { id = 6, text = SyntheticArticles.DockworkersText }),
            JsonSerializer.Serialize(new { doc_id = "d7", title = "An evaluation line without a body" }),
        ]);
        var output = Path.Combine(_folder.FullName, "mixed.out.jsonl");

        var result = await CliRunner.RunAsync("replay", "--input", input, "--output", output, "--json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var lines = ReadLines(output);
        Assert.Equal(7, lines.Count);
        Assert.Equal("j1", lines[0].GetProperty("id").GetString());
        Assert.True(lines[0].TryGetProperty("story", out _));
        Assert.Equal(["id", "error"], lines[1].EnumerateObject().Select(property => property.Name));
        Assert.Equal("line 2", lines[1].GetProperty("id").GetString());
        Assert.Equal("j3", lines[2].GetProperty("id").GetString());
        Assert.True(lines[2].TryGetProperty("story", out _));
        Assert.Equal(["id", "error"], lines[3].EnumerateObject().Select(property => property.Name));
        Assert.Equal("j4", lines[3].GetProperty("id").GetString());

        // Evaluation sets name their articles by "doc_id" (ECB+'s dev.jsonl): replay reads them as eval clusters does.
        Assert.Equal("d5", lines[4].GetProperty("id").GetString());
        Assert.Equal(lines[0].GetProperty("story").GetString(), lines[4].GetProperty("story").GetString());
        Assert.Equal("6", lines[5].GetProperty("id").GetString());
        Assert.True(lines[5].TryGetProperty("story", out _));
        Assert.Equal(["id", "error"], lines[6].EnumerateObject().Select(property => property.Name));
        Assert.Equal("d7", lines[6].GetProperty("id").GetString());

        using var summary = JsonDocument.Parse(result.Out);
        Assert.Equal(7, summary.RootElement.GetProperty("articles").GetInt32());
        Assert.Equal(3, summary.RootElement.GetProperty("rejected").GetInt32());
    }

    [Fact]
    public async Task Replay_writes_outcomes_in_input_order_while_it_extracts_ahead_and_reports_its_rate()
    {
        // A long article first and short ones after: extraction runs ahead on other cores and finishes out of order.
        var longText = SyntheticArticles.ConvoyText + string.Concat(Enumerable.Repeat("\n\n" + SyntheticArticles.WireBody, 40));
        var items = new List<object> { new { id = "a00", text = longText } };
        for (var i = 1; i < 40; i++)
        {
            var text = (i % 3) switch
            {
                0 => SyntheticArticles.WireCopy($"Outlet {i}", "March 13, 2025", $"Reporting by desk {i}."),
                1 => SyntheticArticles.DockworkersText,
                _ => SyntheticArticles.ConvoyText,
            };
            items.Add(new { id = $"a{i:00}", text });
        }
        var input = Path.Combine(_folder.FullName, "ordered.jsonl");
        File.WriteAllLines(input, items.Select(item => JsonSerializer.Serialize(item)));
        var output = Path.Combine(_folder.FullName, "ordered.out.jsonl");

        var result = await CliRunner.RunAsync("replay", "--input", input, "--output", output, "--json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var lines = ReadLines(output);
        Assert.Equal(items.Count, lines.Count);
        Assert.Equal(Enumerable.Range(0, items.Count).Select(i => $"a{i:00}"), lines.Select(line => line.GetProperty("id").GetString()));
        // Copies of one wire report share the story the first copy opened.
        var wireStories = lines.Where((_, i) => i > 0 && i % 3 == 0).Select(line => line.GetProperty("story").GetString()).Distinct().ToList();
        Assert.Single(wireStories);
        using var summary = JsonDocument.Parse(result.Out);
        Assert.True(summary.RootElement.GetProperty("seconds").GetDouble() > 0);
        Assert.True(summary.RootElement.GetProperty("articles_per_second").GetDouble() > 0);
    }

    [Fact]
    public async Task A_report_that_merges_two_stories_lists_the_earlier_articles_it_moved_into_its_story()
    {
        var input = Path.Combine(_folder.FullName, "flood.jsonl");
        File.WriteAllLines(input, SyntheticArticles.FloodReports.Select(item => JsonSerializer.Serialize(item)));
        var output = Path.Combine(_folder.FullName, "flood.out.jsonl");

        var result = await CliRunner.RunAsync("replay", "--input", input, "--output", output, "--json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var lines = ReadLines(output);
        Assert.NotEqual(lines[0].GetProperty("story").GetString(), lines[1].GetProperty("story").GetString());
        var bridge = lines[2];
        var moved = Assert.Single(bridge.GetProperty("moved").EnumerateArray());
        Assert.Equal(bridge.GetProperty("story").GetString(), moved.GetProperty("story").GetString());
        var movedFrom = lines.Single(line => line.GetProperty("id").GetString() == moved.GetProperty("id").GetString());
        Assert.Contains(
            bridge.GetProperty("join").GetProperty("features").EnumerateArray(),
            feature => feature.GetProperty("name").GetString() == "merged_story"
                && feature.GetProperty("detail").GetString()!.StartsWith($"brought in {movedFrom.GetProperty("story").GetString()} (1 articles)", StringComparison.Ordinal));
        using var summary = JsonDocument.Parse(result.Out);
        Assert.Equal(1, summary.RootElement.GetProperty("stories").GetInt32());
    }

    [Fact]
    public async Task Replay_of_a_missing_input_says_so_and_exits_1()
    {
        var missing = Path.Combine(_folder.FullName, "nowhere.jsonl");
        var output = Path.Combine(_folder.FullName, "never.jsonl");

        var result = await CliRunner.RunAsync("replay", "--input", missing, "--output", output);

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Contains($"error: the replay input '{missing}' does not exist", result.Error, StringComparison.Ordinal);
        Assert.Contains("hint: pass --input with a .jsonl file", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    public void Dispose() => _folder.Delete(recursive: true);

    internal static List<JsonElement> ReadLines(string path) =>
        File.ReadAllLines(path).Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToList();
}
