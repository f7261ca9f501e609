using System.Diagnostics.Metrics;

namespace Newsroom.Testing;

/// <summary>The values an instrument (a histogram or counter of longs) records while this listens, from any thread.</summary>
public sealed class RecordedMeasurements : IDisposable
{
    private readonly List<long> _values = [];
    private readonly MeterListener _listener;

    /// <param name="instrumentName">The instrument's name.</param>
    /// <param name="meters">
    /// The meter factory of the services under test: tests running at the same time record the same instrument
    /// through their own services, and only this one's meters count.
    /// </param>
    public RecordedMeasurements(string instrumentName, IMeterFactory meters)
    {
        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Name == instrumentName && ReferenceEquals(instrument.Meter.Scope, meters))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) =>
        {
            lock (_values)
            {
                _values.Add(value);
            }
        });
        _listener.Start();
    }

    /// <summary>The values recorded so far, in the order they came.</summary>
    public IReadOnlyList<long> Values
    {
        get
        {
            lock (_values)
            {
                return [.. _values];
            }
        }
    }

    public void Dispose() => _listener.Dispose();
}
