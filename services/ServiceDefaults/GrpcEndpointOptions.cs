namespace Newsroom.ServiceDefaults;

/// <summary>The service's gRPC endpoint: configuration section <c>Grpc</c>.</summary>
public sealed class GrpcEndpointOptions
{
    public const string SectionName = "Grpc";

    /// <summary>
    /// The address to listen on: <c>http://</c> for plain-text HTTP/2 (h2c), for example
    /// <c>http://0.0.0.0:8080</c> in a container, or <c>https://</c> with <see cref="Certificate"/>
    /// for TLS with HTTP/2 and HTTP/1.1.
    /// </summary>
    public string Url { get; set; } = "http://localhost:5000";

    /// <summary>The server certificate an https <see cref="Url"/> needs.</summary>
    public CertificateOptions Certificate { get; set; } = new();

    /// <summary>The same address as a client on this machine reaches it (a wildcard host becomes loopback).</summary>
    public Uri LocalAddress
    {
        get
        {
            var uri = EndpointUrl.TryParse(Url, out var parsed)
                ? new UriBuilder(parsed)
                : throw new InvalidOperationException($"{SectionName}:Url is '{Url}'; give an address such as http://localhost:5000.");
            if (uri.Host is "0.0.0.0" or "[::]" or "::")
            {
                uri.Host = "127.0.0.1";
            }
            return uri.Uri;
        }
    }
}
