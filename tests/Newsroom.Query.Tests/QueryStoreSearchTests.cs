using Google.Protobuf.WellKnownTypes;
using Newsroom.Contracts.Events;
using Newsroom.Contracts.V1;
using Newsroom.Testing.Database;
using Xunit;
using static Newsroom.Query.Tests.StoryEvents;

namespace Newsroom.Query.Tests;

public abstract class QueryStoreSearchTests(QueryStores stores) : QueryStoreTests(stores)
{
    private static readonly DateTimeOffset IndexedAt = Start.AddDays(1);

    private static IReadOnlyList<string> Words(string query) => SearchTerms.Words(query);

    [StoreFact]
    public void A_story_about_suspending_ranks_above_stories_that_mention_a_suspension_in_passing()
    {
        // The passing mentions come first and use the word more often, so only weighting can put the real story on top.
        Store.IndexStory(Story("passing-1", "p1", "Parliament debates the budget",
            "Lawmakers argued for hours. Talks were suspended last year and suspended again in spring before a vote on the budget."), IndexedAt);
        Store.IndexStory(Story("passing-2", "p2", "Oil prices climb",
            "Prices rose on Monday. A pipeline that was suspended in March reopened, traders said, while exports suspended earlier resumed."), IndexedAt);
        Store.IndexStory(Story("about", "k1", "Iraqi group halts attacks on US forces",
            "The armed group said on Tuesday it would stop its campaign.",
            lead: Lead("Kataib Hezbollah", "kh", EventAction.Suspend, "suspended", "US forces")), IndexedAt);

        var page = Store.SearchStories(Words("suspend"), null, 0, 10);

        Assert.Equal(3, page.TotalSize);
        Assert.Equal("about", page.Hits[0].Story.StoryId);
        Assert.True(page.Hits[0].Score > page.Hits[1].Score);
    }

    [StoreFact]
    public void A_search_that_matches_more_stories_than_are_ranked_ranks_the_newest_and_says_so()
    {
        // The oldest story is the best match: a search that ranks only the newest misses it, and says it may have.
        Store.IndexStory(Story("oldest", "o1", "Convoy convoy convoy", "A convoy, the convoy and another convoy."), IndexedAt);
        foreach (var n in Enumerable.Range(1, 7))
        {
            Store.IndexStory(Story($"newer-{n}", $"n{n}", $"Report {n} from the border", $"A convoy crossed the border, report {n} says."), IndexedAt);
        }

        var all = Store.SearchStories(Words("convoy"), null, 0, 10);
        var newest = Store.SearchStories(Words("convoy"), null, 0, 10, rankedMatches: 5);
        var exactly = Store.SearchStories(Words("convoy"), null, 0, 10, rankedMatches: 8);
        var filtered = Store.SearchStories(Words("convoy"), new StoryFilter { Entity = "nobody" }, 0, 10, rankedMatches: 5);
        // A page past the last match still says how many there are.
        var pastTheEnd = Store.SearchStories(Words("convoy"), null, 20, 10, rankedMatches: 5);
        var pastAll = Store.SearchStories(Words("convoy"), null, 20, 10);

        Assert.Equal((8, false, "oldest"), (all.TotalSize, all.Capped, all.Hits[0].Story.StoryId));
        Assert.Equal((5, true), (newest.TotalSize, newest.Capped));
        Assert.Equal(Enumerable.Range(3, 5).Select(n => $"newer-{n}").Order(), newest.Hits.Select(h => h.Story.StoryId).Order());
        Assert.Equal((8, false), (exactly.TotalSize, exactly.Capped));
        Assert.Equal((0, false), (filtered.TotalSize, filtered.Capped));
        Assert.Equal((5, true, 0), (pastTheEnd.TotalSize, pastTheEnd.Capped, pastTheEnd.Hits.Count));
        Assert.Equal((8, false, 0), (pastAll.TotalSize, pastAll.Capped, pastAll.Hits.Count));
    }

    /// <summary>
    /// A search whose words' counts say it matches fewer stories than are ranked walks its matches oldest first (on
    /// SQLite); when the index has grown past those counts, it still ranks the newest matches, not the oldest.
    /// </summary>
    [StoreFact]
    public void A_search_ranks_the_newest_matches_when_the_index_grew_past_its_word_counts()
    {
        Store.IndexStory(Story("oldest", "o1", "Harbor harbor harbor", "The harbor, the harbor and the harbor again."), IndexedAt);
        foreach (var n in Enumerable.Range(1, 63))
        {
            Store.IndexStory(Story($"earlier-{n}", $"e{n}", $"Harbor report {n}", $"Ships left the harbor, report {n} says."), IndexedAt);
        }

        // 64 stories hold the word, fewer than the 65 ranked: all are ranked, the best (the oldest) first.
        var before = Store.SearchStories(Words("harbor"), null, 0, 100, rankedMatches: 65);
        Assert.Equal((64, false, "oldest"), (before.TotalSize, before.Capped, before.Hits[0].Story.StoryId));

        // Three more are fewer writes than a sixteenth of 64, so the count of 64 is kept; 67 stories now match.
        foreach (var n in Enumerable.Range(1, 3))
        {
            Store.IndexStory(Story($"later-{n}", $"l{n}", $"Harbor news {n}", $"The harbor reopened, news {n} says."), IndexedAt);
        }

        var after = Store.SearchStories(Words("harbor"), null, 0, 100, rankedMatches: 65);

        Assert.Equal((65, true), (after.TotalSize, after.Capped));
        var ranked = after.Hits.Select(h => h.Story.StoryId).ToHashSet();
        Assert.Equal(65, ranked.Count);
        Assert.DoesNotContain("oldest", ranked);
        Assert.DoesNotContain("earlier-1", ranked);
        Assert.Contains("later-3", ranked);
    }

    /// <summary>
    /// A capped search of a rarer word with one in most stories ranks the newest matches, whether the common word is in
    /// all of the rarer word's newest stories (on SQLite the walk then starts from them) or, unforeseen, not.
    /// </summary>
    [StoreFact]
    public void A_capped_search_with_a_common_word_ranks_the_newest_matches()
    {
        // Twenty stories say "harbor"; twelve say "blast", the oldest of them most; "crane" is in all but three of the newest.
        Store.IndexStory(Story("best", "b0", "Blast blast blast at the harbor crane", "A blast, a blast and a blast at the harbor crane."), IndexedAt);
        foreach (var n in Enumerable.Range(1, 19))
        {
            var blast = n % 2 == 1 || n > 15 ? "A blast shook it. " : "";
            var crane = n is 17 or 18 or 19 ? "" : "A crane stood still. ";
            Store.IndexStory(Story($"story-{n:00}", $"s{n}", $"Harbor report {n}", $"{blast}{crane}Ships left the harbor, report {n} says."), IndexedAt);
        }

        var blastStories = Enumerable.Range(1, 19).Where(n => n % 2 == 1 || n > 15).Select(n => $"story-{n:00}").Prepend("best").ToList();
        var withHarbor = Store.SearchStories(Words("blast harbor"), null, 0, 100, rankedMatches: 5);
        Assert.Equal((5, true), (withHarbor.TotalSize, withHarbor.Capped));
        Assert.Equal(blastStories.TakeLast(5).Order(), withHarbor.Hits.Select(h => h.Story.StoryId).Order());

        var withCrane = Store.SearchStories(Words("blast crane"), null, 0, 100, rankedMatches: 5);
        Assert.Equal((5, true), (withCrane.TotalSize, withCrane.Capped));
        Assert.Equal(blastStories.Where(id => id is not ("story-17" or "story-18" or "story-19")).TakeLast(5).Order(), withCrane.Hits.Select(h => h.Story.StoryId).Order());
    }

    /// <summary>Reports alike to the word score alike: the newest comes first, with a filter or without.</summary>
    [StoreFact]
    public void Of_stories_that_score_alike_the_newest_comes_first()
    {
        foreach (var n in Enumerable.Range(1, 4))
        {
            Store.IndexStory(Story($"copy-{n}", $"c{n}", "Harbor reopens", "The harbor reopened on Monday.", entities: [Mention("Harbor Authority", "ha", "Harbor Authority")]), IndexedAt);
        }

        var plain = Store.SearchStories(Words("harbor"), null, 0, 10).Hits;
        var filtered = Store.SearchStories(Words("harbor"), new StoryFilter { Entity = "Harbor Authority" }, 0, 10).Hits;

        Assert.Single(plain.Select(h => h.Score).Distinct());
        // Newest first is the reverse of the order of the story ids.
        Assert.Equal(["copy-4", "copy-3", "copy-2", "copy-1"], plain.Select(h => h.Story.StoryId));
        Assert.Equal(["copy-4", "copy-3", "copy-2", "copy-1"], filtered.Select(h => h.Story.StoryId));
    }

    [StoreFact]
    public void A_title_match_outranks_a_body_match()
    {
        Store.IndexStory(Story("body", "b1", "Markets open higher", "Shares rose. Drone strikes were reported elsewhere in the region."), IndexedAt);
        Store.IndexStory(Story("title", "t1", "Drone strike hits convoy", "A convoy was hit on the road north of the city."), IndexedAt);

        var page = Store.SearchStories(Words("drone"), null, 0, 10);

        Assert.Equal(["title", "body"], page.Hits.Select(h => h.Story.StoryId));
    }

    [StoreFact]
    public void Snippets_mark_the_matched_terms()
    {
        Store.IndexStory(Story("s1", "a1", "Drone strike hits convoy", "A drone hit a convoy on the road north of the city."), IndexedAt);

        var hit = Assert.Single(Store.SearchStories(Words("drone"), null, 0, 10).Hits);

        Assert.Contains("[Drone] strike hits convoy", hit.Snippets);
        Assert.Contains(hit.Snippets, s => s.Contains("A [drone] hit", StringComparison.Ordinal));
    }

    [StoreTheory]
    [InlineData("\"unbalanced quote")]
    [InlineData("drone AND (convoy OR")]
    [InlineData("title:drone NEAR(x y) * ^")]
    public void Query_syntax_in_user_input_is_matched_as_plain_words(string query)
    {
        Store.IndexStory(Story("s1", "a1", "Drone strike hits convoy", "unbalanced quote title near and or x y"), IndexedAt);

        var page = Store.SearchStories(Words(query), null, 0, 10);

        Assert.True(page.TotalSize <= 1);
    }

    [StoreFact]
    public void Every_word_must_match()
    {
        Store.IndexStory(Story("both", "a1", "Drone hits convoy", "text"), IndexedAt);
        Store.IndexStory(Story("one", "a2", "Drone show", "text"), IndexedAt);

        Assert.Equal(["both"], Store.SearchStories(Words("drone convoy"), null, 0, 10).Hits.Select(h => h.Story.StoryId));
    }

    [StoreFact]
    public void Filters_narrow_by_entity_alias_action_source_and_publication_time()
    {
        Store.IndexStory(Story("kh", "a1", "Militia news", "news", "Reuters", Start,
            Lead("Kataib Hezbollah", "kh", EventAction.Suspend, "suspended"), Mention("Kataeb Hezbollah", "kh", "Kataib Hezbollah")), IndexedAt);
        Store.IndexStory(Story("other", "a2", "Other news", "news", "AP", Start.AddDays(2),
            Lead("Someone", null, EventAction.Attack, "attacked"), Mention("Baghdad", "baghdad", "Baghdad", EntityType.Location)), IndexedAt);

        string[] Search(StoryFilter filter) => Store.SearchStories(Words("news"), filter, 0, 10).Hits.Select(h => h.Story.StoryId).ToArray();

        Assert.Equal(["kh"], Search(new StoryFilter { Entity = "kataeb hezbollah" }));
        Assert.Equal(["kh"], Search(new StoryFilter { Entity = "Kataib Hezbollah" }));
        Assert.Equal(["kh"], Search(new StoryFilter { Entity = "KH" }));
        Assert.Empty(Search(new StoryFilter { Entity = "nobody" }));
        Assert.Equal(["other"], Search(new StoryFilter { Action = EventAction.Attack }));
        Assert.Equal(["other"], Search(new StoryFilter { Source = "ap" }));
        Assert.Equal(["kh"], Search(new StoryFilter { PublishedBefore = Timestamp.FromDateTimeOffset(Start.AddDays(1)) }));
        Assert.Equal(["other"], Search(new StoryFilter { PublishedAfter = Timestamp.FromDateTimeOffset(Start.AddDays(2)) }));
        Assert.Empty(Search(new StoryFilter { PublishedAfter = Timestamp.FromDateTimeOffset(Start.AddDays(2).AddMilliseconds(1)) }));
        Assert.Equal(["kh"], Store.ListStories(new StoryFilter { Entity = "kh" }, 0, 10).Stories.Select(s => s.StoryId));
        Assert.True(Store.StoryMatches("other", new StoryFilter { Source = "AP" }));
        Assert.False(Store.StoryMatches("kh", new StoryFilter { Source = "AP" }));
    }

    [StoreFact]
    public void Search_pages_cover_every_hit_once_in_order()
    {
        for (var i = 0; i < 7; i++)
        {
            Store.IndexStory(Story($"s{i}", $"a{i}", $"Convoy report {i}", string.Join(' ', Enumerable.Repeat("convoy", i + 1)) + " filler text"), IndexedAt);
        }

        var all = Store.SearchStories(Words("convoy"), null, 0, 100).Hits.Select(h => h.Story.StoryId).ToList();
        var paged = new List<string>();
        for (var offset = 0; offset < 7; offset += 3)
        {
            var page = Store.SearchStories(Words("convoy"), null, offset, 3);
            Assert.Equal(7, page.TotalSize);
            paged.AddRange(page.Hits.Select(h => h.Story.StoryId));
        }

        Assert.Equal(7, all.Count);
        Assert.Equal(all, paged);
    }

    [StoreFact]
    public void Listing_pages_go_from_most_recently_updated_without_gaps()
    {
        for (var i = 0; i < 5; i++)
        {
            Store.IndexStory(Update($"s{i}", 1, Extracted(Article($"a{i}", $"Story {i}", "text")), Start.AddMinutes(i)), IndexedAt);
        }

        var first = Store.ListStories(null, 0, 2);
        var second = Store.ListStories(null, 2, 2);
        var last = Store.ListStories(null, 4, 2);

        Assert.Equal(["s4", "s3", "s2", "s1", "s0"], first.Stories.Concat(second.Stories).Concat(last.Stories).Select(s => s.StoryId));
        Assert.True(first.HasMore);
        Assert.False(last.HasMore);
    }

    [StoreFact]
    public async Task An_entity_keeps_the_name_and_type_most_mentions_carry_whatever_order_its_articles_come_in()
    {
        StoryUpdated[] articles =
        [
            Story("s1", "a1", "One", "text", entities: [Mention("Veyra Brigades", "vrf", "Veyra Brigades"), Mention("VRF", "vrf", "Veyra Brigades", EntityType.Location)]),
            Story("s2", "a2", "Two", "text", entities: [Mention("Veyra River Front", "vrf", "Veyra River Front"), Mention("the Front", "vrf", "Veyra River Front")]),
            Story("s3", "a3", "Three", "text", entities: [Mention("Veyra River Front", "vrf", "Veyra River Front")]),
        ];
        foreach (var order in new[] { new[] { 0, 1, 2 }, [2, 1, 0], [1, 0, 2] })
        {
            var store = await OpenStoreAsync();
            var names = new List<string>();
            foreach (var i in order)
            {
                store.IndexStory(articles[i], IndexedAt);
                names.Add(store.GetEntity("vrf")!.CanonicalName);
            }

            var entity = store.GetEntity("Veyra Brigades")!;
            Assert.Equal(("Veyra River Front", EntityType.Organization), (entity.CanonicalName, entity.Type));
            Assert.True(names.Distinct().Count() <= 2, $"the name flipped with each article: {string.Join(" -> ", names)}");
        }
    }

    [StoreFact]
    public void A_reindexed_article_replaces_its_own_say_in_the_entity_name()
    {
        Store.IndexStory(Story("s1", "a1", "One", "text", entities: [Mention("Veyra Brigades", "vrf", "Veyra Brigades"), Mention("Veyra Brigades", "vrf", "Veyra Brigades")]), IndexedAt);
        Store.IndexStory(Story("s2", "a2", "Two", "text", entities: [Mention("Veyra River Front", "vrf", "Veyra River Front")]), IndexedAt);
        Assert.Equal("Veyra Brigades", Store.GetEntity("vrf")!.CanonicalName);

        Store.IndexStory(Update("s1", 2, Extracted(Article("a1", "One", "text"), null, Mention("Veyra River Front", "vrf", "Veyra River Front"))), IndexedAt);

        Assert.Equal("Veyra River Front", Store.GetEntity("vrf")!.CanonicalName);
    }

    [StoreFact]
    public void Names_match_ignoring_the_case_of_ASCII_letters_alike_on_every_database()
    {
        Store.IndexStory(Story("s1", "a1", "One", "text", entities: [Mention("Élan Vital Group", "elan", "Élan Vital Group")]), IndexedAt);
        Store.IndexStory(Story("s2", "a2", "Two", "text", source: "Agência Brasil"), IndexedAt);

        Assert.Equal("elan", Store.GetEntity("Élan Vital Group")?.EntityId);
        Assert.Equal("elan", Store.GetEntity("ÉLAN VITAL GROUP")?.EntityId);
        Assert.Equal(["s1"], Store.ListStories(new StoryFilter { Entity = "ÉLAN vital GROUP" }, 0, 10).Stories.Select(s => s.StoryId));
        // Other letters are compared as they are, as SQLite's NOCASE does.
        Assert.Null(Store.GetEntity("élan vital group"));
        Assert.Equal(["s2"], Store.ListStories(new StoryFilter { Source = "AGêNCIA BRASIL" }, 0, 10).Stories.Select(s => s.StoryId));
    }

    [StoreFact]
    public void An_entity_is_found_by_any_alias_with_counts_and_first_and_last_sightings()
    {
        Store.IndexStory(Story("s1", "a1", "One", "text", published: Start, entities:
            [Mention("Kataib Hezbollah", "kh", "Kataib Hezbollah"), Mention("KH", "kh", "Kataib Hezbollah"), Mention("KH", "kh", "Kataib Hezbollah")]), IndexedAt);
        Store.IndexStory(Story("s2", "a2", "Two", "text", published: Start.AddDays(3), entities: [Mention("Kataeb Hezbollah", "kh", "Kataib Hezbollah")]), IndexedAt);

        var entity = Store.GetEntity("kataeb HEZBOLLAH")!;

        Assert.Equal("kh", entity.EntityId);
        Assert.Equal("Kataib Hezbollah", entity.CanonicalName);
        Assert.Equal(EntityType.Organization, entity.Type);
        Assert.Equal(4, entity.MentionCount);
        Assert.Equal(2, entity.StoryCount);
        Assert.Equal(("KH", 2), (entity.Aliases[0].Text, entity.Aliases[0].MentionCount));
        Assert.Equal(3, entity.Aliases.Count);
        Assert.Equal(Start, entity.FirstSeen.ToDateTimeOffset());
        Assert.Equal(Start.AddDays(3), entity.LastSeen.ToDateTimeOffset());
        Assert.Null(Store.GetEntity("nobody"));
    }

    [StoreFact]
    public void A_timeline_lists_one_event_per_story_and_role_oldest_first()
    {
        var kh = Mention("KH", "kh", "Kataib Hezbollah");
        Store.IndexStory(Story("late", "a1", "Attack", "text", published: Start.AddDays(5),
            lead: Lead("KH", "kh", EventAction.Attack, "attacked", "US base", "us"), entities: kh), IndexedAt);
        Store.IndexStory(Story("early", "a2", "Suspension", "text", published: Start,
            lead: Lead("KH", "kh", EventAction.Suspend, "suspended", date: DateOnly.FromDateTime(Start.AddDays(-1).UtcDateTime)), entities: kh), IndexedAt);
        Store.IndexStory(Update("early", 2, Extracted(Article("a3", "Suspension copy", "text", "AP"), Lead("KH", "kh", EventAction.Suspend, "suspended"), kh)), IndexedAt);
        Store.IndexStory(Story("target", "a4", "Strike on KH", "text", published: Start.AddDays(2),
            lead: Lead("US", "us", EventAction.Attack, "struck", "Kataib Hezbollah", "kh"), entities: kh), IndexedAt);

        var timeline = Store.GetEntityTimeline("Kataib Hezbollah", null, null, 0, 10)!;

        Assert.Equal("kh", timeline.Entity.EntityId);
        Assert.Equal(["early", "target", "late"], timeline.Events.Select(e => e.StoryId));
        Assert.Equal(Start.AddDays(-1).Date, timeline.Events[0].Occurred.ToDateTime().Date);
        Assert.Equal(TimelineEvent.Types.Role.Target, timeline.Events[1].Role);
        Assert.Equal(EventAction.Suspend, timeline.Events[0].Event.Action);
        Assert.Equal("Suspension", timeline.Events[0].StoryTitle);

        var window = Store.GetEntityTimeline("kh", Start, Start.AddDays(5), 0, 10)!;
        Assert.Equal(["target"], window.Events.Select(e => e.StoryId));
        var paged = Store.GetEntityTimeline("kh", null, null, 1, 1)!;
        Assert.Equal(["target"], paged.Events.Select(e => e.StoryId));
        Assert.True(paged.HasMore);
        Assert.Null(Store.GetEntityTimeline("nobody", null, null, 0, 10));
    }

    [StoreFact]
    public void A_timeline_dates_an_undated_event_by_its_story_and_lists_an_undatable_one_last_never_at_processing_time()
    {
        var kh = Mention("KH", "kh", "Kataib Hezbollah");
        // "joined": the first member has no date, a later member gives the event's date; "undatable" has none.
        Store.IndexStory(Update("joined", 1, Extracted(Undated("j1", "Suspension"), Lead("KH", "kh", EventAction.Suspend, "suspended"), kh)), IndexedAt);
        Store.IndexStory(Update("joined", 2, Extracted(Undated("j2", "Suspension, dated"),
            Lead("US", "us", EventAction.Condemn, "condemned", date: DateOnly.FromDateTime(Start.AddDays(4).UtcDateTime)), kh)), IndexedAt);
        Store.IndexStory(Update("undatable", 1, Extracted(Undated("u1", "Threat"), Lead("KH", "kh", EventAction.Threaten, "threatened"), kh)), IndexedAt);
        Store.IndexStory(Story("dated", "d1", "Attack", "text", published: Start,
            lead: Lead("KH", "kh", EventAction.Attack, "attacked"), entities: kh), IndexedAt);

        var timeline = Store.GetEntityTimeline("kh", null, null, 0, 10)!;

        Assert.Equal(["dated", "joined", "undatable"], timeline.Events.Select(e => e.StoryId));
        Assert.Equal(Start.AddDays(4).Date, timeline.Events[1].Occurred.ToDateTime().Date);
        Assert.Null(timeline.Events[2].Occurred);
        var window = Store.GetEntityTimeline("kh", Start.AddDays(-1), IndexedAt.AddYears(5), 0, 10)!;
        Assert.Equal(["dated", "joined"], window.Events.Select(e => e.StoryId));
    }

    private static ArticleIngested Undated(string id, string title) => Article(id, title, "text") with { Published = null };
}
