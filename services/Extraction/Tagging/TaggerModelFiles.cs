namespace Newsroom.Extraction.Tagging;

/// <summary>
/// Where the tagger's files come from: the model and gazetteer that ship in services/Extraction/Model
/// (embedded in this assembly, read once per process), or files a person trained and names.
/// </summary>
public static class TaggerModelFiles
{
    private const string ModelResource = "Newsroom.Extraction.Model.entity-tagger.bin";
    private const string GazetteerResource = "Newsroom.Extraction.Model.gazetteer.tsv.gz";

    private static readonly Lazy<Gazetteer> ShippedGazetteerFile = new(() =>
    {
        using var gazetteer = Resource(GazetteerResource);
        return Gazetteer.Read(gazetteer);
    });

    private static readonly Lazy<EntityTagger> ShippedTagger = new(() =>
    {
        using var model = Resource(ModelResource);
        return EntityTagger.Read(model, ShippedGazetteer);
    });

    /// <summary>The tagger that ships with this build.</summary>
    public static EntityTagger Shipped => ShippedTagger.Value;

    /// <summary>The gazetteer that ships with this build, which the shipped tagger was trained with.</summary>
    public static Gazetteer ShippedGazetteer => ShippedGazetteerFile.Value;

    public static Gazetteer ReadGazetteer(string path)
    {
        using var stream = Open(path, "build one with `newsroom train gazetteers`");
        return Gazetteer.Read(stream);
    }

    public static WordClusters ReadWordClusters(string path)
    {
        using var stream = Open(path, "build one with `newsroom train word-clusters`");
        return WordClusters.Read(stream);
    }

    public static EntityTagger ReadTagger(string modelPath, Gazetteer gazetteer)
    {
        using var stream = Open(modelPath, "train one with `newsroom train tagger`");
        return EntityTagger.Read(stream, gazetteer);
    }

    private static FileStream Open(string path, string remedy)
    {
        try
        {
            return File.OpenRead(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FileNotFoundException($"Cannot read '{path}': {e.Message}; {remedy}.", path, e);
        }
    }

    private static Stream Resource(string name) =>
        typeof(TaggerModelFiles).Assembly.GetManifestResourceStream(name)
        ?? throw new InvalidOperationException($"The build has no {name}; rebuild services/Extraction, whose Model folder holds it.");
}
