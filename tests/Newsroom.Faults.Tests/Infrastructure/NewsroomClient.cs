using Google.Protobuf;
using System.Collections.Concurrent;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Newsroom.Contracts.V1;

namespace Newsroom.Faults.Tests.Infrastructure;

/// <summary>
/// The calls the fault scenarios make, each with a deadline and ingest's API key, to whatever
/// address a service has now: a restarted service listens on a new port.
/// </summary>
public sealed class NewsroomClient : IDisposable
{
    /// <summary>The key ingest is configured with (<c>Auth:ApiKeys:0:Key</c>); sent as <c>x-api-key</c> on every call.</summary>
    public const string ApiKey = "fault-suite-key-0123456789";

    private static readonly TimeSpan QueryTimeout = TimeSpan.FromSeconds(30);

    // SubmitArticle with the request as raw bytes, to send what Google.Protobuf would never write (a string field that is not UTF-8).
    private static readonly Method<byte[], SubmitArticleResult> RawSubmitArticle = new(
        MethodType.Unary,
        IngestService.Descriptor.FullName,
        nameof(IngestService.IngestServiceClient.SubmitArticle),
        Marshallers.Create(bytes => bytes, bytes => bytes),
        Marshallers.Create(result => result.ToByteArray(), SubmitArticleResult.Parser.ParseFrom));

    private readonly ConcurrentDictionary<Uri, GrpcChannel> _channels = new();

    public async Task<SubmitArticleResult> SubmitAsync(Uri ingest, SubmitArticleRequest request, TimeSpan timeout, bool gzip = false)
    {
        var headers = Headers();
        if (gzip)
        {
            // grpc-dotnet compresses a request whose call carries this header.
            headers.Add("grpc-internal-encoding-request", "gzip");
        }
        return await new IngestService.IngestServiceClient(Channel(ingest)).SubmitArticleAsync(request, headers, DateTime.UtcNow + timeout);
    }

    /// <summary>SubmitArticle with a request encoded by hand.</summary>
    public async Task<SubmitArticleResult> SubmitRawAsync(Uri ingest, byte[] request, TimeSpan timeout) =>
        await Channel(ingest).CreateCallInvoker().AsyncUnaryCall(RawSubmitArticle, null, new CallOptions(Headers(), DateTime.UtcNow + timeout), request);

    public async Task<SubmitArticlesResponse> SubmitAllAsync(Uri ingest, IEnumerable<SubmitArticleRequest> requests, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var call = new IngestService.IngestServiceClient(Channel(ingest)).SubmitArticles(Headers(), DateTime.UtcNow + timeout, cancellationToken);
        foreach (var request in requests)
        {
            await call.RequestStream.WriteAsync(request, cancellationToken);
        }
        await call.RequestStream.CompleteAsync();
        return await call.ResponseAsync;
    }

    public async Task<ArticleStatus> StatusAsync(Uri query, string articleId) =>
        await Query(query).GetArticleStatusAsync(new GetArticleStatusRequest { ArticleId = articleId }, Headers(), DateTime.UtcNow + QueryTimeout);

    /// <summary>Every story, following page tokens.</summary>
    public async Task<IReadOnlyList<StorySummary>> AllStoriesAsync(Uri query)
    {
        var stories = new List<StorySummary>();
        var token = string.Empty;
        do
        {
            var page = await Query(query).ListStoriesAsync(new ListStoriesRequest { PageSize = 100, PageToken = token }, Headers(), DateTime.UtcNow + QueryTimeout);
            stories.AddRange(page.Stories);
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        return stories;
    }

    public async Task<Story> StoryAsync(Uri query, string storyId) =>
        await Query(query).GetStoryAsync(new GetStoryRequest { StoryId = storyId }, Headers(), DateTime.UtcNow + QueryTimeout);

    /// <summary>The service's overall health; NOT_SERVING when it does not answer.</summary>
    public async Task<HealthCheckResponse.Types.ServingStatus> HealthAsync(Uri service)
    {
        try
        {
            var response = await new Health.HealthClient(Channel(service)).CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(5));
            return response.Status;
        }
        catch (RpcException)
        {
            return HealthCheckResponse.Types.ServingStatus.NotServing;
        }
    }

    public void Dispose()
    {
        foreach (var channel in _channels.Values)
        {
            channel.Dispose();
        }
    }

    private static Metadata Headers() => new() { { "x-api-key", ApiKey } };

    private QueryService.QueryServiceClient Query(Uri query) => new(Channel(query));

    private GrpcChannel Channel(Uri address) =>
        _channels.GetOrAdd(address, a => GrpcChannel.ForAddress(a, new GrpcChannelOptions { MaxReceiveMessageSize = null, MaxSendMessageSize = null }));
}
