using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Newsroom.Cli;

/// <summary>
/// How the CLI reaches a server: its address (http:// for plain text, https:// for TLS), the API key
/// sent as <c>x-api-key</c> on every call, and a CA certificate file to trust instead of the system's.
/// </summary>
internal sealed record ServerConnection(string Address, string? ApiKey, string? CaCertificatePath)
{
    public const string ApiKeyHeader = "x-api-key";

    /// <summary>
    /// The HTTP handler of the channel: with <see cref="CaCertificatePath"/>, the server's certificate
    /// must chain to one of the certificates in that file (PEM, one or more, or DER), names checked as usual.
    /// </summary>
    public SocketsHttpHandler CreateHandler()
    {
        var handler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true };
        if (CaCertificatePath is { Length: > 0 } path)
        {
            handler.SslOptions.CertificateChainPolicy = new X509ChainPolicy
            {
                TrustMode = X509ChainTrustMode.CustomRootTrust,
                RevocationMode = X509RevocationMode.NoCheck,
            };
            handler.SslOptions.CertificateChainPolicy.CustomTrustStore.AddRange(LoadCertificates(path));
        }
        return handler;
    }

    private static X509Certificate2Collection LoadCertificates(string path)
    {
        try
        {
            var certificates = new X509Certificate2Collection();
            if (File.ReadAllText(path).Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal))
            {
                certificates.ImportFromPemFile(path);
            }
            else
            {
                certificates.Add(X509CertificateLoader.LoadCertificateFromFile(path));
            }
            return certificates;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw new CommandFailedException($"--ca-cert '{path}' could not be read as a certificate: {e.Message}",
                "pass the CA certificate that signed the server's certificate, as a PEM (.crt, .pem) or DER file");
        }
    }
}
