using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using Newsroom.Contracts.V1;

namespace Newsroom.Pipeline.Tests.Infrastructure;

/// <summary>The gRPC calls a test makes against the ingest and query APIs, through the generated clients, each with a deadline.</summary>
public sealed class PipelineClient(Uri ingestAddress, Uri queryAddress) : IDisposable
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    private readonly GrpcChannel _ingestChannel = GrpcChannel.ForAddress(ingestAddress);
    private readonly GrpcChannel _queryChannel = GrpcChannel.ForAddress(queryAddress);

    public PipelineClient(Uri address)
        : this(address, address)
    {
    }

    private IngestService.IngestServiceClient Ingest => new(_ingestChannel);

    private QueryService.QueryServiceClient Query => new(_queryChannel);

    private static DateTime Deadline => DateTime.UtcNow + CallTimeout;

    public async Task<SubmitArticleResult> SubmitAsync(SubmitArticleRequest request) =>
        await Ingest.SubmitArticleAsync(request, deadline: Deadline);

    public async Task<SubmitArticlesResponse> SubmitAllAsync(IEnumerable<SubmitArticleRequest> requests)
    {
        using var call = Ingest.SubmitArticles(deadline: DateTime.UtcNow.AddMinutes(2));
        foreach (var request in requests)
        {
            await call.RequestStream.WriteAsync(request);
        }
        await call.RequestStream.CompleteAsync();
        return await call.ResponseAsync;
    }

    /// <summary>
    /// Waits until every article is indexed. A loaded machine only slows the pipeline down, so the wait fails when no
    /// article was indexed for <paramref name="limit"/> (a stall), or after four times that in all, naming the articles
    /// still on their way and their stage.
    /// </summary>
    public async Task WaitUntilIndexedAsync(IReadOnlyCollection<string> articleIds, TimeSpan limit, Func<string>? diagnostics = null)
    {
        var started = DateTime.UtcNow;
        var lastIndexed = started;
        var pending = articleIds.Count;
        var progress = new IndexingProgress(articleIds);
        while (!await progress.RefreshAsync(StatusAsync))
        {
            var now = DateTime.UtcNow;
            if (progress.Pending.Count < pending)
            {
                (pending, lastIndexed) = (progress.Pending.Count, now);
            }
            if (now - lastIndexed > limit || now - started > 4 * limit)
            {
                var stuck = string.Join(", ", progress.Pending.Take(10).Select(id => $"{id}: {progress.StageOf(id)}"));
                throw new TimeoutException(
                    $"{pending} of {articleIds.Count} articles not indexed: none for {(now - lastIndexed).TotalSeconds:0} s, {(now - started).TotalSeconds:0} s in all (limits {limit.TotalSeconds} s and {4 * limit.TotalSeconds} s) ({stuck}).\n{diagnostics?.Invoke()}");
            }
            await Task.Delay(300);
        }
    }

    /// <summary>The article's status; a call over the query service's rate limit is sent again after the second it asks for.</summary>
    public async Task<ArticleStatus> StatusAsync(string articleId)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await Query.GetArticleStatusAsync(new GetArticleStatusRequest { ArticleId = articleId }, deadline: Deadline);
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.ResourceExhausted && attempt < 10)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }
    }

    /// <summary>Each submitted article's story now, by client ref.</summary>
    public async Task<Dictionary<string, string>> StoriesOfAsync(IEnumerable<SubmitArticleResult> submitted)
    {
        var stories = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var result in submitted)
        {
            stories[result.ClientRef] = (await StatusAsync(result.ArticleId)).StoryId;
        }
        return stories;
    }

    /// <summary>Every story, following page tokens.</summary>
    public async Task<IReadOnlyList<StorySummary>> AllStoriesAsync()
    {
        var stories = new List<StorySummary>();
        var token = string.Empty;
        do
        {
            var page = await Query.ListStoriesAsync(new ListStoriesRequest { PageSize = 50, PageToken = token }, deadline: Deadline);
            stories.AddRange(page.Stories);
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        return stories;
    }

    public async Task<Story> GetStoryAsync(string storyId) =>
        await Query.GetStoryAsync(new GetStoryRequest { StoryId = storyId }, deadline: Deadline);

    /// <summary>The entity with this id, name or alias, or null when the query service answers NOT_FOUND.</summary>
    public async Task<Entity?> FindEntityAsync(string entity)
    {
        try
        {
            return await Query.GetEntityAsync(new GetEntityRequest { Entity = entity }, deadline: Deadline);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<SearchStoriesResponse> SearchAsync(string query) =>
        await Query.SearchStoriesAsync(new SearchStoriesRequest { Query = query, PageSize = 10 }, deadline: Deadline);

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
        _ingestChannel.Dispose();
        _queryChannel.Dispose();
    }
}
