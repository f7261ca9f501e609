using System.Data.Common;
using Newsroom.Testing.Database;
using Xunit;

namespace Newsroom.ServiceDefaults.Tests;

/// <summary>
/// A command kept for reuse answers for the values of each call. PostgreSQL prepares a statement on the server
/// after a few uses, and Npgsql binds it to the command's parameter objects: a command whose parameters were replaced
/// instead of set answered with the values of an earlier call.
/// </summary>
public sealed class PreparedCommandsTests(PostgreSqlServer server) : IClassFixture<PostgreSqlServer>
{
    [PostgresFact]
    public async Task A_kept_command_on_PostgreSQL_answers_for_each_call_before_and_after_the_server_prepares_it()
    {
        using var database = new PostgresDatabase(await server.CreateDatabaseAsync("prepared-commands"));
        using var connection = database.Open();
        AnswersForEachCall(connection, "SELECT CAST(@value AS bigint) + 1, CAST(@name AS text)");
    }

    [Fact]
    public void A_kept_command_on_SQLite_answers_for_each_call()
    {
        using var connection = SqliteDatabase.InMemory().Open();
        AnswersForEachCall(connection, "SELECT @value + 1, @name");
    }

    private static void AnswersForEachCall(DbConnection connection, string sql)
    {
        using var commands = new PreparedCommands(connection);
        for (var call = 0; call < 20; call++)
        {
            using var reader = commands.For(sql, transaction: null).With("@value", (long)call).With("@name", call % 3 == 0 ? null : $"call {call}").ExecuteReader();
            Assert.True(reader.Read());
            Assert.Equal(call + 1, reader.GetInt64(0));
            Assert.Equal(call % 3 == 0 ? null : $"call {call}", reader.IsDBNull(1) ? null : reader.GetString(1));
        }
    }
}
