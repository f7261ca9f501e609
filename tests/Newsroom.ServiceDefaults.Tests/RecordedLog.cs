using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Newsroom.ServiceDefaults.Tests;

/// <summary>Every log entry a host wrote, with its level, category and exception, for assertions on what an operator would see.</summary>
public sealed class RecordedLog : ILoggerProvider
{
    public ConcurrentQueue<RecordedLogEntry> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(RecordedLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            log.Entries.Enqueue(new RecordedLogEntry(logLevel, category, formatter(state, exception), exception));
    }
}
