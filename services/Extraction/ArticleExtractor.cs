using Newsroom.Contracts.Events;

namespace Newsroom.Extraction;

/// <summary>
/// Extraction of one article: entities with offsets into <see cref="ArticleIngested.Text"/>, resolved to
/// canonical entities; dates normalised against the publication date; the lead event and the day of the week the
/// opening names. Stateless and
/// thread-safe, so one instance serves every consumer.
/// </summary>
public sealed class ArticleExtractor
{
    /// <summary>What separates the title from the text when both are analysed together.</summary>
    private const string TitleSeparator = "\n\n";

    /// <summary>How many days before publication a date may lie and still be the lead event's: news leads with what happened lately.</summary>
    private const int LeadDateReach = 31;

    private readonly EntityRecognizer recognizer = new();
    private readonly AliasResolver aliases = new();
    private readonly DateNormalizer dates = new();
    private readonly LeadEventClassifier leadEvents = new();

    public ArticleExtracted Extract(ArticleIngested article, DateTimeOffset extractedAt)
    {
        ArgumentNullException.ThrowIfNull(article);
        var title = article.Title ?? string.Empty;
        var text = article.Text ?? string.Empty;

        // The title is tagged and resolved together with the text, so that a headline's capitals are read
        // against the story's and "KH" in a headline gets the text's "Kataib Hezbollah"; only text mentions
        // are reported, with offsets into the text.
        var textOffset = title.Length + TitleSeparator.Length;
        var combined = title + TitleSeparator + text;
        var recognized = recognizer.Recognize(combined);
        var resolved = aliases.Resolve(combined, recognized);
        var titleEntities = resolved.Where(m => m.End <= title.Length).ToList();
        var textEntities = resolved
            .Where(m => m.Start >= textOffset)
            .Select(m => m with { Start = m.Start - textOffset, End = m.End - textOffset })
            .ToList();

        // The date in the outlet's own offset: that is the day "yesterday" is counted from.
        var published = article.Published is { } p ? DateOnly.FromDateTime(p.DateTime) : (DateOnly?)null;
        var textDates = dates.Normalize(text, published);
        var leadDates = published is { } day ? [.. textDates.Where(d => d.Date.DayNumber >= day.DayNumber - LeadDateReach)] : textDates;
        return new ArticleExtracted
        {
            Article = article,
            Entities = textEntities,
            Dates = textDates,
            LeadEvent = leadEvents.Classify(title, titleEntities, text, textEntities, leadDates),
            LeadWeekday = dates.LeadWeekday(title, text, published),
            ExtractedAt = extractedAt,
        };
    }
}
