using Google.Protobuf;

namespace Newsroom.Grpc;

/// <summary>
/// A connection to a gRPC server over HTTP/2 (prior knowledge for http://, ALPN for https://).
/// Thread-safe; make one per server and share it.
/// </summary>
public sealed class GrpcChannel : IDisposable
{
    private GrpcChannel(Uri address, GrpcChannelOptions options)
    {
        Address = address;
        Options = options;
        Invoker = new HttpMessageInvoker(options.HttpHandler ?? new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            KeepAlivePingDelay = TimeSpan.FromSeconds(60),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(30),
        });
    }

    public Uri Address { get; }

    internal GrpcChannelOptions Options { get; }

    internal HttpMessageInvoker Invoker { get; }

    /// <param name="address">For example "http://localhost:5000".</param>
    public static GrpcChannel ForAddress(string address, GrpcChannelOptions? options = null) =>
        new(new Uri(address, UriKind.Absolute), options ?? new GrpcChannelOptions());

    public AsyncUnaryCall<TResponse> UnaryCall<TRequest, TResponse>(GrpcMethod<TRequest, TResponse> method, TRequest request, CallOptions options = default)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>, new()
    {
        var call = Start(method, MethodType.Unary, request, options);
        return new AsyncUnaryCall<TResponse>(call, call.ReadSingleResponseAsync());
    }

    public AsyncServerStreamingCall<TResponse> ServerStreamingCall<TRequest, TResponse>(GrpcMethod<TRequest, TResponse> method, TRequest request, CallOptions options = default)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>, new()
    {
        var call = Start(method, MethodType.ServerStreaming, request, options);
        return new AsyncServerStreamingCall<TResponse>(call, call.ReadResponseStream());
    }

    public AsyncClientStreamingCall<TRequest, TResponse> ClientStreamingCall<TRequest, TResponse>(GrpcMethod<TRequest, TResponse> method, CallOptions options = default)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>, new()
    {
        var call = Start(method, MethodType.ClientStreaming, request: null, options);
        return new AsyncClientStreamingCall<TRequest, TResponse>(call, call.RequestStream!, call.ReadSingleResponseAsync());
    }

    public AsyncDuplexStreamingCall<TRequest, TResponse> DuplexStreamingCall<TRequest, TResponse>(GrpcMethod<TRequest, TResponse> method, CallOptions options = default)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>, new()
    {
        var call = Start(method, MethodType.DuplexStreaming, request: null, options);
        return new AsyncDuplexStreamingCall<TRequest, TResponse>(call, call.RequestStream!, call.ReadResponseStream());
    }

    public void Dispose() => Invoker.Dispose();

    private GrpcCall<TRequest, TResponse> Start<TRequest, TResponse>(GrpcMethod<TRequest, TResponse> method, MethodType expected, TRequest? request, CallOptions options)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>, new()
    {
        if (method.Type != expected)
        {
            throw new ArgumentException($"{method.Path} is a {method.Type} method; call it as one.", nameof(method));
        }

        var call = new GrpcCall<TRequest, TResponse>(this, method, options);
        call.Start(request);
        return call;
    }
}
