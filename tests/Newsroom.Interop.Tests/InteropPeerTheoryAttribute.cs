using Xunit;

namespace Newsroom.Interop.Tests;

/// <summary>A theory run by an independent gRPC peer; skipped when the peer is missing, except under CI. See <see cref="InteropPeer"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class InteropPeerTheoryAttribute : TheoryAttribute
{
    public InteropPeerTheoryAttribute(string peer)
    {
        if (InteropPeer.Named(peer).Missing is { } missing && !CorpusFactAttribute.IsCi)
        {
            Skip = missing;
        }
    }
}
