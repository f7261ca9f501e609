using Grpc.Core;
using Newsroom.Contracts.V1;
using Xunit;
using static Newsroom.Query.Tests.StoryEvents;

namespace Newsroom.Query.Tests;

public sealed class WatchStoriesTests(QueryServiceHost host) : IClassFixture<QueryServiceHost>
{

    [Fact]
    public async Task A_watcher_receives_created_then_updated_as_events_are_consumed_and_only_what_its_filter_allows()
    {
        using var channel = host.CreateChannel();
        using var cancellation = new CancellationTokenSource();
        using var call = new QueryService.QueryServiceClient(channel).WatchStories(
            new WatchStoriesRequest { Filter = new StoryFilter { Source = "Reuters" } }, deadline: QueryServiceHost.Deadline, cancellationToken: cancellation.Token);
        await call.ResponseHeadersAsync;
        var updates = call.ResponseStream.ReadAllAsync(cancellation.Token).GetAsyncEnumerator(cancellation.Token);

        var first = Extracted(Article("w-1", "Watched story", "text", "Reuters"));
        await host.PublishAsync(Update("watched", 1, first));
        Assert.True(await updates.MoveNextAsync());
        Assert.Equal(StoryUpdate.Types.Kind.Created, updates.Current.Kind);
        Assert.Equal("watched", updates.Current.Story.StoryId);
        Assert.Equal("w-1", updates.Current.ArticleId);

        // A story the filter excludes is not sent; the next update the watcher sees is the watched story's.
        await host.PublishAsync(Update("unwatched", 1, Extracted(Article("u-1", "Other outlet", "text", "BBC"))));
        await host.WaitForStageAsync("u-1", PipelineStage.Indexed);
        await host.PublishAsync(Update("watched", 2, Extracted(Article("w-2", "Follow-up", "text", "AP")), matched: "w-1"));
        Assert.True(await updates.MoveNextAsync());
        Assert.Equal(StoryUpdate.Types.Kind.Updated, updates.Current.Kind);
        Assert.Equal("watched", updates.Current.Story.StoryId);
        Assert.Equal(2, updates.Current.Story.Version);
        Assert.Equal("w-2", updates.Current.ArticleId);

        await cancellation.CancelAsync();
        await updates.DisposeAsync();
    }

    [Fact]
    public async Task A_watch_with_an_invalid_filter_is_refused()
    {
        using var channel = host.CreateChannel();
        var filter = new StoryFilter { PublishedAfter = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(Start), PublishedBefore = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(Start.AddDays(-1)) };
        using var call = new QueryService.QueryServiceClient(channel).WatchStories(new WatchStoriesRequest { Filter = filter }, deadline: QueryServiceHost.Deadline);

        var error = await Assert.ThrowsAsync<RpcException>(async () => await call.ResponseStream.ReadAllAsync().CountAsync());

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }
}
