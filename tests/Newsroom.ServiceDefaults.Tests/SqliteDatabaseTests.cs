using System.Globalization;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Newsroom.ServiceDefaults.Tests;

/// <summary>What a service's SQLite file connection is opened with.</summary>
public sealed class SqliteDatabaseTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("newsroom-sqlite-").FullName;

    [Fact]
    public void A_file_connection_writes_ahead_and_keeps_a_page_cache_larger_than_a_common_words_walk()
    {
        using var connection = SqliteDatabase.File(Path.Combine(_folder, "service.db")).Open();

        Assert.Equal("wal", Pragma(connection, "journal_mode"));
        // Negative: KiB. SQLite's default is -2000, 2 MB.
        Assert.Equal(-64 * 1024, long.Parse(Pragma(connection, "cache_size"), CultureInfo.InvariantCulture));
    }

    [Fact]
    public void The_data_settings_choose_the_page_cache()
    {
        var data = new DataOptions { Path = _folder, SqliteCacheMiB = 8 };

        using var connection = data.Sqlite("service.db").Open();

        Assert.Equal(-8 * 1024, long.Parse(Pragma(connection, "cache_size"), CultureInfo.InvariantCulture));
        Assert.True(File.Exists(Path.Combine(_folder, "service.db")));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static string Pragma(SqliteConnection connection, string name)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {name}";
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture)!;
    }
}
