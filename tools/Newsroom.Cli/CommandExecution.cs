using System.Security.Authentication;
using System.Text;
using Grpc.Core;

namespace Newsroom.Cli;

/// <summary>
/// Runs a command's work and turns its failures into one error line and a hint on standard
/// error, with exit code 1, so scripts see a status and people see what to do next.
/// </summary>
internal static class CommandExecution
{
    public static async Task<int> RunAsync(CliEnvironment environment, string server, Func<Task<int>> work, string notFoundHint = "check the id or name")
    {
        try
        {
            return await work().ConfigureAwait(false);
        }
        catch (RpcException exception)
        {
            WriteError(environment, $"{StatusName(exception.StatusCode)}: {exception.Status.Detail}", HintFor(exception, server, notFoundHint));
        }
        catch (CommandFailedException exception)
        {
            WriteError(environment, exception.Message, exception.Hint);
        }

        return ExitCodes.Failure;
    }

    public static void WriteError(CliEnvironment environment, string message, string hint)
    {
        var writer = environment.Error.Profile.Out.Writer;
        writer.WriteLine($"error: {message}");
        writer.WriteLine($"hint: {hint}");
    }

    /// <summary>The canonical upper-case name, for example DEADLINE_EXCEEDED, as grpcurl and other clients print it.</summary>
    public static string StatusName(StatusCode code)
    {
        var name = code.ToString();
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]) && char.IsLower(name[i - 1]))
            {
                builder.Append('_');
            }

            builder.Append(char.ToUpperInvariant(name[i]));
        }

        return builder.ToString();
    }

    private static string HintFor(RpcException exception, string server, string notFoundHint) => exception.StatusCode switch
    {
        _ when IsUntrustedCertificate(exception) =>
            $"the certificate of {server} is not trusted here; pass --ca-cert FILE with the CA certificate that signed it (or add that CA to the system's trust store)",
        StatusCode.Unauthenticated =>
            $"pass the API key the server's operator gave you with --api-key KEY, or set {GlobalOptions.ApiKeyVariable}",
        StatusCode.Unavailable =>
            $"is the server running at {server}? start it with `dotnet run --project services/Standalone` or pass --server",
        StatusCode.DeadlineExceeded =>
            $"the server at {server} did not answer in time; check its health (grpcurl -plaintext {HostOf(server)} grpc.health.v1.Health/Check) and retry",
        StatusCode.NotFound => notFoundHint,
        StatusCode.InvalidArgument or StatusCode.OutOfRange or StatusCode.FailedPrecondition =>
            "fix the request as the message says and run the command again",
        StatusCode.Unimplemented =>
            $"the server at {server} does not serve this call; check that --server points at a Newsroom host of the same version",
        StatusCode.ResourceExhausted => "send less at once (fewer or smaller articles per call) or retry later",
        StatusCode.Cancelled => "the call was cancelled before it finished; run the command again",
        _ => "the server failed to answer; its log has the details",
    };

    private static IEnumerable<Exception> Causes(RpcException exception)
    {
        for (var cause = exception.Status.DebugException; cause is not null; cause = cause.InnerException)
        {
            yield return cause;
        }
    }

    private static bool IsUntrustedCertificate(RpcException exception) => Causes(exception).Any(cause => cause is AuthenticationException);

    private static string HostOf(string server) =>
        Uri.TryCreate(server, UriKind.Absolute, out var address) ? address.Authority : server;
}
