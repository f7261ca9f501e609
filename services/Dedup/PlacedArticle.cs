namespace Newsroom.Dedup;

/// <summary>
/// What <see cref="StoryStore"/> writes for one article placed in a story, in the form its statements take
/// (JSON where a statement reads a list): the decision, the article's row, and what it adds to the story's profile.
/// </summary>
internal sealed record PlacedArticle(
    string ArticleId,
    string StoryId,
    bool NewStory,
    int JoinKind,
    string? MatchedArticleId,
    double Score,
    string FeaturesJson,
    string UpdatedAt,
    string ArticleJson,
    long? EventTime,
    string? ActorId,
    int Action,
    string? TargetId,
    int? LeadDate,
    int? LeadWeekday,
    string TermCountsJson,
    string EntityIdsJson,
    byte[] MinHash,
    string StoryEntitiesJson,
    string StoryTermsJson,
    long Sequence);
