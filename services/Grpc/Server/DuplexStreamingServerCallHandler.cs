using System.Reflection;
using Google.Protobuf;
using Microsoft.Extensions.Logging;

namespace Newsroom.Grpc;

internal sealed class DuplexStreamingServerCallHandler<TService, TRequest, TResponse>(
    MethodInfo handler, MessageParser<TRequest> parser, string method, GrpcServerOptions options, ILogger logger)
    : ServerCallHandler<TService>(method, options, logger)
    where TService : class
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    private readonly Func<TService, IAsyncEnumerable<TRequest>, IServerStreamWriter<TResponse>, ServerCallContext, Task> _invoker =
        CreateInvoker<Func<TService, IAsyncEnumerable<TRequest>, IServerStreamWriter<TResponse>, ServerCallContext, Task>>(handler);

    protected override Task HandleCallCoreAsync(TService service, ServerCallContext context) =>
        _invoker(service, new ServerStreamReader<TRequest>(context, parser), new ServerStreamWriter<TResponse>(context), context);
}
