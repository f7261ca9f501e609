using System.ComponentModel;
using System.Diagnostics;

namespace Newsroom.Interop.Tests;

/// <summary>Runs a program to completion with a time limit, keeping what it printed in the order it printed it.</summary>
public static class ExternalProcess
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string fileName, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryPaths.Root,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var output = new List<string>();
        void Keep(string? line)
        {
            if (line is not null)
            {
                lock (output)
                {
                    output.Add(line);
                }
            }
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Keep($"[{Path.GetFileName(fileName)} did not finish within {timeout.TotalSeconds} s and was killed]");
            return (-1, Joined(output));
        }

        return (process.ExitCode, Joined(output));
    }

    /// <summary>True when the program runs and exits 0.</summary>
    public static bool Succeeds(string fileName, params string[] arguments)
    {
        try
        {
            return RunAsync(fileName, arguments, TimeSpan.FromSeconds(30)).GetAwaiter().GetResult().ExitCode == 0;
        }
        catch (Win32Exception)
        {
            return false; // not installed
        }
    }

    private static string Joined(List<string> output)
    {
        lock (output)
        {
            return string.Join('\n', output);
        }
    }
}
