namespace Newsroom.Extraction.Tagging;

/// <summary>
/// A name's last word is its head and says what it names: a name the tagger read as a person but whose
/// last word the gazetteer knows only as an organisation ("Kataib Hezbollah") is an organisation. Person
/// names end in surnames, which are seldom organisations too.
/// </summary>
internal static class NameHeads
{
    /// <summary>Corrects <paramref name="tags"/> (IOB2) of one sentence in place; <paramref name="words"/> are the tokens normalised.</summary>
    public static void Apply(IReadOnlyList<string> words, string[] tags, Gazetteer gazetteer)
    {
        foreach (var (type, start, end) in EntitySpans.Of(tags))
        {
            if (type != "PER" || end - start < 2 || gazetteer.IsCommonWord(words[end - 1]) || gazetteer.TypesOf(words[end - 1]) != GazetteerTypes.Organisation)
            {
                continue;
            }

            for (var i = start; i < end; i++)
            {
                tags[i] = (i == start ? "B-" : "I-") + "ORG";
            }
        }
    }
}
