namespace Newsroom.Cli;

/// <summary>A command could not do its work for a reason the user can fix: the message says what, the hint what to do.</summary>
internal sealed class CommandFailedException(string message, string hint) : Exception(message)
{
    public string Hint { get; } = hint;
}
