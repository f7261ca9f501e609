using Newsroom.Contracts.Events;
using Newsroom.Contracts.V1;
using Newsroom.ServiceDefaults;

namespace Newsroom.Dedup.Tests;

/// <summary>
/// Two players of one team arrested weeks apart share the team, the charge, the police and most words; the
/// one arrested tells the events apart, even when the second report recalls the first arrest in passing.
/// </summary>
public sealed class OtherPersonTests
{
    private static readonly (string Name, string Id, EntityType Type)[] Parties =
    [
        ("Marcus Whitfield", "ent_whitfield", EntityType.Person), ("Dion Carver", "ent_carver", EntityType.Person),
        ("Northfield Rovers", "ent_rovers", EntityType.Organization), ("Highway Patrol", "ent_patrol", EntityType.Organization),
        ("Northfield", "ent_northfield", EntityType.Location),
    ];

    private const string WhitfieldArrest =
        "Northfield Rovers striker Marcus Whitfield was arrested on suspicion of drunken driving early on Sunday, the Highway Patrol said. " +
        "Marcus Whitfield was stopped on a freeway outside Northfield and failed a sobriety test, the Highway Patrol said. " +
        "Northfield Rovers said they were aware of the arrest and would not comment further.";

    private const string WhitfieldRewrite =
        "The Highway Patrol arrested Marcus Whitfield of Northfield Rovers on suspicion of drunken driving on Sunday morning. " +
        "Marcus Whitfield failed a sobriety test after he was stopped outside Northfield. " +
        "Northfield Rovers declined to comment on the arrest of Marcus Whitfield.";

    private const string CarverArrest =
        "Northfield Rovers defender Dion Carver was arrested on suspicion of drunken driving early on Sunday, the Highway Patrol said. " +
        "Dion Carver was stopped on a freeway outside Northfield and failed a sobriety test, the Highway Patrol said. " +
        "Northfield Rovers said they were aware of the arrest and would not comment further. It is the club's second such arrest this season, " +
        "after Marcus Whitfield.";

    [Fact]
    public void The_same_arrest_of_another_player_is_another_story()
    {
        var clusterer = StoryOfWhitfieldsArrest(out var story);

        var carver = clusterer.Assign(Article("art_carver", "Rovers defender Dion Carver arrested on DUI suspicion", CarverArrest, "ent_carver"), SyntheticArticles.Ingested);

        Assert.Equal(JoinReason.Types.Kind.FirstArticle, carver.JoinKind);
        Assert.NotEqual(story, carver.StoryId);
    }

    [Fact]
    public void Without_a_lead_event_on_the_person_the_article_is_judged_on_its_words()
    {
        var clusterer = StoryOfWhitfieldsArrest(out var story);

        var carver = clusterer.Assign(Article("art_carver", "Rovers defender Dion Carver arrested on DUI suspicion", CarverArrest, target: null), SyntheticArticles.Ingested);

        Assert.Equal(story, carver.StoryId);
    }

    private static StoryClusterer StoryOfWhitfieldsArrest(out string storyId)
    {
        var clusterer = new StoryClusterer(new StoryStore(SqliteDatabase.InMemory()));
        storyId = clusterer.Assign(Article("art_whitfield", "Rovers striker Marcus Whitfield arrested on DUI suspicion", WhitfieldArrest, "ent_whitfield"), SyntheticArticles.Ingested).StoryId;
        var rewrite = clusterer.Assign(Article("art_whitfield_2", "Police arrest Rovers' Marcus Whitfield", WhitfieldRewrite, "ent_whitfield"), SyntheticArticles.Ingested);
        Assert.Equal(storyId, rewrite.StoryId);
        return clusterer;
    }

    /// <summary>An article whose lead event is an arrest of <paramref name="target"/>, with a mention of a party wherever its name occurs.</summary>
    private static ArticleExtracted Article(string id, string title, string text, string? target)
    {
        var mentions = new List<EntityMention>();
        foreach (var (name, entityId, type) in Parties)
        {
            for (var start = text.IndexOf(name, StringComparison.Ordinal); start >= 0; start = text.IndexOf(name, start + name.Length, StringComparison.Ordinal))
            {
                // "Northfield" inside "Northfield Rovers" is the club's mention, not one of its own.
                if (!mentions.Any(m => m.Start <= start && start < m.End))
                {
                    mentions.Add(new EntityMention(name, type, start, start + name.Length, entityId, name));
                }
            }
        }
        var targetName = Parties.FirstOrDefault(p => p.Id == target).Name;
        var lead = new ArticleLeadEvent(string.Empty, null, EventAction.Arrest, "arrested", targetName, target, null);
        return SyntheticArticles.Create(id, title, text, lead, published: new DateTimeOffset(2024, 3, 3, 12, 0, 0, TimeSpan.Zero)) with
        {
            Entities = [.. mentions.OrderBy(m => m.Start)],
        };
    }
}
