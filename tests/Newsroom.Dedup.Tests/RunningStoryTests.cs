using Newsroom.Contracts.Events;
using Newsroom.Contracts.V1;
using Newsroom.ServiceDefaults;

namespace Newsroom.Dedup.Tests;

/// <summary>
/// A running story's events share their parties and their words (the accident, the grounding, the clearance weeks
/// later): dates that lie far apart ask more of the content, and a story is judged by its closest member as well as
/// by its centroid, which covers every event it took in.
/// </summary>
public sealed class RunningStoryTests
{
    private static readonly DateTimeOffset Accident = new(2024, 1, 5, 18, 0, 0, TimeSpan.Zero);

    private static readonly (string Name, string Id)[] AccidentParties =
        [("Alaska Airlines", "ent_alaska"), ("Boeing", "ent_boeing"), ("Portland", "ent_portland"), ("National Transportation Safety Board", "ent_ntsb")];

    private static readonly (string Name, string Id)[] ClearanceParties =
        [("Federal Aviation Administration", "ent_faa"), ("Mike Whitaker", "ent_whitaker"), ("Boeing", "ent_boeing"), ("United Airlines", "ent_united"), ("Alaska Airlines", "ent_alaska")];

    [Fact]
    public void The_clearance_weeks_after_the_accident_opens_a_story_of_its_own_and_says_how_far_apart_they_are()
    {
        using var store = new StoryStore(SqliteDatabase.InMemory());
        var clusterer = new StoryClusterer(store);
        var accident = clusterer.Assign(AccidentReport(), Accident);
        var rewrite = clusterer.Assign(AccidentRewrite(), Accident);

        // 19 days after the accident, 18 and a bit after the rewrite: the nearest member counts.
        var clearance = clusterer.Assign(Clearance("art_clearance", Accident.AddDays(19)), Accident);
        var clearanceRewrite = clusterer.Assign(Clearance("art_clearance_2", Accident.AddDays(20)), Accident);

        Assert.Equal(accident.StoryId, rewrite.StoryId);
        Assert.Equal(JoinReason.Types.Kind.FirstArticle, clearance.JoinKind);
        Assert.Matches(
            $"^{accident.StoryId} scored [0-9.]+, under the 0.33 a same-event match needs at 18 days from the story's nearest date$",
            Assert.Single(clearance.Features).Detail);
        Assert.Equal(clearance.StoryId, clearanceRewrite.StoryId);
    }

    [Fact]
    public void Without_the_margin_for_time_the_clearance_would_join_the_accident()
    {
        using var store = new StoryStore(SqliteDatabase.InMemory());
        var clusterer = new StoryClusterer(store, new StoryClustererOptions { MaxTimeGapMargin = 0 });
        var accident = clusterer.Assign(AccidentReport(), Accident);
        clusterer.Assign(AccidentRewrite(), Accident);

        var clearance = clusterer.Assign(Clearance("art_clearance", Accident.AddDays(19)), Accident);

        Assert.Equal(accident.StoryId, clearance.StoryId);
    }

    [Fact]
    public void A_same_event_join_names_the_member_it_resembles_most_and_scores_it()
    {
        using var store = new StoryStore(SqliteDatabase.InMemory());
        var clusterer = new StoryClusterer(store);
        clusterer.Assign(AccidentReport(), Accident);

        var rewrite = clusterer.Assign(AccidentRewrite(), Accident.AddHours(3));

        Assert.Equal(JoinReason.Types.Kind.SameEvent, rewrite.JoinKind);
        Assert.Equal("art_accident", rewrite.MatchedArticleId);
        var closest = Assert.Single(rewrite.Features, f => f.Name == StoryClusterer.ClosestMemberFeature);
        Assert.Equal("art_accident", closest.Detail);
        Assert.InRange(closest.Score, 0.0001, 1);
    }

    [Fact]
    public void A_story_is_as_near_in_time_as_its_nearest_member_not_its_whole_span()
    {
        var january = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var story = new StoryProfile(
            "sto_span", 2, january, january.AddDays(30), new Dictionary<string, double>(), new Dictionary<string, string>(), new Dictionary<string, EntityType>(),
            new Dictionary<string, double>(), [], [january, january.AddDays(30)]);

        Assert.Equal(15, story.DaysFrom(january.AddDays(15)));
        Assert.Equal(2, story.DaysFrom(january.AddDays(32)));
        Assert.Null(story.DaysFrom(null));
        Assert.Null((story with { FirstTime = null, LastTime = null, MemberTimes = [] }).DaysFrom(january));
    }

    [Theory]
    [InlineData(1.5, 0.02)]
    [InlineData(-0.1, 0.02)]
    [InlineData(0.5, -0.02)]
    public void Options_that_cannot_work_are_refused_with_what_to_fix(double closestMemberWeight, double marginPerDay)
    {
        var options = new StoryClustererOptions { ClosestMemberWeight = closestMemberWeight, TimeGapMarginPerDay = marginPerDay };

        var error = Assert.Throws<InvalidOperationException>(options.Validate);

        Assert.Contains("\"Dedup\" configuration section", error.Message, StringComparison.Ordinal);
    }

    private static ArticleExtracted AccidentReport() => SyntheticArticles.Create(
        "art_accident",
        "Alaska Airlines jet makes emergency landing in Portland after door plug blows out",
        "An Alaska Airlines Boeing 737 Max 9 made an emergency landing in Portland on Friday after a door plug blew out minutes after takeoff. "
        + "The plane carried 171 passengers and six crew; no one was seriously hurt. The National Transportation Safety Board is investigating.",
        null,
        Accident,
        AccidentParties);

    private static ArticleExtracted AccidentRewrite() => SyntheticArticles.Create(
        "art_accident_2",
        "Door plug blows out on Alaska Airlines flight, forcing emergency landing in Portland",
        "A door plug blew out of an Alaska Airlines Boeing 737 Max 9 shortly after takeoff from Portland, forcing an emergency landing. "
        + "Passengers described a loud bang and oxygen masks falling; the National Transportation Safety Board sent a team.",
        null,
        Accident.AddHours(5),
        AccidentParties);

    private static ArticleExtracted Clearance(string id, DateTimeOffset published) => SyntheticArticles.Create(
        id,
        "FAA says grounded Boeing 737 Max 9 jets can return to service after inspections",
        "The Federal Aviation Administration said on Wednesday that airlines may return their grounded Boeing 737 Max 9 jets to service "
        + "once each is inspected. Its administrator, Mike Whitaker, said it would not let Boeing raise production. United Airlines "
        + "expects to fly its jets again this week. The jets were grounded after a door plug blew out on an Alaska Airlines flight.",
        null,
        published,
        ClearanceParties);
}
