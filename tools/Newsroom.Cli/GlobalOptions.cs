using System.CommandLine;

namespace Newsroom.Cli;

/// <summary>Options every command accepts: where the server is, and machine-readable output.</summary>
internal sealed class GlobalOptions
{
    public const string DefaultServer = "http://localhost:5000";
    public const string ServerVariable = "NEWSROOM_SERVER";
    public const string ApiKeyVariable = "NEWSROOM_API_KEY";

    public GlobalOptions(CliEnvironment environment)
    {
        Server = new Option<string>("--server")
        {
            Description = $"The Newsroom gRPC address (default {DefaultServer}, or ${ServerVariable})",
            Recursive = true,
            DefaultValueFactory = _ => environment.GetVariable(ServerVariable) is { Length: > 0 } fromVariable ? fromVariable : DefaultServer,
        };
        Server.Validators.Add(ValidateAddress);
        ApiKey = new Option<string?>("--api-key")
        {
            Description = $"The API key to send (as x-api-key) with every call (default ${ApiKeyVariable}); ingest needs one unless its operator turned that off",
            Recursive = true,
            DefaultValueFactory = _ => environment.GetVariable(ApiKeyVariable) is { Length: > 0 } fromVariable ? fromVariable : null,
        };
        CaCertificate = new Option<string?>("--ca-cert")
        {
            Description = "For an https:// server: trust the CA certificate in this file (PEM or DER) instead of the system's",
            Recursive = true,
        };
        Json = new Option<bool>("--json")
        {
            Description = "Write JSON for scripts: one document, or one object per line for streams",
            Recursive = true,
        };
    }

    /// <summary>Checks that an address option holds an http(s) URL.</summary>
    public static void ValidateAddress(System.CommandLine.Parsing.OptionResult result)
    {
        var value = result.GetValueOrDefault<string?>();
        if (value is not null && (!Uri.TryCreate(value, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https")))
        {
            result.AddError($"{result.Option.Name} '{value}' is not an address such as {DefaultServer}; pass http://HOST:PORT, or https://HOST:PORT for a server with TLS.");
        }
    }

    public Option<string> Server { get; }

    public Option<string?> ApiKey { get; }

    public Option<string?> CaCertificate { get; }

    public Option<bool> Json { get; }
}
