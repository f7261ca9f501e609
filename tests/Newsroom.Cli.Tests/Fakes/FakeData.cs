using Google.Protobuf.WellKnownTypes;
using Newsroom.Contracts.V1;

namespace Newsroom.Cli.Tests.Fakes;

/// <summary>Canned, synthetic answers of the fake server.</summary>
public static class FakeData
{
    public const string StoryId = "st-vrf-0310";
    public const string MergedStoryId = "st-vrf-0311";
    public const string MissingId = "missing";
    public const string TraceId = "4bf92f3577b34da6a3ce929d0e0e4736";

    public static EntityRef Vrf { get; } = new() { EntityId = "ent-vrf", Name = "Veyra River Front", Type = EntityType.Organization };

    public static LeadEvent SuspendEvent { get; } = new()
    {
        Actor = new EventParticipant { Text = "VRF", Entity = Vrf },
        Action = EventAction.Suspend,
        ActionText = "suspended",
        Target = new EventParticipant { Text = "government convoys" },
        Date = "2025-03-10",
    };

    public static StorySummary Summary(string id, string title, long version, params string[] sources) => new()
    {
        StoryId = id,
        Title = title,
        Version = version,
        ArticleCount = sources.Length,
        Sources = { sources },
        FirstPublished = Timestamp.FromDateTimeOffset(new DateTimeOffset(2025, 3, 11, 8, 15, 0, TimeSpan.Zero)),
        LastUpdated = Timestamp.FromDateTimeOffset(new DateTimeOffset(2025, 3, 11, 10, 30, 0, TimeSpan.Zero)),
        LeadEvent = SuspendEvent,
        Entities = { Vrf },
    };

    public static Story Story { get; } = new()
    {
        Summary = Summary(StoryId, "Veyra River Front suspends attacks on government convoys", 2, "Harbor Ledger", "Northline Dispatch"),
        Articles =
        {
            new StoryArticle
            {
                ArticleId = "art-harbor",
                Title = "Veyra River Front suspends attacks on government convoys",
                Source = "Harbor Ledger",
                Published = Timestamp.FromDateTimeOffset(new DateTimeOffset(2025, 3, 11, 8, 15, 0, TimeSpan.Zero)),
                JoinReason = new JoinReason
                {
                    Kind = JoinReason.Types.Kind.FirstArticle,
                    Features = { new MatchedFeature { Name = "nearest_story", Score = 0.42, Detail = "st-vrf-0616 scored 0.42, vetoed: lead-event dates 97 days apart" } },
                },
                LeadEvent = SuspendEvent,
            },
            new StoryArticle
            {
                ArticleId = "art-northline",
                Title = "Rebel group halts convoy ambushes ahead of Tessaly talks",
                Source = "Northline Dispatch",
                Published = Timestamp.FromDateTimeOffset(new DateTimeOffset(2025, 3, 11, 10, 30, 0, TimeSpan.Zero)),
                JoinReason = new JoinReason
                {
                    Kind = JoinReason.Types.Kind.SameEvent,
                    MatchedArticleId = "art-harbor",
                    Score = 0.71,
                    Features =
                    {
                        new MatchedFeature { Name = "canonical_entities", Score = 0.8, Detail = "Veyra River Front, Caldmoor" },
                        new MatchedFeature { Name = "lead_event", Score = 1, Detail = "suspend by Veyra River Front on 2025-03-10" },
                    },
                },
                LeadEvent = SuspendEvent,
            },
        },
        MergedStoryIds = { MergedStoryId },
    };
}
