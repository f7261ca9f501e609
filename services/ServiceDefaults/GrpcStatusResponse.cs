using System.Globalization;
using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace Newsroom.ServiceDefaults;

/// <summary>
/// Answers a request that middleware refuses before it reaches a gRPC method (authentication, rate
/// limits) with the status a client of that request understands: a gRPC status for gRPC calls, and
/// for JSON over HTTP the HTTP status with the same <c>{"code", "message"}</c> body as transcoded
/// errors. grpc-dotnet clients turn a bare HTTP 401 into UNAUTHENTICATED with no message, and a
/// 429 into UNAVAILABLE, which would send them retrying; so gRPC calls get HTTP 200 with the
/// status in a trailers-only response.
/// </summary>
internal static class GrpcStatusResponse
{
    public static Task WriteAsync(HttpContext context, StatusCode code, string message, int httpStatus)
    {
        var response = context.Response;
        if (IsGrpc(context.Request))
        {
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "application/grpc";
            response.Headers["grpc-status"] = ((int)code).ToString(CultureInfo.InvariantCulture);
            // grpc-message is percent-encoded UTF-8; encoding more than the required minimum is allowed, and clients decode it.
            response.Headers["grpc-message"] = Uri.EscapeDataString(message);
            return Task.CompletedTask;
        }
        response.StatusCode = httpStatus;
        return response.WriteAsJsonAsync(new TranscodedError((int)code, message), context.RequestAborted);
    }

    private static bool IsGrpc(HttpRequest request) =>
        request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;

    private sealed record TranscodedError(int Code, string Message);
}
