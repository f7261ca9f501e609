using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using Google.Protobuf;

namespace Newsroom.Grpc;

/// <summary>Writes one length-prefixed message; the caller flushes.</summary>
internal static class GrpcMessageWriter
{
    // Larger messages are written in pieces rather than asking the pipe for one huge buffer.
    private const int SingleSpanLimit = 64 * 1024;

    public static void Write(IBufferWriter<byte> output, IMessage message, bool compress, int? maxMessageSize, string messageKind)
    {
        var size = message.CalculateSize();
        if (size > (maxMessageSize ?? int.MaxValue))
        {
            throw new RpcException(StatusCode.ResourceExhausted, $"Sending {messageKind} message of {size} bytes exceeds the limit of {maxMessageSize} bytes.");
        }

        if (!compress && size <= SingleSpanLimit)
        {
            // One GetSpan/Advance per message: each takes a lock in Kestrel's HTTP/2 writer.
            var span = output.GetSpan(GrpcProtocolConstants.HeaderSize + size);
            WriteHeader(span, compressed: false, size);
            message.WriteTo(span.Slice(GrpcProtocolConstants.HeaderSize, size));
            output.Advance(GrpcProtocolConstants.HeaderSize + size);
            return;
        }

        if (!compress)
        {
            WriteHeader(output.GetSpan(GrpcProtocolConstants.HeaderSize), compressed: false, size);
            output.Advance(GrpcProtocolConstants.HeaderSize);
            message.WriteTo(output);
            return;
        }

        var compressedBytes = Gzip(message.ToByteArray());
        WriteHeader(output.GetSpan(GrpcProtocolConstants.HeaderSize), compressed: true, compressedBytes.Length);
        output.Advance(GrpcProtocolConstants.HeaderSize);
        output.Write(compressedBytes);
    }

    private static void WriteHeader(Span<byte> header, bool compressed, int length)
    {
        header[0] = compressed ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt32BigEndian(header[1..], (uint)length);
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }
}
