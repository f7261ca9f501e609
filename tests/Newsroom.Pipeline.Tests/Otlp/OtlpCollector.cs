using System.Collections.Concurrent;
using System.Globalization;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Newsroom.Pipeline.Tests.Otlp;

/// <summary>
/// An OpenTelemetry collector for the tests: takes OTLP over HTTP (protobuf) on a free loopback
/// port, as the services' exporter sends it when <see cref="ExporterSettings"/> point them here;
/// keeps the spans and counts the metric and log exports.
/// </summary>
public sealed class OtlpCollector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<CollectedSpan> _spans = new();
    private readonly ConcurrentDictionary<string, int> _exports = new(StringComparer.Ordinal);

    private OtlpCollector(WebApplication app)
    {
        _app = app;
        app.MapPost("/v1/traces", async (HttpRequest request) =>
        {
            Collect(ExportTraceServiceRequest.Parser.ParseFrom(await BodyAsync(request)));
            return Accepted("traces");
        });
        app.MapPost("/v1/metrics", () => Accepted("metrics"));
        app.MapPost("/v1/logs", () => Accepted("logs"));
    }

    /// <summary>The standard OTel settings that send a service's traces, metrics and logs here, at once rather than in 5 s batches.</summary>
    public IReadOnlyDictionary<string, string> ExporterSettings => new Dictionary<string, string>
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = _app.Urls.Single(),
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
        ["OTEL_BLRP_SCHEDULE_DELAY"] = "200",
        ["OTEL_METRIC_EXPORT_INTERVAL"] = "1000",
    };

    public static async Task<OtlpCollector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var collector = new OtlpCollector(builder.Build());
        await collector._app.StartAsync();
        return collector;
    }

    public IReadOnlyList<CollectedSpan> SpansOf(string traceId) => _spans.Where(span => span.TraceId == traceId).ToList();

    public CollectedSpan? Span(string spanId) => _spans.FirstOrDefault(span => span.SpanId == spanId);

    /// <summary>How many exports of <paramref name="signal"/> (traces, metrics, logs) arrived.</summary>
    public int Exports(string signal) => _exports.GetValueOrDefault(signal);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private IResult Accepted(string signal)
    {
        _exports.AddOrUpdate(signal, 1, (_, count) => count + 1);
        // An empty message is a valid Export*ServiceResponse: everything accepted.
        return Results.Bytes([], "application/x-protobuf");
    }

    private void Collect(ExportTraceServiceRequest export)
    {
        foreach (var resource in export.ResourceSpans)
        {
            var service = Text(resource.Resource?.Attributes ?? [], "service.name");
            foreach (var span in resource.ScopeSpans.SelectMany(scope => scope.Spans))
            {
                _spans.Enqueue(new CollectedSpan(
                    service,
                    Hex(span.TraceId),
                    Hex(span.SpanId),
                    Hex(span.ParentSpanId),
                    span.Name,
                    span.Kind,
                    span.Attributes.ToDictionary(a => a.Key, a => Text(a.Value), StringComparer.Ordinal),
                    span.Links.Select(link => Hex(link.SpanId)).ToList()));
            }
        }
    }

    private static string Text(IEnumerable<KeyValue> attributes, string key) =>
        Text(attributes.FirstOrDefault(a => a.Key == key)?.Value);

    private static string Text(AnyValue? value) => value?.ValueCase switch
    {
        AnyValue.ValueOneofCase.StringValue => value.StringValue,
        AnyValue.ValueOneofCase.IntValue => value.IntValue.ToString(CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.DoubleValue => value.DoubleValue.ToString(CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.BoolValue => value.BoolValue ? "true" : "false",
        _ => "",
    };

    private static string Hex(ByteString id) => Convert.ToHexStringLower(id.Span);

    private static async Task<Stream> BodyAsync(HttpRequest request)
    {
        var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        body.Position = 0;
        return body;
    }
}
