namespace Newsroom.Cli.Eval;

/// <summary>One page's result: its shingle counts, the publication date the cleaner read, or the error that stopped it (scored as nothing extracted).</summary>
internal sealed record ExtractionDocumentScore(string Id, ExtractionCounts Counts, DateTimeOffset? Published, string? Error);
