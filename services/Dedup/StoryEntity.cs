namespace Newsroom.Dedup;

/// <summary>
/// A canonical entity of a story: its summed centrality across the members (see
/// <see cref="ArticleProfile.EntityWeights"/>), and in how many stories overall it occurs.
/// </summary>
internal sealed record StoryEntity(double Weight, int StoriesWithEntity);
