using System.Text.RegularExpressions;
using Newsroom.Contracts.Events;
using Newsroom.Contracts.V1;

namespace Newsroom.Extraction;

/// <summary>
/// Groups the entities of one article that name the same thing and gives each group one canonical id,
/// one display name and one type. Links: the same <see cref="CanonicalKey"/>; an acronym defined in
/// parentheses ("Kataib Hezbollah (KH)", "KH (Kataib Hezbollah)") or matching the initials of one longer
/// name; an alias the text gives ("X, also known as Y", "X (Y)", "X, or the Y,"); a surname that ends
/// exactly one full person name ("Biden" -> "Joe Biden", "al-Sudani" -> "Mohammed Shia al-Sudani"; with
/// two people of that surname it stays apart); a name of two or more words inside exactly one longer
/// name of the same type ("Islamic Resistance" -> "Islamic Resistance in Iraq"). Works only from the
/// recognised spans, their types and the text, whatever recogniser made them.
/// </summary>
public sealed partial class AliasResolver
{
    [GeneratedRegex(@"\G\s*\(\s*([\p{Lu}][\p{Lu}\p{N}]{1,5})\s*\)", RegexOptions.CultureInvariant)]
    private static partial Regex ParentheticalAcronym();

    /// <summary>Between a name and the alias the text gives for it: ", also known as", "(known as the", ", a.k.a.".</summary>
    [GeneratedRegex(@"^\s*[,(]?\s*(?:(?:also|formerly|otherwise|commonly|widely|better|locally|sometimes)\s+)?(?:known\s+as|referred\s+to\s+as|aka|a\.k\.a\.)\s+(?:the\s+)?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex KnownAsPhrase();

    /// <summary>Between a name and an alias in parentheses: "Kataib Hezbollah (Hezbollah Brigades)".</summary>
    [GeneratedRegex(@"^\s*\(\s*(?:the\s+)?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex OpeningParenthesis();

    /// <summary>Between a name and an alias in an apposition: "Popular Mobilisation Forces, or the Hashd,".</summary>
    [GeneratedRegex(@"^\s*,\s*or\s+(?:the\s+)?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex OrPhrase();

    public IReadOnlyList<EntityMention> Resolve(string text, IReadOnlyList<RecognizedEntity> entities)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(entities);
        var items = entities.Select(Item.Of).Where(item => item.Key.Length > 0).ToList();
        var groups = new UnionFind(items.Count);
        LinkSameKeys(items, groups);
        LinkDefinedAcronyms(text, items, groups);
        LinkGivenAliases(text, items, groups);
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
            if (items[i].Entity.End > text.Length)
            {
                continue;
            }

            var match = ParentheticalAcronym().Match(text, items[i].Entity.End);
            if (match.Success && byStart.TryGetValue(match.Groups[1].Index, out var acronym) && items[acronym].IsAcronym)
            {
                groups.Union(i, acronym);
            }
        }
    }

    /// <summary>Links each entity to the next one when the text between them says the second is another name of the first.</summary>
    private static void LinkGivenAliases(string text, List<Item> items, UnionFind groups)
    {
        var order = Enumerable.Range(0, items.Count).OrderBy(i => items[i].Entity.Start).ToList();
        for (var k = 0; k + 1 < order.Count; k++)
        {
            var (name, alias) = (items[order[k]], items[order[k + 1]]);
            if (name.Entity.End > alias.Entity.Start || alias.Entity.End > text.Length || alias.Entity.Start - name.Entity.End > 40)
            {
                continue;
            }

            var between = text[name.Entity.End..alias.Entity.Start];
            var after = text.AsSpan(alias.Entity.End).TrimStart();
            var sameKind = name.Entity.Type == alias.Entity.Type;
            var given = KnownAsPhrase().IsMatch(between)
                || (OpeningParenthesis().IsMatch(between) && after.StartsWith(")") && (name.IsAcronym || alias.IsAcronym || (sameKind && name.Entity.Type != EntityType.Location)))
                || (OrPhrase().IsMatch(between) && sameKind && (after.IsEmpty || after[0] is ',' or ')' or '.' or ';'));
            if (given)
            {
                groups.Union(order[k], order[k + 1]);
            }
        }
    }

    private static void LinkInitials(List<Item> items, UnionFind groups)
    {
        var initials = items.Select(item => item.IsAcronym ? string.Empty : Initials(item.Name)).ToList();
        foreach (var (acronym, a) in items.Select((item, i) => (item, i)).Where(x => x.item.IsAcronym))
        {
            var letters = acronym.Entity.Text.Replace(".", string.Empty, StringComparison.Ordinal);
            var matches = Enumerable.Range(0, items.Count)
                .Where(i => initials[i].Equals(letters, StringComparison.Ordinal))
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

            var containers = Enumerable.Range(0, items.Count)
                .Where(j => items[j].Words.Count > item.Words.Count && (item.Words.Count == 1 ? IsSurnameOf(item, items[j]) : IsPartOf(item, items[j])))
                .Select(groups.Find)
                .Distinct()
                .ToList();
            if (containers.Count == 1)
            {
                groups.Union(containers[0], i);
            }
        }
    }

    /// <summary>
    /// A one-word mention is the surname of a person whose name ends with it, unless the recogniser saw a
    /// place or an organisation there ("Washington" after "George Washington"); a name with an article
    /// prefix ("al-Sudani") is a surname whatever its type, as places are rarely mentioned that way.
    /// </summary>
    private static bool IsSurnameOf(Item surname, Item person) =>
        person.Entity.Type == EntityType.Person
        && person.Words[^1] == surname.Words[0]
        && (surname.Entity.Type is EntityType.Person or EntityType.Other || NamePrefix.NameStart(surname.Entity.Text) > 0);

    /// <summary>A name of two or more words whose every word is in a longer name of the same type, people excepted ("Hussein Hamidawi" may be someone else).</summary>
    private static bool IsPartOf(Item part, Item whole) =>
        whole.Entity.Type != EntityType.Person && whole.Entity.Type == part.Entity.Type && part.Words.All(whole.Words.Contains);

    /// <summary>
    /// The group's name, id and type. The name is the <see cref="DisplayName"/> of its most complete
    /// spelling (most words; spelled in mixed case; most frequent; first in ordinal order, so the choice
    /// does not depend on where a spelling occurs), the id that spelling's key. The type is a known
    /// name's, or else the most frequent among the mentions, ties going to the chosen spelling's.
    /// </summary>
    private static (string Id, string Name, EntityType Type) Canonical(List<Item> items, List<int> members)
    {
        var displays = members.ToDictionary(m => m, m => DisplayName.Of(items[m].Name));
        var best = members
            .OrderBy(i => items[i].IsAcronym)
            .ThenByDescending(i => items[i].Words.Count)
            .ThenBy(i => items[i].Name.Where(char.IsLetter).All(char.IsUpper))
            .ThenByDescending(i => members.Count(m => displays[m] == displays[i]))
            .ThenBy(i => displays[i], StringComparer.Ordinal)
            .ThenBy(i => items[i].Entity.Start)
            .First();
        var type = NameVariants.KnownName(items[best].Words) is { } known
            ? known.Type
            : members
                .GroupBy(m => items[m].Entity.Type)
                .OrderByDescending(g => g.Count())
                .ThenByDescending(g => g.Key == items[best].Entity.Type)
                .First().Key;
        return (CanonicalKey.IdOf(items[best].Key), displays[best], type);
    }

    /// <param name="Name">The mention as a name: without a person's titles ("President Joe Biden" -> "Joe Biden").</param>
    private sealed record Item(RecognizedEntity Entity, string Name, string Key, List<string> Words, bool IsAcronym)
    {
        public static Item Of(RecognizedEntity entity)
        {
            var name = entity.Type == EntityType.Person ? NameVariants.WithoutTitles(entity.Text) : entity.Text;
            return new Item(entity, name, CanonicalKey.Of(name), CanonicalKey.Words(name), NameVariants.IsAcronym(name));
        }
    }

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
