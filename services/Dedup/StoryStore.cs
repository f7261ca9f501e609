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

    /// <summary>Terms, entities and members of the story profiles kept in memory, about 60 bytes each.</summary>
    private const int MaxCachedProfileEntries = 500_000;

    /// <summary>Term and entity counts kept in memory.</summary>
    private const int MaxCachedCounts = 1_000_000;

    private const string ArticleCounter = "articles";
    private const string StoryCounter = "stories";

    /// <summary>The highest ingest sequence number decided (see <see cref="ArticleResequencer"/>).</summary>
    private const string SequenceCounter = "sequence";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    private readonly SqliteDatabase _database;
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private readonly StoryProfileCache _profiles = new(MaxCachedProfileEntries);
    private readonly FrequencyCache _termArticles;
    private readonly FrequencyCache _entityStories;
    private SqliteConnection? _connection;

    public StoryStore(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        _termArticles = new FrequencyCache(term => Count("SELECT articles FROM dedup_term_stats WHERE term = $key", term), MaxCachedCounts);
        _entityStories = new FrequencyCache(entityId => Count("SELECT stories FROM dedup_entity_stats WHERE entity_id = $key", entityId), MaxCachedCounts);
    }

    public string Description => _database.Description;

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }
        _commands.Clear();
        _connection?.Dispose();
        _connection = null;
    }

    /// <summary>The decision already made for an article, rebuilt from what was stored; null when the article is new.</summary>
    internal StoryUpdated? FindDecision(string articleId)
    {
        var command = Command(
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
        var command = Command("SELECT article_id, story_id, minhash FROM dedup_articles ORDER BY rowid");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return (reader.GetString(0), reader.GetString(1), (byte[])reader.GetValue(2));
        }
    }

    /// <summary>Replaces an article's signature, computed again for the current options.</summary>
    internal void SaveSignature(string articleId, MinHashSignature signature)
    {
        var command = Command("UPDATE dedup_articles SET minhash = $minhash WHERE article_id = $id");
        command.Parameters.AddWithValue("$id", articleId);
        command.Parameters.AddWithValue("$minhash", signature.ToBytes());
        command.ExecuteNonQuery();
    }

    internal long CountArticles() => Counter(ArticleCounter);

    internal long CountStories() => Counter(StoryCounter);

    internal long LastDecidedSequence() => Counter(SequenceCounter);

    /// <summary>In how many articles the term occurs (0 for a term never seen).</summary>
    internal int TermArticleCount(string term) => _termArticles.Get(term);

    /// <summary>In how many stories' profiles the entity occurs (0 for an entity never seen).</summary>
    internal int EntityStoryCount(string entityId) => _entityStories.Get(entityId);

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
        if (_profiles.Find(storyId, maxMembers) is { } cached)
        {
            return cached;
        }
        var command = Command("SELECT last_time IS NOT NULL FROM dedup_stories WHERE story_id = $id");
        command.Parameters.AddWithValue("$id", storyId);
        var dated = Convert.ToInt64(command.ExecuteScalar() ?? 0L, CultureInfo.InvariantCulture) == 1;
        var profile = new StoryProfile(
            storyId,
            dated,
            Weights("SELECT entity_id, weight FROM dedup_story_entities WHERE story_id = $id", storyId),
            Weights("SELECT term, weight FROM dedup_story_terms WHERE story_id = $id", storyId),
            MemberLeads(storyId, maxMembers));
        _profiles.Add(profile, maxMembers);
        return profile;
    }

    private Dictionary<string, double> Weights(string sql, string storyId)
    {
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        var command = Command(sql);
        command.Parameters.AddWithValue("$id", storyId);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            weights[reader.GetString(0)] = reader.GetDouble(1);
        }
        return weights;
    }

    private List<MemberLead> MemberLeads(string storyId, int maxMembers)
    {
        var members = new List<MemberLead>();
        var command = Command(
            """
            SELECT article_id, actor_id, action, target_id, lead_date FROM dedup_articles
            WHERE story_id = $id ORDER BY version DESC LIMIT $limit
            """);
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
        return members;
    }

    /// <summary>Title-and-lead term counts and entity ids of the given members, for choosing the best-matching one.</summary>
    internal Dictionary<string, (Dictionary<string, int> Terms, List<string> EntityIds)> LoadMemberContent(IEnumerable<string> articleIds)
    {
        var content = new Dictionary<string, (Dictionary<string, int>, List<string>)>(StringComparer.Ordinal);
        var command = Command("SELECT terms_json, entities_json FROM dedup_articles WHERE article_id = $id");
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
        var counter = Command("UPDATE dedup_counters SET value = value + 1 WHERE name = $name RETURNING value", transaction);
        counter.Parameters.AddWithValue("$name", ArticleCounter);
        var active = Convert.ToInt64(counter.ExecuteScalar(), CultureInfo.InvariantCulture);
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
        var versionQuery = Command("SELECT version FROM dedup_stories WHERE story_id = $story", transaction);
        versionQuery.Parameters.AddWithValue("$story", storyId);
        var version = Convert.ToInt64(versionQuery.ExecuteScalar(), CultureInfo.InvariantCulture);

        var entityIds = JsonSerializer.Serialize(profile.Entities.Keys, Json);
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
            ("$terms", JsonSerializer.Serialize(profile.Terms, Json)), ("$entities", entityIds),
            ("$minhash", profile.Signature.ToBytes()));

        var entitiesAdded = SaveEntities(transaction, profile, entityIds, storyId, active);
        SaveTerms(transaction, profile, storyId);
        var entitiesDropped = PruneStoryProfile(transaction, storyId);
        if (newStory)
        {
            Execute(transaction, "UPDATE dedup_counters SET value = value + 1 WHERE name = $name", ("$name", StoryCounter));
        }
        if (profile.Article.Article.Sequence > 0)
        {
            Execute(
                transaction,
                "INSERT INTO dedup_counters (name, value) VALUES ($name, $sequence) ON CONFLICT (name) DO UPDATE SET value = MAX(value, excluded.value)",
                ("$name", SequenceCounter),
                ("$sequence", profile.Article.Article.Sequence));
        }
        transaction.Commit();

        // The caches follow only what was committed.
        _profiles.Remove(storyId);
        foreach (var term in profile.Terms.Keys)
        {
            _termArticles.Add(term, 1);
        }
        foreach (var entityId in entitiesAdded)
        {
            _entityStories.Add(entityId, 1);
        }
        foreach (var entityId in entitiesDropped)
        {
            _entityStories.Add(entityId, -1);
        }
        return version;
    }

    /// <summary>Adds the article's entities to the story's profile; returns those new to the story.</summary>
    private List<string> SaveEntities(SqliteTransaction transaction, ArticleProfile profile, string entityIds, string storyId, long active)
    {
        // Keeping the story's activity on the index rows lets the candidate lookup read recent stories straight from the index.
        Execute(transaction, "UPDATE dedup_story_entities SET active = $active WHERE story_id = $story", ("$story", storyId), ("$active", active));

        // Statements over JSON arrays write all of the article's rows at once: a statement per row cost more than the rows.
        // An entity new to the story counts one story more, before the story's rows take it in.
        var stats = Command(
            """
            INSERT INTO dedup_entity_stats (entity_id, stories)
            SELECT value, 1 FROM json_each($ids)
            WHERE NOT EXISTS (SELECT 1 FROM dedup_story_entities WHERE entity_id = value AND story_id = $story)
            ON CONFLICT (entity_id) DO UPDATE SET stories = stories + 1
            RETURNING entity_id
            """,
            transaction);
        stats.Parameters.AddWithValue("$ids", entityIds);
        stats.Parameters.AddWithValue("$story", storyId);
        var added = new List<string>();
        using (var reader = stats.ExecuteReader())
        {
            while (reader.Read())
            {
                added.Add(reader.GetString(0));
            }
        }
        Execute(
            transaction,
            """
            INSERT INTO dedup_story_entities (entity_id, story_id, name, members, weight, active)
            SELECT value ->> 0, $story, value ->> 1, 1, value ->> 2, $active FROM json_each($entities) WHERE true
            ON CONFLICT (entity_id, story_id) DO UPDATE SET members = members + 1, weight = weight + excluded.weight
            """,
            ("$story", storyId),
            ("$active", active),
            ("$entities", JsonSerializer.Serialize(
                profile.Entities.Select(e => new object[] { e.Key, e.Value, profile.EntityWeights.GetValueOrDefault(e.Key) }), Json)));
        return added;
    }

    private void SaveTerms(SqliteTransaction transaction, ArticleProfile profile, string storyId)
    {
        var terms = JsonSerializer.Serialize(profile.Terms.ToDictionary(t => t.Key, t => TermWeights.Damped(t.Value), StringComparer.Ordinal), Json);
        Execute(
            transaction,
            """
            INSERT INTO dedup_story_terms (term, story_id, weight) SELECT key, $story, value FROM json_each($terms) WHERE true
            ON CONFLICT (term, story_id) DO UPDATE SET weight = weight + excluded.weight
            """,
            ("$story", storyId),
            ("$terms", terms));
        Execute(
            transaction,
            "INSERT INTO dedup_term_stats (term, articles) SELECT key, 1 FROM json_each($terms) WHERE true ON CONFLICT (term) DO UPDATE SET articles = articles + 1",
            ("$terms", terms));
    }

    /// <summary>Keeps the story's profile within <see cref="MaxStoryTerms"/> and <see cref="MaxStoryEntities"/>; returns the entities dropped.</summary>
    private List<string> PruneStoryProfile(SqliteTransaction transaction, string storyId)
    {
        // Counting first spares the sort of every profile that is within its bounds, as most are.
        var sizes = Command(
            """
            SELECT (SELECT COUNT(*) FROM dedup_story_terms WHERE story_id = $story), (SELECT COUNT(*) FROM dedup_story_entities WHERE story_id = $story)
            """,
            transaction);
        sizes.Parameters.AddWithValue("$story", storyId);
        long terms, entities;
        using (var reader = sizes.ExecuteReader())
        {
            reader.Read();
            terms = reader.GetInt64(0);
            entities = reader.GetInt64(1);
        }
        if (terms > MaxStoryTerms)
        {
            Execute(
                transaction,
                """
                DELETE FROM dedup_story_terms WHERE story_id = $story AND term IN (
                  SELECT term FROM dedup_story_terms WHERE story_id = $story ORDER BY weight DESC, term LIMIT -1 OFFSET $max)
                """,
                ("$story", storyId), ("$max", MaxStoryTerms));
        }

        var dropped = new List<string>();
        if (entities <= MaxStoryEntities)
        {
            return dropped;
        }
        var command = Command(
            """
            DELETE FROM dedup_story_entities WHERE story_id = $story AND entity_id IN (
              SELECT entity_id FROM dedup_story_entities WHERE story_id = $story ORDER BY members DESC, entity_id LIMIT -1 OFFSET $max)
            RETURNING entity_id
            """,
            transaction);
        command.Parameters.AddWithValue("$story", storyId);
        command.Parameters.AddWithValue("$max", MaxStoryEntities);
        using (var reader = command.ExecuteReader())
        {
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
        return dropped;
    }

    private long Counter(string name)
    {
        var command = Command("SELECT value FROM dedup_counters WHERE name = $name");
        command.Parameters.AddWithValue("$name", name);
        return Convert.ToInt64(command.ExecuteScalar() ?? 0L, CultureInfo.InvariantCulture);
    }

    private int Count(string sql, string key)
    {
        var command = Command(sql);
        command.Parameters.AddWithValue("$key", key);
        return Convert.ToInt32(command.ExecuteScalar() ?? 0, CultureInfo.InvariantCulture);
    }

    private List<string> StoriesByKey(string sql, string key, (DateTimeOffset From, DateTimeOffset To)? window, int limit)
    {
        var command = Command(sql);
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
        var command = Command(sql, transaction);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// The statement for the SQL, prepared once on this connection and reused with fresh parameters:
    /// preparing statements anew took a large share of each article's time. A caller never disposes it.
    /// </summary>
    private SqliteCommand Command(string sql, SqliteTransaction? transaction = null)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = Connection().CreateCommand();
            command.CommandText = sql;
            _commands[sql] = command;
        }
        command.Transaction = transaction;
        command.Parameters.Clear();
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
