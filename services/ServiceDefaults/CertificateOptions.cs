using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Newsroom.ServiceDefaults;

/// <summary>
/// A server certificate for TLS, under an endpoint's section (<c>Grpc:Certificate</c>,
/// <c>Http:Certificate</c>): a PKCS#12 file (<c>.pfx</c>, <c>.p12</c>) with its password, or a
/// PEM certificate with its PEM private key in <see cref="KeyPath"/>.
/// </summary>
public sealed class CertificateOptions
{
    /// <summary>The certificate file; TLS is off when empty.</summary>
    public string Path { get; set; } = "";

    /// <summary>The password of a PKCS#12 file, or of an encrypted PEM key.</summary>
    public string Password { get; set; } = "";

    /// <summary>The PEM private key, when <see cref="Path"/> is a PEM certificate.</summary>
    public string KeyPath { get; set; } = "";

    public bool IsConfigured => Path.Length > 0;

    /// <summary>The certificate with its private key; <paramref name="section"/> names the setting in errors.</summary>
    public X509Certificate2 Load(string section)
    {
        try
        {
            if (KeyPath.Length > 0)
            {
                return Password.Length > 0
                    ? X509Certificate2.CreateFromEncryptedPemFile(Path, Password, KeyPath)
                    : X509Certificate2.CreateFromPemFile(Path, KeyPath);
            }
            return X509CertificateLoader.LoadPkcs12FromFile(Path, Password.Length > 0 ? Password : null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            throw new InvalidOperationException(
                $"{section}:Certificate:Path '{Path}'{(KeyPath.Length > 0 ? $" with {section}:Certificate:KeyPath '{KeyPath}'" : "")} could not be loaded ({e.Message}). "
                + $"Give a PKCS#12 file (.pfx) and its {section}:Certificate:Password, or a PEM certificate and its PEM key in {section}:Certificate:KeyPath, readable by the service's user.", e);
        }
    }
}
