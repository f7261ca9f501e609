using Microsoft.Extensions.Options;
using Newsroom.ServiceDefaults;

namespace Newsroom.Query;

/// <summary>The Query service's registrations and endpoints, shared by its own host and the standalone host.</summary>
public static class QueryServiceExtensions
{
    /// <summary>The read model's file in the data folder.</summary>
    public const string DatabaseFileName = "query.db";

    public static WebApplicationBuilder AddQueryService(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddPipelineMetrics();
        builder.Services.AddOptions<WatchOptions>().Bind(builder.Configuration.GetSection(WatchOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<SearchOptions>().Bind(builder.Configuration.GetSection(SearchOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(services => new StoryUpdateBroadcaster(services.GetRequiredService<IOptions<WatchOptions>>().Value.Buffer));
        if (builder.AddPostgresDatabase())
        {
            // Replicas share the read model and hear of each other's changes.
            builder.Services.AddSingleton(services => new QueryStore(services.GetRequiredService<PostgresDatabase>()));
            builder.Services.AddHostedService<StoryChangeListener>();
        }
        else
        {
            builder.Services.AddSingleton(services =>
                new QueryStore(services.GetRequiredService<IOptions<DataOptions>>().Value.Sqlite(DatabaseFileName), services.GetRequiredService<PipelineMetrics>()));
            builder.Services.AddHostedService<SearchSegmentMerger>();
        }

        builder.AddBusConsumer<QueryArticleIngestedConsumer, QueryArticleIngestedConsumerDefinition>();
        builder.AddBusConsumer<QueryArticleExtractedConsumer, QueryArticleExtractedConsumerDefinition>();
        builder.AddBusConsumer<QueryStoryUpdatedConsumer, QueryStoryUpdatedConsumerDefinition>();
        return builder;
    }

    public static IEndpointRouteBuilder MapQueryService(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrpcService<QueryGrpcService>().RequireClient(ServiceAccess.Query);
        return endpoints;
    }
}
