using Xunit;
using Xunit.Abstractions;

namespace Newsroom.Interop.Tests;

/// <summary>
/// The scenarios both peers run (tests/wire/*/wire_client.*) against the standalone host, and what the
/// host's log must show for each: what a client does to its own calls is not a server error.
/// </summary>
public static class InteropScenarios
{
    private const int LogLines = 60;
    private static readonly TimeSpan PeerLimit = TimeSpan.FromSeconds(45);

    public static TheoryData<string> All { get; } = new(
        "unary", "client_streaming", "server_streaming", "deadline", "cancellation", "oversized", "gzip", "errors",
        "health", "reflection_v1", "reflection_v1alpha");

    // Calls the client ends itself, by a deadline or by cancelling: the server logs no warning or error for them.
    private static readonly HashSet<string> EndedByTheClient = ["deadline", "cancellation"];

    public static async Task RunAsync(StandaloneHost host, InteropPeer peer, string scenario, ITestOutputHelper testOutput)
    {
        if (peer.Missing is { } missing)
        {
            Assert.Fail(missing); // only under CI, which skips nothing
        }

        await host.EnsureStartedAsync(testOutput);
        var mark = host.Log.Count;
        var (exitCode, output) = await ExternalProcess.RunAsync(peer.Program, peer.Arguments(host.Target, scenario), PeerLimit);
        await host.Log.WaitForQuietAsync(TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(3));
        var logged = host.Log.Since(mark);
        testOutput.WriteLine(output);

        string Failure(string what) =>
            $"{peer.Name} scenario '{scenario}': {what}\n" +
            $"Run it by hand: {peer.CommandLine(scenario)} (with `dotnet run --project services/Standalone` in another terminal).\n" +
            $"--- {peer.Name} output ---\n{output}\n" +
            $"--- standalone host log during the scenario ({host.Address}; at most its last {LogLines} lines) ---\n" +
            (logged.Count == 0 ? "(nothing)" : string.Join('\n', logged.TakeLast(LogLines)));

        Assert.True(exitCode == 0, Failure($"the peer failed (exit code {exitCode}); its last line says which check."));

        var traces = logged.Where(ServerLog.HasStackTrace).ToList();
        Assert.True(traces.Count == 0, Failure(
            "the peer passed, but the server logged a stack trace during the scenario; only a fault of the server may, and none was provoked. " +
            "Log what a client caused without the exception (grpc-dotnet logs \"Error reading message\" with one for a reset or oversized request, " +
            $"at Information under Grpc.AspNetCore.Server.ServerCallHandler):\n{string.Join('\n', traces)}"));

        if (EndedByTheClient.Contains(scenario))
        {
            var complaints = logged.Where(ServerLog.IsWarningOrError).ToList();
            Assert.True(complaints.Count == 0, Failure(
                "the peer passed, but the server logged a warning or error for a call the client ended itself, which is no fault of the server; " +
                $"log it below Warning:\n{string.Join('\n', complaints)}"));
        }
    }
}
