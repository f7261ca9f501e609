using Newsroom.ServiceDefaults;

namespace Newsroom.Query;

/// <summary>The Query service's registrations and endpoints, shared by its own host and the standalone host.</summary>
public static class QueryServiceExtensions
{
    public static WebApplicationBuilder AddQueryService(this WebApplicationBuilder builder)
    {
        return builder;
    }

    public static IEndpointRouteBuilder MapQueryService(this IEndpointRouteBuilder endpoints)
    {
        return endpoints;
    }
}
