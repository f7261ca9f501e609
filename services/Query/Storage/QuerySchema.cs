namespace Newsroom.Query;

/// <summary>The read model's tables. Times are Unix milliseconds (UTC).</summary>
internal static class QuerySchema
{
    /// <summary>
    /// Column weights for bm25() over <c>story_search</c>, in column order. The story title and the
    /// words of its lead events weigh most, so a story about an action outranks stories that only
    /// mention it in passing.
    /// </summary>
    public const string Bm25Weights = "10.0, 8.0, 3.0, 4.0, 2.0, 1.0";

    public const string Ddl = """
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

        CREATE TABLE IF NOT EXISTS entities (
            entity_id TEXT PRIMARY KEY,
            canonical_name TEXT NOT NULL,
            type INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS entities_by_name ON entities (canonical_name COLLATE NOCASE);

        CREATE TABLE IF NOT EXISTS mentions (
            article_id TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            alias TEXT NOT NULL,
            mention_count INTEGER NOT NULL,
            PRIMARY KEY (article_id, entity_id, alias)
        );
        CREATE INDEX IF NOT EXISTS mentions_by_entity ON mentions (entity_id);
        CREATE INDEX IF NOT EXISTS mentions_by_alias ON mentions (alias COLLATE NOCASE);

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
        """;
}
