using Newsroom.ServiceDefaults;
using Newsroom.Query;

if (HealthCheckCommand.IsRequested(args))
{
    return await HealthCheckCommand.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddQueryService();
builder.AddServiceDefaults();

var app = builder.Build();
app.MapServiceDefaults();
app.MapQueryService();
return await app.RunServiceAsync();
