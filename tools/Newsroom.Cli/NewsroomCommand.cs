using System.CommandLine;
using Newsroom.Cli.Commands;

namespace Newsroom.Cli;

/// <summary>The `newsroom` command tree, buildable and runnable in-process with any output.</summary>
public static class NewsroomCommand
{
    public static RootCommand Create(CliEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var options = new GlobalOptions(environment);
        var context = new CommandContext(environment, options);
        var root = new RootCommand("newsroom: ingest articles, search stories, follow entities, and replay the pipeline offline")
        {
            options.Server,
            options.ApiKey,
            options.CaCertificate,
            options.Json,
            IngestCommand.Create(context),
            SearchCommand.Create(context),
            StoryCommand.Create(context),
            EntityCommand.Create(context),
            TimelineCommand.Create(context),
            WatchCommand.Create(context),
            StatusCommand.Create(context),
            ReplayCommand.Create(context),
            BenchCommand.Create(context),
            TrainCommand.Create(context),
            EvalCommand.Create(context),
        };
        return root;
    }

    /// <summary>Parses and runs a command line: 0 on success, 1 when the command failed, 2 for bad usage.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, CliEnvironment environment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var result = Create(environment).Parse(args);
        if (result.Errors.Count > 0)
        {
            var writer = environment.Error.Profile.Out.Writer;
            foreach (var error in result.Errors)
            {
                writer.WriteLine($"error: {error.Message}");
            }

            var command = result.CommandResult.Command is RootCommand ? "newsroom" : $"newsroom {result.CommandResult.Command.Name}";
            writer.WriteLine($"hint: see `{command} --help` for the usage");
            return ExitCodes.Usage;
        }

        var configuration = new InvocationConfiguration
        {
            Output = environment.Out.Profile.Out.Writer,
            Error = environment.Error.Profile.Out.Writer,
        };
        return await result.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
    }
}
