using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Trace;
using Xunit;

namespace Newsroom.ServiceDefaults.Tests;

public sealed class TelemetryTests
{
    [Fact]
    public async Task A_service_is_named_after_its_application_unless_OTEL_SERVICE_NAME_names_it()
    {
        await using (var app = ServiceDefaultsHost.Build(null, new RecordedLog()))
        {
            Assert.Equal(app.Environment.ApplicationName.Replace('.', '-').ToLowerInvariant(), ServiceName(app.Services));
        }
        await using (var app = ServiceDefaultsHost.Build(new Dictionary<string, string?> { ["OTEL_SERVICE_NAME"] = "newsroom-query-eu" }, new RecordedLog()))
        {
            Assert.Equal("newsroom-query-eu", ServiceName(app.Services));
        }
    }

    private static string? ServiceName(IServiceProvider services) =>
        services.GetRequiredService<TracerProvider>().GetResource().Attributes.FirstOrDefault(a => a.Key == "service.name").Value as string;
}
