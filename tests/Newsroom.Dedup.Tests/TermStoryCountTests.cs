using Newsroom.Contracts.Events;
using Newsroom.Contracts.V1;
using Newsroom.ServiceDefaults;

namespace Newsroom.Dedup.Tests;

/// <summary>
/// A term's document frequency counts the stories whose profile holds it, not the articles: a story of many
/// reports, or a wire copy that many outlets run, must not discount its own words.
/// </summary>
public sealed class TermStoryCountTests
{
    private static readonly StoryClustererOptions Options = new();

    [Fact]
    public void A_term_counts_the_stories_that_hold_it_not_their_articles()
    {
        using var store = new StoryStore(SqliteDatabase.InMemory());
        var placed = Place(new StoryClusterer(store));

        var expected = ExpectedCounts(placed);
        Assert.All(expected, term => Assert.Equal(term.Value, store.TermStoryCount(term.Key)));
        // Some term is in several articles of one story, so an article count would differ.
        Assert.Contains(expected, term => placed.Count(p => p.Terms.Contains(term.Key)) > term.Value);
        Assert.Contains(expected, term => term.Value == 2);
    }

    [Fact]
    public void A_store_that_counted_articles_is_migrated_to_story_counts()
    {
        using var storeFile = new StoreFile("dedup-v1");
        var path = storeFile.Path;
        List<(string StoryId, HashSet<string> Terms)> placed;
        using (var store = new StoryStore(SqliteDatabase.File(path)))
        {
            placed = Place(new StoryClusterer(store));
        }

        storeFile.Execute(SchemaOne);

        using var reopened = new StoryStore(SqliteDatabase.File(path));
        var clusterer = new StoryClusterer(reopened);
        var later = clusterer.Assign(KataibStories.ResumptionInApril(), SyntheticArticles.Ingested);
        placed.Add((later.StoryId, ArticleProfile.Create(KataibStories.ResumptionInApril(), Options).Terms.Keys.ToHashSet(StringComparer.Ordinal)));

        Assert.All(ExpectedCounts(placed), term => Assert.Equal(term.Value, reopened.TermStoryCount(term.Key)));
        Assert.Equal([0L], storeFile.Column("SELECT COUNT(*) FROM sqlite_master WHERE name = 'dedup_term_stats'"));
    }

    [Fact]
    public void A_wire_report_that_forty_outlets_run_resembles_another_outlets_rewrite_as_much_as_one_that_one_outlet_runs()
    {
        var once = RewriteAfterCopies(1);
        var forty = RewriteAfterCopies(40);

        // Counted in articles, forty copies made the wire's words common, and the rewrite's text score fell from 0.36 to 0.14.
        Assert.Equal(JoinReason.Types.Kind.SameEvent, forty.JoinKind);
        Assert.InRange(TextScore(forty), 0.8 * TextScore(once), 1.0);
    }

    /// <summary>Twelve unrelated stories, the wire report and <paramref name="copies"/> outlets' copies of it, then another outlet's rewrite.</summary>
    private static StoryUpdated RewriteAfterCopies(int copies)
    {
        using var store = new StoryStore(SqliteDatabase.InMemory());
        var clusterer = new StoryClusterer(store);
        foreach (var number in Enumerable.Range(0, 12))
        {
            clusterer.Assign(Unrelated(number), SyntheticArticles.Ingested);
        }
        var original = clusterer.Assign(KataibStories.WireOriginal(), SyntheticArticles.Ingested);
        foreach (var outlet in Enumerable.Range(0, copies))
        {
            var copy = KataibStories.WireCopy();
            var id = $"art_wire_outlet_{outlet}";
            var placed = clusterer.Assign(copy with { Article = copy.Article with { ArticleId = id, ContentHash = id } }, SyntheticArticles.Ingested);
            Assert.Equal((original.StoryId, JoinReason.Types.Kind.NearDuplicate), (placed.StoryId, placed.JoinKind));
        }
        var rewrite = clusterer.Assign(KataibStories.Rewrite(), SyntheticArticles.Ingested);
        Assert.Equal(original.StoryId, rewrite.StoryId);
        return rewrite;
    }

    private static double TextScore(StoryUpdated update) => update.Features.Single(f => f.Name == SameEventScorer.TextFeature).Score;

    /// <summary>A report of some other event, in words no other report uses.</summary>
    private static ArticleExtracted Unrelated(int number)
    {
        var words = string.Join(' ', Enumerable.Range(0, 40).Select(i => $"topic{number}word{i % 15}"));
        return SyntheticArticles.Create($"art_other_{number}", $"topic{number}word0 topic{number}word1", words, null, SyntheticArticles.Ingested, ($"topic{number}word2", $"ent_other_{number}"));
    }

    /// <summary>An original, its wire copy and a rewrite (one story), and an unrelated report; each with its terms.</summary>
    private static List<(string StoryId, HashSet<string> Terms)> Place(StoryClusterer clusterer)
    {
        ArticleExtracted[] articles = [KataibStories.WireOriginal(), KataibStories.WireCopy(), KataibStories.Rewrite(), KataibStories.Unrelated()];
        var placed = articles
            .Select(article => (clusterer.Assign(article, SyntheticArticles.Ingested).StoryId, ArticleProfile.Create(article, Options).Terms.Keys.ToHashSet(StringComparer.Ordinal)))
            .ToList();
        Assert.Equal(2, placed.Select(p => p.StoryId).Distinct().Count());
        return placed;
    }

    private static Dictionary<string, int> ExpectedCounts(List<(string StoryId, HashSet<string> Terms)> placed) =>
        placed.SelectMany(p => p.Terms).Distinct(StringComparer.Ordinal).ToDictionary(
            term => term,
            term => placed.Where(p => p.Terms.Contains(term)).Select(p => p.StoryId).Distinct(StringComparer.Ordinal).Count(),
            StringComparer.Ordinal);

    /// <summary>Rewrites the term counts as a store of schema version 1 kept them: articles per term, in another table.</summary>
    private const string SchemaOne =
        """
        DROP TABLE dedup_term_stories;
        CREATE TABLE dedup_term_stats (term TEXT PRIMARY KEY, articles INTEGER NOT NULL) WITHOUT ROWID;
        INSERT INTO dedup_term_stats (term, articles) SELECT DISTINCT term, 7 FROM dedup_story_terms;
        DROP INDEX ix_dedup_articles_merged_by;
        ALTER TABLE dedup_articles DROP COLUMN merged_by;
        ALTER TABLE dedup_articles DROP COLUMN lead_weekday;
        ALTER TABLE dedup_story_entities DROP COLUMN type;
        PRAGMA user_version = 1;
        """;
}
