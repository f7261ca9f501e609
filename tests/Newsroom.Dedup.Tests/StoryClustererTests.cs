using Newsroom.Contracts.Events;
using Newsroom.Contracts.V1;
using Newsroom.ServiceDefaults;

namespace Newsroom.Dedup.Tests;

public sealed class StoryClustererTests
{
    private static readonly DateTimeOffset Now = new(2024, 5, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void First_article_opens_a_story_with_a_stable_id_and_version_one()
    {
        var clusterer = NewClusterer();

        var updated = clusterer.Assign(KataibStories.WireOriginal(), Now);

        Assert.Equal(JoinReason.Types.Kind.FirstArticle, updated.JoinKind);
        Assert.Equal(StoryClusterer.StoryIdFor("art_wire_1"), updated.StoryId);
        Assert.Matches("^sto_[0-9a-f]{12}$", updated.StoryId);
        Assert.Equal(1, updated.Version);
        Assert.Null(updated.MatchedArticleId);
        Assert.Equal(Now, updated.UpdatedAt);
    }

    [Fact]
    public async Task Decisions_become_durable_together_at_the_commit_and_only_then()
    {
        using var storeFile = new StoreFile("dedup-group");
        var path = storeFile.Path;
        var database = SqliteDatabase.File(path);
        using var store = new StoryStore(database);
        var clusterer = new StoryClusterer(store);
        var pending = new[] { KataibStories.WireOriginal(), KataibStories.WireCopy(), KataibStories.Rewrite() }
            .Select(article => clusterer.Decide(article, Now))
            .ToList();

        Assert.Equal(3, clusterer.Uncommitted);
        Assert.All(pending, p => Assert.False(p.Committed.IsCompleted));
        // The second decision already sees the first, uncommitted as it is.
        Assert.Equal((JoinReason.Types.Kind.NearDuplicate, 2L), (pending[1].Update.JoinKind, pending[1].Update.Version));
        Assert.Equal(0, DecidedInAnotherConnection(database));

        Assert.Equal(3, clusterer.Commit());

        await Task.WhenAll(pending.Select(p => p.Committed)).WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(3, DecidedInAnotherConnection(database));
        Assert.Equal(0, clusterer.Commit());
        // A redelivery after the commit needs no commit of its own.
        Assert.True(clusterer.Decide(KataibStories.WireCopy(), Now).Committed.IsCompleted);
    }

    [Fact]
    public void Profiles_computed_ahead_give_the_decisions_of_the_articles_themselves_and_only_with_the_same_options()
    {
        var articles = new[] { KataibStories.WireOriginal(), KataibStories.WireCopy(), KataibStories.Rewrite() };
        var direct = NewClusterer();
        var ahead = NewClusterer();
        // Computed all at once, before any decision, as a replay does on other cores.
        var profiles = articles.Select(ahead.Profile).ToList();

        var expected = articles.Select(article => Described(direct.Assign(article, Now))).ToList();
        var decided = profiles.Select(profile => Described(ahead.Decide(profile, Now).Update)).ToList();

        Assert.Equal(expected, decided);
        Assert.Equal(["FirstArticle", "NearDuplicate", "SameEvent"], decided.Select(d => d.Split(' ')[2]));
        var error = Assert.Throws<ArgumentException>(() => direct.Decide(ahead.Profile(KataibStories.Unrelated()), Now));
        Assert.Contains("this clusterer's Profile", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Articles_stored_with_other_minhash_options_are_signed_anew_and_still_find_their_copies()
    {
        using var storeFile = new StoreFile("dedup-resign");
        using (var store = new StoryStore(SqliteDatabase.File(storeFile.Path)))
        {
            new StoryClusterer(store, new StoryClustererOptions { MinHashCount = 100, RowsPerBand = 5 }).Assign(KataibStories.WireOriginal(), Now);
        }

        using var reopened = new StoryStore(SqliteDatabase.File(storeFile.Path));
        var copy = new StoryClusterer(reopened, new StoryClustererOptions { MinHashCount = 50, RowsPerBand = 5 }).Assign(KataibStories.WireCopy(), Now);

        Assert.Equal(JoinReason.Types.Kind.NearDuplicate, copy.JoinKind);
        Assert.Equal("art_wire_1", copy.MatchedArticleId);
    }

    private static string Described(StoryUpdated update) =>
        $"{update.StoryId} {update.Version} {update.JoinKind} {update.MatchedArticleId} {update.Score} {string.Join("; ", update.Features.Select(f => $"{f.Name} {f.Score} {f.Detail}"))}";

    private static long DecidedInAnotherConnection(SqliteDatabase database)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM dedup_articles";
        return (long)command.ExecuteScalar()!;
    }

    [Fact]
    public void Wire_copy_joins_as_near_duplicate_with_its_shingle_jaccard()
    {
        var clusterer = NewClusterer();
        var original = clusterer.Assign(KataibStories.WireOriginal(), Now);

        var copy = clusterer.Assign(KataibStories.WireCopy(), Now);

        Assert.Equal(JoinReason.Types.Kind.NearDuplicate, copy.JoinKind);
        Assert.Equal(original.StoryId, copy.StoryId);
        Assert.Equal(2, copy.Version);
        Assert.Equal("art_wire_1", copy.MatchedArticleId);
        var feature = Assert.Single(copy.Features);
        Assert.Equal(StoryClusterer.ShingleFeature, feature.Name);
        Assert.InRange(feature.Score, 0.7, 1.0);
        Assert.Contains("art_wire_1", feature.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Rewrite_of_the_same_event_joins_as_same_event_with_explained_features()
    {
        var clusterer = NewClusterer();
        var original = clusterer.Assign(KataibStories.WireOriginal(), Now);

        var rewrite = clusterer.Assign(KataibStories.Rewrite(), Now);

        Assert.Equal(JoinReason.Types.Kind.SameEvent, rewrite.JoinKind);
        Assert.Equal(original.StoryId, rewrite.StoryId);
        Assert.Equal(2, rewrite.Version);
        Assert.Equal("art_wire_1", rewrite.MatchedArticleId);
        Assert.True(rewrite.Score >= new StoryClustererOptions().SameEventThreshold);
        var features = rewrite.Features.ToDictionary(f => f.Name);
        Assert.Equal(1.0, features["lead_event"].Score);
        Assert.Equal("Kataib Hezbollah suspend US forces (2024-01-30)", features["lead_event"].Detail);
        Assert.Contains("Kataib Hezbollah", features["canonical_entities"].Detail, StringComparison.Ordinal);
        Assert.Contains("Abu Hussein al-Hamidawi", features["canonical_entities"].Detail, StringComparison.Ordinal);
        Assert.InRange(features["title_lead_tfidf"].Score, 0.05, 1.0);
        Assert.Contains("hezbollah", features["title_lead_tfidf"].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Resumption_in_April_stays_apart_from_the_January_suspension()
    {
        var clusterer = NewClusterer();
        var suspension = clusterer.Assign(KataibStories.WireOriginal(), Now);

        var resumption = clusterer.Assign(KataibStories.ResumptionInApril(), Now);

        Assert.Equal(JoinReason.Types.Kind.FirstArticle, resumption.JoinKind);
        Assert.NotEqual(suspension.StoryId, resumption.StoryId);
    }

    [Fact]
    public void An_article_that_opens_a_story_names_the_story_it_came_closest_to_and_what_kept_it_out()
    {
        var clusterer = NewClusterer();
        var suspension = clusterer.Assign(KataibStories.WireOriginal(), Now);
        Assert.Empty(suspension.Features);

        var resumption = clusterer.Assign(KataibStories.ResumptionSameWeek(), Now);
        var drones = clusterer.Assign(SyntheticArticles.Create(
            "art_drones",
            "Drone makers report record sales",
            "Makers of military drones reported record sales this year, as armies bought more of the aircraft after a drone strike on a base showed how cheaply they can be used.",
            null,
            SyntheticArticles.Ingested.AddHours(6)), Now);
        var miners = clusterer.Assign(SyntheticArticles.Create(
            "art_miners",
            "Miners suspend their strike at the northern pit",
            "The Northern Miners Union in Iraq suspended its strike on Wednesday after the mine's owners agreed to talks on pay.",
            SyntheticArticles.Lead("ent_miners", EventAction.Suspend, "ent_owners", new DateOnly(2024, 1, 31)),
            SyntheticArticles.Ingested.AddHours(7),
            ("Northern Miners Union", "ent_miners")), Now);

        Assert.Equal(JoinReason.Types.Kind.FirstArticle, resumption.JoinKind);
        var vetoed = Assert.Single(resumption.Features);
        Assert.Equal(StoryClusterer.NearestStoryFeature, vetoed.Name);
        Assert.Matches($"^{suspension.StoryId} scored [0-9.]+, vetoed: Kataib Hezbollah's action Resume differs from its Suspend", vetoed.Detail);
        Assert.True(vetoed.Score >= new StoryClustererOptions().SameEventThreshold, "the veto, not the score, kept the resumption out");
        Assert.Equal(0, resumption.Score);
        Assert.Null(resumption.MatchedArticleId);

        Assert.Equal(JoinReason.Types.Kind.FirstArticle, drones.JoinKind);
        var under = Assert.Single(drones.Features);
        Assert.Equal(StoryClusterer.NearestStoryFeature, under.Name);
        Assert.Matches("^(sto_[0-9a-f]+) scored [0-9.]+, under the [0-9.]+ a same-event match needs$", under.Detail);
        Assert.Contains(under.Detail.Split(' ')[0], new[] { suspension.StoryId, resumption.StoryId });
        Assert.InRange(under.Score, 0.0001, new StoryClustererOptions().SameEventThreshold);

        // Both at once: the score says most, and the veto is named beside it.
        Assert.Equal(JoinReason.Types.Kind.FirstArticle, miners.JoinKind);
        Assert.Matches(
            $"^{suspension.StoryId} scored [0-9.]+, under the [0-9.]+ a same-event match needs, and vetoed: Suspend by Northern Miners Union, where the story's is by Kataib Hezbollah$",
            Assert.Single(miners.Features).Detail);
    }

    [Fact]
    public void The_same_act_by_the_same_doer_ten_days_apart_is_another_event()
    {
        var clusterer = NewClusterer();
        var suspension = clusterer.Assign(KataibStories.WireOriginal(), Now);

        var later = clusterer.Assign(RewriteLedBy(SyntheticArticles.Lead("ent_kh", EventAction.Suspend, "ent_us_forces", new DateOnly(2024, 2, 9))), Now);

        Assert.Equal(JoinReason.Types.Kind.FirstArticle, later.JoinKind);
        Assert.Contains($"{suspension.StoryId} scored", Assert.Single(later.Features).Detail, StringComparison.Ordinal);
        Assert.EndsWith("vetoed: lead-event dates 10 days apart", Assert.Single(later.Features).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lead_event_of_another_doer_and_act_does_not_date_a_rewrite_apart()
    {
        // The rewrite's lead event is the strike it recalls (another doer, another act, five days earlier): a date
        // tells apart events of one kind, not a report from the background it gives.
        var clusterer = NewClusterer();
        var suspension = clusterer.Assign(KataibStories.WireOriginal(), Now);

        var rewrite = clusterer.Assign(RewriteLedBy(SyntheticArticles.Lead("ent_drone_crew", EventAction.Attack, "ent_us_forces", new DateOnly(2024, 1, 25))), Now);

        Assert.Equal(JoinReason.Types.Kind.SameEvent, rewrite.JoinKind);
        Assert.Equal(suspension.StoryId, rewrite.StoryId);
    }

    private static ArticleExtracted RewriteLedBy(ArticleLeadEvent lead) => KataibStories.Rewrite() with { LeadEvent = lead };

    [Fact]
    public void A_shared_act_and_week_without_a_party_in_common_is_no_lead_event_agreement()
    {
        // An airline (its name unresolved) suspends flights, a militia suspends attacks two days later: one act, one week, two events.
        const string Flights = "Flights between Dunmarrow and Port Marrow will stop for two weeks while the runway in Dunmarrow is repaired, the carrier said.";
        const string Attacks = "Fighters near Dunmarrow will stop attacking convoys for two weeks, the group said, as talks resume in Dunmarrow.";
        StoryUpdated Second(bool withLeads)
        {
            var clusterer = NewClusterer();
            clusterer.Assign(SyntheticArticles.Create("art_flights", "Flights to Port Marrow suspended", Flights,
                withLeads ? new ArticleLeadEvent("Airways", null, EventAction.Suspend, "suspend", "Port Marrow", "ent_port_marrow", new DateOnly(2025, 3, 12)) : null,
                null, ("Dunmarrow", "ent_dunmarrow"), ("Port Marrow", "ent_port_marrow")), Now);
            return clusterer.Assign(SyntheticArticles.Create("art_attacks", "Group suspends convoy attacks near Dunmarrow", Attacks,
                withLeads ? SyntheticArticles.Lead("ent_vrf", EventAction.Suspend, "ent_caldmoor", new DateOnly(2025, 3, 10)) : null,
                null, ("Dunmarrow", "ent_dunmarrow")), Now);
        }

        var led = Second(withLeads: true);
        var unled = Second(withLeads: false);

        // The shared town carries both joins here; the lead events must add nothing to it.
        Assert.Equal(JoinReason.Types.Kind.SameEvent, led.JoinKind);
        Assert.Equal(0, led.Features.Single(f => f.Name == SameEventScorer.LeadEventFeature).Score);
        Assert.True(led.Score <= unled.Score, $"lead events raised the score from {unled.Score} to {led.Score}");
    }

    [Fact]
    public void Different_action_class_vetoes_a_merge_even_in_the_same_week()
    {
        var clusterer = NewClusterer();
        var suspension = clusterer.Assign(KataibStories.Rewrite(), Now);

        var resumption = clusterer.Assign(KataibStories.ResumptionSameWeek(), Now);

        Assert.Equal(JoinReason.Types.Kind.FirstArticle, resumption.JoinKind);
        Assert.NotEqual(suspension.StoryId, resumption.StoryId);
    }

    [Fact]
    public void Unrelated_article_opens_its_own_story()
    {
        var clusterer = NewClusterer();
        var suspension = clusterer.Assign(KataibStories.WireOriginal(), Now);

        var floods = clusterer.Assign(KataibStories.Unrelated(), Now);

        Assert.Equal(JoinReason.Types.Kind.FirstArticle, floods.JoinKind);
        Assert.NotEqual(suspension.StoryId, floods.StoryId);
    }

    [Fact]
    public void Copy_joining_a_larger_story_names_the_member_it_copies()
    {
        var clusterer = NewClusterer();
        var original = clusterer.Assign(KataibStories.WireOriginal(), Now);
        clusterer.Assign(KataibStories.Unrelated(), Now);
        clusterer.Assign(KataibStories.Rewrite(), Now);

        var copy = clusterer.Assign(KataibStories.WireCopy(), Now);

        Assert.Equal(original.StoryId, copy.StoryId);
        Assert.Equal(3, copy.Version);
        Assert.Equal("art_wire_1", copy.MatchedArticleId);
    }

    [Fact]
    public void Redelivered_article_gets_the_same_update_and_changes_nothing()
    {
        var clusterer = NewClusterer();
        clusterer.Assign(KataibStories.WireOriginal(), Now);
        var first = clusterer.Assign(KataibStories.Rewrite(), Now);

        var again = clusterer.Assign(KataibStories.Rewrite(), Now.AddHours(5));
        var next = clusterer.Assign(KataibStories.WireCopy(), Now);

        AssertSameUpdate(first, again);
        Assert.Equal(3, next.Version);
    }

    [Fact]
    public void Same_articles_in_the_same_order_give_the_same_stories()
    {
        var articles = new[]
        {
            KataibStories.WireOriginal(), KataibStories.Unrelated(), KataibStories.Rewrite(),
            KataibStories.ResumptionSameWeek(), KataibStories.WireCopy(), KataibStories.ResumptionInApril(),
        };

        var clustererA = NewClusterer();
        var clustererB = NewClusterer();
        var runA = articles.Select(a => clustererA.Assign(a, Now)).ToList();
        var runB = articles.Select(a => clustererB.Assign(a, Now)).ToList();

        for (var i = 0; i < articles.Length; i++)
        {
            AssertSameUpdate(runA[i], runB[i]);
        }
        Assert.Equal(4, runA.Select(u => u.StoryId).Distinct().Count());
    }

    [Fact]
    public void Decisions_survive_a_restart_on_the_same_file()
    {
        using var storeFile = new StoreFile("dedup-test");
        var path = storeFile.Path;
        StoryUpdated original;
        using (var store = new StoryStore(SqliteDatabase.File(path)))
        {
            original = new StoryClusterer(store).Assign(KataibStories.WireOriginal(), Now);
        }

        using var reopened = new StoryStore(SqliteDatabase.File(path));
        var clusterer = new StoryClusterer(reopened);
        var redelivered = clusterer.Assign(KataibStories.WireOriginal(), Now.AddDays(1));
        var copy = clusterer.Assign(KataibStories.WireCopy(), Now);
        var rewrite = clusterer.Assign(KataibStories.Rewrite(), Now);

        AssertSameUpdate(original, redelivered);
        Assert.Equal((original.StoryId, 2L, JoinReason.Types.Kind.NearDuplicate), (copy.StoryId, copy.Version, copy.JoinKind));
        Assert.Equal((original.StoryId, 3L, JoinReason.Types.Kind.SameEvent), (rewrite.StoryId, rewrite.Version, rewrite.JoinKind));
    }

    [Fact]
    public void Article_without_an_id_is_refused_with_a_clear_reason()
    {
        var clusterer = NewClusterer();
        var article = KataibStories.WireOriginal();
        var broken = article with { Article = article.Article with { ArticleId = "" } };

        var error = Assert.Throws<InvalidMessageException>(() => clusterer.Assign(broken, Now));

        Assert.Contains("article id", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inconsistent_minhash_options_are_refused()
    {
        var options = new StoryClustererOptions { MinHashCount = 100, RowsPerBand = 3 };

        var error = Assert.Throws<InvalidOperationException>(() => new StoryClusterer(new StoryStore(SqliteDatabase.InMemory()), options));

        Assert.Contains("Dedup", error.Message, StringComparison.Ordinal);
    }

    internal static StoryClusterer NewClusterer(StoryClustererOptions? options = null) =>
        new(new StoryStore(SqliteDatabase.InMemory()), options);

    internal static void AssertSameUpdate(StoryUpdated expected, StoryUpdated actual)
    {
        Assert.Equal(
            (expected.StoryId, expected.Version, expected.JoinKind, expected.MatchedArticleId, expected.Score, expected.UpdatedAt, expected.Article.Article.ArticleId),
            (actual.StoryId, actual.Version, actual.JoinKind, actual.MatchedArticleId, actual.Score, actual.UpdatedAt, actual.Article.Article.ArticleId));
        Assert.Equal(expected.Features, actual.Features);
    }
}
