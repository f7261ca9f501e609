using System.Runtime.CompilerServices;

namespace Newsroom.Grpc;

/// <summary>A client-streaming call: write the requests, complete the stream, then await the response.</summary>
public sealed class AsyncClientStreamingCall<TRequest, TResponse> : AsyncCall
{
    internal AsyncClientStreamingCall(IGrpcCall call, IClientStreamWriter<TRequest> requests, Task<TResponse> response)
        : base(call)
    {
        RequestStream = requests;
        ResponseAsync = response;
    }

    public IClientStreamWriter<TRequest> RequestStream { get; }

    public Task<TResponse> ResponseAsync { get; }

    public TaskAwaiter<TResponse> GetAwaiter() => ResponseAsync.GetAwaiter();
}
