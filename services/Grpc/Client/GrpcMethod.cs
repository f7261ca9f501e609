using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Newsroom.Grpc;

/// <summary>A method a client calls: its path, call type and message types.</summary>
public sealed class GrpcMethod<TRequest, TResponse>
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>, new()
{
    /// <param name="path">"/package.Service/Method"</param>
    public GrpcMethod(string path, MethodType type)
    {
        if (!path.StartsWith('/') || path.Count(c => c == '/') != 2)
        {
            throw new ArgumentException($"'{path}' is not a gRPC method path such as /package.Service/Method.", nameof(path));
        }

        Path = path;
        Type = type;
    }

    public string Path { get; }

    public MethodType Type { get; }

    internal MessageParser<TResponse> ResponseParser { get; } = new TResponse().Descriptor.Parser as MessageParser<TResponse>
        ?? throw new InvalidOperationException($"{typeof(TResponse).Name} has no protobuf parser.");

    /// <summary>The method <paramref name="name"/> of a service, checked against the message types.</summary>
    public GrpcMethod(ServiceDescriptor service, string name)
        : this(Describe(service, name))
    {
    }

    private GrpcMethod((string Path, MethodType Type) method)
        : this(method.Path, method.Type)
    {
    }

    private static (string Path, MethodType Type) Describe(ServiceDescriptor service, string name)
    {
        var method = service.FindMethodByName(name)
            ?? throw new ArgumentException($"{service.FullName} has no method '{name}'.", nameof(name));
        if (method.InputType.ClrType != typeof(TRequest) || method.OutputType.ClrType != typeof(TResponse))
        {
            throw new ArgumentException(
                $"{method.FullName} takes {method.InputType.ClrType.Name} and returns {method.OutputType.ClrType.Name}, not {typeof(TRequest).Name} and {typeof(TResponse).Name}.",
                nameof(name));
        }

        var type = (method.IsClientStreaming, method.IsServerStreaming) switch
        {
            (false, false) => MethodType.Unary,
            (true, false) => MethodType.ClientStreaming,
            (false, true) => MethodType.ServerStreaming,
            (true, true) => MethodType.DuplexStreaming,
        };
        return ($"/{service.FullName}/{method.Name}", type);
    }
}
