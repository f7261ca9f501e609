using MassTransit;
using Newsroom.Contracts.Events;
using Newsroom.ServiceDefaults;

namespace Newsroom.Query;

/// <summary>
/// Marks a newly ingested article INGESTED (unless a later stage already arrived), with the trace
/// its event came in, which every later stage continues.
/// </summary>
public sealed class QueryArticleIngestedConsumer(QueryStore store) : IConsumer<ArticleIngested>
{
    public Task Consume(ConsumeContext<ArticleIngested> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var article = context.Message;
        if (string.IsNullOrWhiteSpace(article.ArticleId))
        {
            throw new InvalidMessageException("ArticleIngested has no ArticleId; the query service cannot track it. Fix the publisher and replay the message.");
        }

        return store.RecordIngestedAsync(article, NewsroomTelemetry.CurrentTraceId, context.CancellationToken);
    }
}
