namespace Newsroom.Ingest;

/// <summary>An article as it arrives, before cleaning: text or HTML plus whatever metadata the sender knew.</summary>
public sealed record RawArticle
{
    /// <summary>The sender's own key for the item (a file name, a feed entry id), echoed in results and logs.</summary>
    public required string ClientRef { get; init; }

    /// <summary>Where the item was read from (a file name), named in its rejection reason; null for API submissions.</summary>
    public string? Origin { get; init; }

    public string? Url { get; init; }

    /// <summary>The outlet; read from the page when null.</summary>
    public string? Source { get; init; }

    /// <summary>Read from the page when null.</summary>
    public string? Title { get; init; }

    /// <summary>Read from the page when null.</summary>
    public DateTimeOffset? Published { get; init; }

    /// <summary>Plain text, or a plain-text page dump with its navigation and boilerplate.</summary>
    public string? Text { get; init; }

    /// <summary>A raw HTML page or fragment.</summary>
    public string? Html { get; init; }

    /// <summary>The authenticated client or the configured source that handed in the item; null when anonymous.</summary>
    public string? SubmittedBy { get; init; }
}
