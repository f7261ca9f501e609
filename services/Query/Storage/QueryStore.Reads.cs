using System.Text.Json;
using System.Data.Common;
using Newsroom.Contracts.Events;
using Newsroom.Contracts.V1;
using Newsroom.ServiceDefaults;

namespace Newsroom.Query;

public sealed partial class QueryStore
{
    /// <summary>A story summary lists at most this many entities, the most mentioned first.</summary>
    public const int MaxSummaryEntities = 20;

    // A lead event with both participants' entities; starts with the event's article id, null when there is none.
    private const string LeadEventColumns = """
        e.article_id, e.actor_text, e.actor_entity_id, ae.canonical_name, ae.type, e.action, e.action_text,
        e.target_text, e.target_entity_id, te.canonical_name, te.type, e.event_date
        """;

    private const string LeadEventJoins = """
        LEFT JOIN entities ae ON ae.entity_id = e.actor_entity_id
        LEFT JOIN entities te ON te.entity_id = e.target_entity_id
        """;

    private const int LeadEventColumnCount = 12;

    /// <summary>
    /// Stories matching every word of <paramref name="words"/> (see <see cref="SearchTerms"/>) and the
    /// filter, best score first (BM25 on SQLite, ts_rank on PostgreSQL), with the title highlighted and passages of leads and text.
    /// </summary>
    /// <exception cref="OperationCanceledException">The token was cancelled; a running statement is interrupted.</exception>
    /// <param name="rankedMatches">
    /// At most this many matches are counted and ranked, the most recently created (highest key) first: ranking reads
    /// every match it ranks, and a common word matches most of a large index.
    /// </param>
    public StorySearchPage SearchStories(
        IReadOnlyList<string> words, StoryFilter? filter, int offset, int limit, int rankedMatches = int.MaxValue, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(words);
        var match = _sql.MatchQuery(words);
        return Read(db =>
        {
            var ranked = (long)Math.Max(0, rankedMatches) + 1;

            var counts = db.Sql.WordStoryCount is { } wordStoryCount
                ? words.Select(w => _wordCounts.Stories(w, word =>
                {
                    using var count = db.Command(wordStoryCount);
                    return count.With("@match", _sql.MatchQuery([word])).ExecuteInt64();
                })).ToArray()
                : null;

            var from = db.Sql.CountsWithPage && counts is { Length: > 0 } ? WalkFrom(db, words, counts, filter, rankedMatches) : null;
            var (hits, found) = Page(from);
            if (from is { } start && start != long.MinValue && found < ranked)
            {
                // Fewer of the rarest word's newest stories held the other words than the counts foretold.
                (hits, found) = Page(null);
            }

            // From is where an oldest-first walk starts; null walks newest first.
            (List<(string StoryId, double Score, string[] Snippets)> Hits, long Found) Page(long? from)
            {
                using var search = db.Command("");
                search.CommandText = db.Sql.SearchPage(StoryFilterSql.Conditions(db.Sql, filter, search), words.Count, from is not null);
                search.With("@match", match).With("@limit", limit).With("@offset", offset);
                if (from is { } start)
                {
                    search.With("@from", start);
                }

                // Where the page counts the matches itself, one walk of them does both. Otherwise, with one more than the
                // ranked many, the search is capped and ranks only those newer than that one; without, it has counted them all.
                long? found = null;
                if (db.Sql.CountsWithPage)
                {
                    search.With("@ranked", ranked);
                }
                else
                {
                    var (newest, oldest) = Newest(db, match, filter, ranked);
                    found = newest;
                    search.With("@floor", newest > rankedMatches ? oldest : long.MinValue);
                }

                for (var i = 0; i < (counts?.Length ?? 0); i++)
                {
                    search.With($"@stories{i}", counts![i]);
                }

                var hits = new List<(string StoryId, double Score, string[] Snippets)>();
                using (var reader = search.ExecuteReader())
                {
                    while (reader.Read())
                    {
                        var snippets = Enumerable.Range(2, 3).Select(reader.GetString)
                            .Where(s => s.Contains('[', StringComparison.Ordinal))
                            .Select(s => s.Trim())
                            .Distinct(StringComparer.Ordinal)
                            .ToArray();
                        hits.Add((reader.GetString(0), reader.GetDouble(1), snippets));
                        found ??= reader.GetInt64(5);
                    }
                }

                // A page past the last match has no row to carry the count: with no match at all there is none to count.
                return (hits, found ?? (offset > 0 ? Newest(db, match, filter, ranked).Found : 0));
            }

            var total = (int)Math.Min(found, rankedMatches);

            var results = new List<StoryHit>(hits.Count);
            foreach (var (storyId, score, snippets) in hits)
            {
                cancellationToken.ThrowIfCancellationRequested();
                results.Add(new StoryHit { Story = ReadSummary(db, storyId), Score = score, Snippets = { snippets } });
            }

            return new StorySearchPage(results, total, found > rankedMatches);
        }, cancellationToken);
    }

    /// <summary>The share of the rarest word's stories that must hold the other words for a search to walk from its newest stories.</summary>
    private const double DenseShare = 0.5;

    /// <summary>
    /// Where a search walks its matches from, oldest first, or null to walk them newest first: FTS5 skips along a
    /// common word's list to the next match of a rarer word only oldest first, and newest first reads every page of
    /// the list in between. From the start when fewer stories hold the rarest word than are ranked, as all its
    /// matches are ranked then. When the other words are in most stories (<see cref="DenseShare"/>), from the oldest
    /// of the rarest word's newest stories that should hold as many matches as are ranked, with a tenth to spare, were
    /// the words independent; the caller walks newest first after all if fewer matched.
    /// </summary>
    private long? WalkFrom(ReadModelConnection db, IReadOnlyList<string> words, long[] counts, StoryFilter? filter, int rankedMatches)
    {
        var rarest = Array.IndexOf(counts, counts.Min());
        if (counts[rarest] < rankedMatches)
        {
            return long.MinValue;
        }

        // A filter's share of the stories is not known, nor are one word's matches beyond the count.
        if (filter is not null || counts.Length == 1)
        {
            return null;
        }

        var stories = Math.Max(1, _wordCounts.AllStories(() =>
        {
            using var count = db.Command("SELECT COUNT(*) FROM stories");
            return count.ExecuteInt64();
        }));
        var share = counts.Where((_, i) => i != rarest).Aggregate(1.0, (product, count) => product * Math.Min(1.0, (double)count / stories));
        if (share < DenseShare)
        {
            return null;
        }

        var newest = (long)Math.Ceiling((rankedMatches + 1.0) / share * 1.1);
        if (newest >= counts[rarest])
        {
            return null;
        }

        var (found, oldest) = Newest(db, _sql.MatchQuery([words[rarest]]), null, newest);
        return found > 0 ? oldest : null;
    }

    /// <summary>How many of the newest stories matching <paramref name="match"/> and the filter there are, up to <paramref name="ranked"/>, and the key of the oldest of them.</summary>
    private static (long Found, long Oldest) Newest(ReadModelConnection db, string match, StoryFilter? filter, long ranked)
    {
        using var newest = db.Command("");
        newest.CommandText = db.Sql.SearchNewest(StoryFilterSql.Conditions(db.Sql, filter, newest));
        using var reader = newest.With("@match", match).With("@ranked", ranked).ExecuteReader();
        reader.Read();
        return (Convert.ToInt64(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture),
            reader.IsDBNull(1) ? 0 : Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Stories matching the filter, most recently updated first.</summary>
    public StoryListPage ListStories(StoryFilter? filter, int offset, int limit, CancellationToken cancellationToken = default) =>
        Read(db =>
        {
            using var list = db.Command("");
            list.CommandText = $"""
                SELECT s.story_id FROM stories s WHERE 1 = 1{StoryFilterSql.Conditions(db.Sql, filter, list)}
                ORDER BY s.last_updated DESC, s.story_id LIMIT @limit OFFSET @offset
                """;
            list.With("@limit", limit + 1).With("@offset", offset);
            var ids = new List<string>();
            using (var reader = list.ExecuteReader())
            {
                while (reader.Read())
                {
                    ids.Add(reader.GetString(0));
                }
            }

            var stories = new List<StorySummary>();
            foreach (var id in ids.Take(limit))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (ReadSummary(db, id) is { } summary)
                {
                    stories.Add(summary);
                }
            }

            return new StoryListPage(stories, ids.Count > limit);
        }, cancellationToken);

    /// <summary>True when the story exists and passes the filter.</summary>
    public bool StoryMatches(string storyId, StoryFilter? filter, CancellationToken cancellationToken = default) =>
        Read(db =>
        {
            using var command = db.Command("");
            command.CommandText = $"SELECT 1 FROM stories s WHERE s.story_id = @story{StoryFilterSql.Conditions(db.Sql, filter, command)}";
            return command.With("@story", storyId).ExecuteScalar() is not null;
        }, cancellationToken);

    public StorySummary? GetStorySummary(string storyId, CancellationToken cancellationToken = default) =>
        Read(db => ReadSummary(db, storyId), cancellationToken);

    /// <summary>
    /// A story with its articles oldest first (by publication, then by when they joined), or the story it was merged
    /// into; null when unknown.
    /// </summary>
    public Story? GetStory(string storyId, CancellationToken cancellationToken = default) =>
        Read(db =>
        {
            if ((ReadSummary(db, storyId) ?? MergedInto(db, storyId)) is not { } summary)
            {
                return null;
            }

            var story = new Story { Summary = summary };
            using (var merged = db.Command("SELECT story_id FROM story_redirects WHERE merged_into = @story ORDER BY story_id")
                       .With("@story", summary.StoryId).ExecuteReader())
            {
                while (merged.Read())
                {
                    story.MergedStoryIds.Add(merged.GetString(0));
                }
            }

            using var reader = db.Command($"""
                SELECT a.article_id, a.url, a.title, a.source, a.published, a.lead, a.join_kind, a.matched_article_id, a.join_score, a.join_features,
                       {LeadEventColumns}
                FROM story_articles a LEFT JOIN events e ON e.article_id = a.article_id {LeadEventJoins}
                WHERE a.story_id = @story
                ORDER BY COALESCE(a.published, a.placed_at), a.story_version, a.article_id
                """).With("@story", summary.StoryId).ExecuteReader();
            while (reader.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                var features = JsonSerializer.Deserialize<List<StoryMatchFeature>>(reader.GetString(9)) ?? [];
                story.Articles.Add(new StoryArticle
                {
                    ArticleId = reader.GetString(0),
                    Url = reader.GetString(1),
                    Title = reader.GetString(2),
                    Source = reader.GetString(3),
                    Published = UnixTime.ToTimestamp(reader.GetNullableInt64(4)),
                    Lead = reader.GetString(5),
                    JoinReason = new JoinReason
                    {
                        Kind = (JoinReason.Types.Kind)reader.GetInt32(6),
                        MatchedArticleId = reader.GetNullableString(7) ?? "",
                        Score = reader.GetDouble(8),
                        Features = { features.Select(f => new MatchedFeature { Name = f.Name, Score = f.Score, Detail = f.Detail }) },
                    },
                    LeadEvent = ReadLeadEvent(reader, 10),
                });
            }

            return story;
        }, cancellationToken);

    /// <summary>The story that a story merged away went into; null when the id was never merged.</summary>
    private static StorySummary? MergedInto(ReadModelConnection db, string storyId) =>
        db.Command("SELECT merged_into FROM story_redirects WHERE story_id = @story").With("@story", storyId).ExecuteScalar() is string into
            ? ReadSummary(db, into)
            : null;

    /// <summary>An entity by canonical id, canonical name or any alias, ignoring case; null when none matches.</summary>
    public Entity? GetEntity(string entity, CancellationToken cancellationToken = default) =>
        Read(db => ReadEntity(db, entity), cancellationToken);

    private static Entity? ReadEntity(ReadModelConnection db, string entity)
    {
        if (ResolveEntity(db, entity) is not { } reference)
        {
            return null;
        }

        var result = new Entity { EntityId = reference.EntityId, CanonicalName = reference.Name, Type = reference.Type };
        using (var reader = db.Command(
                   "SELECT alias, mention_count FROM aliases WHERE entity_id = @entity ORDER BY mention_count DESC, alias")
                   .With("@entity", reference.EntityId).ExecuteReader())
        {
            while (reader.Read())
            {
                result.Aliases.Add(new EntityAlias { Text = reader.GetString(0), MentionCount = reader.GetInt32(1) });
            }
        }

        using (var reader = db.Command("""
                   SELECT COALESCE(SUM(m.mention_count), 0), COUNT(DISTINCT a.story_id), MIN(a.published), MAX(a.published)
                   FROM mentions m JOIN story_articles a ON a.article_id = m.article_id WHERE m.entity_id = @entity
                   """).With("@entity", reference.EntityId).ExecuteReader())
        {
            reader.Read();
            result.MentionCount = reader.GetInt32(0);
            result.StoryCount = reader.GetInt32(1);
            result.FirstSeen = UnixTime.ToTimestamp(reader.GetNullableInt64(2));
            result.LastSeen = UnixTime.ToTimestamp(reader.GetNullableInt64(3));
        }

        return result;
    }

    /// <summary>
    /// The events an entity took part in as actor or target, oldest first: one per story and role
    /// (the earliest member's lead event), dated by the event's date or else the story's first
    /// publication. Null when no entity matches.
    /// </summary>
    public EntityTimelinePage? GetEntityTimeline(string entity, DateTimeOffset? after, DateTimeOffset? before, int offset, int limit,
        CancellationToken cancellationToken = default) =>
        Read(db => ReadEntityTimeline(db, entity, after, before, offset, limit), cancellationToken);

    private static EntityTimelinePage? ReadEntityTimeline(ReadModelConnection db, string entity, DateTimeOffset? after, DateTimeOffset? before, int offset, int limit)
    {
        if (ResolveEntity(db, entity) is not { } reference)
        {
            return null;
        }

        using var reader = db.Command($"""
            WITH hits AS (
                SELECT e.article_id AS article_id, e.story_id AS story_id,
                       CASE WHEN e.actor_entity_id = @entity THEN 1 ELSE 2 END AS role,
                       ROW_NUMBER() OVER (PARTITION BY e.story_id, CASE WHEN e.actor_entity_id = @entity THEN 1 ELSE 2 END
                                          ORDER BY a.story_version, e.article_id) AS rank
                FROM events e JOIN story_articles a ON a.article_id = e.article_id
                WHERE e.actor_entity_id = @entity OR e.target_entity_id = @entity),
            dated AS (
                SELECT h.article_id, h.story_id, h.role, s.title,
                       COALESCE(ev.event_date_ms,
                                (SELECT MIN(me.event_date_ms) FROM story_articles ma JOIN events me ON me.article_id = ma.article_id
                                 WHERE ma.story_id = h.story_id),
                                s.first_published) AS occurred
                FROM hits h JOIN stories s ON s.story_id = h.story_id JOIN events ev ON ev.article_id = h.article_id
                WHERE h.rank = 1)
            SELECT d.story_id, d.title, d.role, d.occurred, {LeadEventColumns}
            FROM dated d JOIN events e ON e.article_id = d.article_id {LeadEventJoins}
            WHERE (CAST(@after AS bigint) IS NULL OR d.occurred >= @after) AND (CAST(@before AS bigint) IS NULL OR d.occurred < @before)
            ORDER BY d.occurred IS NULL, d.occurred, d.story_id, d.role
            LIMIT @limit OFFSET @offset
            """)
            .With("@entity", reference.EntityId)
            .With("@after", UnixTime.ToMillis(after))
            .With("@before", UnixTime.ToMillis(before))
            .With("@limit", limit + 1)
            .With("@offset", offset)
            .ExecuteReader();
        var events = new List<TimelineEvent>();
        while (reader.Read())
        {
            events.Add(new TimelineEvent
            {
                StoryId = reader.GetString(0),
                StoryTitle = reader.GetString(1),
                Role = (TimelineEvent.Types.Role)reader.GetInt32(2),
                Occurred = UnixTime.ToTimestamp(reader.GetNullableInt64(3)),
                Event = ReadLeadEvent(reader, 4),
            });
        }

        return new EntityTimelinePage(reference, events.Take(limit).ToList(), events.Count > limit);
    }

    /// <summary>How far an article has gone through the pipeline; null when the read model never heard of it.</summary>
    public ArticleStatus? GetArticleStatus(string articleId, CancellationToken cancellationToken = default) =>
        Read(db => ReadArticleStatus(db, articleId), cancellationToken);

    private static ArticleStatus? ReadArticleStatus(ReadModelConnection db, string articleId)
    {
        using var reader = db.Command("""
            SELECT stage, story_id, url, title, source, ingested_at, extracted_at, clustered_at, indexed_at, trace_id
            FROM article_status WHERE article_id = @article
            """).With("@article", articleId).ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        return new ArticleStatus
        {
            ArticleId = articleId,
            Stage = (PipelineStage)reader.GetInt32(0),
            StoryId = reader.GetNullableString(1) ?? "",
            Url = reader.GetString(2),
            Title = reader.GetString(3),
            Source = reader.GetString(4),
            IngestedAt = UnixTime.ToTimestamp(reader.GetNullableInt64(5)),
            ExtractedAt = UnixTime.ToTimestamp(reader.GetNullableInt64(6)),
            ClusteredAt = UnixTime.ToTimestamp(reader.GetNullableInt64(7)),
            IndexedAt = UnixTime.ToTimestamp(reader.GetNullableInt64(8)),
            TraceId = reader.GetString(9),
        };
    }

    /// <summary>
    /// Runs a read on its own connection, interrupted when the token is cancelled: a statement in
    /// progress stops instead of running on after the caller left.
    /// </summary>
    internal T Read<T>(Func<ReadModelConnection, T> read, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var db = new ReadModelConnection(_open(), _sql);
        using var interrupt = cancellationToken.Register(static state => ((ReadModelConnection)state!).Interrupt(), db);
        try
        {
            return read(db);
        }
        catch (Exception exception) when (cancellationToken.IsCancellationRequested && _sql.Interruption(exception) is { } interruption)
        {
            throw new OperationCanceledException("The query was stopped because its call was cancelled or its deadline passed.", interruption, cancellationToken);
        }
    }

    private static EntityRef? ResolveEntity(ReadModelConnection db, string entity)
    {
        // An exact id beats a canonical name, which beats an alias; among aliases the most used spelling wins.
        var entityFolded = db.Sql.Lower("@entity");
        using var reader = db.Command($"""
            SELECT r.entity_id, e.canonical_name, e.type FROM (
                SELECT entity_id, 3 AS rank, 0 AS uses FROM entities WHERE lower(entity_id) = {entityFolded}
                UNION ALL SELECT entity_id, 2, 0 FROM entities WHERE lower(canonical_name) = {entityFolded}
                UNION ALL SELECT entity_id, 1, SUM(mention_count) FROM mentions WHERE lower(alias) = {entityFolded} GROUP BY entity_id
            ) r JOIN entities e ON e.entity_id = r.entity_id
            ORDER BY r.rank DESC, r.uses DESC, r.entity_id LIMIT 1
            """).With("@entity", entity).ExecuteReader();
        return reader.Read()
            ? new EntityRef { EntityId = reader.GetString(0), Name = reader.GetString(1), Type = (EntityType)reader.GetInt32(2) }
            : null;
    }

    private static StorySummary? ReadSummary(ReadModelConnection db, string storyId)
    {
        StorySummary summary;
        string? leadArticleId;
        using (var reader = db.Prepared("""
                   SELECT story_id, title, version, article_count, first_published, last_updated, lead_article_id
                   FROM stories WHERE story_id = @story
                   """).With("@story", storyId).ExecuteReader())
        {
            if (!reader.Read())
            {
                return null;
            }

            summary = new StorySummary
            {
                StoryId = reader.GetString(0),
                Title = reader.GetString(1),
                Version = reader.GetInt64(2),
                ArticleCount = reader.GetInt32(3),
                FirstPublished = UnixTime.ToTimestamp(reader.GetNullableInt64(4)),
                LastUpdated = UnixTime.ToTimestamp(reader.GetInt64(5)),
            };
            leadArticleId = reader.GetNullableString(6);
        }

        using (var reader = db.Prepared(
                   "SELECT DISTINCT source FROM story_articles WHERE story_id = @story AND source <> '' ORDER BY source")
                   .With("@story", storyId).ExecuteReader())
        {
            while (reader.Read())
            {
                summary.Sources.Add(reader.GetString(0));
            }
        }

        using (var reader = db.Prepared($"""
                   SELECT e.entity_id, e.canonical_name, e.type FROM mentions m
                   JOIN story_articles a ON a.article_id = m.article_id JOIN entities e ON e.entity_id = m.entity_id
                   WHERE a.story_id = @story GROUP BY e.entity_id
                   ORDER BY SUM(m.mention_count) DESC, e.canonical_name LIMIT {MaxSummaryEntities}
                   """).With("@story", storyId).ExecuteReader())
        {
            while (reader.Read())
            {
                summary.Entities.Add(new EntityRef { EntityId = reader.GetString(0), Name = reader.GetString(1), Type = (EntityType)reader.GetInt32(2) });
            }
        }

        if (leadArticleId is not null)
        {
            using var reader = db.Prepared($"SELECT {LeadEventColumns} FROM events e {LeadEventJoins} WHERE e.article_id = @article")
                .With("@article", leadArticleId).ExecuteReader();
            summary.LeadEvent = reader.Read() ? ReadLeadEvent(reader, 0) : null;
        }

        return summary;
    }

    private static LeadEvent? ReadLeadEvent(DbDataReader reader, int start)
    {
        if (reader.IsDBNull(start))
        {
            return null;
        }

        return new LeadEvent
        {
            Actor = ReadParticipant(reader, start + 1),
            Action = (EventAction)reader.GetInt32(start + 5),
            ActionText = reader.GetString(start + 6),
            Target = reader.IsDBNull(start + 7) ? null : ReadParticipant(reader, start + 7),
            Date = reader.GetNullableString(start + LeadEventColumnCount - 1) ?? "",
        };
    }

    /// <summary>Reads (text, entity id, canonical name, type) starting at <paramref name="start"/>.</summary>
    private static EventParticipant ReadParticipant(DbDataReader reader, int start) => new()
    {
        Text = reader.GetString(start),
        Entity = reader.GetNullableString(start + 1) is { } id
            ? new EntityRef { EntityId = id, Name = reader.GetNullableString(start + 2) ?? id, Type = reader.IsDBNull(start + 3) ? EntityType.Unspecified : (EntityType)reader.GetInt32(start + 3) }
            : null,
    };
}
