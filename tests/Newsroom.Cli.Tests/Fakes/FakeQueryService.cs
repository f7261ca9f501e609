using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Newsroom.Contracts.V1;

namespace Newsroom.Cli.Tests.Fakes;

/// <summary>
/// A test double of the query service for the CLI's formatting and error tests: canned answers,
/// NOT_FOUND for the id "missing", INVALID_ARGUMENT for the search word "invalid", and
/// UNAVAILABLE for the first two searches for a word starting "busy", as a restarting server answers. A search with
/// the word "harbor" matches more stories than the fake ranks (<c>total_size_capped</c>).
/// </summary>
public sealed class FakeQueryService(FakeServerState state) : QueryService.QueryServiceBase
{
    public override async Task<SearchStoriesResponse> SearchStories(SearchStoriesRequest request, ServerCallContext context)
    {
        state.Requests.Enqueue(request);
        if (request.Query.Contains("invalid", StringComparison.Ordinal))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "the query has no searchable words; pass at least one word"));
        }

        if (request.Query.StartsWith("busy", StringComparison.Ordinal) && state.Requests.OfType<SearchStoriesRequest>().Count(r => r.Query == request.Query) <= 2)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, "the server is starting"));
        }

        // A slow word, for the bench's list of the slowest searches.
        if (request.Query.Split(' ').Contains("suspends"))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(300), context.CancellationToken);
        }

        return new SearchStoriesResponse
        {
            Hits =
            {
                new StoryHit
                {
                    Story = FakeData.Summary(FakeData.StoryId, "Veyra River Front suspends attacks on government convoys", 2, "Harbor Ledger", "Northline Dispatch"),
                    Score = 0.873,
                    Snippets = { "the armed group [suspended] its attacks on [convoys]" },
                },
            },
            NextPageToken = "page-2",
            TotalSize = 7,
            TotalSizeCapped = request.Query.Split(' ').Contains("harbor"),
        };
    }

    public override Task<Story> GetStory(GetStoryRequest request, ServerCallContext context)
    {
        state.Requests.Enqueue(request);
        return request.StoryId is FakeData.StoryId or FakeData.MergedStoryId
            ? Task.FromResult(FakeData.Story)
            : throw new RpcException(new Status(StatusCode.NotFound, $"no story '{request.StoryId}'"));
    }

    public override Task<ListStoriesResponse> ListStories(ListStoriesRequest request, ServerCallContext context) =>
        Task.FromResult(new ListStoriesResponse());

    public override Task<Entity> GetEntity(GetEntityRequest request, ServerCallContext context)
    {
        state.Requests.Enqueue(request);
        return request.Entity == FakeData.MissingId
            ? throw new RpcException(new Status(StatusCode.NotFound, $"no entity '{request.Entity}'"))
            : Task.FromResult(new Entity
            {
                EntityId = FakeData.Vrf.EntityId,
                CanonicalName = FakeData.Vrf.Name,
                Type = EntityType.Organization,
                Aliases = { new EntityAlias { Text = "Veyra River Front", MentionCount = 9 }, new EntityAlias { Text = "VRF", MentionCount = 4 } },
                MentionCount = 13,
                StoryCount = 2,
                FirstSeen = Timestamp.FromDateTimeOffset(new DateTimeOffset(2025, 3, 11, 8, 15, 0, TimeSpan.Zero)),
                LastSeen = Timestamp.FromDateTimeOffset(new DateTimeOffset(2025, 6, 17, 18, 5, 0, TimeSpan.Zero)),
            });
    }

    public override Task<GetEntityTimelineResponse> GetEntityTimeline(GetEntityTimelineRequest request, ServerCallContext context)
    {
        state.Requests.Enqueue(request);
        var resume = FakeData.SuspendEvent.Clone();
        resume.Action = EventAction.Resume;
        resume.ActionText = "resumed";
        resume.Date = "2025-06-16";
        return Task.FromResult(new GetEntityTimelineResponse
        {
            Entity = FakeData.Vrf,
            Events =
            {
                new TimelineEvent { StoryId = FakeData.StoryId, StoryTitle = "VRF suspends convoy attacks", Event = FakeData.SuspendEvent, Role = TimelineEvent.Types.Role.Actor },
                new TimelineEvent { StoryId = "st-vrf-0616", StoryTitle = "VRF resumes convoy attacks", Event = resume, Role = TimelineEvent.Types.Role.Actor },
            },
        });
    }

    public override async Task WatchStories(WatchStoriesRequest request, IServerStreamWriter<StoryUpdate> responseStream, ServerCallContext context)
    {
        state.Requests.Enqueue(request);
        await responseStream.WriteAsync(new StoryUpdate
        {
            Kind = StoryUpdate.Types.Kind.Created,
            Story = FakeData.Summary("st-watch-1", "Orlanth Mining suspends operations at Tessel pit", 1, "Harbor Ledger"),
            ArticleId = "art-watch-1",
        });
        await responseStream.WriteAsync(new StoryUpdate
        {
            Kind = StoryUpdate.Types.Kind.Updated,
            Story = FakeData.Summary("st-watch-1", "Orlanth Mining suspends operations at Tessel pit", 2, "Harbor Ledger", "Valley Courier"),
            ArticleId = "art-watch-2",
        });

        // A watch lasts until the caller cancels.
        try
        {
            await Task.Delay(Timeout.Infinite, context.CancellationToken);
        }
        catch (OperationCanceledException)
        {
            state.WatchCancelled.TrySetResult();
        }
    }

    public override Task<ArticleStatus> GetArticleStatus(GetArticleStatusRequest request, ServerCallContext context)
    {
        state.Requests.Enqueue(request);
        return request.ArticleId == FakeData.MissingId
            ? throw new RpcException(new Status(StatusCode.NotFound, $"no article '{request.ArticleId}'"))
            : Task.FromResult(new ArticleStatus
            {
                ArticleId = request.ArticleId,
                Stage = PipelineStage.Clustered,
                StoryId = FakeData.StoryId,
                Title = "Veyra River Front suspends attacks on government convoys",
                Source = "Harbor Ledger",
                IngestedAt = Timestamp.FromDateTimeOffset(new DateTimeOffset(2025, 3, 11, 9, 0, 0, TimeSpan.Zero)),
                ExtractedAt = Timestamp.FromDateTimeOffset(new DateTimeOffset(2025, 3, 11, 9, 0, 1, TimeSpan.Zero)),
                ClusteredAt = Timestamp.FromDateTimeOffset(new DateTimeOffset(2025, 3, 11, 9, 0, 2, TimeSpan.Zero)),
                TraceId = FakeData.TraceId,
            });
    }
}
