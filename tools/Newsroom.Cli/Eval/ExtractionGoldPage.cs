namespace Newsroom.Cli.Eval;

/// <summary>One page of a ground-truth file: its id (the page file's name), gold article body and address.</summary>
internal sealed record ExtractionGoldPage(string Id, string ArticleBody, string? Url);
