namespace Newsroom.Ingest;

/// <summary>How ingest's outbox publishes stored events: configuration section <c>Ingest:Outbox</c>.</summary>
public sealed class OutboxOptions
{
    public const string SectionName = "Ingest:Outbox";

    /// <summary>Events published per round before the outbox is read again.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>How often the dispatcher looks for pending events when nothing woke it (a safety net; storing an article wakes it at once).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long one publication may wait for the broker's confirmation before it counts as failed.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The pause after a first failed publication; it doubles with each further failure up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// After this many failed rounds in a row while the bus reports healthy, the dispatcher restarts
    /// the bus, so the next publications go over a new connection and new channels; 0 never does.
    /// A broker node's failure can leave a channel that the broker never confirms again, while a new
    /// channel on the same node publishes at once (RabbitMQ 3.10 after a quorum queue's leader moved).
    /// </summary>
    public int RestartBusAfter { get; set; } = 3;

    /// <summary>
    /// How long a submission waits for the broker to confirm its article's event before it is answered.
    /// Within it, "accepted" means published; after it, "accepted" still means stored, and the outbox
    /// publishes the event as soon as the broker confirms it.
    /// </summary>
    public TimeSpan ConfirmWait { get; set; } = TimeSpan.FromSeconds(10);
}
