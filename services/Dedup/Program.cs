using Newsroom.ServiceDefaults;
using Newsroom.Dedup;

if (HealthCheckCommand.IsRequested(args))
{
    return await HealthCheckCommand.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddDedupService();
builder.AddServiceDefaults();

var app = builder.Build();
app.MapServiceDefaults();
app.MapDedupService();
return await app.RunServiceAsync();
