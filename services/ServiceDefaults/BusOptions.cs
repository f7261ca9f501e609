namespace Newsroom.ServiceDefaults;

/// <summary>Which message bus a service joins: configuration section <c>Bus</c>.</summary>
public sealed class BusOptions
{
    public const string SectionName = "Bus";

    /// <summary>
    /// A RabbitMQ URI such as <c>amqp://guest:guest@rabbitmq:5672/</c>, or <c>in-memory</c> for the
    /// one-process standalone host and unit tests.
    /// </summary>
    public string Uri { get; set; } = InMemory;

    public const string InMemory = "in-memory";

    public bool IsInMemory => string.Equals(Uri, InMemory, StringComparison.OrdinalIgnoreCase);
}
