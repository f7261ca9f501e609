using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;

namespace Newsroom.Ingest;

/// <summary>
/// Polls an RSS or Atom feed over HTTP. Each request carries the validators of the last
/// response (If-None-Match from its ETag, If-Modified-Since from its Last-Modified), so an
/// unchanged feed costs a 304 and nothing more; entries already ingested are duplicates.
/// </summary>
public sealed partial class FeedArticleSource(IHttpClientFactory httpClients, TimeProvider time, ILogger<FeedArticleSource> logger) : IArticleSource
{
    public const string HttpClientName = "Newsroom.Ingest.Feeds";

    public string Type => "feed";

    public async Task RunAsync(SourceSettings settings, IArticleSink sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(sink);
        var url = settings.Url is { IsAbsoluteUri: true } u && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps)
            ? u
            : throw new InvalidOperationException($"Feed source {settings.DisplayName} needs an http(s) Url; set Ingest:Sources:<n>:Url");
        var validators = new Validators();
        while (true)
        {
            try
            {
                await PollAsync(settings, url, validators, sink, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException e)
            {
                LogFetchFailed(logger, settings.DisplayName, url, e.Message);
            }
            catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                LogFetchFailed(logger, settings.DisplayName, url, e.Message);
            }
            if (!settings.Watch)
            {
                return;
            }
            await Task.Delay(settings.PollInterval, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task PollAsync(SourceSettings settings, Uri url, Validators validators, IArticleSink sink, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8");
        if (validators.ETag is not null)
        {
            request.Headers.IfNoneMatch.Add(validators.ETag);
        }
        if (validators.LastModified is not null)
        {
            request.Headers.IfModifiedSince = validators.LastModified;
        }

        var client = httpClients.CreateClient(HttpClientName);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotModified)
        {
            LogNotModified(logger, settings.DisplayName);
            return;
        }
        if (!response.IsSuccessStatusCode)
        {
            LogFetchFailed(logger, settings.DisplayName, url, $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
            return;
        }

        IReadOnlyList<RawArticle> entries;
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                entries = FeedParser.Parse(stream, url, settings.DisplayName);
            }
        }
        catch (ArticleRejectedException e)
        {
            await sink.RejectAsync(settings.DisplayName, url.ToString(), e.Reason, cancellationToken).ConfigureAwait(false);
            return;
        }

        var tally = new IngestTally("entries");
        foreach (var entry in entries)
        {
            tally.CountItem();
            tally.Add(await sink.SubmitAsync(entry, cancellationToken).ConfigureAwait(false));
        }
        // Only a feed that was read completely may be skipped next time.
        validators.ETag = response.Headers.ETag;
        validators.LastModified = response.Content.Headers.LastModified;
        LogProgress(logger, settings.DisplayName, tally);
    }

    private sealed class Validators
    {
        public EntityTagHeaderValue? ETag { get; set; }

        public DateTimeOffset? LastModified { get; set; }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "feed {Source}: {Progress}")]
    private static partial void LogProgress(ILogger logger, string source, IngestTally progress);

    [LoggerMessage(Level = LogLevel.Debug, Message = "feed {Source}: not modified since the last poll")]
    private static partial void LogNotModified(ILogger logger, string source);

    [LoggerMessage(Level = LogLevel.Warning, Message = "feed {Source}: fetching {Url} failed ({Problem}); trying again at the next poll")]
    private static partial void LogFetchFailed(ILogger logger, string source, Uri url, string problem);
}
