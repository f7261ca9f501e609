using Newsroom.Contracts.Events;
using Newsroom.Contracts.V1;
using Newsroom.ServiceDefaults;

namespace Newsroom.Dedup.Tests;

/// <summary>
/// Lead-event agreement weighs in only where it could agree: a lead event whose resolved parties have no counterpart in the
/// story's leaves the article to text and entities, while the events of regulators, agencies and accidents keep one doer's
/// different acts apart as a militia's suspension and resumption are, and a report leading with an act its candidate story
/// never leads with must clear a higher bar.
/// </summary>
public sealed class LeadComparabilityTests
{
    private static readonly DateTimeOffset Sunday = new(2023, 3, 12, 22, 0, 0, TimeSpan.Zero);
    private static readonly (string, string)[] Banking = [("Signature Bank", "ent_signature"), ("Treasury", "ent_treasury"), ("New York", "ent_ny")];

    private const string Seizure =
        "Signature Bank was seized by regulators in New York on Sunday, the second failure of a regional lender in three days. " +
        "Depositors of Signature Bank will be paid in full, the regulators said.";

    private const string Closure =
        "The Treasury said on Sunday that all depositors of Signature Bank in New York will be made whole after regulators closed the lender, " +
        "the second failure of a regional bank in three days.";

    [Fact]
    public void A_lead_event_without_a_party_the_story_can_match_neither_lowers_nor_raises_the_score()
    {
        var seized = new ArticleLeadEvent(string.Empty, null, EventAction.Seize, "seized", "Signature Bank", "ent_signature", null);
        var announced = new ArticleLeadEvent("Treasury", "ent_treasury", EventAction.Announce, "said", null, null, null);

        var withLead = JoinScore(seized, announced);
        var withoutLead = JoinScore(seized, null);

        Assert.NotNull(withLead);
        Assert.Equal(withoutLead, withLead);
    }

    [Fact]
    public void One_agency_investigating_and_later_approving_are_two_events()
    {
        const string probe =
            "The Federal Aviation Administration opened an investigation into Boeing's quality control on Thursday after a door plug " +
            "blew out of a 737 Max 9 jet in flight, and said Boeing's production lines would face an audit.";
        const string approval =
            "The Federal Aviation Administration approved an inspection process on Wednesday that lets grounded Boeing 737 Max 9 jets " +
            "return to service after a door plug blew out in flight, and said Boeing's production lines would face an audit.";
        (string, string)[] parties = [("Federal Aviation Administration", "ent_faa"), ("Boeing", "ent_boeing")];
        var clusterer = new StoryClusterer(new StoryStore(SqliteDatabase.InMemory()));
        var investigation = clusterer.Assign(
            SyntheticArticles.Create("art_probe", "FAA opens investigation into Boeing", probe, SyntheticArticles.Lead("ent_faa", EventAction.Investigate, "ent_boeing", null), null, parties),
            DateTimeOffset.UnixEpoch);

        var cleared = clusterer.Assign(
            SyntheticArticles.Create("art_cleared", "FAA approves inspections of Boeing jets", approval, SyntheticArticles.Lead("ent_faa", EventAction.Approve, "ent_boeing", null), null, parties),
            DateTimeOffset.UnixEpoch);

        Assert.NotEqual(investigation.StoryId, cleared.StoryId);
        Assert.Contains("differs from its Investigate", cleared.Features.Single().Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(EventAction.Collapse, true)]
    [InlineData(EventAction.Demolish, false)]
    [InlineData(EventAction.Discover, false)]
    public void A_report_leading_with_an_act_the_story_never_leads_with_must_clear_a_higher_bar_and_says_why(EventAction act, bool joins)
    {
        const string collapse =
            "The Key Bridge in the harbour collapsed early on Tuesday after a container ship struck one of its piers, and the span fell into the river.";
        const string demolition =
            "Crews demolished the last span of the Key Bridge in the harbour with controlled charges, clearing the container ship that struck one of its piers.";
        (string, string)[] places = [("Key Bridge", "ent_bridge")];
        // Any content clears the plain bar and none the raised one, so the act alone decides.
        var options = new StoryClustererOptions { SameEventThreshold = 0.01, UndatedMargin = 0, LeadActionConflictMargin = 1.0 };
        var clusterer = new StoryClusterer(new StoryStore(SqliteDatabase.InMemory()), options);
        var story = clusterer.Assign(
            SyntheticArticles.Create("art_collapse", "Key Bridge collapses", collapse, SyntheticArticles.Lead("ent_bridge", EventAction.Collapse, null!, null), null, places),
            DateTimeOffset.UnixEpoch);

        var report = clusterer.Assign(
            SyntheticArticles.Create("art_report", "Key Bridge span comes down", demolition, new ArticleLeadEvent(string.Empty, null, act, "act", "Key Bridge", "ent_bridge", null), null, places),
            DateTimeOffset.UnixEpoch);

        Assert.Equal(joins, report.StoryId == story.StoryId);
        if (!joins)
        {
            Assert.Contains($"leading with {MemberLead.NameOf(act)} where the story's members lead with collapse", report.Features.Single().Detail, StringComparison.Ordinal);
        }
    }

    /// <summary>The score with which a rewrite joins a story of the seizure, given its own lead event; null when it does not join.</summary>
    private static double? JoinScore(ArticleLeadEvent storyLead, ArticleLeadEvent? articleLead)
    {
        var clusterer = new StoryClusterer(new StoryStore(SqliteDatabase.InMemory()));
        var story = clusterer.Assign(SyntheticArticles.Create("art_seized", "Regulators seize Signature Bank", Seizure, storyLead, Sunday, Banking), DateTimeOffset.UnixEpoch);
        var rewrite = clusterer.Assign(SyntheticArticles.Create("art_closed", "Signature Bank closed by regulators", Closure, articleLead, Sunday, Banking), DateTimeOffset.UnixEpoch);
        return rewrite.StoryId == story.StoryId ? rewrite.Score : null;
    }
}
