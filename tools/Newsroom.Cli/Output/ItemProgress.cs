using System.Globalization;
using Spectre.Console;

namespace Newsroom.Cli.Output;

/// <summary>
/// Counts two stages of a batch (for example items read and items sent) on standard error: a
/// Spectre progress display on a terminal, otherwise one line every <c>lineEvery</c> items so
/// that logs of scripted runs stay short.
/// </summary>
internal sealed class ItemProgress
{
    private readonly IAnsiConsole _console;
    private readonly string _firstLabel;
    private readonly string _secondLabel;
    private readonly int _lineEvery;
    private ProgressTask? _firstTask;
    private ProgressTask? _secondTask;

    private ItemProgress(IAnsiConsole console, string firstLabel, string secondLabel, int lineEvery)
    {
        _console = console;
        _firstLabel = firstLabel;
        _secondLabel = secondLabel;
        _lineEvery = lineEvery;
    }

    public int First { get; private set; }

    public int Second { get; private set; }

    /// <param name="firstTotal">How many first-stage items to expect, when known.</param>
    public static async Task<T> RunAsync<T>(IAnsiConsole console, string firstLabel, string secondLabel, int? firstTotal, int lineEvery, Func<ItemProgress, Task<T>> work)
    {
        var progress = new ItemProgress(console, firstLabel, secondLabel, lineEvery);
        if (!console.Profile.Capabilities.Interactive)
        {
            var result = await work(progress).ConfigureAwait(false);
            progress.WriteLine();
            return result;
        }

        return await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new CountColumn())
            .StartAsync(async context =>
            {
                progress._firstTask = context.AddTask(firstLabel, maxValue: firstTotal ?? 1);
                progress._firstTask.IsIndeterminate = firstTotal is null;
                progress._secondTask = context.AddTask(secondLabel, maxValue: 1);
                var result = await work(progress).ConfigureAwait(false);
                progress._firstTask.Value = progress._firstTask.MaxValue = Math.Max(1, progress.First);
                progress._secondTask.MaxValue = Math.Max(1, progress.Second);
                progress._secondTask.Value = progress._secondTask.MaxValue;
                return result;
            }).ConfigureAwait(false);
    }

    public void AdvanceFirst()
    {
        First++;
        _firstTask?.Increment(1);
        if (_firstTask is null && First % _lineEvery == 0)
        {
            WriteLine();
        }
    }

    /// <summary>Counts a second-stage item; its bar's total grows with the first stage's items.</summary>
    public void AdvanceSecond(int expectedSoFar)
    {
        Second++;
        if (_secondTask is not null)
        {
            _secondTask.MaxValue = Math.Max(1, expectedSoFar);
            _secondTask.Value = Second;
        }
    }

    private void WriteLine() =>
        _console.Profile.Out.Writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{_firstLabel}: {First}, {_secondLabel}: {Second}"));

    /// <summary>"12/40" beside the bar: the bar alone hides how many items there are.</summary>
    private sealed class CountColumn : ProgressColumn
    {
        public override Spectre.Console.Rendering.IRenderable Render(Spectre.Console.Rendering.RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Text(string.Create(CultureInfo.InvariantCulture, $"{task.Value:0}/{task.MaxValue:0}"));
    }
}
