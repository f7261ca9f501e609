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

    /// <summary>The full path of a file in the data folder, creating the folder when it is missing.</summary>
    public string FileIn(string fileName)
    {
        var folder = System.IO.Path.GetFullPath(Path);
        Directory.CreateDirectory(folder);
        return System.IO.Path.Combine(folder, fileName);
    }
}
