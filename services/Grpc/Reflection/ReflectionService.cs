using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Reflection.V1;

namespace Newsroom.Grpc;

/// <summary>
/// grpc.reflection.v1.ServerReflection (grpc/grpc doc/server-reflection.md): lists the mapped
/// services and sends the proto files that describe them, so that grpcurl and other generic
/// clients can call them without the .proto files.
/// </summary>
public sealed class ReflectionService(GrpcServiceRegistry registry) : IGrpcService
{
    public static ServiceDescriptor Descriptor => ReflectionReflection.Descriptor.Services[0];

    public async Task ServerReflectionInfo(
        IAsyncEnumerable<ServerReflectionRequest> requests,
        IServerStreamWriter<ServerReflectionResponse> responses,
        ServerCallContext context)
    {
        var index = new ReflectionSymbolIndex(registry.Services);
        await foreach (var request in requests.WithCancellation(context.CancellationToken).ConfigureAwait(false))
        {
            var response = Answer(request, index);
            response.ValidHost = request.Host;
            response.OriginalRequest = request;
            await responses.WriteAsync(response, context.CancellationToken).ConfigureAwait(false);
        }
    }

    private ServerReflectionResponse Answer(ServerReflectionRequest request, ReflectionSymbolIndex index) =>
        request.MessageRequestCase switch
        {
            ServerReflectionRequest.MessageRequestOneofCase.ListServices => new ServerReflectionResponse
            {
                ListServicesResponse = new ListServiceResponse
                {
                    Service = { registry.Services.Select(s => new ServiceResponse { Name = s.FullName }) },
                },
            },
            ServerReflectionRequest.MessageRequestOneofCase.FileByFilename =>
                Files(index.FindFile(request.FileByFilename), $"File '{request.FileByFilename}' is not known to this server."),
            ServerReflectionRequest.MessageRequestOneofCase.FileContainingSymbol =>
                Files(index.FindFileContainingSymbol(request.FileContainingSymbol), $"Symbol '{request.FileContainingSymbol}' is not known to this server."),
            ServerReflectionRequest.MessageRequestOneofCase.FileContainingExtension =>
                Error(StatusCode.NotFound, $"No extension {request.FileContainingExtension.ExtensionNumber} of '{request.FileContainingExtension.ContainingType}' is known to this server."),
            ServerReflectionRequest.MessageRequestOneofCase.AllExtensionNumbersOfType => index.ContainsMessage(request.AllExtensionNumbersOfType)
                ? new ServerReflectionResponse { AllExtensionNumbersResponse = new ExtensionNumberResponse { BaseTypeName = request.AllExtensionNumbersOfType } }
                : Error(StatusCode.NotFound, $"Type '{request.AllExtensionNumbersOfType}' is not known to this server."),
            _ => Error(StatusCode.InvalidArgument, "The request sets none of the reflection queries."),
        };

    private static ServerReflectionResponse Files(FileDescriptor? file, string notFound) =>
        file is null
            ? Error(StatusCode.NotFound, notFound)
            : new ServerReflectionResponse
            {
                FileDescriptorResponse = new FileDescriptorResponse
                {
                    FileDescriptorProto = { ReflectionSymbolIndex.WithDependencies(file).Select(f => f.SerializedData) },
                },
            };

    private static ServerReflectionResponse Error(StatusCode code, string message) =>
        new() { ErrorResponse = new ErrorResponse { ErrorCode = (int)code, ErrorMessage = message } };
}
