namespace Newsroom.Grpc;

/// <summary>Sends the messages of a streamed response, one write at a time.</summary>
public interface IServerStreamWriter<in T>
{
    Task WriteAsync(T message, CancellationToken cancellationToken = default);
}
