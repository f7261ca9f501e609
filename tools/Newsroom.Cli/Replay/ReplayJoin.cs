using System.Text.Json;
using Newsroom.Cli.Output;
using Newsroom.Contracts.Events;

namespace Newsroom.Cli.Replay;

/// <summary>
/// Why replay put an article in its story, as replay and <c>eval clusters --predictions</c> write it:
/// {"kind","score","matched","features":[{"name","score","detail"}]}, the explanation a story's members carry in the services.
/// </summary>
internal sealed record ReplayJoin(string Kind, double Score, string? Matched, IReadOnlyList<StoryMatchFeature> Features)
{
    /// <summary>Names in snake case, as the rest of replay's output; for any object that holds a <see cref="ReplayJoin"/>.</summary>
    public static readonly JsonSerializerOptions JsonOptions = new(JsonOutput.Readable) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>"first_article", "near_duplicate" or "same_event", with the score, member and features of the decision.</summary>
    public static ReplayJoin Of(StoryUpdated placement)
    {
        ArgumentNullException.ThrowIfNull(placement);
        return new(TextFormat.JoinKind(placement.JoinKind).Replace(' ', '_'), placement.Score, placement.MatchedArticleId, placement.Features);
    }

    public void Write(Utf8JsonWriter json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonSerializer.Serialize(json, this, JsonOptions);
    }
}
