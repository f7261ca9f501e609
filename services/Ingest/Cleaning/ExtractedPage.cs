namespace Newsroom.Ingest;

/// <summary>What a page yields: its body paragraphs and whatever metadata it carries.</summary>
internal sealed record ExtractedPage(IReadOnlyList<string> Paragraphs, string? Title, DateTimeOffset? Published, string? Source, string? Dateline);
