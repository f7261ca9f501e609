using Newsroom.Cli.Replay;

namespace Newsroom.Cli.Eval;

/// <summary>One article of a clustering gold file: what replay reads of it, its gold cluster, and the topic it is held out by.</summary>
internal sealed record GoldClusterItem(ReplayInput Input, string Cluster, string Topic);
