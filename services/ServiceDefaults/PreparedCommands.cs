using System.Data.Common;

namespace Newsroom.ServiceDefaults;

/// <summary>
/// Commands kept by their SQL on one connection: a statement is compiled the first time and reused after that, since
/// compiling statements anew took a large share of each write (on PostgreSQL, planning one took as long as running it).
/// A command comes back with the parameters of its last use, and the caller sets each of them again
/// (<see cref="DbCommandParameters.With"/>): Npgsql binds a statement it prepared to the parameter objects, so new
/// ones would go unseen. Whoever gets a command never disposes it; <see cref="Dispose"/> disposes them all, before
/// their connection is.
/// </summary>
public sealed class PreparedCommands(DbConnection connection) : IDisposable
{
    private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);

    /// <summary>The command for the SQL, running in <paramref name="transaction"/> (if any).</summary>
    public DbCommand For(string sql, DbTransaction? transaction)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            _commands.Add(sql, command);
        }
        command.Transaction = transaction;
        return command;
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }
        _commands.Clear();
    }
}
