using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Newsroom.Contracts.Events;
using Newsroom.Contracts.V1;
using Newsroom.ServiceDefaults;

namespace Newsroom.Dedup;

/// <summary>
/// Dedup's state in SQLite: every assigned article with the decision that placed it and its MinHash
/// signature (the near-duplicate layer indexes them in memory), the stories, and the entity and term indexes (with their
/// frequencies) of the same-event layer. Everything one article changes is written in one transaction.
/// Not thread-safe on its own: <see cref="StoryClusterer"/> serialises access.
/// </summary>
public sealed class StoryStore : IDisposable
{
    /// <summary>
    /// Title-and-lead terms kept per story, the heaviest: the profile a candidate story is scored by is
    /// read at every article, so it must not grow with the story. Light terms add little to a cosine.
    /// </summary>
    public const int MaxStoryTerms = 1_500;

    /// <summary>Entities kept per story, those the most members mention, for the same reason.</summary>
    public const int MaxStoryEntities = 200;

    private const string ArticleCounter = "articles";
    private const string StoryCounter = "stories";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    private readonly SqliteDatabase _database;
    private SqliteConnection? _connection;

    public StoryStore(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    public string Description => _database.Description;

    public void Dispose()
    {
        _connection?.Dispose();
        _connection = null;
    }

    /// <summary>The decision already made for an article, rebuilt from what was stored; null when the article is new.</summary>
    internal StoryUpdated? FindDecision(string articleId)
    {
        using var command = Command(
            """
            SELECT story_id, version, join_kind, matched_article_id, score, features_json, updated_at, article_json
            FROM dedup_articles WHERE article_id = $id
            """);
        command.Parameters.AddWithValue("$id", articleId);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }
        return new StoryUpdated
        {
            StoryId = reader.GetString(0),
            Version = reader.GetInt64(1),
            JoinKind = (JoinReason.Types.Kind)reader.GetInt32(2),
            MatchedArticleId = reader.IsDBNull(3) ? null : reader.GetString(3),
            Score = reader.GetDouble(4),
            Features = JsonSerializer.Deserialize<List<StoryMatchFeature>>(reader.GetString(5), Json) ?? [],
            UpdatedAt = DateTimeOffset.Parse(reader.GetString(6), CultureInfo.InvariantCulture),
            Article = JsonSerializer.Deserialize<ArticleExtracted>(reader.GetString(7), Json)
                ?? throw new InvalidOperationException($"Stored article {articleId} in {Description} is unreadable; delete the dedup database and replay."),
        };
    }

    /// <summary>Every stored article's story and MinHash signature, in the order they were placed.</summary>
    internal IEnumerable<(string ArticleId, string StoryId, byte[] MinHash)> ReadSignatures()
    {
        using var command = Command("SELECT article_id, story_id, minhash FROM dedup_articles ORDER BY rowid");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return (reader.GetString(0), reader.GetString(1), (byte[])reader.GetValue(2));
        }
    }

    /// <summary>Replaces an article's signature, computed again for the current options.</summary>
    internal void SaveSignature(string articleId, MinHashSignature signature)
    {
        using var command = Command("UPDATE dedup_articles SET minhash = $minhash WHERE article_id = $id");
        command.Parameters.AddWithValue("$id", articleId);
        command.Parameters.AddWithValue("$minhash", signature.ToBytes());
        command.ExecuteNonQuery();
    }

    internal long CountArticles() => Counter(ArticleCounter);

    internal long CountStories() => Counter(StoryCounter);

    /// <summary>In how many articles each term occurs (0 for terms never seen).</summary>
    internal Dictionary<string, int> TermArticleCounts(IEnumerable<string> terms) =>
        Frequencies("SELECT articles FROM dedup_term_stats WHERE term = $key", terms);

    /// <summary>In how many stories each entity occurs (0 for entities never seen).</summary>
    internal Dictionary<string, int> EntityStoryCounts(IEnumerable<string> entityIds) =>
        Frequencies("SELECT stories FROM dedup_entity_stats WHERE entity_id = $key", entityIds);

    /// <summary>
    /// The most recently joined stories mentioning the entity: those whose dated members overlap the window,
    /// and those with no dated member; every one of them when there is no window (an undated article).
    /// </summary>
    internal List<string> StoriesWithEntity(string entityId, (DateTimeOffset From, DateTimeOffset To)? window, int limit) =>
        StoriesByKey(
            """
            SELECT se.story_id FROM dedup_story_entities se JOIN dedup_stories s ON s.story_id = se.story_id
            WHERE se.entity_id = $key AND ($from IS NULL OR s.last_time IS NULL OR (s.last_time >= $from AND s.first_time <= $to))
            ORDER BY se.active DESC, se.story_id LIMIT $limit
            """,
            entityId, window, limit);

    /// <summary>The same as <see cref="StoriesWithEntity"/> for stories whose title-and-lead terms include the term.</summary>
    internal List<string> StoriesWithTerm(string term, (DateTimeOffset From, DateTimeOffset To)? window, int limit) =>
        StoriesByKey(
            """
            SELECT st.story_id FROM dedup_story_terms st JOIN dedup_stories s ON s.story_id = st.story_id
            WHERE st.term = $key AND ($from IS NULL OR s.last_time IS NULL OR (s.last_time >= $from AND s.first_time <= $to))
            ORDER BY s.active DESC, st.story_id LIMIT $limit
            """,
            term, window, limit);

    internal StoryProfile LoadStory(string storyId, int maxMembers)
    {
        bool dated;
        using (var command = Command("SELECT last_time IS NOT NULL FROM dedup_stories WHERE story_id = $id"))
        {
            command.Parameters.AddWithValue("$id", storyId);
            dated = Convert.ToInt64(command.ExecuteScalar() ?? 0L, CultureInfo.InvariantCulture) == 1;
        }

        var entities = new Dictionary<string, StoryEntity>(StringComparer.Ordinal);
        using (var command = Command(
            """
            SELECT se.entity_id, se.weight, es.stories FROM dedup_story_entities se
            JOIN dedup_entity_stats es ON es.entity_id = se.entity_id WHERE se.story_id = $id
            """))
        {
            command.Parameters.AddWithValue("$id", storyId);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                entities[reader.GetString(0)] = new StoryEntity(reader.GetDouble(1), reader.GetInt32(2));
            }
        }

        var terms = new Dictionary<string, StoryTerm>(StringComparer.Ordinal);
        using (var command = Command(
            """
            SELECT st.term, st.weight, ts.articles FROM dedup_story_terms st
            JOIN dedup_term_stats ts ON ts.term = st.term WHERE st.story_id = $id
            """))
        {
            command.Parameters.AddWithValue("$id", storyId);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                terms[reader.GetString(0)] = new StoryTerm(reader.GetDouble(1), reader.GetInt32(2));
            }
        }

        var members = new List<MemberLead>();
        using (var command = Command(
            """
            SELECT article_id, actor_id, action, target_id, lead_date FROM dedup_articles
            WHERE story_id = $id ORDER BY version DESC LIMIT $limit
            """))
        {
            command.Parameters.AddWithValue("$id", storyId);
            command.Parameters.AddWithValue("$limit", maxMembers);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                members.Add(new MemberLead(
                    reader.GetString(0),
                    reader.IsDBNull(1) ? null : reader.GetString(1),
                    (EventAction)reader.GetInt32(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3),
                    reader.IsDBNull(4) ? null : DateOnly.FromDayNumber(reader.GetInt32(4))));
            }
        }
        return new StoryProfile(storyId, dated, entities, terms, members);
    }

    /// <summary>Title-and-lead term counts and entity ids of the given members, for choosing the best-matching one.</summary>
    internal Dictionary<string, (Dictionary<string, int> Terms, List<string> EntityIds)> LoadMemberContent(IEnumerable<string> articleIds)
    {
        var content = new Dictionary<string, (Dictionary<string, int>, List<string>)>(StringComparer.Ordinal);
        using var command = Command("SELECT terms_json, entities_json FROM dedup_articles WHERE article_id = $id");
        var id = command.Parameters.Add("$id", SqliteType.Text);
        foreach (var articleId in articleIds)
        {
            id.Value = articleId;
            using var reader = command.ExecuteReader();
            if (reader.Read())
            {
                content[articleId] = (
                    JsonSerializer.Deserialize<Dictionary<string, int>>(reader.GetString(0), Json) ?? [],
                    JsonSerializer.Deserialize<List<string>>(reader.GetString(1), Json) ?? []);
            }
        }
        return content;
    }

    /// <summary>Records the article in its story and in every index, in one transaction; returns the story's new version.</summary>
    internal long Save(ArticleProfile profile, string storyId, JoinReason.Types.Kind kind, string? matchedArticleId, double score, IReadOnlyList<StoryMatchFeature> features, DateTimeOffset updatedAt)
    {
        var connection = Connection();
        using var transaction = connection.BeginTransaction();
        // The article's number in the order of joins is the story's activity: how recently it was joined, whatever its events' dates.
        long active;
        using (var counter = Command("UPDATE dedup_counters SET value = value + 1 WHERE name = $name RETURNING value", transaction))
        {
            counter.Parameters.AddWithValue("$name", ArticleCounter);
            active = Convert.ToInt64(counter.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        var eventTime = profile.EventTime?.ToUnixTimeSeconds();
        var newStory = kind == JoinReason.Types.Kind.FirstArticle;

        // A story's time span covers its dated members only; MIN and MAX of SQLite give NULL for a NULL operand.
        Execute(
            transaction,
            newStory
                ? "INSERT INTO dedup_stories (story_id, version, member_count, first_time, last_time, active) VALUES ($story, 1, 1, $time, $time, $active)"
                : """
                  UPDATE dedup_stories SET version = version + 1, member_count = member_count + 1,
                  first_time = COALESCE(MIN(first_time, $time), first_time, $time),
                  last_time = COALESCE(MAX(last_time, $time), last_time, $time), active = $active WHERE story_id = $story
                  """,
            ("$story", storyId), ("$time", eventTime), ("$active", active));
        long version;
        using (var command = Command("SELECT version FROM dedup_stories WHERE story_id = $story", transaction))
        {
            command.Parameters.AddWithValue("$story", storyId);
            version = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        Execute(
            transaction,
            """
            INSERT INTO dedup_articles (article_id, story_id, version, join_kind, matched_article_id, score, features_json,
              updated_at, article_json, event_time, actor_id, action, target_id, lead_date, terms_json, entities_json, minhash)
            VALUES ($id, $story, $version, $kind, $matched, $score, $features, $updated, $article, $time, $actor, $action,
              $target, $date, $terms, $entities, $minhash)
            """,
            ("$id", profile.ArticleId), ("$story", storyId), ("$version", version), ("$kind", (int)kind),
            ("$matched", matchedArticleId), ("$score", score), ("$features", JsonSerializer.Serialize(features, Json)),
            ("$updated", updatedAt.ToString("O", CultureInfo.InvariantCulture)), ("$article", JsonSerializer.Serialize(profile.Article, Json)),
            ("$time", eventTime), ("$actor", profile.Lead.ActorId), ("$action", (int)profile.Lead.Action),
            ("$target", profile.Lead.TargetId), ("$date", profile.Lead.Date?.DayNumber),
            ("$terms", JsonSerializer.Serialize(profile.Terms, Json)), ("$entities", JsonSerializer.Serialize(profile.Entities.Keys, Json)),
            ("$minhash", profile.Signature.ToBytes()));

        SaveEntities(transaction, profile, storyId, active);
        SaveTerms(transaction, profile, storyId);
        PruneStoryProfile(transaction, storyId);
        if (newStory)
        {
            Execute(transaction, "UPDATE dedup_counters SET value = value + 1 WHERE name = $name", ("$name", StoryCounter));
        }
        transaction.Commit();
        return version;
    }

    private void SaveEntities(SqliteTransaction transaction, ArticleProfile profile, string storyId, long active)
    {
        // Keeping the story's activity on the index rows lets the candidate lookup read recent stories straight from the index.
        Execute(transaction, "UPDATE dedup_story_entities SET active = $active WHERE story_id = $story", ("$story", storyId), ("$active", active));
        using var insert = Command(
            """
            INSERT INTO dedup_story_entities (entity_id, story_id, name, members, weight, active) VALUES ($entity, $story, $name, 1, $weight, $active)
            ON CONFLICT (entity_id, story_id) DO UPDATE SET members = members + 1, weight = weight + excluded.weight RETURNING members
            """,
            transaction);
        insert.Parameters.AddWithValue("$story", storyId);
        insert.Parameters.AddWithValue("$active", active);
        var entity = insert.Parameters.Add("$entity", SqliteType.Text);
        var name = insert.Parameters.Add("$name", SqliteType.Text);
        var weight = insert.Parameters.Add("$weight", SqliteType.Real);
        using var stats = Command(
            "INSERT INTO dedup_entity_stats (entity_id, stories) VALUES ($entity, 1) ON CONFLICT (entity_id) DO UPDATE SET stories = stories + 1",
            transaction);
        var statsEntity = stats.Parameters.Add("$entity", SqliteType.Text);
        foreach (var (entityId, entityName) in profile.Entities)
        {
            entity.Value = entityId;
            name.Value = entityName;
            weight.Value = profile.EntityWeights.GetValueOrDefault(entityId);
            var members = Convert.ToInt64(insert.ExecuteScalar(), CultureInfo.InvariantCulture);
            if (members == 1)
            {
                statsEntity.Value = entityId;
                stats.ExecuteNonQuery();
            }
        }
    }

    private void SaveTerms(SqliteTransaction transaction, ArticleProfile profile, string storyId)
    {
        using var storyTerm = Command(
            """
            INSERT INTO dedup_story_terms (term, story_id, weight) VALUES ($term, $story, $weight)
            ON CONFLICT (term, story_id) DO UPDATE SET weight = weight + excluded.weight
            """,
            transaction);
        storyTerm.Parameters.AddWithValue("$story", storyId);
        var term = storyTerm.Parameters.Add("$term", SqliteType.Text);
        var weight = storyTerm.Parameters.Add("$weight", SqliteType.Real);
        using var stats = Command(
            "INSERT INTO dedup_term_stats (term, articles) VALUES ($term, 1) ON CONFLICT (term) DO UPDATE SET articles = articles + 1",
            transaction);
        var statsTerm = stats.Parameters.Add("$term", SqliteType.Text);
        foreach (var (text, count) in profile.Terms)
        {
            term.Value = text;
            weight.Value = TermWeights.Damped(count);
            storyTerm.ExecuteNonQuery();
            statsTerm.Value = text;
            stats.ExecuteNonQuery();
        }
    }

    /// <summary>Keeps the story's profile within <see cref="MaxStoryTerms"/> and <see cref="MaxStoryEntities"/>.</summary>
    private void PruneStoryProfile(SqliteTransaction transaction, string storyId)
    {
        Execute(
            transaction,
            """
            DELETE FROM dedup_story_terms WHERE story_id = $story AND term IN (
              SELECT term FROM dedup_story_terms WHERE story_id = $story ORDER BY weight DESC, term LIMIT -1 OFFSET $max)
            """,
            ("$story", storyId), ("$max", MaxStoryTerms));

        var dropped = new List<string>();
        using (var command = Command(
            """
            DELETE FROM dedup_story_entities WHERE story_id = $story AND entity_id IN (
              SELECT entity_id FROM dedup_story_entities WHERE story_id = $story ORDER BY members DESC, entity_id LIMIT -1 OFFSET $max)
            RETURNING entity_id
            """,
            transaction))
        {
            command.Parameters.AddWithValue("$story", storyId);
            command.Parameters.AddWithValue("$max", MaxStoryEntities);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                dropped.Add(reader.GetString(0));
            }
        }

        // An entity's story count counts the stories whose profile holds it, so one that comes back is counted once.
        foreach (var entityId in dropped)
        {
            Execute(transaction, "UPDATE dedup_entity_stats SET stories = stories - 1 WHERE entity_id = $entity", ("$entity", entityId));
        }
    }

    private long Counter(string name)
    {
        using var command = Command("SELECT value FROM dedup_counters WHERE name = $name");
        command.Parameters.AddWithValue("$name", name);
        return Convert.ToInt64(command.ExecuteScalar() ?? 0L, CultureInfo.InvariantCulture);
    }

    private Dictionary<string, int> Frequencies(string sql, IEnumerable<string> keys)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        using var command = Command(sql);
        var key = command.Parameters.Add("$key", SqliteType.Text);
        foreach (var k in keys)
        {
            if (counts.ContainsKey(k))
            {
                continue;
            }
            key.Value = k;
            counts[k] = Convert.ToInt32(command.ExecuteScalar() ?? 0, CultureInfo.InvariantCulture);
        }
        return counts;
    }

    private List<string> StoriesByKey(string sql, string key, (DateTimeOffset From, DateTimeOffset To)? window, int limit)
    {
        using var command = Command(sql);
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$from", window is { } w ? w.From.ToUnixTimeSeconds() : DBNull.Value);
        command.Parameters.AddWithValue("$to", window is { } v ? v.To.ToUnixTimeSeconds() : DBNull.Value);
        command.Parameters.AddWithValue("$limit", limit);
        var stories = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            stories.Add(reader.GetString(0));
        }
        return stories;
    }

    private void Execute(SqliteTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, transaction);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        command.ExecuteNonQuery();
    }

    private SqliteCommand Command(string sql, SqliteTransaction? transaction = null)
    {
        var command = Connection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    private SqliteConnection Connection()
    {
        if (_connection is not null)
        {
            return _connection;
        }
        var connection = _database.Open();
        using (var schema = connection.CreateCommand())
        {
            schema.CommandText = "PRAGMA user_version";
            if (Convert.ToInt64(schema.ExecuteScalar(), CultureInfo.InvariantCulture) < SchemaVersion)
            {
                schema.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE name = 'dedup_stories'";
                var existing = Convert.ToInt64(schema.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
                using var transaction = connection.BeginTransaction();
                schema.Transaction = transaction;
                schema.CommandText = (existing ? UndatedTimesMigration : Schema) + $"PRAGMA user_version = {SchemaVersion};";
                schema.ExecuteNonQuery();
                transaction.Commit();
            }
        }
        _connection = connection;
        return connection;
    }

    /// <summary>
    /// 1: times unknown to the article stay NULL (no processing clock), recency is the order of joins, story
    /// entities carry their summed centrality, and the LSH bands live in memory (<see cref="NearDuplicateIndex"/>).
    /// </summary>
    private const int SchemaVersion = 1;

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
          terms_json TEXT NOT NULL,
          entities_json TEXT NOT NULL,
          minhash BLOB NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_dedup_articles_story ON dedup_articles (story_id, version);
        CREATE TABLE IF NOT EXISTS dedup_story_entities (
          entity_id TEXT NOT NULL,
          story_id TEXT NOT NULL,
          name TEXT NOT NULL,
          members INTEGER NOT NULL,
          weight REAL NOT NULL,
          active INTEGER NOT NULL,
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
        CREATE TABLE IF NOT EXISTS dedup_term_stats (term TEXT PRIMARY KEY, articles INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS dedup_counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
        INSERT OR IGNORE INTO dedup_counters (name, value) VALUES ('articles', 0), ('stories', 0);
        """;
}
