using System.Text.Json;

namespace Newsroom.Dedup.Tests.Evaluation;

/// <summary>Reads ECB+ from the shared corpus (JSON Lines: doc_id, topic, cluster, title, text) in file order.</summary>
internal static class EcbPlusCorpus
{
    public static IReadOnlyList<EcbPlusDocument> LoadDev() => Load(CorpusAssert.Exists("ecbplus", "dev.jsonl"));

    public static IReadOnlyList<EcbPlusDocument> Load(string path)
    {
        var documents = new List<EcbPlusDocument>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            documents.Add(new EcbPlusDocument(
                root.GetProperty("doc_id").GetString() ?? throw new InvalidDataException($"{path}:{lineNumber} has no doc_id"),
                root.GetProperty("topic").GetInt32(),
                root.GetProperty("cluster").GetString() ?? throw new InvalidDataException($"{path}:{lineNumber} has no cluster"),
                root.GetProperty("title").GetString() ?? string.Empty,
                root.GetProperty("text").GetString() ?? string.Empty));
        }
        return documents;
    }

    /// <summary>
    /// Splits the topics in two by their position in topic order (1st, 3rd, 5th ... vs 2nd, 4th ...):
    /// thresholds are tuned on the first part and reported on the second, which they never saw.
    /// </summary>
    public static (IReadOnlyList<EcbPlusDocument> Tuning, IReadOnlyList<EcbPlusDocument> HeldOut) SplitByTopic(IReadOnlyList<EcbPlusDocument> documents)
    {
        var topics = documents.Select(d => d.Topic).Distinct().Order().ToList();
        var tuningTopics = topics.Where((_, i) => i % 2 == 0).ToHashSet();
        return (
            documents.Where(d => tuningTopics.Contains(d.Topic)).ToList(),
            documents.Where(d => !tuningTopics.Contains(d.Topic)).ToList());
    }
}
