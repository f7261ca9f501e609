using Microsoft.Extensions.Logging;

namespace Newsroom.ServiceDefaults.Tests;

public sealed record RecordedLogEntry(LogLevel Level, string Category, string Message, Exception? Exception)
{
    public override string ToString() => $"{Level} {Category}: {Message}{(Exception is null ? "" : $" [{Exception.GetType().Name}]")}";
}
