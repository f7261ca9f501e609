using Newsroom.ServiceDefaults;

namespace Newsroom.Extraction;

/// <summary>The Extraction service's registrations and endpoints, shared by its own host and the standalone host.</summary>
public static class ExtractionServiceExtensions
{
    public static WebApplicationBuilder AddExtractionService(this WebApplicationBuilder builder)
    {
        return builder;
    }

    public static IEndpointRouteBuilder MapExtractionService(this IEndpointRouteBuilder endpoints)
    {
        return endpoints;
    }
}
