namespace Newsroom.Interop.Tests;

/// <summary>
/// An independent gRPC client the interop tests drive (tests/wire/*/wire_client.*). On a developer's
/// machine a missing peer skips its tests with the command that installs it; under CI (CI=true) nothing
/// is skipped, so that a missing peer fails instead of passing unnoticed.
/// </summary>
public sealed class InteropPeer
{
    private readonly Lazy<string?> _missing;

    private InteropPeer(string name, string program, string script, Func<string?> missing)
    {
        Name = name;
        Program = program;
        Script = script;
        _missing = new(missing);
    }

    /// <summary>Python grpcio, from Debian's packages (the python3 first on PATH may be another one without them).</summary>
    public static InteropPeer Python { get; } = new("python", "/usr/bin/python3", "tests/wire/python/wire_client.py", () =>
        ExternalProcess.Succeeds("/usr/bin/python3", "-c", "import grpc, google.protobuf") && ExternalProcess.Succeeds("protoc", "--version")
            ? null
            : "The Python grpcio peer needs /usr/bin/python3 with grpcio and protobuf, and protoc: run `sudo apt-get install -y python3-grpcio python3-protobuf protobuf-compiler` (or `bash deploy/scripts/test.sh`, which installs them).");

    /// <summary>Node @grpc/grpc-js with @grpc/proto-loader and protobufjs, as locked in tests/wire/node.</summary>
    public static InteropPeer Node { get; } = new("node", "node", "tests/wire/node/wire_client.js", () =>
        ExternalProcess.Succeeds("node", "--version")
        && new[] { "@grpc/grpc-js", "@grpc/proto-loader", "protobufjs" }.All(package => Directory.Exists(Path.Combine(RepositoryPaths.Root, "tests/wire/node/node_modules", package)))
            ? null
            : "The Node grpc-js peer needs node and tests/wire/node/node_modules: run `npm ci --prefix tests/wire/node` (after `sudo apt-get install -y nodejs npm` when node is missing), or `bash deploy/scripts/test.sh`, which does both.");

    public string Name { get; }

    public string Program { get; }

    /// <summary>The client script, relative to the checkout.</summary>
    public string Script { get; }

    /// <summary>What to install, when the peer cannot run here; null when it can.</summary>
    public string? Missing => _missing.Value;

    public static InteropPeer Named(string name) => name switch
    {
        "python" => Python,
        "node" => Node,
        _ => throw new ArgumentException($"Unknown interop peer '{name}'; use \"python\" or \"node\".", nameof(name)),
    };

    public IEnumerable<string> Arguments(string target, string scenario) =>
        [Path.Combine(RepositoryPaths.Root, Script), "--target", target, "--scenario", scenario];

    /// <summary>The command that runs one scenario by hand, against a host started with `dotnet run --project services/Standalone`.</summary>
    public string CommandLine(string scenario) => $"{Program} {Script} --target localhost:5000 --scenario {scenario}";
}
