using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Newsroom.ServiceDefaults;

/// <summary>
/// A service's own SQLite file (or a private in-memory database), opened with write-ahead logging
/// so that readers do not block the single writer.
/// </summary>
public sealed class SqliteDatabase
{
    /// <summary>
    /// Page cache per connection, in KiB, allocated as pages are read. SQLite's default of 2 MB is less than one search
    /// for a common word walks of a large index, so each such search read its pages from the OS again; pooled
    /// connections keep theirs between calls.
    /// </summary>
    private const int CacheKiB = 64 * 1024;

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
            ? $"PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON; PRAGMA cache_size=-{CacheKiB};"
            : "PRAGMA foreign_keys=ON;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    /// <summary>
    /// Adds a column that a later version introduced to a table made by an earlier one; a table
    /// that has it already is left alone. <paramref name="definition"/> needs a default, which the
    /// existing rows take.
    /// </summary>
    public static void AddColumnIfMissing(SqliteConnection connection, string table, string column, string definition)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var check = connection.CreateCommand();
        check.CommandText = "SELECT COUNT(*) FROM pragma_table_info($table) WHERE name = $column";
        check.Parameters.AddWithValue("$table", table);
        check.Parameters.AddWithValue("$column", column);
        if (Convert.ToInt32(check.ExecuteScalar(), CultureInfo.InvariantCulture) == 0)
        {
            using var add = connection.CreateCommand();
            add.CommandText = $"ALTER TABLE {table} ADD COLUMN {column} {definition}";
            add.ExecuteNonQuery();
        }
    }
}
