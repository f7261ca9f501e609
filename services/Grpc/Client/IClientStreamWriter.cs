namespace Newsroom.Grpc;

/// <summary>Sends the request messages of a client-streaming or duplex call.</summary>
public interface IClientStreamWriter<in T>
{
    Task WriteAsync(T message, CancellationToken cancellationToken = default);

    /// <summary>Ends the request stream; the server then sees the end of its requests.</summary>
    Task CompleteAsync();
}
