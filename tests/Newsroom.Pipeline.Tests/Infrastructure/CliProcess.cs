using System.Diagnostics;
using System.Text.Json;

namespace Newsroom.Pipeline.Tests.Infrastructure;

/// <summary>The built `newsroom` CLI run as a user runs it, against services the test started.</summary>
public static class CliProcess
{
    /// <summary>Runs the CLI; the output is its standard output followed by its standard error.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(params string[] arguments)
    {
        var cli = Path.Combine(RepositoryPaths.Root, "tools", "Newsroom.Cli", "bin", ServiceProcess.BuildConfiguration, "net10.0", "newsroom.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(cli);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>The first line of the output that is a JSON object, as --json writes it.</summary>
    public static JsonElement JsonLine(string output)
    {
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith('{'))
            ?? throw new InvalidOperationException($"The CLI wrote no JSON line:\n{output}");
        using var document = JsonDocument.Parse(line);
        return document.RootElement.Clone();
    }
}
