using System.Data.Common;

namespace Newsroom.Dedup;

/// <summary>The statements of <see cref="StoryStore"/> that SQLite and PostgreSQL spell differently; the rest are shared.</summary>
internal abstract class StoryStoreSql
{
    /// <summary>Every article's id, story and signature, in the order they were placed.</summary>
    public abstract string Signatures { get; }

    /// <summary>A story one article more: version, members, the span of its dated members, its activity; returns the new version.</summary>
    public abstract string ExtendStory { get; }

    /// <summary>The article id, title-and-lead term counts and entity ids of each article in @ids (a JSON array).</summary>
    public abstract string MemberContent { get; }

    /// <summary>Counts one story more for each of the article's entities (@ids, a JSON array) new to the story; returns them.</summary>
    public abstract string CountNewStoryEntities { get; }

    /// <summary>Adds the article's entities (@entities, a JSON array of [id, name, weight]) to the story's profile.</summary>
    public abstract string AddStoryEntities { get; }

    /// <summary>Adds the article's terms (@terms, a JSON object of term to weight) to the story's profile.</summary>
    public abstract string AddStoryTerms { get; }

    /// <summary>Counts one article more for each of the article's terms (@terms).</summary>
    public abstract string CountTermArticles { get; }

    /// <summary>Drops the story's lightest terms beyond the first @max.</summary>
    public abstract string PruneStoryTerms { get; }

    /// <summary>Drops the story's least mentioned entities beyond the first @max; returns them.</summary>
    public abstract string PruneStoryEntities { get; }

    /// <summary>Keeps the highest ingest sequence number decided (@sequence).</summary>
    public abstract string RecordSequence { get; }

    /// <summary>The article counts of the terms in @keys (a JSON array); terms never seen have no row.</summary>
    public abstract string TermCounts { get; }

    /// <summary>The story counts of the entities in @keys (a JSON array); entities never seen have no row.</summary>
    public abstract string EntityCounts { get; }

    /// <summary>Creates the tables on a new database and brings an older one up to date.</summary>
    public abstract void CreateSchema(DbConnection connection);
}
