using System.Data.Common;

namespace Newsroom.ServiceDefaults;

/// <summary>
/// Commands kept by their SQL on one connection: a statement is compiled the first time and reused with fresh
/// parameters after that, since compiling statements anew took a large share of each write. Whoever gets a command
/// never disposes it; <see cref="Dispose"/> disposes them all, before their connection is.
/// </summary>
public sealed class PreparedCommands(DbConnection connection) : IDisposable
{
    private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);

    /// <summary>The command for the SQL, without parameters, running in <paramref name="transaction"/> (if any).</summary>
    public DbCommand For(string sql, DbTransaction? transaction)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            _commands.Add(sql, command);
        }
        command.Transaction = transaction;
        command.Parameters.Clear();
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
