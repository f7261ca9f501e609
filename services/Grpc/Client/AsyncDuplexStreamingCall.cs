namespace Newsroom.Grpc;

/// <summary>A duplex call: requests and responses flow at the same time.</summary>
public sealed class AsyncDuplexStreamingCall<TRequest, TResponse> : AsyncCall
{
    internal AsyncDuplexStreamingCall(IGrpcCall call, IClientStreamWriter<TRequest> requests, IAsyncEnumerable<TResponse> responses)
        : base(call)
    {
        RequestStream = requests;
        ResponseStream = responses;
    }

    public IClientStreamWriter<TRequest> RequestStream { get; }

    public IAsyncEnumerable<TResponse> ResponseStream { get; }
}
