using System.Text.RegularExpressions;

namespace Newsroom.Interop.Tests;

/// <summary>What the host process printed, one line each, so that tests can check what operators would read.</summary>
public sealed partial class ServerLog
{
    private readonly List<string> _lines = [];
    private DateTime _lastLineAt = DateTime.UtcNow;

    /// <summary>How many lines so far; a mark for <see cref="Since"/>.</summary>
    public int Count
    {
        get
        {
            lock (_lines)
            {
                return _lines.Count;
            }
        }
    }

    public void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lines)
        {
            _lines.Add(line);
            _lastLineAt = DateTime.UtcNow;
        }
    }

    /// <summary>The lines printed after the first <paramref name="mark"/> lines.</summary>
    public IReadOnlyList<string> Since(int mark)
    {
        lock (_lines)
        {
            return _lines.Skip(mark).ToList();
        }
    }

    /// <summary>
    /// Waits until nothing was printed for <paramref name="quiet"/> (at most <paramref name="limit"/>), so that
    /// what the server logs about a call that just ended, and the indexing of what it just accepted, is in.
    /// </summary>
    public async Task WaitForQuietAsync(TimeSpan quiet, TimeSpan limit)
    {
        var until = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < until)
        {
            DateTime last;
            lock (_lines)
            {
                last = _lastLineAt;
            }

            var silentFor = DateTime.UtcNow - last;
            if (silentFor >= quiet)
            {
                return;
            }

            await Task.Delay(quiet - silentFor);
        }
    }

    /// <summary>A warning, error or critical entry of the console logger, single-line or not.</summary>
    public static bool IsWarningOrError(string line) => LevelPrefix().IsMatch(line);

    /// <summary>A stack frame ("at Namespace.Type.Method(...)"), on a line of its own or folded into a single-line entry.</summary>
    public static bool HasStackTrace(string line) => StackFrame().IsMatch(line);

    [GeneratedRegex(@"^(\d{2}:\d{2}:\d{2}\.\d{3} )?(warn|fail|crit):")]
    private static partial Regex LevelPrefix();

    [GeneratedRegex(@"(^|\s)at [\w`<>\[\],+$]+(\.[\w`<>\[\],+$|]+)+\(")]
    private static partial Regex StackFrame();
}
