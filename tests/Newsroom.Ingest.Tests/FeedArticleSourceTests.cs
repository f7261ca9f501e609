using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Newsroom.Ingest.Tests;

/// <summary>The feed source against a local HTTP server that honours ETag and Last-Modified.</summary>
public sealed class FeedArticleSourceTests : IAsyncLifetime
{
    private const string ETag = "\"v1\"";

    private const string Rss = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
          <channel><title>Harbour Gazette</title>
            <item><title>Harbour reopens</title><link>/news/harbour</link><guid>h-1</guid>
              <pubDate>Tue, 30 Jan 2024 10:00:00 +0000</pubDate>
              <content:encoded><![CDATA[<p>The harbour reopened on Monday after repairs to the sea wall.</p>]]></content:encoded></item>
            <item><title>Ferry returns</title><link>https://gazette.example/news/ferry</link>
              <pubDate>Wed, 31 Jan 2024 08:30:00 GMT</pubDate>
              <description>&lt;p&gt;The ferry service returned on Wednesday after a week of storms.&lt;/p&gt;</description></item>
          </channel></rss>
        """;

    private const string Atom = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom"><title>Airport News</title><id>urn:feed</id><updated>2024-02-01T00:00:00Z</updated>
          <entry><id>urn:1</id><title>Second runway opens</title><link rel="alternate" href="https://airport.example/runway"/>
            <published>2024-02-01T09:00:00Z</published><updated>2024-02-02T09:00:00Z</updated>
            <content type="html">&lt;p&gt;The airport opened a second runway on Thursday, doubling its capacity.&lt;/p&gt;</content></entry>
          <entry><id>urn:2</id><title>Night flights limited</title><link href="https://airport.example/night"/>
            <updated>2024-02-03T09:00:00Z</updated><summary>Night flights will be limited to ten a week from March, the operator said.</summary></entry>
        </feed>
        """;

    private const string WithDtd = """
        <?xml version="1.0"?>
        <!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>
        <rss version="2.0"><channel><title>&b;</title></channel></rss>
        """;

    // Deeper than FeedParser.MaxDepth, inside one entry, where reading its text would recurse.
    private static readonly string Deep =
        $"<rss version=\"2.0\"><channel><title>Deep</title><item><title>Deep</title><description>{string.Concat(Enumerable.Repeat("<b>", 300))}text{string.Concat(Enumerable.Repeat("</b>", 300))}</description></item></channel></rss>";

    private readonly ConcurrentQueue<(string Path, string? IfNoneMatch, string? IfModifiedSince, int Status)> _requests = new();
    private IngestTestServices _services = null!;
    private WebApplication _server = null!;
    private string _address = "";

    public async Task InitializeAsync()
    {
        _services = await IngestTestServices.StartAsync();
        var builder = WebApplication.CreateSlimBuilder();
        ListenOptions? http = null;
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => (http = listen).Protocols = HttpProtocols.Http1));
        _server = builder.Build();
        _server.Run(async context =>
        {
            var body = context.Request.Path.Value switch
            {
                "/rss" => Rss,
                "/atom" => Atom,
                "/dtd" => WithDtd,
                "/deep" => Deep,
                _ => "<html>not a feed",
            };
            var ifNoneMatch = context.Request.Headers.IfNoneMatch.ToString();
            var ifModifiedSince = context.Request.Headers.IfModifiedSince.ToString();
            var status = ifNoneMatch == ETag ? StatusCodes.Status304NotModified : StatusCodes.Status200OK;
            _requests.Enqueue((context.Request.Path.Value!, ifNoneMatch, ifModifiedSince, status));
            context.Response.StatusCode = status;
            context.Response.Headers.ETag = ETag;
            context.Response.Headers.LastModified = "Wed, 31 Jan 2024 09:00:00 GMT";
            if (status == StatusCodes.Status200OK)
            {
                context.Response.ContentType = "application/xml";
                await context.Response.WriteAsync(body);
            }
        });
        await _server.StartAsync();
        _address = $"http://127.0.0.1:{http!.IPEndPoint!.Port}";
    }

    public async Task DisposeAsync()
    {
        await _server.StopAsync();
        await _server.DisposeAsync();
        await _services.DisposeAsync();
    }

    private static FeedArticleSource Source() => new(new LoopbackHttpClientFactory(), TimeProvider.System, NullLogger<FeedArticleSource>.Instance);

    [Theory]
    [InlineData("/rss")]
    [InlineData("/atom")]
    public async Task Second_poll_sends_the_validators_gets_304_and_publishes_nothing(string path)
    {
        var sink = new RecordingSink(_services.CreateIngestor());
        var settings = new SourceSettings { Type = "feed", Name = path, Url = new Uri(_address + path), PollInterval = TimeSpan.FromMilliseconds(100) };
        using var stop = new CancellationTokenSource();
        var running = Source().RunAsync(settings, sink, stop.Token);
        using (var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            while (_requests.Count < 2)
            {
                await Task.Delay(50, limit.Token);
            }
        }
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);

        var requests = _requests.ToList();
        Assert.Equal(("", 200), (requests[0].IfNoneMatch, requests[0].Status));
        Assert.Equal((ETag, "Wed, 31 Jan 2024 09:00:00 GMT", 304), (requests[1].IfNoneMatch, requests[1].IfModifiedSince, requests[1].Status));
        Assert.Equal([IngestOutcome.Accepted, IngestOutcome.Accepted], sink.Results.Select(r => r.Outcome));
        Assert.Equal(2, _services.PublishedIngested);
    }

    [Fact]
    public async Task Rss_entries_carry_link_title_date_and_content()
    {
        var sink = new CollectingSink();
        await Source().RunAsync(new SourceSettings { Type = "feed", Url = new Uri(_address + "/rss"), Watch = false }, sink, default);

        var first = sink.Articles[0];
        Assert.Equal(("h-1", _address + "/news/harbour", "Harbour reopens", "Harbour Gazette"), (first.ClientRef, first.Url, first.Title, first.Source));
        Assert.Equal(new DateTimeOffset(2024, 1, 30, 10, 0, 0, TimeSpan.Zero), first.Published);
        Assert.Contains("sea wall", first.Html, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2024, 1, 31, 8, 30, 0, TimeSpan.Zero), sink.Articles[1].Published);
        Assert.Contains("<p>The ferry service", sink.Articles[1].Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Atom_entries_take_published_else_updated_and_content_else_summary()
    {
        var sink = new CollectingSink();
        await Source().RunAsync(new SourceSettings { Type = "feed", Url = new Uri(_address + "/atom"), Watch = false }, sink, default);

        Assert.Equal(("urn:1", "https://airport.example/runway", "Airport News"), (sink.Articles[0].ClientRef, sink.Articles[0].Url, sink.Articles[0].Source));
        Assert.Equal(new DateTimeOffset(2024, 2, 1, 9, 0, 0, TimeSpan.Zero), sink.Articles[0].Published);
        Assert.Equal(new DateTimeOffset(2024, 2, 3, 9, 0, 0, TimeSpan.Zero), sink.Articles[1].Published);
        Assert.StartsWith("Night flights", sink.Articles[1].Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/dtd", "XML with a DTD is refused (entity expansion risk); remove the DOCTYPE")]
    [InlineData("/broken", "not well-formed XML")]
    [InlineData("/deep", "nested more than 256 levels deep")]
    public async Task A_feed_that_is_not_safe_readable_xml_is_reported(string path, string reason)
    {
        var sink = new CollectingSink();
        await Source().RunAsync(new SourceSettings { Type = "feed", Url = new Uri(_address + path), Watch = false }, sink, default);
        Assert.Empty(sink.Articles);
        Assert.Contains(reason, Assert.Single(sink.Rejections), StringComparison.Ordinal);
    }

    private sealed class LoopbackHttpClientFactory : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new();
    }

    private sealed class CollectingSink : IArticleSink
    {
        public List<RawArticle> Articles { get; } = [];

        public List<string> Rejections { get; } = [];

        public Task<IngestResult> SubmitAsync(RawArticle article, CancellationToken cancellationToken)
        {
            Articles.Add(article);
            return Task.FromResult(new IngestResult(article.ClientRef, IngestOutcome.Accepted, "art_x", ""));
        }

        public Task<IngestResult> RejectAsync(string clientRef, string? url, string reason, CancellationToken cancellationToken)
        {
            Rejections.Add(reason);
            return Task.FromResult(IngestResult.Rejected(clientRef, reason));
        }
    }
}
