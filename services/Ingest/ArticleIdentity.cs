using System.Security.Cryptography;
using System.Text;

namespace Newsroom.Ingest;

/// <summary>
/// Deterministic article ids: "art_" and 16 hex digits of SHA-256 over the normalised URL, or over
/// the content hash when the article came without a URL. The same input always gets the same id.
/// </summary>
public static class ArticleIdentity
{
    private static readonly string[] TrackingParameters = ["fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "cmpid", "ocid", "igshid", "_ga"];

    public static string FromUrl(string url) => IdOf("url:" + NormaliseUrl(url));

    public static string FromContentHash(string contentHash) => IdOf("content:" + contentHash);

    /// <summary>
    /// The URL as a key: host without "www.", path without a trailing slash, query without tracking
    /// parameters and in sorted order, no fragment; http and https are the same article.
    /// </summary>
    public static string NormaliseUrl(string url)
    {
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri))
        {
            return url.Trim();
        }
        var host = uri.IdnHost.ToLowerInvariant();
        if (host.StartsWith("www.", StringComparison.Ordinal))
        {
            host = host[4..];
        }
        var port = uri.IsDefaultPort ? "" : ":" + uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var path = uri.AbsolutePath.TrimEnd('/');
        var query = uri.Query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !IsTracking(p.Split('=', 2)[0]))
            .Order(StringComparer.Ordinal)
            .ToList();
        return host + port + path + (query.Count > 0 ? "?" + string.Join('&', query) : "");
    }

    private static bool IsTracking(string name) =>
        name.StartsWith("utm_", StringComparison.OrdinalIgnoreCase) || TrackingParameters.Contains(name, StringComparer.OrdinalIgnoreCase);

    private static string IdOf(string key) =>
        "art_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..16];
}
