using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using Newsroom.Contracts.V1;
using Xunit;

namespace Newsroom.Query.Tests;

public sealed class QueryGrpcServiceTests(SeededQueryServiceHost host) : IClassFixture<SeededQueryServiceHost>, IDisposable
{
    private readonly GrpcChannel _channel = host.CreateChannel();

    private QueryService.QueryServiceClient Client => new(_channel);

    public void Dispose() => _channel.Dispose();

    private Task<SearchStoriesResponse> Search(SearchStoriesRequest request) => Client.SearchStoriesAsync(request, deadline: QueryServiceHost.Deadline).ResponseAsync;

    private Task<ListStoriesResponse> List(ListStoriesRequest request) => Client.ListStoriesAsync(request, deadline: QueryServiceHost.Deadline).ResponseAsync;

    private static async Task<RpcException> Fails(StatusCode code, Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<RpcException>(call);
        Assert.True(code == error.StatusCode, $"Expected {code}, got {error.StatusCode}: {error.Status.Detail}");
        Assert.NotEmpty(error.Status.Detail);
        return error;
    }

    [Fact]
    public async Task SearchStories_ranks_the_suspension_story_first_with_highlighted_snippets()
    {
        var response = await Search(new SearchStoriesRequest { Query = "suspend" });

        Assert.Equal((2, false), (response.TotalSize, response.TotalSizeCapped));
        Assert.Equal(["story-kh", "story-attack"], response.Hits.Select(h => h.Story.StoryId));
        Assert.Contains(response.Hits[0].Snippets, s => s.Contains("[suspends]", StringComparison.Ordinal));
        Assert.Equal("", response.NextPageToken);
    }

    [Fact]
    public async Task SearchStories_filters_by_entity_alias_and_source()
    {
        var byAlias = await Search(new SearchStoriesRequest { Query = "suspended", Filter = new StoryFilter { Entity = "kataeb hezbollah" } });
        var bySource = await Search(new SearchStoriesRequest { Query = "suspended", Filter = new StoryFilter { Source = "BBC" } });

        Assert.Equal(["story-kh"], byAlias.Hits.Select(h => h.Story.StoryId));
        Assert.Empty(bySource.Hits);
    }

    [Fact]
    public async Task SearchStories_pages_with_a_token_bound_to_the_query()
    {
        var first = await Search(new SearchStoriesRequest { Query = "suspend", PageSize = 1 });
        var second = await Search(new SearchStoriesRequest { Query = "suspend", PageSize = 1, PageToken = first.NextPageToken });

        Assert.Equal(["story-kh", "story-attack"], first.Hits.Concat(second.Hits).Select(h => h.Story.StoryId));
        Assert.Equal("", second.NextPageToken);
        await Fails(StatusCode.InvalidArgument, () => Search(new SearchStoriesRequest { Query = "drone", PageToken = first.NextPageToken }));
        await Fails(StatusCode.InvalidArgument, () => Search(new SearchStoriesRequest { Query = "suspend", PageToken = "not-a-token" }));
    }

    [Fact]
    public async Task SearchStories_refuses_bad_requests()
    {
        await Fails(StatusCode.InvalidArgument, () => Search(new SearchStoriesRequest { Query = "  ?! " }));
        await Fails(StatusCode.InvalidArgument, () => Search(new SearchStoriesRequest { Query = "suspend", PageSize = -1 }));
        var empty = new StoryFilter { PublishedAfter = Timestamp.FromDateTimeOffset(StoryEvents.Start), PublishedBefore = Timestamp.FromDateTimeOffset(StoryEvents.Start) };
        await Fails(StatusCode.InvalidArgument, () => Search(new SearchStoriesRequest { Query = "suspend", Filter = empty }));
        await Fails(StatusCode.InvalidArgument, () => Search(new SearchStoriesRequest { Query = "suspend", Filter = new StoryFilter { PublishedAfter = new Timestamp { Nanos = -1 } } }));
    }

    [Fact]
    public async Task GetStory_returns_every_article_oldest_first_with_its_join_reason()
    {
        var story = await Client.GetStoryAsync(new GetStoryRequest { StoryId = "story-kh" }, deadline: QueryServiceHost.Deadline).ResponseAsync;

        Assert.Equal("Kataib Hezbollah suspends operations against US forces", story.Summary.Title);
        Assert.Equal(2, story.Summary.Version);
        Assert.Equal(["AP", "Reuters"], story.Summary.Sources);
        Assert.Equal(["kh-1", "kh-2"], story.Articles.Select(a => a.ArticleId));
        Assert.Equal(JoinReason.Types.Kind.SameEvent, story.Articles[1].JoinReason.Kind);
        Assert.Equal("kh-1", story.Articles[1].JoinReason.MatchedArticleId);
        Assert.Equal("BAGHDAD - The group suspended its attacks.", story.Articles[0].Lead);
        Assert.Equal(EventAction.Suspend, story.Articles[1].LeadEvent.Action);
    }

    [Fact]
    public async Task GetStory_reports_unknown_and_empty_ids()
    {
        var error = await Fails(StatusCode.NotFound, () => Client.GetStoryAsync(new GetStoryRequest { StoryId = "nope" }, deadline: QueryServiceHost.Deadline).ResponseAsync);
        Assert.Contains("nope", error.Status.Detail, StringComparison.Ordinal);
        await Fails(StatusCode.InvalidArgument, () => Client.GetStoryAsync(new GetStoryRequest(), deadline: QueryServiceHost.Deadline).ResponseAsync);
    }

    [Fact]
    public async Task ListStories_pages_from_the_most_recently_updated()
    {
        var first = await List(new ListStoriesRequest { PageSize = 2 });
        var rest = await List(new ListStoriesRequest { PageSize = 2, PageToken = first.NextPageToken });

        Assert.Equal(["story-other", "story-attack", "story-kh"], first.Stories.Concat(rest.Stories).Select(s => s.StoryId));
        Assert.Equal("", rest.NextPageToken);
        var filtered = await List(new ListStoriesRequest { Filter = new StoryFilter { Action = EventAction.Attack } });
        Assert.Equal(["story-attack"], filtered.Stories.Select(s => s.StoryId));
        await Fails(StatusCode.InvalidArgument, () => List(new ListStoriesRequest { PageToken = first.NextPageToken, Filter = new StoryFilter { Source = "AP" } }));
    }

    [Fact]
    public async Task GetEntity_finds_an_entity_by_alias_with_its_counts()
    {
        var entity = await Client.GetEntityAsync(new GetEntityRequest { Entity = "KATAEB HEZBOLLAH" }, deadline: QueryServiceHost.Deadline).ResponseAsync;

        Assert.Equal("kh", entity.EntityId);
        Assert.Equal(2, entity.MentionCount);
        Assert.Equal(1, entity.StoryCount);
        Assert.Equal(["Kataeb Hezbollah", "Kataib Hezbollah"], entity.Aliases.Select(a => a.Text).Order(StringComparer.Ordinal));
        await Fails(StatusCode.NotFound, () => Client.GetEntityAsync(new GetEntityRequest { Entity = "nobody" }, deadline: QueryServiceHost.Deadline).ResponseAsync);
        await Fails(StatusCode.InvalidArgument, () => Client.GetEntityAsync(new GetEntityRequest(), deadline: QueryServiceHost.Deadline).ResponseAsync);
    }

    [Fact]
    public async Task GetEntityTimeline_lists_the_entity_events()
    {
        var timeline = await Client.GetEntityTimelineAsync(new GetEntityTimelineRequest { Entity = "kh" }, deadline: QueryServiceHost.Deadline).ResponseAsync;

        Assert.Equal("Kataib Hezbollah", timeline.Entity.Name);
        var only = Assert.Single(timeline.Events);
        Assert.Equal("story-kh", only.StoryId);
        Assert.Equal(TimelineEvent.Types.Role.Actor, only.Role);
        Assert.Equal(StoryEvents.Start, only.Occurred.ToDateTimeOffset());
        await Fails(StatusCode.NotFound, () => Client.GetEntityTimelineAsync(new GetEntityTimelineRequest { Entity = "nobody" }, deadline: QueryServiceHost.Deadline).ResponseAsync);
        await Fails(StatusCode.InvalidArgument, () => Client.GetEntityTimelineAsync(new GetEntityTimelineRequest { Entity = "kh", PageSize = -5 }, deadline: QueryServiceHost.Deadline).ResponseAsync);
    }

    [Fact]
    public async Task GetArticleStatus_reports_the_furthest_stage()
    {
        var indexed = await Client.GetArticleStatusAsync(new GetArticleStatusRequest { ArticleId = "kh-2" }, deadline: QueryServiceHost.Deadline).ResponseAsync;
        var pending = await Client.GetArticleStatusAsync(new GetArticleStatusRequest { ArticleId = "pending-1" }, deadline: QueryServiceHost.Deadline).ResponseAsync;

        Assert.Equal(PipelineStage.Indexed, indexed.Stage);
        Assert.Equal("story-kh", indexed.StoryId);
        Assert.NotNull(indexed.IngestedAt);
        Assert.NotNull(indexed.ExtractedAt);
        Assert.NotNull(indexed.ClusteredAt);
        Assert.NotNull(indexed.IndexedAt);
        Assert.Equal(PipelineStage.Ingested, pending.Stage);
        Assert.Equal("", pending.StoryId);
        await Fails(StatusCode.NotFound, () => Client.GetArticleStatusAsync(new GetArticleStatusRequest { ArticleId = "nope" }, deadline: QueryServiceHost.Deadline).ResponseAsync);
        await Fails(StatusCode.InvalidArgument, () => Client.GetArticleStatusAsync(new GetArticleStatusRequest { ArticleId = " " }, deadline: QueryServiceHost.Deadline).ResponseAsync);
    }
}
