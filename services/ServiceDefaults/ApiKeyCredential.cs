using Microsoft.AspNetCore.Http;

namespace Newsroom.ServiceDefaults;

/// <summary>The API key a request presents: the <c>x-api-key</c> header (gRPC metadata), or <c>authorization: Bearer &lt;key&gt;</c>.</summary>
internal static class ApiKeyCredential
{
    public const string HeaderName = "x-api-key";

    private const string BearerPrefix = "Bearer ";

    /// <summary>The presented key, or null when the request presents none.</summary>
    public static string? Read(HttpRequest request)
    {
        if (request.Headers[HeaderName] is [{ Length: > 0 } key, ..])
        {
            return key;
        }
        return request.Headers.Authorization is [{ } authorization, ..]
            && authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase)
            && authorization.Length > BearerPrefix.Length
            ? authorization[BearerPrefix.Length..].Trim()
            : null;
    }
}
