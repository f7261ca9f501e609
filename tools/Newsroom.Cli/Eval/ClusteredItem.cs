using Newsroom.Cli.Replay;

namespace Newsroom.Cli.Eval;

/// <summary>One gold article after replay: the story it was put in and why, or why replay rejected it.</summary>
internal sealed record ClusteredItem(string Id, string Cluster, string? StoryId, ReplayJoin? Join, string? Error)
{
    /// <summary>The story the article is scored in: a rejected article is a story of its own.</summary>
    public string ScoredStory => StoryId ?? "rejected:" + Id;
}
