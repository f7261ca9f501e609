using Grpc.Core;
using Grpc.Net.Client.Configuration;

namespace Newsroom.ServiceDefaults;

/// <summary>
/// The gRPC service config with which a client retries QueryService calls refused as UNAVAILABLE, as
/// gRPC's guidance has it: every QueryService method only reads, so a retry repeats nothing. The CLI and
/// the tests that call the query service share it, each with its own patience.
/// </summary>
public static class QueryReadRetry
{
    public static ServiceConfig Config(int maxAttempts, TimeSpan initialBackoff, TimeSpan maxBackoff) => new()
    {
        MethodConfigs =
        {
            new MethodConfig
            {
                Names = { new MethodName { Service = "newsroom.v1.QueryService" } },
                RetryPolicy = new RetryPolicy
                {
                    MaxAttempts = maxAttempts,
                    InitialBackoff = initialBackoff,
                    MaxBackoff = maxBackoff,
                    BackoffMultiplier = 2,
                    RetryableStatusCodes = { StatusCode.Unavailable },
                },
            },
        },
    };
}
