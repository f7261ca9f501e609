namespace Newsroom.ServiceDefaults;

/// <summary>The listen addresses of <c>Grpc:Url</c> and <c>Http:Url</c>, as ASP.NET Core writes them.</summary>
internal static class EndpointUrl
{
    /// <summary>The URL with the wildcard hosts ASP.NET Core accepts (<c>+</c>, <c>*</c>) as 0.0.0.0; false when it is no absolute URL.</summary>
    public static bool TryParse(string url, out Uri uri) =>
        Uri.TryCreate(url.Replace("://+", "://0.0.0.0", StringComparison.Ordinal).Replace("://*", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out uri!);
}
