using System.Reflection;
using Google.Protobuf.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Newsroom.Grpc;

/// <summary>
/// Finds the handler of every method of a service descriptor on the service class, checking
/// its call type and message types, and makes a request delegate for each.
/// </summary>
internal static class GrpcServiceBinder
{
    public static IReadOnlyList<(string Path, RequestDelegate Handler)> Bind(
        Type serviceType, ServiceDescriptor descriptor, GrpcServerOptions options, ILoggerFactory loggerFactory)
    {
        var logger = loggerFactory.CreateLogger(serviceType);
        var bound = new List<(string, RequestDelegate)>();
        var problems = new List<string>();
        foreach (var method in descriptor.Methods)
        {
            var (parameters, returnType, handlerType) = ExpectedSignature(method);
            var handler = serviceType.GetMethod(method.Name, BindingFlags.Public | BindingFlags.Instance, parameters);
            if (handler is null || handler.ReturnType != returnType)
            {
                problems.Add($"  public {Describe(returnType)} {method.Name}({string.Join(", ", parameters.Select(Describe))})");
                continue;
            }

            var path = $"/{descriptor.FullName}/{method.Name}";
            var callHandler = Activator.CreateInstance(
                handlerType.MakeGenericType(serviceType, method.InputType.ClrType, method.OutputType.ClrType),
                handler,
                method.InputType.Parser,
                path,
                options,
                logger)!;
            bound.Add((path, (RequestDelegate)Delegate.CreateDelegate(typeof(RequestDelegate), callHandler, nameof(ServerCallHandler<object>.HandleCallAsync))));
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                $"{serviceType.Name} cannot serve {descriptor.FullName}: add these methods, or fix their signatures:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
        }

        return bound;
    }

    private static (Type[] Parameters, Type ReturnType, Type HandlerType) ExpectedSignature(MethodDescriptor method)
    {
        var request = method.InputType.ClrType;
        var response = method.OutputType.ClrType;
        var requests = typeof(IAsyncEnumerable<>).MakeGenericType(request);
        var responses = typeof(IServerStreamWriter<>).MakeGenericType(response);
        var single = typeof(Task<>).MakeGenericType(response);
        return (method.IsClientStreaming, method.IsServerStreaming) switch
        {
            (false, false) => ([request, typeof(ServerCallContext)], single, typeof(UnaryServerCallHandler<,,>)),
            (false, true) => ([request, responses, typeof(ServerCallContext)], typeof(Task), typeof(ServerStreamingServerCallHandler<,,>)),
            (true, false) => ([requests, typeof(ServerCallContext)], single, typeof(ClientStreamingServerCallHandler<,,>)),
            (true, true) => ([requests, responses, typeof(ServerCallContext)], typeof(Task), typeof(DuplexStreamingServerCallHandler<,,>)),
        };
    }

    private static string Describe(Type type) =>
        type.IsGenericType
            ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(Describe))}>"
            : type.Name;
}
