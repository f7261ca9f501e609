namespace Newsroom.Ingest;

/// <summary>The cleanup that HTML and page dumps share once the body's paragraphs are known.</summary>
internal static class ParagraphCleanup
{
    // Wire copy opens with its dateline within the first few paragraphs, if it has one at all.
    private const int DatelineWindow = 4;

    /// <summary>
    /// Drops boilerplate; finds the dateline, dropping the header material (teasers, pull quotes)
    /// that a page shows above it; keeps one copy of a repeated paragraph (pull quotes repeat
    /// the body); and trims the page's tail after the last sentence (credits, teaser links, tags).
    /// </summary>
    public static (List<string> Paragraphs, string? Dateline) Clean(IEnumerable<string> paragraphs)
    {
        // A line that is only a date ("Updated: 18 Nov 2019 9:38 pm") is the page's metadata, not the story.
        var kept = paragraphs.Where(p => p.Length > 0 && !BoilerplateRules.IsBoilerplate(p) && !PublicationDates.TryParseDateLine(p, out _)).ToList();

        string? dateline = null;
        for (var i = 0; i < Math.Min(DatelineWindow, kept.Count); i++)
        {
            if (Datelines.TrySplit(kept[i], out var place, out var rest))
            {
                dateline = place;
                kept[i] = rest;
                kept.RemoveRange(0, i);
                break;
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        kept.RemoveAll(p => TextLines.WordCount(p) >= 4 && !seen.Add(ContentHasher.Normalise(p)));

        var lastSentence = kept.FindLastIndex(TextLines.IsBodyParagraph);
        if (lastSentence >= 0)
        {
            for (var i = kept.Count - 1; i > lastSentence && IsTailFurniture(kept[i]); i--)
            {
                kept.RemoveAt(i);
            }
        }
        return (kept, dateline);
    }

    // Lines without a sentence's punctuation after the story ends: credits ("Arab News / Agencies"), tags, the headlines of
    // other stories, and link labels that trail off ("Join the conversation...").
    private static bool IsTailFurniture(string line) =>
        (!TextLines.EndsLikeSentence(line) || line.EndsWith("...", StringComparison.Ordinal) || line.EndsWith('\u2026')) && TextLines.WordCount(line) <= 12;
}
