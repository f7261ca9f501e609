using System.Text.RegularExpressions;
using Newsroom.Contracts.Events;
using Newsroom.Contracts.V1;

namespace Newsroom.Extraction;

/// <summary>
/// Groups the entities of one article that name the same thing, and gives each group the canonical id
/// of its most complete spelling. Links: the same <see cref="CanonicalKey"/>; an acronym defined in
/// parentheses ("Kataib Hezbollah (KH)") or matching the initials of one longer name; a surname that
/// ends one full person name ("Biden" -> "Joe Biden", also a prefixed surname the recogniser took for a
/// place when it is not a known place name: "al-Sudani"); a name of two or more words contained in one
/// longer name ("Islamic Resistance" -> "Islamic Resistance in Iraq").
/// </summary>
public sealed partial class AliasResolver
{
    [GeneratedRegex(@"\G\s*\(\s*([\p{Lu}][\p{Lu}\p{N}]{1,5})\s*\)", RegexOptions.CultureInvariant)]
    private static partial Regex ParentheticalAcronym();

    public IReadOnlyList<EntityMention> Resolve(string text, IReadOnlyList<RecognizedEntity> entities)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(entities);
        var items = entities
            .Select(e => new Item(e, CanonicalKey.Of(e.Text), CanonicalKey.Words(e.Text), IsAcronym(e.Text)))
            .Where(item => item.Key.Length > 0)
            .ToList();
        var groups = new UnionFind(items.Count);
        LinkSameKeys(items, groups);
        LinkDefinedAcronyms(text, items, groups);
        LinkInitials(items, groups);
        LinkSurnamesAndParts(items, groups);

        var canonical = new Dictionary<int, (string Id, string Name, EntityType Type)>();
        foreach (var group in Enumerable.Range(0, items.Count).GroupBy(groups.Find))
        {
            canonical[group.Key] = Canonical(items, [.. group]);
        }

        var mentions = new List<EntityMention>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var (id, name, type) = canonical[groups.Find(i)];
            var entity = items[i].Entity;
            mentions.Add(new EntityMention(entity.Text, type, entity.Start, entity.End, id, name));
        }

        return mentions;
    }

    private static bool IsAcronym(string name) =>
        name.Length is >= 2 and <= 6 && char.IsUpper(name[0]) && name.All(c => char.IsUpper(c) || char.IsDigit(c));

    private static void LinkSameKeys(List<Item> items, UnionFind groups)
    {
        var firstByKey = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            if (firstByKey.TryGetValue(items[i].Key, out var first))
            {
                groups.Union(first, i);
            }
            else
            {
                firstByKey[items[i].Key] = i;
            }
        }
    }

    private static void LinkDefinedAcronyms(string text, List<Item> items, UnionFind groups)
    {
        var byStart = new Dictionary<int, int>();
        for (var i = 0; i < items.Count; i++)
        {
            byStart.TryAdd(items[i].Entity.Start, i);
        }

        for (var i = 0; i < items.Count; i++)
        {
            var match = ParentheticalAcronym().Match(text, items[i].Entity.End);
            if (match.Success && byStart.TryGetValue(match.Groups[1].Index, out var acronym) && items[acronym].IsAcronym)
            {
                groups.Union(i, acronym);
            }
        }
    }

    private static void LinkInitials(List<Item> items, UnionFind groups)
    {
        var initials = items.Select(item => item.IsAcronym ? string.Empty : Initials(item.Entity.Text)).ToList();
        foreach (var (acronym, a) in items.Select((item, i) => (item, i)).Where(x => x.item.IsAcronym))
        {
            var matches = Enumerable.Range(0, items.Count)
                .Where(i => initials[i].Equals(acronym.Entity.Text, StringComparison.Ordinal))
                .Select(groups.Find)
                .Distinct()
                .ToList();
            if (matches.Count == 1)
            {
                groups.Union(matches[0], a);
            }
        }
    }

    /// <summary>The capital letters that open the name's capitalised words: "Islamic Revolutionary Guard Corps" -> "IRGC".</summary>
    private static string Initials(string name) =>
        string.Concat(name.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries).Where(w => char.IsUpper(w[0])).Select(w => w[0]));

    private static void LinkSurnamesAndParts(List<Item> items, UnionFind groups)
    {
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item.IsAcronym)
            {
                continue;
            }

            var single = item.Words.Count == 1;
            var containers = Enumerable.Range(0, items.Count)
                .Where(j => items[j].Words.Count > item.Words.Count && (single
                    ? items[j].Entity.Type == EntityType.Person && items[j].Words[^1] == item.Words[0]
                        && (item.Entity.Type != EntityType.Location || WordToken.NameStart(item.Entity.Text) > 0 || !IsKnownPlace(item.Entity.Text))
                    : items[j].Entity.Type != EntityType.Person && item.Words.All(items[j].Words.Contains)))
                .Select(groups.Find)
                .Distinct()
                .ToList();
            if (containers.Count == 1)
            {
                groups.Union(containers[0], i);
            }
        }
    }

    private static bool IsKnownPlace(string word) =>
        EntityLexicon.Shared.Words.TryGetValue(word.ToLowerInvariant(), out var counts)
        && counts.Share(EntityClass.Place) + counts.Share(EntityClass.Nationality) >= 0.5;

    /// <summary>The group's most complete spelling: most words, then most frequent, then first; its type is the group's.</summary>
    private static (string Id, string Name, EntityType Type) Canonical(List<Item> items, List<int> members)
    {
        var best = members
            .OrderByDescending(i => items[i].IsAcronym ? 0 : items[i].Words.Count)
            .ThenByDescending(i => members.Count(m => items[m].Key == items[i].Key))
            .ThenBy(i => items[i].Entity.Start)
            .First();
        var type = items[best].Entity.Type;
        var name = items[best].Entity.Text;
        if (name.StartsWith("The ", StringComparison.Ordinal) || name.StartsWith("the ", StringComparison.Ordinal))
        {
            name = name[4..];
        }

        return (CanonicalKey.IdOf(items[best].Key), name, type);
    }

    private sealed record Item(RecognizedEntity Entity, string Key, List<string> Words, bool IsAcronym);

    private sealed class UnionFind(int count)
    {
        private readonly int[] parents = Enumerable.Range(0, count).ToArray();

        public int Find(int item)
        {
            while (parents[item] != item)
            {
                parents[item] = parents[parents[item]];
                item = parents[item];
            }

            return item;
        }

        public void Union(int a, int b)
        {
            var rootA = Find(a);
            var rootB = Find(b);
            if (rootA != rootB)
            {
                parents[Math.Max(rootA, rootB)] = Math.Min(rootA, rootB);
            }
        }
    }
}
