using Microsoft.Extensions.DependencyInjection.Extensions;
using Newsroom.ServiceDefaults;

namespace Newsroom.Extraction;

/// <summary>The Extraction service's registrations and endpoints, shared by its own host and the standalone host.</summary>
public static class ExtractionServiceExtensions
{
    public static WebApplicationBuilder AddExtractionService(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddPipelineMetrics();
        builder.Services.TryAddSingleton<ArticleExtractor>();
        builder.AddBusConsumer<ArticleIngestedConsumer, ArticleIngestedConsumerDefinition>();
        return builder;
    }

    /// <summary>
    /// Extraction serves no API of its own: it only consumes and publishes bus events. The tagger's
    /// model is loaded here, at start, so a broken model stops the service before it takes a message.
    /// </summary>
    public static IEndpointRouteBuilder MapExtractionService(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.ServiceProvider.GetRequiredService<ArticleExtractor>();
        return endpoints;
    }
}
