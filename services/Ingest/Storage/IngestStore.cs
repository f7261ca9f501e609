using Microsoft.Data.Sqlite;
using Newsroom.Contracts.Events;
using Newsroom.ServiceDefaults;

namespace Newsroom.Ingest;

/// <summary>
/// The articles ingest has accepted (<c>ingest.db</c>), keyed so that the same URL or the same
/// normalised content can be stored only once. Unique constraints decide races between
/// concurrent submissions; nothing checks first and inserts later.
/// </summary>
public sealed class IngestStore
{
    public const string FileName = "ingest.db";

    private readonly SqliteDatabase _database;

    public IngestStore(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS articles (
                article_id   TEXT PRIMARY KEY,
                url_key      TEXT UNIQUE,
                content_hash TEXT NOT NULL UNIQUE,
                client_ref   TEXT NOT NULL,
                title        TEXT NOT NULL,
                ingested_at  TEXT NOT NULL
            );
            """;
        command.ExecuteNonQuery();
    }

    public string Description => _database.Description;

    /// <summary>Stores the article, or names the stored article it duplicates ("same url" before "same content").</summary>
    public StoreOutcome TryAdd(ArticleIngested article, string clientRef)
    {
        ArgumentNullException.ThrowIfNull(article);
        var urlKey = article.Url.Length > 0 ? ArticleIdentity.NormaliseUrl(article.Url) : null;
        using var connection = _database.Open();
        // The existing row can vanish between a failed insert and the look-up when its publish failed; then try again.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            using (var insert = connection.CreateCommand())
            {
                insert.CommandText = """
                    INSERT INTO articles (article_id, url_key, content_hash, client_ref, title, ingested_at)
                    VALUES ($id, $url, $hash, $ref, $title, $at)
                    ON CONFLICT DO NOTHING
                    """;
                insert.Parameters.AddWithValue("$id", article.ArticleId);
                insert.Parameters.AddWithValue("$url", (object?)urlKey ?? DBNull.Value);
                insert.Parameters.AddWithValue("$hash", article.ContentHash);
                insert.Parameters.AddWithValue("$ref", clientRef);
                insert.Parameters.AddWithValue("$title", article.Title);
                insert.Parameters.AddWithValue("$at", article.IngestedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
                if (insert.ExecuteNonQuery() == 1)
                {
                    return new StoreOutcome(true, article.ArticleId, "");
                }
            }
            if (urlKey is not null && FindId(connection, "url_key", urlKey) is { } byUrl)
            {
                return new StoreOutcome(false, byUrl, "same url");
            }
            if (FindId(connection, "content_hash", article.ContentHash) is { } byContent)
            {
                return new StoreOutcome(false, byContent, "same content");
            }
            if (FindId(connection, "article_id", article.ArticleId) is { } byId)
            {
                return new StoreOutcome(false, byId, "same url");
            }
        }
        throw new InvalidOperationException($"Article {article.ArticleId} could neither be stored nor found in {Description}; retry the submission.");
    }

    /// <summary>Forgets an article whose publication failed, so that a retry is ingested anew rather than taken for a duplicate.</summary>
    public bool Remove(string articleId)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM articles WHERE article_id = $id";
        command.Parameters.AddWithValue("$id", articleId);
        return command.ExecuteNonQuery() == 1;
    }

    public int Count()
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM articles";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

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
