using System.Reflection;
using Google.Protobuf;
using Microsoft.Extensions.Logging;

namespace Newsroom.Grpc;

internal sealed class ServerStreamingServerCallHandler<TService, TRequest, TResponse>(
    MethodInfo handler, MessageParser<TRequest> parser, string method, GrpcServerOptions options, ILogger logger)
    : ServerCallHandler<TService>(method, options, logger)
    where TService : class
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    private readonly Func<TService, TRequest, IServerStreamWriter<TResponse>, ServerCallContext, Task> _invoker =
        CreateInvoker<Func<TService, TRequest, IServerStreamWriter<TResponse>, ServerCallContext, Task>>(handler);

    protected override async Task HandleCallCoreAsync(TService service, ServerCallContext context)
    {
        var request = await context.ReadSingleMessageAsync(parser).ConfigureAwait(false);
        await _invoker(service, request, new ServerStreamWriter<TResponse>(context), context).ConfigureAwait(false);
    }
}
