using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Newsroom.ServiceDefaults;

/// <summary>
/// Stops a host from starting when it serves an API that requires a key but has no key to accept:
/// such a service would refuse every call. It looks once the request pipeline is built, when
/// every endpoint is mapped, and before the server starts listening; <see cref="ServiceRunner"/>
/// looks earlier, to refuse with the reason alone.
/// </summary>
internal sealed class ServiceAccessStartupCheck(IOptions<AuthOptions> options, ApiKeyDirectory keys) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        next(app);
        Check(app.ApplicationServices.GetRequiredService<EndpointDataSource>().Endpoints);
    };

    /// <exception cref="InvalidSettingsException">An API served here requires a key, and no key is configured.</exception>
    public void Check(IEnumerable<Endpoint> endpoints)
    {
        if (!keys.IsEmpty)
        {
            return;
        }
        var served = endpoints
            .SelectMany(endpoint => endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>())
            .Select(data => data.Policy)
            .ToHashSet(StringComparer.Ordinal);
        var locked = Enum.GetValues<ServiceAccess>()
            .Where(access => options.Value.IsRequiredFor(access) && served.Contains(ServiceAccessExtensions.PolicyName(access)))
            .Select(access => $"{AuthOptions.SectionName}:RequireFor{access}")
            .ToList();
        if (locked.Count > 0)
        {
            throw new InvalidSettingsException(
                $"{string.Join(" and ", locked)} {(locked.Count == 1 ? "is" : "are")} true but no API key is configured, so every call would be refused. "
                + $"Set {AuthOptions.SectionName}:ApiKeys:0:Key (at least {ApiKeyOptions.MinimumKeyLength} random characters) and {AuthOptions.SectionName}:ApiKeys:0:Client (the client's name), "
                + $"for example as the environment variables Auth__ApiKeys__0__Key and Auth__ApiKeys__0__Client; or set {string.Join(" and ", locked)} to false on a network where every caller is trusted.");
        }
    }
}
