using BenchmarkDotNet.Configs;

namespace Newsroom.Benchmarks;

/// <summary>Adds articles per second to benchmarks whose operation is one article (OperationsPerInvoke).</summary>
public sealed class ArticleThroughputConfig : ManualConfig
{
    public ArticleThroughputConfig()
    {
        AddColumn(new ThroughputColumn("Articles", () => 1));
    }
}
