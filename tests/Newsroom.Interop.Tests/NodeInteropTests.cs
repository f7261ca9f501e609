using Xunit;
using Xunit.Abstractions;

namespace Newsroom.Interop.Tests;

/// <summary>Node @grpc/grpc-js, an independent implementation, calling the real services.</summary>
public sealed class NodeInteropTests(StandaloneHost host, ITestOutputHelper output) : IClassFixture<StandaloneHost>
{
    [InteropPeerTheory("node")]
    [MemberData(nameof(InteropScenarios.All), MemberType = typeof(InteropScenarios))]
    public Task Scenario_passes_against_grpc_js(string scenario) => InteropScenarios.RunAsync(host, InteropPeer.Node, scenario, output);
}
