using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Newsroom.ServiceDefaults;

/// <summary>
/// API-key authentication (<see cref="AuthOptions"/>) and one authorization policy per API, which
/// a service applies to its endpoints with <see cref="RequireClient{TBuilder}"/>.
/// </summary>
public static class ServiceAccessExtensions
{
    /// <summary>
    /// Calls to these endpoints need a valid API key when <paramref name="access"/> is required in
    /// <c>Auth</c>; otherwise they may be anonymous, but a key that is presented must be valid, so
    /// a client with a wrong key hears so instead of being served anonymously. Over gRPC and JSON.
    /// </summary>
    public static TBuilder RequireClient<TBuilder>(this TBuilder builder, ServiceAccess access)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.RequireAuthorization(PolicyName(access));
    }

    internal static string PolicyName(ServiceAccess access) => $"newsroom-{access.ToString().ToLowerInvariant()}";

    internal static IServiceCollection AddServiceAccess(this IServiceCollection services)
    {
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        services.AddSingleton<ApiKeyDirectory>();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, configureOptions: null);
        services.AddAuthorization();
        services.AddOptions<AuthorizationOptions>().Configure<IOptions<AuthOptions>>((authorization, auth) =>
        {
            foreach (var access in Enum.GetValues<ServiceAccess>())
            {
                var required = auth.Value.IsRequiredFor(access);
                authorization.AddPolicy(PolicyName(access), policy => policy.RequireAssertion(context =>
                    context.User.Identity?.IsAuthenticated == true
                    || (!required && context.Resource is HttpContext http && ApiKeyCredential.Read(http.Request) is null)));
            }
        });
        services.AddSingleton<ServiceAccessStartupCheck>();
        services.AddSingleton<IStartupFilter>(provider => provider.GetRequiredService<ServiceAccessStartupCheck>());
        return services;
    }
}
