using Newsroom.Ingest;

namespace Newsroom.Cli.Replay;

/// <summary>One input article for replay with its id, or why the item could not be read.</summary>
internal sealed record ReplayInput(string Id, RawArticle? Article, string? Error);
