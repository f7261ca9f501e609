using Grpc.Core;
using Microsoft.Extensions.Options;
using Newsroom.Contracts.V1;
using Newsroom.ServiceDefaults;

namespace Newsroom.Query;

/// <summary>newsroom.v1.QueryService over the read model in <see cref="QueryStore"/>.</summary>
[BindServiceMethod(typeof(QueryGrpcService), nameof(BindService))]
public sealed class QueryGrpcService(QueryStore store, StoryUpdateBroadcaster broadcaster, IOptions<SearchOptions> searchOptions) : QueryService.QueryServiceBase
{
    /// <summary>The service's descriptor, which JSON transcoding and reflection look up beside <see cref="BindService"/>.</summary>
    public static Google.Protobuf.Reflection.ServiceDescriptor Descriptor => QueryService.Descriptor;

    /// <summary>Binds the generated methods with <see cref="MalformedRequestBinder"/>, so a malformed request gets INVALID_ARGUMENT.</summary>
    public static void BindService(ServiceBinderBase serviceBinder, QueryService.QueryServiceBase? serviceImpl) =>
        QueryService.BindService(new MalformedRequestBinder(serviceBinder), serviceImpl);

    public override Task<SearchStoriesResponse> SearchStories(SearchStoriesRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var words = QueryRequestValidation.SearchWords(request.Query);
        QueryRequestValidation.Filter(request.Filter);
        var pageSize = PageToken.PageSize(request.PageSize);
        var fingerprint = PageToken.Fingerprint(nameof(SearchStories), new SearchStoriesRequest { Query = string.Join(' ', words), Filter = request.Filter });
        var offset = PageToken.Decode(request.PageToken, fingerprint);

        var page = store.SearchStories(words, request.Filter, offset, pageSize, searchOptions.Value.RankedMatches, context.CancellationToken);
        var next = offset + page.Hits.Count;
        return Task.FromResult(new SearchStoriesResponse
        {
            Hits = { page.Hits },
            TotalSize = page.TotalSize,
            TotalSizeCapped = page.Capped,
            NextPageToken = page.Hits.Count > 0 && next < page.TotalSize ? PageToken.Encode(next, fingerprint) : "",
        });
    }

    public override Task<Story> GetStory(GetStoryRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var storyId = QueryRequestValidation.RequireId(request.StoryId, "story_id", "id of a story from SearchStories or ListStories");
        return Task.FromResult(store.GetStory(storyId, context.CancellationToken)
            ?? throw new RpcException(new Status(StatusCode.NotFound,
                $"Story '{storyId}' is not known; story ids come from SearchStories, ListStories or WatchStories (a story merged into another answers with that one).")));
    }

    public override Task<ListStoriesResponse> ListStories(ListStoriesRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        QueryRequestValidation.Filter(request.Filter);
        var pageSize = PageToken.PageSize(request.PageSize);
        var fingerprint = PageToken.Fingerprint(nameof(ListStories), new ListStoriesRequest { Filter = request.Filter });
        var offset = PageToken.Decode(request.PageToken, fingerprint);

        var page = store.ListStories(request.Filter, offset, pageSize, context.CancellationToken);
        return Task.FromResult(new ListStoriesResponse
        {
            Stories = { page.Stories },
            NextPageToken = page.HasMore ? PageToken.Encode(offset + page.Stories.Count, fingerprint) : "",
        });
    }

    public override Task<Entity> GetEntity(GetEntityRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var entity = QueryRequestValidation.RequireId(request.Entity, "entity", "canonical id, name or alias of an entity");
        return Task.FromResult(store.GetEntity(entity, context.CancellationToken) ?? throw UnknownEntity(entity));
    }

    public override Task<GetEntityTimelineResponse> GetEntityTimeline(GetEntityTimelineRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var entity = QueryRequestValidation.RequireId(request.Entity, "entity", "canonical id, name or alias of an entity");
        var (after, before) = QueryRequestValidation.Range(request.After, request.Before, "after", "before");
        var pageSize = PageToken.PageSize(request.PageSize);
        var fingerprint = PageToken.Fingerprint(nameof(GetEntityTimeline), new GetEntityTimelineRequest { Entity = entity, After = request.After, Before = request.Before });
        var offset = PageToken.Decode(request.PageToken, fingerprint);

        var page = store.GetEntityTimeline(entity, after, before, offset, pageSize, context.CancellationToken) ?? throw UnknownEntity(entity);
        return Task.FromResult(new GetEntityTimelineResponse
        {
            Entity = page.Entity,
            Events = { page.Events },
            NextPageToken = page.HasMore ? PageToken.Encode(offset + page.Events.Count, fingerprint) : "",
        });
    }

    /// <summary>
    /// Streams updates from the moment of the call; response headers are sent once the watch is
    /// registered, so a client that awaits them misses nothing published afterwards. A watcher that
    /// falls <see cref="WatchOptions.Buffer"/> updates behind is dropped with RESOURCE_EXHAUSTED.
    /// </summary>
    public override async Task WatchStories(WatchStoriesRequest request, IServerStreamWriter<StoryUpdate> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(responseStream);
        ArgumentNullException.ThrowIfNull(context);
        QueryRequestValidation.Filter(request.Filter);
        var filter = request.Filter is { } f && !f.Equals(new StoryFilter()) ? f : null;
        var cancellation = context.CancellationToken;

        using var watcher = broadcaster.Subscribe();
        await context.WriteResponseHeadersAsync(new Metadata()).ConfigureAwait(false);
        // A watch ends when the client leaves: the cancelled token ends the loop, and the
        // interceptor answers CANCELLED or DEADLINE_EXCEEDED.
        await foreach (var update in watcher.ReadAllAsync(cancellation).ConfigureAwait(false))
        {
            if (filter is null || store.StoryMatches(update.Story.StoryId, filter, cancellation))
            {
                await responseStream.WriteAsync(update, cancellation).ConfigureAwait(false);
            }
        }

        if (watcher.Dropped)
        {
            throw new RpcException(new Status(StatusCode.ResourceExhausted,
                "This watch fell too far behind the stream of story updates and was dropped; read faster, then reconnect and catch up with ListStories."));
        }
    }

    public override Task<ArticleStatus> GetArticleStatus(GetArticleStatusRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var articleId = QueryRequestValidation.RequireId(request.ArticleId, "article_id", "id of an article as ingest returned it");
        return Task.FromResult(store.GetArticleStatus(articleId, context.CancellationToken)
            ?? throw new RpcException(new Status(StatusCode.NotFound,
                $"Article '{articleId}' has not reached the query service; check the id ingest returned, or wait if it was just submitted.")));
    }

    private static RpcException UnknownEntity(string entity) => new(new Status(StatusCode.NotFound,
        $"No entity has the id, name or alias '{entity}'; search stories for the name to find how it is spelled, or use an id from a story's entities."));
}
