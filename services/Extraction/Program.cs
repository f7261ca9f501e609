using Newsroom.ServiceDefaults;
using Newsroom.Extraction;

if (HealthCheckCommand.IsRequested(args))
{
    return await HealthCheckCommand.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddExtractionService();
builder.AddServiceDefaults();

var app = builder.Build();
app.MapServiceDefaults();
app.MapExtractionService();
return await app.RunServiceAsync();
