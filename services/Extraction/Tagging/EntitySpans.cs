namespace Newsroom.Extraction.Tagging;

/// <summary>
/// Names as (type, first token, end token) from IOB tags, read the way conlleval reads them: a name
/// starts at B-X, or at I-X after anything but X (IOB1 files and stray tags), and runs over the I-X after it.
/// </summary>
public static class EntitySpans
{
    public static List<(string Type, int Start, int End)> Of(IReadOnlyList<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var spans = new List<(string, int, int)>();
        string? open = null;
        var start = 0;
        for (var i = 0; i <= tags.Count; i++)
        {
            var tag = i < tags.Count ? tags[i] : EntityTags.Outside;
            var type = tag.Length > 2 && tag[1] == '-' ? tag[2..] : null;
            var continues = type is not null && type == open && tag[0] == 'I';
            if (continues)
            {
                continue;
            }

            if (open is not null)
            {
                spans.Add((open, start, i));
            }

            open = type;
            start = i;
        }

        return spans;
    }

    /// <summary>The same tags in IOB2, where every name starts with B-: what the tagger is trained on.</summary>
    public static string[] ToIob2(IReadOnlyList<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var result = Enumerable.Repeat(EntityTags.Outside, tags.Count).ToArray();
        foreach (var (type, start, end) in Of(tags))
        {
            EntityTags.Name(result, start, end, type);
        }

        return result;
    }
}
