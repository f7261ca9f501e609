using Newsroom.Grpc.Tests.Infrastructure;
using Xunit;

namespace Newsroom.Grpc.Tests.Wire;

/// <summary>Node @grpc/grpc-js, an independent implementation, calling our server.</summary>
public sealed class NodeWireTests(WireTestServer server) : IClassFixture<WireTestServer>
{
    [WirePeerTheory("node")]
    [MemberData(nameof(WireScenarios.All), MemberType = typeof(WireScenarios))]
    public Task Scenario_passes_against_grpc_js(string scenario) =>
        WireScenarios.RunAsync(server, scenario, "node", [
            Path.Combine(RepositoryPaths.Root, "tests/wire/node/wire_client.js"),
            "--target", server.Target, "--scenario", scenario]);
}
