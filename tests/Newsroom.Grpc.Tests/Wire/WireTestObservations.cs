using System.Collections.Concurrent;

namespace Newsroom.Grpc.Tests.Wire;

/// <summary>What the test service saw from inside its handlers: which calls had their token cancelled.</summary>
public sealed class WireTestObservations
{
    private readonly ConcurrentDictionary<string, int> _cancellations = new();

    public int Cancellations(string method) => _cancellations.GetValueOrDefault(method);

    /// <summary>Waits, and records it when the call's token cancels the wait.</summary>
    public async Task DelayAsync(string method, int milliseconds, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(milliseconds, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _cancellations.AddOrUpdate(method, 1, (_, count) => count + 1);
            throw;
        }
    }

    /// <summary>True once <paramref name="method"/> has seen more cancellations than <paramref name="before"/>.</summary>
    public async Task<bool> WaitForCancellationAsync(string method, int before, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (Cancellations(method) <= before)
        {
            if (DateTime.UtcNow > until)
            {
                return false;
            }

            await Task.Delay(20);
        }

        return true;
    }
}
