using Newsroom.Contracts.Events;
using Newsroom.Contracts.V1;

namespace Newsroom.Query;

/// <summary>
/// A stage an article reached, with what is known of its times. Applied forward-only: the stage
/// never goes back and a timestamp, once set, is kept.
/// </summary>
/// <param name="MovesStory">True when <paramref name="StoryId"/> replaces the recorded story (the article moved); otherwise it only fills an empty one.</param>
/// <param name="TraceId">The trace that follows the article, when known; it fills an empty one.</param>
internal sealed record ArticleStatusChange(
    ArticleIngested Article,
    PipelineStage Stage,
    DateTimeOffset? ExtractedAt = null,
    DateTimeOffset? ClusteredAt = null,
    DateTimeOffset? IndexedAt = null,
    string? StoryId = null,
    bool MovesStory = false,
    string TraceId = "");
