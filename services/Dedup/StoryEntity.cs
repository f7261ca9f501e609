namespace Newsroom.Dedup;

/// <summary>A canonical entity of a story: in how many of its members, and in how many stories overall.</summary>
internal sealed record StoryEntity(string Name, int Members, int StoriesWithEntity);
