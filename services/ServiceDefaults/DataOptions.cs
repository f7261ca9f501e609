using System.ComponentModel.DataAnnotations;

namespace Newsroom.ServiceDefaults;

/// <summary>Where a service keeps its files: configuration section <c>Data</c>.</summary>
public sealed class DataOptions
{
    public const string SectionName = "Data";

    /// <summary>The data folder, relative to the working directory unless absolute. Created when missing.</summary>
    public string Path { get; set; } = "data";

    /// <summary>
    /// A PostgreSQL connection string ("Host=postgres;Database=newsroom;Username=newsroom;Password=..."). When set,
    /// the services whose state can be shared (dedup's) keep it there instead of in SQLite under <see cref="Path"/>,
    /// so that a standby on another host takes over from the same state.
    /// </summary>
    public string? PostgreSql { get; set; }

    /// <summary>
    /// Page cache of each SQLite connection, in MiB, taken as pages are read (a small database uses little). SQLite's
    /// default of 2 MB is less than a search for a common word walks of a large index; a service holds a few connections.
    /// </summary>
    [Range(1, 4096)]
    public int SqliteCacheMiB { get; set; } = SqliteDatabase.DefaultCacheKiB / 1024;

    /// <summary>A SQLite file in the data folder, opened with <see cref="SqliteCacheMiB"/>.</summary>
    public SqliteDatabase Sqlite(string fileName) => SqliteDatabase.File(FileIn(fileName), SqliteCacheMiB * 1024);

    /// <summary>The full path of a file in the data folder, creating the folder when it is missing.</summary>
    public string FileIn(string fileName)
    {
        var folder = System.IO.Path.GetFullPath(Path);
        Directory.CreateDirectory(folder);
        return System.IO.Path.Combine(folder, fileName);
    }
}
