using Microsoft.Extensions.Logging;

namespace Newsroom.Grpc;

internal static partial class GrpcServerLog
{
    [LoggerMessage(1, LogLevel.Error, "gRPC method {Method} threw an exception; the client got UNKNOWN.")]
    public static partial void HandlerFailed(ILogger logger, string method, Exception exception);

    [LoggerMessage(2, LogLevel.Debug, "gRPC method {Method}: the client went away before the status was sent.")]
    public static partial void ClientGone(ILogger logger, string method, Exception exception);

    [LoggerMessage(3, LogLevel.Debug, "gRPC method {Method} exceeded its deadline of {Timeout}.")]
    public static partial void DeadlineExceeded(ILogger logger, string method, TimeSpan? timeout);

    [LoggerMessage(4, LogLevel.Debug, "gRPC method {Method} failed after its call had ended.")]
    public static partial void FailedAfterEnd(ILogger logger, string method, Exception exception);
}
