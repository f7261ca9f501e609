using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;

namespace Newsroom.ServiceDefaults;

/// <summary>
/// Turns what a service method throws into the status a client can act on: a request that cannot
/// be served is INVALID_ARGUMENT with the reason; a call the client cancelled or let expire (also when a
/// write raced its end) is CANCELLED or DEADLINE_EXCEEDED, which is not a server error and logs no stack trace; anything
/// unexpected is UNKNOWN with no internals, logged once with the method. A method's own
/// <see cref="RpcException"/> passes unchanged.
/// </summary>
public sealed partial class GrpcExceptionInterceptor(ILogger<GrpcExceptionInterceptor> logger, TimeProvider time) : Interceptor
{
    /// <summary>
    /// A client resets the stream when its own deadline timer fires; the server's copy of the
    /// deadline counts from when the headers arrived, so the reset can come a little before it.
    /// A cancellation this close to the deadline is the deadline passing.
    /// </summary>
    private static readonly TimeSpan DeadlineSkew = TimeSpan.FromSeconds(1);

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        return Guard(() => continuation(request, context), context);
    }

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        return Guard(() => continuation(requestStream, context), context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        return Guard(() => continuation(request, responseStream, context), context);
    }

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        return Guard(() => continuation(requestStream, responseStream, context), context);
    }

    private async Task<TResponse> Guard<TResponse>(Func<Task<TResponse>> call, ServerCallContext context)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception e) when (e is not RpcException)
        {
            throw ToStatus(e, context);
        }
    }

    private Task<bool> Guard(Func<Task> call, ServerCallContext context) =>
        Guard(async () =>
        {
            await call().ConfigureAwait(false);
            return true;
        }, context);

    private RpcException ToStatus(Exception exception, ServerCallContext context)
    {
        if (exception is InvalidRequestException)
        {
            return new RpcException(new Status(StatusCode.InvalidArgument, exception.Message));
        }

        // A cancelled token surfaces as OperationCanceledException, and a write that raced the client leaving (a watch
        // with an update ready as the call ends) as grpc-dotnet's InvalidOperationException "the request is complete".
        // A stream the client reset surfaces as an IOException from the request or response stream, at times before the
        // call's token is cancelled: the connection to the client broke, which is no fault of the server (its own I/O is SQLite's).
        if ((exception is OperationCanceledException or InvalidOperationException && context.CancellationToken.IsCancellationRequested) || exception is IOException)
        {
            var expired = context.Deadline - DeadlineSkew <= time.GetUtcNow().UtcDateTime;
            LogCallEnded(logger, context.Method, expired ? "its deadline passed" : "the client cancelled it");
            return expired
                ? new RpcException(new Status(StatusCode.DeadlineExceeded, "The call's deadline passed before the server finished; allow a longer deadline or ask for less."))
                : new RpcException(new Status(StatusCode.Cancelled, "The client cancelled the call."));
        }

        LogUnexpected(logger, context.Method, exception);
        return new RpcException(new Status(StatusCode.Unknown,
            $"{context.Method} failed on the server; nothing in the request explains it. Retry later, and if it persists report it with the time of the call (the server's log has the details)."));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Method} ended early: {Reason}")]
    private static partial void LogCallEnded(ILogger logger, string method, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} failed")]
    private static partial void LogUnexpected(ILogger logger, string method, Exception exception);
}
