using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Pipelines;
using Google.Protobuf;

namespace Newsroom.Grpc;

/// <summary>
/// Reads length-prefixed messages (1-byte compressed flag, 4-byte big-endian length) from a
/// pipe. DATA frames have no relation to message boundaries, so a message may arrive in
/// pieces and one read may hold several messages.
/// </summary>
internal sealed class GrpcMessageReader(PipeReader reader, int? maxMessageSize, string encoding, string messageKind)
{
    /// <summary>The next message, or null at the end of the stream.</summary>
    public async ValueTask<T?> ReadAsync<T>(MessageParser<T> parser, CancellationToken cancellationToken)
        where T : class, IMessage<T>
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            if (TryReadFrame(ref buffer, maxMessageSize, messageKind, out var payload, out var compressed))
            {
                try
                {
                    return Parse(parser, payload, compressed);
                }
                finally
                {
                    reader.AdvanceTo(buffer.Start);
                }
            }

            if (result.IsCompleted)
            {
                reader.AdvanceTo(buffer.End);
                return buffer.IsEmpty
                    ? null
                    : throw new RpcException(StatusCode.Internal, $"Incomplete {messageKind} message: the stream ended inside a message.");
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    /// <summary>
    /// Takes one whole frame off the front of <paramref name="buffer"/>, or returns false and
    /// leaves it as it was when the frame is not complete yet.
    /// </summary>
    internal static bool TryReadFrame(ref ReadOnlySequence<byte> buffer, int? maxMessageSize, string messageKind, out ReadOnlySequence<byte> payload, out bool compressed)
    {
        payload = default;
        compressed = false;
        if (buffer.Length < GrpcProtocolConstants.HeaderSize)
        {
            return false;
        }

        Span<byte> header = stackalloc byte[GrpcProtocolConstants.HeaderSize];
        buffer.Slice(0, GrpcProtocolConstants.HeaderSize).CopyTo(header);
        compressed = header[0] switch
        {
            0 => false,
            1 => true,
            _ => throw new RpcException(StatusCode.Internal, $"Unexpected compressed flag value {header[0]} in message header."),
        };
        var length = BinaryPrimitives.ReadUInt32BigEndian(header[1..]);
        if (length > (uint)(maxMessageSize ?? int.MaxValue))
        {
            throw MessageTooLarge(messageKind, length, maxMessageSize!.Value);
        }

        if (buffer.Length < GrpcProtocolConstants.HeaderSize + length)
        {
            return false;
        }

        payload = buffer.Slice(GrpcProtocolConstants.HeaderSize, length);
        buffer = buffer.Slice(payload.End);
        return true;
    }

    private T Parse<T>(MessageParser<T> parser, ReadOnlySequence<byte> payload, bool compressed)
        where T : class, IMessage<T>
    {
        if (compressed)
        {
            if (encoding == GrpcProtocolConstants.IdentityEncoding)
            {
                throw new RpcException(StatusCode.Internal, $"A compressed {messageKind} message arrived without a grpc-encoding header.");
            }

            payload = new ReadOnlySequence<byte>(Decompress(payload));
        }

        try
        {
            return parser.ParseFrom(payload);
        }
        catch (InvalidProtocolBufferException)
        {
            throw new RpcException(StatusCode.Internal, $"Failed to deserialize {messageKind} message.");
        }
    }

    private byte[] Decompress(ReadOnlySequence<byte> payload)
    {
        try
        {
            using var gzip = new GZipStream(new MemoryStream(payload.ToArray()), CompressionMode.Decompress);
            using var output = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = gzip.Read(chunk)) > 0)
            {
                // The limit applies to the message as decompressed, so a small bomb cannot grow past it.
                if (output.Length + read > (maxMessageSize ?? int.MaxValue))
                {
                    throw MessageTooLarge(messageKind, output.Length + read, maxMessageSize!.Value);
                }

                output.Write(chunk, 0, read);
            }

            return output.ToArray();
        }
        catch (InvalidDataException)
        {
            throw new RpcException(StatusCode.Internal, $"Failed to decompress {messageKind} message with gzip.");
        }
    }

    private static RpcException MessageTooLarge(string messageKind, long length, int limit) =>
        new(StatusCode.ResourceExhausted, $"Received {messageKind} message of {length} bytes exceeds the limit of {limit} bytes.");
}
