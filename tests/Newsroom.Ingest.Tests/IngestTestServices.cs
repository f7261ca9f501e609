using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Newsroom.Contracts.Events;
using Newsroom.ServiceDefaults;

namespace Newsroom.Ingest.Tests;

/// <summary>
/// An ingestor and its outbox dispatcher over a store (in memory, or a file that outlives these
/// services, as across a restart) and MassTransit's test harness, whose publishing can be made to fail.
/// </summary>
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

    private OutboxDispatcher Dispatcher => _provider.GetRequiredService<OutboxDispatcher>();

    /// <summary>While set, every publish throws, as when the broker refuses it.</summary>
    public bool FailPublishing { get; set; }

    /// <summary>How many times the bus started: once, plus each restart.</summary>
    public int BusStarts => _provider.GetRequiredService<BusStartGate>().Starts;

    /// <summary>While set, the bus cannot start.</summary>
    public bool RefuseBusStarts
    {
        get => _provider.GetRequiredService<BusStartGate>().Refuse;
        set => _provider.GetRequiredService<BusStartGate>().Refuse = value;
    }

    /// <param name="database">The store's database; a private in-memory one when null.</param>
    /// <param name="outbox">Overrides of the outbox settings; the defaults here keep waits short.</param>
    public static async Task<IngestTestServices> StartAsync(SqliteDatabase? database = null, Action<OutboxOptions>? outbox = null)
    {
        IngestTestServices? self = null;
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPipelineMetrics();
        services.AddSingleton(new IngestStore(database ?? SqliteDatabase.InMemory()));
        services.AddSingleton(new ArticleCleaner());
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddScoped<ArticleIngestor>();
        services.Configure<OutboxOptions>(options =>
        {
            options.ConfirmWait = TimeSpan.FromSeconds(2);
            options.RetryDelay = TimeSpan.FromMilliseconds(50);
            // Only the tests of the restart turn it on: stopping the test harness's bus can take many seconds.
            options.RestartBusAfter = 0;
            outbox?.Invoke(options);
        });
        services.AddSingleton<BusStartGate>();
        services.AddBusObserver(provider => provider.GetRequiredService<BusStartGate>());
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
        await self.Dispatcher.StartAsync(CancellationToken.None);
        return self;
    }

    public ArticleIngestor CreateIngestor() => _provider.CreateScope().ServiceProvider.GetRequiredService<ArticleIngestor>();

    public OutboxOptions OutboxOptions => _provider.GetRequiredService<IOptions<OutboxOptions>>().Value;

    /// <summary>Events the harness saw published successfully (a publish that threw is not one).</summary>
    public IReadOnlyList<ArticleIngested> PublishedIngestedEvents =>
        Harness.Published.Select<ArticleIngested>(m => m.Exception is null).Select(m => m.Context.Message).ToList();

    public int PublishedIngested => PublishedIngestedEvents.Count;

    public int PublishedRejected => Harness.Published.Select<ArticleRejected>().Count();

    /// <summary>Waits until <paramref name="count"/> events went out; the limit only bounds a failing test, as a busy machine can be slow.</summary>
    public Task<bool> WaitForPublishedIngestedAsync(int count) => WaitUntilAsync(() => PublishedIngested >= count);

    /// <summary>
    /// Waits until the outbox holds no pending event: the dispatcher marks an event sent after the broker confirmed it,
    /// so a test that saw it published may look before the mark.
    /// </summary>
    public Task<bool> WaitForNothingPendingAsync() => WaitUntilAsync(() => Store.PendingCount() == 0);

    private static async Task<bool> WaitUntilAsync(Func<bool> condition)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            if (limit.IsCancellationRequested)
            {
                return false;
            }
            await Task.Delay(20);
        }
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        await Dispatcher.StopAsync(CancellationToken.None);
        await _provider.DisposeAsync();
    }
}
