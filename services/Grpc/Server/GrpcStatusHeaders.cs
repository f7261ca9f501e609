using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Newsroom.Grpc;

/// <summary>Writes a status and trailing metadata, into trailers or (Trailers-Only) into headers.</summary>
internal static class GrpcStatusHeaders
{
    public static void Write(Action<string, string> add, Status status, Metadata? trailers = null)
    {
        add(GrpcProtocolConstants.StatusHeader, ((int)status.StatusCode).ToString(CultureInfo.InvariantCulture));
        if (status.Detail.Length > 0)
        {
            add(GrpcProtocolConstants.MessageHeader, PercentEncoding.Encode(status.Detail));
        }

        foreach (var entry in trailers ?? [])
        {
            add(entry.Key, MetadataHeaders.Encode(entry));
        }
    }

    /// <summary>Answers a request that never became a call: an HTTP status with a gRPC status beside it.</summary>
    public static Task RejectAsync(HttpContext httpContext, int httpStatus, Status status, string? acceptEncoding = null)
    {
        var response = httpContext.Response;
        response.StatusCode = httpStatus;
        response.ContentType = GrpcProtocolConstants.ContentType;
        if (acceptEncoding is not null)
        {
            response.Headers[GrpcProtocolConstants.AcceptEncodingHeader] = acceptEncoding;
        }

        Write((name, value) => response.Headers.Append(name, value), status);
        return response.CompleteAsync();
    }
}
