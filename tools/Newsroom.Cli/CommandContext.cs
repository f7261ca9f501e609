using System.CommandLine;

namespace Newsroom.Cli;

/// <summary>What every command's action needs: the process environment and the global options.</summary>
internal sealed class CommandContext(CliEnvironment environment, GlobalOptions options)
{
    public CliEnvironment Environment { get; } = environment;

    public GlobalOptions Options { get; } = options;

    public bool Json(ParseResult result) => result.GetValue(Options.Json);

    /// <summary>Runs work against the server named by --server (with --api-key and --ca-cert), reporting gRPC failures with a hint.</summary>
    public Task<int> RunRemoteAsync(ParseResult result, Func<NewsroomClient, Task<int>> work, string notFoundHint = "check the id or name")
    {
        var connection = new ServerConnection(result.GetRequiredValue(Options.Server), result.GetValue(Options.ApiKey), result.GetValue(Options.CaCertificate));
        return CommandExecution.RunAsync(Environment, connection.Address, async () =>
        {
            using var client = new NewsroomClient(connection);
            return await work(client).ConfigureAwait(false);
        }, notFoundHint);
    }
}
