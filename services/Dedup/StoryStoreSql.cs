using System.Data.Common;

namespace Newsroom.Dedup;

/// <summary>The statements of <see cref="StoryStore"/> that SQLite and PostgreSQL spell differently; the rest are shared.</summary>
internal abstract class StoryStoreSql
{
    /// <summary>The counter of articles placed, whose value is each article's number in the order of joins.</summary>
    public const string ArticleCounter = "articles";

    /// <summary>The counter of stories.</summary>
    public const string StoryCounter = "stories";

    /// <summary>The highest ingest sequence number decided (see <see cref="ArticleResequencer"/>).</summary>
    public const string SequenceCounter = "sequence";

    /// <summary>Every article's id, story and signature, in the order they were placed.</summary>
    public abstract string Signatures { get; }

    /// <summary>The article id, title-and-lead term counts and entity ids of each article in @ids (a JSON array).</summary>
    public abstract string MemberContent { get; }

    /// <summary>The story counts of the terms in @keys (a JSON array); terms never seen have no row.</summary>
    public abstract string TermCounts { get; }

    /// <summary>The story counts of the entities in @keys (a JSON array); entities never seen have no row.</summary>
    public abstract string EntityCounts { get; }

    /// <summary>
    /// Records the article in its story and in every index, with the commands <paramref name="command"/> gives for
    /// SQL (prepared, in the open transaction): counts it in the order of joins, creates or extends its story,
    /// stores its row, adds its entities and terms to the story's profile and their counts, keeps the profile
    /// within <see cref="StoryStore.MaxStoryTerms"/> and <see cref="StoryStore.MaxStoryEntities"/>, and keeps
    /// the highest sequence number decided.
    /// </summary>
    public abstract SavedPlacement Save(Func<string, DbCommand> command, PlacedArticle article);

    /// <summary>
    /// Keeps the story's profile within <see cref="StoryStore.MaxStoryTerms"/> and <see cref="StoryStore.MaxStoryEntities"/>,
    /// the heaviest kept, and counts the keys dropped one story less; returns the entities and terms dropped.
    /// </summary>
    public abstract (List<string> Entities, List<string> Terms) PruneStory(Func<string, DbCommand> command, string storyId);

    /// <summary>The first column of every row the command reads.</summary>
    internal static List<string> Strings(DbCommand command)
    {
        var values = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }
        return values;
    }

    /// <summary>Creates the tables on a new database and brings an older one up to date.</summary>
    public abstract void CreateSchema(DbConnection connection);
}
