using System.Security.Claims;
using System.Text.Encodings.Web;
using Grpc.Core;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Newsroom.ServiceDefaults;

/// <summary>
/// Authenticates a call by the API key it presents (<see cref="ApiKeyCredential"/>): a known key
/// gives a principal named after its client (claim <see cref="NewsroomClaims.Client"/>), an unknown
/// one fails, and no key leaves the call anonymous for the authorization policies to decide.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyDirectory keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    private const string HowToSend =
        $"send the key as {ApiKeyCredential.HeaderName} metadata (or authorization: Bearer <key>); with the newsroom CLI pass --api-key or set NEWSROOM_API_KEY";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = ApiKeyCredential.Read(Request);
        if (presented is null)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        if (keys.FindClient(presented) is not { } client)
        {
            return Task.FromResult(AuthenticateResult.Fail("the API key is not one this server accepts"));
        }
        var identity = new ClaimsIdentity([new Claim(NewsroomClaims.Client, client)], SchemeName, NewsroomClaims.Client, roleType: null);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var message = ApiKeyCredential.Read(Request) is null
            ? $"this call needs an API key: {HowToSend}."
            : $"the API key is not one this server accepts; check it with the server's operator and {HowToSend}.";
        Response.Headers.WWWAuthenticate = SchemeName;
        return GrpcStatusResponse.WriteAsync(Context, StatusCode.Unauthenticated, message, StatusCodes.Status401Unauthorized);
    }
}
