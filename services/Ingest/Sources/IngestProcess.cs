using System.ComponentModel;
using System.Diagnostics;

namespace Newsroom.Ingest;

/// <summary>
/// A process that reads a watched folder, as its reading marker names it (<see cref="RejectedFiles"/>): the machine, the
/// process id and when the process started, since an id is used again by a later process (a restarted container's
/// ingest is process 1 again).
/// </summary>
internal sealed record IngestProcess(string Machine, int Id, DateTime StartedAt)
{
    public static IngestProcess Current { get; } = Of(Process.GetCurrentProcess());

    /// <summary>Whether this process is still running: on this machine, with that id, started then.</summary>
    public bool IsRunning()
    {
        if (!string.Equals(Machine, Environment.MachineName, StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            using var process = Process.GetProcessById(Id);
            return (Of(process).StartedAt - StartedAt).Duration() < TimeSpan.FromSeconds(1);
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception or NotSupportedException)
        {
            // Running, but its start cannot be read (another user's process): it may well be the one.
            return true;
        }
    }

    private static IngestProcess Of(Process process) => new(Environment.MachineName, process.Id, process.StartTime.ToUniversalTime());
}
