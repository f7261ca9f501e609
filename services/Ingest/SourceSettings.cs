namespace Newsroom.Ingest;

/// <summary>One configured source under <c>Ingest:Sources</c>, for example <c>{ "Type": "folder", "Name": "samples", "Path": "samples" }</c>.</summary>
public sealed class SourceSettings
{
    /// <summary>Which <see cref="IArticleSource"/> reads it: "folder", "feed", "jsonl" or a type added with AddArticleSource.</summary>
    public string Type { get; set; } = "";

    /// <summary>A name for logs; defaults to the path or URL.</summary>
    public string Name { get; set; } = "";

    /// <summary>A folder or file, for file-based sources.</summary>
    public string? Path { get; set; }

    /// <summary>An http(s) address, for feeds.</summary>
    public Uri? Url { get; set; }

    /// <summary>How often a feed is fetched or a folder rescanned.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Keep watching for new and changed items after the first pass; false reads once.</summary>
    public bool Watch { get; set; } = true;

    public string DisplayName => Name is { Length: > 0 } ? Name : Path ?? Url?.ToString() ?? Type;
}
