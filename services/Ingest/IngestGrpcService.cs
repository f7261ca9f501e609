using System.Diagnostics;
using Grpc.Core;
using MassTransit;
using Microsoft.Extensions.Logging;
using Newsroom.Contracts.V1;
using Newsroom.ServiceDefaults;

namespace Newsroom.Ingest;

/// <summary>
/// The gRPC ingest API (newsroom.v1.IngestService) over <see cref="ArticleIngestor"/>. While the bus
/// is not healthy (the broker is unreachable) every item is answered UNAVAILABLE at once: storing
/// would still work, but clients should back off rather than fill the outbox during an outage.
/// </summary>
[BindServiceMethod(typeof(IngestGrpcService), nameof(BindService))]
public sealed partial class IngestGrpcService(ArticleIngestor ingestor, IBusControl bus, ILogger<IngestGrpcService> logger) : IngestService.IngestServiceBase
{
    /// <summary>The service's descriptor, which JSON transcoding and reflection look up beside <see cref="BindService"/>.</summary>
    public static Google.Protobuf.Reflection.ServiceDescriptor Descriptor => IngestService.Descriptor;

    /// <summary>Binds the generated methods with <see cref="MalformedRequestBinder"/>, so a malformed request gets INVALID_ARGUMENT.</summary>
    public static void BindService(ServiceBinderBase serviceBinder, IngestService.IngestServiceBase? serviceImpl) =>
        IngestService.BindService(new MalformedRequestBinder(serviceBinder), serviceImpl);

    public override async Task<SubmitArticleResult> SubmitArticle(SubmitArticleRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var result = await SubmitAsync(request, context).ConfigureAwait(false);
        return result.Outcome == SubmitArticleResult.Types.Outcome.Rejected
            ? throw new InvalidRequestException($"{Name(request)} was rejected: {result.Reason}")
            : result;
    }

    public override async Task<SubmitArticlesResponse> SubmitArticles(IAsyncStreamReader<SubmitArticleRequest> requestStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(requestStream);
        ArgumentNullException.ThrowIfNull(context);
        var response = new SubmitArticlesResponse();
        // Each item of a stream starts a trace of its own, linked to the call's: a trace follows one
        // article, not a batch of thousands.
        var call = Activity.Current;
        ActivityLink[]? toCall = call is null ? null : [new ActivityLink(call.Context)];
        await foreach (var request in requestStream.ReadAllAsync(context.CancellationToken).ConfigureAwait(false))
        {
            SubmitArticleResult result;
            Activity.Current = null;
            using (NewsroomTelemetry.Source.StartActivity("submitted item", ActivityKind.Internal, default(ActivityContext), links: toCall))
            {
                result = await SubmitAsync(request, context).ConfigureAwait(false);
            }
            Activity.Current = call;
            response.Results.Add(result);
            switch (result.Outcome)
            {
                case SubmitArticleResult.Types.Outcome.Accepted:
                    response.AcceptedCount++;
                    break;
                case SubmitArticleResult.Types.Outcome.Duplicate:
                    response.DuplicateCount++;
                    break;
                default:
                    response.RejectedCount++;
                    break;
            }
        }
        return response;
    }

    private async Task<SubmitArticleResult> SubmitAsync(SubmitArticleRequest request, ServerCallContext context)
    {
        if (bus.CheckHealth() is { Status: not BusHealthStatus.Healthy } health)
        {
            LogBrokerUnreachable(logger, Name(request), health.Description);
            throw new RpcException(new Status(StatusCode.Unavailable, $"{Name(request)} was not taken: the message broker is unreachable; retry later (articles accepted earlier are published when it returns)."));
        }
        IngestResult result;
        try
        {
            result = await ingestor.SubmitAsync(ToRawArticle(request, context), context.CancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not (OperationCanceledException or ArticleRejectedException or RpcException))
        {
            // Storage or the bus failed; the item was not kept, so the same request can be sent again.
            LogNotIngested(logger, Name(request), e);
            throw new RpcException(new Status(StatusCode.Unavailable, $"{Name(request)} could not be ingested now ({e.GetType().Name}); nothing was kept, retry the request"));
        }
        return new SubmitArticleResult
        {
            ClientRef = result.ClientRef,
            ArticleId = result.ArticleId,
            Reason = result.Reason,
            Outcome = result.Outcome switch
            {
                IngestOutcome.Accepted => SubmitArticleResult.Types.Outcome.Accepted,
                IngestOutcome.Duplicate => SubmitArticleResult.Types.Outcome.Duplicate,
                _ => SubmitArticleResult.Types.Outcome.Rejected,
            },
        };
    }

    private static RawArticle ToRawArticle(SubmitArticleRequest request, ServerCallContext context) => new()
    {
        ClientRef = request.ClientRef,
        Url = NonEmpty(request.Url),
        Source = NonEmpty(request.Source),
        Title = NonEmpty(request.Title),
        Published = request.Published?.ToDateTimeOffset(),
        Text = request.BodyCase == SubmitArticleRequest.BodyOneofCase.Text ? request.Text : null,
        Html = request.BodyCase == SubmitArticleRequest.BodyOneofCase.Html ? request.Html : null,
        SubmittedBy = context.GetHttpContext().User.FindFirst(NewsroomClaims.Client)?.Value,
    };

    private static string Name(SubmitArticleRequest request) =>
        request.ClientRef is { Length: > 0 } clientRef ? $"Item \"{clientRef}\"" : request.Url is { Length: > 0 } url ? $"Item {url}" : "The item";

    private static string? NonEmpty(string value) => string.IsNullOrWhiteSpace(value) ? null : value;

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Item} was refused while the bus is unhealthy ({Health}); the caller was told to retry later")]
    private static partial void LogBrokerUnreachable(ILogger logger, string item, string health);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Item} could not be ingested; the caller was told to retry")]
    private static partial void LogNotIngested(ILogger logger, string item, Exception exception);
}
