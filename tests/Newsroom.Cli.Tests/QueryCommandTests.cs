using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using Newsroom.Cli.Tests.Fakes;
using Newsroom.Cli.Tests.Infrastructure;
using Newsroom.Contracts.V1;
using Xunit;

namespace Newsroom.Cli.Tests;

public class QueryCommandTests(FakeNewsroomServer server) : IClassFixture<FakeNewsroomServer>
{
    private static readonly string[] BenchWords = ["convoys", "suspends", "harbor"];

    [Fact]
    public async Task Search_sends_the_words_and_every_filter()
    {
        var result = await Run("search", "suspend", "convoys", "--entity", "VRF", "--action", "suspend", "--source", "Harbor Ledger",
            "--after", "2025-03-01", "--before", "2025-04-01T12:00:00+02:00", "--limit", "5", "--page-token", "p2");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var request = server.State.Last<SearchStoriesRequest>();
        Assert.Equal("suspend convoys", request.Query);
        Assert.Equal("VRF", request.Filter.Entity);
        Assert.Equal(EventAction.Suspend, request.Filter.Action);
        Assert.Equal("Harbor Ledger", request.Filter.Source);
        Assert.Equal(Timestamp.FromDateTimeOffset(new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero)), request.Filter.PublishedAfter);
        Assert.Equal(Timestamp.FromDateTimeOffset(new DateTimeOffset(2025, 4, 1, 10, 0, 0, TimeSpan.Zero)), request.Filter.PublishedBefore);
        Assert.Equal(5, request.PageSize);
        Assert.Equal("p2", request.PageToken);
    }

    [Fact]
    public async Task On_a_narrow_terminal_a_story_id_stays_whole_on_one_line()
    {
        var result = await new CliRunner { Width = 60 }.RunWithAsync(["search", "convoys", "--server", server.Address]);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains(FakeData.StoryId, result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_without_filters_leaves_them_unset()
    {
        await Run("search", "tessel");

        var request = server.State.Last<SearchStoriesRequest>();
        Assert.Equal(new StoryFilter(), request.Filter);
        Assert.Equal(0, request.PageSize);
    }

    [Fact]
    public async Task Search_prints_a_table_of_hits_with_snippets_as_written()
    {
        var result = await Run("search", "suspend");

        Assert.Contains("0.87", result.Out, StringComparison.Ordinal);
        Assert.Contains(FakeData.StoryId, result.Out, StringComparison.Ordinal);
        Assert.Contains("Veyra River Front suspends attacks", result.Out, StringComparison.Ordinal);
        Assert.Contains("Harbor Ledger, Northline Dispatch", result.Out, StringComparison.Ordinal);

        // Brackets mark matched terms; they must not be taken for console markup.
        Assert.Contains("the armed group [suspended] its attacks on [convoys]", result.Out, StringComparison.Ordinal);
        Assert.Contains("1 of 7 stories", result.Out, StringComparison.Ordinal);
        Assert.Contains("--page-token page-2", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_json_is_one_document_in_the_protobuf_json_mapping()
    {
        var result = await Run("search", "suspend", "--json");

        using var json = JsonDocument.Parse(result.Out);
        var hit = json.RootElement.GetProperty("hits")[0];
        Assert.Equal(FakeData.StoryId, hit.GetProperty("story").GetProperty("storyId").GetString());
        Assert.Equal("EVENT_ACTION_SUSPEND", hit.GetProperty("story").GetProperty("leadEvent").GetProperty("action").GetString());
        Assert.Equal("page-2", json.RootElement.GetProperty("nextPageToken").GetString());
        Assert.Equal(7, json.RootElement.GetProperty("totalSize").GetInt32());
    }

    [Fact]
    public async Task Story_shows_each_article_its_source_join_reason_features_and_lead_event()
    {
        var result = await Run("story", FakeData.StoryId);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal(FakeData.StoryId, server.State.Last<GetStoryRequest>().StoryId);
        foreach (var expected in new[]
        {
            "st-vrf-0310 (version 2)",
            "2 from Harbor Ledger, Northline Dispatch",
            "art-harbor", "art-northline",
            "first article",
            "same event 0.71 with art-harbor",
            "art-northline joined as same event 0.71 with art-harbor:",
            "art-harbor opened the story:",
            "nearest_story 0.42: st-vrf-0616 scored 0.42, vetoed: lead-event dates 97 days apart",
            "canonical_entities 0.80: Veyra River Front, Caldmoor",
            "lead_event 1.00: suspend by Veyra River Front on 2025-03-10",
            "Veyra River Front (\"VRF\") suspend (suspended) government convoys on 2025-03-10",
            "2025-03-11 10:30 UTC",
        })
        {
            Assert.Contains(expected, result.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Story_of_a_merged_id_says_which_story_it_went_into()
    {
        var result = await Run("story", FakeData.MergedStoryId);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.StartsWith("st-vrf-0311 was merged into st-vrf-0310:", result.Out, StringComparison.Ordinal);
        Assert.Matches(@"merged in\s+st-vrf-0311", result.Out);
        Assert.DoesNotContain("was merged into", (await Run("story", FakeData.StoryId)).Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Story_json_round_trips_to_the_same_message()
    {
        var result = await Run("story", FakeData.StoryId, "--json");

        Assert.Equal(FakeData.Story, Story.Parser.ParseJson(result.Out));
    }

    [Fact]
    public async Task Entity_shows_aliases_and_counts()
    {
        var result = await Run("entity", "VRF");

        Assert.Equal("VRF", server.State.Last<GetEntityRequest>().Entity);
        Assert.Contains("Veyra River Front (ORGANIZATION)", result.Out, StringComparison.Ordinal);
        Assert.Contains("13 in 2 stories", result.Out, StringComparison.Ordinal);
        Assert.Matches(@"VRF\s+.\s+4", result.Out);
    }

    [Fact]
    public async Task Entity_json_has_the_aliases()
    {
        var result = await Run("entity", "VRF", "--json");

        Assert.Equal(2, Entity.Parser.ParseJson(result.Out).Aliases.Count);
    }

    [Fact]
    public async Task Timeline_sends_its_range_and_lists_events_oldest_first()
    {
        var result = await Run("timeline", "Veyra River Front", "--after", "2025-01-01", "--before", "2026-01-01", "--limit", "10");

        var request = server.State.Last<GetEntityTimelineRequest>();
        Assert.Equal("Veyra River Front", request.Entity);
        Assert.Equal(Timestamp.FromDateTimeOffset(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero)), request.After);
        Assert.Equal(Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)), request.Before);
        Assert.Equal(10, request.PageSize);
        var suspend = result.Out.IndexOf("2025-03-10", StringComparison.Ordinal);
        var resume = result.Out.IndexOf("2025-06-16", StringComparison.Ordinal);
        Assert.InRange(suspend, 0, resume - 1);
        Assert.Contains("resume (resumed)", result.Out, StringComparison.Ordinal);
        Assert.Contains("actor", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_shows_the_stage_times_and_trace()
    {
        var result = await Run("status", "art-harbor");

        Assert.Equal("art-harbor", server.State.Last<GetArticleStatusRequest>().ArticleId);
        Assert.Matches(@"stage\s+clustered", result.Out);
        Assert.Matches(@"story\s+st-vrf-0310", result.Out);
        Assert.Matches(@"indexed\s+-", result.Out);
        Assert.Contains("2025-03-11 09:00 UTC", result.Out, StringComparison.Ordinal);
        Assert.Matches($@"trace\s+{FakeData.TraceId}", result.Out);
    }

    [Fact]
    public async Task Status_json_names_the_stage()
    {
        var result = await Run("status", "art-harbor", "--json");

        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal("PIPELINE_STAGE_CLUSTERED", json.RootElement.GetProperty("stage").GetString());
        Assert.Equal(FakeData.TraceId, json.RootElement.GetProperty("traceId").GetString());
    }

    [Fact]
    public async Task Bench_search_sends_searches_of_the_given_words_and_reports_their_latency()
    {
        var words = Path.Combine(Path.GetTempPath(), $"newsroom-bench-words-{Guid.NewGuid():N}.txt");
        // A blank line and a repeated word are not words of their own.
        File.WriteAllLines(words, [BenchWords[0], BenchWords[1], "", BenchWords[2], BenchWords[0]]);
        try
        {
            var before = server.State.Requests.OfType<SearchStoriesRequest>().Count();

            var result = await Run("bench", "search", "--words", words, "--searches", "30", "--concurrency", "3", "--seed", "2", "--json");

            Assert.True(result.ExitCode == ExitCodes.Success, result.Error);
            var sent = server.State.Requests.OfType<SearchStoriesRequest>().Skip(before).ToList();
            // One untimed search first warms the client up; it is not counted.
            Assert.Equal(31, sent.Count);
            Assert.All(sent.SelectMany(r => r.Query.Split(' ')), word => Assert.Contains(word, BenchWords));
            using var json = JsonDocument.Parse(result.Out);
            Assert.Equal(3, json.RootElement.GetProperty("words").GetInt32());
            var report = json.RootElement.GetProperty("report");
            Assert.Equal(30, report.GetProperty("searches").GetInt32());
            Assert.Equal(0, report.GetProperty("failed").GetInt32());
            Assert.Equal(30, report.GetProperty("with_hits").GetInt32());
            Assert.Equal(7, report.GetProperty("mean_hits").GetDouble());
            Assert.True(report.GetProperty("latency").GetProperty("p99").GetDouble() >= report.GetProperty("latency").GetProperty("p50").GetDouble());
            Assert.True(report.GetProperty("latency").GetProperty("p50").GetDouble() > 0);
            // The fake caps every search with "harbor": those are timed apart from the others.
            var capped = sent.Count(r => r.Query.Split(' ').Contains("harbor"));
            Assert.InRange(capped, 1, 29);
            Assert.Equal(capped, report.GetProperty("capped").GetInt32());
            Assert.True(report.GetProperty("capped_latency").GetProperty("p50").GetDouble() > 0);
            Assert.True(report.GetProperty("uncapped_latency").GetProperty("p50").GetDouble() > 0);
            // The fake takes 300 ms over every search with "suspends": the slowest are named, slowest first. A
            // busy test machine can stall any other search as long, so only the named list is checked against it.
            var slowest = report.GetProperty("slowest").EnumerateArray().ToList();
            Assert.Equal(5, slowest.Count);
            Assert.Contains(slowest, s => s.GetProperty("query").GetString()!.Split(' ').Contains("suspends"));
            Assert.True(slowest[0].GetProperty("milliseconds").GetDouble() >= 300);
            Assert.All(slowest, s => Assert.Equal(7, s.GetProperty("hits").GetInt32()));
            Assert.Equal(slowest.Select(s => s.GetProperty("milliseconds").GetDouble()).OrderDescending(), slowest.Select(s => s.GetProperty("milliseconds").GetDouble()));

            // The text report names them too, with their matches.
            var text = await Run("bench", "search", "--words", words, "--searches", "6", "--concurrency", "2", "--seed", "2");
            Assert.True(text.ExitCode == ExitCodes.Success, text.Error);
            Assert.Contains("slowest", text.Out, StringComparison.Ordinal);
            Assert.Contains(", 7 stories", text.Out, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(words);
        }
    }

    [Fact]
    public async Task Bench_search_with_no_stories_to_take_words_from_says_what_to_do()
    {
        var result = await Run("bench", "search", "--searches", "5");

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Contains("there are no words to search for", result.Error, StringComparison.Ordinal);
        Assert.Contains("--words", result.Error, StringComparison.Ordinal);
    }

    private Task<CliResult> Run(params string[] args) => CliRunner.RunAsync([.. args, "--server", server.Address]);
}
