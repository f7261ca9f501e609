using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Newsroom.Contracts.Events;
using Newsroom.ServiceDefaults;

namespace Newsroom.Ingest;

/// <summary>
/// The articles ingest has accepted (<c>ingest.db</c>), keyed so that the same URL or the same
/// normalised content can be stored only once, and the outbox of their <see cref="ArticleIngested"/>
/// events: an article and its event are written in one transaction, so a stored article is never
/// without an event to publish. Unique constraints decide races between concurrent submissions;
/// nothing checks first and inserts later. The SQL is plain enough for PostgreSQL (an identity
/// column for <c>sequence</c>, timestamps for the text dates).
/// </summary>
public sealed class IngestStore
{
    public const string FileName = "ingest.db";

    private static readonly JsonSerializerOptions MessageJson = new(JsonSerializerDefaults.Web);

    private readonly SqliteDatabase _database;

    public IngestStore(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        // An article stored before the outbox existed has no outbox row and counts as published.
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS articles (
                article_id   TEXT PRIMARY KEY,
                url_key      TEXT UNIQUE,
                content_hash TEXT NOT NULL UNIQUE,
                client_ref   TEXT NOT NULL,
                title        TEXT NOT NULL,
                ingested_at  TEXT NOT NULL,
                submitted_by TEXT NOT NULL DEFAULT ''
            );
            CREATE TABLE IF NOT EXISTS outbox (
                sequence    INTEGER PRIMARY KEY,
                article_id  TEXT NOT NULL UNIQUE REFERENCES articles (article_id),
                message     TEXT,
                created_at  TEXT NOT NULL,
                sent_at     TEXT,
                attempts    INTEGER NOT NULL DEFAULT 0,
                trace_parent TEXT
            );
            CREATE INDEX IF NOT EXISTS outbox_pending ON outbox (sequence) WHERE sent_at IS NULL;
            """;
        command.ExecuteNonQuery();
        // A database from before access control: its articles were submitted anonymously.
        SqliteDatabase.AddColumnIfMissing(connection, "articles", "submitted_by", "TEXT NOT NULL DEFAULT ''");
        // A database from before tracing: its pending events go out in traces of their own.
        SqliteDatabase.AddColumnIfMissing(connection, "outbox", "trace_parent", "TEXT");
    }

    public string Description => _database.Description;

    /// <summary>
    /// Stores the article with its event in the outbox, or names the stored article it duplicates
    /// ("same url" before "same content") and whether that one's event is still unpublished.
    /// <paramref name="traceParent"/> (W3C) is the span the event is published under, so that its
    /// trace goes on from the submission.
    /// </summary>
    public StoreOutcome TryAdd(ArticleIngested article, string clientRef, string? traceParent = null)
    {
        ArgumentNullException.ThrowIfNull(article);
        var urlKey = article.Url.Length > 0 ? ArticleIdentity.NormaliseUrl(article.Url) : null;
        using var connection = _database.Open();
        using (var transaction = connection.BeginTransaction())
        {
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO articles (article_id, url_key, content_hash, client_ref, title, ingested_at, submitted_by)
                VALUES ($id, $url, $hash, $ref, $title, $at, $by)
                ON CONFLICT DO NOTHING
                """;
            insert.Parameters.AddWithValue("$id", article.ArticleId);
            insert.Parameters.AddWithValue("$url", (object?)urlKey ?? DBNull.Value);
            insert.Parameters.AddWithValue("$hash", article.ContentHash);
            insert.Parameters.AddWithValue("$ref", clientRef);
            insert.Parameters.AddWithValue("$title", article.Title);
            insert.Parameters.AddWithValue("$at", Timestamp(article.IngestedAt));
            insert.Parameters.AddWithValue("$by", article.SubmittedBy);
            if (insert.ExecuteNonQuery() == 1)
            {
                using var outbox = connection.CreateCommand();
                outbox.Transaction = transaction;
                outbox.CommandText = "INSERT INTO outbox (article_id, message, created_at, trace_parent) VALUES ($id, $message, $at, $trace)";
                outbox.Parameters.AddWithValue("$id", article.ArticleId);
                outbox.Parameters.AddWithValue("$message", JsonSerializer.Serialize(article, MessageJson));
                outbox.Parameters.AddWithValue("$at", Timestamp(article.IngestedAt));
                outbox.Parameters.AddWithValue("$trace", (object?)traceParent ?? DBNull.Value);
                outbox.ExecuteNonQuery();
                transaction.Commit();
                return new StoreOutcome(true, article.ArticleId, "", EventPending: true);
            }
        }
        var (existing, reason) =
            urlKey is not null && FindId(connection, "url_key", urlKey) is { } byUrl ? (byUrl, "same url")
            : FindId(connection, "content_hash", article.ContentHash) is { } byContent ? (byContent, "same content")
            : FindId(connection, "article_id", article.ArticleId) is { } byId ? (byId, "same url")
            : throw new InvalidOperationException($"Article {article.ArticleId} could neither be stored nor found in {Description}; retry the submission.");
        return new StoreOutcome(false, existing, reason, IsEventPending(connection, existing));
    }

    /// <summary>The oldest unpublished events, at most <paramref name="limit"/>, in the order their articles were stored.</summary>
    public IReadOnlyList<OutboxMessage> PendingEvents(int limit)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sequence, message, attempts, trace_parent FROM outbox WHERE sent_at IS NULL ORDER BY sequence LIMIT $limit";
        command.Parameters.AddWithValue("$limit", limit);
        using var reader = command.ExecuteReader();
        var messages = new List<OutboxMessage>();
        while (reader.Read())
        {
            var message = JsonSerializer.Deserialize<ArticleIngested>(reader.GetString(1), MessageJson)
                ?? throw new InvalidOperationException($"Outbox entry {reader.GetInt64(0)} in {Description} holds no event.");
            messages.Add(new OutboxMessage(reader.GetInt64(0), message, reader.GetInt32(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
        }
        return messages;
    }

    /// <summary>Records that the broker confirmed the article's event; the event's body is no longer needed.</summary>
    public void MarkSent(string articleId, DateTimeOffset sentAt)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE outbox SET sent_at = $at, message = NULL WHERE article_id = $id AND sent_at IS NULL";
        command.Parameters.AddWithValue("$id", articleId);
        command.Parameters.AddWithValue("$at", Timestamp(sentAt));
        command.ExecuteNonQuery();
    }

    /// <summary>Counts a failed attempt to publish the article's event; the event stays pending.</summary>
    public void RecordFailedAttempt(string articleId)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE outbox SET attempts = attempts + 1 WHERE article_id = $id";
        command.Parameters.AddWithValue("$id", articleId);
        command.ExecuteNonQuery();
    }

    /// <summary>True while the article's event waits in the outbox for the broker's confirmation.</summary>
    public bool IsEventPending(string articleId)
    {
        using var connection = _database.Open();
        return IsEventPending(connection, articleId);
    }

    public int Count() => CountWhere("SELECT COUNT(*) FROM articles");

    public int PendingCount() => CountWhere("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL");

    private int CountWhere(string sql)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static bool IsEventPending(SqliteConnection connection, string articleId)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM outbox WHERE article_id = $id AND sent_at IS NULL";
        command.Parameters.AddWithValue("$id", articleId);
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
    }

    private static string Timestamp(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);

    private static string? FindId(SqliteConnection connection, string column, string value)
    {
        using var command = connection.CreateCommand();
        // The column name comes from this class's own constants, never from input.
        command.CommandText = column switch
        {
            "url_key" => "SELECT article_id FROM articles WHERE url_key = $value",
            "content_hash" => "SELECT article_id FROM articles WHERE content_hash = $value",
            _ => "SELECT article_id FROM articles WHERE article_id = $value",
        };
        command.Parameters.AddWithValue("$value", value);
        return command.ExecuteScalar() as string;
    }
}
