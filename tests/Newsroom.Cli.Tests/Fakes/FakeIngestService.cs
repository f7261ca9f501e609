using Grpc.Core;
using Newsroom.Contracts.V1;

namespace Newsroom.Cli.Tests.Fakes;

/// <summary>
/// A test double of the ingest service: accepts every item, except that an item whose text or
/// HTML contains "REJECT" is rejected, a URL sent twice on one call is a duplicate, and a call
/// with an item containing "UNAVAILABLE" fails as a whole, as when the bus is down.
/// </summary>
public sealed class FakeIngestService(FakeServerState state) : IngestService.IngestServiceBase
{
    public override async Task<SubmitArticlesResponse> SubmitArticles(IAsyncStreamReader<SubmitArticleRequest> requestStream, ServerCallContext context)
    {
        state.IngestDeadlines.Enqueue(context.Deadline);
        var response = new SubmitArticlesResponse();
        var urls = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var request in requestStream.ReadAllAsync())
        {
            state.Requests.Enqueue(request);
            var id = $"art-{response.Results.Count + 1}";
            var body = request.BodyCase == SubmitArticleRequest.BodyOneofCase.Html ? request.Html : request.Text;
            SubmitArticleResult result;
            if (body.Contains("UNAVAILABLE", StringComparison.Ordinal))
            {
                throw new RpcException(new Status(StatusCode.Unavailable, "the bus is down; nothing was kept, retry the request"));
            }

            if (body.Contains("REJECT", StringComparison.Ordinal))
            {
                result = new SubmitArticleResult { ClientRef = request.ClientRef, Outcome = SubmitArticleResult.Types.Outcome.Rejected, Reason = "the article has no text; send its body" };
                response.RejectedCount++;
            }
            else if (request.Url.Length > 0 && urls.TryGetValue(request.Url, out var existing))
            {
                result = new SubmitArticleResult { ClientRef = request.ClientRef, Outcome = SubmitArticleResult.Types.Outcome.Duplicate, ArticleId = existing, Reason = "same url" };
                response.DuplicateCount++;
            }
            else
            {
                if (request.Url.Length > 0)
                {
                    urls[request.Url] = id;
                }

                result = new SubmitArticleResult { ClientRef = request.ClientRef, Outcome = SubmitArticleResult.Types.Outcome.Accepted, ArticleId = id };
                response.AcceptedCount++;
            }

            response.Results.Add(result);
        }

        return response;
    }
}
