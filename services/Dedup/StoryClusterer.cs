using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Newsroom.Contracts.Events;
using Newsroom.Contracts.V1;
using Newsroom.ServiceDefaults;

namespace Newsroom.Dedup;

/// <summary>
/// Decides which story each article joins, in two layers. First near-identical copies: MinHash over
/// word shingles, with LSH bands finding candidates, joins a copy to its original's story. Then
/// rewrites of the same event: candidate stories sharing canonical entities or rare title-and-lead
/// terms within a time window, scored by <see cref="SameEventScorer"/> against the story's centroid and its
/// closest member, with a higher bar the further apart their dates lie or when the article leads with an act none of the
/// story's members leads with; an article that matches two stories of agreeing times about as well merges the other into
/// its own (see <see cref="Mergeable"/>). Otherwise the article opens a story, and says which story it came closest to joining
/// and what kept it out. Decisions depend only on the stored state and the article, so the same articles in the same
/// order give the same stories; an article seen before gets its earlier decision, and the members its merge moved, back unchanged.
/// Decisions are made durable in groups: <see cref="Decide"/> records one in the store's open transaction,
/// <see cref="Commit"/> commits all recorded since, so that a backlog pays one commit per run of articles.
/// </summary>
public sealed class StoryClusterer
{
    public const string ShingleFeature = "shingle_jaccard";

    /// <summary>A first article's feature: the story it came closest to joining, and what kept it out.</summary>
    public const string NearestStoryFeature = "nearest_story";

    /// <summary>A same-event join's feature: the member the article resembles most, and how much.</summary>
    public const string ClosestMemberFeature = "closest_member";

    /// <summary>
    /// A merge of stories: on the article that brought it about, the story it brought in and its score there; on each
    /// member moved, the story it came from and why.
    /// </summary>
    public const string MergedStoryFeature = "merged_story";

    private readonly StoryStore _store;
    private readonly StoryClustererOptions _options;
    private readonly Lock _gate = new();
    private NearDuplicateIndex? _nearDuplicates;

    /// <summary>Completed when the decisions recorded since the last commit are committed; null when there are none.</summary>
    private TaskCompletionSource? _uncommitted;
    private int _uncommittedCount;

    public StoryClusterer(StoryStore store, StoryClustererOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _options = options ?? new StoryClustererOptions();
        _options.Validate();
    }

    /// <summary>
    /// Places the article in a story and commits it; returns the article's story update. The members that a merge of stories
    /// moved are in <see cref="Decide"/>'s result, for callers that publish them.
    /// </summary>
    /// <exception cref="InvalidMessageException">The message carries no article id.</exception>
    public StoryUpdated Assign(ArticleExtracted article, DateTimeOffset now)
    {
        var decision = Decide(article, now);
        Commit();
        return decision.Update;
    }

    /// <summary>
    /// Places the article in a story and records it with the decisions not yet committed; the update may be
    /// published once <see cref="PendingStoryUpdate.Committed"/> completes (at the next <see cref="Commit"/>).
    /// Should the commit fail, or any decision before it, it faults for every decision not yet committed.
    /// </summary>
    /// <exception cref="InvalidMessageException">The message carries no article id.</exception>
    public PendingStoryUpdate Decide(ArticleExtracted article, DateTimeOffset now) => Decide(Profile(article), now);

    /// <summary>
    /// What dedup compares and stores of the article. It depends on the article and the options alone, so a caller
    /// with cores to spare (a replay) computes it for the next articles while <see cref="Decide(ArticleProfile, DateTimeOffset)"/>
    /// places the current one.
    /// </summary>
    /// <exception cref="InvalidMessageException">The message carries no article id.</exception>
    public ArticleProfile Profile(ArticleExtracted article)
    {
        ArgumentNullException.ThrowIfNull(article);
        if (article.Article is null || string.IsNullOrWhiteSpace(article.Article.ArticleId))
        {
            throw new InvalidMessageException(
                "ArticleExtracted without an article id cannot be placed in a story; republish it from the extraction service with its ArticleIngested.");
        }
        return ArticleProfile.Create(article, _options);
    }

    /// <summary>As <see cref="Decide(ArticleExtracted, DateTimeOffset)"/>, for an article whose profile this clusterer computed.</summary>
    /// <exception cref="ArgumentException">The profile was computed with other options.</exception>
    public PendingStoryUpdate Decide(ArticleProfile profile, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (!ReferenceEquals(profile.Options, _options))
        {
            throw new ArgumentException("The profile was computed by a clusterer with other options; compute it with this clusterer's Profile.", nameof(profile));
        }
        lock (_gate)
        {
            try
            {
                var (update, moved, recorded) = Place(profile, now);
                if (recorded)
                {
                    _uncommitted ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    _uncommittedCount++;
                }
                // A redelivered article's decision may be in the open group: it waits for that group's commit too.
                return new PendingStoryUpdate(update, moved, _uncommitted?.Task ?? Task.CompletedTask);
            }
            catch (Exception error) when (error is not InvalidMessageException)
            {
                Fail(error);
                throw;
            }
        }
    }

    /// <summary>Decisions recorded since the last commit.</summary>
    public int Uncommitted
    {
        get
        {
            lock (_gate)
            {
                return _uncommittedCount;
            }
        }
    }

    /// <summary>Commits every decision recorded since the last commit; returns how many there were.</summary>
    public int Commit()
    {
        lock (_gate)
        {
            try
            {
                return CommitGroup();
            }
            catch (Exception error)
            {
                Fail(error);
                throw;
            }
        }
    }

    private int CommitGroup()
    {
        _store.Commit();
        _uncommitted?.TrySetResult();
        var committed = _uncommittedCount;
        _uncommitted = null;
        _uncommittedCount = 0;
        return committed;
    }

    /// <summary>
    /// Whatever failed (a lost database connection, most likely), the open transaction is rolled back, the
    /// decisions in it fail with the error, and the store is read afresh for the retries.
    /// </summary>
    private void Fail(Exception error)
    {
        _store.Reset();
        _nearDuplicates = null;
        _uncommitted?.TrySetException(error);
        _uncommitted = null;
        _uncommittedCount = 0;
    }

    /// <summary>The article's decision, the members a merge it brought about moved, and whether it was recorded now (false: it was made before).</summary>
    private (StoryUpdated Update, IReadOnlyList<StoryUpdated> Moved, bool Recorded) Place(ArticleProfile profile, DateTimeOffset now)
    {
        var article = profile.Article;
        if (_store.FollowStore())
        {
            // Another process wrote to the store (a replica that held dedup's queue for a while): re-read it.
            _nearDuplicates = null;
        }
        var nearDuplicates = _nearDuplicates ??= LoadNearDuplicates();
        // The index holds every stored article (it is read again when another process wrote), so an article it
        // lacks was never placed, and only a redelivered one costs a read.
        if (nearDuplicates.Holds(article.Article.ArticleId) && _store.FindDecision(article.Article.ArticleId) is { } earlier)
        {
            return (earlier, _store.FindMoves(article.Article.ArticleId), false);
        }
        var decision = FindNearDuplicate(nearDuplicates, profile) ?? FindSameEvent(profile);
        var version = _store.Save(profile, decision.StoryId, decision.Kind, decision.MatchedArticleId, decision.Score, decision.Features, now);
        nearDuplicates.Add(profile.ArticleId, decision.StoryId, profile.Signature);
        var moved = new List<StoryUpdated>();
        foreach (var merged in decision.Merged)
        {
            var detail = string.Create(
                CultureInfo.InvariantCulture,
                $"moved from {merged.StoryId} with its story: {profile.ArticleId} matched both, {decision.Score:0.00} here and {merged.Score:0.00} there");
            moved.AddRange(_store.MergeStory(merged.StoryId, decision.StoryId, profile.ArticleId, new StoryMatchFeature(MergedStoryFeature, merged.Score, detail), now));
            nearDuplicates.Relabel(merged.StoryId, decision.StoryId);
        }
        return (new StoryUpdated
        {
            StoryId = decision.StoryId,
            Version = version,
            Article = article,
            JoinKind = decision.Kind,
            MatchedArticleId = decision.MatchedArticleId,
            Score = decision.Score,
            Features = decision.Features,
            UpdatedAt = now,
        }, moved, true);
    }

    /// <summary>The highest ingest sequence number decided so far; 0 when none was numbered.</summary>
    public long LastDecidedSequence
    {
        get
        {
            lock (_gate)
            {
                return _store.LastDecidedSequence();
            }
        }
    }

    /// <summary>The id a story opened by this article gets: stable across runs and machines.</summary>
    public static string StoryIdFor(string firstArticleId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(firstArticleId));
        return "sto_" + Convert.ToHexStringLower(hash, 0, 6);
    }

    /// <summary>
    /// The index of the stored articles' signatures, built on the first article after a start. A signature
    /// stored with another shape (the options changed, or an older version wrote it) is computed again from
    /// the stored article and saved, so the layer compares like with like.
    /// </summary>
    private NearDuplicateIndex LoadNearDuplicates()
    {
        var index = new NearDuplicateIndex(_options.MinHashCount, _options.RowsPerBand, (int)Math.Min(int.MaxValue, _store.CountArticles() + 1024));
        var reshaped = new List<string>();
        foreach (var (articleId, storyId, stored) in _store.ReadSignatures())
        {
            var signature = MinHashSignature.FromBytes(stored);
            if (signature.Length == _options.MinHashCount)
            {
                index.Add(articleId, storyId, signature);
            }
            else
            {
                reshaped.Add(articleId);
            }
        }
        foreach (var articleId in reshaped)
        {
            if (_store.FindDecision(articleId) is { } decision)
            {
                var signature = ArticleProfile.SignatureOf(decision.Article, _options);
                _store.SaveSignature(articleId, signature);
                index.Add(articleId, decision.StoryId, signature);
            }
        }
        return index;
    }

    private Decision? FindNearDuplicate(NearDuplicateIndex index, ArticleProfile profile)
    {
        if (index.FindBest(profile.Signature) is not { } match || match.Jaccard < _options.NearDuplicateThreshold)
        {
            return null;
        }
        var detail = $"{Math.Round(match.Jaccard * 100)}% of {_options.ShingleSize}-word shingles shared with {match.ArticleId} (MinHash estimate)";
        return new Decision(
            match.StoryId,
            JoinReason.Types.Kind.NearDuplicate,
            match.ArticleId,
            Math.Round(match.Jaccard, 4),
            [new StoryMatchFeature(ShingleFeature, Math.Round(match.Jaccard, 4), detail)],
            []);
    }

    /// <summary>The story whose event the article reports; otherwise a story of its own, which names the nearest miss.</summary>
    private Decision FindSameEvent(ArticleProfile profile)
    {
        _store.PrefetchCounts(profile.Terms.Keys, profile.Entities.Keys);
        var scorer = new SameEventScorer(
            _options,
            profile,
            _store.CountStories(),
            _store.TermStoryCount,
            _store.EntityStoryCount);

        // The window applies only when the article has a time; stories without one are candidates at any time.
        var window = profile.EventTime is { } time ? (time - _options.CandidateWindow, time + _options.CandidateWindow) : ((DateTimeOffset, DateTimeOffset)?)null;
        var candidates = new Dictionary<string, double>(StringComparer.Ordinal);
        var storiesByEntity = _store.StoriesWithEntities(profile.Entities.Keys, window, _options.MaxStoriesPerKey);
        foreach (var entityId in profile.Entities.Keys)
        {
            foreach (var storyId in storiesByEntity[entityId])
            {
                candidates[storyId] = candidates.GetValueOrDefault(storyId) + scorer.EntityIdf(entityId);
            }
        }
        // Keys are rare terms seen before: unseen ones find nothing, and common ones would walk long postings.
        var keyTerms = profile.Terms
            .Where(t => scorer.TermStoryCount(t.Key) is > 0 and var count && count <= _options.MaxStoriesPerKey)
            .OrderByDescending(t => TermWeights.Damped(t.Value) * scorer.TermIdf(t.Key))
            .ThenBy(t => t.Key, StringComparer.Ordinal)
            .Take(_options.CandidateTermCount)
            .Select(t => t.Key)
            .ToList();
        var storiesByTerm = _store.StoriesWithTerms(keyTerms, window, _options.MaxStoriesPerKey);
        foreach (var term in keyTerms)
        {
            foreach (var storyId in storiesByTerm[term])
            {
                candidates[storyId] = candidates.GetValueOrDefault(storyId) + scorer.TermIdf(term);
            }
        }

        StoryMatch? best = null;
        StoryProfile? bestStory = null;
        string? bestMember = null;
        var accepted = new List<(StoryMatch Match, StoryProfile Story)>();
        (StoryMatch Match, double Threshold, string? Raised)? nearest = null;
        var ranked = candidates
            .OrderByDescending(c => c.Value)
            .ThenBy(c => c.Key, StringComparer.Ordinal)
            .Take(_options.MaxCandidateStories);
        foreach (var (storyId, _) in ranked)
        {
            var story = _store.LoadStory(storyId, _options.MaxMembersCompared);
            var match = scorer.Score(story);
            string? closest = null;
            // A running story's centroid drifts over its events (the accident, the inquiry, the report), so that any of
            // them resembles it; a rewrite of one also resembles some member closely. Only a story whose centroid meets
            // the bar is read member by member, which bounds the work.
            if (match.Veto is null && match.Score >= _options.SameEventThreshold && _options.ClosestMemberWeight > 0)
            {
                (closest, var memberScore) = ClosestMember(scorer, story);
                var score = ((1 - _options.ClosestMemberWeight) * match.Score) + (_options.ClosestMemberWeight * memberScore);
                match = match with
                {
                    Score = Math.Round(score, 4),
                    Features = [.. match.Features, new StoryMatchFeature(ClosestMemberFeature, Math.Round(memberScore, 4), closest ?? string.Empty)],
                };
            }
            var (margin, raised) = TimeMargin(profile, story);
            if (OtherAction(profile.Lead, story.Members) is { } otherAction)
            {
                margin += _options.LeadActionConflictMargin;
                raised = raised is null ? otherAction : $"{raised}, {otherAction}";
            }
            var threshold = _options.SameEventThreshold + margin;
            if (match.Veto is null && match.Score >= threshold)
            {
                accepted.Add((match, story));
                if (best is null || match.Score > best.Score)
                {
                    best = match;
                    bestStory = story;
                    bestMember = closest;
                }
            }
            else if (nearest is null || match.Score > nearest.Value.Match.Score)
            {
                nearest = (match, threshold, raised);
            }
        }
        if (best is null || bestStory is null)
        {
            return FirstArticle(profile, nearest);
        }
        var merged = Mergeable(best, bestStory, accepted);
        IEnumerable<StoryMatchFeature> brought = merged.Select(m => new StoryMatchFeature(
            MergedStoryFeature, m.Match.Score, string.Create(CultureInfo.InvariantCulture, $"brought in {m.Match.StoryId} ({m.Story.MemberCount} articles), which it matched at {m.Match.Score:0.00}")));
        return new Decision(
            best.StoryId, JoinReason.Types.Kind.SameEvent, bestMember ?? ClosestMember(scorer, bestStory).ArticleId, best.Score, [.. best.Features, .. brought], [.. merged.Select(m => m.Match)]);
    }

    /// <summary>
    /// The other stories the article matched that it merges into its own: an article that reads as a rewrite of two stories
    /// (scoring at least <see cref="StoryClustererOptions.MergeScoreRatio"/> of its best with the second) shows that they tell
    /// one event, which two outlets' first reports, phrased apart, had split. It merges them only when time does not tell
    /// them apart: both stories have dated members within <see cref="StoryClustererOptions.TimeGapGraceDays"/> of each
    /// other's, or neither has any. A dated story and an undated one are left apart, since a merge joins every member of one
    /// to every member of the other and nothing shows that the two lie in one time. One clear rule, applied once at the
    /// article that bridges: no story is ever split again, so nothing oscillates.
    /// </summary>
    private List<(StoryMatch Match, StoryProfile Story)> Mergeable(StoryMatch best, StoryProfile bestStory, List<(StoryMatch Match, StoryProfile Story)> accepted) =>
        [.. accepted.Where(a => a.Match.StoryId != best.StoryId
            && a.Match.Score >= _options.MergeScoreRatio * best.Score
            && a.Story.MemberCount <= _options.MaxMergedMembers
            && TimesAgree(bestStory, a.Story))
            .OrderByDescending(a => a.Match.Score)
            .ThenBy(a => a.Match.StoryId, StringComparer.Ordinal)];

    private bool TimesAgree(StoryProfile one, StoryProfile other)
    {
        if (one.FirstTime is not { } oneFirst || one.LastTime is not { } oneLast || other.FirstTime is not { } otherFirst || other.LastTime is not { } otherLast)
        {
            return !one.Dated && !other.Dated;
        }
        var apart = Math.Max(Math.Max((otherFirst - oneLast).TotalDays, (oneFirst - otherLast).TotalDays), 0);
        return apart <= _options.TimeGapGraceDays;
    }

    /// <summary>
    /// What time adds to the threshold, and why when it raised the bar (for the summary of a first article). Time that
    /// cannot corroborate (either side undated) asks a little more of the content, and much more when the article's
    /// opening names a day of the week that none of the story's members names (within a day, for time zones and
    /// late-night events); dates beyond the grace days ask more the further apart they are.
    /// </summary>
    private (double Margin, string? Raised) TimeMargin(ArticleProfile profile, StoryProfile story)
    {
        if (story.DaysFrom(profile.EventTime) is not { } days)
        {
            return OtherWeekday(profile.Lead.Weekday, story.Members) is { } conflict
                ? (_options.WeekdayConflictMargin, conflict)
                : (_options.UndatedMargin, null);
        }
        var margin = Math.Max(0, days - _options.TimeGapGraceDays) * _options.TimeGapMarginPerDay;
        return (Math.Min(_options.MaxTimeGapMargin, margin),
            days > _options.TimeGapGraceDays ? string.Create(CultureInfo.InvariantCulture, $"at {Math.Floor(days):0} days from the story's nearest date") : null);
    }

    /// <summary>How the article's day of the week conflicts with those the story's members name; null when it does not.</summary>
    private static string? OtherWeekday(DayOfWeek? weekday, IReadOnlyList<MemberLead> members)
    {
        if (weekday is not { } day)
        {
            return null;
        }
        var named = members.Where(m => m.Weekday is not null).Select(m => m.Weekday!.Value).Distinct().Order().ToList();
        return named.Count == 0 || named.Any(other => DaysApart(day, other) <= 1)
            ? null
            : $"on a {day} where the story's members name {string.Join("/", named)}";
    }

    /// <summary>How the article's lead act differs from every act the story's members lead with; null when it does not.</summary>
    private static string? OtherAction(MemberLead lead, IReadOnlyList<MemberLead> members)
    {
        if (!lead.HasKnownAction)
        {
            return null;
        }
        var acts = members.Where(m => m.HasKnownAction).Select(m => m.Action).Distinct().Order().ToList();
        return acts.Count == 0 || acts.Contains(lead.Action)
            ? null
            : $"leading with {MemberLead.NameOf(lead.Action)} where the story's members lead with {string.Join("/", acts.Select(MemberLead.NameOf))}";
    }

    private static int DaysApart(DayOfWeek one, DayOfWeek other)
    {
        var apart = Math.Abs((int)one - (int)other);
        return Math.Min(apart, 7 - apart);
    }

    /// <summary>The member the article resembles most, with its score (see <see cref="SameEventScorer.ScoreMember"/>).</summary>
    private (string ArticleId, double Score) ClosestMember(SameEventScorer scorer, StoryProfile story)
    {
        var content = _store.LoadMemberContent(story.Members.Select(m => m.ArticleId));
        string? bestId = null;
        var bestScore = double.MinValue;
        foreach (var member in story.Members)
        {
            if (!content.TryGetValue(member.ArticleId, out var memberContent))
            {
                continue;
            }
            var score = scorer.ScoreMember(member, memberContent.Terms, memberContent.EntityIds);
            if (score > bestScore)
            {
                bestScore = score;
                bestId = member.ArticleId;
            }
        }
        return bestId is null ? (story.Members[0].ArticleId, 0) : (bestId, bestScore);
    }

    /// <summary>
    /// A story of the article's own. Its feature names the candidate that scored highest and why it fell short (a score
    /// under the threshold, a veto, or both), so that a split that looks wrong can be traced; none when nothing was a candidate.
    /// </summary>
    private static Decision FirstArticle(ArticleProfile profile, (StoryMatch Match, double Threshold, string? Raised)? nearest)
    {
        if (nearest is not { Match: var match, Threshold: var threshold, Raised: var raised })
        {
            return new(StoryIdFor(profile.ArticleId), JoinReason.Types.Kind.FirstArticle, null, 0, [], []);
        }
        var under = match.Score < threshold;
        var apart = raised is null ? string.Empty : " " + raised;
        var detail = string.Create(CultureInfo.InvariantCulture, $"{match.StoryId} scored {match.Score:0.00}")
            + (under ? string.Create(CultureInfo.InvariantCulture, $", under the {threshold:0.00} a same-event match needs{apart}") : string.Empty)
            + (match.Veto is { } veto ? $"{(under ? ", and" : ",")} vetoed: {veto}" : string.Empty);
        return new(StoryIdFor(profile.ArticleId), JoinReason.Types.Kind.FirstArticle, null, 0, [new StoryMatchFeature(NearestStoryFeature, match.Score, detail)], []);
    }

    /// <param name="Merged">The other stories the article matched that merge into its story.</param>
    private sealed record Decision(
        string StoryId, JoinReason.Types.Kind Kind, string? MatchedArticleId, double Score, IReadOnlyList<StoryMatchFeature> Features, IReadOnlyList<StoryMatch> Merged);
}
