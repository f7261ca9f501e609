using Newsroom.Grpc;

// The whole of Newsroom in one process, for a laptop with no broker. Today it serves gRPC
// health and reflection; the pipeline services join it as they are built.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddGrpcServer();

var app = builder.Build();
app.MapGrpcHealthService();
app.MapGrpcReflectionService();
app.Run();
