using Xunit;

namespace Newsroom.Faults.Tests.Infrastructure;

/// <summary>The fault scenarios: one at a time (each kills processes and loads both cores), each on a virtual host of its own.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FaultTests : ICollectionFixture<FaultBrokers>
{
    public const string Name = "Faults";
}
