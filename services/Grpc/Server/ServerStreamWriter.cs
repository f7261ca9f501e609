using Google.Protobuf;

namespace Newsroom.Grpc;

/// <summary>The response messages of a server-streaming or duplex call, each flushed as written.</summary>
internal sealed class ServerStreamWriter<T>(ServerCallContext context) : IServerStreamWriter<T>
    where T : class, IMessage<T>
{
    public Task WriteAsync(T message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return context.WriteMessageAsync(message, flush: true, cancellationToken.CanBeCanceled ? cancellationToken : context.CancellationToken);
    }
}
