using System.Data.Common;
using Newsroom.ServiceDefaults;
using Npgsql;

namespace Newsroom.Dedup;

/// <summary><see cref="StoryStore"/> on PostgreSQL, where replicas of dedup on several hosts share the state.</summary>
internal sealed class PostgresStoryStoreSql : StoryStoreSql
{
    /// <summary>Names the advisory lock under which the schema is created ("dedup" in ASCII).</summary>
    private const long SchemaLock = 0x6465_6475_70;

    public override string Signatures => "SELECT article_id, story_id, minhash FROM dedup_articles ORDER BY position";

    public override string ExtendStory =>
        """
        UPDATE dedup_stories SET version = version + 1, member_count = member_count + 1,
        first_time = LEAST(first_time, @time), last_time = GREATEST(last_time, @time), active = @active WHERE story_id = @story
        RETURNING version
        """;

    public override string MemberContent =>
        "SELECT article_id, terms_json, entities_json FROM dedup_articles WHERE article_id IN (SELECT jsonb_array_elements_text(CAST(@ids AS jsonb)))";

    public override string CountNewStoryEntities =>
        """
        INSERT INTO dedup_entity_stats (entity_id, stories)
        SELECT value, 1 FROM jsonb_array_elements_text(CAST(@ids AS jsonb)) AS value
        WHERE NOT EXISTS (SELECT 1 FROM dedup_story_entities WHERE entity_id = value AND story_id = @story)
        ON CONFLICT (entity_id) DO UPDATE SET stories = dedup_entity_stats.stories + 1
        RETURNING entity_id
        """;

    public override string AddStoryEntities =>
        """
        INSERT INTO dedup_story_entities (entity_id, story_id, name, members, weight, active)
        SELECT value ->> 0, @story, value ->> 1, 1, CAST(value ->> 2 AS double precision), @active
        FROM jsonb_array_elements(CAST(@entities AS jsonb)) AS value
        ON CONFLICT (entity_id, story_id) DO UPDATE SET members = dedup_story_entities.members + 1,
          weight = dedup_story_entities.weight + excluded.weight
        """;

    public override string AddStoryTerms =>
        """
        INSERT INTO dedup_story_terms (term, story_id, weight)
        SELECT key, @story, CAST(value AS double precision) FROM jsonb_each_text(CAST(@terms AS jsonb))
        ON CONFLICT (term, story_id) DO UPDATE SET weight = dedup_story_terms.weight + excluded.weight
        """;

    public override string CountTermArticles =>
        """
        INSERT INTO dedup_term_stats (term, articles) SELECT key, 1 FROM jsonb_object_keys(CAST(@terms AS jsonb)) AS key
        ON CONFLICT (term) DO UPDATE SET articles = dedup_term_stats.articles + 1
        """;

    public override string PruneStoryTerms =>
        """
        DELETE FROM dedup_story_terms WHERE story_id = @story AND term IN (
          SELECT term FROM dedup_story_terms WHERE story_id = @story ORDER BY weight DESC, term OFFSET @max)
        """;

    public override string PruneStoryEntities =>
        """
        DELETE FROM dedup_story_entities WHERE story_id = @story AND entity_id IN (
          SELECT entity_id FROM dedup_story_entities WHERE story_id = @story ORDER BY members DESC, entity_id OFFSET @max)
        RETURNING entity_id
        """;

    public override string RecordSequence =>
        """
        INSERT INTO dedup_counters (name, value) VALUES (@name, @sequence)
        ON CONFLICT (name) DO UPDATE SET value = GREATEST(dedup_counters.value, excluded.value)
        """;

    public override string TermCounts =>
        "SELECT term, articles FROM dedup_term_stats WHERE term IN (SELECT jsonb_array_elements_text(CAST(@keys AS jsonb)))";

    public override string EntityCounts =>
        "SELECT entity_id, stories FROM dedup_entity_stats WHERE entity_id IN (SELECT jsonb_array_elements_text(CAST(@keys AS jsonb)))";

    public override void CreateSchema(DbConnection connection) => PostgresDatabase.CreateSchema((NpgsqlConnection)connection, SchemaLock, Schema);

    /// <summary>The tables of SQLite's schema version 1; "C" collation orders terms and ids as SQLite and .NET's ordinal do.</summary>
    private const string Schema =
        """
        CREATE TABLE IF NOT EXISTS dedup_stories (
          story_id text COLLATE "C" PRIMARY KEY,
          version bigint NOT NULL,
          member_count bigint NOT NULL,
          first_time bigint,
          last_time bigint,
          active bigint NOT NULL);
        CREATE TABLE IF NOT EXISTS dedup_articles (
          position bigint GENERATED ALWAYS AS IDENTITY,
          article_id text COLLATE "C" PRIMARY KEY,
          story_id text COLLATE "C" NOT NULL REFERENCES dedup_stories (story_id),
          version bigint NOT NULL,
          join_kind integer NOT NULL,
          matched_article_id text,
          score double precision NOT NULL,
          features_json text NOT NULL,
          updated_at text NOT NULL,
          article_json text NOT NULL,
          event_time bigint,
          actor_id text,
          action integer NOT NULL,
          target_id text,
          lead_date integer,
          terms_json text NOT NULL,
          entities_json text NOT NULL,
          minhash bytea NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_dedup_articles_story ON dedup_articles (story_id, version);
        CREATE INDEX IF NOT EXISTS ix_dedup_articles_position ON dedup_articles (position);
        CREATE TABLE IF NOT EXISTS dedup_story_entities (
          entity_id text COLLATE "C" NOT NULL,
          story_id text COLLATE "C" NOT NULL,
          name text NOT NULL,
          members bigint NOT NULL,
          weight double precision NOT NULL,
          active bigint NOT NULL,
          PRIMARY KEY (entity_id, story_id));
        CREATE INDEX IF NOT EXISTS ix_dedup_story_entities_active ON dedup_story_entities (entity_id, active);
        CREATE INDEX IF NOT EXISTS ix_dedup_story_entities_story ON dedup_story_entities (story_id);
        CREATE TABLE IF NOT EXISTS dedup_entity_stats (entity_id text COLLATE "C" PRIMARY KEY, stories bigint NOT NULL);
        CREATE TABLE IF NOT EXISTS dedup_story_terms (
          term text COLLATE "C" NOT NULL,
          story_id text COLLATE "C" NOT NULL,
          weight double precision NOT NULL,
          PRIMARY KEY (term, story_id));
        CREATE INDEX IF NOT EXISTS ix_dedup_story_terms_story ON dedup_story_terms (story_id);
        CREATE TABLE IF NOT EXISTS dedup_term_stats (term text COLLATE "C" PRIMARY KEY, articles bigint NOT NULL);
        CREATE TABLE IF NOT EXISTS dedup_counters (name text PRIMARY KEY, value bigint NOT NULL);
        INSERT INTO dedup_counters (name, value) VALUES ('articles', 0), ('stories', 0) ON CONFLICT (name) DO NOTHING;
        """;
}
