using Xunit;

namespace Newsroom.Ingest.Tests;

/// <summary>Articles whose text the page splits over several blocks, and the teasers and footers around them.</summary>
public sealed class SplitArticleTests
{
    private static readonly ArticleCleaner Cleaner = new();

    [Fact]
    public void Every_block_of_a_split_article_is_kept_in_page_order()
    {
        const string html = """
            <html><body>
            <div class="wrapper"><div class="intro"><div class="post-text">
              <p>The harbour authority said on Monday that the new quay would open in the autumn, two years later than planned, after a long dispute.</p>
              <p>Shipping lines had asked for the delay to be explained, and the authority said the contractor had run short of steel, concrete and workers.</p>
            </div></div></div>
            <div class="ad-slot"><a href="/ad">Buy a boat</a></div>
            <section class="part"><div class="post-text">
              <p>Further down the coast, fishermen said the delay had cost them a season, because boats could not unload at the old quay at low tide.</p>
              <p>The mayor, who had promised the quay before the last election, said she would ask the government for money to compensate them, in full.</p>
              <p>A spokesman for the contractor declined to comment, but said the company would publish a new timetable, with dates, before the end of the month.</p>
            </div></section>
            <div class="teaser-list"><p><a href="/a">Ferry fares rise for the third time this year, operators say</a></p></div>
            </body></html>
            """;

        var paragraphs = Cleaner.Clean(new RawArticle { ClientRef = "p", Html = html }, "art_1", DateTimeOffset.UnixEpoch).Text.Split("\n\n");

        Assert.Equal(5, paragraphs.Length);
        Assert.StartsWith("The harbour authority", paragraphs[0], StringComparison.Ordinal);
        Assert.StartsWith("Further down the coast", paragraphs[2], StringComparison.Ordinal);
        Assert.StartsWith("A spokesman", paragraphs[4], StringComparison.Ordinal);
    }

    [Fact]
    public void Teaser_lists_and_trailing_link_labels_go()
    {
        const string html = """
            <html><body><div class="article">
              <div class="story-text">
                <p>The harbour authority said on Monday that the new quay would open in the autumn, two years later than planned, after a long dispute.</p>
                <p>Shipping lines had asked for the delay to be explained, and the authority said the contractor had run short of steel, concrete and workers.</p>
                <p>Fishermen said the delay had cost them a season, because boats could not unload at the old quay at low tide, and asked for help.</p>
              </div>
              <div class="videoPromoList"><h3>Top Video</h3><h2>Ferry fares rise again</h2><h2>Storm closes the bridge</h2></div>
              <p>Advert</p>
              <p>Updated: 18 Nov 2024 9:38 pm</p>
              <h3>Join the conversation...</h3>
            </div></body></html>
            """;

        var text = Cleaner.Clean(new RawArticle { ClientRef = "p", Html = html }, "art_1", DateTimeOffset.UnixEpoch).Text;

        Assert.Equal(3, text.Split("\n\n").Length);
        Assert.DoesNotContain("Ferry fares", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Advert", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Join the conversation", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Updated", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_embedded_post_stays_and_the_writers_contact_line_goes()
    {
        const string html = """
            <html><body><article><div class="entry-content">
              <p>The harbour authority said on Monday that the new quay would open in the autumn, two years later than planned, after a long dispute.</p>
              <div class="social-media-embed"><blockquote class="twitter-tweet"><p>Two more years of unloading at low tide. Wonderful news for the fleet.</p></blockquote></div>
              <p>Shipping lines had asked for the delay to be explained, and the authority said the contractor had run short of steel, concrete and workers.</p>
              <p>Have a tip? The writer may be reached at desk@news.example. Follow her on Twitter.</p>
            </div></article></body></html>
            """;

        var text = Cleaner.Clean(new RawArticle { ClientRef = "p", Html = html }, "art_1", DateTimeOffset.UnixEpoch).Text;

        Assert.Contains("Two more years of unloading at low tide", text, StringComparison.Ordinal);
        Assert.DoesNotContain("may be reached at", text, StringComparison.Ordinal);
    }
}
