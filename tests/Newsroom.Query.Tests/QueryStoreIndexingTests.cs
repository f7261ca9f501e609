using Newsroom.Contracts.V1;
using Newsroom.Testing.Database;
using Xunit;
using static Newsroom.Query.Tests.StoryEvents;

namespace Newsroom.Query.Tests;

public abstract class QueryStoreIndexingTests(QueryStores stores) : QueryStoreTests(stores)
{
    protected const string FirstTrace = "0af7651916cd43dd8448eb211c80319c";

    protected static readonly DateTimeOffset IndexedAt = Start.AddHours(1);

    [StoreFact]
    public void First_event_creates_the_story_from_its_article()
    {
        var opening = Extracted(
            Article("a1", "Kataib Hezbollah suspends operations", "BAGHDAD - The group suspended attacks.\nMore text follows.", "Reuters"),
            Lead("Kataib Hezbollah", "kh", EventAction.Suspend, "suspended", "US forces", "us-forces"),
            Mention("Kataib Hezbollah", "kh", "Kataib Hezbollah"), Mention("KH", "kh", "Kataib Hezbollah"));

        var result = Store.IndexStory(Update("s1", 1, opening), IndexedAt);

        Assert.Equal(StoryIndexOutcome.Created, result);
        var story = Store.GetStory("s1")!;
        Assert.Equal("Kataib Hezbollah suspends operations", story.Summary.Title);
        Assert.Equal(1, story.Summary.Version);
        Assert.Equal(["Reuters"], story.Summary.Sources);
        Assert.Equal(EventAction.Suspend, story.Summary.LeadEvent.Action);
        Assert.Equal("kh", story.Summary.LeadEvent.Actor.Entity.EntityId);
        Assert.Equal("kh", Assert.Single(story.Summary.Entities).EntityId);
        var article = Assert.Single(story.Articles);
        Assert.Equal("BAGHDAD - The group suspended attacks.", article.Lead);
        Assert.Equal(JoinReason.Types.Kind.FirstArticle, article.JoinReason.Kind);
        Assert.Equal("suspended", article.LeadEvent.ActionText);
    }

    [StoreFact]
    public void Joining_articles_keep_the_first_title_list_articles_oldest_first_and_explain_the_join()
    {
        Store.IndexStory(Update("s1", 1, Extracted(Article("a1", "First report", "one", "Reuters", Start))), IndexedAt);
        var second = Update("s1", 2, Extracted(Article("a2", "Second report", "two", "AP", Start.AddHours(-1))), matched: "a1");

        var result = Store.IndexStory(second, IndexedAt);

        Assert.Equal(StoryIndexOutcome.Updated, result);
        var story = Store.GetStory("s1")!;
        Assert.Equal("First report", story.Summary.Title);
        Assert.Equal(2, story.Summary.ArticleCount);
        Assert.Equal(["AP", "Reuters"], story.Summary.Sources);
        Assert.Equal(["a2", "a1"], story.Articles.Select(a => a.ArticleId));
        Assert.Equal(Start.AddHours(-1), story.Summary.FirstPublished.ToDateTimeOffset());
        var join = story.Articles[0].JoinReason;
        Assert.Equal(JoinReason.Types.Kind.SameEvent, join.Kind);
        Assert.Equal("a1", join.MatchedArticleId);
        Assert.Equal("canonical_entities", Assert.Single(join.Features).Name);
    }

    [StoreFact]
    public void A_redelivered_event_changes_nothing()
    {
        var update = Update("s1", 1, Extracted(Article("a1", "Title", "text")));
        Store.IndexStory(update, IndexedAt);
        var before = Store.GetStory("s1");

        var again = Store.IndexStory(update, IndexedAt.AddHours(1));

        Assert.Equal(StoryIndexOutcome.Unchanged, again);
        Assert.Equal(before, Store.GetStory("s1"));
        Assert.Equal(IndexedAt, Store.GetArticleStatus("a1")!.IndexedAt.ToDateTimeOffset());
    }

    [StoreFact]
    public void An_older_version_arriving_late_adds_its_article_but_not_its_version()
    {
        Store.IndexStory(Update("s1", 2, Extracted(Article("a2", "Second", "two")), Start.AddMinutes(20)), IndexedAt);

        var late = Store.IndexStory(Update("s1", 1, Extracted(Article("a1", "First", "one")), Start.AddMinutes(10)), IndexedAt);

        Assert.Equal(StoryIndexOutcome.Updated, late);
        var summary = Store.GetStorySummary("s1")!;
        Assert.Equal(2, summary.Version);
        Assert.Equal(Start.AddMinutes(20), summary.LastUpdated.ToDateTimeOffset());
        Assert.Equal(2, summary.ArticleCount);
        Assert.Equal("First", summary.Title);
    }

    [StoreFact]
    public void An_article_moved_by_a_later_event_leaves_its_old_story()
    {
        Store.IndexStory(Update("old", 1, Extracted(Article("a1", "Old opener", "one"))), IndexedAt);
        var moving = Extracted(Article("a2", "Mover", "two"));
        Store.IndexStory(Update("old", 2, moving, Start.AddMinutes(20)), IndexedAt);

        var moved = Store.IndexStory(Update("new", 1, moving, Start.AddMinutes(30)), IndexedAt);

        Assert.Equal(StoryIndexOutcome.Created, moved);
        Assert.Equal(["a1"], Store.GetStory("old")!.Articles.Select(a => a.ArticleId));
        Assert.Equal(["a2"], Store.GetStory("new")!.Articles.Select(a => a.ArticleId));
        Assert.Equal("new", Store.GetArticleStatus("a2")!.StoryId);
        Assert.Equal(1, Store.SearchStories(["mover"], null, 0, 10).TotalSize);
    }

    [StoreFact]
    public void A_stale_placement_after_a_move_is_superseded()
    {
        var article = Extracted(Article("a1", "Mover", "text"));
        Store.IndexStory(Update("new", 1, article, Start.AddMinutes(30)), IndexedAt);

        var stale = Store.IndexStory(Update("old", 1, article, Start.AddMinutes(10)), IndexedAt);

        Assert.Equal(StoryIndexOutcome.Superseded, stale);
        Assert.Null(Store.GetStory("old"));
        Assert.Equal("new", Store.GetArticleStatus("a1")!.StoryId);
    }

    [StoreFact]
    public void A_story_whose_last_article_moves_away_is_removed_and_its_id_finds_the_story_it_went_into()
    {
        var article = Extracted(Article("a1", "Lonely", "text"));
        Store.IndexStory(Update("old", 1, article, Start.AddMinutes(10)), IndexedAt);
        Store.IndexStory(Update("new", 1, Extracted(Article("a2", "Host", "text")), Start.AddMinutes(20)), IndexedAt);

        Store.IndexStory(Update("new", 3, article, Start.AddMinutes(30)), IndexedAt);

        Assert.Equal(["new"], Store.ListStories(null, 0, 10).Stories.Select(s => s.StoryId));
        Assert.Null(Store.GetStorySummary("old"));
        var merged = Store.GetStory("old")!;
        Assert.Equal("new", merged.Summary.StoryId);
        Assert.Equal(["a1", "a2"], merged.Articles.Select(a => a.ArticleId).Order());
        Assert.Equal(["old"], merged.MergedStoryIds);
        Assert.Equal(merged, Store.GetStory("new"));
    }

    [StoreFact]
    public void A_story_merged_twice_is_found_by_every_id_it_had_and_a_new_story_of_an_old_id_is_its_own()
    {
        var first = Extracted(Article("a1", "First", "text"));
        var second = Extracted(Article("a2", "Second", "text"));
        Store.IndexStory(Update("s1", 1, first, Start.AddMinutes(10)), IndexedAt);
        Store.IndexStory(Update("s2", 1, second, Start.AddMinutes(20)), IndexedAt);
        Store.IndexStory(Update("s2", 2, first, Start.AddMinutes(30)), IndexedAt);
        Store.IndexStory(Update("s3", 1, Extracted(Article("a3", "Third", "text")), Start.AddMinutes(40)), IndexedAt);

        Store.IndexStory(Update("s3", 2, first, Start.AddMinutes(50)), IndexedAt);
        Store.IndexStory(Update("s3", 3, second, Start.AddMinutes(50)), IndexedAt);

        Assert.Equal("s3", Store.GetStory("s1")!.Summary.StoryId);
        Assert.Equal("s3", Store.GetStory("s2")!.Summary.StoryId);
        Assert.Equal(["s1", "s2"], Store.GetStory("s3")!.MergedStoryIds);

        Store.IndexStory(Update("s1", 1, Extracted(Article("a4", "Reopened", "text")), Start.AddMinutes(60)), IndexedAt);

        var reopened = Store.GetStory("s1")!;
        Assert.Equal(["a4"], reopened.Articles.Select(a => a.ArticleId));
        Assert.Empty(reopened.MergedStoryIds);
        Assert.Equal(["s2"], Store.GetStory("s3")!.MergedStoryIds);
    }

    [StoreFact]
    public async Task Status_stages_only_move_forward()
    {
        var extracted = Extracted(Article("a1", "Title", "text"));
        await Store.RecordExtractedAsync(extracted);
        Assert.Equal(PipelineStage.Extracted, Store.GetArticleStatus("a1")!.Stage);

        await Store.RecordIngestedAsync(extracted.Article, FirstTrace);
        var status = Store.GetArticleStatus("a1")!;
        Assert.Equal(PipelineStage.Extracted, status.Stage);
        Assert.Equal(extracted.Article.IngestedAt, status.IngestedAt.ToDateTimeOffset());

        var update = Update("s1", 1, extracted);
        Store.IndexStory(update, IndexedAt);
        await Store.RecordIngestedAsync(extracted.Article, "4bf92f3577b34da6a3ce929d0e0e4736");
        await Store.RecordExtractedAsync(extracted);

        status = Store.GetArticleStatus("a1")!;
        Assert.Equal(PipelineStage.Indexed, status.Stage);
        Assert.Equal("s1", status.StoryId);
        Assert.Equal(extracted.ExtractedAt, status.ExtractedAt.ToDateTimeOffset());
        Assert.Equal(update.UpdatedAt, status.ClusteredAt.ToDateTimeOffset());
        Assert.Equal(IndexedAt, status.IndexedAt.ToDateTimeOffset());
        Assert.Equal("https://news.example/a1", status.Url);
        Assert.Equal(FirstTrace, status.TraceId);
    }

    [StoreFact]
    public void An_unknown_article_has_no_status()
    {
        Assert.Null(Store.GetArticleStatus("nope"));
    }
}
