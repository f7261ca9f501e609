using MassTransit;
using Newsroom.Contracts.Events;
using Newsroom.ServiceDefaults;

namespace Newsroom.Query;

/// <summary>Marks an extracted article EXTRACTED (unless a later stage already arrived).</summary>
public sealed class QueryArticleExtractedConsumer(QueryStore store) : IConsumer<ArticleExtracted>
{
    public Task Consume(ConsumeContext<ArticleExtracted> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var extracted = context.Message;
        if (string.IsNullOrWhiteSpace(extracted.Article?.ArticleId))
        {
            throw new InvalidMessageException("ArticleExtracted has no Article.ArticleId; the query service cannot track it. Fix the publisher and replay the message.");
        }

        return store.RecordExtractedAsync(extracted, context.CancellationToken);
    }
}
