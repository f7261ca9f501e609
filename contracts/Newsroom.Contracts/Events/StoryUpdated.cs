using Newsroom.Contracts.V1;

namespace Newsroom.Contracts.Events;

/// <summary>
/// An article joined a story, or opened a new one, or moved into another with its whole story when a later article
/// merged the two (a <c>merged_story</c> feature says so; the emptied story is gone). Consumers keep the highest
/// <see cref="Version"/> of each story and an article's latest placement by <see cref="UpdatedAt"/>, so redelivered or
/// reordered events do no harm.
/// </summary>
public sealed record StoryUpdated
{
    public required string StoryId { get; init; }

    /// <summary>Increases by one with every article the story gains.</summary>
    public required long Version { get; init; }

    public required ArticleExtracted Article { get; init; }

    /// <summary>Why the article joined: first article, near-duplicate or same event.</summary>
    public required JoinReason.Types.Kind JoinKind { get; init; }

    /// <summary>The member it matched best; null for the story's first article.</summary>
    public string? MatchedArticleId { get; init; }

    public required double Score { get; init; }

    /// <summary>The features that matched, with their scores, so every merge can be explained.</summary>
    public required IReadOnlyList<StoryMatchFeature> Features { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }
}
