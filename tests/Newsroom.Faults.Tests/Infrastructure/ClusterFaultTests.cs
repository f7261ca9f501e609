using Xunit;

namespace Newsroom.Faults.Tests.Infrastructure;

/// <summary>
/// The scenarios on a three-node cluster, a fixture of their own so that the other fault
/// scenarios do not boot it; not in parallel with anything, as they load both cores.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterFaultTests : ICollectionFixture<RabbitMqCluster>
{
    public const string Name = "Cluster faults";
}
