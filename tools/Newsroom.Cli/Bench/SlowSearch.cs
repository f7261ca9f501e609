namespace Newsroom.Cli.Bench;

/// <summary>One of a search load's slowest answers: what was searched, how long the answer took, and how many stories matched.</summary>
internal sealed record SlowSearch(string Query, double Milliseconds, int Hits, bool Capped);
