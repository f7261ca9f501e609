using Spectre.Console;

namespace Newsroom.Cli.Tests.Infrastructure;

/// <summary>Runs the CLI in-process with captured, colourless, non-interactive output.</summary>
public sealed class CliRunner
{
    public ObservedWriter Out { get; } = new();

    public ObservedWriter Error { get; } = new();

    public Dictionary<string, string> Variables { get; } = [];

    /// <summary>The terminal's width; wide by default so that table cells do not wrap the values the tests look for.</summary>
    public int Width { get; init; } = 240;

    public static Task<CliResult> RunAsync(params string[] args) => new CliRunner().RunWithAsync(args);

    public async Task<CliResult> RunWithAsync(string[] args, CancellationToken cancellationToken = default)
    {
        var exitCode = await NewsroomCommand.RunAsync(args, CreateEnvironment(), cancellationToken);
        return new CliResult(exitCode, Out.ToString(), Error.ToString());
    }

    public CliEnvironment CreateEnvironment() => new()
    {
        Out = Console(Out),
        Error = Console(Error),
        GetVariable = name => Variables.GetValueOrDefault(name),
    };

    private IAnsiConsole Console(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });

        console.Profile.Width = Width;
        return console;
    }
}
