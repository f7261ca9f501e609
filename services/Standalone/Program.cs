using Newsroom.Dedup;
using Newsroom.Extraction;
using Newsroom.Ingest;
using Newsroom.Query;
using Newsroom.ServiceDefaults;

// The whole pipeline in one process on the in-memory bus, for a laptop with no broker: the same
// four services, composed from the same extension methods as their own hosts.
var builder = WebApplication.CreateBuilder(args);
builder.AddIngestService();
builder.AddExtractionService();
builder.AddDedupService();
builder.AddQueryService();
builder.AddServiceDefaults();

var app = builder.Build();
app.MapServiceDefaults();
app.MapIngestService();
app.MapExtractionService();
app.MapQueryService();
return await app.RunServiceAsync();
