namespace Newsroom.Dedup;

/// <summary>
/// A canonical entity of a story: in how many of its members, its summed centrality across them
/// (see <see cref="ArticleProfile.EntityWeights"/>), and in how many stories overall.
/// </summary>
internal sealed record StoryEntity(string Name, int Members, double Weight, int StoriesWithEntity);
