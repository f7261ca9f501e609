using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Newsroom.Contracts.Events;
using Newsroom.ServiceDefaults;

namespace Newsroom.Ingest.Tests;

/// <summary>An ingestor over an in-memory store and MassTransit's test harness, whose publishing can be made to fail.</summary>
internal sealed class IngestTestServices : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private IngestTestServices(ServiceProvider provider, ITestHarness harness)
    {
        _provider = provider;
        Harness = harness;
    }

    public ITestHarness Harness { get; }

    public IngestStore Store => _provider.GetRequiredService<IngestStore>();

    /// <summary>While set, every publish throws, as when the broker is down.</summary>
    public bool FailPublishing { get; set; }

    public static async Task<IngestTestServices> StartAsync()
    {
        IngestTestServices? self = null;
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(new IngestStore(SqliteDatabase.InMemory()));
        services.AddSingleton(new ArticleCleaner());
        services.AddScoped<ArticleIngestor>();
        services.AddMassTransitTestHarness(bus => bus.UsingInMemory((context, transport) =>
        {
            transport.ConfigurePublish(publish => publish.UseExecute(_ =>
            {
                if (self!.FailPublishing)
                {
                    throw new InvalidOperationException("the test bus is down");
                }
            }));
            transport.ConfigureEndpoints(context);
        }));
        var provider = services.BuildServiceProvider(validateScopes: true);
        var harness = provider.GetRequiredService<ITestHarness>();
        self = new IngestTestServices(provider, harness);
        await harness.Start();
        return self;
    }

    public ArticleIngestor CreateIngestor() => _provider.CreateScope().ServiceProvider.GetRequiredService<ArticleIngestor>();

    public int PublishedIngested => Harness.Published.Select<ArticleIngested>().Count();

    public int PublishedRejected => Harness.Published.Select<ArticleRejected>().Count();

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
