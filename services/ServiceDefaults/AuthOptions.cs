namespace Newsroom.ServiceDefaults;

/// <summary>Who may call the services: configuration section <c>Auth</c>.</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>Ingest refuses calls without a valid API key (true unless an operator turns it off).</summary>
    public bool RequireForIngest { get; set; } = true;

    /// <summary>Query refuses calls without a valid API key.</summary>
    public bool RequireForQuery { get; set; }

    /// <summary>The keys this server accepts, each with the name of the client it belongs to.</summary>
    public List<ApiKeyOptions> ApiKeys { get; set; } = [];

    /// <summary>Whether calls to <paramref name="access"/> need a key.</summary>
    public bool IsRequiredFor(ServiceAccess access) => access switch
    {
        ServiceAccess.Ingest => RequireForIngest,
        ServiceAccess.Query => RequireForQuery,
        _ => throw new ArgumentOutOfRangeException(nameof(access), access, "not a Newsroom API"),
    };
}
