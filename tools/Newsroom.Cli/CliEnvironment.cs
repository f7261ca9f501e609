using Spectre.Console;

namespace Newsroom.Cli;

/// <summary>
/// Where the CLI writes and what it reads from its process: standard output for results,
/// standard error for progress and errors, and environment variables. Tests pass their own.
/// </summary>
public sealed class CliEnvironment
{
    /// <summary>Results: tables, or JSON with --json.</summary>
    public required IAnsiConsole Out { get; init; }

    /// <summary>Progress, warnings and errors, so that standard output stays parseable.</summary>
    public required IAnsiConsole Error { get; init; }

    public Func<string, string?> GetVariable { get; init; } = Environment.GetEnvironmentVariable;

    public static CliEnvironment FromProcess() => new()
    {
        Out = ConsoleFor(Console.Out, Console.IsOutputRedirected),
        Error = ConsoleFor(Console.Error, Console.IsErrorRedirected),
    };

    // Redirected output goes to files and pipes: no escape codes, no live progress display.
    private static IAnsiConsole ConsoleFor(TextWriter writer, bool redirected) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(writer),
        Ansi = redirected ? AnsiSupport.No : AnsiSupport.Detect,
        ColorSystem = redirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
        Interactive = redirected ? InteractionSupport.No : InteractionSupport.Detect,
    });
}
