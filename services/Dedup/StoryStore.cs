using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Newsroom.Contracts.Events;
using Newsroom.Contracts.V1;
using Newsroom.ServiceDefaults;

namespace Newsroom.Dedup;

/// <summary>
/// Dedup's state, in SQLite or in PostgreSQL (<see cref="StoryStoreSql"/> has what they spell differently): every assigned article with the decision that placed it and its MinHash
/// signature (the near-duplicate layer indexes them in memory), the stories, and the entity and term indexes (with their
/// frequencies) of the same-event layer. Writes go into one open transaction until <see cref="Commit"/>: the
/// decisions of a run of articles commit together, since a commit, not the rows, was most of an article's cost.
/// Not thread-safe on its own: <see cref="StoryClusterer"/> serialises access. The caches in memory hold only
/// what this process wrote (a failure empties them with the transaction); <see cref="FollowStore"/> empties them when another process wrote since (a
/// replica that took over dedup's queue for a while, on a shared PostgreSQL database).
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

    /// <summary>Keys looked up by one statement: each count of keys is a statement prepared once.</summary>
    private const int KeysPerLookup = 16;

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    private readonly Func<DbConnection> _open;
    private readonly StoryStoreSql _sql;
    private readonly StoryProfileCache _profiles = new(MaxCachedProfileEntries);
    private readonly FrequencyCache _termStories;
    private readonly FrequencyCache _entityStories;
    private DbConnection? _connection;
    private PreparedCommands? _commands;
    private DbTransaction? _transaction;

    /// <summary>The articles counter as this process last committed or read it; -1 before the first read.</summary>
    private long _articlesSeen = -1;

    /// <summary>The story count as of the last <see cref="FollowStore"/> and this process's saves since; -1 when unknown.</summary>
    private long _storiesSeen = -1;

    public StoryStore(SqliteDatabase database)
        : this(() => database.Open(), new SqliteStoryStoreSql(), database?.Description ?? throw new ArgumentNullException(nameof(database)))
    {
    }

    public StoryStore(PostgresDatabase database)
        : this(() => database.Open(), new PostgresStoryStoreSql(), database?.Description ?? throw new ArgumentNullException(nameof(database)))
    {
    }

    private StoryStore(Func<DbConnection> open, StoryStoreSql sql, string description)
    {
        _open = open;
        _sql = sql;
        Description = description;
        _termStories = new FrequencyCache(term => Count("SELECT stories FROM dedup_term_stories WHERE term = @key", term), MaxCachedCounts);
        _entityStories = new FrequencyCache(entityId => Count("SELECT stories FROM dedup_entity_stats WHERE entity_id = @key", entityId), MaxCachedCounts);
    }

    public string Description { get; }

    public void Dispose() => Close();

    /// <summary>
    /// Empties the caches when the store holds articles this process did not write, and says so; the caller
    /// then drops what it derived from the store too.
    /// </summary>
    internal bool FollowStore()
    {
        // Both counts in one round trip: the decision that follows reads them, and only this process changes them meanwhile.
        var command = Command("SELECT (SELECT value FROM dedup_counters WHERE name = @articles), (SELECT value FROM dedup_counters WHERE name = @stories)");
        command.With("@articles", StoryStoreSql.ArticleCounter);
        command.With("@stories", StoryStoreSql.StoryCounter);
        long articles, stories;
        using (var reader = command.ExecuteReader())
        {
            reader.Read();
            articles = reader.IsDBNull(0) ? 0 : reader.GetInt64(0);
            stories = reader.IsDBNull(1) ? 0 : reader.GetInt64(1);
        }
        _storiesSeen = stories;
        if (articles == _articlesSeen)
        {
            return false;
        }
        ForgetCaches();
        _articlesSeen = articles;
        return true;
    }

    /// <summary>
    /// After a failure: closes the connection (it may be broken; the next call opens another), which rolls back the
    /// open transaction, and forgets the caches, since the last commit may have gone through or not.
    /// </summary>
    internal void Reset()
    {
        Close();
        ForgetCaches();
        _articlesSeen = -1;
        _storiesSeen = -1;
    }

    private void ForgetCaches()
    {
        _profiles.Clear();
        _termStories.Clear();
        _entityStories.Clear();
    }

    private void Close()
    {
        try
        {
            // Rolls back what is not committed; on a broken connection it may throw, and the rest goes all the same.
            _transaction?.Dispose();
        }
        finally
        {
            _transaction = null;
            _commands?.Dispose();
            _commands = null;
            _connection?.Dispose();
            _connection = null;
        }
    }

    /// <summary>The decision already made for an article, rebuilt from what was stored; null when the article is new.</summary>
    internal StoryUpdated? FindDecision(string articleId)
    {
        var command = Command(DecisionColumns + " WHERE article_id = @id");
        command.With("@id", articleId);
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadDecision(reader) : null;
    }

    /// <summary>
    /// The members that a merge of stories the article brought about moved, each as its placement stands (a later merge
    /// may have moved it again, and then that one republishes it), so that a redelivered article republishes them too.
    /// </summary>
    internal List<StoryUpdated> FindMoves(string articleId)
    {
        var command = Command(DecisionColumns + " WHERE merged_by = @id ORDER BY version");
        command.With("@id", articleId);
        using var reader = command.ExecuteReader();
        var moves = new List<StoryUpdated>();
        while (reader.Read())
        {
            moves.Add(ReadDecision(reader));
        }
        return moves;
    }

    private const string DecisionColumns =
        "SELECT story_id, version, join_kind, matched_article_id, score, features_json, updated_at, article_json, article_id FROM dedup_articles";

    private StoryUpdated ReadDecision(DbDataReader reader) => new()
    {
        StoryId = reader.GetString(0),
        Version = reader.GetInt64(1),
        JoinKind = (JoinReason.Types.Kind)reader.GetInt32(2),
        MatchedArticleId = reader.IsDBNull(3) ? null : reader.GetString(3),
        Score = reader.GetDouble(4),
        Features = JsonSerializer.Deserialize<List<StoryMatchFeature>>(reader.GetString(5), Json) ?? [],
        UpdatedAt = DateTimeOffset.Parse(reader.GetString(6), CultureInfo.InvariantCulture),
        Article = JsonSerializer.Deserialize<ArticleExtracted>(reader.GetString(7), Json)
            ?? throw new InvalidOperationException($"Stored article {reader.GetString(8)} in {Description} is unreadable; delete the dedup database and replay."),
    };

    /// <summary>
    /// Moves every member of story <paramref name="from"/> into story <paramref name="into"/>, in the open transaction, and
    /// deletes <paramref name="from"/>: the profiles add up (entities and terms both held count one story less), the span
    /// of times widens, and each member gets the next version of <paramref name="into"/>, in its old order, with
    /// <paramref name="merged"/> added to the features of its placement, placed at <paramref name="updatedAt"/> (or a millisecond after the
    /// latest of their placements). Returns the members' new placements.
    /// </summary>
    internal List<StoryUpdated> MergeStory(string from, string into, string mergedBy, StoryMatchFeature merged, DateTimeOffset updatedAt)
    {
        _transaction ??= Connection().BeginTransaction();
        var (version, active, intoMembers, intoFirst, intoLast) = ReadStoryRow(into);
        var (_, _, fromMembers, fromFirst, fromLast) = ReadStoryRow(from);
        var entitiesShared = StoryStoreSql.Strings(Command(UncountSharedEntities).With("@from", from).With("@into", into));
        Command(MoveStoryEntities).With("@from", from).With("@into", into).With("@active", active).ExecuteNonQuery();
        var termsShared = StoryStoreSql.Strings(Command(UncountSharedTerms).With("@from", from).With("@into", into));
        Command(MoveStoryTerms).With("@from", from).With("@into", into).ExecuteNonQuery();
        Command("DELETE FROM dedup_story_entities WHERE story_id = @from; DELETE FROM dedup_story_terms WHERE story_id = @from").With("@from", from).ExecuteNonQuery();
        var (entitiesDropped, termsDropped) = _sql.PruneStory(Command, into);

        var members = new List<(string ArticleId, List<StoryMatchFeature> Features)>();
        var movedAt = updatedAt;
        using (var reader = Command("SELECT article_id, features_json, updated_at FROM dedup_articles WHERE story_id = @from ORDER BY version").With("@from", from).ExecuteReader())
        {
            while (reader.Read())
            {
                members.Add((reader.GetString(0), JsonSerializer.Deserialize<List<StoryMatchFeature>>(reader.GetString(1), Json) ?? []));
                // The read model keeps the latest placement of an article by its time in milliseconds: a move must come after
                // the placement it replaces, even when both were decided within one millisecond.
                var placedAt = DateTimeOffset.Parse(reader.GetString(2), CultureInfo.InvariantCulture);
                if (placedAt.ToUnixTimeMilliseconds() >= movedAt.ToUnixTimeMilliseconds())
                {
                    movedAt = DateTimeOffset.FromUnixTimeMilliseconds(placedAt.ToUnixTimeMilliseconds() + 1);
                }
            }
        }
        var updated = movedAt.ToString("O", CultureInfo.InvariantCulture);
        foreach (var (articleId, features) in members)
        {
            Command(
                """
                UPDATE dedup_articles SET story_id = @into, version = @version, features_json = @features, updated_at = @updated, merged_by = @by
                WHERE article_id = @id
                """)
                .With("@id", articleId).With("@into", into).With("@version", ++version).With("@updated", updated).With("@by", mergedBy)
                .With("@features", JsonSerializer.Serialize(features.Where(f => f.Name != merged.Name).Append(merged), Json))
                .ExecuteNonQuery();
        }
        // A story's span covers its dated members only: a bound of either story may be NULL.
        Command(
            """
            UPDATE dedup_stories SET version = @version, member_count = @members, first_time = @first, last_time = @last WHERE story_id = @into;
            DELETE FROM dedup_stories WHERE story_id = @from;
            UPDATE dedup_counters SET value = value - 1 WHERE name = @stories
            """)
            .With("@from", from).With("@into", into).With("@version", version).With("@members", intoMembers + fromMembers)
            .With("@first", Bound(intoFirst, fromFirst, Math.Min)).With("@last", Bound(intoLast, fromLast, Math.Max))
            .With("@stories", StoryStoreSql.StoryCounter).ExecuteNonQuery();

        if (_storiesSeen > 0)
        {
            _storiesSeen--;
        }
        _profiles.Remove(from);
        _profiles.Remove(into);
        _entityStories.Follow([], entitiesShared.Concat(entitiesDropped));
        _termStories.Follow([], termsShared.Concat(termsDropped));
        var moved = members.Select(m => m.ArticleId).ToHashSet(StringComparer.Ordinal);
        return [.. FindMoves(mergedBy).Where(m => moved.Contains(m.Article.Article.ArticleId))];
    }

    private (long Version, long Active, long Members, long? FirstTime, long? LastTime) ReadStoryRow(string storyId)
    {
        using var reader = Command("SELECT version, active, member_count, first_time, last_time FROM dedup_stories WHERE story_id = @id").With("@id", storyId).ExecuteReader();
        if (!reader.Read())
        {
            throw new InvalidOperationException($"Story {storyId} is not in {Description}, though a decision read it; its articles are decided again.");
        }
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.IsDBNull(3) ? null : reader.GetInt64(3), reader.IsDBNull(4) ? null : reader.GetInt64(4));
    }

    private static long? Bound(long? one, long? other, Func<long, long, long> pick) =>
        one is { } a && other is { } b ? pick(a, b) : one ?? other;

    /// <summary>An entity or term in both stories' profiles counts one story less: the two become one.</summary>
    private static string UncountShared(string counts, string profile, string key) =>
        $"""
        UPDATE {counts} SET stories = stories - 1 WHERE {key} IN (
          SELECT f.{key} FROM {profile} f JOIN {profile} t ON t.{key} = f.{key} AND t.story_id = @into
          WHERE f.story_id = @from)
        RETURNING {key}
        """;

    private static readonly string UncountSharedEntities = UncountShared("dedup_entity_stats", "dedup_story_entities", "entity_id");

    private static readonly string UncountSharedTerms = UncountShared("dedup_term_stories", "dedup_story_terms", "term");

    private const string MoveStoryEntities =
        """
        INSERT INTO dedup_story_entities (entity_id, story_id, name, members, weight, active, type)
        SELECT entity_id, @into, name, members, weight, @active, type FROM dedup_story_entities WHERE story_id = @from
        ON CONFLICT (entity_id, story_id) DO UPDATE SET members = dedup_story_entities.members + excluded.members,
          weight = dedup_story_entities.weight + excluded.weight,
          type = CASE WHEN dedup_story_entities.type = 0 THEN excluded.type ELSE dedup_story_entities.type END
        """;

    private const string MoveStoryTerms =
        """
        INSERT INTO dedup_story_terms (term, story_id, weight)
        SELECT term, @into, weight FROM dedup_story_terms WHERE story_id = @from
        ON CONFLICT (term, story_id) DO UPDATE SET weight = dedup_story_terms.weight + excluded.weight
        """;


    /// <summary>Every stored article's story and MinHash signature, in the order they were placed.</summary>
    internal IEnumerable<(string ArticleId, string StoryId, byte[] MinHash)> ReadSignatures()
    {
        var command = Command(_sql.Signatures);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return (reader.GetString(0), reader.GetString(1), (byte[])reader.GetValue(2));
        }
    }

    /// <summary>Replaces an article's signature, computed again for the current options.</summary>
    internal void SaveSignature(string articleId, MinHashSignature signature)
    {
        var command = Command("UPDATE dedup_articles SET minhash = @minhash WHERE article_id = @id");
        command.With("@id", articleId);
        command.With("@minhash", signature.ToBytes());
        command.ExecuteNonQuery();
    }

    internal long CountArticles() => _articlesSeen >= 0 ? _articlesSeen : Counter(StoryStoreSql.ArticleCounter);

    internal long CountStories() => _storiesSeen >= 0 ? _storiesSeen : Counter(StoryStoreSql.StoryCounter);

    internal long LastDecidedSequence() => Counter(StoryStoreSql.SequenceCounter);

    /// <summary>
    /// Reads the counts of the terms and entities that the caches lack, one statement for each kind: read one
    /// key at a time, they cost a round trip each, which on PostgreSQL made most of an article's time.
    /// </summary>
    internal void PrefetchCounts(IEnumerable<string> terms, IEnumerable<string> entityIds)
    {
        Prefetch(_termStories, _sql.TermCounts, terms);
        Prefetch(_entityStories, _sql.EntityCounts, entityIds);
    }

    private void Prefetch(FrequencyCache cache, string sql, IEnumerable<string> keys)
    {
        var counts = keys.Where(key => !cache.Contains(key)).Distinct(StringComparer.Ordinal).ToDictionary(key => key, _ => 0, StringComparer.Ordinal);
        if (counts.Count == 0)
        {
            return;
        }
        var command = Command(sql);
        command.With("@keys", JsonSerializer.Serialize(counts.Keys, Json));
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                counts[reader.GetString(0)] = Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture);
            }
        }
        cache.Fill(counts);
    }

    /// <summary>In how many stories' profiles the term occurs (0 for a term never seen).</summary>
    internal int TermStoryCount(string term) => _termStories.Get(term);

    /// <summary>In how many stories' profiles the entity occurs (0 for an entity never seen).</summary>
    internal int EntityStoryCount(string entityId) => _entityStories.Get(entityId);

    /// <summary>
    /// For each entity, the most recently joined stories mentioning it: those whose dated members overlap the
    /// window, and those with no dated member; every one of them when there is no window (an undated article).
    /// </summary>
    internal Dictionary<string, List<string>> StoriesWithEntities(IEnumerable<string> entityIds, (DateTimeOffset From, DateTimeOffset To)? window, int limit) =>
        StoriesByKeys(
            """
            SELECT se.story_id FROM dedup_story_entities se JOIN dedup_stories s ON s.story_id = se.story_id
            WHERE se.entity_id = {key} AND (@from IS NULL OR s.last_time IS NULL OR (s.last_time >= @from AND s.first_time <= @to))
            ORDER BY se.active DESC, se.story_id LIMIT @limit
            """,
            entityIds, window, limit);

    /// <summary>The same as <see cref="StoriesWithEntities"/> for stories whose title-and-lead terms include each term.</summary>
    internal Dictionary<string, List<string>> StoriesWithTerms(IEnumerable<string> terms, (DateTimeOffset From, DateTimeOffset To)? window, int limit) =>
        StoriesByKeys(
            """
            SELECT st.story_id FROM dedup_story_terms st JOIN dedup_stories s ON s.story_id = st.story_id
            WHERE st.term = {key} AND (@from IS NULL OR s.last_time IS NULL OR (s.last_time >= @from AND s.first_time <= @to))
            ORDER BY s.active DESC, st.story_id LIMIT @limit
            """,
            terms, window, limit);

    internal StoryProfile LoadStory(string storyId, int maxMembers)
    {
        if (_profiles.Find(storyId, maxMembers) is { } cached)
        {
            return cached;
        }
        DateTimeOffset? firstTime = null, lastTime = null;
        long memberCount = 0;
        var entityWeights = new Dictionary<string, double>(StringComparer.Ordinal);
        var entityNames = new Dictionary<string, string>(StringComparer.Ordinal);
        var entityTypes = new Dictionary<string, EntityType>(StringComparer.Ordinal);
        var termWeights = new Dictionary<string, double>(StringComparer.Ordinal);
        var members = new List<(long Version, MemberLead Lead)>();
        var memberTimes = new List<DateTimeOffset>();
        using (var reader = Command(StoryProfileParts).With("@id", storyId).With("@limit", maxMembers).ExecuteReader())
        {
            while (reader.Read())
            {
                switch (Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture))
                {
                    case 0:
                        firstTime = reader.IsDBNull(9) ? null : DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64(9));
                        lastTime = reader.IsDBNull(10) ? null : DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64(10));
                        memberCount = reader.GetInt64(8);
                        break;
                    case 1:
                        entityWeights[reader.GetString(1)] = reader.GetDouble(2);
                        entityNames[reader.GetString(1)] = reader.GetString(3);
                        entityTypes[reader.GetString(1)] = (EntityType)reader.GetInt32(5);
                        break;
                    case 2:
                        termWeights[reader.GetString(1)] = reader.GetDouble(2);
                        break;
                    default:
                        if (!reader.IsDBNull(9))
                        {
                            memberTimes.Add(DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64(9)));
                        }
                        members.Add((reader.GetInt64(8), new MemberLead(
                            reader.GetString(1),
                            reader.IsDBNull(4) ? null : reader.GetString(4),
                            (EventAction)reader.GetInt32(5),
                            reader.IsDBNull(6) ? null : reader.GetString(6),
                            reader.IsDBNull(7) ? null : DateOnly.FromDayNumber(reader.GetInt32(7)),
                            reader.IsDBNull(11) ? null : (DayOfWeek)reader.GetInt32(11))));
                        break;
                }
            }
        }
        var profile = new StoryProfile(
            storyId, memberCount, firstTime, lastTime, entityWeights, entityNames, entityTypes, termWeights, [.. members.OrderByDescending(m => m.Version).Select(m => m.Lead)], memberTimes);
        _profiles.Add(profile, maxMembers);
        PrefetchCounts(profile.TermWeights.Keys, profile.EntityWeights.Keys);
        return profile;
    }

    /// <summary>
    /// A story's profile in one statement (one round trip on PostgreSQL instead of four), a row per part: 0, the span
    /// of its members' times and their count (in the version's column); 1, an entity with its weight, name and type (in the action's column); 2, a term with its weight; 3, one of the last
    /// @limit members with its lead event, version, time and the day of the week its opening names. SQLite and PostgreSQL both read it.
    /// </summary>
    private const string StoryProfileParts =
        """
        SELECT 0 AS part, CAST(NULL AS text) AS key, CAST(NULL AS double precision) AS weight,
          CAST(NULL AS text) AS name, CAST(NULL AS text) AS actor_id, CAST(NULL AS integer) AS action, CAST(NULL AS text) AS target_id,
          CAST(NULL AS integer) AS lead_date, CAST(member_count AS bigint) AS version, CAST(first_time AS bigint) AS time_from, CAST(last_time AS bigint) AS time_to,
          CAST(NULL AS integer) AS lead_weekday
        FROM dedup_stories WHERE story_id = @id
        UNION ALL
        SELECT 1, entity_id, weight, name, NULL, type, NULL, NULL, NULL, NULL, NULL, NULL FROM dedup_story_entities WHERE story_id = @id
        UNION ALL
        SELECT 2, term, weight, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM dedup_story_terms WHERE story_id = @id
        UNION ALL
        SELECT 3, article_id, NULL, NULL, actor_id, action, target_id, lead_date, version, event_time, NULL, lead_weekday
        FROM (SELECT article_id, actor_id, action, target_id, lead_date, version, event_time, lead_weekday FROM dedup_articles
              WHERE story_id = @id ORDER BY version DESC LIMIT @limit) recent
        """;

    /// <summary>Title-and-lead term counts and entity ids of the given members, for choosing the best-matching one.</summary>
    internal Dictionary<string, (Dictionary<string, int> Terms, List<string> EntityIds)> LoadMemberContent(IEnumerable<string> articleIds)
    {
        var content = new Dictionary<string, (Dictionary<string, int>, List<string>)>(StringComparer.Ordinal);
        var command = Command(_sql.MemberContent);
        command.With("@ids", JsonSerializer.Serialize(articleIds, Json));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            content[reader.GetString(0)] = (
                JsonSerializer.Deserialize<Dictionary<string, int>>(reader.GetString(1), Json) ?? [],
                JsonSerializer.Deserialize<List<string>>(reader.GetString(2), Json) ?? []);
        }
        return content;
    }

    /// <summary>Records the article in its story and in every index, in the open transaction; returns the story's new version.</summary>
    internal long Save(ArticleProfile profile, string storyId, JoinReason.Types.Kind kind, string? matchedArticleId, double score, IReadOnlyList<StoryMatchFeature> features, DateTimeOffset updatedAt)
    {
        _transaction ??= Connection().BeginTransaction();
        var newStory = kind == JoinReason.Types.Kind.FirstArticle;
        var saved = _sql.Save(Command, new PlacedArticle(
            profile.ArticleId,
            storyId,
            newStory,
            (int)kind,
            matchedArticleId,
            score,
            JsonSerializer.Serialize(features, Json),
            updatedAt.ToString("O", CultureInfo.InvariantCulture),
            profile.ArticleJson,
            profile.EventTime?.ToUnixTimeSeconds(),
            profile.Lead.ActorId,
            (int)profile.Lead.Action,
            profile.Lead.TargetId,
            profile.Lead.Date?.DayNumber,
            (int?)profile.Lead.Weekday,
            profile.TermCountsJson,
            profile.EntityIdsJson,
            profile.Signature.ToBytes(),
            profile.StoryEntitiesJson,
            profile.StoryTermsJson,
            profile.Article.Article.Sequence));

        // The caches follow the open transaction; a failure empties them (Reset), as it rolls the transaction back.
        _articlesSeen = saved.Active;
        if (newStory && _storiesSeen >= 0)
        {
            _storiesSeen++;
        }
        _profiles.Remove(storyId);
        _termStories.Follow(saved.TermsAdded, saved.TermsDropped);
        _entityStories.Follow(saved.EntitiesAdded, saved.EntitiesDropped);
        return saved.Version;
    }

    /// <summary>Makes every article saved since the last commit durable.</summary>
    internal void Commit()
    {
        if (_transaction is null)
        {
            return;
        }
        _transaction.Commit();
        _transaction.Dispose();
        _transaction = null;
    }

    private long Counter(string name)
    {
        var command = Command("SELECT value FROM dedup_counters WHERE name = @name");
        command.With("@name", name);
        return Convert.ToInt64(command.ExecuteScalar() ?? 0L, CultureInfo.InvariantCulture);
    }

    private int Count(string sql, string key)
    {
        var command = Command(sql);
        command.With("@key", key);
        return Convert.ToInt32(command.ExecuteScalar() ?? 0, CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Runs <paramref name="sql"/>, a lookup of one key's stories ("{key}" where the key goes), for every key in
    /// one statement of at most <see cref="KeysPerLookup"/> lookups, each with its own LIMIT and index, instead
    /// of one round trip per key.
    /// </summary>
    private Dictionary<string, List<string>> StoriesByKeys(string sql, IEnumerable<string> keys, (DateTimeOffset From, DateTimeOffset To)? window, int limit)
    {
        var stories = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var chunk in keys.Distinct(StringComparer.Ordinal).Chunk(KeysPerLookup))
        {
            var command = Command(string.Join("\nUNION ALL\n", chunk.Select((_, i) => string.Create(CultureInfo.InvariantCulture,
                $"SELECT {i} AS key_index, story_id FROM ({sql.Replace("{key}", $"@k{i}", StringComparison.Ordinal)}) k{i}"))));
            foreach (var (i, key) in chunk.Index())
            {
                command.With(string.Create(CultureInfo.InvariantCulture, $"@k{i}"), key);
                stories[key] = [];
            }
            // Typed, so that PostgreSQL knows what "@from IS NULL" compares when there is no window.
            command.With("@from", window?.From.ToUnixTimeSeconds()).Parameters["@from"].DbType = DbType.Int64;
            command.With("@to", window?.To.ToUnixTimeSeconds()).Parameters["@to"].DbType = DbType.Int64;
            command.With("@limit", limit);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                stories[chunk[Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture)]].Add(reader.GetString(1));
            }
        }
        return stories;
    }

    /// <summary>
    /// The statement for the SQL, prepared once on this connection and reused with fresh parameters:
    /// preparing statements anew took a large share of each article's time. A caller never disposes it.
    /// It runs in the open transaction, if any, and so reads what the store's own uncommitted articles changed.
    /// </summary>
    private DbCommand Command(string sql) => (_commands ??= new PreparedCommands(Connection())).For(sql, _transaction);

    private DbConnection Connection()
    {
        if (_connection is not null)
        {
            return _connection;
        }
        var connection = _open();
        try
        {
            _sql.CreateSchema(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
        _connection = connection;
        return connection;
    }
}
