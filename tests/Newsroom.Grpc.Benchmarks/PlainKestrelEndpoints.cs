using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Newsroom.Grpc.Benchmarks;

/// <summary>
/// The baseline: Kestrel endpoints without the gRPC layer that answer Echo and Count with the
/// bytes the layer sends (frames, headers, grpc-status trailer), flushed where the layer flushes.
/// </summary>
internal static class PlainKestrelEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(BenchmarkMessages.EchoPath, EchoAsync);
        endpoints.MapPost(BenchmarkMessages.CountPath, CountAsync);
    }

    private static async Task EchoAsync(HttpContext context)
    {
        await ReadToEndAsync(context.Request.BodyReader);
        WriteHeaders(context.Response);

        // Unflushed, so that the message leaves with the trailers, as the layer's unary reply does.
        context.Response.BodyWriter.Write(BenchmarkMessages.EchoReplyFrame);
        context.Response.AppendTrailer("grpc-status", "0");
    }

    private static async Task CountAsync(HttpContext context)
    {
        await ReadToEndAsync(context.Request.BodyReader);
        WriteHeaders(context.Response);
        foreach (var frame in BenchmarkMessages.CountReplyFrames)
        {
            await context.Response.BodyWriter.WriteAsync(frame);
        }

        context.Response.AppendTrailer("grpc-status", "0");
    }

    private static async Task ReadToEndAsync(PipeReader body)
    {
        while (true)
        {
            var result = await body.ReadAsync();
            body.AdvanceTo(result.Buffer.End);
            if (result.IsCompleted)
            {
                return;
            }
        }
    }

    private static void WriteHeaders(HttpResponse response)
    {
        response.ContentType = "application/grpc";
        response.Headers["grpc-accept-encoding"] = "identity,gzip";
    }
}
