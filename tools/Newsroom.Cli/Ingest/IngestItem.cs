using Newsroom.Ingest;

namespace Newsroom.Cli.Ingest;

/// <summary>One article read from an input, or why an input gave none.</summary>
internal sealed record IngestItem(string Ref, RawArticle? Article, string? Error)
{
    public static IngestItem Failed(string reference, string error) => new(reference, null, error);
}
