namespace Newsroom.ServiceDefaults;

/// <summary>
/// The service's HTTP/1.1 endpoint for JSON over HTTP (gRPC JSON transcoding): configuration
/// section <c>Http</c>. Off when the URL is empty.
/// </summary>
public sealed class HttpEndpointOptions
{
    public const string SectionName = "Http";

    /// <summary>
    /// For example <c>http://localhost:5080</c>, or <c>http://0.0.0.0:8081</c> in a container;
    /// <c>https://</c> serves TLS with <see cref="Certificate"/>, or else the gRPC endpoint's certificate.
    /// </summary>
    public string Url { get; set; } = "";

    /// <summary>The server certificate of an https <see cref="Url"/>; <c>Grpc:Certificate</c> when not set.</summary>
    public CertificateOptions Certificate { get; set; } = new();
}
