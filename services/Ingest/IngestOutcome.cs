namespace Newsroom.Ingest;

public enum IngestOutcome
{
    Accepted,
    Duplicate,
    Rejected,
}
