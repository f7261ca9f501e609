namespace Newsroom.Cli.Tests.Infrastructure;

/// <summary>What one in-process run of the CLI printed and returned.</summary>
public sealed record CliResult(int ExitCode, string Out, string Error);
