using Xunit;

namespace Newsroom.Grpc.Tests.Infrastructure;

/// <summary>A theory that needs an independent gRPC peer; see <see cref="WirePeer"/>.</summary>
public sealed class WirePeerTheoryAttribute : TheoryAttribute
{
    public WirePeerTheoryAttribute(string peer)
    {
        var missing = peer switch
        {
            "python" => WirePeer.PythonMissing,
            "node" => WirePeer.NodeMissing,
            _ => throw new ArgumentException($"Unknown wire peer '{peer}'.", nameof(peer)),
        };
        if (missing is not null && !WirePeer.MustRun)
        {
            Skip = missing;
        }
    }
}
