using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using MassTransit;
using MassTransit.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.Contracts.Events;
using Newsroom.Contracts.V1;
using Newsroom.ServiceDefaults;
using Xunit;

namespace Newsroom.Ingest.Tests;

/// <summary>The gRPC ingest API on a real Kestrel HTTP/2 server with the service defaults' gRPC, called with the generated client.</summary>
public sealed class IngestGrpcServiceTests : IAsyncLifetime
{
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("ingest-grpc-");
    private const string WireDeskKey = "wire-desk-key-0123456789";

    private WebApplication _app = null!;
    private GrpcChannel _channel = null!;

    private IngestService.IngestServiceClient Client => new(_channel);

    private static DateTime Deadline => DateTime.UtcNow.AddSeconds(30);

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration["Data:Path"] = _data.FullName;
        builder.Configuration["Grpc:Url"] = "http://127.0.0.1:0";
        // Access control has tests of its own (Newsroom.ServiceDefaults.Tests); these call anonymously.
        builder.Configuration["Auth:RequireForIngest"] = "false";
        builder.Configuration["Auth:ApiKeys:0:Key"] = WireDeskKey;
        builder.Configuration["Auth:ApiKeys:0:Client"] = "wire-desk";
        builder.AddIngestService();
        // AddServiceDefaults binds the data folder in a real host; this host has the test harness instead of the bus.
        builder.Services.Configure<DataOptions>(builder.Configuration.GetSection(DataOptions.SectionName));
        builder.Services.AddMassTransitTestHarness();
        builder.AddGrpcDefaults();
        _app = builder.Build();
        _app.MapIngestService();
        await _app.StartAsync();
        _channel = GrpcChannel.ForAddress(_app.Urls.Single());
    }

    public async Task DisposeAsync()
    {
        _channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _data.Delete(recursive: true);
    }

    private int Published<T>()
        where T : class => _app.Services.GetRequiredService<ITestHarness>().Published.Select<T>().Count();

    [Fact]
    public async Task SubmitArticle_accepts_then_reports_the_duplicate()
    {
        var request = new SubmitArticleRequest { ClientRef = "one", Url = "https://example.com/a", Html = "<html><body><p>Parliament met on Tuesday and passed the budget after a long debate.</p></body></html>" };
        var first = await Client.SubmitArticleAsync(request, deadline: Deadline);
        var again = await Client.SubmitArticleAsync(request, deadline: Deadline);

        Assert.Equal(SubmitArticleResult.Types.Outcome.Accepted, first.Outcome);
        Assert.Equal(("one", SubmitArticleResult.Types.Outcome.Duplicate, first.ArticleId, "same url"), (again.ClientRef, again.Outcome, again.ArticleId, again.Reason));
        Assert.Equal(1, Published<ArticleIngested>());
        Assert.True(File.Exists(Path.Combine(_data.FullName, IngestStore.FileName)));
    }

    [Fact]
    public async Task SubmitArticle_answers_invalid_argument_with_the_reason()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.SubmitArticleAsync(new SubmitArticleRequest { ClientRef = "blank", Text = "  " }, deadline: Deadline).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("\"blank\" was rejected: the article is empty", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitArticles_answers_every_item_in_order_past_a_bad_one()
    {
        using var call = Client.SubmitArticles(deadline: Deadline);
        await call.RequestStream.WriteAsync(new SubmitArticleRequest { ClientRef = "1", Text = "The first article of the batch is about the harbour." });
        await call.RequestStream.WriteAsync(new SubmitArticleRequest { ClientRef = "2", Text = "bad\0binary\0" });
        await call.RequestStream.WriteAsync(new SubmitArticleRequest { ClientRef = "3", Text = "The first article of the batch is about the HARBOUR!" });
        await call.RequestStream.WriteAsync(new SubmitArticleRequest { ClientRef = "4", Text = "The last article of the batch is about the airport." });
        await call.RequestStream.CompleteAsync();
        var response = await call.ResponseAsync;

        Assert.Equal(["1", "2", "3", "4"], response.Results.Select(r => r.ClientRef));
        Assert.Equal(
            [SubmitArticleResult.Types.Outcome.Accepted, SubmitArticleResult.Types.Outcome.Rejected, SubmitArticleResult.Types.Outcome.Duplicate, SubmitArticleResult.Types.Outcome.Accepted],
            response.Results.Select(r => r.Outcome));
        Assert.Equal("same content", response.Results[2].Reason);
        Assert.Equal(response.Results[0].ArticleId, response.Results[2].ArticleId);
        Assert.Contains("binary", response.Results[1].Reason, StringComparison.Ordinal);
        Assert.Equal((2, 1, 1), (response.AcceptedCount, response.DuplicateCount, response.RejectedCount));
        Assert.Equal(2, Published<ArticleIngested>());
        Assert.Equal(1, Published<ArticleRejected>());
    }

    [Fact]
    public async Task SubmitArticle_answers_unavailable_at_once_while_the_bus_is_down_and_keeps_nothing()
    {
        await _app.Services.GetRequiredService<IBusControl>().StopAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.SubmitArticleAsync(
            new SubmitArticleRequest { ClientRef = "outage", Text = "Parliament met on Tuesday and passed the budget after a long debate." }, deadline: Deadline).ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Contains("\"outage\" was not taken: the message broker is unreachable; retry later", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(0, _app.Services.GetRequiredService<IngestStore>().Count());
    }

    [Fact]
    public async Task A_request_whose_strings_are_not_UTF8_gets_invalid_argument_and_nothing_is_stored()
    {
        // Google.Protobuf writes only valid UTF-8, so the message is written by hand: a windows-1252 page in the html field.
        using var bytes = new MemoryStream();
        var message = new CodedOutputStream(bytes);
        message.WriteTag(SubmitArticleRequest.ClientRefFieldNumber, WireFormat.WireType.LengthDelimited);
        message.WriteString("latin1");
        message.WriteTag(SubmitArticleRequest.HtmlFieldNumber, WireFormat.WireType.LengthDelimited);
        message.WriteBytes(ByteString.CopyFrom(System.Text.Encoding.Latin1.GetBytes("<html><body><p>Caf\u00e9 owners protest the new rents.</p></body></html>")));
        message.Flush();
        var raw = new Method<byte[], SubmitArticleResult>(
            MethodType.Unary, IngestService.Descriptor.FullName, "SubmitArticle",
            Marshallers.Create(b => b, b => b), Marshallers.Create(r => r.ToByteArray(), SubmitArticleResult.Parser.ParseFrom));

        var error = await Assert.ThrowsAsync<RpcException>(() => _channel.CreateCallInvoker().AsyncUnaryCall(raw, null, new CallOptions(deadline: Deadline), bytes.ToArray()).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("SubmitArticleRequest message could not be read", error.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("UTF-8", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(0, _app.Services.GetRequiredService<IngestStore>().Count());
    }

    [Fact]
    public async Task Each_article_records_the_client_of_the_key_that_submitted_it()
    {
        var keyed = new Metadata { { "x-api-key", WireDeskKey } };
        await Client.SubmitArticleAsync(Article("keyed", "The harbour board approved the new quay on Monday after a long debate."), keyed, Deadline);
        await Client.SubmitArticleAsync(Article("anonymous", "The city council cut bus fares on Tuesday for every rider under eighteen."), deadline: Deadline);

        var harness = _app.Services.GetRequiredService<ITestHarness>();
        Assert.True(await harness.Published.Any<ArticleIngested>(m => m.Context.Message.Title == "anonymous"));
        var submitters = harness.Published.Select<ArticleIngested>().ToDictionary(m => m.Context.Message.Title, m => m.Context.Message.SubmittedBy);
        Assert.Equal("wire-desk", submitters["keyed"]);
        Assert.Equal("", submitters["anonymous"]);

        static SubmitArticleRequest Article(string title, string text) =>
            new() { ClientRef = title, Title = title, Url = $"https://example.com/{title}", Text = text };
    }
}
