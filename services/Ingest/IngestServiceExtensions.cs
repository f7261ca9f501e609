using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Newsroom.ServiceDefaults;

namespace Newsroom.Ingest;

/// <summary>The Ingest service's registrations and endpoints, shared by its own host and the standalone host.</summary>
public static class IngestServiceExtensions
{
    /// <summary>
    /// Options (<c>Ingest</c>, <c>Ingest:Outbox</c>), the store (<c>ingest.db</c> in the data folder)
    /// with its outbox and the <see cref="OutboxDispatcher"/>, cleaner, ingestor, the built-in sources
    /// and the <see cref="SourceRunner"/>. Ingest consumes nothing from the bus.
    /// </summary>
    public static WebApplicationBuilder AddIngestService(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.Configure<IngestOptions>(builder.Configuration.GetSection(IngestOptions.SectionName));
        services.Configure<OutboxOptions>(builder.Configuration.GetSection(OutboxOptions.SectionName));
        services.AddPipelineMetrics();
        services.TryAddSingleton(provider =>
            new IngestStore(provider.GetRequiredService<IOptions<DataOptions>>().Value.Sqlite(IngestStore.FileName)));
        services.TryAddSingleton(provider => new ArticleCleaner(provider.GetRequiredService<IOptions<IngestOptions>>().Value));
        services.TryAddSingleton<OutboxSignal>();
        services.TryAddScoped<ArticleIngestor>();
        services.AddHostedService<OutboxDispatcher>();
        services.AddHttpClient(FeedArticleSource.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(60));

        builder.AddArticleSource<FolderArticleSource>();
        builder.AddArticleSource<FeedArticleSource>();
        builder.AddArticleSource<JsonLinesArticleSource>();
        services.AddHostedService<SourceRunner>();
        return builder;
    }

    /// <summary>Adds a kind of source, selected in <c>Ingest:Sources</c> by its <see cref="IArticleSource.Type"/>.</summary>
    public static WebApplicationBuilder AddArticleSource<TSource>(this WebApplicationBuilder builder)
        where TSource : class, IArticleSource
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IArticleSource, TSource>());
        return builder;
    }

    public static IEndpointRouteBuilder MapIngestService(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrpcService<IngestGrpcService>().RequireClient(ServiceAccess.Ingest);
        return endpoints;
    }
}
