using MassTransit;

namespace Newsroom.Ingest.Tests;

/// <summary>Counts the bus's starts, so a test sees whether the outbox restarted it.</summary>
internal sealed class BusStartCounter : IBusObserver
{
    private int _starts;

    public int Starts => Volatile.Read(ref _starts);

    public void PostCreate(IBus bus)
    {
    }

    public void CreateFaulted(Exception exception)
    {
    }

    public Task PreStart(IBus bus) => Task.CompletedTask;

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
