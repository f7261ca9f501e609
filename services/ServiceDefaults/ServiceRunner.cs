using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Newsroom.ServiceDefaults;

/// <summary>Runs a service host, refusing to start on invalid settings with their reasons and no stack trace.</summary>
public static partial class ServiceRunner
{
    /// <summary>The exit code of a host whose settings are invalid.</summary>
    public const int InvalidSettings = 2;

    /// <summary>
    /// Checks the settings validated at start (API keys, limits, a key for every API that requires
    /// one) before the host starts, since a failed start logs the exception with its stack trace
    /// and ends the process with an abort; then runs the host until it stops. Returns the process
    /// exit code.
    /// </summary>
    public static async Task<int> RunServiceAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        try
        {
            app.Services.GetService<IStartupValidator>()?.Validate();
            app.Services.GetService<ServiceAccessStartupCheck>()?.Check(((IEndpointRouteBuilder)app).DataSources.SelectMany(source => source.Endpoints));
        }
        catch (OptionsValidationException e)
        {
            LogInvalidSettings(app.Logger, e.Failures);
            return InvalidSettings;
        }
        catch (InvalidSettingsException e)
        {
            LogInvalidSetting(app.Logger, e.Message);
            return InvalidSettings;
        }
        await app.RunAsync().ConfigureAwait(false);
        return 0;
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Not starting: the settings are invalid. Fix these, then start again: {Failures}")]
    private static partial void LogInvalidSettings(ILogger logger, IEnumerable<string> failures);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Not starting: {Reason}")]
    private static partial void LogInvalidSetting(ILogger logger, string reason);
}
