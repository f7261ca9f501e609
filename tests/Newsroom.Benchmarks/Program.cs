using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using Newsroom.Benchmarks;

if (args is [QueryIndexFill.Command, .. var fillArguments])
{
    return await QueryIndexFill.RunAsync(fillArguments);
}

try
{
    SeedCorpus.EnsurePresent();
}
catch (DirectoryNotFoundException missing)
{
    await Console.Error.WriteLineAsync($"error: {missing.Message}");
    return 2;
}

// One core for every job the command line picks (--job short and so on): a mutator job applies its
// settings to all jobs. The figures are single-threaded throughput, not the machine's.
var config = ManualConfig.Create(DefaultConfig.Instance)
    .AddJob(Job.Default.WithAffinity(1).AsMutator());
var summaries = BenchmarkSwitcher.FromAssembly(typeof(SeedCorpus).Assembly).Run(args, config);
return summaries.Any(summary => summary.HasCriticalValidationErrors || summary.Reports.Any(report => !report.Success)) ? 1 : 0;
