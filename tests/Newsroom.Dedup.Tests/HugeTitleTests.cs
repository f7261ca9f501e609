using System.Globalization;
using Newsroom.Contracts.V1;

namespace Newsroom.Dedup.Tests;

/// <summary>Articles from publishers without ingest's title limit: a shared headline alone must not make one story.</summary>
public sealed class HugeTitleTests
{
    private static readonly DateTimeOffset Published = new(2024, 1, 30, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Two_articles_with_the_same_ten_thousand_word_title_and_unrelated_texts_make_two_stories()
    {
        var title = string.Join(' ', Enumerable.Range(0, 10_000).Select(i => string.Create(CultureInfo.InvariantCulture, $"headline{i % 3000}")));
        var clusterer = StoryClustererTests.NewClusterer();

        var harbour = clusterer.Assign(SyntheticArticles.Create("art_harbour", title,
            "The harbour authority in Rotterdam opened a deep water berth for container vessels on Tuesday, dockworkers welcomed cranes and tugboats.",
            published: Published, entities: ("Rotterdam", "rotterdam")), Published);
        var election = clusterer.Assign(SyntheticArticles.Create("art_election", title,
            "Voters in Montevideo elected a mayor after a campaign about buses, pensions and schools, turnout reached a record among young citizens.",
            published: Published, entities: ("Montevideo", "montevideo")), Published);

        Assert.Equal(JoinReason.Types.Kind.FirstArticle, election.JoinKind);
        Assert.NotEqual(harbour.StoryId, election.StoryId);
    }

    [Fact]
    public void Rewrites_sharing_a_huge_title_and_their_event_still_make_one_story()
    {
        var title = string.Join(' ', Enumerable.Range(0, 10_000).Select(i => string.Create(CultureInfo.InvariantCulture, $"headline{i % 3000}")));
        var lead = SyntheticArticles.Lead("kh", EventAction.Suspend, "us", new DateOnly(2024, 1, 30));
        var clusterer = StoryClustererTests.NewClusterer();

        var first = clusterer.Assign(SyntheticArticles.Create("art_first", title,
            "Kataib Hezbollah announced it suspends military operations against US forces in Iraq to avoid embarrassing the government.",
            lead, Published, ("Kataib Hezbollah", "kh"), ("US", "us")), Published);
        var rewrite = clusterer.Assign(SyntheticArticles.Create("art_rewrite", title,
            "The Iraqi group Kataib Hezbollah said on Tuesday it suspends its military operations against US forces after the Jordan attack.",
            lead, Published, ("Kataib Hezbollah", "kh"), ("US", "us")), Published);

        Assert.Equal(first.StoryId, rewrite.StoryId);
    }
}
