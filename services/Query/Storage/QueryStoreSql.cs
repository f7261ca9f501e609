using System.Data.Common;

namespace Newsroom.Query;

/// <summary>
/// What <see cref="QueryStore"/> does differently on SQLite and on PostgreSQL: the schema, full-text
/// search, how concurrent writers and a cancelled read are handled. The other statements are shared
/// (parameters are written <c>@name</c>, which both understand).
/// </summary>
internal abstract class QueryStoreSql
{
    /// <summary>
    /// True when the process must let one write at a time through (SQLite has a single writer); false when
    /// writers only wait for one another on the stories they share (<see cref="Lock"/>).
    /// </summary>
    public abstract bool SerialWrites { get; }

    /// <summary>The function that gives the larger of two values (SQLite's two-argument max, PostgreSQL's GREATEST).</summary>
    public abstract string Greatest { get; }

    /// <summary>
    /// <paramref name="parameter"/> lower-cased as a column is: ASCII letters only, as SQLite's lower() and
    /// NOCASE do, so that names are matched ignoring case alike on both.
    /// </summary>
    public abstract string Lower(string parameter);

    /// <summary>Fills <c>entity_name_counts</c> from <c>entity_names</c>, once, for an index made before the counts were kept.</summary>
    protected const string CountsFromNames = """
        INSERT INTO entity_name_counts (entity_id, canonical_name, type, mention_count)
        SELECT entity_id, canonical_name, type, SUM(mention_count) FROM entity_names GROUP BY entity_id, canonical_name, type
        """;

    /// <summary>Creates the tables on a new database and brings an older one up to date.</summary>
    public abstract void CreateSchema(DbConnection connection);

    /// <summary>The value of <c>@match</c> in <see cref="SearchNewest"/> and <see cref="SearchPage"/>: all of <paramref name="words"/> must match.</summary>
    public abstract string MatchQuery(IReadOnlyList<string> words);

    /// <summary>The condition on <c>story_search</c> that its row matches <c>@match</c>, as <see cref="SearchNewest"/> and <see cref="SearchPage"/> ask it.</summary>
    protected abstract string SearchMatch { get; }

    /// <summary>
    /// The newest <c>@ranked</c> stories <c>story_search</c> matches (<c>@match</c>) that pass <paramref name="conditions"/>
    /// (on <c>stories s</c>): how many there are and the key of the oldest. One walk of the matches, newest first,
    /// that stops at <c>@ranked</c>: with one more than the ranked many, the oldest is the newest one not ranked;
    /// with fewer, the count is the total. Stories are joined only for a filter: every search row has its story, and a
    /// lookup per match was a third of counting two words' 10,000 newest matches.
    /// </summary>
    public string SearchNewest(string conditions) => $"""
        SELECT COUNT(*), MIN(story_key) FROM (
            SELECT story_search.rowid AS story_key FROM story_search{(conditions.Length > 0 ? " JOIN stories s ON s.story_key = story_search.rowid" : "")}
            WHERE {SearchMatch}{conditions}
            ORDER BY story_search.rowid DESC LIMIT @ranked) newest
        """;

    /// <summary>
    /// One page (<c>@limit</c>, <c>@offset</c>) of those stories newer than the key <c>@floor</c>, best first (of equal
    /// scores, the newest first): story id, score, the highlighted title, and a passage each of leads and text with the
    /// matched words in brackets. Where the database ranks
    /// with word counts (<see cref="WordStoryCount"/>), <c>@stories0</c> to <c>@stories</c><paramref name="words"/>-1
    /// say in how many stories each word occurs. <paramref name="oldestFirst"/>: the matches from the key <c>@from</c> on
    /// are walked oldest first, and the newest <c>@ranked</c> of them taken, where the counts say how far back those lie.
    /// </summary>
    public abstract string SearchPage(string conditions, int words, bool oldestFirst);

    /// <summary>
    /// True where <see cref="SearchPage"/> takes the newest <c>@ranked</c> matches itself, instead of those newer than
    /// <c>@floor</c>, and gives on each row the count <see cref="SearchNewest"/> would: one walk
    /// of the matches instead of two.
    /// </summary>
    public virtual bool CountsWithPage => false;

    /// <summary>
    /// How many stories hold one word (<c>@match</c> of that word alone), where <see cref="SearchPage"/> ranks with
    /// such counts instead of counting them itself; null where it needs none.
    /// </summary>
    public virtual string? WordStoryCount => null;

    /// <summary>
    /// One step of merging the search index's segments, at most <c>@pages</c> pages of work, where the database keeps
    /// the index as segments that searches read one by one (SQLite's FTS5: a segment more at every commit); null where
    /// it keeps its index whole itself (PostgreSQL).
    /// </summary>
    public virtual string? MergeSearchSegments => null;

    /// <summary>How many segments the search index has, where <see cref="MergeSearchSegments"/> merges them.</summary>
    public virtual string? CountSearchSegments => null;

    /// <summary>
    /// Puts the story's search row (<c>@key</c>) in place, its title from <c>stories</c> and its other columns from
    /// <c>@lead_event</c>, <c>@entities</c>, <c>@member_titles</c>, <c>@leads</c> and <c>@body</c>.
    /// </summary>
    public abstract string WriteSearchRow { get; }

    /// <summary>Called after <see cref="WriteSearchRow"/> put the row of <paramref name="key"/> in place, in the same transaction.</summary>
    public virtual void SearchRowWritten(ReadModelConnection connection, long key)
    {
    }

    /// <summary>Called after a write failed and was rolled back.</summary>
    public virtual void WriteRolledBack()
    {
    }

    /// <summary>
    /// Holds <paramref name="keys"/> until the transaction ends, so that two processes writing at once change
    /// an article or a story one after the other. Keys are taken in a fixed order, which cannot deadlock.
    /// </summary>
    public abstract void Lock(ReadModelConnection connection, IEnumerable<string> keys);

    /// <summary>Tells the other replicas on the database, once the transaction commits, that a story changed.</summary>
    public abstract void AnnounceStoryChange(ReadModelConnection connection, StoryChange change);

    /// <summary>Stops the statement running on <paramref name="connection"/> (<paramref name="latest"/> is its newest command).</summary>
    public abstract void Interrupt(DbConnection connection, DbCommand? latest);

    /// <summary>The database's error that says a statement was stopped by <see cref="Interrupt"/>, found in <paramref name="error"/>; null when it is another failure.</summary>
    public abstract DbException? Interruption(Exception error);
}
