using System.Text.Json;
using Microsoft.Data.Sqlite;
using Newsroom.Contracts.Events;
using Newsroom.Contracts.V1;
using Newsroom.ServiceDefaults;

namespace Newsroom.Query;

/// <summary>
/// The read model on SQLite: stories with their member articles, entities with their aliases,
/// lead events for timelines, each article's pipeline status, and an FTS5 index over story text.
/// Every write is idempotent and tolerates reordering: a story's version and update time only move
/// forward, an article's status stage only moves forward, and an article that a later event
/// places in another story leaves its old one.
/// </summary>
public sealed partial class QueryStore
{
    // The article ids of a story's members that its search row is made of ($story, $members).
    private const string IndexedMembers =
        "SELECT article_id FROM story_articles WHERE story_id = $story ORDER BY story_version, article_id LIMIT $members";

    private readonly SqliteDatabase _database;

    // One writer at a time: each write reads then changes several tables in one transaction.
    private readonly Lock _writeGate = new();

    public QueryStore(SqliteDatabase database)
    {
        _database = database;
        using var connection = _database.Open();
        connection.Command(QuerySchema.Ddl).ExecuteNonQuery();
        // An index from before tracing: its articles have no trace.
        SqliteDatabase.AddColumnIfMissing(connection, "article_status", "trace_id", "TEXT NOT NULL DEFAULT ''");
    }

    public string Description => _database.Description;

    /// <summary>
    /// Records that ingest accepted an article: stage INGESTED unless it is already further, and the
    /// id of the trace that follows it through the pipeline (empty when untraced; the first one stays).
    /// </summary>
    public void RecordIngested(ArticleIngested article, string traceId)
    {
        ArgumentNullException.ThrowIfNull(article);
        Write((connection, transaction) => ApplyStatus(connection, transaction, new ArticleStatusChange(article, PipelineStage.Ingested, TraceId: traceId)));
    }

    /// <summary>Records that extraction finished an article: stage EXTRACTED unless it is already further.</summary>
    public void RecordExtracted(ArticleExtracted extracted)
    {
        ArgumentNullException.ThrowIfNull(extracted);
        Write((connection, transaction) => ApplyStatus(
            connection, transaction, new ArticleStatusChange(extracted.Article, PipelineStage.Extracted, extracted.ExtractedAt)));
    }

    /// <summary>Records that dedup placed an article in a story: stage CLUSTERED unless it is already further.</summary>
    public void RecordClustered(StoryUpdated update)
    {
        ArgumentNullException.ThrowIfNull(update);
        Write((connection, transaction) => ApplyStatus(connection, transaction, new ArticleStatusChange(
            update.Article.Article, PipelineStage.Clustered, update.Article.ExtractedAt, update.UpdatedAt, StoryId: update.StoryId)));
    }

    /// <summary>
    /// Makes the event's article searchable as a member of its story, with its entities and lead
    /// event, and marks it INDEXED. A story's version and update time change only for a newer
    /// version; the article row is upserted whatever the version, so a redelivered or older event
    /// is harmless and a late one still adds its article. An article already placed in another
    /// story by a later event (by <see cref="StoryUpdated.UpdatedAt"/>) stays there.
    /// </summary>
    public StoryIndexResult IndexStory(StoryUpdated update, DateTimeOffset indexedAt)
    {
        ArgumentNullException.ThrowIfNull(update);
        return Write((connection, transaction) => IndexStory(connection, transaction, update, indexedAt));
    }

    private T Write<T>(Func<SqliteConnection, SqliteTransaction, T> write)
    {
        lock (_writeGate)
        {
            using var connection = _database.Open();
            using var transaction = connection.BeginTransaction();
            var result = write(connection, transaction);
            transaction.Commit();
            return result;
        }
    }

    private void Write(Action<SqliteConnection, SqliteTransaction> write) =>
        Write((connection, transaction) =>
        {
            write(connection, transaction);
            return true;
        });

    private static StoryIndexResult IndexStory(SqliteConnection connection, SqliteTransaction transaction, StoryUpdated update, DateTimeOffset indexedAt)
    {
        var article = update.Article.Article;
        var placedAt = UnixTime.ToMillis(update.UpdatedAt);

        string? currentStory = null;
        long currentPlacedAt = 0;
        using (var reader = connection.Command("SELECT story_id, placed_at FROM story_articles WHERE article_id = $article", transaction)
                   .With("$article", article.ArticleId).ExecuteReader())
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
            return new StoryIndexResult(StoryIndexOutcome.Superseded, null);
        }

        var storedVersion = (long?)connection.Command("SELECT version FROM stories WHERE story_id = $story", transaction)
            .With("$story", update.StoryId).ExecuteScalar();
        if (storedVersion is null)
        {
            connection.Command("INSERT INTO stories (story_id, version, last_updated) VALUES ($story, $version, $updated)", transaction)
                .With("$story", update.StoryId).With("$version", update.Version).With("$updated", placedAt).ExecuteNonQuery();
        }
        else if (update.Version > storedVersion)
        {
            connection.Command("UPDATE stories SET version = $version, last_updated = $updated WHERE story_id = $story", transaction)
                .With("$story", update.StoryId).With("$version", update.Version).With("$updated", placedAt).ExecuteNonQuery();
        }

        UpsertArticle(connection, transaction, update, placedAt);
        ReplaceMentions(connection, transaction, update.Article);
        ReplaceLeadEvent(connection, transaction, update.StoryId, update.Article);
        if (moves)
        {
            RefreshStory(connection, transaction, currentStory!, changedMember: null);
        }

        RefreshStory(connection, transaction, update.StoryId, article.ArticleId);
        ApplyStatus(connection, transaction, new ArticleStatusChange(
            article, PipelineStage.Indexed, update.Article.ExtractedAt, update.UpdatedAt, indexedAt, update.StoryId, MovesStory: true));

        var outcome = storedVersion is null
            ? StoryIndexOutcome.Created
            : update.Version > storedVersion || currentStory != update.StoryId
                ? StoryIndexOutcome.Updated
                : StoryIndexOutcome.Unchanged;
        return new StoryIndexResult(outcome, ReadSummary(connection, transaction, update.StoryId));
    }

    private static void UpsertArticle(SqliteConnection connection, SqliteTransaction transaction, StoryUpdated update, long placedAt)
    {
        var article = update.Article.Article;
        // Bounded on the way in: the search row, highlights and snippets are built from these columns.
        var text = IndexLimits.Truncate(article.Text, IndexLimits.MaxTextLength);
        connection.Command("""
            INSERT INTO story_articles (article_id, story_id, story_version, placed_at, url, title, source, published, lead, text,
                                        join_kind, matched_article_id, join_score, join_features)
            VALUES ($article, $story, $version, $placed, $url, $title, $source, $published, $lead, $text, $kind, $matched, $score, $features)
            ON CONFLICT (article_id) DO UPDATE SET
                story_id = excluded.story_id, story_version = excluded.story_version, placed_at = excluded.placed_at,
                url = excluded.url, title = excluded.title, source = excluded.source, published = excluded.published,
                lead = excluded.lead, text = excluded.text, join_kind = excluded.join_kind,
                matched_article_id = excluded.matched_article_id, join_score = excluded.join_score, join_features = excluded.join_features
            """, transaction)
            .With("$article", article.ArticleId)
            .With("$story", update.StoryId)
            .With("$version", update.Version)
            .With("$placed", placedAt)
            .With("$url", IndexLimits.Truncate(article.Url, IndexLimits.MaxFieldLength))
            .With("$title", IndexLimits.Truncate(article.Title, IndexLimits.MaxTitleLength))
            .With("$source", IndexLimits.Truncate(article.Source, IndexLimits.MaxFieldLength))
            .With("$published", UnixTime.ToMillis(article.Published))
            .With("$lead", IndexLimits.Truncate(LeadParagraph.Of(text), IndexLimits.MaxLeadLength))
            .With("$text", text)
            .With("$kind", (int)update.JoinKind)
            .With("$matched", update.MatchedArticleId)
            .With("$score", update.Score)
            .With("$features", JsonSerializer.Serialize(update.Features))
            .ExecuteNonQuery();
    }

    private static void ReplaceMentions(SqliteConnection connection, SqliteTransaction transaction, ArticleExtracted extracted)
    {
        var articleId = extracted.Article.ArticleId;
        var touched = new HashSet<string>(StringComparer.Ordinal);
        using (var reader = connection.Command("SELECT entity_id FROM entity_names WHERE article_id = $article", transaction).With("$article", articleId).ExecuteReader())
        {
            while (reader.Read())
            {
                touched.Add(reader.GetString(0));
            }
        }

        connection.Command("DELETE FROM mentions WHERE article_id = $article", transaction).With("$article", articleId).ExecuteNonQuery();
        connection.Command("DELETE FROM entity_names WHERE article_id = $article", transaction).With("$article", articleId).ExecuteNonQuery();
        var resolved = extracted.Entities.Where(m => m.CanonicalId.Length > 0 && m.Text.Length > 0).ToList();
        foreach (var entity in resolved.GroupBy(m => m.CanonicalId, StringComparer.Ordinal))
        {
            touched.Add(entity.Key);
            var named = entity.GroupBy(m => (Name: m.CanonicalName.Length > 0 ? m.CanonicalName : m.Text, m.Type)).OrderByDescending(g => g.Count()).First();
            connection.Command("""
                INSERT INTO entity_names (entity_id, article_id, canonical_name, type, mention_count) VALUES ($entity, $article, $name, $type, $count)
                """, transaction)
                .With("$entity", entity.Key).With("$article", articleId).With("$name", named.Key.Name).With("$type", (int)named.Key.Type).With("$count", entity.Count())
                .ExecuteNonQuery();
            foreach (var alias in entity.GroupBy(m => m.Text, StringComparer.Ordinal))
            {
                connection.Command("INSERT INTO mentions (article_id, entity_id, alias, mention_count) VALUES ($article, $entity, $alias, $count)", transaction)
                    .With("$article", articleId).With("$entity", entity.Key).With("$alias", alias.Key).With("$count", alias.Count())
                    .ExecuteNonQuery();
            }
        }

        foreach (var entityId in touched)
        {
            SettleEntity(connection, transaction, entityId);
        }
    }

    /// <summary>
    /// An entity's name and type are the ones most of its mentions over all indexed articles carry, ties
    /// going to the first in ordinal order: a function of the indexed articles, not of their order, so a
    /// name does not flip with each article that spells it its own way. An entity no article mentions
    /// any more keeps what it had.
    /// </summary>
    private static void SettleEntity(SqliteConnection connection, SqliteTransaction transaction, string entityId)
    {
        connection.Command("""
            INSERT INTO entities (entity_id, canonical_name, type)
            SELECT $entity,
                   (SELECT canonical_name FROM entity_names WHERE entity_id = $entity
                    GROUP BY canonical_name ORDER BY SUM(mention_count) DESC, canonical_name COLLATE BINARY LIMIT 1),
                   (SELECT type FROM entity_names WHERE entity_id = $entity
                    GROUP BY type ORDER BY SUM(mention_count) DESC, type LIMIT 1)
            WHERE EXISTS (SELECT 1 FROM entity_names WHERE entity_id = $entity)
            ON CONFLICT (entity_id) DO UPDATE SET canonical_name = excluded.canonical_name, type = excluded.type
            """, transaction)
            .With("$entity", entityId).ExecuteNonQuery();
    }

    private static void ReplaceLeadEvent(SqliteConnection connection, SqliteTransaction transaction, string storyId, ArticleExtracted extracted)
    {
        var articleId = extracted.Article.ArticleId;
        connection.Command("DELETE FROM events WHERE article_id = $article", transaction).With("$article", articleId).ExecuteNonQuery();
        if (extracted.LeadEvent is not { } lead)
        {
            return;
        }

        // An event may name an entity that no mention resolved; keep it reachable by its own words.
        foreach (var (id, text) in new[] { (lead.ActorEntityId, lead.ActorText), (lead.TargetEntityId, lead.TargetText) })
        {
            if (!string.IsNullOrEmpty(id))
            {
                connection.Command("INSERT OR IGNORE INTO entities (entity_id, canonical_name, type) VALUES ($entity, $name, 0)", transaction)
                    .With("$entity", id).With("$name", string.IsNullOrEmpty(text) ? id : text).ExecuteNonQuery();
            }
        }

        connection.Command("""
            INSERT INTO events (article_id, story_id, actor_text, actor_entity_id, action, action_text, target_text, target_entity_id, event_date, event_date_ms)
            VALUES ($article, $story, $actor, $actor_id, $action, $action_text, $target, $target_id, $date, $date_ms)
            """, transaction)
            .With("$article", articleId)
            .With("$story", storyId)
            .With("$actor", lead.ActorText)
            .With("$actor_id", string.IsNullOrEmpty(lead.ActorEntityId) ? null : lead.ActorEntityId)
            .With("$action", (int)lead.Action)
            .With("$action_text", lead.ActionText)
            .With("$target", lead.TargetText)
            .With("$target_id", string.IsNullOrEmpty(lead.TargetEntityId) ? null : lead.TargetEntityId)
            .With("$date", lead.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
            .With("$date_ms", lead.Date is { } date ? UnixTime.ToMillis(date) : null)
            .ExecuteNonQuery();
    }

    /// <summary>
    /// Recomputes a story's title, counts and lead event from its members, and its search row when
    /// <paramref name="changedMember"/> is one of the members the row is made of (null: any member may
    /// have changed, as when one left); removes a story left empty.
    /// </summary>
    private static void RefreshStory(SqliteConnection connection, SqliteTransaction transaction, string storyId, string? changedMember)
    {
        long storyKey, articleCount;
        string title;
        using (var reader = connection.Command("""
            UPDATE stories SET
                article_count = (SELECT COUNT(*) FROM story_articles WHERE story_id = $story),
                title = COALESCE((SELECT title FROM story_articles WHERE story_id = $story AND title <> ''
                                  ORDER BY story_version, article_id LIMIT 1), ''),
                first_published = (SELECT MIN(published) FROM story_articles WHERE story_id = $story),
                lead_article_id = (SELECT a.article_id FROM story_articles a JOIN events e ON e.article_id = a.article_id
                                   WHERE a.story_id = $story ORDER BY a.story_version, a.article_id LIMIT 1),
                lead_action = COALESCE((SELECT e.action FROM story_articles a JOIN events e ON e.article_id = a.article_id
                                        WHERE a.story_id = $story ORDER BY a.story_version, a.article_id LIMIT 1), 0)
            WHERE story_id = $story
            RETURNING story_key, article_count, title
            """, transaction).With("$story", storyId).ExecuteReader())
        {
            if (!reader.Read())
            {
                return;
            }

            storyKey = reader.GetInt64(0);
            articleCount = reader.GetInt64(1);
            title = reader.GetString(2);
        }

        if (changedMember is not null && articleCount > 0 && !SearchRowChanges(connection, transaction, storyId, storyKey, changedMember, title))
        {
            return;
        }

        connection.Command("DELETE FROM story_search WHERE rowid = $key", transaction).With("$key", storyKey).ExecuteNonQuery();
        if (articleCount == 0)
        {
            connection.Command("DELETE FROM stories WHERE story_key = $key", transaction).With("$key", storyKey).ExecuteNonQuery();
            return;
        }

        WriteSearchRow(connection, transaction, storyId, storyKey);
    }

    /// <summary>
    /// False when the search row already says all it would after <paramref name="changedMember"/>
    /// changed: the member is not among those the row is made of, and the story's title is the same.
    /// Past <see cref="IndexLimits.MaxIndexedMembers"/> members this spares rewriting the row at every update.
    /// </summary>
    private static bool SearchRowChanges(SqliteConnection connection, SqliteTransaction transaction, string storyId, long storyKey, string changedMember, string title)
    {
        var indexed = connection.Command($"SELECT 1 FROM ({IndexedMembers}) WHERE article_id = $article", transaction)
            .With("$story", storyId).With("$members", IndexLimits.MaxIndexedMembers).With("$article", changedMember).ExecuteScalar() is not null;
        return indexed
            || connection.Command("SELECT title FROM story_search WHERE rowid = $key", transaction).With("$key", storyKey).ExecuteScalar() is not string indexedTitle
            || indexedTitle != title;
    }

    /// <summary>
    /// Writes the story's search row from its earliest <see cref="IndexLimits.MaxIndexedMembers"/>
    /// members, each column at most <see cref="IndexLimits.MaxSearchColumnLength"/> characters, so an
    /// update costs the same for a story of 40 articles and of 4,000, and so does a snippet.
    /// </summary>
    private static void WriteSearchRow(SqliteConnection connection, SqliteTransaction transaction, string storyId, long storyKey)
    {
        var memberTitles = new BoundedText(IndexLimits.MaxSearchColumnLength);
        var leads = new BoundedText(IndexLimits.MaxSearchColumnLength);
        var body = new BoundedText(IndexLimits.MaxSearchColumnLength);
        using (var reader = connection.Command($"""
                   SELECT a.title, a.lead, a.text FROM ({IndexedMembers}) i JOIN story_articles a ON a.article_id = i.article_id
                   ORDER BY a.story_version, a.article_id
                   """, transaction).With("$story", storyId).With("$members", IndexLimits.MaxIndexedMembers).ExecuteReader())
        {
            while (reader.Read())
            {
                memberTitles.AppendLine(reader.GetString(0));
                leads.AppendLine(reader.GetString(1));
                body.AppendLine(reader.GetString(2));
            }
        }

        var leadEvents = new BoundedText(IndexLimits.MaxSearchColumnLength);
        var entityNames = new BoundedText(IndexLimits.MaxSearchColumnLength);
        using (var reader = connection.Command($"""
                   SELECT e.action, e.action_text, e.actor_text, e.target_text FROM ({IndexedMembers}) i
                   JOIN events e ON e.article_id = i.article_id ORDER BY e.article_id
                   """, transaction).With("$story", storyId).With("$members", IndexLimits.MaxIndexedMembers).ExecuteReader())
        {
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
        }

        using (var reader = connection.Command($"""
                   SELECT DISTINCT e.canonical_name, m.alias FROM ({IndexedMembers}) i
                   JOIN mentions m ON m.article_id = i.article_id JOIN entities e ON e.entity_id = m.entity_id
                   ORDER BY e.canonical_name, m.alias
                   """, transaction).With("$story", storyId).With("$members", IndexLimits.MaxIndexedMembers).ExecuteReader())
        {
            while (reader.Read())
            {
                entityNames.AppendLine(reader.GetString(0)).AppendLine(reader.GetString(1));
            }
        }

        connection.Command("""
            INSERT INTO story_search (rowid, title, lead_event, entities, member_titles, leads, body)
            VALUES ($key, (SELECT title FROM stories WHERE story_key = $key), $lead_event, $entities, $member_titles, $leads, $body)
            """, transaction)
            .With("$key", storyKey)
            .With("$lead_event", leadEvents.ToString())
            .With("$entities", entityNames.ToString())
            .With("$member_titles", memberTitles.ToString())
            .With("$leads", leads.ToString())
            .With("$body", body.ToString())
            .ExecuteNonQuery();
    }

    private static void ApplyStatus(SqliteConnection connection, SqliteTransaction transaction, ArticleStatusChange change)
    {
        var article = change.Article;
        connection.Command("""
            INSERT INTO article_status (article_id, stage, story_id, url, title, source, ingested_at, extracted_at, clustered_at, indexed_at, trace_id)
            VALUES ($article, $stage, $story, $url, $title, $source, $ingested, $extracted, $clustered, $indexed, $trace)
            ON CONFLICT (article_id) DO UPDATE SET
                stage = MAX(stage, excluded.stage),
                story_id = CASE WHEN $moves AND excluded.story_id IS NOT NULL THEN excluded.story_id ELSE COALESCE(story_id, excluded.story_id) END,
                url = CASE WHEN url = '' THEN excluded.url ELSE url END,
                title = CASE WHEN title = '' THEN excluded.title ELSE title END,
                source = CASE WHEN source = '' THEN excluded.source ELSE source END,
                ingested_at = COALESCE(ingested_at, excluded.ingested_at),
                extracted_at = COALESCE(extracted_at, excluded.extracted_at),
                clustered_at = COALESCE(clustered_at, excluded.clustered_at),
                indexed_at = COALESCE(indexed_at, excluded.indexed_at),
                trace_id = CASE WHEN trace_id = '' THEN excluded.trace_id ELSE trace_id END
            """, transaction)
            .With("$article", article.ArticleId)
            .With("$stage", (int)change.Stage)
            .With("$story", change.StoryId)
            .With("$moves", change.MovesStory)
            .With("$url", IndexLimits.Truncate(article.Url, IndexLimits.MaxFieldLength))
            .With("$title", IndexLimits.Truncate(article.Title, IndexLimits.MaxTitleLength))
            .With("$source", IndexLimits.Truncate(article.Source, IndexLimits.MaxFieldLength))
            .With("$ingested", UnixTime.ToMillis(article.IngestedAt))
            .With("$extracted", UnixTime.ToMillis(change.ExtractedAt))
            .With("$clustered", UnixTime.ToMillis(change.ClusteredAt))
            .With("$indexed", UnixTime.ToMillis(change.IndexedAt))
            .With("$trace", change.TraceId)
            .ExecuteNonQuery();
    }
}
