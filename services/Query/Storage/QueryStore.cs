using System.Text.Json;
using System.Data.Common;
using Newsroom.Contracts.Events;
using Newsroom.Contracts.V1;
using Newsroom.ServiceDefaults;

namespace Newsroom.Query;

/// <summary>
/// The read model, on SQLite or on PostgreSQL (<see cref="QueryStoreSql"/> has what they do differently):
/// stories with their member articles, entities with their aliases, lead events for timelines, each
/// article's pipeline status, and a full-text index over story text. Every write is idempotent and
/// tolerates reordering: a story's version and update time only move forward, an article's status
/// stage only moves forward, and an article that a later event places in another story leaves its old
/// one. On PostgreSQL several replicas write at once; each write holds its article and stories until it
/// commits.
/// </summary>
public sealed partial class QueryStore : IDisposable
{
    /// <summary>Rows of one multi-row INSERT: a statement's parameters are bounded (SQLite: 32,766).</summary>
    private const int MaxRowsPerStatement = 1_000;

    // The article ids of a story's members that its search row is made of (@story, @members).
    private const string IndexedMembers =
        "SELECT article_id FROM story_articles WHERE story_id = @story ORDER BY story_version, article_id LIMIT @members";

    private readonly Func<DbConnection> _open;
    private readonly QueryStoreSql _sql;
    private readonly PipelineMetrics? _metrics;

    /// <summary>
    /// Writes a group may hold before it commits however many wait: enough to spread a commit (on SQLite, FTS5
    /// writes its pending terms as a new segment at every commit) over a backlog, few enough that no write waits long.
    /// </summary>
    public const int MaxGroupWrites = 64;

    /// <summary>How long a write waits for its group's commit before committing the group itself.</summary>
    private static readonly TimeSpan CommitWait = TimeSpan.FromSeconds(1);

    // One writer at a time where the database has one (SQLite): each write reads then changes several tables.
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    /// <summary>Writers waiting for <see cref="_writeGate"/>: while there are any, a write leaves its group open for them.</summary>
    private int _waitingWriters;

    /// <summary>
    /// Where writes are serial (SQLite), the connection they all use, kept with its compiled statements: opening a
    /// connection and compiling the statements again cost a write about a third of its time. Null until the first
    /// write, and after a group failed (the next write opens a fresh connection).
    /// </summary>
    private ReadModelConnection? _writer;

    /// <summary>Completed when the open group's writes are committed; null while no group is open.</summary>
    private TaskCompletionSource? _group;

    private int _groupWrites;

    /// <summary>Counts of search words, where the database ranks with them (<see cref="QueryStoreSql.WordStoryCount"/>).</summary>
    private readonly SearchWordCounts _wordCounts = new();

    /// <param name="metrics">Where to report how many writes each commit made durable (<see cref="PipelineMetrics.IndexCommitted"/>).</param>
    public QueryStore(SqliteDatabase database, PipelineMetrics? metrics = null)
        : this(() => SqliteQueryStoreSql.Open(database), new SqliteQueryStoreSql(), database?.Description ?? throw new ArgumentNullException(nameof(database)))
    {
        _metrics = metrics;
    }

    public QueryStore(PostgresDatabase database)
        : this(() => database.Open(), new PostgresQueryStoreSql(), database?.Description ?? throw new ArgumentNullException(nameof(database)))
    {
    }

    private QueryStore(Func<DbConnection> open, QueryStoreSql sql, string description)
    {
        _open = open;
        _sql = sql;
        Description = description;
        using var connection = open();
        sql.CreateSchema(connection);
    }

    public string Description { get; }

    /// <summary>
    /// True when other replicas write the same database (PostgreSQL): story changes reach this replica's
    /// watchers through <see cref="StoryChangeListener"/>, whoever indexed them.
    /// </summary>
    public bool IsShared => !_sql.SerialWrites;

    /// <summary>
    /// Records that ingest accepted an article: stage INGESTED unless it is already further, and the
    /// id of the trace that follows it through the pipeline (empty when untraced; the first one stays).
    /// </summary>
    public Task RecordIngestedAsync(ArticleIngested article, string traceId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(article);
        return WriteStatusAsync(new ArticleStatusChange(article, PipelineStage.Ingested, TraceId: traceId), cancellationToken);
    }

    /// <summary>Records that extraction finished an article: stage EXTRACTED unless it is already further.</summary>
    public Task RecordExtractedAsync(ArticleExtracted extracted, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(extracted);
        return WriteStatusAsync(new ArticleStatusChange(extracted.Article, PipelineStage.Extracted, extracted.ExtractedAt), cancellationToken);
    }

    /// <summary>
    /// Makes the event's article searchable as a member of its story, with its entities and lead
    /// event, and marks it INDEXED, committed before this returns. A story's version and update time change
    /// only for a newer version; the article row is upserted whatever the version, so a redelivered or older
    /// event is harmless and a late one still adds its article. An article already placed in another
    /// story by a later event (by <see cref="StoryUpdated.UpdatedAt"/>) stays there.
    /// </summary>
    public StoryIndexOutcome IndexStory(StoryUpdated update, DateTimeOffset indexedAt) =>
        IndexStoryAsync(update, indexedAt).GetAwaiter().GetResult();

    /// <summary>
    /// <see cref="IndexStory(StoryUpdated, DateTimeOffset)"/> for a consumer among others: on SQLite the write may
    /// share its commit with the writes that wait behind it, and the task completes once that commit is done.
    /// </summary>
    public Task<StoryIndexOutcome> IndexStoryAsync(StoryUpdated update, DateTimeOffset indexedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        return WriteAsync(db => Index(db, update, indexedAt), inTransaction: true, cancellationToken);
    }

    private StoryIndexOutcome Index(ReadModelConnection db, StoryUpdated update, DateTimeOffset indexedAt)
    {
        var outcome = IndexStory(db, update, indexedAt);
        _wordCounts.RecordWrite();
        return outcome;
    }

    /// <summary>Stories indexed since the store opened; the search index changes with each.</summary>
    public long IndexWrites => _wordCounts.Writes;

    /// <summary>True where the search index is kept as segments that <see cref="MergeSearchSegmentsAsync"/> merges (SQLite).</summary>
    public bool MergesSearchSegments => _sql.MergeSearchSegments is not null;

    /// <summary>
    /// One step of merging the search index's segments, at most <paramref name="pages"/> pages of work, as a write that
    /// takes its turn with the others. False when no level had segments left to merge, or where there are no segments.
    /// </summary>
    public Task<bool> MergeSearchSegmentsAsync(int pages, CancellationToken cancellationToken = default)
    {
        if (_sql.MergeSearchSegments is not { } merge)
        {
            return Task.FromResult(false);
        }

        return WriteAsync(
            db =>
            {
                var before = TotalChanges(db);
                using (var command = db.Command(merge))
                {
                    command.With("@pages", pages).ExecuteNonQuery();
                }

                // FTS5 counts a change for each page it writes: fewer than two, and there was nothing to merge.
                return TotalChanges(db) - before >= 2;
            },
            inTransaction: true,
            cancellationToken);
    }

    /// <summary>How many segments the search index has; 0 where it keeps none.</summary>
    public long CountSearchSegments(CancellationToken cancellationToken = default) =>
        _sql.CountSearchSegments is { } count ? Read(db => Count(db, count), cancellationToken) : 0;

    private static long TotalChanges(ReadModelConnection db) => Count(db, "SELECT total_changes()");

    private static long Count(ReadModelConnection db, string sql)
    {
        using var command = db.Command(sql);
        return command.ExecuteInt64();
    }

    /// <summary>
    /// Runs a write. On PostgreSQL, replicas write at once, each write in a transaction of its own. On SQLite writes
    /// take turns on one connection, and a turn that others wait behind leaves the transaction open for them, so a
    /// backlog shares one commit among up to <see cref="MaxGroupWrites"/> writes. Each write has a savepoint of its
    /// own: one that fails is undone alone, and only a failed commit fails the others.
    /// </summary>
    private async Task<T> WriteAsync<T>(Func<ReadModelConnection, T> write, bool inTransaction, CancellationToken cancellationToken)
    {
        if (!_sql.SerialWrites)
        {
            return WriteAlone(write, inTransaction);
        }

        Interlocked.Increment(ref _waitingWriters);
        try
        {
            await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _waitingWriters);
        }

        (T Result, Task Committed) written;
        try
        {
            written = WriteInGroup(write);
        }
        finally
        {
            _writeGate.Release();
        }

        await WhenCommittedAsync(written.Committed, cancellationToken).ConfigureAwait(false);
        return written.Result;
    }

    private T WriteAlone<T>(Func<ReadModelConnection, T> write, bool inTransaction)
    {
        using var db = new ReadModelConnection(_open(), _sql);
        if (inTransaction)
        {
            db.BeginTransaction();
        }

        var result = write(db);
        db.Commit();
        return result;
    }

    /// <summary>The write in the open group (opening one); commits the group when no writer waits, or when it is full. Holds the gate.</summary>
    private (T Result, Task Committed) WriteInGroup<T>(Func<ReadModelConnection, T> write)
    {
        T result;
        try
        {
            _writer ??= new ReadModelConnection(_open(), _sql);
            if (_group is null)
            {
                _writer.BeginTransaction();
                _group = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            _writer.Save();
        }
        catch (Exception error)
        {
            FailGroup(error);
            throw;
        }

        try
        {
            result = write(_writer);
            _writer.Release();
        }
        catch (Exception error)
        {
            UndoWrite(error);
            if (_group is not null && MayCommit())
            {
                try
                {
                    // The writes before this one wait for the commit this turn owes them.
                    CommitGroup();
                }
                catch (Exception)
                {
                    // They fail with the commit's error (CommitGroup saw to it); this write fails with its own.
                }
            }

            throw;
        }

        var committed = _group.Task;
        _groupWrites++;
        if (MayCommit())
        {
            CommitGroup();
        }

        return (result, committed);
    }

    /// <summary>Whether this turn commits the group: when no writer waits for its turn, or when the group is full.</summary>
    private bool MayCommit() => Volatile.Read(ref _waitingWriters) == 0 || _groupWrites >= MaxGroupWrites;

    /// <summary>Rolls back to the failed write's savepoint, so the group keeps the others; fails the group when even that fails.</summary>
    private void UndoWrite(Exception error)
    {
        try
        {
            _writer!.RollbackToSave();
            _sql.WriteRolledBack();
        }
        catch (Exception undo)
        {
            FailGroup(new AggregateException(error, undo));
        }
    }

    private void CommitGroup()
    {
        try
        {
            _writer!.Commit();
        }
        catch (Exception error)
        {
            FailGroup(error);
            throw;
        }

        _group?.TrySetResult();
        _metrics?.IndexCommitted(_groupWrites);
        _group = null;
        _groupWrites = 0;
    }

    /// <summary>
    /// Whatever failed (the disk, most likely), the open transaction is rolled back with its connection, the writes
    /// in it fail with the error (their messages are retried), and the next write starts from a fresh connection.
    /// </summary>
    private void FailGroup(Exception error)
    {
        _writer?.Dispose();
        _writer = null;
        _sql.WriteRolledBack();
        _group?.TrySetException(error);
        _group = null;
        _groupWrites = 0;
    }

    /// <summary>
    /// Waits for the group's commit; should the writer it was left open for never come (its delivery was cancelled
    /// while it waited), commits the group itself after <see cref="CommitWait"/>.
    /// </summary>
    private async Task WhenCommittedAsync(Task committed, CancellationToken cancellationToken)
    {
        try
        {
            await committed.WaitAsync(CommitWait, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (_group?.Task == committed)
                {
                    CommitGroup();
                }
            }
            finally
            {
                _writeGate.Release();
            }

            await committed.ConfigureAwait(false);
        }
    }

    /// <summary>Commits an open group and closes the connection kept for writes; a later write opens another.</summary>
    public void Dispose()
    {
        _writeGate.Wait();
        try
        {
            if (_group is not null)
            {
                CommitGroup();
            }
        }
        finally
        {
            _writer?.Dispose();
            _writer = null;
            _writeGate.Release();
        }
    }

    /// <summary>One statement: on PostgreSQL it needs no transaction of its own (a round trip less).</summary>
    private Task<bool> WriteStatusAsync(ArticleStatusChange change, CancellationToken cancellationToken) =>
        WriteAsync(db =>
        {
            ApplyStatus(db, change);
            return true;
        }, inTransaction: false, cancellationToken);

    private static StoryIndexOutcome IndexStory(ReadModelConnection db, StoryUpdated update, DateTimeOffset indexedAt)
    {
        var article = update.Article.Article;
        var placedAt = UnixTime.ToMillis(update.UpdatedAt);
        db.Sql.Lock(db, ["article:" + article.ArticleId]);

        string? currentStory = null;
        long currentPlacedAt = 0;
        using (var reader = db.Prepared("SELECT story_id, placed_at FROM story_articles WHERE article_id = @article")
                   .With("@article", article.ArticleId).ExecuteReader())
        {
            if (reader.Read())
            {
                currentStory = reader.GetString(0);
                currentPlacedAt = reader.GetInt64(1);
            }
        }

        var moves = currentStory is not null && currentStory != update.StoryId;
        if (moves && currentPlacedAt >= placedAt)
        {
            return StoryIndexOutcome.Superseded;
        }

        db.Sql.Lock(db, currentStory is null ? ["story:" + update.StoryId] : ["story:" + update.StoryId, "story:" + currentStory]);

        var storedVersion = (long?)db.Prepared("SELECT version FROM stories WHERE story_id = @story")
            .With("@story", update.StoryId).ExecuteScalar();
        if (storedVersion is null)
        {
            // A story id is new: one that was merged away would no longer lead to the story it went into.
            db.Prepared("""
                INSERT INTO stories (story_id, version, last_updated) VALUES (@story, @version, @updated);
                DELETE FROM story_redirects WHERE story_id = @story
                """).With("@story", update.StoryId).With("@version", update.Version).With("@updated", placedAt).ExecuteNonQuery();
        }
        else if (update.Version > storedVersion)
        {
            db.Prepared("UPDATE stories SET version = @version, last_updated = @updated WHERE story_id = @story")
                .With("@story", update.StoryId).With("@version", update.Version).With("@updated", placedAt).ExecuteNonQuery();
        }

        UpsertArticle(db, update, placedAt);
        ReplaceMentions(db, update.Article);
        ReplaceLeadEvent(db, update.StoryId, update.Article);
        if (moves)
        {
            RefreshStory(db, currentStory!, changedMember: null, movedTo: update.StoryId);
        }

        RefreshStory(db, update.StoryId, article.ArticleId, movedTo: null);
        ApplyStatus(db, new ArticleStatusChange(
            article, PipelineStage.Indexed, update.Article.ExtractedAt, update.UpdatedAt, indexedAt, update.StoryId, MovesStory: true));

        var outcome = storedVersion is null
            ? StoryIndexOutcome.Created
            : update.Version > storedVersion || currentStory != update.StoryId
                ? StoryIndexOutcome.Updated
                : StoryIndexOutcome.Unchanged;
        if (StoryChange.Of(outcome, update.StoryId, article.ArticleId) is { } change)
        {
            db.Sql.AnnounceStoryChange(db, change);
        }

        return outcome;
    }

    private static void UpsertArticle(ReadModelConnection db, StoryUpdated update, long placedAt)
    {
        var article = update.Article.Article;
        // Bounded on the way in: the search row, highlights and snippets are built from these columns.
        var text = IndexLimits.Truncate(article.Text, IndexLimits.MaxTextLength);
        db.Prepared("""
            INSERT INTO story_articles (article_id, story_id, story_version, placed_at, url, title, source, published, lead, text,
                                        join_kind, matched_article_id, join_score, join_features)
            VALUES (@article, @story, @version, @placed, @url, @title, @source, @published, @lead, @text, @kind, @matched, @score, @features)
            ON CONFLICT (article_id) DO UPDATE SET
                story_id = excluded.story_id, story_version = excluded.story_version, placed_at = excluded.placed_at,
                url = excluded.url, title = excluded.title, source = excluded.source, published = excluded.published,
                lead = excluded.lead, text = excluded.text, join_kind = excluded.join_kind,
                matched_article_id = excluded.matched_article_id, join_score = excluded.join_score, join_features = excluded.join_features
            """)
            .With("@article", article.ArticleId)
            .With("@story", update.StoryId)
            .With("@version", update.Version)
            .With("@placed", placedAt)
            .With("@url", IndexLimits.Truncate(article.Url, IndexLimits.MaxFieldLength))
            .With("@title", IndexLimits.Truncate(article.Title, IndexLimits.MaxTitleLength))
            .With("@source", IndexLimits.Truncate(article.Source, IndexLimits.MaxFieldLength))
            .With("@published", UnixTime.ToMillis(article.Published))
            .With("@lead", IndexLimits.Truncate(LeadParagraph.Of(text), IndexLimits.MaxLeadLength))
            .With("@text", text)
            .With("@kind", (int)update.JoinKind)
            .With("@matched", update.MatchedArticleId)
            .With("@score", update.Score)
            .With("@features", JsonSerializer.Serialize(update.Features))
            .ExecuteNonQuery();
    }

    /// <summary>
    /// Replaces the article's mentions and its say in each entity's name, and settles the name and type of
    /// every entity it mentions or mentioned, in two commands however many entities. An entity's name and
    /// type are the ones most of its mentions over all indexed articles carry, ties going to the first in
    /// ordinal order: a function of the indexed articles, not of their order, so a name does not flip with
    /// each article that spells it its own way. An entity no article mentions any more keeps what it had. The
    /// mentions are counted by name and type as they come and go (entity_name_counts), so the cost of an article
    /// does not grow with the number of articles that mention its entities.
    /// </summary>
    private static void ReplaceMentions(ReadModelConnection db, ArticleExtracted extracted)
    {
        var articleId = extracted.Article.ArticleId;
        var touched = new SortedSet<string>(StringComparer.Ordinal);
        using (var reader = db.Prepared(ForgetMentions).With("@article", articleId).ExecuteReader())
        {
            // The entity ids come from the one statement that returns rows, whichever result that is.
            do
            {
                while (reader.Read())
                {
                    touched.Add(reader.GetString(0));
                }
            }
            while (reader.NextResult());
        }

        var entities = extracted.Entities.Where(m => m.CanonicalId.Length > 0 && m.Text.Length > 0).GroupBy(m => m.CanonicalId, StringComparer.Ordinal).ToList();
        touched.UnionWith(entities.Select(e => e.Key));
        if (touched.Count == 0)
        {
            return;
        }

        using var write = db.Command("");
        var sql = new System.Text.StringBuilder();
        // At most MaxRowsPerStatement rows a statement: the databases bound the parameters of one.
        foreach (var (i, chunk) in entities.Chunk(MaxRowsPerStatement).Index())
        {
            var names = write.Rows($"n{i}_", chunk.Select(entity =>
            {
                var named = entity.GroupBy(m => (Name: m.CanonicalName.Length > 0 ? m.CanonicalName : m.Text, m.Type)).OrderByDescending(g => g.Count()).First();
                return new object?[] { entity.Key, articleId, named.Key.Name, (int)named.Key.Type, entity.Count() };
            }));
            sql.Append($"INSERT INTO entity_names (entity_id, article_id, canonical_name, type, mention_count) VALUES {names};\n");
        }

        if (entities.Count > 0)
        {
            write.With("@article", articleId);
            sql.Append(CountNames).Append(";\n");
        }

        var aliasRows = entities.SelectMany(entity => entity.GroupBy(m => m.Text, StringComparer.Ordinal)
            .Select(alias => new object?[] { articleId, entity.Key, alias.Key, alias.Count() }));
        foreach (var (i, chunk) in aliasRows.Chunk(MaxRowsPerStatement).Index())
        {
            sql.Append($"INSERT INTO mentions (article_id, entity_id, alias, mention_count) VALUES {write.Rows($"m{i}_", chunk)};\n");
        }

        // Entities are settled in one order in every writer: each statement takes their rows one by one.
        foreach (var (i, chunk) in touched.Chunk(MaxRowsPerStatement).Index())
        {
            var settled = write.Rows($"t{i}_", chunk.Select(id => new object?[] { id }));
            sql.Append($"""
            WITH touched (entity_id) AS (VALUES {settled})
            INSERT INTO entities (entity_id, canonical_name, type)
            SELECT t.entity_id,
                   (SELECT canonical_name FROM entity_name_counts WHERE entity_id = t.entity_id
                    GROUP BY canonical_name HAVING SUM(mention_count) > 0 ORDER BY SUM(mention_count) DESC, canonical_name LIMIT 1),
                   (SELECT type FROM entity_name_counts WHERE entity_id = t.entity_id
                    GROUP BY type HAVING SUM(mention_count) > 0 ORDER BY SUM(mention_count) DESC, type LIMIT 1)
            FROM touched t
            WHERE EXISTS (SELECT 1 FROM entity_name_counts WHERE entity_id = t.entity_id AND mention_count > 0)
            ORDER BY t.entity_id
            ON CONFLICT (entity_id) DO UPDATE SET canonical_name = excluded.canonical_name, type = excluded.type;

            """);
        }

        write.CommandText = sql.ToString();
        write.ExecuteNonQuery();
    }

    /// <summary>Adds the article's names of its entities to the totals (<see cref="NameCounts"/>).</summary>
    private static readonly string CountNames = NameCounts(sign: "");

    /// <summary>Takes the article's names out of the totals, then its mentions; returns the entity ids it named.</summary>
    private static readonly string ForgetMentions = $"""
        {NameCounts(sign: "-")};
        DELETE FROM entity_names WHERE article_id = @article RETURNING entity_id;
        DELETE FROM mentions WHERE article_id = @article
        """;

    /// <summary>
    /// Adds the article's names of its entities (@article's rows of entity_names) to each entity's totals by name and
    /// type, or with <paramref name="sign"/> "-" takes them away, in one order in every writer. The totals let an
    /// entity's name be settled from a few rows however many articles mention it. Built once, at type load.
    /// </summary>
    private static string NameCounts(string sign) => $"""
        INSERT INTO entity_name_counts (entity_id, canonical_name, type, mention_count)
        SELECT entity_id, canonical_name, type, {sign}mention_count FROM entity_names WHERE article_id = @article
        ORDER BY entity_id, canonical_name, type
        ON CONFLICT (entity_id, canonical_name, type) DO UPDATE SET mention_count = entity_name_counts.mention_count + excluded.mention_count
        """;

    /// <summary>Replaces the article's lead event, in one statement batch.</summary>
    private static void ReplaceLeadEvent(ReadModelConnection db, string storyId, ArticleExtracted extracted)
    {
        var articleId = extracted.Article.ArticleId;
        using var write = db.Command("DELETE FROM events WHERE article_id = @article").With("@article", articleId);
        if (extracted.LeadEvent is { } lead)
        {
            // An event may name an entity that no mention resolved; keep it reachable by its own words.
            var participants = new[] { (lead.ActorEntityId, lead.ActorText), (lead.TargetEntityId, lead.TargetText) }
                .Where(p => !string.IsNullOrEmpty(p.Item1))
                .Select(p => new object?[] { p.Item1, string.IsNullOrEmpty(p.Item2) ? p.Item1 : p.Item2, 0 })
                .ToList();
            if (participants.Count > 0)
            {
                write.CommandText += $";\nINSERT INTO entities (entity_id, canonical_name, type) VALUES {write.Rows("p", participants)} ON CONFLICT (entity_id) DO NOTHING";
            }

            write.CommandText += """
                ;
                INSERT INTO events (article_id, story_id, actor_text, actor_entity_id, action, action_text, target_text, target_entity_id, event_date, event_date_ms)
                VALUES (@article, @story, @actor, @actor_id, @action, @action_text, @target, @target_id, @date, @date_ms)
                """;
            write.With("@story", storyId)
                .With("@actor", lead.ActorText)
                .With("@actor_id", string.IsNullOrEmpty(lead.ActorEntityId) ? null : lead.ActorEntityId)
                .With("@action", (int)lead.Action)
                .With("@action_text", lead.ActionText)
                .With("@target", lead.TargetText)
                .With("@target_id", string.IsNullOrEmpty(lead.TargetEntityId) ? null : lead.TargetEntityId)
                .With("@date", lead.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
                .With("@date_ms", lead.Date is { } date ? UnixTime.ToMillis(date) : null);
        }

        write.ExecuteNonQuery();
    }

    /// <summary>
    /// Recomputes a story's title, counts and lead event from its members, and its search row when
    /// <paramref name="changedMember"/> is one of the members the row is made of (null: any member may
    /// have changed, as when one left); removes a story left empty, whose id then leads to
    /// <paramref name="movedTo"/>, the story its last member moved to.
    /// </summary>
    private static void RefreshStory(ReadModelConnection db, string storyId, string? changedMember, string? movedTo)
    {
        long storyKey, articleCount;
        string title;
        // With the update, whether the changed member is one the search row is made of, and the row's title.
        bool memberIndexed;
        string? indexedTitle;
        using (var reader = db.Prepared($"""
            UPDATE stories SET
                article_count = (SELECT COUNT(*) FROM story_articles WHERE story_id = @story),
                title = COALESCE((SELECT title FROM story_articles WHERE story_id = @story AND title <> ''
                                  ORDER BY story_version, article_id LIMIT 1), ''),
                first_published = (SELECT MIN(published) FROM story_articles WHERE story_id = @story),
                lead_article_id = (SELECT a.article_id FROM story_articles a JOIN events e ON e.article_id = a.article_id
                                   WHERE a.story_id = @story ORDER BY a.story_version, a.article_id LIMIT 1),
                lead_action = COALESCE((SELECT e.action FROM story_articles a JOIN events e ON e.article_id = a.article_id
                                        WHERE a.story_id = @story ORDER BY a.story_version, a.article_id LIMIT 1), 0)
            WHERE story_id = @story
            RETURNING story_key, article_count, title;
            SELECT (SELECT COUNT(*) FROM ({IndexedMembers}) i WHERE i.article_id = @article),
                   (SELECT title FROM story_search WHERE rowid = (SELECT story_key FROM stories WHERE story_id = @story))
            """).With("@story", storyId).With("@members", IndexLimits.MaxIndexedMembers).With("@article", changedMember ?? "").ExecuteReader())
        {
            if (!reader.Read())
            {
                return;
            }

            storyKey = reader.GetInt64(0);
            articleCount = reader.GetInt64(1);
            title = reader.GetString(2);
            reader.NextResult();
            reader.Read();
            memberIndexed = reader.GetInt64(0) > 0;
            indexedTitle = reader.GetNullableString(1);
        }

        // Past IndexLimits.MaxIndexedMembers members this spares rewriting the row at every update: the
        // row already says all it would when the changed member is not one it is made of and the title is the same.
        if (changedMember is not null && articleCount > 0 && !memberIndexed && indexedTitle == title)
        {
            return;
        }

        if (articleCount == 0)
        {
            db.Prepared("DELETE FROM story_search WHERE rowid = @key; DELETE FROM stories WHERE story_key = @key").With("@key", storyKey).ExecuteNonQuery();
            if (movedTo is not null)
            {
                // Ids merged into this story follow it, so every redirect is one step to a story that exists.
                db.Prepared("""
                    UPDATE story_redirects SET merged_into = @into WHERE merged_into = @story;
                    INSERT INTO story_redirects (story_id, merged_into) VALUES (@story, @into)
                    ON CONFLICT (story_id) DO UPDATE SET merged_into = excluded.merged_into
                    """).With("@story", storyId).With("@into", movedTo).ExecuteNonQuery();
            }

            return;
        }

        WriteSearchRow(db, storyId, storyKey);
    }

    /// <summary>
    /// Writes the story's search row from its earliest <see cref="IndexLimits.MaxIndexedMembers"/>
    /// members, each column at most <see cref="IndexLimits.MaxSearchColumnLength"/> characters, so an
    /// update costs the same for a story of 40 articles and of 4,000, and so does a snippet.
    /// </summary>
    private static void WriteSearchRow(ReadModelConnection db, string storyId, long storyKey)
    {
        var memberTitles = new BoundedText(IndexLimits.MaxSearchColumnLength);
        var leads = new BoundedText(IndexLimits.MaxSearchColumnLength);
        var body = new BoundedText(IndexLimits.MaxSearchColumnLength);
        var leadEvents = new BoundedText(IndexLimits.MaxSearchColumnLength);
        var entityNames = new BoundedText(IndexLimits.MaxSearchColumnLength);
        using (var reader = db.Prepared($"""
                   SELECT a.title, a.lead, a.text FROM ({IndexedMembers}) i JOIN story_articles a ON a.article_id = i.article_id
                   ORDER BY a.story_version, a.article_id;
                   SELECT e.action, e.action_text, e.actor_text, e.target_text FROM ({IndexedMembers}) i
                   JOIN events e ON e.article_id = i.article_id ORDER BY e.article_id;
                   SELECT DISTINCT e.canonical_name, m.alias FROM ({IndexedMembers}) i
                   JOIN mentions m ON m.article_id = i.article_id JOIN entities e ON e.entity_id = m.entity_id
                   ORDER BY e.canonical_name, m.alias
                   """).With("@story", storyId).With("@members", IndexLimits.MaxIndexedMembers).ExecuteReader())
        {
            while (reader.Read())
            {
                memberTitles.AppendLine(reader.GetString(0));
                leads.AppendLine(reader.GetString(1));
                body.AppendLine(reader.GetString(2));
            }

            reader.NextResult();
            while (reader.Read())
            {
                var action = (EventAction)reader.GetInt32(0);
                // The action's class name ("suspend") is searchable too, whatever words the article used.
                if (action is not (EventAction.Unspecified or EventAction.Other))
                {
                    leadEvents.Append(action.ToString().ToLowerInvariant()).Append(" ");
                }

                leadEvents.AppendLine(reader.GetString(1));
                entityNames.AppendLine(reader.GetString(2)).AppendLine(reader.GetNullableString(3));
            }

            reader.NextResult();
            while (reader.Read())
            {
                entityNames.AppendLine(reader.GetString(0)).AppendLine(reader.GetString(1));
            }
        }

        db.Prepared(db.Sql.WriteSearchRow)
            .With("@key", storyKey)
            .With("@lead_event", leadEvents.ToString())
            .With("@entities", entityNames.ToString())
            .With("@member_titles", memberTitles.ToString())
            .With("@leads", leads.ToString())
            .With("@body", body.ToString())
            .ExecuteNonQuery();
        db.Sql.SearchRowWritten(db, storyKey);
    }

    private static void ApplyStatus(ReadModelConnection db, ArticleStatusChange change)
    {
        var article = change.Article;
        db.Prepared($"""
            INSERT INTO article_status AS s (article_id, stage, story_id, url, title, source, ingested_at, extracted_at, clustered_at, indexed_at, trace_id)
            VALUES (@article, @stage, @story, @url, @title, @source, @ingested, @extracted, @clustered, @indexed, @trace)
            ON CONFLICT (article_id) DO UPDATE SET
                stage = {db.Sql.Greatest}(s.stage, excluded.stage),
                story_id = CASE WHEN @moves AND excluded.story_id IS NOT NULL THEN excluded.story_id ELSE COALESCE(s.story_id, excluded.story_id) END,
                url = CASE WHEN s.url = '' THEN excluded.url ELSE s.url END,
                title = CASE WHEN s.title = '' THEN excluded.title ELSE s.title END,
                source = CASE WHEN s.source = '' THEN excluded.source ELSE s.source END,
                ingested_at = COALESCE(s.ingested_at, excluded.ingested_at),
                extracted_at = COALESCE(s.extracted_at, excluded.extracted_at),
                clustered_at = COALESCE(s.clustered_at, excluded.clustered_at),
                indexed_at = COALESCE(s.indexed_at, excluded.indexed_at),
                trace_id = CASE WHEN s.trace_id = '' THEN excluded.trace_id ELSE s.trace_id END
            """)
            .With("@article", article.ArticleId)
            .With("@stage", (int)change.Stage)
            .With("@story", change.StoryId)
            .With("@moves", change.MovesStory)
            .With("@url", IndexLimits.Truncate(article.Url, IndexLimits.MaxFieldLength))
            .With("@title", IndexLimits.Truncate(article.Title, IndexLimits.MaxTitleLength))
            .With("@source", IndexLimits.Truncate(article.Source, IndexLimits.MaxFieldLength))
            .With("@ingested", UnixTime.ToMillis(article.IngestedAt))
            .With("@extracted", UnixTime.ToMillis(change.ExtractedAt))
            .With("@clustered", UnixTime.ToMillis(change.ClusteredAt))
            .With("@indexed", UnixTime.ToMillis(change.IndexedAt))
            .With("@trace", change.TraceId)
            .ExecuteNonQuery();
    }
}
