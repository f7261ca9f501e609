using System.Globalization;
using System.Text;
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
            response.Headers["grpc-message"] = PercentEncode(message);
            return Task.CompletedTask;
        }
        response.StatusCode = httpStatus;
        return response.WriteAsJsonAsync(new TranscodedError((int)code, message), context.RequestAborted);
    }

    private static bool IsGrpc(HttpRequest request) =>
        request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>grpc-message is percent-encoded UTF-8: printable ASCII except '%' passes unchanged.</summary>
    private static string PercentEncode(string message)
    {
        var encoded = new StringBuilder(message.Length);
        foreach (var b in Encoding.UTF8.GetBytes(message))
        {
            if (b is >= 0x20 and <= 0x7E and not (byte)'%')
            {
                encoded.Append((char)b);
            }
            else
            {
                encoded.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }
        return encoded.ToString();
    }

    private sealed record TranscodedError(int Code, string Message);
}
