using System.Net.Sockets;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace Newsroom.Grpc;

/// <summary>
/// One call on the server: its deadline, cancellation, metadata and the response it writes.
/// Writes and the end of the call are serialised, so that a deadline can end the call while
/// a handler that ignores cancellation is still running.
/// </summary>
public sealed class ServerCallContext : IDisposable
{
    private readonly GrpcServerOptions _options;
    private readonly ILogger _logger;
    // Only a deadline can end the call from another thread, so only a call with a deadline
    // pays for a linked token source and a lock around the response.
    private readonly CancellationTokenSource? _deadlineCancellation;
    private readonly SemaphoreSlim? _responseLock;
    private Metadata? _requestHeaders;
    private Timer? _deadlineTimer;
    private bool _responseHeadersPrepared;
    private bool _messageWritten;
    private bool _deadlineExceeded;

    internal ServerCallContext(HttpContext httpContext, string method, GrpcServerOptions options, ILogger logger)
    {
        HttpContext = httpContext;
        Method = method;
        _options = options;
        _logger = logger;
        var headers = httpContext.Request.Headers;
        RequestEncoding = headers[GrpcProtocolConstants.EncodingHeader].ToString() is { Length: > 0 } encoding
            ? encoding
            : GrpcProtocolConstants.IdentityEncoding;
        Deadline = GrpcTimeout.TryParse(headers[GrpcProtocolConstants.TimeoutHeader], out var timeout)
            ? DateTime.UtcNow + timeout
            : DateTime.MaxValue;
        Timeout = Deadline == DateTime.MaxValue ? null : timeout;
        if (Timeout is not null)
        {
            _deadlineCancellation = CancellationTokenSource.CreateLinkedTokenSource(httpContext.RequestAborted);
            _responseLock = new SemaphoreSlim(1, 1);
        }

        ResponseEncoding = ChooseResponseEncoding(headers[GrpcProtocolConstants.AcceptEncodingHeader]);
        Reader = new GrpcMessageReader(httpContext.Request.BodyReader, options.MaxReceiveMessageSize, RequestEncoding, "request");
    }

    /// <summary>The method's path, for example "/newsroom.v1.QueryService/GetStory".</summary>
    public string Method { get; }

    /// <summary>The client's address, as "ipv4:127.0.0.1:50000" or "ipv6:[::1]:50000".</summary>
    public string Peer => HttpContext.Connection.RemoteIpAddress is { } address
        ? address.AddressFamily == AddressFamily.InterNetworkV6
            ? $"ipv6:[{address}]:{HttpContext.Connection.RemotePort}"
            : $"ipv4:{address}:{HttpContext.Connection.RemotePort}"
        : "unknown";

    /// <summary>When the client gives up, in UTC; <see cref="DateTime.MaxValue"/> when it set no deadline.</summary>
    public DateTime Deadline { get; }

    /// <summary>Cancelled when the client cancels or the deadline passes.</summary>
    public CancellationToken CancellationToken => _deadlineCancellation?.Token ?? HttpContext.RequestAborted;

    public Metadata RequestHeaders => _requestHeaders ??= ReadRequestHeaders();

    /// <summary>Metadata sent with the status at the end of the call.</summary>
    public Metadata ResponseTrailers { get; } = new();

    /// <summary>The grpc-encoding of the request messages: "identity" or "gzip".</summary>
    public string RequestEncoding { get; }

    public HttpContext HttpContext { get; }

    internal TimeSpan? Timeout { get; }

    internal string ResponseEncoding { get; }

    internal GrpcMessageReader Reader { get; }

    internal bool IsCompleted { get; private set; }

    /// <summary>Sends the response headers now, with this metadata; at most once, before any message.</summary>
    public async Task WriteResponseHeadersAsync(Metadata headers)
    {
        var locked = await EnterResponseAsync(CancellationToken).ConfigureAwait(false);
        try
        {
            if (IsCompleted || HttpContext.Response.HasStarted)
            {
                throw new InvalidOperationException("Response headers can only be sent once per call, before the first message.");
            }

            foreach (var entry in headers)
            {
                HttpContext.Response.Headers.Append(entry.Key, MetadataHeaders.Encode(entry));
            }

            PrepareResponseHeaders();
            await HttpContext.Response.BodyWriter.FlushAsync(CancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ExitResponse(locked);
        }
    }

    public void Dispose()
    {
        _deadlineTimer?.Dispose();
        _deadlineCancellation?.Dispose();
        _responseLock?.Dispose();
    }

    internal void StartDeadlineTimer()
    {
        if (Timeout is { } timeout)
        {
            _deadlineTimer = new Timer(static state => _ = ((ServerCallContext)state!).DeadlineExceededAsync(), this, timeout, System.Threading.Timeout.InfiniteTimeSpan);
        }
    }

    internal async Task<T> ReadSingleMessageAsync<T>(MessageParser<T> parser)
        where T : class, IMessage<T>
    {
        var message = await Reader.ReadAsync(parser, CancellationToken).ConfigureAwait(false)
            ?? throw new RpcException(StatusCode.Internal, "The request ended without a message.");
        if (await Reader.ReadAsync(parser, CancellationToken).ConfigureAwait(false) is not null)
        {
            throw new RpcException(StatusCode.Internal, "The request has more than one message for a method that takes one.");
        }

        return message;
    }

    /// <summary>Writes one response message; <paramref name="flush"/> false lets the end of the call carry it.</summary>
    internal async Task WriteMessageAsync(IMessage message, bool flush, CancellationToken cancellationToken)
    {
        var locked = await EnterResponseAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (IsCompleted)
            {
                throw new InvalidOperationException("Can't write the message because the call is complete.");
            }

            PrepareResponseHeaders();
            GrpcMessageWriter.Write(
                HttpContext.Response.BodyWriter,
                message,
                ResponseEncoding == GrpcProtocolConstants.GzipEncoding,
                _options.MaxSendMessageSize,
                "response");
            _messageWritten = true;
            if (flush)
            {
                await HttpContext.Response.BodyWriter.FlushAsync(CancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            ExitResponse(locked);
        }
    }

    /// <summary>The status a handler's exception ends the call with.</summary>
    internal Status StatusFromException(Exception exception)
    {
        switch (exception)
        {
            case RpcException rpc:
                foreach (var entry in rpc.Trailers)
                {
                    ResponseTrailers.Add(entry);
                }

                return rpc.Status;
            case OperationCanceledException when _deadlineExceeded:
                return new Status(StatusCode.DeadlineExceeded, "Deadline exceeded.");
            case OperationCanceledException when HttpContext.RequestAborted.IsCancellationRequested:
                return new Status(StatusCode.Cancelled, "The call was cancelled by the client.");
            default:
                // The client learns only that the handler failed; details stay in the server's log.
                GrpcServerLog.HandlerFailed(_logger, Method, exception);
                return new Status(StatusCode.Unknown, "Exception was thrown by handler.");
        }
    }

    /// <summary>
    /// Sends the status: in trailers after a response, or alone in the headers (Trailers-Only)
    /// when nothing was sent. Only the first call has an effect.
    /// </summary>
    internal async Task EndCallAsync(Status status)
    {
        var locked = await EnterResponseAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            if (IsCompleted)
            {
                return;
            }

            IsCompleted = true;
            var response = HttpContext.Response;
            if (HttpContext.RequestAborted.IsCancellationRequested)
            {
                return;
            }

            // An unflushed message has not started the response yet, but it still needs real trailers.
            if (response.HasStarted || _messageWritten)
            {
                GrpcStatusHeaders.Write((name, value) => response.AppendTrailer(name, value), status, ResponseTrailers);
            }
            else
            {
                PrepareResponseHeaders();
                GrpcStatusHeaders.Write((name, value) => response.Headers.Append(name, value), status, ResponseTrailers);
            }

            await response.CompleteAsync().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException)
        {
            GrpcServerLog.ClientGone(_logger, Method, exception);
        }
        finally
        {
            ExitResponse(locked);
        }
    }

    private async Task DeadlineExceededAsync()
    {
        _deadlineExceeded = true;
        GrpcServerLog.DeadlineExceeded(_logger, Method, Timeout);
        try
        {
            await _deadlineCancellation!.CancelAsync().ConfigureAwait(false);
            await EndCallAsync(new Status(StatusCode.DeadlineExceeded, "Deadline exceeded.")).ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            // The call finished while the timer fired.
        }
    }

    private async ValueTask<bool> EnterResponseAsync(CancellationToken cancellationToken)
    {
        if (_responseLock is null)
        {
            return false;
        }

        await _responseLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    private void ExitResponse(bool locked)
    {
        if (locked)
        {
            _responseLock!.Release();
        }
    }

    private void PrepareResponseHeaders()
    {
        if (_responseHeadersPrepared)
        {
            return;
        }

        _responseHeadersPrepared = true;
        var response = HttpContext.Response;
        response.ContentType = GrpcProtocolConstants.ContentType;
        response.Headers[GrpcProtocolConstants.AcceptEncodingHeader] = GrpcProtocolConstants.SupportedEncodings;
        if (ResponseEncoding != GrpcProtocolConstants.IdentityEncoding)
        {
            response.Headers[GrpcProtocolConstants.EncodingHeader] = ResponseEncoding;
        }
    }

    private string ChooseResponseEncoding(string? acceptEncoding)
    {
        var wanted = _options.ResponseCompressionAlgorithm ?? RequestEncoding;
        return wanted != GrpcProtocolConstants.IdentityEncoding
            && GrpcProtocolConstants.IsSupportedEncoding(wanted)
            && GrpcProtocolConstants.AcceptsEncoding(acceptEncoding, wanted)
            ? wanted
            : GrpcProtocolConstants.IdentityEncoding;
    }

    private Metadata ReadRequestHeaders()
    {
        var metadata = new Metadata();
        foreach (var (name, values) in HttpContext.Request.Headers)
        {
            foreach (var value in values)
            {
                MetadataHeaders.AddReceived(metadata, name, value ?? "");
            }
        }

        return metadata;
    }
}
