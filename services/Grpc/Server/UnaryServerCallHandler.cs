using System.Reflection;
using Google.Protobuf;
using Microsoft.Extensions.Logging;

namespace Newsroom.Grpc;

internal sealed class UnaryServerCallHandler<TService, TRequest, TResponse>(
    MethodInfo handler, MessageParser<TRequest> parser, string method, GrpcServerOptions options, ILogger logger)
    : ServerCallHandler<TService>(method, options, logger)
    where TService : class
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    private readonly Func<TService, TRequest, ServerCallContext, Task<TResponse>> _invoker =
        CreateInvoker<Func<TService, TRequest, ServerCallContext, Task<TResponse>>>(handler);

    protected override async Task HandleCallCoreAsync(TService service, ServerCallContext context)
    {
        var request = await context.ReadSingleMessageAsync(parser).ConfigureAwait(false);
        var response = await _invoker(service, request, context).ConfigureAwait(false);
        await context.WriteMessageAsync(response, flush: false, context.CancellationToken).ConfigureAwait(false);
    }
}
