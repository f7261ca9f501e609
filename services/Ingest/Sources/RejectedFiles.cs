using System.Globalization;
using System.Text;

namespace Newsroom.Ingest;

/// <summary>
/// The <c>rejected</c> subfolder of a watched folder. A file with a rejected item is moved there
/// with a <c>.reason.txt</c> beside it, so it is not read again at every start. Each process that reads
/// the folder keeps a marker there naming itself and the file it is reading; a marker whose process is no
/// longer running names a file that stopped a run (a crash), which is set aside the same way instead of
/// crashing ingest again. A marker of a process still running is another ingest reading the same folder
/// (two hosts started from one build), whose file is left alone.
/// </summary>
internal sealed class RejectedFiles(string folder, IngestProcess reader)
{
    public const string FolderName = "rejected";

    /// <summary>Markers begin so; the first versions wrote one, named only so, without the process.</summary>
    private const string ReadingMarker = ".reading";

    public string Folder { get; } = Path.Combine(folder, FolderName);

    private string MarkerPath => Path.Combine(Folder, string.Create(CultureInfo.InvariantCulture, $"{ReadingMarker}-{reader.Machine}-{reader.Id}"));

    /// <summary>The files that runs which stopped were reading, each with its marker (the file may be gone since).</summary>
    public IReadOnlyList<(string File, string Marker)> Interrupted()
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }

        var interrupted = new List<(string, string)>();
        foreach (var marker in Directory.EnumerateFiles(Folder, ReadingMarker + "*").Order(StringComparer.Ordinal))
        {
            string[] lines;
            try
            {
                lines = File.ReadAllLines(marker);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Gone since the listing (its reader finished), or not ours to read.
                continue;
            }

            if (lines.Length == 0 || Path.GetFileName(lines[0].Trim()) is not { Length: > 0 } name || OwnerOf(lines)?.IsRunning() == true)
            {
                continue;
            }

            interrupted.Add((Path.Combine(folder, name), marker));
        }

        return interrupted;
    }

    public void BeginReading(string path)
    {
        Directory.CreateDirectory(Folder);
        File.WriteAllLines(MarkerPath, [Path.GetFileName(path), reader.Machine, reader.Id.ToString(CultureInfo.InvariantCulture), reader.StartedAt.Ticks.ToString(CultureInfo.InvariantCulture)]);
    }

    public void EndReading() => File.Delete(MarkerPath);

    /// <summary>The process a marker names; null for a marker of the first versions, which named none.</summary>
    private static IngestProcess? OwnerOf(string[] lines) =>
        lines.Length >= 4
        && int.TryParse(lines[2], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
        && long.TryParse(lines[3], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
        && ticks <= DateTime.MaxValue.Ticks
            ? new IngestProcess(lines[1], id, new DateTime(ticks, DateTimeKind.Utc))
            : null;

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
