using System.Globalization;
using Microsoft.Data.Sqlite;
using Newsroom.ServiceDefaults;
using Xunit;
using static Newsroom.Query.Tests.StoryEvents;

namespace Newsroom.Query.Tests;

/// <summary>
/// The search ranking function gives FTS5's bm25 when told the true number of rows holding each phrase, whether it
/// measures each row or is given the rows' lengths, and the query store tells it counts and lengths that follow the
/// index as it grows.
/// </summary>
public sealed class Bm25WithWordCountsTests
{
    private static readonly DateTimeOffset IndexedAt = Start.AddDays(1);

    private static readonly string[] Texts =
    [
        "harbor closed after a blast at the harbor gates",
        "the port reopened; ships left the harbor at dawn",
        "convoy attacked near the border crossing",
        "a blast near the convoy; the harbor stays open",
        "talks on the border resume next week",
        "harbor harbor harbor: a long report on the harbor, its ships, its cranes and its workers, with more words",
    ];

    [Theory]
    [InlineData("harbor", false)]
    [InlineData("convoy blast", false)]
    [InlineData("convoy OR reopened", false)]
    [InlineData("harbor", true)]
    [InlineData("convoy blast", true)]
    [InlineData("convoy OR reopened", true)]
    public void Given_the_true_counts_it_scores_every_row_as_bm25_does(string match, bool rowSizesGiven)
    {
        var (connection, sizes) = IndexWithSizes(rowSizesGiven);
        using (connection)
        {
            var rows = ScoredRows(connection, match, sizes?.Id ?? 0);

            Assert.NotEmpty(rows);
            foreach (var (rowId, expected, actual) in rows)
            {
                Assert.True(Math.Abs(expected - actual) <= 1e-12 * Math.Max(1, Math.Abs(expected)), $"row {rowId}: bm25 {expected}, {Bm25WithWordCounts.Name} {actual}");
            }
        }
    }

    /// <summary>
    /// "the" is in every row: bm25 gives it a weight of 1e-6, which beside "border" only breaks ties, so it adds nothing
    /// (and its occurrences are not read). Alone, or with words as common, it still ranks as bm25 does (above: "harbor").
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_phrase_in_more_than_half_the_rows_adds_nothing_beside_a_rarer_one(bool rowSizesGiven)
    {
        var (connection, sizes) = IndexWithSizes(rowSizesGiven);
        using (connection)
        {
            var both = ScoredRows(connection, "\"the\" \"border\"", sizes?.Id ?? 0);
            var borderAlone = ScoredRows(connection, "\"border\"", sizes?.Id ?? 0).ToDictionary(r => r.RowId, r => r.Bm25);

            Assert.Equal(2, both.Count);
            foreach (var (rowId, bm25, ours) in both)
            {
                Assert.Equal(borderAlone[rowId], ours, 12);
                Assert.NotEqual(bm25, ours, 9);
            }
        }
    }

    /// <summary>The lengths given are the ones it ranks with: a row said to be longer scores lower, the others as before.</summary>
    [Fact]
    public void Given_row_sizes_it_ranks_with_them()
    {
        var database = SqliteDatabase.InMemory();
        using var connection = database.Open();
        CreateIndex(connection);
        var sizes = new SearchRowSizes();
        using (var load = connection.CreateCommand())
        {
            sizes.Load(load);
        }

        Assert.True(sizes.TryGet(1, out var firstSize));
        sizes.Record(1, [0x81, 0x00, 0x01]);
        Assert.True(sizes.TryGet(1, out var recorded));
        Assert.Equal(129, recorded);

        var rows = ScoredRows(connection, "harbor", sizes.Id);
        var first = rows.Single(r => r.RowId == 1);
        Assert.True(Math.Abs(first.Ours) < Math.Abs(first.Bm25) * 0.8, $"a row said to hold {recorded} tokens instead of {firstSize} scores {first.Ours}, bm25 {first.Bm25}");
        Assert.All(rows.Where(r => r.RowId != 1), r => Assert.Equal(r.Bm25, r.Ours, 12));

        // Forgotten sizes leave every row to FTS5 again.
        sizes.Forget();
        Assert.False(sizes.TryGet(1, out _));
        Assert.All(ScoredRows(connection, "harbor", sizes.Id), r => Assert.Equal(r.Bm25, r.Ours, 12));
    }

    [Theory]
    [InlineData(new byte[] { 0x08, 0x00, 0x04, 0x08, 0x81, 0x50, 0x81, 0x7D }, 481)]
    [InlineData(new byte[] { }, 0)]
    [InlineData(new byte[] { 0x05, 0x81 }, 0)]
    public void A_docsize_blob_is_the_sum_of_its_varints(byte[] docsize, int total) =>
        Assert.Equal(total, SearchRowSizes.Total(docsize));

    [Fact]
    public void Without_a_count_for_each_phrase_the_statement_fails_and_says_what_it_takes()
    {
        var database = SqliteDatabase.InMemory();
        using var connection = database.Open();
        Execute(connection, "CREATE VIRTUAL TABLE t USING fts5 (title, body)");
        Execute(connection, "INSERT INTO t (title, body) VALUES ('harbor', 'harbor blast')");
        Bm25WithWordCounts.Register(connection);
        // A pooled connection opened again registers nothing twice.
        Bm25WithWordCounts.Register(connection);

        var error = Assert.Throws<SqliteException>(() => Scalar(connection, $"SELECT {Bm25WithWordCounts.Name}(t, 1.0, 1.0, 0) FROM t WHERE t MATCH 'harbor blast'"));
        Assert.Contains("the id of the row sizes (0 for none) and a row count for each of the 2 phrases", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// A word's count is kept between searches, and counted again once more stories were indexed than a sixteenth
    /// of it: a story's score is then the one bm25 gives it on the index as it is.
    /// </summary>
    [Fact]
    public void A_search_ranks_with_counts_that_follow_the_index()
    {
        var database = SqliteDatabase.InMemory();
        using var store = new QueryStore(database);
        using var connection = database.Open();
        store.IndexStory(Story("first", "a0", "Harbor blast", "A blast closed the harbor."), IndexedAt);
        for (var i = 1; i <= 40; i++)
        {
            store.IndexStory(Story($"other{i}", $"b{i}", $"Market report {i}", "Prices rose."), IndexedAt);
        }

        Assert.Equal(Bm25Of(connection, "first", "harbor"), Score(store, "first", "harbor"), 12);

        // The next 40 stories all hold the word: bm25 weighs it less, and so must the search.
        for (var i = 1; i <= 40; i++)
        {
            store.IndexStory(Story($"later{i}", $"c{i}", $"Harbor traffic {i}", "Ships left the harbor."), IndexedAt);
        }

        var expected = Bm25Of(connection, "first", "harbor");
        Assert.Equal(expected, Score(store, "first", "harbor"), 12);
        Assert.Equal(expected, Score(store, "first", "harbor"), 12);

        // A longer report joins the first story: its row is rewritten, longer, and ranked with its new length.
        store.IndexStory(Update("first", 2, Extracted(StoryEvents.Article("a1", "Harbor blast: the day after", string.Join(' ', Enumerable.Repeat("Cranes stood idle along the quay.", 30))))), IndexedAt);
        var rewritten = Bm25Of(connection, "first", "harbor");
        Assert.NotEqual(expected, rewritten, 6);
        Assert.Equal(rewritten, Score(store, "first", "harbor"), 12);
    }

    /// <summary>A store opened on an index another wrote ranks its rows with their lengths from the start, and as it rewrites them.</summary>
    [Fact]
    public void A_store_opened_again_ranks_as_bm25_does()
    {
        var path = Path.Combine(Path.GetTempPath(), $"newsroom-bm25-{Guid.NewGuid():N}.db");
        try
        {
            var database = SqliteDatabase.File(path);
            using (var writer = new QueryStore(database))
            {
                writer.IndexStory(Story("first", "a0", "Harbor blast", "A blast closed the harbor."), IndexedAt);
                writer.IndexStory(Story("second", "b0", "Harbor traffic", "Ships left the harbor at dawn after a long night of loading cranes."), IndexedAt);
            }

            using var store = new QueryStore(database);
            using var connection = database.Open();
            Assert.Equal(Bm25Of(connection, "first", "harbor"), Score(store, "first", "harbor"), 12);
            Assert.Equal(Bm25Of(connection, "second", "harbor"), Score(store, "second", "harbor"), 12);

            // The lengths read at opening follow the rows this store rewrites.
            store.IndexStory(Update("first", 2, Extracted(StoryEvents.Article("a1", "Harbor blast: the day after", string.Join(' ', Enumerable.Repeat("Cranes stood idle along the quay.", 30))))), IndexedAt);
            Assert.Equal(Bm25Of(connection, "first", "harbor"), Score(store, "first", "harbor"), 12);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(path) + "*"))
            {
                File.Delete(file);
            }
        }
    }

    /// <summary>A connection to a new index of <see cref="Texts"/>, and the rows' sizes read from it where they are to be given.</summary>
    private static (SqliteConnection Connection, SearchRowSizes? Sizes) IndexWithSizes(bool rowSizesGiven)
    {
        var connection = SqliteDatabase.InMemory().Open();
        CreateIndex(connection);
        if (!rowSizesGiven)
        {
            return (connection, null);
        }

        var sizes = new SearchRowSizes();
        using var load = connection.CreateCommand();
        sizes.Load(load);
        Assert.True(sizes.TryGet(1, out _));
        return (connection, sizes);
    }

    private static void CreateIndex(SqliteConnection connection)
    {
        // Named as the query store's index, whose lengths SearchRowSizes reads.
        Execute(connection, "CREATE VIRTUAL TABLE story_search USING fts5 (title, body, tokenize = 'porter unicode61')");
        foreach (var text in Texts)
        {
            Execute(connection, "INSERT INTO story_search (title, body) VALUES (@title, @body)", ("@title", text.Split(' ')[0]), ("@body", text));
        }

        Bm25WithWordCounts.Register(connection);
    }

    /// <summary>Each matching row's bm25 and newsroom_bm25 given the true counts of the match's phrases, and the sizes of that id.</summary>
    private static List<(long RowId, double Bm25, double Ours)> ScoredRows(SqliteConnection connection, string match, long sizesId)
    {
        // The phrases of the match, in order, each counted alone: what bm25 counts at every search.
        var counts = match.Split(' ').Where(p => p != "OR")
            .Select(p => Convert.ToInt64(Scalar(connection, "SELECT COUNT(*) FROM story_search WHERE story_search MATCH @p", ("@p", p)), CultureInfo.InvariantCulture))
            .ToArray();
        var arguments = string.Concat(counts.Select((_, i) => $", @n{i}"));
        return Rows(connection, $"SELECT rowid, bm25(story_search, 3.0, 1.5), {Bm25WithWordCounts.Name}(story_search, 3.0, 1.5, @sizes{arguments}) FROM story_search WHERE story_search MATCH @match ORDER BY rowid",
            [("@match", match), ("@sizes", sizesId), .. counts.Select((count, i) => ($"@n{i}", (object)count))]);
    }

    private static double Score(QueryStore store, string storyId, string query) =>
        store.SearchStories(SearchTerms.Words(query), null, 0, 100).Hits.Single(h => h.Story.StoryId == storyId).Score;

    private static double Bm25Of(SqliteConnection connection, string storyId, string word) =>
        Convert.ToDouble(Scalar(connection, $"""
            SELECT -bm25(story_search, {SqliteQueryStoreSql.Bm25Weights}) FROM story_search
            JOIN stories s ON s.story_key = story_search.rowid WHERE story_search MATCH @word AND s.story_id = @story
            """, ("@word", word), ("@story", storyId)), CultureInfo.InvariantCulture);

    private static void Execute(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        return command.ExecuteScalar();
    }

    private static List<(long RowId, double Bm25, double Ours)> Rows(SqliteConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<(long, double, double)>();
        while (reader.Read())
        {
            rows.Add((reader.GetInt64(0), reader.GetDouble(1), reader.GetDouble(2)));
        }

        return rows;
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }
}
