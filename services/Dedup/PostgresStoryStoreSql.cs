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

    // "= ANY (ARRAY(...))" reads the keys once and looks each up in the primary key; "IN (SELECT ...)" over the JSON
    // array was planned as a hash join over the whole table, whose cost grew with the store.
    public override string MemberContent =>
        "SELECT article_id, terms_json, entities_json FROM dedup_articles WHERE article_id = ANY (ARRAY(SELECT jsonb_array_elements_text(CAST(@ids AS jsonb))))";

    public override string TermCounts =>
        "SELECT term, stories FROM dedup_term_stories WHERE term = ANY (ARRAY(SELECT jsonb_array_elements_text(CAST(@keys AS jsonb))))";

    public override string EntityCounts =>
        "SELECT entity_id, stories FROM dedup_entity_stats WHERE entity_id = ANY (ARRAY(SELECT jsonb_array_elements_text(CAST(@keys AS jsonb))))";

    /// <summary>
    /// One call of <c>dedup_save</c>, which does the writes on the server: one statement after another, each a
    /// round trip, made most of a decision's time. A batch of them is no fix, since Npgsql sends the later statements
    /// of a synchronous batch asynchronously and waits on the thread pool (npgsql/npgsql#3846).
    /// </summary>
    public override SavedPlacement Save(Func<string, DbCommand> command, PlacedArticle article)
    {
        using var reader = command(SaveCall)
            .With("@id", article.ArticleId).With("@story", article.StoryId).With("@new", article.NewStory).With("@kind", article.JoinKind)
            .With("@matched", article.MatchedArticleId).With("@score", article.Score).With("@features", article.FeaturesJson)
            .With("@updated", article.UpdatedAt).With("@article", article.ArticleJson).With("@time", article.EventTime)
            .With("@actor", article.ActorId).With("@action", article.Action).With("@target", article.TargetId).With("@date", article.LeadDate).With("@weekday", article.LeadWeekday)
            .With("@terms", article.TermCountsJson).With("@entities", article.EntityIdsJson).With("@minhash", article.MinHash)
            .With("@story_entities", article.StoryEntitiesJson).With("@story_terms", article.StoryTermsJson).With("@sequence", article.Sequence)
            .With("@max_terms", StoryStore.MaxStoryTerms).With("@max_entities", StoryStore.MaxStoryEntities)
            .ExecuteReader();
        reader.Read();
        return new SavedPlacement(
            reader.GetInt64(0),
            reader.GetInt64(1),
            reader.GetFieldValue<string[]>(2),
            reader.GetFieldValue<string[]>(3),
            reader.GetFieldValue<string[]>(4),
            reader.GetFieldValue<string[]>(5));
    }

    // Typed, so that a NULL finds the function.
    private const string SaveCall =
        """
        SELECT o_version, o_active, o_added, o_dropped, o_terms_added, o_terms_dropped FROM dedup_save(
          CAST(@id AS text), CAST(@story AS text), CAST(@new AS boolean), CAST(@kind AS integer), CAST(@matched AS text),
          CAST(@score AS double precision), CAST(@features AS text), CAST(@updated AS text), CAST(@article AS text),
          CAST(@time AS bigint), CAST(@actor AS text), CAST(@action AS integer), CAST(@target AS text), CAST(@date AS integer), CAST(@weekday AS integer),
          CAST(@terms AS text), CAST(@entities AS text), CAST(@minhash AS bytea), CAST(@story_entities AS text),
          CAST(@story_terms AS text), CAST(@sequence AS bigint), CAST(@max_terms AS integer), CAST(@max_entities AS integer))
        """;

    /// <summary>As in <c>dedup_save</c>, for a story that grew by a merge (rare, so a round trip a statement is no matter).</summary>
    public override (List<string> Entities, List<string> Terms) PruneStory(Func<string, DbCommand> command, string storyId) =>
        (Prune(command, PruneEntities, UncountEntities, storyId, StoryStore.MaxStoryEntities), Prune(command, PruneTerms, UncountTerms, storyId, StoryStore.MaxStoryTerms));

    private static List<string> Prune(Func<string, DbCommand> command, string prune, string uncount, string storyId, int max)
    {
        var dropped = new List<string>();
        using (var reader = command(prune).With("@story", storyId).With("@max", max).ExecuteReader())
        {
            while (reader.Read())
            {
                dropped.Add(reader.GetString(0));
            }
        }
        if (dropped.Count > 0)
        {
            command(uncount).With("@keys", dropped.ToArray()).ExecuteNonQuery();
        }
        return dropped;
    }

    private const string PruneTerms =
        """
        DELETE FROM dedup_story_terms WHERE story_id = @story AND term IN (
          SELECT term FROM dedup_story_terms WHERE story_id = @story ORDER BY weight DESC, term OFFSET @max)
        RETURNING term
        """;

    private const string PruneEntities =
        """
        DELETE FROM dedup_story_entities WHERE story_id = @story AND entity_id IN (
          SELECT entity_id FROM dedup_story_entities WHERE story_id = @story ORDER BY members DESC, entity_id OFFSET @max)
        RETURNING entity_id
        """;

    private const string UncountTerms = "UPDATE dedup_term_stories SET stories = stories - 1 WHERE term = ANY (@keys)";

    private const string UncountEntities = "UPDATE dedup_entity_stats SET stories = stories - 1 WHERE entity_id = ANY (@keys)";

    public override void CreateSchema(DbConnection connection) => PostgresDatabase.CreateSchema((NpgsqlConnection)connection, SchemaLock, Schema);

    /// <summary>The tables of SQLite's schema version 5; "C" collation orders terms and ids as SQLite and .NET's ordinal do.</summary>
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
          lead_weekday integer,
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
          type integer NOT NULL DEFAULT 0,
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
        CREATE TABLE IF NOT EXISTS dedup_term_stories (term text COLLATE "C" PRIMARY KEY, stories bigint NOT NULL);
        -- Before SQLite's schema version 2 a term counted its articles; the story counts are read from the story profiles.
        DO $migrate$
        BEGIN
          IF to_regclass('dedup_term_stats') IS NOT NULL THEN
            INSERT INTO dedup_term_stories (term, stories) SELECT term, COUNT(*) FROM dedup_story_terms GROUP BY term
            ON CONFLICT (term) DO UPDATE SET stories = excluded.stories;
            DROP TABLE dedup_term_stats;
          END IF;
        END
        $migrate$;
        -- Members stored before schema version 3 name no day of the week.
        ALTER TABLE dedup_articles ADD COLUMN IF NOT EXISTS lead_weekday integer;
        -- Entities stored before SQLite's schema version 4 have no type (0), which any type matches.
        ALTER TABLE dedup_story_entities ADD COLUMN IF NOT EXISTS type integer NOT NULL DEFAULT 0;
        -- SQLite's schema version 5: a member moved by a merge of stories names the article that merged them.
        ALTER TABLE dedup_articles ADD COLUMN IF NOT EXISTS merged_by text COLLATE "C";
        CREATE INDEX IF NOT EXISTS ix_dedup_articles_merged_by ON dedup_articles (merged_by) WHERE merged_by IS NOT NULL;
        CREATE TABLE IF NOT EXISTS dedup_counters (name text PRIMARY KEY, value bigint NOT NULL);
        INSERT INTO dedup_counters (name, value) VALUES ('articles', 0), ('stories', 0) ON CONFLICT (name) DO NOTHING;
        -- A replacement cannot change a function's results, and one with other parameters is another function, so the
        -- earlier releases' go first.
        DROP FUNCTION IF EXISTS dedup_save(text, text, boolean, integer, text, double precision, text, text, text, bigint, text,
          integer, text, integer, text, text, bytea, text, text, bigint, integer, integer);
        """ + SaveFunction;

    /// <summary>
    /// <see cref="StoryStoreSql.Save"/> on the server, the same steps as SQLite's statements. Replaced at every start, so a
    /// database always has the version its dedup runs. Parameters are p_, results o_, so no name is read as a column.
    /// </summary>
    private const string SaveFunction =
        $$"""
        CREATE OR REPLACE FUNCTION dedup_save(
          p_article_id text, p_story_id text, p_new_story boolean, p_join_kind integer, p_matched text, p_score double precision,
          p_features text, p_updated text, p_article text, p_time bigint, p_actor text, p_action integer, p_target text,
          p_date integer, p_weekday integer, p_terms text, p_entity_ids text, p_minhash bytea, p_story_entities text, p_story_terms text,
          p_sequence bigint, p_max_terms integer, p_max_entities integer,
          OUT o_version bigint, OUT o_active bigint, OUT o_added text[], OUT o_dropped text[], OUT o_terms_added text[],
          OUT o_terms_dropped text[])
        LANGUAGE plpgsql AS $save$
        BEGIN
          UPDATE dedup_counters SET value = value + 1 WHERE name = '{{ArticleCounter}}' RETURNING value INTO o_active;
          IF p_new_story THEN
            INSERT INTO dedup_stories (story_id, version, member_count, first_time, last_time, active)
            VALUES (p_story_id, 1, 1, p_time, p_time, o_active) RETURNING version INTO o_version;
            UPDATE dedup_counters SET value = value + 1 WHERE name = '{{StoryCounter}}';
          ELSE
            -- A story's time span covers its dated members only: LEAST and GREATEST pass over NULL.
            UPDATE dedup_stories SET version = version + 1, member_count = member_count + 1,
              first_time = LEAST(first_time, p_time), last_time = GREATEST(last_time, p_time), active = o_active
            WHERE story_id = p_story_id RETURNING version INTO o_version;
          END IF;

          INSERT INTO dedup_articles (article_id, story_id, version, join_kind, matched_article_id, score, features_json,
            updated_at, article_json, event_time, actor_id, action, target_id, lead_date, lead_weekday, terms_json, entities_json,
            minhash)
          VALUES (p_article_id, p_story_id, o_version, p_join_kind, p_matched, p_score, p_features, p_updated, p_article,
            p_time, p_actor, p_action, p_target, p_date, p_weekday, p_terms, p_entity_ids, p_minhash);

          UPDATE dedup_story_entities SET active = o_active WHERE story_id = p_story_id;
          -- An entity or term new to the story counts one story more, before the story's rows take it in.
          WITH counted AS (
            INSERT INTO dedup_entity_stats AS stats (entity_id, stories)
            SELECT id, 1 FROM jsonb_array_elements_text(CAST(p_entity_ids AS jsonb)) AS id
            WHERE NOT EXISTS (SELECT 1 FROM dedup_story_entities se WHERE se.entity_id = id AND se.story_id = p_story_id)
            ON CONFLICT (entity_id) DO UPDATE SET stories = stats.stories + 1
            RETURNING stats.entity_id)
          SELECT COALESCE(array_agg(entity_id), '{}') INTO o_added FROM counted;
          INSERT INTO dedup_story_entities AS se (entity_id, story_id, name, members, weight, active, type)
          SELECT e ->> 0, p_story_id, e ->> 1, 1, CAST(e ->> 2 AS double precision), o_active, COALESCE(CAST(e ->> 3 AS integer), 0)
          FROM jsonb_array_elements(CAST(p_story_entities AS jsonb)) AS e
          ON CONFLICT (entity_id, story_id) DO UPDATE SET members = se.members + 1, weight = se.weight + excluded.weight,
            type = CASE WHEN se.type = 0 THEN excluded.type ELSE se.type END;
          WITH counted AS (
            INSERT INTO dedup_term_stories AS stats (term, stories)
            SELECT key, 1 FROM jsonb_object_keys(CAST(p_story_terms AS jsonb)) AS key
            WHERE NOT EXISTS (SELECT 1 FROM dedup_story_terms st WHERE st.term = key AND st.story_id = p_story_id)
            ON CONFLICT (term) DO UPDATE SET stories = stats.stories + 1
            RETURNING stats.term)
          SELECT COALESCE(array_agg(term), '{}') INTO o_terms_added FROM counted;
          INSERT INTO dedup_story_terms AS st (term, story_id, weight)
          SELECT key, p_story_id, CAST(value AS double precision) FROM jsonb_each_text(CAST(p_story_terms AS jsonb))
          ON CONFLICT (term, story_id) DO UPDATE SET weight = st.weight + excluded.weight;

          -- Counting first spares the sort of every profile that is within its bounds, as most are. A story count counts
          -- the stories whose profile holds the term or entity, so one that comes back is counted once.
          o_terms_dropped := '{}';
          IF (SELECT COUNT(*) FROM dedup_story_terms WHERE story_id = p_story_id) > p_max_terms THEN
            WITH pruned AS (
              DELETE FROM dedup_story_terms WHERE story_id = p_story_id AND term IN (
                SELECT term FROM dedup_story_terms WHERE story_id = p_story_id ORDER BY weight DESC, term OFFSET p_max_terms)
              RETURNING term)
            SELECT COALESCE(array_agg(term), '{}') INTO o_terms_dropped FROM pruned;
            UPDATE dedup_term_stories SET stories = stories - 1 WHERE term = ANY (o_terms_dropped);
          END IF;
          o_dropped := '{}';
          IF (SELECT COUNT(*) FROM dedup_story_entities WHERE story_id = p_story_id) > p_max_entities THEN
            WITH pruned AS (
              DELETE FROM dedup_story_entities WHERE story_id = p_story_id AND entity_id IN (
                SELECT entity_id FROM dedup_story_entities WHERE story_id = p_story_id ORDER BY members DESC, entity_id OFFSET p_max_entities)
              RETURNING entity_id)
            SELECT COALESCE(array_agg(entity_id), '{}') INTO o_dropped FROM pruned;
            UPDATE dedup_entity_stats SET stories = stories - 1 WHERE entity_id = ANY (o_dropped);
          END IF;

          IF p_sequence > 0 THEN
            INSERT INTO dedup_counters AS c (name, value) VALUES ('{{SequenceCounter}}', p_sequence)
            ON CONFLICT (name) DO UPDATE SET value = GREATEST(c.value, excluded.value);
          END IF;
        END
        $save$;
        """;
}
