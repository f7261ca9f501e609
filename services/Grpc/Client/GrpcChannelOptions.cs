namespace Newsroom.Grpc;

public sealed class GrpcChannelOptions
{
    /// <summary>Largest response message accepted, after decompression; null for no limit. Default 4 MiB.</summary>
    public int? MaxReceiveMessageSize { get; set; } = GrpcProtocolConstants.DefaultMaxReceiveMessageSize;

    /// <summary>Largest request message sent; null for no limit.</summary>
    public int? MaxSendMessageSize { get; set; }

    /// <summary>"gzip" to compress request messages.</summary>
    public string? RequestCompression { get; set; }

    /// <summary>The handler to send requests through; a <see cref="SocketsHttpHandler"/> when null.</summary>
    public HttpMessageHandler? HttpHandler { get; set; }
}
