using Newsroom.Contracts.Events;
using Newsroom.Contracts.V1;
using Newsroom.ServiceDefaults;

namespace Newsroom.Dedup.Tests;

/// <summary>
/// Look-alike events of one topic share their background and differ in a subject (here, the champion's opponent):
/// each side centred on someone the other never names keeps them apart, while rewrites that name a subject by
/// surname, lead with someone only one side names, or are centred on an entity of another kind than the story's
/// subject they leave out, still join.
/// </summary>
public sealed class ConflictingSubjectsTests
{
    private static readonly (string, string, EntityType)[] Parties =
    [
        ("Ivan Dragov", "ent_dragov", EntityType.Person), ("Carl Weber", "ent_weber", EntityType.Person),
        ("Weber", "ent_weber_surname", EntityType.Person), ("Tony Marsh", "ent_marsh", EntityType.Person),
        ("Klaus Berg", "ent_berg", EntityType.Person), ("Hamburg", "ent_hamburg", EntityType.Location),
        ("IBF", "ent_ibf", EntityType.Organization), ("WBO", "ent_wbo", EntityType.Organization), ("WBA", "ent_wba", EntityType.Organization),
    ];

    private const string WeberFight =
        "Ivan Dragov stopped Carl Weber in the seventh round in Hamburg on Saturday to retain his IBF and WBO heavyweight titles. " +
        "Carl Weber, a late substitute, was down twice before the referee waved the fight off. " +
        "Dragov said Carl Weber had come to fight and that he wanted a unification bout next.";

    private const string WeberFightRewrite =
        "Heavyweight champion Ivan Dragov kept his IBF and WBO titles, stopping Carl Weber in round seven in Hamburg on Saturday night. " +
        "Carl Weber was knocked down twice. Dragov now wants a unification bout, he said after beating Carl Weber.";

    private const string MarshFight =
        "Ivan Dragov stopped Tony Marsh in the sixth round in Hamburg on Saturday to retain his IBF and WBO heavyweight titles. " +
        "Tony Marsh, who had lost to the champion before, was down twice before the referee waved the fight off. " +
        "Dragov said Tony Marsh had come to fight and that he wanted a unification bout next.";

    private const string SurnameRewrite =
        "Weber was stopped by Ivan Dragov in the seventh round in Hamburg on Saturday, and the champion kept his IBF and WBO heavyweight titles. " +
        "Weber went down twice before the referee waved the fight off. Dragov wants a unification bout next.";

    private const string PromoterLead =
        "Promoter Klaus Berg said Ivan Dragov would defend his IBF and WBO heavyweight titles again in the spring, after the champion stopped " +
        "Carl Weber in the seventh round in Hamburg on Saturday. Klaus Berg said Weber had been a late substitute. Klaus Berg named no opponent.";

    private const string SanctioningBodyLead =
        "The WBA said its ringside officials saw Ivan Dragov stop Carl Weber in the seventh round on Saturday, and the champion kept his IBF " +
        "and WBO heavyweight titles. The WBA said Carl Weber was down twice before the referee waved the fight off. WBA officials said " +
        "Dragov wants a unification bout next.";

    [Fact]
    public void The_champion_against_another_opponent_is_another_story()
    {
        var clusterer = StoryOfTheWeberFight(out var story);

        var marsh = clusterer.Assign(Article("art_marsh", "Ivan Dragov stops Tony Marsh to retain heavyweight titles", MarshFight), SyntheticArticles.Ingested);

        Assert.NotEqual(story, marsh.StoryId);
    }

    [Fact]
    public void A_rewrite_that_names_the_opponent_by_surname_joins()
    {
        var clusterer = StoryOfTheWeberFight(out var story);

        var rewrite = clusterer.Assign(Article("art_surname", "Weber stopped by Ivan Dragov in seventh round", SurnameRewrite), SyntheticArticles.Ingested);

        Assert.Equal(story, rewrite.StoryId);
    }

    [Fact]
    public void A_rewrite_that_leads_with_someone_the_story_never_names_joins_when_it_names_the_story_subjects()
    {
        var clusterer = StoryOfTheWeberFight(out var story);

        var rewrite = clusterer.Assign(Article("art_promoter", "Klaus Berg: Ivan Dragov to defend titles in spring", PromoterLead), SyntheticArticles.Ingested);

        Assert.Equal(story, rewrite.StoryId);
    }

    [Fact]
    public void A_rewrite_centred_on_an_organisation_joins_though_it_leaves_out_the_city_the_story_centres_on()
    {
        var clusterer = StoryOfTheWeberFight(out var story);

        var rewrite = clusterer.Assign(Article("art_wba", "WBA: Ivan Dragov stopped Carl Weber", SanctioningBodyLead), SyntheticArticles.Ingested);

        Assert.Equal(story, rewrite.StoryId);
    }

    private static StoryClusterer StoryOfTheWeberFight(out string storyId)
    {
        var clusterer = new StoryClusterer(new StoryStore(SqliteDatabase.InMemory()));
        storyId = clusterer.Assign(Article("art_weber", "Ivan Dragov stops Carl Weber in Hamburg to retain heavyweight titles", WeberFight), SyntheticArticles.Ingested).StoryId;
        var rewrite = clusterer.Assign(Article("art_weber_2", "Dragov keeps titles with stoppage of Carl Weber in Hamburg", WeberFightRewrite), SyntheticArticles.Ingested);
        Assert.Equal(storyId, rewrite.StoryId);
        return clusterer;
    }

    /// <summary>An article with a mention of a party wherever its name occurs, as the extractor reports them.</summary>
    private static ArticleExtracted Article(string id, string title, string text)
    {
        var mentions = new List<EntityMention>();
        foreach (var (name, entityId, type) in Parties)
        {
            for (var start = text.IndexOf(name, StringComparison.Ordinal); start >= 0; start = text.IndexOf(name, start + name.Length, StringComparison.Ordinal))
            {
                // "Weber" inside "Carl Weber" is the full name's mention, not one of its own.
                if (!mentions.Any(m => m.Start <= start && start < m.End))
                {
                    mentions.Add(new EntityMention(name, type, start, start + name.Length, entityId, name));
                }
            }
        }
        return SyntheticArticles.Create(id, title, text, published: new DateTimeOffset(2024, 3, 2, 22, 0, 0, TimeSpan.Zero)) with
        {
            Entities = [.. mentions.OrderBy(m => m.Start)],
        };
    }
}
