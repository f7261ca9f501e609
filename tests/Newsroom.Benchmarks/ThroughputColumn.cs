using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Newsroom.Benchmarks;

/// <summary>
/// Items handled per second, from the mean time of one operation and how many items one operation
/// handles, so the summary states throughput directly (tokens/s, articles/s).
/// </summary>
public sealed class ThroughputColumn(string items, Func<double> itemsPerOperation) : IColumn
{
    public string Id => $"{nameof(ThroughputColumn)}.{items}";

    public string ColumnName => $"{items}/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => $"{items} per second: {itemsPerOperation().ToString("N0", CultureInfo.InvariantCulture)} per operation over Mean";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(style);
        var meanNanoseconds = summary[benchmarkCase]?.ResultStatistics?.Mean;
        return meanNanoseconds is > 0
            ? (itemsPerOperation() * 1e9 / meanNanoseconds.Value).ToString("N0", style.CultureInfo)
            : "NA";
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
