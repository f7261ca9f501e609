using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using Google.Protobuf;

namespace Newsroom.Grpc;

/// <summary>
/// One client call as an HTTP/2 request: sends the headers and request messages, reads the
/// response messages, and turns every way a call can end into a <see cref="Status"/>.
/// </summary>
internal sealed class GrpcCall<TRequest, TResponse> : IGrpcCall, IGrpcCallControl
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>, new()
{
    private readonly GrpcChannel _channel;
    private readonly GrpcMethod<TRequest, TResponse> _method;
    private readonly CallOptions _options;
    private readonly CancellationTokenSource _cancellation;
    private Task<HttpResponseMessage>? _response;
    private Status? _status;
    private Metadata? _trailers;

    public GrpcCall(GrpcChannel channel, GrpcMethod<TRequest, TResponse> method, CallOptions options)
    {
        _channel = channel;
        _method = method;
        _options = options;
        _cancellation = CancellationTokenSource.CreateLinkedTokenSource(options.CancellationToken);

        // Cancelling the send only stops waiting for headers; disposing the response is what
        // resets the HTTP/2 stream, so the server's handler hears of it.
        _cancellation.Token.Register(static state => ((GrpcCall<TRequest, TResponse>)state!).DisposeResponse(), this);
    }

    public Task<Metadata> ResponseHeadersAsync => field ??= ReadResponseHeadersAsync();

    internal ClientStreamWriter<TRequest>? RequestStream { get; private set; }

    private bool Compress => _channel.Options.RequestCompression == GrpcProtocolConstants.GzipEncoding;

    public void Start(TRequest? request)
    {
        var httpRequest = new HttpRequestMessage(HttpMethod.Post, new Uri(_channel.Address, _method.Path))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        if (request is null)
        {
            RequestStream = new ClientStreamWriter<TRequest>(this, Compress, _channel.Options.MaxSendMessageSize);
            httpRequest.Content = RequestStream.Content;
        }
        else
        {
            var framed = new ArrayBufferWriter<byte>();
            GrpcMessageWriter.Write(framed, request, Compress, _channel.Options.MaxSendMessageSize, "request");
            httpRequest.Content = new ReadOnlyMemoryContent(framed.WrittenMemory);
        }

        AddHeaders(httpRequest);
        if (_options.Deadline is { } deadline)
        {
            var timeout = deadline.ToUniversalTime() - DateTime.UtcNow;
            if (timeout <= TimeSpan.Zero)
            {
                _response = Task.FromException<HttpResponseMessage>(new OperationCanceledException());
                _cancellation.Cancel();
                return;
            }

            httpRequest.Headers.TryAddWithoutValidation(GrpcProtocolConstants.TimeoutHeader, GrpcTimeout.Format(timeout));
            _cancellation.CancelAfter(timeout);
        }

        _response = _channel.Invoker.SendAsync(httpRequest, _cancellation.Token);
    }

    public async Task<TResponse> ReadSingleResponseAsync()
    {
        try
        {
            var reader = await OpenResponseAsync().ConfigureAwait(false);
            var message = reader is null ? null : await reader.ReadAsync(_method.ResponseParser, _cancellation.Token).ConfigureAwait(false);
            if (message is not null && await reader!.ReadAsync(_method.ResponseParser, _cancellation.Token).ConfigureAwait(false) is not null)
            {
                throw Fail(new Status(StatusCode.Internal, "The response has more than one message for a method that returns one."));
            }

            var status = await FinishAsync().ConfigureAwait(false);
            return message ?? throw Fail(status.StatusCode == StatusCode.OK
                ? new Status(StatusCode.Internal, "The call ended OK without a response message.")
                : status);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw Fail(exception);
        }
        finally
        {
            Dispose();
        }
    }

    public async IAsyncEnumerable<TResponse> ReadResponseStream([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var registration = cancellationToken.Register(static state => ((CancellationTokenSource)state!).Cancel(), _cancellation);
        var reader = await Guard(OpenResponseAsync()).ConfigureAwait(false);
        while (reader is not null && await Guard(reader.ReadAsync(_method.ResponseParser, _cancellation.Token).AsTask()).ConfigureAwait(false) is { } message)
        {
            yield return message;
        }

        var status = await Guard(FinishAsync()).ConfigureAwait(false);
        if (status.StatusCode != StatusCode.OK)
        {
            throw Fail(status);
        }
    }

    public Status GetStatus() => _status ?? throw new InvalidOperationException("The call has not ended yet.");

    public Metadata GetTrailers() => _trailers ?? throw new InvalidOperationException("The call has not ended yet.");

    public void Dispose()
    {
        if (_status is null)
        {
            _cancellation.Cancel();
        }

        DisposeResponse();
    }

    /// <summary>The status a failed request write ends with: the call's own, if the call already ended.</summary>
    public RpcException WriteFailed(Exception exception) =>
        _status is { } status && status.StatusCode != StatusCode.OK ? new RpcException(status, _trailers) : Fail(exception);

    public CancellationToken CallCancellation => _cancellation.Token;

    private void DisposeResponse()
    {
        if (_response is { IsCompletedSuccessfully: true })
        {
            _response.Result.Dispose();
        }
    }

    private async Task<Metadata> ReadResponseHeadersAsync()
    {
        try
        {
            var response = await _response!.ConfigureAwait(false);
            return ReadMetadata(response.Headers);
        }
        catch (Exception exception)
        {
            throw Fail(exception);
        }
    }

    /// <summary>A reader for the response messages, or null when the response was Trailers-Only.</summary>
    private async Task<GrpcMessageReader?> OpenResponseAsync()
    {
        var response = await _response!.ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            var status = ReadStatus(response.Headers) ?? new Status(StatusFromHttp(response.StatusCode), $"Bad gRPC response: HTTP status {(int)response.StatusCode} {response.ReasonPhrase}.");
            throw Fail(status);
        }

        if (!GrpcProtocolConstants.IsGrpcContentType(response.Content.Headers.ContentType?.MediaType))
        {
            throw Fail(new Status(StatusCode.Internal, $"Bad gRPC response: content type '{response.Content.Headers.ContentType}' is not application/grpc."));
        }

        if (ReadStatus(response.Headers) is not null)
        {
            return null;
        }

        var encoding = response.Headers.TryGetValues(GrpcProtocolConstants.EncodingHeader, out var encodings)
            ? encodings.First()
            : GrpcProtocolConstants.IdentityEncoding;
        var stream = await response.Content.ReadAsStreamAsync(_cancellation.Token).ConfigureAwait(false);
        return new GrpcMessageReader(PipeReader.Create(stream), _channel.Options.MaxReceiveMessageSize, encoding, "response");
    }

    /// <summary>The status from the trailers, or from the headers of a Trailers-Only response.</summary>
    private async Task<Status> FinishAsync()
    {
        var response = await _response!.ConfigureAwait(false);
        var trailers = ReadStatus(response.Headers) is not null ? response.Headers : response.TrailingHeaders;
        _trailers = ReadMetadata(trailers);
        _status = ReadStatus(trailers) ?? new Status(StatusCode.Internal, "Bad gRPC response: the response ended without a grpc-status.");
        return _status.Value;
    }

    private async Task<T> Guard<T>(Task<T> task)
    {
        try
        {
            return await task.ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw Fail(exception);
        }
    }

    private RpcException Fail(Status status)
    {
        _status = status;
        _trailers ??= new Metadata();
        _cancellation.Cancel();
        return new RpcException(status, _trailers);
    }

    private RpcException Fail(Exception exception)
    {
        if (exception is RpcException rpc)
        {
            return rpc;
        }

        // A cancelled call reports why: the caller's token, else the deadline.
        if (_cancellation.IsCancellationRequested)
        {
            return Fail(_options.CancellationToken.IsCancellationRequested || _options.Deadline is null
                ? new Status(StatusCode.Cancelled, "The call was cancelled.")
                : new Status(StatusCode.DeadlineExceeded, "Deadline exceeded."));
        }

        return Fail(exception switch
        {
            HttpProtocolException { ErrorCode: 8 } => new Status(StatusCode.Cancelled, "The server cancelled the call (RST_STREAM CANCEL)."),
            HttpProtocolException { ErrorCode: 7 } => new Status(StatusCode.Unavailable, "The server refused the stream; the call may be retried."),
            HttpProtocolException { ErrorCode: 11 } => new Status(StatusCode.ResourceExhausted, "The server asked to slow down (ENHANCE_YOUR_CALM)."),
            HttpProtocolException protocol => new Status(StatusCode.Internal, $"HTTP/2 error {protocol.ErrorCode}: {protocol.Message}"),
            HttpRequestException request => new Status(StatusCode.Unavailable, $"Could not reach {_channel.Address}: {request.Message}"),
            IOException io => new Status(StatusCode.Unavailable, $"The connection to {_channel.Address} failed: {io.Message}"),
            _ => new Status(StatusCode.Internal, $"The call failed: {exception.Message}"),
        });
    }

    private void AddHeaders(HttpRequestMessage request)
    {
        var headers = request.Headers;
        headers.TryAddWithoutValidation(GrpcProtocolConstants.TeHeader, "trailers");
        headers.TryAddWithoutValidation("user-agent", "grpc-newsroom/1.0");
        headers.TryAddWithoutValidation(GrpcProtocolConstants.AcceptEncodingHeader, GrpcProtocolConstants.SupportedEncodings);
        if (Compress)
        {
            headers.TryAddWithoutValidation(GrpcProtocolConstants.EncodingHeader, GrpcProtocolConstants.GzipEncoding);
        }

        foreach (var entry in _options.Headers ?? [])
        {
            headers.TryAddWithoutValidation(entry.Key, MetadataHeaders.Encode(entry));
        }

        request.Content!.Headers.ContentType = new MediaTypeHeaderValue(GrpcProtocolConstants.ContentType);
    }

    private static Status? ReadStatus(HttpHeaders headers)
    {
        if (!headers.TryGetValues(GrpcProtocolConstants.StatusHeader, out var values))
        {
            return null;
        }

        var code = int.TryParse(values.First(), System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? (StatusCode)number
            : StatusCode.Unknown;
        var message = headers.TryGetValues(GrpcProtocolConstants.MessageHeader, out var messages)
            ? PercentEncoding.Decode(messages.First())
            : "";
        return new Status(code, message);
    }

    private static Metadata ReadMetadata(HttpHeaders headers)
    {
        var metadata = new Metadata();
        foreach (var (name, values) in headers)
        {
            foreach (var value in values)
            {
                MetadataHeaders.AddReceived(metadata, name, value);
            }
        }

        return metadata;
    }

    /// <summary>grpc/grpc doc/http-grpc-status-mapping.md</summary>
    private static StatusCode StatusFromHttp(HttpStatusCode status) => status switch
    {
        HttpStatusCode.BadRequest => StatusCode.Internal,
        HttpStatusCode.Unauthorized => StatusCode.Unauthenticated,
        HttpStatusCode.Forbidden => StatusCode.PermissionDenied,
        HttpStatusCode.NotFound => StatusCode.Unimplemented,
        HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout => StatusCode.Unavailable,
        _ => StatusCode.Unknown,
    };
}
