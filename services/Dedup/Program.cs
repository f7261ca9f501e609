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
await app.RunAsync();
return 0;
