using Newsroom.ServiceDefaults;

namespace Newsroom.Ingest;

/// <summary>The Ingest service's registrations and endpoints, shared by its own host and the standalone host.</summary>
public static class IngestServiceExtensions
{
    public static WebApplicationBuilder AddIngestService(this WebApplicationBuilder builder)
    {
        return builder;
    }

    public static IEndpointRouteBuilder MapIngestService(this IEndpointRouteBuilder endpoints)
    {
        return endpoints;
    }
}
