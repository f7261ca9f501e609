namespace Newsroom.Dedup;

/// <summary>
/// The most recently used story profiles, bounded by the terms, entities and members they hold in all.
/// A story's profile changes only when an article joins it, and the store drops its entry then; every
/// other candidate story is read from memory instead of thousands of rows at each article.
/// </summary>
internal sealed class StoryProfileCache(int maxEntries)
{
    private readonly Dictionary<string, LinkedListNode<Entry>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _recent = new();
    private int _size;

    /// <summary>The story's profile as loaded with the same member limit, when cached.</summary>
    public StoryProfile? Find(string storyId, int maxMembers)
    {
        if (!_entries.TryGetValue(storyId, out var node) || node.Value.MaxMembers != maxMembers)
        {
            return null;
        }
        _recent.Remove(node);
        _recent.AddFirst(node);
        return node.Value.Profile;
    }

    public void Add(StoryProfile profile, int maxMembers)
    {
        Remove(profile.StoryId);
        var node = _recent.AddFirst(new Entry(profile, maxMembers));
        _entries[profile.StoryId] = node;
        _size += Size(profile);
        while (_size > maxEntries && _recent.Last is { } oldest && oldest != node)
        {
            Remove(oldest.Value.Profile.StoryId);
        }
    }

    public void Remove(string storyId)
    {
        if (_entries.Remove(storyId, out var node))
        {
            _recent.Remove(node);
            _size -= Size(node.Value.Profile);
        }
    }

    public void Clear()
    {
        _entries.Clear();
        _recent.Clear();
        _size = 0;
    }

    private static int Size(StoryProfile profile) => profile.TermWeights.Count + profile.EntityWeights.Count + profile.Members.Count;

    private sealed record Entry(StoryProfile Profile, int MaxMembers);
}
