using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Newsroom.ServiceDefaults;

/// <summary>
/// A service's own SQLite file (or a private in-memory database), opened with write-ahead logging
/// so that readers do not block the single writer.
/// </summary>
public sealed class SqliteDatabase
{
    /// <summary>Page cache per connection, in KiB, unless the service's settings say otherwise (<see cref="DataOptions.SqliteCacheMiB"/>).</summary>
    public const int DefaultCacheKiB = 64 * 1024;

    private readonly string _connectionString;
    private readonly SqliteConnection? _keepAlive;

    /// <summary>The settings every connection is opened with.</summary>
    private readonly string _pragmas;

    static SqliteDatabase() => SQLitePCL.Batteries_V2.Init();

    private SqliteDatabase(string connectionString, SqliteConnection? keepAlive, string pragmas)
    {
        _connectionString = connectionString;
        _keepAlive = keepAlive;
        _pragmas = pragmas;
    }

    /// <summary>A database file, created when missing; pooled connections keep their page cache of <paramref name="cacheKiB"/> between calls.</summary>
    public static SqliteDatabase File(string path, int cacheKiB = DefaultCacheKiB) =>
        new(new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString(), keepAlive: null,
            $"PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON; PRAGMA cache_size=-{cacheKiB};");

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
        return new SqliteDatabase(connectionString, keepAlive, "PRAGMA foreign_keys=ON;");
    }

    public string Description => _keepAlive is null ? new SqliteConnectionStringBuilder(_connectionString).DataSource : "in memory";

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = _pragmas;
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
