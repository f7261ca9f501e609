using Newsroom.Contracts.Events;
using Newsroom.Contracts.V1;
using Newsroom.ServiceDefaults;

namespace Newsroom.Dedup.Tests;

/// <summary>
/// Events of one kind between the same parties: who acted on whom separates them, while another outlet
/// that leads with a different participant of the same event still joins it.
/// </summary>
public sealed class EventRoleTests
{
    private static readonly DateOnly Day = new(2024, 2, 2);
    private static readonly (string, string)[] Parties = [("Kataib Hezbollah", "ent_kh"), ("US forces", "ent_us"), ("al-Qaim", "ent_qaim")];

    private const string MilitiaAttack =
        "Kataib Hezbollah fighters attacked a base used by US forces near al-Qaim with drones and rockets on Friday, " +
        "officials said, wounding several soldiers. US forces said air defences brought down two of the drones over the base.";

    private const string MilitiaAttackRewrite =
        "Drones and rockets launched by Kataib Hezbollah struck a base housing US forces close to al-Qaim on Friday, " +
        "wounding soldiers, according to officials. The US military said two drones were shot down above the base.";

    private const string RetaliatoryStrike =
        "US forces struck Kataib Hezbollah positions near al-Qaim on Friday with drones and rockets, officials said, " +
        "in retaliation for attacks on a base. Kataib Hezbollah said several of its fighters were killed in the strikes.";

    [Fact]
    public void A_state_strike_on_the_militia_stays_apart_from_the_militia_attack_on_the_state()
    {
        var clusterer = new StoryClusterer(new StoryStore(SqliteDatabase.InMemory()));
        var attack = clusterer.Assign(Article("art_attack", "Kataib Hezbollah attacks US base near al-Qaim", MilitiaAttack, "ent_kh", "ent_us"), DateTimeOffset.UnixEpoch);

        var strike = clusterer.Assign(Article("art_strike", "US strikes Kataib Hezbollah near al-Qaim", RetaliatoryStrike, "ent_us", "ent_kh"), DateTimeOffset.UnixEpoch);

        Assert.NotEqual(attack.StoryId, strike.StoryId);
    }

    [Fact]
    public void The_same_attack_reported_by_another_outlet_joins_even_when_it_leads_with_the_target()
    {
        var clusterer = new StoryClusterer(new StoryStore(SqliteDatabase.InMemory()));
        var attack = clusterer.Assign(Article("art_attack", "Kataib Hezbollah attacks US base near al-Qaim", MilitiaAttack, "ent_kh", "ent_us"), DateTimeOffset.UnixEpoch);

        var rewrite = clusterer.Assign(Article("art_rewrite", "Drones and rockets hit US base in western Iraq", MilitiaAttackRewrite, "ent_kh", "ent_us"), DateTimeOffset.UnixEpoch);
        var otherLead = clusterer.Assign(
            Article("art_other_lead", "US base near al-Qaim attacked", MilitiaAttackRewrite + " Officials gave no figure.", "ent_us", null, EventAction.Other),
            DateTimeOffset.UnixEpoch);

        Assert.Equal(attack.StoryId, rewrite.StoryId);
        Assert.Equal(attack.StoryId, otherLead.StoryId);
    }

    private static ArticleExtracted Article(string id, string title, string text, string actorId, string? targetId, EventAction action = EventAction.Attack) =>
        SyntheticArticles.Create(id, title, text, SyntheticArticles.Lead(actorId, action, targetId!, Day), new DateTimeOffset(2024, 2, 2, 18, 0, 0, TimeSpan.Zero), Parties);
}
