namespace Newsroom.Ingest;

/// <summary>One line of a JSON Lines file: the article it holds, or why it holds none.</summary>
public sealed record JsonLinesItem(int LineNumber, RawArticle? Article, string? Error);
