namespace Newsroom.Contracts.Events;

/// <summary>An ingested article with its entities, dates and lead event: what dedup needs to place it in a story.</summary>
public sealed record ArticleExtracted
{
    public required ArticleIngested Article { get; init; }

    public required IReadOnlyList<EntityMention> Entities { get; init; }

    public required IReadOnlyList<DateMention> Dates { get; init; }

    /// <summary>Null when the article leads with no recognisable event.</summary>
    public ArticleLeadEvent? LeadEvent { get; init; }

    /// <summary>
    /// The day of the week the title or opening names first, null when it names none. Known even when the date is not:
    /// an undated report of "Friday night's" blowout is not one of Monday's inspections.
    /// </summary>
    public DayOfWeek? LeadWeekday { get; init; }

    public required DateTimeOffset ExtractedAt { get; init; }
}
