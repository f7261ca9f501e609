namespace Newsroom.Dedup;

/// <summary>A title-and-lead term of a story: its summed member weight, and in how many articles overall.</summary>
internal sealed record StoryTerm(double Weight, int ArticlesWithTerm);
