using Xunit;
using Xunit.Abstractions;

namespace Newsroom.Interop.Tests;

/// <summary>Python grpcio, an independent implementation, calling the real services.</summary>
public sealed class PythonInteropTests(StandaloneHost host, ITestOutputHelper output) : IClassFixture<StandaloneHost>
{
    [InteropPeerTheory("python")]
    [MemberData(nameof(InteropScenarios.All), MemberType = typeof(InteropScenarios))]
    public Task Scenario_passes_against_grpcio(string scenario) => InteropScenarios.RunAsync(host, InteropPeer.Python, scenario, output);
}
