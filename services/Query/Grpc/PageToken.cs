using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Google.Protobuf;
using Newsroom.ServiceDefaults;

namespace Newsroom.Query;

/// <summary>
/// Opaque page tokens: the offset of the next page and a fingerprint of the query it belongs to,
/// so a token used with another query or filter is refused rather than giving a wrong page.
/// </summary>
internal static class PageToken
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>The page size to use: the default for 0, at most <see cref="MaxPageSize"/>.</summary>
    public static int PageSize(int requested) => requested switch
    {
        < 0 => throw new InvalidRequestException($"page_size {requested} is negative; pass 0 for the default of {DefaultPageSize}, or up to {MaxPageSize}."),
        0 => DefaultPageSize,
        _ => Math.Min(requested, MaxPageSize),
    };

    /// <summary>Identifies a query: the method and what selects its results (not the paging fields).</summary>
    public static string Fingerprint(string method, IMessage query)
    {
        var bytes = Encoding.UTF8.GetBytes(method).Concat(query.ToByteArray()).ToArray();
        return Convert.ToHexString(SHA256.HashData(bytes), 0, 8);
    }

    public static string Encode(int offset, string fingerprint) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{offset}.{fingerprint}")))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The offset a token points at; 0 for an empty token.</summary>
    public static int Decode(string token, string fingerprint)
    {
        if (token.Length == 0)
        {
            return 0;
        }

        string text;
        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            text = Encoding.UTF8.GetString(Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=')));
        }
        catch (FormatException)
        {
            throw Malformed();
        }

        var parts = text.Split('.');
        if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
        {
            throw Malformed();
        }

        if (!string.Equals(parts[1], fingerprint, StringComparison.Ordinal))
        {
            throw new InvalidRequestException("page_token belongs to a different query or filter; repeat the request that returned it unchanged, or omit page_token to start from the first page.");
        }

        return offset;
    }

    private static InvalidRequestException Malformed() => new(
        "page_token is not a token this service issued; pass next_page_token from the previous response unchanged, or omit it to start from the first page.");
}
