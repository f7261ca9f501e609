using System.Buffers.Binary;
using Google.Protobuf;
using Newsroom.Testing.V1;

namespace Newsroom.Grpc.Benchmarks;

/// <summary>The calls the benchmarks make, and the exact frames both servers answer them with.</summary>
internal static class BenchmarkMessages
{
    public const string EchoPath = "/newsroom.testing.v1.WireTestService/Echo";
    public const string CountPath = "/newsroom.testing.v1.WireTestService/Count";
    public const int MessagesPerStream = 1000;

    public static EchoReply EchoReply { get; } = new() { Message = "pong" };

    public static byte[] EchoRequestFrame { get; } = Frame(new EchoRequest { Message = "ping" });

    public static byte[] EchoReplyFrame { get; } = Frame(EchoReply);

    public static byte[] CountRequestFrame { get; } = Frame(new CountRequest { Count = MessagesPerStream });

    public static IReadOnlyList<byte[]> CountReplyFrames { get; } =
        [.. Enumerable.Range(1, MessagesPerStream).Select(number => Frame(new CountReply { Number = number }))];

    /// <summary>A length-prefixed message: uncompressed flag, 4-byte big-endian length, payload.</summary>
    private static byte[] Frame(IMessage message)
    {
        var payload = message.ToByteArray();
        var frame = new byte[5 + payload.Length];
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)payload.Length);
        payload.CopyTo(frame, 5);
        return frame;
    }
}
