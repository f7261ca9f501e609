using Newsroom.ServiceDefaults;

namespace Newsroom.Dedup;

/// <summary>The Dedup service's registrations and endpoints, shared by its own host and the standalone host.</summary>
public static class DedupServiceExtensions
{
    public static WebApplicationBuilder AddDedupService(this WebApplicationBuilder builder)
    {
        return builder;
    }

    public static IEndpointRouteBuilder MapDedupService(this IEndpointRouteBuilder endpoints)
    {
        return endpoints;
    }
}
