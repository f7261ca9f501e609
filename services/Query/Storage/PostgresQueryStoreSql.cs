using System.Data.Common;
using System.Text.Json;
using Newsroom.ServiceDefaults;
using Npgsql;

namespace Newsroom.Query;

/// <summary>
/// <see cref="QueryStore"/> on a PostgreSQL database that every query replica reads and writes, searched
/// with PostgreSQL's full-text search. Times are Unix milliseconds (UTC).
/// </summary>
internal sealed class PostgresQueryStoreSql : QueryStoreSql
{
    /// <summary>The channel on which replicas hear of each other's story changes (<see cref="StoryChangeListener"/>).</summary>
    public const string StoryChangeChannel = "newsroom_story_changes";

    /// <summary>Names the advisory lock under which the schema is created ("query" in ASCII).</summary>
    private const long SchemaLock = 0x71_7565_7279;

    // Weights of D, C, B and A, the classes the search columns are put in (see the schema). As with
    // SQLite's bm25 weights, the title and the lead events weigh most.
    private const string RankWeights = "'{0.1, 0.2, 0.4, 1.0}'";

    private const string TsQuery = "plainto_tsquery('english', @match)";

    public override bool SerialWrites => false;

    public override string Greatest => "GREATEST";

    /// <summary>Under "C", as the columns: the database's own collation may fold other letters too.</summary>
    public override string Lower(string parameter) => $"lower({parameter} COLLATE \"C\")";

    public override void CreateSchema(DbConnection connection) => PostgresDatabase.CreateSchema((NpgsqlConnection)connection, SchemaLock, Schema);

    /// <summary>Plain words, which plainto_tsquery stems and joins with AND; it reads no operators.</summary>
    public override string MatchQuery(IReadOnlyList<string> words) => string.Join(' ', words);

    protected override string SearchMatch => $"story_search.document @@ {TsQuery}";

    // Normalisation 1 divides by the log of the row's length, as bm25 favours the shorter of two rows.
    // Never asked to walk oldest first: that walk is for a page that takes its newest matches itself (CountsWithPage).
    public override string SearchPage(string conditions, int words, bool oldestFirst) => $"""
        WITH page AS MATERIALIZED (
            SELECT story_search.rowid AS story_key, s.story_id,
                   CAST(ts_rank({RankWeights}, story_search.document, {TsQuery}, 1) AS double precision) AS score
            FROM story_search JOIN stories s ON s.story_key = story_search.rowid
            WHERE {SearchMatch} AND story_search.rowid > @floor{conditions}
            ORDER BY score DESC, story_search.rowid DESC
            LIMIT @limit OFFSET @offset)
        SELECT page.story_id, page.score,
               ts_headline('english', story_search.title, {TsQuery}, 'StartSel=[, StopSel=], HighlightAll=true'),
               ts_headline('english', story_search.leads, {TsQuery}, 'StartSel=[, StopSel=], MinWords=12, MaxWords=24'),
               ts_headline('english', story_search.body, {TsQuery}, 'StartSel=[, StopSel=], MinWords=12, MaxWords=24')
        FROM page JOIN story_search ON story_search.rowid = page.story_key
        ORDER BY page.score DESC, page.story_key DESC
        """;

    // One statement: Npgsql writes the second statement of a synchronous batch asynchronously (npgsql/npgsql#3846),
    // and with the row's long text that write waited on a busy thread pool until the command timed out.
    public override string WriteSearchRow =>
        """
        INSERT INTO story_search (rowid, title, lead_event, entities, member_titles, leads, body)
        VALUES (@key, (SELECT title FROM stories WHERE story_key = @key), @lead_event, @entities, @member_titles, @leads, @body)
        ON CONFLICT (rowid) DO UPDATE SET title = excluded.title, lead_event = excluded.lead_event, entities = excluded.entities,
            member_titles = excluded.member_titles, leads = excluded.leads, body = excluded.body
        """;

    public override void Lock(ReadModelConnection connection, IEnumerable<string> keys)
    {
        foreach (var key in keys.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            using var command = connection.Command("SELECT pg_advisory_xact_lock(hashtextextended(@key, 0))").With("@key", key);
            command.ExecuteNonQuery();
        }
    }

    /// <summary>NOTIFY, which PostgreSQL delivers to every listener when the transaction commits, and never if it does not.</summary>
    public override void AnnounceStoryChange(ReadModelConnection connection, StoryChange change)
    {
        using var command = connection.Command("SELECT pg_notify(@channel, @payload)")
            .With("@channel", StoryChangeChannel)
            .With("@payload", JsonSerializer.Serialize(change));
        command.ExecuteNonQuery();
    }

    public override void Interrupt(DbConnection connection, DbCommand? latest)
    {
        try
        {
            latest?.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The statement finished and its command was disposed: nothing runs.
        }
    }

    /// <summary>Npgsql reports a cancelled statement as an OperationCanceledException around the server's error.</summary>
    public override DbException? Interruption(Exception error) =>
        (error is OperationCanceledException ? error.InnerException : error) is PostgresException { SqlState: PostgresErrorCodes.QueryCanceled } cancelled ? cancelled : null;

    /// <summary>
    /// The tables of SQLite's schema. "C" collation orders and compares text as SQLite does (lower() folds
    /// ASCII only, as SQLite's NOCASE). <c>story_search.rowid</c> is named after FTS5's, so that the statements
    /// that write it are shared; its document weighs the title and lead events A, entities and member titles
    /// B, leads C and the text D.
    /// </summary>
    private const string Schema = $$"""
        CREATE TABLE IF NOT EXISTS stories (
            story_key bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            story_id text COLLATE "C" NOT NULL UNIQUE,
            version bigint NOT NULL,
            title text COLLATE "C" NOT NULL DEFAULT '',
            first_published bigint,
            last_updated bigint NOT NULL,
            lead_article_id text COLLATE "C",
            lead_action integer NOT NULL DEFAULT 0,
            article_count integer NOT NULL DEFAULT 0);
        CREATE INDEX IF NOT EXISTS stories_by_update ON stories (last_updated DESC, story_id);

        CREATE TABLE IF NOT EXISTS story_articles (
            article_id text COLLATE "C" PRIMARY KEY,
            story_id text COLLATE "C" NOT NULL,
            story_version bigint NOT NULL,
            placed_at bigint NOT NULL,
            url text NOT NULL,
            title text COLLATE "C" NOT NULL,
            source text COLLATE "C" NOT NULL,
            published bigint,
            lead text NOT NULL,
            text text NOT NULL,
            join_kind integer NOT NULL,
            matched_article_id text,
            join_score double precision NOT NULL,
            join_features text NOT NULL);
        CREATE INDEX IF NOT EXISTS story_articles_by_story ON story_articles (story_id, story_version, article_id);

        CREATE TABLE IF NOT EXISTS story_redirects (
            story_id text COLLATE "C" PRIMARY KEY,
            merged_into text COLLATE "C" NOT NULL);
        CREATE INDEX IF NOT EXISTS story_redirects_by_target ON story_redirects (merged_into, story_id);

        CREATE TABLE IF NOT EXISTS entities (
            entity_id text COLLATE "C" PRIMARY KEY,
            canonical_name text COLLATE "C" NOT NULL,
            type integer NOT NULL);
        CREATE INDEX IF NOT EXISTS entities_by_lower_id ON entities (lower(entity_id));
        CREATE INDEX IF NOT EXISTS entities_by_lower_name ON entities (lower(canonical_name));

        CREATE TABLE IF NOT EXISTS mentions (
            article_id text COLLATE "C" NOT NULL,
            entity_id text COLLATE "C" NOT NULL,
            alias text COLLATE "C" NOT NULL,
            mention_count integer NOT NULL,
            PRIMARY KEY (article_id, entity_id, alias));
        CREATE INDEX IF NOT EXISTS mentions_by_entity ON mentions (entity_id);
        CREATE INDEX IF NOT EXISTS mentions_by_lower_alias ON mentions (lower(alias));

        CREATE TABLE IF NOT EXISTS entity_names (
            entity_id text COLLATE "C" NOT NULL,
            article_id text COLLATE "C" NOT NULL,
            canonical_name text COLLATE "C" NOT NULL,
            type integer NOT NULL,
            mention_count integer NOT NULL,
            PRIMARY KEY (entity_id, article_id));
        CREATE INDEX IF NOT EXISTS entity_names_by_article ON entity_names (article_id);

        -- entity_names summed by entity, name and type, kept as articles come and go; rows may fall to 0. An index
        -- from before the counts starts them from the names it holds.
        DO $$
        BEGIN
            IF to_regclass('entity_name_counts') IS NULL THEN
                CREATE TABLE entity_name_counts (
                    entity_id text COLLATE "C" NOT NULL,
                    canonical_name text COLLATE "C" NOT NULL,
                    type integer NOT NULL,
                    mention_count bigint NOT NULL,
                    PRIMARY KEY (entity_id, canonical_name, type));
                {{CountsFromNames}};
            END IF;
        END $$;

        CREATE OR REPLACE VIEW aliases AS
            SELECT alias, entity_id, CAST(SUM(mention_count) AS integer) AS mention_count FROM mentions GROUP BY alias, entity_id;

        CREATE TABLE IF NOT EXISTS events (
            article_id text COLLATE "C" PRIMARY KEY,
            story_id text COLLATE "C" NOT NULL,
            actor_text text NOT NULL,
            actor_entity_id text COLLATE "C",
            action integer NOT NULL,
            action_text text NOT NULL,
            target_text text,
            target_entity_id text COLLATE "C",
            event_date text,
            event_date_ms bigint);
        CREATE INDEX IF NOT EXISTS events_by_actor ON events (actor_entity_id);
        CREATE INDEX IF NOT EXISTS events_by_target ON events (target_entity_id);

        CREATE TABLE IF NOT EXISTS article_status (
            article_id text COLLATE "C" PRIMARY KEY,
            stage integer NOT NULL,
            story_id text COLLATE "C",
            url text NOT NULL DEFAULT '',
            title text NOT NULL DEFAULT '',
            source text NOT NULL DEFAULT '',
            ingested_at bigint,
            extracted_at bigint,
            clustered_at bigint,
            indexed_at bigint,
            trace_id text NOT NULL DEFAULT '');

        CREATE TABLE IF NOT EXISTS story_search (
            rowid bigint PRIMARY KEY,
            title text NOT NULL,
            lead_event text NOT NULL,
            entities text NOT NULL,
            member_titles text NOT NULL,
            leads text NOT NULL,
            body text NOT NULL,
            document tsvector GENERATED ALWAYS AS (
                setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', lead_event), 'A')
                || setweight(to_tsvector('english', entities), 'B') || setweight(to_tsvector('english', member_titles), 'B')
                || setweight(to_tsvector('english', leads), 'C') || setweight(to_tsvector('english', body), 'D')) STORED);
        CREATE INDEX IF NOT EXISTS story_search_document ON story_search USING gin (document);
        """;
}
