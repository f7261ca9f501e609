using BenchmarkDotNet.Configs;

namespace Newsroom.Benchmarks;

/// <summary>Adds tokens per second, counting every token of the seed articles as one operation tags them all.</summary>
public sealed class TokenThroughputConfig : ManualConfig
{
    public TokenThroughputConfig()
    {
        AddColumn(new ThroughputColumn("Tokens", () => SeedCorpus.TokenCount));
    }
}
