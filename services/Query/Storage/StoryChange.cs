using Newsroom.Contracts.V1;

namespace Newsroom.Query;

/// <summary>A story that indexing created or changed: what live watchers are told, and what replicas on a shared database tell one another.</summary>
internal sealed record StoryChange(StoryUpdate.Types.Kind Kind, string StoryId, string ArticleId)
{
    /// <summary>The change an indexing outcome makes; null when it changed nothing a watcher sees (a redelivery, a superseded placement).</summary>
    public static StoryChange? Of(StoryIndexOutcome outcome, string storyId, string articleId) => outcome switch
    {
        StoryIndexOutcome.Created => new StoryChange(StoryUpdate.Types.Kind.Created, storyId, articleId),
        StoryIndexOutcome.Updated => new StoryChange(StoryUpdate.Types.Kind.Updated, storyId, articleId),
        _ => null,
    };

    public StoryUpdate ToUpdate(StorySummary story) => new() { Kind = Kind, Story = story, ArticleId = ArticleId };
}
