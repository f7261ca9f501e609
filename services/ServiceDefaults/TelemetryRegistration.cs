using MassTransit.Logging;
using MassTransit.Monitoring;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Newsroom.ServiceDefaults;

/// <summary>
/// OpenTelemetry for every service: traces from ASP.NET Core (the gRPC and JSON calls), MassTransit
/// (every publish and consume, linked over the broker by the message headers) and Newsroom's own
/// spans; metrics from the same three plus the .NET runtime. Metrics are always served for
/// Prometheus on <c>/metrics</c>; spans are recorded, and traces, metrics and logs go to an
/// OpenTelemetry collector, when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (with the other standard
/// <c>OTEL_*</c> settings).
/// </summary>
internal static class TelemetryRegistration
{
    public const string MetricsPath = "/metrics";

    private const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    // Read here because the name given below would otherwise win over the standard setting.
    private const string ServiceNameSetting = "OTEL_SERVICE_NAME";

    // Probes and scrapes every few seconds would outnumber the calls worth tracing.
    private static readonly PathString[] UntracedPaths = [new(MetricsPath), new("/grpc.health.v1.Health")];

    public static void AddTelemetry(WebApplicationBuilder builder)
    {
        builder.Services.AddPipelineMetrics();
        var exporting = !string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointSetting]);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(builder.Configuration[ServiceNameSetting] is { Length: > 0 } name ? name : ServiceName(builder.Environment.ApplicationName)))
            .WithTracing(tracing =>
            {
                tracing
                    .AddSource(NewsroomTelemetry.Name)
                    .AddSource(DiagnosticHeaders.DefaultListenerName)
                    .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.Filter = context =>
                        !UntracedPaths.Any(path => context.Request.Path.StartsWithSegments(path, StringComparison.Ordinal)));
                if (!exporting)
                {
                    // Spans that go nowhere are not recorded; their ids still pass over the bus, so
                    // an article's trace id is known. Recording them cost about 15% of the standalone host's throughput.
                    tracing.SetSampler(new AlwaysOffSampler());
                }
            })
            .WithMetrics(metrics => metrics
                .AddMeter(NewsroomTelemetry.Name)
                .AddMeter(InstrumentationOptions.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddPrometheusExporter());
        if (exporting)
        {
            builder.Logging.AddOpenTelemetry(logging =>
            {
                logging.IncludeFormattedMessage = true;
                logging.IncludeScopes = true;
            });
            telemetry.UseOtlpExporter();
        }
    }

    public static void MapTelemetry(WebApplication app) => app.MapPrometheusScrapingEndpoint(MetricsPath);

    /// <summary>"Newsroom.Ingest" becomes "newsroom-ingest", as in the compose file and the broker's user names.</summary>
    private static string ServiceName(string applicationName) =>
        applicationName.Replace('.', '-').ToLowerInvariant();
}
