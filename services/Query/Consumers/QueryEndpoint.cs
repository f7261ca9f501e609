namespace Newsroom.Query;

/// <summary>The one receive endpoint (queue) every query consumer shares.</summary>
public static class QueryEndpoint
{
    public const string Name = "query";
}
