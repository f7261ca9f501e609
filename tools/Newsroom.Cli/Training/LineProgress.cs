namespace Newsroom.Cli.Training;

/// <summary>Reports progress on the caller's thread, so lines come out in order and before the command's result.</summary>
internal sealed class LineProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
