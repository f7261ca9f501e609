namespace Newsroom.Ingest;

/// <summary>
/// Cleans a plain-text page dump: one paragraph per line with the page's header, captions and
/// comment forms mixed in. The headline is the last headline-like line before the first body
/// paragraph; what comes before it is the site's header (name, slogan, menu words).
/// </summary>
internal static class PageDumpExtractor
{
    /// <param name="url">The article's address, whose date stands in when no date line does, as a page's URL does for HTML.</param>
    public static ExtractedPage Extract(string text, string? url, DateTimeOffset now)
    {
        var lines = JoinWrappedLines(text);
        var kept = new List<string>();
        var dates = new List<(int Position, DateTimeOffset Date)>();
        foreach (var line in lines)
        {
            if (PublicationDates.TryParseDateLine(line, out var date))
            {
                // An implausible date line is dropped like any date line, but never taken as the publication date.
                if (PublicationDates.IsPlausible(date, now))
                {
                    dates.Add((kept.Count, date));
                }
            }
            else if (!PublicationDates.IsTimeStampLine(line) && !BoilerplateRules.IsBoilerplate(line))
            {
                kept.Add(line);
            }
        }

        var headline = FindHeadline(kept, dates);
        string? title = null;
        DateTimeOffset? published = dates.Count > 0 ? dates[0].Date : null;
        if (headline >= 0)
        {
            title = kept[headline];
            // A date right under the headline is the article's; one above it is the site header's (often today's date).
            var own = dates.FirstOrDefault(d => d.Position > headline);
            if (own != default)
            {
                published = own.Date;
            }
            kept.RemoveRange(0, headline + 1);
        }

        if (published is null && PublicationDates.FromUrl(url) is { } fromUrl && PublicationDates.IsPlausible(fromUrl, now))
        {
            published = fromUrl;
        }

        var (paragraphs, dateline) = ParagraphCleanup.Clean(kept);
        return new ExtractedPage(paragraphs, title, published, Source: null, dateline);
    }

    // Prefer the headline-like line just above a date line (the article's byline area); otherwise the last one above the body.
    private static int FindHeadline(List<string> lines, List<(int Position, DateTimeOffset Date)> dates)
    {
        var firstBody = lines.FindIndex(TextLines.IsBodyParagraph);
        var end = firstBody < 0 ? Math.Min(lines.Count, 3) : firstBody;
        // A headline has something under it; a lone short line is the text itself.
        var candidates = Enumerable.Range(0, end).Where(i => i < lines.Count - 1 && TextLines.IsHeadlineLike(lines[i])).ToList();
        if (candidates.Count == 0)
        {
            return -1;
        }
        foreach (var (position, _) in dates)
        {
            var above = candidates.LastOrDefault(i => i < position, -1);
            if (above >= 0)
            {
                return above;
            }
        }
        return candidates[^1];
    }

    // One paragraph per line, except hard-wrapped text, whose continuation lines start in lower case.
    private static List<string> JoinWrappedLines(string text)
    {
        var lines = new List<string>();
        var previousBlank = true;
        foreach (var raw in text.Split('\n'))
        {
            var line = TextLines.CollapseWhitespace(raw);
            if (line.Length == 0)
            {
                previousBlank = true;
                continue;
            }
            if (!previousBlank && lines.Count > 0 && lines[^1].Length >= 40 && !TextLines.EndsLikeSentence(lines[^1]) && char.IsLower(line[0]))
            {
                lines[^1] = lines[^1] + " " + line;
            }
            else
            {
                lines.Add(line);
            }
            previousBlank = false;
        }
        return lines;
    }
}
