using Microsoft.Data.Sqlite;

namespace Newsroom.Dedup.Tests;

/// <summary>A SQLite store file in the temporary folder, deleted with its journal files when disposed, even after a failed test.</summary>
internal sealed class StoreFile(string purpose) : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{purpose}-{Guid.NewGuid():N}.db");

    /// <summary>Runs statements on the file outside any store, as an earlier release would have written it.</summary>
    public void Execute(string sql)
    {
        using var command = Command(sql);
        command.ExecuteNonQuery();
    }

    /// <summary>The first column of a query's rows, DBNull as null.</summary>
    public List<object?> Column(string sql)
    {
        using var command = Command(sql);
        using var reader = command.ExecuteReader();
        var values = new List<object?>();
        while (reader.Read())
        {
            values.Add(reader.IsDBNull(0) ? null : reader.GetValue(0));
        }
        return values;
    }

    public void Dispose()
    {
        // Pooled connections keep the file open.
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { Path, Path + "-wal", Path + "-shm" })
        {
            File.Delete(file);
        }
    }

    /// <summary>A command on a connection of its own, unpooled, which the command closes when disposed.</summary>
    private SqliteCommand Command(string sql)
    {
        var connection = new SqliteConnection($"Data Source={Path};Pooling=False");
        connection.Open();
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Disposed += (_, _) => connection.Dispose();
        return command;
    }
}
