namespace Newsroom.Grpc;

/// <summary>A server-streaming call; read <see cref="ResponseStream"/> once.</summary>
public sealed class AsyncServerStreamingCall<TResponse> : AsyncCall
{
    internal AsyncServerStreamingCall(IGrpcCall call, IAsyncEnumerable<TResponse> responses)
        : base(call) => ResponseStream = responses;

    public IAsyncEnumerable<TResponse> ResponseStream { get; }
}
