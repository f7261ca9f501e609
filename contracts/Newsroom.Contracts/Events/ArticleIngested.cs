namespace Newsroom.Contracts.Events;

/// <summary>
/// A new article passed ingest: cleaned to its text, with what could be read of its metadata.
/// Re-submissions of the same URL or content publish nothing.
/// </summary>
public sealed record ArticleIngested
{
    public required string ArticleId { get; init; }

    /// <summary>Empty when the article came without one.</summary>
    public required string Url { get; init; }

    /// <summary>The outlet, for example "Reuters"; empty when unknown.</summary>
    public required string Source { get; init; }

    public required string Title { get; init; }

    /// <summary>The article text without navigation, captions and other boilerplate.</summary>
    public required string Text { get; init; }

    public DateTimeOffset? Published { get; init; }

    /// <summary>The place line that opens many wire stories, for example "BAGHDAD".</summary>
    public string? Dateline { get; init; }

    /// <summary>Hash of the normalised text, which identifies exact re-submissions.</summary>
    public required string ContentHash { get; init; }

    public required DateTimeOffset IngestedAt { get; init; }

    /// <summary>
    /// Who handed the article to ingest: the client name of the API key that submitted it, or the
    /// configured source that read it ("folder:wire-drop"); empty for an anonymous call.
    /// </summary>
    public string SubmittedBy { get; init; } = "";

    /// <summary>
    /// Ingest's number for the article: stored articles are numbered in the order they were stored, and
    /// dedup decides in this order, so the same input gives the same stories however the stages between
    /// reorder it. 0 when unnumbered (an event from before numbering, or from another producer).
    /// </summary>
    public long Sequence { get; init; }
}
