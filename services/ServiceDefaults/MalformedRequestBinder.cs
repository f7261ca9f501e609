using Google.Protobuf;
using Grpc.Core;

namespace Newsroom.ServiceDefaults;

/// <summary>
/// Binds a generated gRPC service with request deserializers that answer a malformed message
/// (invalid UTF-8 in a string, a truncated field) with INVALID_ARGUMENT and the parser's reason.
/// grpc-dotnet reads a unary request before any interceptor runs and answers what fails there
/// with UNKNOWN "Exception was thrown by handler.", which tells the sender nothing. A service
/// opts in with <c>[BindServiceMethod(typeof(TheService), "BindService")]</c> and a static
/// <c>BindService</c> that passes this binder to the generated one.
/// </summary>
public sealed class MalformedRequestBinder(ServiceBinderBase inner) : ServiceBinderBase
{
    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler) =>
        inner.AddMethod(Checked(method), handler);

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler) =>
        inner.AddMethod(Checked(method), handler);

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler) =>
        inner.AddMethod(Checked(method), handler);

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler) =>
        inner.AddMethod(Checked(method), handler);

    private static Method<TRequest, TResponse> Checked<TRequest, TResponse>(Method<TRequest, TResponse> method)
        where TRequest : class
        where TResponse : class
    {
        var deserialize = method.RequestMarshaller.ContextualDeserializer;
        var marshaller = Marshallers.Create(method.RequestMarshaller.ContextualSerializer, context =>
        {
            try
            {
                return deserialize(context);
            }
            catch (InvalidProtocolBufferException e)
            {
                throw new RpcException(new Status(StatusCode.InvalidArgument,
                    $"the {typeof(TRequest).Name} message could not be read ({e.Message.TrimEnd('.')}); send well-formed protobuf with every string in UTF-8"));
            }
        });
        return new Method<TRequest, TResponse>(method.Type, method.ServiceName, method.Name, marshaller, method.ResponseMarshaller);
    }
}
