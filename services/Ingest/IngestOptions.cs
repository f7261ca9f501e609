namespace Newsroom.Ingest;

/// <summary>Ingest settings: configuration section <c>Ingest</c>.</summary>
public sealed class IngestOptions
{
    public const string SectionName = "Ingest";

    public const long DefaultMaxArticleBytes = 2 * 1024 * 1024;

    /// <summary>The largest article (text or HTML, UTF-8 bytes) accepted; larger items are rejected.</summary>
    public long MaxArticleBytes { get; set; } = DefaultMaxArticleBytes;

    /// <summary>
    /// The deepest element nesting of an HTML page; deeper pages are rejected. News pages nest
    /// a few dozen levels; the parser's work per tag grows with the depth.
    /// </summary>
    public int MaxHtmlDepth { get; set; } = 512;

    /// <summary>The most elements an HTML page may have; news pages have a few thousand.</summary>
    public int MaxHtmlElements { get; set; } = 50_000;

    /// <summary>How long cleaning one item may take before it is rejected.</summary>
    public TimeSpan MaxCleaningTime { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest title, in characters: a longer title from the sender is rejected, one read from the page is shortened.</summary>
    public int MaxTitleLength { get; set; } = 500;

    /// <summary>The longest outlet name, in characters: a longer one from the sender is rejected, one read from the page is shortened.</summary>
    public int MaxSourceLength { get; set; } = 200;

    /// <summary>The longest url, in characters.</summary>
    public int MaxUrlLength { get; set; } = 2048;

    /// <summary>The longest client_ref, in characters; as long as a url, because a feed entry's id is often its url.</summary>
    public int MaxClientRefLength { get; set; } = 2048;

    /// <summary>The sources the <see cref="SourceRunner"/> reads, each in its own loop.</summary>
    public IList<SourceSettings> Sources { get; } = [];
}
