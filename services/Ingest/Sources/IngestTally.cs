using System.Globalization;

namespace Newsroom.Ingest;

/// <summary>Counts a source's items by outcome for its progress log line.</summary>
internal sealed class IngestTally(string unit)
{
    public int Items { get; private set; }

    public int Accepted { get; private set; }

    public int Duplicates { get; private set; }

    public int Rejected { get; private set; }

    public void CountItem() => Items++;

    public void Add(IngestResult result)
    {
        switch (result.Outcome)
        {
            case IngestOutcome.Accepted:
                Accepted++;
                break;
            case IngestOutcome.Duplicate:
                Duplicates++;
                break;
            default:
                Rejected++;
                break;
        }
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Items} {unit}, {Accepted} accepted, {Duplicates} duplicate, {Rejected} rejected");
}
