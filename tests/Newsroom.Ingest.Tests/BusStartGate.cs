using MassTransit;

namespace Newsroom.Ingest.Tests;

/// <summary>Counts the bus's starts, so a test sees whether the outbox restarted it, and refuses them on demand, as an unreachable broker would.</summary>
internal sealed class BusStartGate : IBusObserver
{
    private int _starts;

    public int Starts => Volatile.Read(ref _starts);

    /// <summary>While set, every start fails before the bus connects.</summary>
    public bool Refuse { get; set; }

    public void PostCreate(IBus bus)
    {
    }

    public void CreateFaulted(Exception exception)
    {
    }

    public Task PreStart(IBus bus) => Refuse ? throw new InvalidOperationException("the test broker refuses the bus") : Task.CompletedTask;

    public Task PostStart(IBus bus, Task<BusReady> busReady)
    {
        Interlocked.Increment(ref _starts);
        return Task.CompletedTask;
    }

    public Task StartFaulted(IBus bus, Exception exception) => Task.CompletedTask;

    public Task PreStop(IBus bus) => Task.CompletedTask;

    public Task PostStop(IBus bus) => Task.CompletedTask;

    public Task StopFaulted(IBus bus, Exception exception) => Task.CompletedTask;
}
