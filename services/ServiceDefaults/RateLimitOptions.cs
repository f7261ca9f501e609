namespace Newsroom.ServiceDefaults;

/// <summary>
/// Per-client limits: configuration section <c>RateLimits</c>. A client is the client name of its
/// API key, or else its remote IP address. The defaults are far above what the CLI and a busy
/// script need, and stop one client from flooding a service.
/// </summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    /// <summary>Calls a client may start per second, sustained.</summary>
    public int RequestsPerSecond { get; set; } = 200;

    /// <summary>Calls a client may start at once after a quiet spell, above the sustained rate.</summary>
    public int Burst { get; set; } = 1000;

    /// <summary>Calls a client may have open at once; every open stream (a watch, a batch) counts until it ends.</summary>
    public int ConcurrentCalls { get; set; } = 32;
}
