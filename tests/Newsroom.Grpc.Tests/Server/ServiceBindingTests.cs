using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.Grpc.Tests.Wire;
using Newsroom.Testing.V1;
using Xunit;

namespace Newsroom.Grpc.Tests.Server;

/// <summary>A service that does not match its descriptor fails at start-up, saying what to write.</summary>
public sealed class ServiceBindingTests
{
    [Fact]
    public async Task A_missing_or_mistyped_handler_fails_at_start_up_with_the_signatures_to_write()
    {
        await using var app = CreateApp();

        var error = Assert.Throws<InvalidOperationException>(() => app.MapGrpcService<IncompleteService>());

        Assert.Contains("IncompleteService cannot serve newsroom.testing.v1.WireTestService", error.Message, StringComparison.Ordinal);
        Assert.Contains("public Task<EchoReply> Echo(EchoRequest, ServerCallContext)", error.Message, StringComparison.Ordinal);
        Assert.Contains("public Task Count(CountRequest, IServerStreamWriter<CountReply>, ServerCallContext)", error.Message, StringComparison.Ordinal);
        Assert.Contains("public Task<SumReply> Sum(IAsyncEnumerable<SumRequest>, ServerCallContext)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Chat", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mapping_a_service_twice_is_refused()
    {
        await using var app = CreateApp();
        app.MapGrpcHealthService();

        Assert.Throws<InvalidOperationException>(() => app.MapGrpcHealthService());
    }

    [Fact]
    public void Mapping_without_registering_the_server_says_what_to_call()
    {
        var app = WebApplication.CreateSlimBuilder().Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.MapGrpcHealthService());

        Assert.Contains("AddGrpcServer", error.Message, StringComparison.Ordinal);
    }

    private static WebApplication CreateApp()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddGrpcServer();
        return builder.Build();
    }

    /// <summary>Echo has the wrong response type, Count is missing, Sum takes the wrong request; Chat is right.</summary>
    private sealed class IncompleteService : IGrpcService
    {
        public static ServiceDescriptor Descriptor => WireTestService.Descriptor;

        public Task<CountReply> Echo(EchoRequest request, ServerCallContext context) => Task.FromResult(new CountReply());

        public Task<SumReply> Sum(IAsyncEnumerable<EchoRequest> requests, ServerCallContext context) => Task.FromResult(new SumReply());

        public Task SetServingStatus(SetServingStatusRequest request, ServerCallContext context) => Task.CompletedTask;

        public Task Chat(IAsyncEnumerable<EchoRequest> requests, IServerStreamWriter<EchoReply> responses, ServerCallContext context) => Task.CompletedTask;
    }
}
