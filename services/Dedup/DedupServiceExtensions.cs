using Microsoft.Extensions.Options;
using Newsroom.ServiceDefaults;

namespace Newsroom.Dedup;

/// <summary>The Dedup service's registrations and endpoints, shared by its own host and the standalone host.</summary>
public static class DedupServiceExtensions
{
    public const string DatabaseFileName = "dedup.db";

    public const string BacklogName = "dedup_resequencer";

    public static WebApplicationBuilder AddDedupService(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Configure<StoryClustererOptions>(builder.Configuration.GetSection(StoryClustererOptions.SectionName));
        builder.Services.AddPipelineMetrics();
        if (builder.AddPostgresDatabase())
        {
            builder.Services.AddSingleton(services => new StoryStore(services.GetRequiredService<PostgresDatabase>()));
        }
        else
        {
            builder.Services.AddSingleton(services =>
                new StoryStore(services.GetRequiredService<IOptions<DataOptions>>().Value.Sqlite(DatabaseFileName)));
        }
        builder.Services.AddSingleton(services =>
            new StoryClusterer(services.GetRequiredService<StoryStore>(), services.GetRequiredService<IOptions<StoryClustererOptions>>().Value));
        builder.Services.AddOptions<ResequencingOptions>().Bind(builder.Configuration.GetSection(ResequencingOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(services =>
        {
            var resequencer = ActivatorUtilities.CreateInstance<ArticleResequencer>(services);
            services.GetRequiredService<PipelineMetrics>().TrackBacklog(BacklogName, () => resequencer.Waiting);
            return resequencer;
        });
        builder.AddBusConsumer<ArticleExtractedConsumer, ArticleExtractedConsumerDefinition>();
        builder.AddBusConsumer<ExtractionFaultConsumer, ExtractionFaultConsumerDefinition>();
        return builder;
    }

    /// <summary>Dedup serves no gRPC API of its own: its decisions reach clients through the query service.</summary>
    public static IEndpointRouteBuilder MapDedupService(this IEndpointRouteBuilder endpoints) => endpoints;
}
