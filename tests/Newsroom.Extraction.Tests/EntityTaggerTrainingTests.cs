using Newsroom.Extraction.Tagging;

namespace Newsroom.Extraction.Tests;

/// <summary>The tagger learns from examples and keeps what it learnt through its file; made-up names, so nothing comes from the shipped model.</summary>
public sealed class EntityTaggerTrainingTests
{
    private static readonly Gazetteer Gazetteer = new(
        new Dictionary<string, GazetteerTypes> { ["veltrana"] = GazetteerTypes.Location, ["marek"] = GazetteerTypes.FirstName },
        ["said", "visited", "the", "in", "on", "city", "leader"]);

    private static readonly string[] Syllables = ["ka", "lo", "mir", "ven", "dra", "sul", "tor", "bel", "nix", "qua", "rho", "zen"];
    private static readonly string[] PersonClasses = ["0", "1"];
    private static readonly string[] PlaceClasses = ["0", "2"];

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

    /// <summary>Distinct names of three random syllables, as many for people as for places, none a real word.</summary>
    private static (string[] People, string[] Places) MadeUpPeopleAndPlaces(int seed, int each)
    {
        var random = new Random(seed);
        var names = new HashSet<string>();
        while (names.Count < 2 * each)
        {
            var word = string.Concat(Enumerable.Range(0, 3).Select(_ => Syllables[random.Next(Syllables.Length)]));
            names.Add(char.ToUpperInvariant(word[0]) + word[1..]);
        }

        return ([.. names.Take(each)], [.. names.Skip(each)]);
    }

    private static string[][] Tag(EntityTagger tagger, params string[] sentences) =>
        tagger.Tag([.. sentences.Select(s => (IReadOnlyList<string>)s.Split(' '))]);

    [Fact]
    public void A_trained_tagger_tags_new_combinations_of_the_names_it_learnt()
    {
        var tagger = new EntityTaggerTrainer(Gazetteer, WordClusters.None, "news").Train(Documents(), epochs: 5, seed: 1);

        var tags = Tag(tagger, "Zentria Brigades visited the city of Korsholm .", "The leader Ilsa Brandvik said in Estrelle on Monday .");

        Assert.Equal(["B-ORG", "I-ORG", "O", "O", "O", "O", "B-LOC", "O"], tags[0]);
        Assert.Equal(["O", "O", "B-PER", "I-PER", "O", "O", "B-LOC", "O", "O", "O"], tags[1]);
    }

    /// <summary>
    /// People and places in the same contexts, told apart only by the words themselves (made-up names of
    /// random syllables): names the training never saw can be typed only through their word classes.
    /// </summary>
    [Fact]
    public void Word_classes_type_names_the_training_never_saw()
    {
        var (people, places) = MadeUpPeopleAndPlaces(seed: 3, each: 80);
        var classes = new Dictionary<string, string[]>();
        foreach (var (name, path) in people.Select(p => (p, PersonClasses)).Concat(places.Select(p => (p, PlaceClasses))))
        {
            classes[name.ToLowerInvariant()] = path;
        }

        var clusters = new WordClusters(classes, grains: 2);
        var documents = Enumerable.Range(0, 60).Select(d => new TrainingDocument("news",
        [
            Sentence((people[d], "PER"), ("was", "O"), ("mentioned", "O"), (".", "O")),
            Sentence(("They", "O"), ("spoke", "O"), ("of", "O"), (places[d], "LOC"), (".", "O")),
            Sentence(("They", "O"), ("spoke", "O"), ("of", "O"), (people[59 - d], "PER"), (".", "O")),
            Sentence((places[59 - d], "LOC"), ("was", "O"), ("mentioned", "O"), (".", "O")),
        ])).ToList();
        var probe = people.Skip(60).Select(p => (p, "B-PER")).Concat(places.Skip(60).Select(p => (p, "B-LOC"))).ToArray();

        int Right(WordClusters wordClasses)
        {
            var tagger = new EntityTaggerTrainer(Gazetteer, wordClasses, "news").Train(documents, epochs: 5, seed: 1);
            return probe.Count(p => Tag(tagger, p.Item1 + " was mentioned .")[0][0] == p.Item2);
        }

        Assert.Equal(probe.Length, Right(clusters));
        Assert.True(Right(WordClusters.None) < probe.Length * 3 / 4, "without word classes, unseen names are typed by their spelling alone, about as well as by chance");
    }

    [Fact]
    public void Training_is_reproducible_and_the_model_file_keeps_every_decision()
    {
        var clusters = new WordClusters(new Dictionary<string, string[]> { ["kasprzak"] = ["3"], ["tovarin"] = ["3"], ["pradovia"] = ["5"] }, grains: 1);
        var first = new EntityTaggerTrainer(Gazetteer, clusters, "news").Train(Documents(), epochs: 3, seed: 7);
        var second = new EntityTaggerTrainer(Gazetteer, clusters, "news").Train(Documents(), epochs: 3, seed: 7);
        using var file = new MemoryStream();
        first.Write(file);
        file.Position = 0;
        var read = EntityTagger.Read(file, Gazetteer);

        string[] probe = ["Oto Kasprzak said in Pradovia .", "Norvane Workers Union visited the city of Veltrana ."];
        Assert.Equal(Tag(first, probe), Tag(second, probe));
        Assert.Equal(Tag(first, probe), Tag(read, probe));
        Assert.Equal("news", read.Domain);
        Assert.Equal(["3"], read.Clusters.ClassesOf("kasprzak")!);
    }

    [Fact]
    public void The_mean_of_taggers_trained_in_different_orders_tags_what_each_learnt_and_only_like_taggers_mix()
    {
        var taggers = Enumerable.Range(1, 3).Select(seed => new EntityTaggerTrainer(Gazetteer, WordClusters.None, "news").Train(Documents(), epochs: 2, seed: seed)).ToList();

        var mean = EntityTagger.Mean(taggers);

        Assert.Same(taggers[0], EntityTagger.Mean([taggers[0]]));
        Assert.True(mean.FeatureCount >= taggers.Max(t => t.FeatureCount));
        var tags = Tag(mean, "Zentria Brigades visited the city of Korsholm .", "The leader Ilsa Brandvik said in Estrelle on Monday .");
        Assert.Equal(["B-ORG", "I-ORG", "O", "O", "O", "O", "B-LOC", "O"], tags[0]);
        Assert.Equal(["O", "O", "B-PER", "I-PER", "O", "O", "B-LOC", "O", "O", "O"], tags[1]);
        var otherDomain = new EntityTaggerTrainer(Gazetteer, WordClusters.None, "wiki").Train(Documents(), epochs: 2, seed: 1);
        Assert.Throws<ArgumentException>(() => EntityTagger.Mean([taggers[0], otherDomain]));
    }

    [Theory]
    [InlineData(0, 5)]
    [InlineData(9, -1)]
    [InlineData(1 << 20, 1 << 20)]
    public void A_model_whose_weight_table_is_damaged_is_refused_with_what_to_do(int block, int rows)
    {
        using var file = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionMode.Compress, leaveOpen: true))
        using (var writer = new BinaryWriter(gzip))
        {
            writer.Write(EntityTagger.Magic);
            writer.Write("news");
            writer.Write(1);
            writer.Write("O");
            writer.Write(block);
            writer.Write(rows);
        }

        file.Position = 0;
        var error = Assert.Throws<InvalidDataException>(() => EntityTagger.Read(file, Gazetteer));
        Assert.Contains("newsroom train tagger", error.Message, StringComparison.Ordinal);
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
        var error = Assert.Throws<InvalidDataException>(() => new EntityTaggerTrainer(Gazetteer, WordClusters.None, "news").Train([bad], epochs: 1, seed: 1));
        Assert.Contains("B-geo", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_decoder_never_opens_a_name_with_an_inside_tag()
    {
        var labels = EntityTags.All.ToArray();
        var lattice = new TagLattice(EntityTags.Transitions(labels), 2);
        var insidePerson = Array.IndexOf(labels, "I-PER");
        var beginOrg = Array.IndexOf(labels, "B-ORG");
        lattice.Emission(0)[insidePerson] = 10;
        lattice.Emission(1)[insidePerson] = 10;
        lattice.Emission(0)[beginOrg] = 1;

        var path = lattice.Best().Select(k => labels[k]).ToArray();

        Assert.NotEqual("I-PER", path[0]);
        Assert.True(EntityTags.CanFollow(path[0], path[1]), $"{path[0]} then {path[1]}");
    }

    /// <summary>
    /// The same sentence about a town, in sports copy and in other news: only the document tells whether the town is a
    /// club or a place, and the tagger reads it from a score or a results line elsewhere in the document.
    /// </summary>
    [Fact]
    public void In_sports_copy_a_town_is_a_club_and_elsewhere_a_place()
    {
        var towns = new Gazetteer(
            new Dictionary<string, GazetteerTypes>
            {
                ["veltrana"] = GazetteerTypes.Location,
                ["korsholm"] = GazetteerTypes.Location,
                ["pradovia"] = GazetteerTypes.Location,
                ["estrelle"] = GazetteerTypes.Location,
                ["dravik"] = GazetteerTypes.Location,
            },
            ["lost", "floods", "hit", "the", "region", "on"]);
        TrainingDocument Report(string town, bool sport) => new("news",
        [
            sport ? Sentence(("Korsholm", "ORG"), ("2", "O"), ("Pradovia", "ORG"), ("1", "O")) : Sentence(("Floods", "O"), ("hit", "O"), ("the", "O"), ("region", "O"), (".", "O")),
            Sentence((town, sport ? "ORG" : "LOC"), ("lost", "O"), ("on", "O"), ("Monday", "O"), (".", "O")),
        ]);
        var documents = Enumerable.Range(0, 40).Select(d => Report(d % 4 < 2 ? "Veltrana" : "Korsholm", sport: d % 2 == 0)).ToList();
        var tagger = new EntityTaggerTrainer(towns, WordClusters.None, "news").Train(documents, epochs: 5, seed: 1);

        var inSport = Tag(tagger, "Dravik 3 Veltrana 0", "Estrelle lost on Monday .");
        var elsewhere = Tag(tagger, "Floods hit the region .", "Estrelle lost on Monday .");

        Assert.Equal("B-ORG", inSport[1][0]);
        Assert.Equal("B-LOC", elsewhere[1][0]);
    }

    /// <summary>
    /// A headline in capitals says nothing of what its names are ("X WAS MENTIONED"), while its story does ("the leader
    /// X said", "they travelled to X"). The headline is read after the story, so what the story made of a name decides
    /// it there too, for names the training never saw.
    /// </summary>
    [Fact]
    public void A_headline_is_read_with_what_its_story_made_of_its_names()
    {
        var (people, places) = MadeUpPeopleAndPlaces(seed: 5, each: 120);
        TrainingSentence Headline(string name, string type) => Sentence((name.ToUpperInvariant(), type), ("WAS", "O"), ("MENTIONED", "O"));
        TrainingSentence Story(string name, string type) => type == "PER"
            ? Sentence(("The", "O"), ("leader", "O"), (name, "PER"), ("said", "O"), ("so", "O"), (".", "O"))
            : Sentence(("They", "O"), ("travelled", "O"), ("to", "O"), (name, "LOC"), ("at", "O"), ("once", "O"), (".", "O"));
        var documents = Enumerable.Range(0, 200)
            .Select(d => d % 2 == 0 ? (Name: people[d / 2], Type: "PER") : (Name: places[d / 2], Type: "LOC"))
            .Select(n => new TrainingDocument("news", [Headline(n.Name, n.Type), Story(n.Name, n.Type)]))
            .ToList();
        var tagger = new EntityTaggerTrainer(Gazetteer, WordClusters.None, "news").Train(documents, epochs: 5, seed: 1);
        var probe = people.Skip(100).Select(p => (Name: p, Type: "PER")).Concat(places.Skip(100).Select(p => (Name: p, Type: "LOC"))).ToList();

        var withStory = probe.Count(p => Tag(tagger, p.Name.ToUpperInvariant() + " WAS MENTIONED", string.Join(' ', Story(p.Name, p.Type).Tokens))[0][0] == "B-" + p.Type);
        var alone = probe.Count(p => Tag(tagger, p.Name.ToUpperInvariant() + " WAS MENTIONED")[0][0] == "B-" + p.Type);

        Assert.Equal(probe.Count, withStory);
        Assert.True(alone < probe.Count * 3 / 4, "alone, a headline's name is typed by its spelling, about as well as by chance");
    }
}
