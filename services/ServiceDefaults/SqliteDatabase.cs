using Microsoft.Data.Sqlite;

namespace Newsroom.ServiceDefaults;

/// <summary>
/// A service's own SQLite file (or a private in-memory database), opened with write-ahead logging
/// so that readers do not block the single writer.
/// </summary>
public sealed class SqliteDatabase
{
    private readonly string _connectionString;
    private readonly SqliteConnection? _keepAlive;

    static SqliteDatabase() => SQLitePCL.Batteries_V2.Init();

    private SqliteDatabase(string connectionString, SqliteConnection? keepAlive)
    {
        _connectionString = connectionString;
        _keepAlive = keepAlive;
    }

    /// <summary>A database file, created when missing.</summary>
    public static SqliteDatabase File(string path) =>
        new(new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString(), keepAlive: null);

    /// <summary>A database that lives as long as this object, for one-process runs and tests.</summary>
    public static SqliteDatabase InMemory()
    {
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = $"newsroom-{Guid.NewGuid():N}",
            Mode = SqliteOpenMode.Memory,
            Cache = SqliteCacheMode.Shared,
        }.ToString();
        var keepAlive = new SqliteConnection(connectionString);
        keepAlive.Open();
        return new SqliteDatabase(connectionString, keepAlive);
    }

    public string Description => _keepAlive is null ? new SqliteConnectionStringBuilder(_connectionString).DataSource : "in memory";

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = _keepAlive is null
            ? "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;"
            : "PRAGMA foreign_keys=ON;";
        pragma.ExecuteNonQuery();
        return connection;
    }
}
