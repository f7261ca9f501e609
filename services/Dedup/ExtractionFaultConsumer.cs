using MassTransit;
using Newsroom.Contracts.Events;

namespace Newsroom.Dedup;

/// <summary>
/// Hears of each article extraction parked in its <c>_error</c> queue (MassTransit publishes a fault once its
/// retries are spent), so that the articles numbered after it are decided at once instead of waiting out
/// <see cref="ResequencingOptions.Wait"/> for it.
/// </summary>
public sealed partial class ExtractionFaultConsumer(ArticleResequencer resequencer, ILogger<ExtractionFaultConsumer> logger)
    : IConsumer<Fault<ArticleIngested>>
{
    public async Task Consume(ConsumeContext<Fault<ArticleIngested>> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var article = context.Message.Message;
        if (article is not null && article.Sequence > 0)
        {
            LogPassedOver(article.ArticleId, article.Sequence, context.Message.Exceptions.FirstOrDefault()?.Message ?? "no reason given");
            await resequencer.PassOverAsync(article.Sequence, context.CancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Extraction parked article {ArticleId} (number {Sequence}): {Reason}; deciding the articles after it without it, and it when it comes (replay it from extraction_error once fixed)")]
    private partial void LogPassedOver(string articleId, long sequence, string reason);
}
