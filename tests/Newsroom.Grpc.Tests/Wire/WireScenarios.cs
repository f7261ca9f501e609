using Newsroom.Grpc.Tests.Infrastructure;
using Xunit;

namespace Newsroom.Grpc.Tests.Wire;

/// <summary>The scenarios both independent clients run (tests/wire/*/wire_client.*), and what the server must have seen.</summary>
public static class WireScenarios
{
    public static TheoryData<string> All { get; } = new(
        "unary", "metadata", "server_streaming", "client_streaming", "duplex", "deadline", "cancellation",
        "oversized", "gzip", "errors", "health", "reflection_v1", "reflection_v1alpha");

    public static async Task RunAsync(WireTestServer server, string scenario, string program, IEnumerable<string> arguments)
    {
        // Deadline and cancellation must reach the handler, which only the server can see.
        var watched = scenario switch { "deadline" => "Echo", "cancellation" => "Count", _ => null };
        var before = watched is null ? 0 : server.Observations.Cancellations(watched);

        var (exitCode, output) = await ExternalProcess.RunAsync(program, arguments, TimeSpan.FromSeconds(60));

        Assert.True(exitCode == 0, $"{Path.GetFileName(program)} scenario '{scenario}' failed (exit {exitCode}):\n{output}");
        if (watched is not null)
        {
            Assert.True(
                await server.Observations.WaitForCancellationAsync(watched, before, TimeSpan.FromSeconds(5)),
                $"Scenario '{scenario}' passed on the client, but the {watched} handler's cancellation token never fired.");
        }
    }
}
