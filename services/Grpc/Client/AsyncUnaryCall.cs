using System.Runtime.CompilerServices;

namespace Newsroom.Grpc;

/// <summary>A unary call; await it for the response.</summary>
public sealed class AsyncUnaryCall<TResponse> : AsyncCall
{
    internal AsyncUnaryCall(IGrpcCall call, Task<TResponse> response)
        : base(call) => ResponseAsync = response;

    public Task<TResponse> ResponseAsync { get; }

    public TaskAwaiter<TResponse> GetAwaiter() => ResponseAsync.GetAwaiter();
}
