using Google.Protobuf.Reflection;
using Newsroom.Contracts.V1;
using Newsroom.Grpc;

namespace Newsroom.Cli;

/// <summary>The Newsroom gRPC API as the CLI calls it: one method per RPC, on one channel.</summary>
internal sealed class NewsroomClient : IDisposable
{
    // A query that takes longer than this means an unhealthy server; say so instead of hanging.
    private static readonly TimeSpan UnaryTimeout = TimeSpan.FromSeconds(30);

    private static readonly ServiceDescriptor Query = QueryReflection.Descriptor.FindTypeByName<ServiceDescriptor>("QueryService");
    private static readonly ServiceDescriptor Ingest = IngestReflection.Descriptor.FindTypeByName<ServiceDescriptor>("IngestService");

    private static readonly GrpcMethod<SearchStoriesRequest, SearchStoriesResponse> SearchStoriesMethod = new(Query, "SearchStories");
    private static readonly GrpcMethod<GetStoryRequest, Story> GetStoryMethod = new(Query, "GetStory");
    private static readonly GrpcMethod<GetEntityRequest, Entity> GetEntityMethod = new(Query, "GetEntity");
    private static readonly GrpcMethod<GetEntityTimelineRequest, GetEntityTimelineResponse> GetEntityTimelineMethod = new(Query, "GetEntityTimeline");
    private static readonly GrpcMethod<WatchStoriesRequest, StoryUpdate> WatchStoriesMethod = new(Query, "WatchStories");
    private static readonly GrpcMethod<GetArticleStatusRequest, ArticleStatus> GetArticleStatusMethod = new(Query, "GetArticleStatus");
    private static readonly GrpcMethod<SubmitArticleRequest, SubmitArticlesResponse> SubmitArticlesMethod = new(Ingest, "SubmitArticles");

    private readonly GrpcChannel _channel;

    public NewsroomClient(string address) => _channel = GrpcChannel.ForAddress(address);

    public Task<SearchStoriesResponse> SearchStoriesAsync(SearchStoriesRequest request, CancellationToken cancellationToken) =>
        Unary(SearchStoriesMethod, request, cancellationToken);

    public Task<Story> GetStoryAsync(GetStoryRequest request, CancellationToken cancellationToken) =>
        Unary(GetStoryMethod, request, cancellationToken);

    public Task<Entity> GetEntityAsync(GetEntityRequest request, CancellationToken cancellationToken) =>
        Unary(GetEntityMethod, request, cancellationToken);

    public Task<GetEntityTimelineResponse> GetEntityTimelineAsync(GetEntityTimelineRequest request, CancellationToken cancellationToken) =>
        Unary(GetEntityTimelineMethod, request, cancellationToken);

    public Task<ArticleStatus> GetArticleStatusAsync(GetArticleStatusRequest request, CancellationToken cancellationToken) =>
        Unary(GetArticleStatusMethod, request, cancellationToken);

    public AsyncServerStreamingCall<StoryUpdate> WatchStories(WatchStoriesRequest request, CancellationToken cancellationToken) =>
        _channel.ServerStreamingCall(WatchStoriesMethod, request, new CallOptions(CancellationToken: cancellationToken));

    public AsyncClientStreamingCall<SubmitArticleRequest, SubmitArticlesResponse> SubmitArticles(CancellationToken cancellationToken) =>
        _channel.ClientStreamingCall(SubmitArticlesMethod, new CallOptions(CancellationToken: cancellationToken));

    public void Dispose() => _channel.Dispose();

    private async Task<TResponse> Unary<TRequest, TResponse>(GrpcMethod<TRequest, TResponse> method, TRequest request, CancellationToken cancellationToken)
        where TRequest : class, Google.Protobuf.IMessage<TRequest>
        where TResponse : class, Google.Protobuf.IMessage<TResponse>, new()
    {
        using var call = _channel.UnaryCall(method, request, new CallOptions(Deadline: DateTime.UtcNow + UnaryTimeout, CancellationToken: cancellationToken));
        return await call.ResponseAsync.ConfigureAwait(false);
    }
}
