namespace Newsroom.Query;

/// <summary>What indexing one <c>StoryUpdated</c> event did to the read model.</summary>
public enum StoryIndexOutcome
{
    /// <summary>The event opened a story the read model did not have.</summary>
    Created,

    /// <summary>The story gained an article or a newer version.</summary>
    Updated,

    /// <summary>A redelivery: the article was already in the story and the version was not newer.</summary>
    Unchanged,

    /// <summary>The article has since moved to another story by a later event; this placement was ignored.</summary>
    Superseded,
}
