using System.Runtime.CompilerServices;
using Google.Protobuf;

namespace Newsroom.Grpc;

/// <summary>The request messages of a client-streaming or duplex call; read once.</summary>
internal sealed class ServerStreamReader<T>(ServerCallContext context, MessageParser<T> parser) : IAsyncEnumerable<T>
    where T : class, IMessage<T>
{
    private int _enumerated;

    public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _enumerated, 1) == 1)
        {
            throw new InvalidOperationException("The request stream can only be read once.");
        }

        return ReadAllAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
    }

    private async IAsyncEnumerable<T> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, cancellationToken);
        while (await context.Reader.ReadAsync(parser, linked.Token).ConfigureAwait(false) is { } message)
        {
            yield return message;
        }
    }
}
