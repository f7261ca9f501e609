using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Newsroom.Testing;

/// <summary>
/// A self-signed server certificate for localhost and 127.0.0.1, written to a temporary folder as a
/// password-protected PKCS#12 file and as PEM certificate and key files; deleted on dispose.
/// </summary>
public sealed class SelfSignedCertificate : IDisposable
{
    public const string Password = "test-password";

    private readonly string _folder = Directory.CreateTempSubdirectory("newsroom-tls-").FullName;

    public SelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        Certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        File.WriteAllBytes(PfxPath, Certificate.Export(X509ContentType.Pfx, Password));
        File.WriteAllText(PemPath, Certificate.ExportCertificatePem());
        File.WriteAllText(KeyPath, key.ExportPkcs8PrivateKeyPem());
    }

    /// <summary>The certificate (public part and key), for clients to trust.</summary>
    public X509Certificate2 Certificate { get; }

    public string PfxPath => Path.Combine(_folder, "server.pfx");

    public string PemPath => Path.Combine(_folder, "server.crt");

    public string KeyPath => Path.Combine(_folder, "server.key");

    /// <summary>A handler that trusts this certificate as its only root, checking names as usual.</summary>
    public SocketsHttpHandler TrustingHandler()
    {
        var handler = new SocketsHttpHandler();
        handler.SslOptions.CertificateChainPolicy = new X509ChainPolicy
        {
            TrustMode = X509ChainTrustMode.CustomRootTrust,
            RevocationMode = X509RevocationMode.NoCheck,
        };
        handler.SslOptions.CertificateChainPolicy.CustomTrustStore.Add(Certificate);
        return handler;
    }

    public void Dispose()
    {
        Certificate.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
