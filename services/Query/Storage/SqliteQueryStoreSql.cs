using System.Data.Common;
using Microsoft.Data.Sqlite;
using Newsroom.ServiceDefaults;
using SQLitePCL;

namespace Newsroom.Query;

/// <summary>
/// <see cref="QueryStore"/> on a SQLite file of the service's own, searched with FTS5. Times are Unix
/// milliseconds (UTC).
/// </summary>
internal sealed class SqliteQueryStoreSql : QueryStoreSql
{
    /// <summary>
    /// Column weights for bm25 over <c>story_search</c>, in column order. The story title and the
    /// words of its lead events weigh most, so a story about an action outranks stories that only
    /// mention it in passing.
    /// </summary>
    internal const string Bm25Weights = "10.0, 8.0, 3.0, 4.0, 2.0, 1.0";

    /// <summary>The length of each search row, for ranking: FTS5 would read it from disk for every match it ranks.</summary>
    private readonly SearchRowSizes _rowSizes = new();

    public override bool SerialWrites => true;

    public override string Greatest => "max";

    public override string Lower(string parameter) => $"lower({parameter})";

    public override void CreateSchema(DbConnection connection)
    {
        var sqlite = (SqliteConnection)connection;
        using (var transaction = sqlite.BeginTransaction())
        using (var command = sqlite.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE name = 'entity_name_counts'";
            var countsExisted = command.ExecuteInt64() > 0;
            command.CommandText = Schema;
            command.ExecuteNonQuery();
            if (!countsExisted)
            {
                // An index from before the counts: they start from the names it holds.
                command.CommandText = CountsFromNames;
                command.ExecuteNonQuery();
            }

            transaction.Commit();
        }
        // An index from before tracing: its articles have no trace.
        SqliteDatabase.AddColumnIfMissing(sqlite, "article_status", "trace_id", "TEXT NOT NULL DEFAULT ''");
        using var sizes = sqlite.CreateCommand();
        _rowSizes.Load(sizes);
    }

    /// <summary>FTS5 terms in quotes, so no input is taken for FTS5 syntax (operators, column filters).</summary>
    public override string MatchQuery(IReadOnlyList<string> words) =>
        string.Join(' ', words.Select(w => "\"" + w.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));

    protected override string SearchMatch => "story_search MATCH @match";

    public override string WordStoryCount => $"SELECT COUNT(*) FROM story_search WHERE {SearchMatch}";

    // A positive page count merges only levels that hold 'usermerge' segments (set to 2 in the schema), so a merge
    // never rewrites a lone large segment: after a million-article backfill, 4 s of work took 27 segments to 4.
    public override string MergeSearchSegments => "INSERT INTO story_search (story_search, rank) VALUES ('merge', @pages)";

    public override string CountSearchSegments => "SELECT COUNT(DISTINCT segid) FROM story_search_idx";

    /// <summary>A connection to the database with the ranking function (<see cref="Bm25WithWordCounts"/>).</summary>
    public static SqliteConnection Open(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        var connection = database.Open();
        Bm25WithWordCounts.Register(connection);
        return connection;
    }

    // One walk of the newest matches, newest first, ranks each as it goes and stops one past the cap: counting and
    // ranking walked them once each, and a word in most stories makes each walk read most of its list. The page is
    // chosen first and highlighted after: SQLite computes every result column of every match before sorting, and
    // highlight() and snippet() re-read the whole column. CROSS JOIN keeps the page the outer loop, so the
    // highlighting looks up its rows by key instead of walking every match. Stories are joined to the matches only
    // for a filter: a lookup per match was two fifths of ranking 10,000, and the page needs the ids of 20. Equal
    // scores go newest first. Oldest first, FTS5 skips along a common word's list to the next match of a rarer word by
    // the list's page index; newest first it reads every page in between: a word in every story with one in 918 took
    // 63 ms newest first and 1.5 ms oldest first at a million articles. Walked oldest first from @from, the newest
    // @ranked of the matches are taken after the walk.
    public override bool CountsWithPage => true;

    public override string SearchPage(string conditions, int words, bool oldestFirst)
    {
        var matches = $"""
            SELECT story_search.rowid AS story_key,
                   -{Bm25WithWordCounts.Name}(story_search, {Bm25Weights}, {_rowSizes.Id}{string.Concat(Enumerable.Range(0, words).Select(i => $", @stories{i}"))}) AS score
            FROM story_search{(conditions.Length > 0 ? " JOIN stories s ON s.story_key = story_search.rowid" : "")}
            WHERE {SearchMatch}{conditions}
            """;
        var newest = oldestFirst
            ? $"""
                walked AS MATERIALIZED ({matches} AND story_search.rowid >= @from ORDER BY story_search.rowid),
                newest AS MATERIALIZED (SELECT story_key, score FROM walked ORDER BY story_key DESC LIMIT @ranked),
                """
            : $"newest AS MATERIALIZED ({matches} ORDER BY story_search.rowid DESC LIMIT @ranked),";
        return $"""
        WITH {newest}
        counted AS MATERIALIZED (SELECT COUNT(*) AS found, MIN(story_key) AS oldest FROM newest),
        page AS MATERIALIZED (
            SELECT newest.story_key, newest.score FROM newest CROSS JOIN counted
            WHERE counted.found < @ranked OR newest.story_key > counted.oldest
            ORDER BY newest.score DESC, newest.story_key DESC
            LIMIT @limit OFFSET @offset)
        SELECT s.story_id, page.score,
               highlight(story_search, 0, '[', ']'),
               snippet(story_search, 4, '[', ']', '…', 24),
               snippet(story_search, 5, '[', ']', '…', 24),
               counted.found
        FROM page CROSS JOIN story_search ON story_search.rowid = page.story_key
        CROSS JOIN stories s ON s.story_key = page.story_key
        CROSS JOIN counted
        WHERE {SearchMatch}
        ORDER BY page.score DESC, page.story_key DESC
        """;
    }

    // FTS5 tables take no upsert.
    public override string WriteSearchRow =>
        """
        DELETE FROM story_search WHERE rowid = @key;
        INSERT INTO story_search (rowid, title, lead_event, entities, member_titles, leads, body)
        VALUES (@key, (SELECT title FROM stories WHERE story_key = @key), @lead_event, @entities, @member_titles, @leads, @body)
        """;

    public override void SearchRowWritten(ReadModelConnection connection, long key)
    {
        if (!_rowSizes.Loaded)
        {
            // Forgotten after a failed write: every row again, the one just written included.
            using var all = connection.Command("");
            _rowSizes.Load(all);
            return;
        }

        if (connection.Prepared("SELECT sz FROM story_search_docsize WHERE id = @key").With("@key", key).ExecuteScalar() is byte[] docsize)
        {
            _rowSizes.Record(key, docsize);
        }
    }

    public override void WriteRolledBack() => _rowSizes.Forget();

    /// <summary>Nothing to hold: the process lets one write at a time through (<see cref="SerialWrites"/>).</summary>
    public override void Lock(ReadModelConnection connection, IEnumerable<string> keys)
    {
    }

    /// <summary>No other replica reads this file.</summary>
    public override void AnnounceStoryChange(ReadModelConnection connection, StoryChange change)
    {
    }

    // Microsoft.Data.Sqlite checks a token only between statements and its SqliteCommand.Cancel does
    // nothing, so a long statement is stopped through SQLite's own sqlite3_interrupt.
    public override void Interrupt(DbConnection connection, DbCommand? latest)
    {
        if (((SqliteConnection)connection).Handle is { } handle)
        {
            raw.sqlite3_interrupt(handle);
        }
    }

    public override DbException? Interruption(Exception error) => error is SqliteException { SqliteErrorCode: raw.SQLITE_INTERRUPT } interrupted ? interrupted : null;

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS stories (
            story_key INTEGER PRIMARY KEY,
            story_id TEXT NOT NULL UNIQUE,
            version INTEGER NOT NULL,
            title TEXT NOT NULL DEFAULT '',
            first_published INTEGER,
            last_updated INTEGER NOT NULL,
            lead_article_id TEXT,
            lead_action INTEGER NOT NULL DEFAULT 0,
            article_count INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX IF NOT EXISTS stories_by_update ON stories (last_updated DESC, story_id);

        CREATE TABLE IF NOT EXISTS story_articles (
            article_id TEXT PRIMARY KEY,
            story_id TEXT NOT NULL,
            story_version INTEGER NOT NULL,
            placed_at INTEGER NOT NULL,
            url TEXT NOT NULL,
            title TEXT NOT NULL,
            source TEXT NOT NULL,
            published INTEGER,
            lead TEXT NOT NULL,
            text TEXT NOT NULL,
            join_kind INTEGER NOT NULL,
            matched_article_id TEXT,
            join_score REAL NOT NULL,
            join_features TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS story_articles_by_story ON story_articles (story_id, story_version, article_id);

        -- A story merged into another (its last article moved there): its id still finds the story it went into.
        CREATE TABLE IF NOT EXISTS story_redirects (
            story_id TEXT PRIMARY KEY,
            merged_into TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS story_redirects_by_target ON story_redirects (merged_into, story_id);

        CREATE TABLE IF NOT EXISTS entities (
            entity_id TEXT PRIMARY KEY,
            canonical_name TEXT NOT NULL,
            type INTEGER NOT NULL
        );
        -- Callers name entities ignoring case (lower(), as on PostgreSQL); an index of earlier versions went by COLLATE NOCASE.
        DROP INDEX IF EXISTS entities_by_name;
        CREATE INDEX IF NOT EXISTS entities_by_lower_id ON entities (lower(entity_id));
        CREATE INDEX IF NOT EXISTS entities_by_lower_name ON entities (lower(canonical_name));

        CREATE TABLE IF NOT EXISTS mentions (
            article_id TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            alias TEXT NOT NULL,
            mention_count INTEGER NOT NULL,
            PRIMARY KEY (article_id, entity_id, alias)
        );
        CREATE INDEX IF NOT EXISTS mentions_by_entity ON mentions (entity_id);
        DROP INDEX IF EXISTS mentions_by_alias;
        CREATE INDEX IF NOT EXISTS mentions_by_lower_alias ON mentions (lower(alias));

        -- Each article's name and type for an entity, weighted by its mentions: the entity's settled name and type are the most mentioned.
        CREATE TABLE IF NOT EXISTS entity_names (
            entity_id TEXT NOT NULL,
            article_id TEXT NOT NULL,
            canonical_name TEXT NOT NULL,
            type INTEGER NOT NULL,
            mention_count INTEGER NOT NULL,
            PRIMARY KEY (entity_id, article_id)
        );
        CREATE INDEX IF NOT EXISTS entity_names_by_article ON entity_names (article_id);

        -- entity_names summed by entity, name and type, kept as articles come and go; rows may fall to 0.
        CREATE TABLE IF NOT EXISTS entity_name_counts (
            entity_id TEXT NOT NULL,
            canonical_name TEXT NOT NULL,
            type INTEGER NOT NULL,
            mention_count INTEGER NOT NULL,
            PRIMARY KEY (entity_id, canonical_name, type)
        ) WITHOUT ROWID;

        -- Alias text to entity, with how often each spelling occurs over all articles.
        CREATE VIEW IF NOT EXISTS aliases AS
            SELECT alias, entity_id, SUM(mention_count) AS mention_count FROM mentions GROUP BY alias, entity_id;

        CREATE TABLE IF NOT EXISTS events (
            article_id TEXT PRIMARY KEY,
            story_id TEXT NOT NULL,
            actor_text TEXT NOT NULL,
            actor_entity_id TEXT,
            action INTEGER NOT NULL,
            action_text TEXT NOT NULL,
            target_text TEXT,
            target_entity_id TEXT,
            event_date TEXT,
            event_date_ms INTEGER
        );
        CREATE INDEX IF NOT EXISTS events_by_actor ON events (actor_entity_id);
        CREATE INDEX IF NOT EXISTS events_by_target ON events (target_entity_id);

        CREATE TABLE IF NOT EXISTS article_status (
            article_id TEXT PRIMARY KEY,
            stage INTEGER NOT NULL,
            story_id TEXT,
            url TEXT NOT NULL DEFAULT '',
            title TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL DEFAULT '',
            ingested_at INTEGER,
            extracted_at INTEGER,
            clustered_at INTEGER,
            indexed_at INTEGER,
            trace_id TEXT NOT NULL DEFAULT ''
        );

        -- One row per story, rowid = stories.story_key. Porter stemming lets "suspend" find "suspended".
        CREATE VIRTUAL TABLE IF NOT EXISTS story_search USING fts5 (
            title, lead_event, entities, member_titles, leads, body,
            tokenize = 'porter unicode61 remove_diacritics 2'
        );

        -- An idle merge joins any two segments of a level (FTS5 waits for 4 by default): see MergeSearchSegments.
        INSERT INTO story_search (story_search, rank) VALUES ('usermerge', 2);
        """;
}
