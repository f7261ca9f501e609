namespace Newsroom.Ingest;

/// <summary>Ingest settings: configuration section <c>Ingest</c>.</summary>
public sealed class IngestOptions
{
    public const string SectionName = "Ingest";

    public const long DefaultMaxArticleBytes = 2 * 1024 * 1024;

    /// <summary>The largest article (text or HTML, UTF-8 bytes) accepted; larger items are rejected.</summary>
    public long MaxArticleBytes { get; set; } = DefaultMaxArticleBytes;

    /// <summary>The sources the <see cref="SourceRunner"/> reads, each in its own loop.</summary>
    public IList<SourceSettings> Sources { get; } = [];
}
