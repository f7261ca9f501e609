using Newsroom.Grpc.Tests.Infrastructure;
using Xunit;

namespace Newsroom.Grpc.Tests.Wire;

/// <summary>Python grpcio, an independent implementation, calling our server.</summary>
public sealed class PythonWireTests(WireTestServer server) : IClassFixture<WireTestServer>, IDisposable
{
    private readonly string _workDir = Directory.CreateTempSubdirectory("newsroom-wire-python-").FullName;

    [WirePeerTheory("python")]
    [MemberData(nameof(WireScenarios.All), MemberType = typeof(WireScenarios))]
    public Task Scenario_passes_against_grpcio(string scenario) =>
        WireScenarios.RunAsync(server, scenario, WirePeer.Python, [
            Path.Combine(RepositoryPaths.Root, "tests/wire/python/wire_client.py"),
            "--target", server.Target, "--scenario", scenario, "--work-dir", _workDir]);

    public void Dispose() => Directory.Delete(_workDir, recursive: true);
}
