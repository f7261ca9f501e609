using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newsroom.Contracts.V1;
using Grpc.Net.Client;
using Newsroom.ServiceDefaults;
using Xunit;

namespace Newsroom.Query.Tests;

/// <summary>
/// The Query service composed as its host composes it (in-memory bus, SQLite file in a temporary
/// data folder), serving gRPC over real HTTP/2 on a loopback port.
/// </summary>
public class QueryServiceHost : IAsyncLifetime
{
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(60);

    /// <summary>Every test call's deadline: generous on a busy machine, but a hung server fails the test.</summary>
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    /// <summary>A new call's deadline, <see cref="CallTimeout"/> from now.</summary>
    public static DateTime Deadline => DateTime.UtcNow + CallTimeout;
    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), $"newsroom-query-tests-{Guid.NewGuid():N}");
    private WebApplication? _app;

    /// <summary>The gRPC (h2c) address.</summary>
    public string Address { get; private set; } = "";

    /// <summary>The HTTP/1.1 address that answers JSON.</summary>
    public Uri HttpAddress { get; private set; } = null!;

    public QueryStore Store => _app!.Services.GetRequiredService<QueryStore>();

    public StoryUpdateBroadcaster Broadcaster => _app!.Services.GetRequiredService<StoryUpdateBroadcaster>();

    /// <summary>
    /// A channel that retries a read refused as UNAVAILABLE, as gRPC's guidance and the CLI's own client do: on a busy
    /// machine an HTTP/2 stream is now and then reset before its answer arrives (seen once in CI), and a test should
    /// fail for what the service answers, not for that.
    /// </summary>
    public GrpcChannel CreateChannel() => GrpcChannel.ForAddress(Address, new GrpcChannelOptions
    {
        ServiceConfig = QueryReadRetry.Config(maxAttempts: 3, initialBackoff: TimeSpan.FromMilliseconds(200), maxBackoff: TimeSpan.FromSeconds(1)),
    });

    public virtual async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Data:Path"] = _dataPath,
            ["Grpc:Url"] = "http://127.0.0.1:0",
            ["Http:Url"] = "http://127.0.0.1:0",
            ["Bus:Uri"] = BusOptions.InMemory,
        });
        builder.AddQueryService();
        builder.AddServiceDefaults();
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapServiceDefaults();
        _app.MapQueryService();
        await _app.StartAsync();
        // Service defaults bind gRPC first, then HTTP.
        Address = _app.Urls.First();
        HttpAddress = new Uri(_app.Urls.Last());
    }

    public Task PublishAsync<T>(T message)
        where T : class =>
        _app!.Services.GetRequiredService<IBus>().Publish(message);

    /// <summary>Waits until the bus has carried the article to <paramref name="stage"/>; fails after a generous limit.</summary>
    public async Task<ArticleStatus> WaitForStageAsync(string articleId, PipelineStage stage)
    {
        var giveUp = DateTime.UtcNow + GiveUpAfter;
        while (true)
        {
            if (Store.GetArticleStatus(articleId) is { } status && status.Stage >= stage)
            {
                return status;
            }

            Assert.True(DateTime.UtcNow < giveUp, $"Article {articleId} did not reach {stage} within {GiveUpAfter}; see the consumers' errors.");
            await Task.Delay(20);
        }
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataPath))
        {
            Directory.Delete(_dataPath, recursive: true);
        }
    }
}
