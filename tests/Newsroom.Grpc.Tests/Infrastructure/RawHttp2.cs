using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;

namespace Newsroom.Grpc.Tests.Infrastructure;

/// <summary>
/// Plain HTTP/2 requests with no gRPC client in between, to check exactly what the server
/// puts on the wire: status lines, headers, trailers and message bytes.
/// </summary>
public static class RawHttp2
{
    private static readonly HttpMessageInvoker Invoker = new(new SocketsHttpHandler());

    public static byte[] Frame(IMessage message, bool compress = false)
    {
        var output = new ArrayBufferWriter<byte>();
        GrpcMessageWriter.Write(output, message, compress, null, "request");
        return output.WrittenSpan.ToArray();
    }

    public static async Task<RawResponse> PostAsync(
        string address, string path, byte[] body, string contentType = "application/grpc",
        IEnumerable<(string Name, string Value)>? headers = null, Version? version = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, address + path)
        {
            Version = version ?? HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.TryAddWithoutValidation("te", "trailers");
        foreach (var (name, value) in headers ?? [])
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await Invoker.SendAsync(request, CancellationToken.None);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return new RawResponse(
            response.StatusCode,
            response.Headers.Concat(response.Content.Headers).ToDictionary(h => h.Key.ToLowerInvariant(), h => string.Join(",", h.Value)),
            response.TrailingHeaders.ToDictionary(h => h.Key.ToLowerInvariant(), h => string.Join(",", h.Value)),
            bytes);
    }
}
