using Google.Protobuf.Reflection;

namespace Newsroom.Grpc;

/// <summary>
/// A class that serves one gRPC service. For every method in <see cref="Descriptor"/> it has a
/// public method of the same name, checked when the service is mapped:
/// <code>
/// Task&lt;TResponse&gt; Unary(TRequest request, ServerCallContext context)
/// Task ServerStreaming(TRequest request, IServerStreamWriter&lt;TResponse&gt; responses, ServerCallContext context)
/// Task&lt;TResponse&gt; ClientStreaming(IAsyncEnumerable&lt;TRequest&gt; requests, ServerCallContext context)
/// Task Duplex(IAsyncEnumerable&lt;TRequest&gt; requests, IServerStreamWriter&lt;TResponse&gt; responses, ServerCallContext context)
/// </code>
/// </summary>
public interface IGrpcService
{
    static abstract ServiceDescriptor Descriptor { get; }
}
