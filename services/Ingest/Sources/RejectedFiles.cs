using System.Text;

namespace Newsroom.Ingest;

/// <summary>
/// The <c>rejected</c> subfolder of a watched folder. A file with a rejected item is moved there
/// with a <c>.reason.txt</c> beside it, so it is not read again at every start. A marker names
/// the file being read; a file still named there at start stopped the last run (a crash), and is
/// set aside the same way instead of crashing ingest again.
/// </summary>
internal sealed class RejectedFiles(string folder)
{
    public const string FolderName = "rejected";

    private const string ReadingMarker = ".reading";

    public string Folder { get; } = Path.Combine(folder, FolderName);

    private string MarkerPath => Path.Combine(Folder, ReadingMarker);

    /// <summary>The file the last run was reading when it stopped, if it is still there.</summary>
    public string? Interrupted() =>
        File.Exists(MarkerPath) && File.ReadAllText(MarkerPath).Trim() is { Length: > 0 } name && File.Exists(Path.Combine(folder, name))
            ? Path.Combine(folder, name)
            : null;

    public void BeginReading(string path)
    {
        Directory.CreateDirectory(Folder);
        File.WriteAllText(MarkerPath, Path.GetFileName(path));
    }

    public void EndReading() => File.Delete(MarkerPath);

    /// <summary>Moves the file into the rejected folder and writes the reasons beside it.</summary>
    /// <returns>Where the file went.</returns>
    public string SetAside(string path, IEnumerable<string> reasons)
    {
        Directory.CreateDirectory(Folder);
        var name = Path.GetFileName(path);
        var target = Path.Combine(Folder, name);
        var text = new StringBuilder()
            .AppendLine($"{name} was not ingested (or not all of it), so it was moved here and is not read again:")
            .AppendJoin(Environment.NewLine, reasons.Select(reason => $"- {reason}"))
            .AppendLine()
            .AppendLine($"Fix the file and move it back into {folder} to ingest it; items already ingested come back as duplicates.")
            .ToString();
        File.WriteAllText(target + ".reason.txt", text);
        File.Move(path, target, overwrite: true);
        return target;
    }
}
