using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Newsroom.ServiceDefaults;

namespace Newsroom.Dedup;

/// <summary><see cref="StoryStore"/> in a SQLite file of dedup's own, the embedded default.</summary>
internal sealed class SqliteStoryStoreSql : StoryStoreSql
{
    public override string Signatures => "SELECT article_id, story_id, minhash FROM dedup_articles ORDER BY rowid";

    public override string MemberContent =>
        "SELECT article_id, terms_json, entities_json FROM dedup_articles WHERE article_id IN (SELECT value FROM json_each(@ids))";

    public override string TermCounts => "SELECT term, stories FROM dedup_term_stories WHERE term IN (SELECT value FROM json_each(@keys))";

    public override string EntityCounts => "SELECT entity_id, stories FROM dedup_entity_stats WHERE entity_id IN (SELECT value FROM json_each(@keys))";

    /// <summary>Statement by statement: in-process, a statement costs no round trip.</summary>
    public override SavedPlacement Save(Func<string, DbCommand> command, PlacedArticle article)
    {
        var active = Convert.ToInt64(
            command("UPDATE dedup_counters SET value = value + 1 WHERE name = @name RETURNING value").With("@name", ArticleCounter).ExecuteScalar(),
            CultureInfo.InvariantCulture);
        var version = Convert.ToInt64(
            command(article.NewStory ? InsertStory : ExtendStory)
                .With("@story", article.StoryId).With("@time", article.EventTime).With("@active", active).ExecuteScalar(),
            CultureInfo.InvariantCulture);
        command(InsertArticle)
            .With("@id", article.ArticleId).With("@story", article.StoryId).With("@version", version).With("@kind", article.JoinKind)
            .With("@matched", article.MatchedArticleId).With("@score", article.Score).With("@features", article.FeaturesJson)
            .With("@updated", article.UpdatedAt).With("@article", article.ArticleJson).With("@time", article.EventTime)
            .With("@actor", article.ActorId).With("@action", article.Action).With("@target", article.TargetId).With("@date", article.LeadDate).With("@weekday", article.LeadWeekday)
            .With("@terms", article.TermCountsJson).With("@entities", article.EntityIdsJson).With("@minhash", article.MinHash)
            .ExecuteNonQuery();

        // Keeping the story's activity on the index rows lets the candidate lookup read recent stories straight from the index.
        command("UPDATE dedup_story_entities SET active = @active WHERE story_id = @story").With("@story", article.StoryId).With("@active", active).ExecuteNonQuery();
        // Statements over JSON arrays write all of the article's rows at once: a statement per row cost more than the rows.
        // An entity or term new to the story counts one story more, before the story's rows take it in.
        var added = Strings(command(CountNewStoryEntities).With("@ids", article.EntityIdsJson).With("@story", article.StoryId));
        command(AddStoryEntities).With("@story", article.StoryId).With("@active", active).With("@entities", article.StoryEntitiesJson).ExecuteNonQuery();
        var termsAdded = Strings(command(CountNewStoryTerms).With("@terms", article.StoryTermsJson).With("@story", article.StoryId));
        command(AddStoryTerms).With("@story", article.StoryId).With("@terms", article.StoryTermsJson).ExecuteNonQuery();
        var (dropped, termsDropped) = PruneStory(command, article.StoryId);

        if (article.NewStory)
        {
            command("UPDATE dedup_counters SET value = value + 1 WHERE name = @name").With("@name", StoryCounter).ExecuteNonQuery();
        }
        if (article.Sequence > 0)
        {
            command(RecordSequence).With("@name", SequenceCounter).With("@sequence", article.Sequence).ExecuteNonQuery();
        }
        return new SavedPlacement(version, active, added, dropped, termsAdded, termsDropped);
    }

    public override (List<string> Entities, List<string> Terms) PruneStory(Func<string, DbCommand> command, string storyId)
    {
        // Counting first spares the sort of every profile that is within its bounds, as most are.
        long terms, entities;
        using (var reader = command(
                   "SELECT (SELECT COUNT(*) FROM dedup_story_terms WHERE story_id = @story), (SELECT COUNT(*) FROM dedup_story_entities WHERE story_id = @story)")
                   .With("@story", storyId).ExecuteReader())
        {
            reader.Read();
            terms = reader.GetInt64(0);
            entities = reader.GetInt64(1);
        }
        var droppedTerms = terms > StoryStore.MaxStoryTerms
            ? Uncount(command, UncountTerms, Strings(command(PruneStoryTerms).With("@story", storyId).With("@max", StoryStore.MaxStoryTerms)))
            : [];
        var droppedEntities = entities > StoryStore.MaxStoryEntities
            ? Uncount(command, UncountEntities, Strings(command(PruneStoryEntities).With("@story", storyId).With("@max", StoryStore.MaxStoryEntities)))
            : [];
        return (droppedEntities, droppedTerms);
    }

    /// <summary>
    /// A story count counts the stories whose profile holds the entity or term, so one that comes back is counted once:
    /// the keys pruned from a profile count one story less, in one statement.
    /// </summary>
    private static List<string> Uncount(Func<string, DbCommand> command, string sql, List<string> dropped)
    {
        command(sql).With("@keys", JsonSerializer.Serialize(dropped)).ExecuteNonQuery();
        return dropped;
    }

    private const string UncountTerms = "UPDATE dedup_term_stories SET stories = stories - 1 WHERE term IN (SELECT value FROM json_each(@keys))";

    private const string UncountEntities = "UPDATE dedup_entity_stats SET stories = stories - 1 WHERE entity_id IN (SELECT value FROM json_each(@keys))";

    private const string InsertStory =
        "INSERT INTO dedup_stories (story_id, version, member_count, first_time, last_time, active) VALUES (@story, 1, 1, @time, @time, @active) RETURNING version";

    // A story's time span covers its dated members only; MIN and MAX of SQLite give NULL for a NULL operand.
    private const string ExtendStory =
        """
        UPDATE dedup_stories SET version = version + 1, member_count = member_count + 1,
        first_time = COALESCE(MIN(first_time, @time), first_time, @time),
        last_time = COALESCE(MAX(last_time, @time), last_time, @time), active = @active WHERE story_id = @story
        RETURNING version
        """;

    private const string InsertArticle =
        """
        INSERT INTO dedup_articles (article_id, story_id, version, join_kind, matched_article_id, score, features_json,
          updated_at, article_json, event_time, actor_id, action, target_id, lead_date, lead_weekday, terms_json, entities_json, minhash)
        VALUES (@id, @story, @version, @kind, @matched, @score, @features, @updated, @article, @time, @actor, @action,
          @target, @date, @weekday, @terms, @entities, @minhash)
        """;

    private const string CountNewStoryEntities =
        """
        INSERT INTO dedup_entity_stats (entity_id, stories)
        SELECT value, 1 FROM json_each(@ids)
        WHERE NOT EXISTS (SELECT 1 FROM dedup_story_entities WHERE entity_id = value AND story_id = @story)
        ON CONFLICT (entity_id) DO UPDATE SET stories = stories + 1
        RETURNING entity_id
        """;

    // "WHERE true" keeps SQLite from reading ON CONFLICT as a join constraint.
    private const string AddStoryEntities =
        """
        INSERT INTO dedup_story_entities (entity_id, story_id, name, members, weight, active, type)
        SELECT value ->> 0, @story, value ->> 1, 1, value ->> 2, @active, value ->> 3 FROM json_each(@entities) WHERE true
        ON CONFLICT (entity_id, story_id) DO UPDATE SET members = members + 1, weight = weight + excluded.weight,
          type = CASE WHEN type = 0 THEN excluded.type ELSE type END
        """;

    private const string AddStoryTerms =
        """
        INSERT INTO dedup_story_terms (term, story_id, weight) SELECT key, @story, value FROM json_each(@terms) WHERE true
        ON CONFLICT (term, story_id) DO UPDATE SET weight = weight + excluded.weight
        """;

    private const string CountNewStoryTerms =
        """
        INSERT INTO dedup_term_stories (term, stories)
        SELECT key, 1 FROM json_each(@terms)
        WHERE NOT EXISTS (SELECT 1 FROM dedup_story_terms WHERE term = key AND story_id = @story)
        ON CONFLICT (term) DO UPDATE SET stories = stories + 1
        RETURNING term
        """;

    private const string PruneStoryTerms =
        """
        DELETE FROM dedup_story_terms WHERE story_id = @story AND term IN (
          SELECT term FROM dedup_story_terms WHERE story_id = @story ORDER BY weight DESC, term LIMIT -1 OFFSET @max)
        RETURNING term
        """;

    private const string PruneStoryEntities =
        """
        DELETE FROM dedup_story_entities WHERE story_id = @story AND entity_id IN (
          SELECT entity_id FROM dedup_story_entities WHERE story_id = @story ORDER BY members DESC, entity_id LIMIT -1 OFFSET @max)
        RETURNING entity_id
        """;

    private const string RecordSequence =
        "INSERT INTO dedup_counters (name, value) VALUES (@name, @sequence) ON CONFLICT (name) DO UPDATE SET value = MAX(value, excluded.value)";

    public override void CreateSchema(DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var schema = connection.CreateCommand();
        schema.CommandText = "PRAGMA user_version";
        var version = Convert.ToInt64(schema.ExecuteScalar(), CultureInfo.InvariantCulture);
        if (version >= SchemaVersion)
        {
            return;
        }
        schema.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE name = 'dedup_stories'";
        var existing = Convert.ToInt64(schema.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
        using var transaction = connection.BeginTransaction();
        schema.Transaction = transaction;
        var migrations = version switch
        {
            < 1 => UndatedTimesMigration + TermStoriesMigration + LeadWeekdayMigration + EntityTypeMigration + MergedByMigration,
            < 2 => TermStoriesMigration + LeadWeekdayMigration + EntityTypeMigration + MergedByMigration,
            < 3 => LeadWeekdayMigration + EntityTypeMigration + MergedByMigration,
            < 4 => EntityTypeMigration + MergedByMigration,
            _ => MergedByMigration,
        };
        schema.CommandText = (existing ? migrations : Schema) + $"PRAGMA user_version = {SchemaVersion};";
        schema.ExecuteNonQuery();
        transaction.Commit();
    }

    /// <summary>
    /// 1: times unknown to the article stay NULL (no processing clock), recency is the order of joins, story
    /// entities carry their summed centrality, and the LSH bands live in memory (<see cref="NearDuplicateIndex"/>).
    /// 2: a term's document frequency counts the stories whose profile holds it, not the articles.
    /// 3: a member keeps the day of the week its opening names.
    /// 4: a story's entity keeps its type (person, organisation, place).
    /// 5: a member moved by a merge of stories names the article that merged them.
    /// </summary>
    private const int SchemaVersion = 5;

    /// <summary>Members stored before schema version 5 were never moved by a merge: none names a merging article.</summary>
    private const string MergedByMigration =
        """
        ALTER TABLE dedup_articles ADD COLUMN merged_by TEXT;
        CREATE INDEX IF NOT EXISTS ix_dedup_articles_merged_by ON dedup_articles (merged_by) WHERE merged_by IS NOT NULL;
        """;

    /// <summary>
    /// Entities stored before schema version 4 have no type (0, unspecified), which any type matches, until a member
    /// that names them gives one.
    /// </summary>
    private const string EntityTypeMigration = "ALTER TABLE dedup_story_entities ADD COLUMN type INTEGER NOT NULL DEFAULT 0;";

    /// <summary>
    /// Members stored before schema version 3 name no day of the week: their opening is not kept, so they neither
    /// confirm nor contradict an undated article's day.
    /// </summary>
    private const string LeadWeekdayMigration = "ALTER TABLE dedup_articles ADD COLUMN lead_weekday INTEGER;";

    /// <summary>
    /// A store before schema version 2 counted each term's articles, so that a story of many reports (or a wire copy
    /// run by many outlets) discounted its own words. The story counts are read from the story profiles.
    /// </summary>
    private const string TermStoriesMigration =
        """
        DROP TABLE IF EXISTS dedup_term_stats;
        CREATE TABLE IF NOT EXISTS dedup_term_stories (term TEXT PRIMARY KEY, stories INTEGER NOT NULL) WITHOUT ROWID;
        INSERT INTO dedup_term_stories (term, stories) SELECT term, COUNT(*) FROM dedup_story_terms WHERE true GROUP BY term
        ON CONFLICT (term) DO UPDATE SET stories = excluded.stories;
        """;

    /// <summary>
    /// A store from before schema version 1 kept a time for every article, the processing clock when the article
    /// gave none, and ordered candidates by it. The tables get nullable times (the old ones are kept: which of
    /// them were invented is not recorded), the stories' order by their old last times becomes the order of joins, and each
    /// member's mention of an entity counts as one plain mention of centrality.
    /// </summary>
    private const string UndatedTimesMigration =
        """
        ALTER TABLE dedup_stories RENAME COLUMN first_time TO first_time_v0;
        ALTER TABLE dedup_stories RENAME COLUMN last_time TO last_time_v0;
        ALTER TABLE dedup_stories ADD COLUMN first_time INTEGER;
        ALTER TABLE dedup_stories ADD COLUMN last_time INTEGER;
        ALTER TABLE dedup_stories ADD COLUMN active INTEGER NOT NULL DEFAULT 0;
        WITH joined AS (SELECT story_id, ROW_NUMBER() OVER (ORDER BY last_time_v0, story_id) AS rank FROM dedup_stories)
        UPDATE dedup_stories SET first_time = first_time_v0, last_time = last_time_v0,
          active = (SELECT rank FROM joined WHERE joined.story_id = dedup_stories.story_id);
        ALTER TABLE dedup_stories DROP COLUMN first_time_v0;
        ALTER TABLE dedup_stories DROP COLUMN last_time_v0;
        ALTER TABLE dedup_story_entities RENAME COLUMN last_time TO active;
        ALTER TABLE dedup_story_entities ADD COLUMN weight REAL NOT NULL DEFAULT 0;
        UPDATE dedup_story_entities SET weight = members * 0.6931;
        UPDATE dedup_story_entities SET active = (SELECT active FROM dedup_stories s WHERE s.story_id = dedup_story_entities.story_id);
        DROP INDEX ix_dedup_story_entities_recent;
        CREATE INDEX ix_dedup_story_entities_active ON dedup_story_entities (entity_id, active);
        ALTER TABLE dedup_articles RENAME COLUMN event_time TO event_time_v0;
        ALTER TABLE dedup_articles ADD COLUMN event_time INTEGER;
        UPDATE dedup_articles SET event_time = event_time_v0;
        ALTER TABLE dedup_articles DROP COLUMN event_time_v0;
        DROP TABLE dedup_lsh;
        """;

    private const string Schema =
        """
        CREATE TABLE IF NOT EXISTS dedup_stories (
          story_id TEXT PRIMARY KEY,
          version INTEGER NOT NULL,
          member_count INTEGER NOT NULL,
          first_time INTEGER,
          last_time INTEGER,
          active INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS dedup_articles (
          article_id TEXT PRIMARY KEY,
          story_id TEXT NOT NULL REFERENCES dedup_stories (story_id),
          version INTEGER NOT NULL,
          join_kind INTEGER NOT NULL,
          matched_article_id TEXT,
          score REAL NOT NULL,
          features_json TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          article_json TEXT NOT NULL,
          event_time INTEGER,
          actor_id TEXT,
          action INTEGER NOT NULL,
          target_id TEXT,
          lead_date INTEGER,
          lead_weekday INTEGER,
          terms_json TEXT NOT NULL,
          entities_json TEXT NOT NULL,
          minhash BLOB NOT NULL,
          merged_by TEXT);
        CREATE INDEX IF NOT EXISTS ix_dedup_articles_story ON dedup_articles (story_id, version);
        CREATE INDEX IF NOT EXISTS ix_dedup_articles_merged_by ON dedup_articles (merged_by) WHERE merged_by IS NOT NULL;
        CREATE TABLE IF NOT EXISTS dedup_story_entities (
          entity_id TEXT NOT NULL,
          story_id TEXT NOT NULL,
          name TEXT NOT NULL,
          members INTEGER NOT NULL,
          weight REAL NOT NULL,
          active INTEGER NOT NULL,
          type INTEGER NOT NULL DEFAULT 0,
          PRIMARY KEY (entity_id, story_id)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ix_dedup_story_entities_active ON dedup_story_entities (entity_id, active);
        CREATE INDEX IF NOT EXISTS ix_dedup_story_entities_story ON dedup_story_entities (story_id);
        CREATE TABLE IF NOT EXISTS dedup_entity_stats (entity_id TEXT PRIMARY KEY, stories INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS dedup_story_terms (
          term TEXT NOT NULL,
          story_id TEXT NOT NULL,
          weight REAL NOT NULL,
          PRIMARY KEY (term, story_id)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ix_dedup_story_terms_story ON dedup_story_terms (story_id);
        CREATE TABLE IF NOT EXISTS dedup_term_stories (term TEXT PRIMARY KEY, stories INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS dedup_counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
        INSERT OR IGNORE INTO dedup_counters (name, value) VALUES ('articles', 0), ('stories', 0);
        """;
}
