using System.Globalization;
using Microsoft.Data.Sqlite;
using Newsroom.ServiceDefaults;
using Xunit;
using static Newsroom.Query.Tests.StoryEvents;

namespace Newsroom.Query.Tests;

/// <summary>
/// The search ranking function gives FTS5's bm25 when told the true number of rows holding each phrase, and the
/// query store tells it counts that follow the index as it grows.
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
    [InlineData("harbor")]
    [InlineData("harbor blast")]
    [InlineData("\"the\" \"border\"")]
    [InlineData("convoy OR reopened")]
    public void Given_the_true_counts_it_scores_every_row_as_bm25_does(string match)
    {
        var database = SqliteDatabase.InMemory();
        using var connection = database.Open();
        Execute(connection, "CREATE VIRTUAL TABLE t USING fts5 (title, body, tokenize = 'porter unicode61')");
        foreach (var text in Texts)
        {
            Execute(connection, "INSERT INTO t (title, body) VALUES (@title, @body)", ("@title", text.Split(' ')[0]), ("@body", text));
        }

        Bm25WithWordCounts.Register(connection);
        // The phrases of the match, in order, each counted alone: what bm25 counts at every search.
        var counts = match.Split(' ').Where(p => p != "OR")
            .Select(p => Convert.ToInt64(Scalar(connection, "SELECT COUNT(*) FROM t WHERE t MATCH @p", ("@p", p)), CultureInfo.InvariantCulture))
            .ToArray();
        var arguments = string.Concat(counts.Select((_, i) => $", @n{i}"));
        var rows = Rows(connection, $"SELECT rowid, bm25(t, 3.0, 1.5), {Bm25WithWordCounts.Name}(t, 3.0, 1.5{arguments}) FROM t WHERE t MATCH @match ORDER BY rowid",
            [("@match", match), .. counts.Select((count, i) => ($"@n{i}", (object)count))]);

        Assert.NotEmpty(rows);
        foreach (var (rowId, expected, actual) in rows)
        {
            Assert.True(Math.Abs(expected - actual) <= 1e-12 * Math.Max(1, Math.Abs(expected)), $"row {rowId}: bm25 {expected}, {Bm25WithWordCounts.Name} {actual}");
        }
    }

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

        var error = Assert.Throws<SqliteException>(() => Scalar(connection, $"SELECT {Bm25WithWordCounts.Name}(t, 1.0, 1.0) FROM t WHERE t MATCH 'harbor blast'"));
        Assert.Contains("a row count for each of the 2 phrases", error.Message, StringComparison.Ordinal);
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
