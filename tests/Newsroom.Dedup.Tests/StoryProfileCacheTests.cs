using Newsroom.Contracts.V1;

namespace Newsroom.Dedup.Tests;

public sealed class StoryProfileCacheTests
{
    [Fact]
    public void The_least_recently_used_profiles_go_first_when_the_bound_is_passed()
    {
        // Each profile holds two terms, one entity and one member: four entries.
        var cache = new StoryProfileCache(maxEntries: 12);
        cache.Add(Profile("a"), 50);
        cache.Add(Profile("b"), 50);
        cache.Add(Profile("c"), 50);
        Assert.NotNull(cache.Find("a", 50));

        cache.Add(Profile("d"), 50);

        Assert.Null(cache.Find("b", 50));
        Assert.NotNull(cache.Find("a", 50));
        Assert.NotNull(cache.Find("c", 50));
        Assert.NotNull(cache.Find("d", 50));
    }

    [Fact]
    public void A_profile_read_with_another_member_limit_or_removed_is_not_answered()
    {
        var cache = new StoryProfileCache(maxEntries: 100);
        cache.Add(Profile("a"), 50);
        cache.Add(Profile("b"), 50);

        cache.Remove("b");

        Assert.Null(cache.Find("a", 10));
        Assert.Null(cache.Find("b", 50));
        Assert.Same(cache.Find("a", 50), cache.Find("a", 50));
    }

    [Fact]
    public void Counts_are_read_once_follow_committed_changes_and_are_dropped_when_full()
    {
        var reads = new List<string>();
        var stored = new Dictionary<string, int>(StringComparer.Ordinal) { ["x"] = 3, ["y"] = 1, ["z"] = 7 };
        var cache = new FrequencyCache(key => { reads.Add(key); return stored.GetValueOrDefault(key); }, capacity: 2);

        Assert.Equal(3, cache.Get("x"));
        Assert.Equal(3, cache.Get("x"));
        stored["x"] = 4;
        cache.Follow(["x", "y"], []);
        Assert.Equal(4, cache.Get("x"));
        stored["y"] = 2;
        Assert.Equal(2, cache.Get("y"));
        Assert.Equal(7, cache.Get("z"));
        Assert.Equal(4, cache.Get("x"));

        Assert.Equal(["x", "y", "z", "x"], reads);
    }

    private static StoryProfile Profile(string id) => new(
        id,
        MemberCount: 1,
        FirstTime: null,
        LastTime: null,
        new Dictionary<string, double>(StringComparer.Ordinal) { ["e_" + id] = 1 },
        new Dictionary<string, string>(StringComparer.Ordinal) { ["e_" + id] = "E " + id },
        new Dictionary<string, EntityType>(StringComparer.Ordinal) { ["e_" + id] = EntityType.Person },
        new Dictionary<string, double>(StringComparer.Ordinal) { ["t1"] = 1, ["t2"] = 2 },
        [new MemberLead("art_" + id, null, EventAction.Unspecified, null, null, null)],
        []);
}
