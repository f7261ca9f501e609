using System.Diagnostics;

namespace Newsroom.ServiceDefaults;

/// <summary>
/// Newsroom's own spans: the source they come from and the tags they carry. MassTransit and
/// ASP.NET Core add theirs, so one trace follows an article from the ingest call over every bus
/// hop to the query index.
/// </summary>
public static class NewsroomTelemetry
{
    /// <summary>The activity source and meter name, which exporters subscribe to.</summary>
    public const string Name = "Newsroom";

    public const string ArticleIdTag = "newsroom.article_id";

    public static ActivitySource Source { get; } = new(Name);

    /// <summary>The current trace's id in hex, or empty outside a trace.</summary>
    public static string CurrentTraceId =>
        Activity.Current is { TraceId: var id } && id != default ? id.ToHexString() : "";
}
