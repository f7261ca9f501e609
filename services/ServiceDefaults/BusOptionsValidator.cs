using System.Globalization;
using Microsoft.Extensions.Options;

namespace Newsroom.ServiceDefaults;

/// <summary>Refuses to start on a bus address or cluster node list that cannot work, naming the setting to fix.</summary>
internal sealed class BusOptionsValidator : IValidateOptions<BusOptions>
{
    private const string UriSetting = $"{BusOptions.SectionName}:{nameof(BusOptions.Uri)}";
    private const string NodesSetting = $"{BusOptions.SectionName}:{nameof(BusOptions.ClusterNodes)}";
    private const string QuorumSetting = $"{BusOptions.SectionName}:{nameof(BusOptions.QuorumQueues)}";

    public ValidateOptionsResult Validate(string? name, BusOptions options)
    {
        if (options.IsInMemory)
        {
            return options.ClusterNodes.Count == 0
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail($"{NodesSetting} is set, but {UriSetting} is {BusOptions.InMemory}; point {UriSetting} at one node of the cluster (amqp://user:password@rabbitmq:5672/), or remove {NodesSetting}.");
        }
        if (!Uri.TryCreate(options.Uri, UriKind.Absolute, out var uri) || uri.Scheme is not ("amqp" or "amqps") || uri.Host.Length == 0)
        {
            // The URI carries a password: say what is wrong with it without repeating it.
            return ValidateOptionsResult.Fail($"{UriSetting} is not a RabbitMQ URI; give one such as amqp://user:password@rabbitmq:5672/ (amqps:// for TLS), or {BusOptions.InMemory} for one process.");
        }
        var failures = new List<string>();
        for (var i = 0; i < options.ClusterNodes.Count; i++)
        {
            if (!IsNodeAddress(options.ClusterNodes[i].Trim()))
            {
                failures.Add($"{NodesSetting}:{i} is '{options.ClusterNodes[i]}'; give a node's host name or host:port, such as rabbitmq-2 or rabbitmq-2:5672 (the user, password and virtual host come from {UriSetting}).");
            }
        }
        if (options.ClusterNodes.Count > 0 && !options.QuorumQueues)
        {
            failures.Add($"{NodesSetting} lists a cluster, but {QuorumSetting} is false: a classic queue lives on one node, and the pipeline would stop with it. Set {QuorumSetting}=true, with the queues declared as quorum queues (README, \"RabbitMQ cluster\").");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary><c>host</c> or <c>host:port</c>, as MassTransit's cluster nodes are written (no IPv6 literals).</summary>
    private static bool IsNodeAddress(string node)
    {
        var parts = node.Split(':');
        var hostValid = Uri.CheckHostName(parts[0]) is UriHostNameType.Dns or UriHostNameType.IPv4;
        return parts.Length switch
        {
            1 => hostValid,
            2 => hostValid && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535,
            _ => false,
        };
    }
}
