using System.Text.Json;
using Newsroom.Cli.Tests.Fakes;
using Newsroom.Cli.Tests.Infrastructure;
using Newsroom.Contracts.V1;
using Xunit;

namespace Newsroom.Cli.Tests;

public class WatchCommandTests(FakeNewsroomServer server) : IClassFixture<FakeNewsroomServer>
{
    // Only a guard against a hung test run; the test waits for output, not for time.
    private static readonly TimeSpan Hang = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Watch_prints_updates_until_cancelled_then_exits_cleanly()
    {
        var runner = new CliRunner();
        using var cancellation = new CancellationTokenSource();

        var run = runner.RunWithAsync(["watch", "--entity", "Orlanth", "--action", "suspend", "--server", server.Address], cancellation.Token);
        await runner.Out.WaitForTextAsync("art-watch-2").WaitAsync(Hang);
        await cancellation.CancelAsync();
        var result = await run.WaitAsync(Hang);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("created st-watch-1 (v1, 1 article, Harbor Ledger) Orlanth Mining suspends operations at Tessel pit", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("updated st-watch-1 (v2, 2 articles, Harbor Ledger, Valley Courier)", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain("error", result.Error, StringComparison.Ordinal);
        Assert.Equal("Orlanth", server.State.Last<WatchStoriesRequest>().Filter.Entity);
        Assert.Equal(EventAction.Suspend, server.State.Last<WatchStoriesRequest>().Filter.Action);

        // Cancelling reaches the server, which ends the stream.
        await server.State.WatchCancelled.Task.WaitAsync(Hang);
    }

    [Fact]
    public async Task Watch_json_writes_one_object_per_line()
    {
        var runner = new CliRunner();
        using var cancellation = new CancellationTokenSource();

        var run = runner.RunWithAsync(["watch", "--json", "--server", server.Address], cancellation.Token);
        await runner.Out.WaitForTextAsync("art-watch-2").WaitAsync(Hang);
        await cancellation.CancelAsync();
        var result = await run.WaitAsync(Hang);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var kinds = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("kind").GetString())
            .ToList();
        Assert.Equal(["KIND_CREATED", "KIND_UPDATED"], kinds);
    }
}
