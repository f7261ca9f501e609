using Google.Protobuf;
using Google.Protobuf.Reflection;
using V1 = Grpc.Reflection.V1;
using V1Alpha = Grpc.Reflection.V1Alpha;

namespace Newsroom.Grpc;

/// <summary>
/// grpc.reflection.v1alpha.ServerReflection, which older grpcurl and many clients still ask
/// first. Its messages are v1's byte for byte, so it converts and lets <see cref="ReflectionService"/> answer.
/// </summary>
public sealed class ReflectionV1AlphaService(GrpcServiceRegistry registry) : IGrpcService
{
    private readonly ReflectionService _reflection = new(registry);

    public static ServiceDescriptor Descriptor => V1Alpha.ReflectionReflection.Descriptor.Services[0];

    public Task ServerReflectionInfo(
        IAsyncEnumerable<V1Alpha.ServerReflectionRequest> requests,
        IServerStreamWriter<V1Alpha.ServerReflectionResponse> responses,
        ServerCallContext context) =>
        _reflection.ServerReflectionInfo(
            requests.Select(request => V1.ServerReflectionRequest.Parser.ParseFrom(request.ToByteString())),
            new ConvertingWriter(responses),
            context);

    private sealed class ConvertingWriter(IServerStreamWriter<V1Alpha.ServerReflectionResponse> inner) : IServerStreamWriter<V1.ServerReflectionResponse>
    {
        public Task WriteAsync(V1.ServerReflectionResponse message, CancellationToken cancellationToken = default) =>
            inner.WriteAsync(V1Alpha.ServerReflectionResponse.Parser.ParseFrom(message.ToByteString()), cancellationToken);
    }
}
