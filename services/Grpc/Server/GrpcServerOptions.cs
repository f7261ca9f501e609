namespace Newsroom.Grpc;

/// <summary>Limits and compression for every gRPC call a server handles.</summary>
public sealed class GrpcServerOptions
{
    /// <summary>Largest request message accepted, after decompression; null for no limit. Default 4 MiB.</summary>
    public int? MaxReceiveMessageSize { get; set; } = GrpcProtocolConstants.DefaultMaxReceiveMessageSize;

    /// <summary>Largest response message sent; null for no limit.</summary>
    public int? MaxSendMessageSize { get; set; }

    /// <summary>
    /// "gzip" to compress responses to every client that accepts gzip. When null, a response is
    /// compressed only when its request was.
    /// </summary>
    public string? ResponseCompressionAlgorithm { get; set; }
}
