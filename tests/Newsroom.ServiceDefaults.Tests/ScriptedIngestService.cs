using Grpc.Core;
using Newsroom.Contracts.V1;

namespace Newsroom.ServiceDefaults.Tests;

/// <summary>An IngestService that accepts everything and answers, as the reason, who the caller was.</summary>
public sealed class ScriptedIngestService : IngestService.IngestServiceBase
{
    public const string Anonymous = "(anonymous)";

    public override Task<SubmitArticleResult> SubmitArticle(SubmitArticleRequest request, ServerCallContext context) =>
        Task.FromResult(new SubmitArticleResult
        {
            ClientRef = request.ClientRef,
            Outcome = SubmitArticleResult.Types.Outcome.Accepted,
            Reason = context.GetHttpContext().User.FindFirst(NewsroomClaims.Client)?.Value ?? Anonymous,
        });
}
