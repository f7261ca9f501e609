using System.Data.Common;
using Newsroom.Contracts.V1;
using Newsroom.ServiceDefaults;

namespace Newsroom.Query;

/// <summary>
/// A <see cref="StoryFilter"/> as SQL conditions on the <c>stories</c> table aliased <c>s</c>, shared by
/// search, listing and the update stream so that they all filter alike.
/// </summary>
internal static class StoryFilterSql
{
    /// <summary>Canonical ids of the entity a caller named (@entity) by id, canonical name or any alias, ignoring case.</summary>
    public static string ResolveEntityIds(QueryStoreSql sql) => $"""
        SELECT entity_id FROM entities WHERE lower(entity_id) = {sql.Lower("@entity")} OR lower(canonical_name) = {sql.Lower("@entity")}
        UNION SELECT entity_id FROM mentions WHERE lower(alias) = {sql.Lower("@entity")}
        """;

    /// <summary>" AND ..." conditions for every field set in <paramref name="filter"/>, with their parameters added to <paramref name="command"/>.</summary>
    public static string Conditions(QueryStoreSql sql, StoryFilter? filter, DbCommand command)
    {
        if (filter is null)
        {
            return "";
        }

        var conditions = new List<string>();
        if (filter.Entity.Length > 0)
        {
            command.With("@entity", filter.Entity);
            conditions.Add($"""
                EXISTS (SELECT 1 FROM mentions m JOIN story_articles fa ON fa.article_id = m.article_id
                        WHERE fa.story_id = s.story_id AND m.entity_id IN ({ResolveEntityIds(sql)}))
                """);
        }

        if (filter.Action != EventAction.Unspecified)
        {
            command.With("@action", (int)filter.Action);
            conditions.Add("s.lead_action = @action");
        }

        if (filter.Source.Length > 0)
        {
            command.With("@source", filter.Source);
            conditions.Add($"EXISTS (SELECT 1 FROM story_articles fa WHERE fa.story_id = s.story_id AND lower(fa.source) = {sql.Lower("@source")})");
        }

        if (filter.PublishedAfter is not null || filter.PublishedBefore is not null)
        {
            var bounds = new List<string>();
            if (filter.PublishedAfter is { } after)
            {
                command.With("@published_after", UnixTime.ToMillis(after.ToDateTimeOffset()));
                bounds.Add("fa.published >= @published_after");
            }

            if (filter.PublishedBefore is { } before)
            {
                command.With("@published_before", UnixTime.ToMillis(before.ToDateTimeOffset()));
                bounds.Add("fa.published < @published_before");
            }

            conditions.Add($"EXISTS (SELECT 1 FROM story_articles fa WHERE fa.story_id = s.story_id AND {string.Join(" AND ", bounds)})");
        }

        return string.Concat(conditions.Select(c => " AND " + c));
    }
}
