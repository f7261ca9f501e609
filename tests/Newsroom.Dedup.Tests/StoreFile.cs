using Microsoft.Data.Sqlite;

namespace Newsroom.Dedup.Tests;

/// <summary>A SQLite store file in the temporary folder, deleted with its journal files when disposed, even after a failed test.</summary>
internal sealed class StoreFile(string purpose) : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{purpose}-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        // Pooled connections keep the file open.
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { Path, Path + "-wal", Path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
