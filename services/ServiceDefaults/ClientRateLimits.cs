using System.Globalization;
using System.Threading.RateLimiting;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Newsroom.ServiceDefaults;

/// <summary>
/// ASP.NET Core rate limiting per client (<see cref="RateLimitOptions"/>): a token bucket for the
/// call rate chained with a concurrency limit for open calls and streams. A refused call gets
/// RESOURCE_EXHAUSTED (HTTP 429 for JSON) with the limit, the client and when to retry.
/// </summary>
internal static class ClientRateLimits
{
    public static IServiceCollection AddClientRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.SectionName)
            .Validate(o => o is { RequestsPerSecond: > 0, Burst: > 0, ConcurrentCalls: > 0 },
                $"{RateLimitOptions.SectionName}:RequestsPerSecond, :Burst and :ConcurrentCalls must each be a positive number.")
            .Validate(o => o.Burst >= o.RequestsPerSecond,
                $"{RateLimitOptions.SectionName}:Burst must be at least {RateLimitOptions.SectionName}:RequestsPerSecond, or the sustained rate could never be reached.")
            .ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((limiter, configured) =>
        {
            var limits = configured.Value;
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context => RateLimitPartition.GetTokenBucketLimiter(PartitionKey(context), _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = limits.Burst,
                    TokensPerPeriod = limits.RequestsPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                })),
                PartitionedRateLimiter.Create<HttpContext, string>(context => RateLimitPartition.GetConcurrencyLimiter(PartitionKey(context), _ => new ConcurrencyLimiterOptions
                {
                    PermitLimit = limits.ConcurrentCalls,
                    QueueLimit = 0,
                })));
            limiter.OnRejected = (rejected, _) => new ValueTask(RejectAsync(rejected, limits));
        });
        return services;
    }

    private static string PartitionKey(HttpContext context) =>
        context.User.Identity is { IsAuthenticated: true, Name: { } client } ? $"client:{client}" : $"address:{context.Connection.RemoteIpAddress}";

    private static string Describe(HttpContext context) =>
        context.User.Identity is { IsAuthenticated: true, Name: { } client }
            ? $"client '{client}'"
            : $"anonymous client {context.Connection.RemoteIpAddress}";

    private static Task RejectAsync(OnRejectedContext rejected, RateLimitOptions limits)
    {
        var context = rejected.HttpContext;
        string message;
        // Only the token bucket says when to retry; a full concurrency limiter cannot know.
        if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            message = $"rate limit of {limits.RequestsPerSecond} requests/s (bursts of {limits.Burst}) for {Describe(context)} exceeded; retry after {seconds} s, and send fewer calls per second.";
        }
        else
        {
            message = $"limit of {limits.ConcurrentCalls} concurrent calls and streams for {Describe(context)} reached; end a call or stream (a watch, a batch) before starting another.";
        }
        return GrpcStatusResponse.WriteAsync(context, StatusCode.ResourceExhausted, message, StatusCodes.Status429TooManyRequests);
    }
}
