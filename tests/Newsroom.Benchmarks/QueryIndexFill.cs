using System.Diagnostics;
using System.Globalization;
using Newsroom.Query;
using Newsroom.ServiceDefaults;

namespace Newsroom.Benchmarks;

/// <summary>
/// <c>fill-query-index</c>: writes synthetic stories (<see cref="SyntheticCoverage"/>) into a query
/// service's data folder, or into the PostgreSQL database its replicas share, through <see cref="QueryStore"/>,
/// the code the service indexes with, so that a query service started on it can be measured with
/// <c>newsroom bench search</c> at a scale the pipeline would take hours to reach. Also writes
/// <c>search-words.txt</c> into the folder, the vocabulary by frequency.
/// </summary>
internal static class QueryIndexFill
{
    public const string Command = "fill-query-index";
    public const string WordsFile = "search-words.txt";

    private const string Usage = "usage: fill-query-index --data <folder> [--postgres <connection string>] [--articles 1000000] [--seed 1]";

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        if (!TryParse(args, out var folder, out var postgres, out var articles, out var seed, out var problem))
        {
            Console.Error.WriteLine($"error: {problem}\n{Usage}");
            return 2;
        }
        Directory.CreateDirectory(folder);
        var database = Path.Combine(folder, QueryServiceExtensions.DatabaseFileName);
        if (postgres.Length == 0 && File.Exists(database))
        {
            Console.Error.WriteLine($"error: {database} exists; give an empty folder, so that the index holds exactly this run's articles.");
            return 2;
        }

        var coverage = new SyntheticCoverage(seed);
        File.WriteAllLines(Path.Combine(folder, WordsFile), coverage.Words);
        using var shared = postgres.Length > 0 ? new PostgresDatabase(postgres) : null;
        var store = shared is null ? new QueryStore(SqliteDatabase.File(database)) : new QueryStore(shared);
        var clock = Stopwatch.StartNew();
        var done = 0;
        // As the service's consumers do: as many writes at once as its endpoint takes messages, each on a thread of
        // its own, so that writes waiting their turn share commits as they do there.
        var writing = new Queue<Task>();
        foreach (var update in coverage.Updates(articles))
        {
            writing.Enqueue(Task.Run(() => store.IndexStoryAsync(update, update.UpdatedAt)));
            if (writing.Count >= QueryConsumerDefinition<QueryStoryUpdatedConsumer>.ConcurrentMessages)
            {
                await writing.Dequeue().ConfigureAwait(false);
                Report(++done, articles, clock);
            }
        }

        while (writing.Count > 0)
        {
            await writing.Dequeue().ConfigureAwait(false);
            Report(++done, articles, clock);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{articles:N0} articles in {store.Description}; start a query service on it ({(shared is null ? $"Data__Path={folder}" : "Data__PostgreSql")}) and run `newsroom bench search --words {Path.Combine(folder, WordsFile)}`"));
        return 0;
    }

    private static void Report(int done, int articles, Stopwatch clock)
    {
        if (done % 10_000 == 0 || done == articles)
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{done:N0} of {articles:N0} articles indexed, {done / clock.Elapsed.TotalSeconds:F0}/s, {clock.Elapsed:hh\\:mm\\:ss}"));
        }
    }

    private static bool TryParse(IReadOnlyList<string> args, out string folder, out string postgres, out int articles, out int seed, out string problem)
    {
        (folder, postgres, articles, seed, problem) = ("", "", 1_000_000, 1, "");
        for (var i = 0; i < args.Count; i += 2)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            switch (args[i])
            {
                case "--data" when value is not null:
                    folder = value;
                    break;
                case "--postgres" when value is not null:
                    postgres = value;
                    break;
                case "--articles" when int.TryParse(value, CultureInfo.InvariantCulture, out articles) && articles > 0:
                    break;
                case "--seed" when int.TryParse(value, CultureInfo.InvariantCulture, out seed):
                    break;
                default:
                    problem = $"'{args[i]}{(value is null ? "" : " " + value)}' is not understood";
                    return false;
            }
        }
        problem = folder.Length == 0 ? "--data is required: the query service's data folder to fill (with --postgres, where the vocabulary goes)" : "";
        return problem.Length == 0;
    }
}
