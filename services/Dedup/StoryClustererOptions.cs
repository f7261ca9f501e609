namespace Newsroom.Dedup;

/// <summary>How the story clusterer decides; configuration section <c>Dedup</c>. Defaults are tuned on ECB+ (see the tests).</summary>
public sealed class StoryClustererOptions
{
    public const string SectionName = "Dedup";

    /// <summary>Words per shingle for near-duplicate detection.</summary>
    public int ShingleSize { get; set; } = 5;

    /// <summary>MinHash bins per signature (2 bytes each); must be a multiple of <see cref="RowsPerBand"/>.</summary>
    public int MinHashCount { get; set; } = 100;

    /// <summary>
    /// Rows per LSH band: 20 bands of 5 rows find a pair at the near-identical threshold (Jaccard 0.7) with
    /// probability 0.97, and one at 0.5 about half the time, with 20 band keys an article.
    /// </summary>
    public int RowsPerBand { get; set; } = 5;

    /// <summary>Estimated shingle Jaccard at or above which an article is a near-identical copy.</summary>
    public double NearDuplicateThreshold { get; set; } = 0.7;

    /// <summary>Combined score at or above which an article is a rewrite of a story's event.</summary>
    public double SameEventThreshold { get; set; } = 0.18;

    /// <summary>
    /// Added to <see cref="SameEventThreshold"/> when the article or the story has no time: dates that fall
    /// together corroborate a match, and without them only the content can.
    /// </summary>
    public double UndatedMargin { get; set; } = 0.03;

    /// <summary>
    /// Added to <see cref="SameEventThreshold"/> instead of <see cref="UndatedMargin"/> when the article's opening names a
    /// day of the week more than a day from every day the story's members name: an undated report of Friday's blowout is
    /// not one of Monday's inspections, though it shares their parties and words. A margin, not a veto, since a follow-up
    /// report may lead with its own day.
    /// </summary>
    public double WeekdayConflictMargin { get; set; } = 0.2;

    /// <summary>
    /// Added to <see cref="SameEventThreshold"/> when the article's lead event is of a class that marks another event (see
    /// <see cref="MemberLead.HasKnownAction"/>) and none of the story's members that have such a class leads with it: a running
    /// story's next event (the inquiry after the accident, the demolition after the collapse) shares its parties and words, and
    /// its act tells it apart. A margin, not a veto, since outlets tell one event under different acts (a bank seized, a bank
    /// collapsed).
    /// </summary>
    public double LeadActionConflictMargin { get; set; } = 0.1;

    /// <summary>
    /// Days between the article's time and the story's span within which dates, when both sides have them, ask no
    /// more of the content: outlets report an event over a day or two, and a page's date may be the next day's.
    /// </summary>
    public double TimeGapGraceDays { get; set; } = 2;

    /// <summary>
    /// Added to <see cref="SameEventThreshold"/> for each day the article's time lies beyond the grace days from the
    /// story's span: a running story's next event (the inquiry a week after the accident, the report a month after)
    /// shares its parties and words, and only the time and the content's detail tell it apart.
    /// </summary>
    public double TimeGapMarginPerDay { get; set; } = 0.02;

    /// <summary>The most that a gap in time adds to <see cref="SameEventThreshold"/>: a close rewrite joins however late it comes.</summary>
    public double MaxTimeGapMargin { get; set; } = 0.15;

    /// <summary>
    /// Share of the score that comes from the member the article resembles most, the rest from the story's centroid
    /// (text, entities and lead events together): a running story's centroid covers all its events, its members one each.
    /// </summary>
    public double ClosestMemberWeight { get; set; } = 0.5;

    /// <summary>
    /// An article that matches two stories merges them when its score with the second is at least this share of its score
    /// with the first: a report that reads as a rewrite of both shows they tell one event, which two outlets' first reports,
    /// phrased apart, had split. The stories' times must agree too (see <see cref="StoryClusterer"/>).
    /// </summary>
    public double MergeScoreRatio { get; set; } = 0.6;

    /// <summary>Members a story may have to be merged into another: a merge rewrites every member, so its work stays bounded.</summary>
    public int MaxMergedMembers { get; set; } = 50;

    /// <summary>Weight of the title-and-lead TF-IDF cosine against the story's centroid.</summary>
    public double TextWeight { get; set; } = 0.4;

    /// <summary>Weight of the weighted Jaccard of canonical entities against the story's entity profile.</summary>
    public double EntityWeight { get; set; } = 0.4;

    /// <summary>Weight of lead-event agreement (actor, action, target, date).</summary>
    public double LeadEventWeight { get; set; } = 0.2;

    /// <summary>
    /// Words of the title that count: a title is a headline, and one of thousands of words (from a
    /// publisher without ingest's limits) would otherwise outweigh the text and make a lookup per word.
    /// </summary>
    public int MaxTitleTokens { get; set; } = 40;

    /// <summary>Words of the text read for shingles and the lead; enough for any article, bounded for any input.</summary>
    public int MaxTextTokens { get; set; } = 20_000;

    /// <summary>Words of the text, after the title, that count as its lead.</summary>
    public int LeadTokenCount { get; set; } = 100;

    /// <summary>
    /// A dated article meets only the stories with a dated member this close in time to it; an undated article,
    /// or a story without a dated member, is not held to the window (see <see cref="UndatedMargin"/>). Wide on
    /// purpose: outlets revisit an event for weeks, and a page's publication date is often the day it was
    /// crawled or a site banner. Within it, dates apart raise the threshold (see <see cref="TimeGapMarginPerDay"/>), and
    /// look-alike events are told apart by lead-event dates and action classes.
    /// </summary>
    public TimeSpan CandidateWindow { get; set; } = TimeSpan.FromDays(45);

    /// <summary>Lead-event dates further apart than this are different events.</summary>
    public int MaxLeadDateGapDays { get; set; } = 3;

    /// <summary>Candidate stories scored in full per article, after ranking by shared entities and terms.</summary>
    public int MaxCandidateStories { get; set; } = 12;

    /// <summary>Highest-weighted title-and-lead terms used to look up candidate stories.</summary>
    public int CandidateTermCount { get; set; } = 8;

    /// <summary>Stories read per entity or term lookup (the most recent first), which bounds the work for very common ones.</summary>
    public int MaxStoriesPerKey { get; set; } = 50;

    /// <summary>Most recent members read when comparing lead events and choosing the best-matching member.</summary>
    public int MaxMembersCompared { get; set; } = 50;

    /// <exception cref="InvalidOperationException">The options cannot work together; the message says which and where to fix them.</exception>
    public void Validate()
    {
        if (MaxTitleTokens < 1 || MaxTextTokens < LeadTokenCount)
        {
            throw new InvalidOperationException(
                $"Dedup options: MaxTitleTokens ({MaxTitleTokens}) must be positive and MaxTextTokens ({MaxTextTokens}) at least LeadTokenCount ({LeadTokenCount}); fix the \"{SectionName}\" configuration section.");
        }

        if (MergeScoreRatio is <= 0 or > 1 || MaxMergedMembers < 0)
        {
            throw new InvalidOperationException(
                $"Dedup options: MergeScoreRatio ({MergeScoreRatio}) must lie above 0 and at most 1 (1: merge only on equal scores), and MaxMergedMembers ({MaxMergedMembers}) must not be negative (0: never merge stories); fix the \"{SectionName}\" configuration section.");
        }

        if (ClosestMemberWeight is < 0 or > 1 || TimeGapGraceDays < 0 || TimeGapMarginPerDay < 0 || MaxTimeGapMargin < 0 || LeadActionConflictMargin < 0)
        {
            throw new InvalidOperationException(
                $"Dedup options: ClosestMemberWeight ({ClosestMemberWeight}) must lie between 0 and 1, and TimeGapGraceDays ({TimeGapGraceDays}), TimeGapMarginPerDay ({TimeGapMarginPerDay}), MaxTimeGapMargin ({MaxTimeGapMargin}) and LeadActionConflictMargin ({LeadActionConflictMargin}) must not be negative; fix the \"{SectionName}\" configuration section.");
        }

        if (ShingleSize < 1 || MinHashCount < 1 || RowsPerBand < 1 || MinHashCount % RowsPerBand != 0)
        {
            throw new InvalidOperationException(
                $"Dedup options: ShingleSize ({ShingleSize}), MinHashCount ({MinHashCount}) and RowsPerBand ({RowsPerBand}) must be positive, with MinHashCount a multiple of RowsPerBand; fix the \"{SectionName}\" configuration section.");
        }
    }
}
