using System.Text;

namespace Newsroom.Cli.Tests.Infrastructure;

/// <summary>
/// A thread-safe in-memory writer that can be awaited until some text appears, so a test of a
/// stream waits for the output itself instead of sleeping.
/// </summary>
public sealed class ObservedWriter : TextWriter
{
    private readonly StringBuilder _text = new();
    private readonly List<(string Text, TaskCompletionSource Seen)> _waiters = [];

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value) => Append(value.ToString());

    public override void Write(string? value) => Append(value ?? "");

    public override void Write(char[] buffer, int index, int count) => Append(new string(buffer, index, count));

    public Task WaitForTextAsync(string text)
    {
        lock (_text)
        {
            if (_text.ToString().Contains(text, StringComparison.Ordinal))
            {
                return Task.CompletedTask;
            }

            var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((text, seen));
            return seen.Task;
        }
    }

    public override string ToString()
    {
        lock (_text)
        {
            return _text.ToString();
        }
    }

    private void Append(string value)
    {
        lock (_text)
        {
            _text.Append(value);
            var all = _text.ToString();
            foreach (var waiter in _waiters.Where(waiter => all.Contains(waiter.Text, StringComparison.Ordinal)).ToList())
            {
                waiter.Seen.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
    }
}
