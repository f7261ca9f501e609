using System.Diagnostics.CodeAnalysis;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace Newsroom.Grpc.Benchmarks;

/// <summary>
/// Calls through the gRPC layer against plain Kestrel endpoints that send the same bytes, from
/// the same client. Many calls are in flight, so that CPU rather than round trips sets the pace;
/// the client's share of that CPU is the same for both servers. Times are per call (unary) and
/// per message (server streaming).
/// </summary>
// Tiered JIT and dynamic PGO take about five seconds to settle here; the whole suite runs in about two minutes.
[SimpleJob(warmupCount: 10, iterationCount: 30)]
[MemoryDiagnoser]
// The machine is shared: Median and Min move less than Mean when other work comes and goes.
[MedianColumn]
[MinColumn]
[OperationsPerSecond]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet ends the servers and the client in GlobalCleanup; it never disposes a benchmark.")]
public class GrpcLayerBenchmarks
{
    private const string Unary = "Unary";
    private const string ServerStreaming = "ServerStreaming";
    private const int UnaryCalls = 64;
    private const int UnaryCallsInFlight = 32;
    // All in flight at once.
    private const int StreamingCalls = 8;
    private const int StreamedMessages = StreamingCalls * BenchmarkMessages.MessagesPerStream;

    // Set in GlobalSetup.
    private LoopbackHttp2Server _layer = null!;
    private LoopbackHttp2Server _plain = null!;
    private RawGrpcClient _client = null!;

    [GlobalSetup]
    public async Task StartServersAsync()
    {
        _layer = await LoopbackHttp2Server.StartAsync(
            services => services.AddGrpcServer(),
            app => app.MapGrpcService<BenchmarkWireService>());
        _plain = await LoopbackHttp2Server.StartAsync(_ => { }, PlainKestrelEndpoints.Map);
        _client = new RawGrpcClient();
        await EnsureSameResponsesAsync(BenchmarkMessages.EchoPath, BenchmarkMessages.EchoRequestFrame);
        await EnsureSameResponsesAsync(BenchmarkMessages.CountPath, BenchmarkMessages.CountRequestFrame);
    }

    [GlobalCleanup]
    public async Task StopServersAsync()
    {
        _client.Dispose();
        await _layer.DisposeAsync();
        await _plain.DisposeAsync();
    }

    [Benchmark(OperationsPerInvoke = UnaryCalls)]
    [BenchmarkCategory(Unary)]
    public Task Unary_Layer() => CallEchoAsync(_layer);

    [Benchmark(Baseline = true, OperationsPerInvoke = UnaryCalls)]
    [BenchmarkCategory(Unary)]
    public Task Unary_PlainKestrel() => CallEchoAsync(_plain);

    [Benchmark(OperationsPerInvoke = StreamedMessages)]
    [BenchmarkCategory(ServerStreaming)]
    public Task ServerStreaming_Layer() => CallCountAsync(_layer);

    [Benchmark(Baseline = true, OperationsPerInvoke = StreamedMessages)]
    [BenchmarkCategory(ServerStreaming)]
    public Task ServerStreaming_PlainKestrel() => CallCountAsync(_plain);

    private Task CallEchoAsync(LoopbackHttp2Server server)
    {
        var method = new Uri(server.Address, BenchmarkMessages.EchoPath);
        return CallConcurrentlyAsync(UnaryCalls, UnaryCallsInFlight, () => _client.CallAsync(method, BenchmarkMessages.EchoRequestFrame, Stream.Null));
    }

    private Task CallCountAsync(LoopbackHttp2Server server)
    {
        var method = new Uri(server.Address, BenchmarkMessages.CountPath);
        return CallConcurrentlyAsync(StreamingCalls, StreamingCalls, () => _client.CallAsync(method, BenchmarkMessages.CountRequestFrame, Stream.Null));
    }

    private static Task CallConcurrentlyAsync(int calls, int inFlight, Func<Task> call) =>
        Task.WhenAll(Enumerable.Range(0, inFlight).Select(async _ =>
        {
            for (var i = 0; i < calls / inFlight; i++)
            {
                await call();
            }
        }));

    private async Task EnsureSameResponsesAsync(string path, byte[] requestFrame)
    {
        var layer = await _client.DescribeResponseAsync(new Uri(_layer.Address, path), requestFrame);
        var plain = await _client.DescribeResponseAsync(new Uri(_plain.Address, path), requestFrame);
        if (layer != plain)
        {
            throw new InvalidOperationException(
                $"The servers answer {path} differently, so their times are not comparable.{Environment.NewLine}Layer:{Environment.NewLine}{layer}{Environment.NewLine}Plain Kestrel:{Environment.NewLine}{plain}");
        }
    }
}
