namespace Newsroom.Cli;

/// <summary>The process exit codes scripts can rely on.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The command ran and failed: the server answered with an error, an input could not be read.</summary>
    public const int Failure = 1;

    /// <summary>The command line itself is wrong.</summary>
    public const int Usage = 2;
}
