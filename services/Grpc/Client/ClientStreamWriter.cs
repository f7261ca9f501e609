using System.IO.Pipelines;
using System.Net;
using Google.Protobuf;

namespace Newsroom.Grpc;

/// <summary>
/// The request stream of a client-streaming or duplex call. HttpClient pulls the request body
/// through <see cref="Content"/> while the response is read, so both flow at once.
/// </summary>
internal sealed class ClientStreamWriter<T> : IClientStreamWriter<T>
    where T : class, IMessage<T>
{
    private readonly IGrpcCallControl _call;
    private readonly bool _compress;
    private readonly int? _maxMessageSize;
    private readonly TaskCompletionSource<Stream> _body = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _writing;
    private PipeWriter? _writer;

    public ClientStreamWriter(IGrpcCallControl call, bool compress, int? maxMessageSize)
    {
        _call = call;
        _compress = compress;
        _maxMessageSize = maxMessageSize;
        Content = new StreamingContent(this);
    }

    public HttpContent Content { get; }

    public async Task WriteAsync(T message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        EnterWrite();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _call.CallCancellation);
        try
        {
            if (_completed.Task.IsCompleted)
            {
                throw new InvalidOperationException("The request stream has already been completed.");
            }

            var body = await _body.Task.WaitAsync(linked.Token).ConfigureAwait(false);
            _writer ??= PipeWriter.Create(body, new StreamPipeWriterOptions(leaveOpen: true));
            GrpcMessageWriter.Write(_writer, message, _compress, _maxMessageSize, "request");
            await _writer.FlushAsync(linked.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not (RpcException or InvalidOperationException))
        {
            throw _call.WriteFailed(exception);
        }
        finally
        {
            Volatile.Write(ref _writing, 0);
        }
    }

    public async Task CompleteAsync()
    {
        EnterWrite();
        try
        {
            if (_writer is not null)
            {
                await _writer.CompleteAsync().ConfigureAwait(false);
            }

            _completed.TrySetResult();
        }
        finally
        {
            Volatile.Write(ref _writing, 0);
        }
    }

    // Messages go out in order, so a write must finish before the next one starts.
    private void EnterWrite()
    {
        if (Interlocked.Exchange(ref _writing, 1) == 1)
        {
            throw new InvalidOperationException("A previous write is still in progress: await each WriteAsync before the next write or CompleteAsync.");
        }
    }

    private sealed class StreamingContent(ClientStreamWriter<T> writer) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            // The body stays open until the caller completes the request stream.
            writer._body.TrySetResult(stream);
            return writer._completed.Task.WaitAsync(cancellationToken);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
    }
}
