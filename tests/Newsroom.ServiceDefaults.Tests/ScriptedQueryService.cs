using Grpc.Core;
using Newsroom.Contracts.V1;

namespace Newsroom.ServiceDefaults.Tests;

/// <summary>
/// A QueryService whose methods fail in the ways real handlers do, to see what the service
/// defaults make of each: a bad request, a bug, an explicit status, and a stream the client leaves.
/// </summary>
public sealed class ScriptedQueryService : QueryService.QueryServiceBase
{
    public const string Internals = "connection string Data Source=/var/lib/newsroom/secret.db";

    public override Task<Story> GetStory(GetStoryRequest request, ServerCallContext context) =>
        throw new InvalidRequestException($"story_id '{request.StoryId}' is not an id; pass one from SearchStories.");

    public override Task<Entity> GetEntity(GetEntityRequest request, ServerCallContext context) =>
        throw new InvalidOperationException(Internals);

    public override Task<ArticleStatus> GetArticleStatus(GetArticleStatusRequest request, ServerCallContext context) =>
        throw new RpcException(new Status(StatusCode.NotFound, $"Article '{request.ArticleId}' is unknown."));

    /// <summary>What Kestrel throws into a method reading or writing a stream the client has just reset, before the call's token is cancelled.</summary>
    public override Task<SearchStoriesResponse> SearchStories(SearchStoriesRequest request, ServerCallContext context) =>
        throw new IOException("The client reset the request stream.");

    /// <summary>
    /// Sends one update, then waits for more until the call ends, and has one more ready just as it ends: a watch
    /// (as the gRPC health service's) whose next write races the client leaving writes to a call already over.
    /// </summary>
    public override async Task WatchStories(WatchStoriesRequest request, IServerStreamWriter<StoryUpdate> responseStream, ServerCallContext context)
    {
        await responseStream.WriteAsync(new StoryUpdate { ArticleId = "first" }, context.CancellationToken);
        try
        {
            await Task.Delay(Timeout.Infinite, context.CancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
        await responseStream.WriteAsync(new StoryUpdate { ArticleId = "last" });
    }
}
