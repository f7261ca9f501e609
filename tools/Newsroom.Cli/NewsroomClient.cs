using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Newsroom.Contracts.V1;
using Newsroom.ServiceDefaults;

namespace Newsroom.Cli;

/// <summary>
/// The Newsroom gRPC API as the CLI calls it, on one channel: every call but a watch has a
/// deadline, and the query calls, which only read, are retried while the server is UNAVAILABLE
/// (starting, restarting, or briefly unreachable). Every call carries the API key, when there is one.
/// </summary>
internal sealed class NewsroomClient : IDisposable
{
    // A query that takes longer than this means an unhealthy server; say so instead of hanging.
    private static readonly TimeSpan UnaryTimeout = TimeSpan.FromSeconds(30);

    // One SubmitArticles call carries one batch; ingest takes a few milliseconds an article.
    private static readonly TimeSpan BatchTimeout = TimeSpan.FromMinutes(2);

    private readonly GrpcChannel _channel;
    private readonly QueryService.QueryServiceClient _query;
    private readonly IngestService.IngestServiceClient _ingest;

    public NewsroomClient(ServerConnection connection)
    {
        _channel = GrpcChannel.ForAddress(connection.Address, new GrpcChannelOptions
        {
            ServiceConfig = QueryReadRetry.Config(maxAttempts: 4, initialBackoff: TimeSpan.FromMilliseconds(500), maxBackoff: TimeSpan.FromSeconds(4)),
            HttpHandler = connection.CreateHandler(),
        });
        var invoker = connection.ApiKey is { Length: > 0 } key
            ? _channel.Intercept(metadata =>
            {
                metadata.Add(ServerConnection.ApiKeyHeader, key);
                return metadata;
            })
            : _channel.CreateCallInvoker();
        _query = new QueryService.QueryServiceClient(invoker);
        _ingest = new IngestService.IngestServiceClient(invoker);
    }

    public Task<SearchStoriesResponse> SearchStoriesAsync(SearchStoriesRequest request, CancellationToken cancellationToken) =>
        _query.SearchStoriesAsync(request, Unary(cancellationToken)).ResponseAsync;

    public Task<ListStoriesResponse> ListStoriesAsync(ListStoriesRequest request, CancellationToken cancellationToken) =>
        _query.ListStoriesAsync(request, Unary(cancellationToken)).ResponseAsync;

    public Task<Story> GetStoryAsync(GetStoryRequest request, CancellationToken cancellationToken) =>
        _query.GetStoryAsync(request, Unary(cancellationToken)).ResponseAsync;

    public Task<Entity> GetEntityAsync(GetEntityRequest request, CancellationToken cancellationToken) =>
        _query.GetEntityAsync(request, Unary(cancellationToken)).ResponseAsync;

    public Task<GetEntityTimelineResponse> GetEntityTimelineAsync(GetEntityTimelineRequest request, CancellationToken cancellationToken) =>
        _query.GetEntityTimelineAsync(request, Unary(cancellationToken)).ResponseAsync;

    public Task<ArticleStatus> GetArticleStatusAsync(GetArticleStatusRequest request, CancellationToken cancellationToken) =>
        _query.GetArticleStatusAsync(request, Unary(cancellationToken)).ResponseAsync;

    /// <summary>A watch runs until the caller cancels it, so it has no deadline.</summary>
    public AsyncServerStreamingCall<StoryUpdate> WatchStories(WatchStoriesRequest request, CancellationToken cancellationToken) =>
        _query.WatchStories(request, new CallOptions(cancellationToken: cancellationToken));

    /// <summary>
    /// Sends one batch on one SubmitArticles call. Not retried: a batch that reached the server
    /// before the failure would come back as duplicates, hiding that it was accepted.
    /// </summary>
    /// <param name="beforeEach">Awaited before the batch's n-th article is written, to pace a load run.</param>
    public async Task<SubmitArticlesResponse> SubmitBatchAsync(
        IReadOnlyList<SubmitArticleRequest> batch, Action sent, CancellationToken cancellationToken, Func<int, Task>? beforeEach = null)
    {
        using var call = _ingest.SubmitArticles(new CallOptions(deadline: DateTime.UtcNow + BatchTimeout, cancellationToken: cancellationToken));
        for (var i = 0; i < batch.Count; i++)
        {
            if (beforeEach is not null)
            {
                await beforeEach(i).ConfigureAwait(false);
            }
            await call.RequestStream.WriteAsync(batch[i], cancellationToken).ConfigureAwait(false);
            sent();
        }

        await call.RequestStream.CompleteAsync().ConfigureAwait(false);
        return await call.ResponseAsync.ConfigureAwait(false);
    }

    public void Dispose() => _channel.Dispose();

    private static CallOptions Unary(CancellationToken cancellationToken) =>
        new(deadline: DateTime.UtcNow + UnaryTimeout, cancellationToken: cancellationToken);
}
