namespace Newsroom.Cli.Bench;

/// <summary>
/// One pipeline stage as the server stamped it on a sample of the run's articles: articles per second
/// through the stage over the run, and the median time from the previous stage.
/// </summary>
internal sealed record StageRate(string Stage, double PerSecond, double MedianDelayMs);
