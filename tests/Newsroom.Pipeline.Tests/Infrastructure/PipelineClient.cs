using Google.Protobuf.WellKnownTypes;
using Newsroom.Contracts.V1;
using Newsroom.Grpc;

namespace Newsroom.Pipeline.Tests.Infrastructure;

/// <summary>The gRPC calls a test makes against the ingest and query APIs, through the project's own client.</summary>
public sealed class PipelineClient(Uri ingestAddress, Uri queryAddress) : IDisposable
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor IngestService = IngestReflection.Descriptor.Services.Single(s => s.Name == "IngestService");
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor QueryService = QueryReflection.Descriptor.Services.Single(s => s.Name == "QueryService");

    private static readonly GrpcMethod<SubmitArticleRequest, SubmitArticleResult> SubmitArticle = new(IngestService, "SubmitArticle");
    private static readonly GrpcMethod<SubmitArticleRequest, SubmitArticlesResponse> SubmitArticlesMethod = new(IngestService, "SubmitArticles");
    private static readonly GrpcMethod<GetArticleStatusRequest, ArticleStatus> GetArticleStatus = new(QueryService, "GetArticleStatus");
    private static readonly GrpcMethod<ListStoriesRequest, ListStoriesResponse> ListStories = new(QueryService, "ListStories");
    private static readonly GrpcMethod<GetStoryRequest, Story> GetStoryMethod = new(QueryService, "GetStory");
    private static readonly GrpcMethod<GetEntityRequest, Entity> GetEntityMethod = new(QueryService, "GetEntity");
    private static readonly GrpcMethod<SearchStoriesRequest, SearchStoriesResponse> SearchStoriesMethod = new(QueryService, "SearchStories");

    private readonly GrpcChannel _ingest = GrpcChannel.ForAddress(ingestAddress.ToString());
    private readonly GrpcChannel _query = GrpcChannel.ForAddress(queryAddress.ToString());

    public PipelineClient(Uri address)
        : this(address, address)
    {
    }

    public async Task<SubmitArticleResult> SubmitAsync(SubmitArticleRequest request) =>
        await _ingest.UnaryCall(SubmitArticle, request);

    public async Task<SubmitArticlesResponse> SubmitAllAsync(IEnumerable<SubmitArticleRequest> requests)
    {
        using var call = _ingest.ClientStreamingCall(SubmitArticlesMethod);
        foreach (var request in requests)
        {
            await call.RequestStream.WriteAsync(request);
        }
        await call.RequestStream.CompleteAsync();
        return await call.ResponseAsync;
    }

    /// <summary>Waits until every article is indexed; on time-out fails naming the ones still on their way and their stage.</summary>
    public async Task WaitUntilIndexedAsync(IReadOnlyCollection<string> articleIds, TimeSpan limit, Func<string>? diagnostics = null)
    {
        var deadline = DateTime.UtcNow + limit;
        var pending = articleIds.ToHashSet();
        var stages = new Dictionary<string, string>();
        while (pending.Count > 0)
        {
            foreach (var id in pending.ToList())
            {
                try
                {
                    var status = await _query.UnaryCall(GetArticleStatus, new GetArticleStatusRequest { ArticleId = id });
                    stages[id] = status.Stage.ToString();
                    if (status.Stage == PipelineStage.Indexed)
                    {
                        pending.Remove(id);
                    }
                }
                catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
                {
                    stages[id] = "not yet known to query";
                }
            }
            if (pending.Count == 0)
            {
                return;
            }
            if (DateTime.UtcNow > deadline)
            {
                var stuck = string.Join(", ", pending.Take(10).Select(id => $"{id}: {stages.GetValueOrDefault(id, "?")}"));
                throw new TimeoutException($"{pending.Count} of {articleIds.Count} articles not indexed within {limit.TotalSeconds} s ({stuck}).\n{diagnostics?.Invoke()}");
            }
            await Task.Delay(300);
        }
    }

    public async Task<ArticleStatus> StatusAsync(string articleId) =>
        await _query.UnaryCall(GetArticleStatus, new GetArticleStatusRequest { ArticleId = articleId });

    /// <summary>Every story, following page tokens.</summary>
    public async Task<IReadOnlyList<StorySummary>> AllStoriesAsync()
    {
        var stories = new List<StorySummary>();
        var token = string.Empty;
        do
        {
            var page = await _query.UnaryCall(ListStories, new ListStoriesRequest { PageSize = 50, PageToken = token });
            stories.AddRange(page.Stories);
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        return stories;
    }

    public async Task<Story> GetStoryAsync(string storyId) =>
        await _query.UnaryCall(GetStoryMethod, new GetStoryRequest { StoryId = storyId });

    public async Task<Entity> GetEntityAsync(string entity) =>
        await _query.UnaryCall(GetEntityMethod, new GetEntityRequest { Entity = entity });

    public async Task<SearchStoriesResponse> SearchAsync(string query) =>
        await _query.UnaryCall(SearchStoriesMethod, new SearchStoriesRequest { Query = query, PageSize = 10 });

    public static SubmitArticleRequest Article(string clientRef, string text, string source = "", string url = "", DateTimeOffset? published = null) =>
        new()
        {
            ClientRef = clientRef,
            Text = text,
            Source = source,
            Url = url,
            Published = published is { } p ? Timestamp.FromDateTimeOffset(p) : null,
        };

    public void Dispose()
    {
        _ingest.Dispose();
        _query.Dispose();
    }
}
