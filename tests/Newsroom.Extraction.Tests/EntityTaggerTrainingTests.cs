using Newsroom.Extraction.Tagging;

namespace Newsroom.Extraction.Tests;

/// <summary>The tagger learns from examples and keeps what it learnt through its file; made-up names, so nothing comes from the shipped model.</summary>
public sealed class EntityTaggerTrainingTests
{
    private static readonly Gazetteer Gazetteer = new(
        new Dictionary<string, GazetteerTypes> { ["veltrana"] = GazetteerTypes.Location, ["marek"] = GazetteerTypes.FirstName },
        ["said", "visited", "the", "in", "on", "city", "leader"]);

    private static readonly string[] People = ["Marek Tovarin", "Ilsa Brandvik", "Oto Kasprzak", "Runa Delvaux"];
    private static readonly string[] Places = ["Veltrana", "Korsholm", "Pradovia", "Estrelle"];
    private static readonly string[] Groups = ["Kaldovian Liberation Army", "Norvane Workers Union", "Zentria Brigades"];

    private static List<TrainingDocument> Documents()
    {
        var documents = new List<TrainingDocument>();
        for (var d = 0; d < 24; d++)
        {
            var sentences = new List<TrainingSentence>();
            for (var s = 0; s < 3; s++)
            {
                var person = People[(d + s) % People.Length];
                var place = Places[(d * 3 + s) % Places.Length];
                var group = Groups[(d + (2 * s)) % Groups.Length];
                sentences.Add(Sentence(("The", "O"), ("leader", "O"), (person, "PER"), ("said", "O"), ("in", "O"), (place, "LOC"), ("on", "O"), ("Monday", "O"), (".", "O")));
                sentences.Add(Sentence((group, "ORG"), ("visited", "O"), ("the", "O"), ("city", "O"), ("of", "O"), (place, "LOC"), (".", "O")));
            }

            documents.Add(new TrainingDocument(d % 4 == 0 ? "wiki" : "news", sentences));
        }

        return documents;
    }

    /// <summary>Each part is a name (tagged B- then I- over its words) or a single O token.</summary>
    private static TrainingSentence Sentence(params (string Text, string Type)[] parts)
    {
        var tokens = new List<string>();
        var tags = new List<string>();
        foreach (var (text, type) in parts)
        {
            var words = text.Split(' ');
            for (var i = 0; i < words.Length; i++)
            {
                tokens.Add(words[i]);
                tags.Add(type == EntityTags.Outside ? type : (i == 0 ? "B-" : "I-") + type);
            }
        }

        return new TrainingSentence(tokens, tags);
    }

    private static string[][] Tag(EntityTagger tagger, params string[] sentences) =>
        tagger.Tag([.. sentences.Select(s => (IReadOnlyList<string>)s.Split(' '))]);

    [Fact]
    public void A_trained_tagger_tags_new_combinations_of_the_names_it_learnt()
    {
        var tagger = new EntityTaggerTrainer(Gazetteer, "news").Train(Documents(), epochs: 5, seed: 1);

        var tags = Tag(tagger, "Zentria Brigades visited the city of Korsholm .", "The leader Ilsa Brandvik said in Estrelle on Monday .");

        Assert.Equal(["B-ORG", "I-ORG", "O", "O", "O", "O", "B-LOC", "O"], tags[0]);
        Assert.Equal(["O", "O", "B-PER", "I-PER", "O", "O", "B-LOC", "O", "O", "O"], tags[1]);
    }

    [Fact]
    public void Training_is_reproducible_and_the_model_file_keeps_every_decision()
    {
        var first = new EntityTaggerTrainer(Gazetteer, "news").Train(Documents(), epochs: 3, seed: 7);
        var second = new EntityTaggerTrainer(Gazetteer, "news").Train(Documents(), epochs: 3, seed: 7);
        using var file = new MemoryStream();
        first.Write(file);
        file.Position = 0;
        var read = EntityTagger.Read(file, Gazetteer);

        string[] probe = ["Oto Kasprzak said in Pradovia .", "Norvane Workers Union visited the city of Veltrana ."];
        Assert.Equal(Tag(first, probe), Tag(second, probe));
        Assert.Equal(Tag(first, probe), Tag(read, probe));
        Assert.Equal("news", read.Domain);
    }

    [Fact]
    public void A_file_that_is_not_a_model_is_refused_with_what_to_do()
    {
        using var file = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionMode.Compress, leaveOpen: true))
        using (var writer = new BinaryWriter(gzip))
        {
            writer.Write("something else");
        }

        file.Position = 0;
        var error = Assert.Throws<InvalidDataException>(() => EntityTagger.Read(file, Gazetteer));
        Assert.Contains("newsroom train tagger", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_training_tags_are_refused_with_the_tags_it_knows()
    {
        var bad = new TrainingDocument("news", [new TrainingSentence(["Veltrana"], ["B-geo"])]);
        var error = Assert.Throws<InvalidDataException>(() => new EntityTaggerTrainer(Gazetteer, "news").Train([bad], epochs: 1, seed: 1));
        Assert.Contains("B-geo", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_decoder_never_opens_a_name_with_an_inside_tag()
    {
        var labels = EntityTags.All.ToArray();
        var lattice = new TagLattice(EntityTags.Transitions(labels), 2);
        var insidePerson = Array.IndexOf(labels, "I-PER");
        var beginOrg = Array.IndexOf(labels, "B-ORG");
        lattice.Emission[0][insidePerson] = 10;
        lattice.Emission[1][insidePerson] = 10;
        lattice.Emission[0][beginOrg] = 1;

        var path = lattice.Best().Select(k => labels[k]).ToArray();

        Assert.NotEqual("I-PER", path[0]);
        Assert.True(EntityTags.CanFollow(path[0], path[1]), $"{path[0]} then {path[1]}");
    }
}
