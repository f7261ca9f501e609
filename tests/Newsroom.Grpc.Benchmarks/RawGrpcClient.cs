using System.Net;

namespace Newsroom.Grpc.Benchmarks;

/// <summary>
/// Sends prebuilt request frames over HttpClient's HTTP/2 and reads whole responses, the same way
/// for every server, so that a difference in time is the server's.
/// </summary>
internal sealed class RawGrpcClient : IDisposable
{
    private readonly HttpMessageInvoker _invoker = new(new SocketsHttpHandler { EnableMultipleHttp2Connections = true });

    /// <summary>Makes a call and copies the response body to <paramref name="responseBody"/>; throws unless the call succeeded.</summary>
    public async Task CallAsync(Uri method, byte[] requestFrame, Stream responseBody)
    {
        using var response = await SendAsync(method, requestFrame);
        await response.Content.CopyToAsync(responseBody);
        EnsureSucceeded(response);
    }

    /// <summary>Everything a call's response holds except its Date header, to compare servers.</summary>
    public async Task<string> DescribeResponseAsync(Uri method, byte[] requestFrame)
    {
        using var response = await SendAsync(method, requestFrame);
        var body = await response.Content.ReadAsByteArrayAsync();
        EnsureSucceeded(response);
        var headers = response.Headers.Where(header => header.Key != "Date")
            .Concat(response.Content.Headers)
            .Concat(response.TrailingHeaders)
            .Select(header => $"{header.Key}: {string.Join(", ", header.Value)}");
        return $"{string.Join(Environment.NewLine, headers)}{Environment.NewLine}{Convert.ToHexString(body)}";
    }

    public void Dispose() => _invoker.Dispose();

    private Task<HttpResponseMessage> SendAsync(Uri method, byte[] requestFrame)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, method)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(requestFrame),
        };
        request.Headers.TryAddWithoutValidation("te", "trailers");
        request.Content.Headers.TryAddWithoutValidation("content-type", "application/grpc");
        return _invoker.SendAsync(request, CancellationToken.None);
    }

    // A server that fails fast must not look fast.
    private static void EnsureSucceeded(HttpResponseMessage response)
    {
        var grpcStatus = response.TrailingHeaders.NonValidated.TryGetValues("grpc-status", out var values) ? values.ToString() : "none";
        if (response.StatusCode != HttpStatusCode.OK || grpcStatus != "0")
        {
            throw new InvalidOperationException(
                $"{response.RequestMessage?.RequestUri} answered HTTP {(int)response.StatusCode} with grpc-status {grpcStatus}.");
        }
    }
}
