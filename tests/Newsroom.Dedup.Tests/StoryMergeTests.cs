using Newsroom.Contracts.Events;
using Newsroom.Contracts.V1;
using Newsroom.ServiceDefaults;

namespace Newsroom.Dedup.Tests;

/// <summary>
/// Two outlets' first reports of one event, phrased apart, open two stories; a later report that reads as a rewrite of
/// both merges them, when their times agree. The members that move are published anew, each with why it moved.
/// </summary>
public sealed class StoryMergeTests
{
    internal static readonly DateTimeOffset Flood = new(2024, 10, 29, 20, 0, 0, TimeSpan.Zero);

    private static readonly (string Name, string Id)[] FloodParties = [("Valencia", "ent_valencia"), ("Spain", "ent_spain")];

    private static readonly (string Name, string Id)[] ArmyParties = [("Pedro Sánchez", "ent_sanchez"), ("Spain", "ent_spain"), ("Chiva", "ent_chiva")];

    private static readonly (string Name, string Id)[] BridgeParties =
        [("Valencia", "ent_valencia"), ("Spain", "ent_spain"), ("Pedro Sánchez", "ent_sanchez"), ("Chiva", "ent_chiva")];

    [Fact]
    public void A_report_of_the_event_of_two_stories_merges_them_and_the_members_that_move_say_why()
    {
        using var store = new StoryStore(SqliteDatabase.InMemory());
        var clusterer = new StoryClusterer(store);
        var flood = clusterer.Assign(FloodReport(Flood), Flood);
        var army = clusterer.Assign(ArmyReport(Flood.AddHours(6)), Flood);
        Assert.NotEqual(flood.StoryId, army.StoryId);

        var bridge = clusterer.Decide(BridgeReport(Flood.AddDays(1)), Flood.AddDays(1));
        clusterer.Commit();

        var moved = Assert.Single(bridge.Moved);
        var absorbed = bridge.Update.StoryId == flood.StoryId ? army : flood;
        Assert.Equal(absorbed.Article.Article.ArticleId, moved.Article.Article.ArticleId);
        Assert.Equal(bridge.Update.StoryId, moved.StoryId);
        Assert.Equal(bridge.Update.Version + 1, moved.Version);
        Assert.Equal(Flood.AddDays(1), moved.UpdatedAt);
        // The member keeps why it joined at first, and says why it moved.
        Assert.Equal(absorbed.JoinKind, moved.JoinKind);
        var why = Assert.Single(moved.Features, f => f.Name == StoryClusterer.MergedStoryFeature);
        Assert.StartsWith($"moved from {absorbed.StoryId} with its story: art_bridge matched both", why.Detail, StringComparison.Ordinal);
        var brought = Assert.Single(bridge.Update.Features, f => f.Name == StoryClusterer.MergedStoryFeature);
        Assert.Matches($"^brought in {absorbed.StoryId} \\(1 articles\\), which it matched at [0-9.]+$", brought.Detail);
        Assert.Equal(why.Score, brought.Score);
        Assert.Equal(1, store.CountStories());

        // The merged story is one story from now on: a rewrite of either first report joins it.
        var late = clusterer.Assign(ArmyReport(Flood.AddDays(1), "art_army_2"), Flood.AddDays(1));
        Assert.Equal(bridge.Update.StoryId, late.StoryId);
    }

    [Fact]
    public void A_redelivered_bridging_report_gives_back_its_decision_and_the_moves()
    {
        using var store = new StoryStore(SqliteDatabase.InMemory());
        var clusterer = new StoryClusterer(store);
        clusterer.Assign(FloodReport(Flood), Flood);
        clusterer.Assign(ArmyReport(Flood.AddHours(6)), Flood);
        var first = clusterer.Decide(BridgeReport(Flood.AddDays(1)), Flood.AddDays(1));
        clusterer.Commit();

        var again = clusterer.Decide(BridgeReport(Flood.AddDays(1)), Flood.AddDays(2));

        StoryClustererTests.AssertSameUpdate(first.Update, again.Update);
        StoryClustererTests.AssertSameUpdate(Assert.Single(first.Moved), Assert.Single(again.Moved));
    }

    [Fact]
    public void A_move_decided_within_the_millisecond_of_the_placement_it_replaces_comes_a_millisecond_after_it()
    {
        using var store = new StoryStore(SqliteDatabase.InMemory());
        var clusterer = new StoryClusterer(store);
        clusterer.Assign(FloodReport(Flood), Flood);
        clusterer.Assign(ArmyReport(Flood.AddHours(6)), Flood);

        var bridge = clusterer.Decide(BridgeReport(Flood.AddDays(1)), Flood);

        Assert.Equal(Flood, bridge.Update.UpdatedAt);
        Assert.Equal(Flood.AddMilliseconds(1), Assert.Single(bridge.Moved).UpdatedAt);
    }

    [Fact]
    public void A_dated_story_and_an_undated_one_are_not_merged()
    {
        using var store = new StoryStore(SqliteDatabase.InMemory());
        // Without the margin an undated story asks, the bridging report matches both: only the merge rule keeps them apart.
        var clusterer = new StoryClusterer(store, new StoryClustererOptions { UndatedMargin = 0 });
        var flood = clusterer.Assign(FloodReport(Flood), Flood);
        var army = clusterer.Assign(ArmyReport(published: null), Flood);

        var bridge = clusterer.Decide(BridgeReport(Flood.AddDays(1)), Flood.AddDays(1));

        Assert.Empty(bridge.Moved);
        Assert.True(bridge.Update.StoryId == flood.StoryId || bridge.Update.StoryId == army.StoryId, bridge.Update.StoryId);
        Assert.DoesNotContain(bridge.Update.Features, f => f.Name == StoryClusterer.MergedStoryFeature);
    }

    [Fact]
    public void Stories_whose_dates_lie_apart_are_not_merged()
    {
        using var store = new StoryStore(SqliteDatabase.InMemory());
        var clusterer = new StoryClusterer(store, new StoryClustererOptions { TimeGapMarginPerDay = 0 });
        clusterer.Assign(FloodReport(Flood), Flood);
        clusterer.Assign(ArmyReport(Flood.AddDays(5)), Flood);

        var bridge = clusterer.Decide(BridgeReport(Flood.AddDays(3)), Flood.AddDays(3));

        Assert.Empty(bridge.Moved);
    }

    [Fact]
    public void No_story_is_merged_when_the_options_allow_no_members_to_move()
    {
        using var store = new StoryStore(SqliteDatabase.InMemory());
        var clusterer = new StoryClusterer(store, new StoryClustererOptions { MaxMergedMembers = 0 });
        clusterer.Assign(FloodReport(Flood), Flood);
        clusterer.Assign(ArmyReport(Flood.AddHours(6)), Flood);

        var bridge = clusterer.Decide(BridgeReport(Flood.AddDays(1)), Flood.AddDays(1));

        Assert.Empty(bridge.Moved);
        Assert.Equal(2, store.CountStories());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1.2)]
    public void A_merge_ratio_that_cannot_work_is_refused_with_what_to_fix(double ratio)
    {
        var error = Assert.Throws<InvalidOperationException>(new StoryClustererOptions { MergeScoreRatio = ratio }.Validate);

        Assert.Contains("MergeScoreRatio", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"Dedup\" configuration section", error.Message, StringComparison.Ordinal);
    }

    internal static ArticleExtracted FloodReport(DateTimeOffset published) => SyntheticArticles.Create(
        "art_flood",
        "Flash floods sweep through Valencia, forcing thousands from their homes",
        "Torrential rain caused flash floods across Valencia on Tuesday, sweeping away cars and forcing thousands of residents "
        + "from their homes. Spain's weather agency had issued its highest alert as a year's rain fell in eight hours.",
        null,
        published,
        FloodParties);

    internal static ArticleExtracted ArmyReport(DateTimeOffset? published, string id = "art_army") => SyntheticArticles.Create(
        id,
        "Soldiers deployed to Chiva as Pedro Sánchez promises help",
        "Hundreds of soldiers were deployed to Chiva and nearby towns, where the death toll rose overnight. Prime minister "
        + "Pedro Sánchez promised help to Spain's devastated east and declared three days of mourning.",
        null,
        published,
        ArmyParties);

    internal static ArticleExtracted BridgeReport(DateTimeOffset published) => SyntheticArticles.Create(
        "art_bridge",
        "Valencia floods: soldiers deployed to Chiva as death toll rises",
        "Flash floods swept through Valencia after torrential rain, forcing thousands of residents from their homes. Soldiers were "
        + "deployed to Chiva, where the death toll rose overnight, and Pedro Sánchez promised help to Spain's devastated east.",
        null,
        published,
        BridgeParties);
}
