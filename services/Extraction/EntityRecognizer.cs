using Newsroom.Contracts.V1;
using Newsroom.Extraction.Tagging;

namespace Newsroom.Extraction;

/// <summary>
/// Finds named entities in running text with the trained <see cref="EntityTagger"/>: splits the text into
/// sentences and tokens, tags the whole text as one document (so a headline is read beside its story),
/// and turns the tags into names with character offsets. Titles are not part of person names.
/// </summary>
public sealed class EntityRecognizer
{
    private readonly EntityTagger tagger;

    public EntityRecognizer()
        : this(TaggerModelFiles.Shipped)
    {
    }

    public EntityRecognizer(EntityTagger tagger)
    {
        this.tagger = tagger;
    }

    public IReadOnlyList<RecognizedEntity> Recognize(string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sentences = SentenceSplitter.Split(text)
            .Select(range => TextTokenizer.Tokenize(text, range.Start.GetOffset(text.Length), range.End.GetOffset(text.Length)))
            .Where(tokens => tokens.Count > 0)
            .ToList();
        var tags = tagger.Tag([.. sentences.Select(s => (IReadOnlyList<string>)[.. s.Select(t => t.Text)])], cancellationToken);
        var entities = new List<RecognizedEntity>();
        for (var s = 0; s < sentences.Count; s++)
        {
            foreach (var (type, first, end) in EntitySpans.Of(tags[s]))
            {
                var start = sentences[s][first].Start;
                var stop = sentences[s][end - 1].End;
                entities.Add(new RecognizedEntity(text[start..stop], TypeOf(type), start, stop));
            }
        }

        return entities;
    }

    private static EntityType TypeOf(string tag) => tag switch
    {
        "PER" => EntityType.Person,
        "ORG" => EntityType.Organization,
        "LOC" => EntityType.Location,
        _ => EntityType.Other,
    };
}
