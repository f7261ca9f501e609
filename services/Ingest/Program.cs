using Newsroom.ServiceDefaults;
using Newsroom.Ingest;

if (HealthCheckCommand.IsRequested(args))
{
    return await HealthCheckCommand.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddIngestService();
builder.AddServiceDefaults();

var app = builder.Build();
app.MapServiceDefaults();
app.MapIngestService();
return await app.RunServiceAsync();
