using Grpc.Core;
using Newsroom.Contracts.V1;

namespace Newsroom.Testing;

/// <summary>
/// Which of a set of articles the query service has not indexed yet, and the stage each of them
/// was last seen at, for waits that fail naming what is missing.
/// </summary>
public sealed class IndexingProgress(IEnumerable<string> articleIds)
{
    /// <summary>The stage of an article the query service has never heard of.</summary>
    public const string UnknownToQuery = "unknown to query";

    private readonly HashSet<string> _pending = articleIds.ToHashSet();
    private readonly Dictionary<string, string> _stages = [];

    public IReadOnlyCollection<string> Pending => _pending;

    public string StageOf(string articleId) => _stages.GetValueOrDefault(articleId, "?");

    /// <summary>Asks once for the status of each article still pending (fewer when rate-limited); true when none is left.</summary>
    public async Task<bool> RefreshAsync(Func<string, Task<ArticleStatus>> statusOf)
    {
        ArgumentNullException.ThrowIfNull(statusOf);
        foreach (var id in _pending.ToList())
        {
            try
            {
                var status = await statusOf(id).ConfigureAwait(false);
                _stages[id] = status.Stage.ToString();
                if (status.Stage == PipelineStage.Indexed)
                {
                    _pending.Remove(id);
                }
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
            {
                _stages[id] = UnknownToQuery;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.ResourceExhausted)
            {
                // The query service's rate limit for one client: the rest wait for the next round, as it asks.
                break;
            }
        }
        return _pending.Count == 0;
    }
}
