namespace Newsroom.ServiceDefaults;

/// <summary>Where a service keeps its files: configuration section <c>Data</c>.</summary>
public sealed class DataOptions
{
    public const string SectionName = "Data";

    /// <summary>The data folder, relative to the working directory unless absolute. Created when missing.</summary>
    public string Path { get; set; } = "data";

    /// <summary>The full path of a file in the data folder, creating the folder when it is missing.</summary>
    public string FileIn(string fileName)
    {
        var folder = System.IO.Path.GetFullPath(Path);
        Directory.CreateDirectory(folder);
        return System.IO.Path.Combine(folder, fileName);
    }
}
