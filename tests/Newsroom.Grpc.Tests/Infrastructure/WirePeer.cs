namespace Newsroom.Grpc.Tests.Infrastructure;

/// <summary>
/// The independent gRPC clients the wire tests drive. On a developer's box a missing peer
/// skips its tests with the command that installs it; under CI (CI=true) nothing is skipped,
/// so a missing peer fails instead of passing unnoticed.
/// </summary>
public static class WirePeer
{
    public const string Python = "/usr/bin/python3";

    public static string? PythonMissing { get; } =
        ExternalProcess.Succeeds(Python, "-c", "import grpc, google.protobuf") && ExternalProcess.Succeeds("protoc", "--version")
            ? null
            : "Python grpcio peer missing: run `sudo apt-get install -y python3-grpcio python3-protobuf protobuf-compiler` (or `bash deploy/scripts/test.sh`, which installs it).";

    public static string? NodeMissing { get; } =
        ExternalProcess.Succeeds("node", "--version") && Directory.Exists(Path.Combine(RepositoryPaths.Root, "tests/wire/node/node_modules/@grpc/grpc-js"))
            ? null
            : "Node @grpc/grpc-js peer missing: run `npm ci --prefix tests/wire/node` (or `bash deploy/scripts/test.sh`, which does it).";

    public static bool MustRun => CorpusFactAttribute.IsCi;
}
