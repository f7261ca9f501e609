using System.Data.Common;

namespace Newsroom.Query;

/// <summary>
/// One connection to the read model, in a transaction when it writes: the commands of a read or a
/// write are made here, so that a cancelled call can stop the one that is running. A connection kept
/// between writes (<c>keepsStatements</c>) also keeps the commands of <see cref="Prepared"/>, so each
/// statement is compiled once instead of at every write.
/// </summary>
internal sealed class ReadModelConnection : IDisposable
{
    private readonly Dictionary<string, DbCommand>? _prepared;

    /// <summary>The commands of <see cref="Prepared"/> on a connection that does not keep them, disposed with it.</summary>
    private readonly List<DbCommand> _owned = [];
    private DbTransaction? _transaction;
    private DbCommand? _latest;

    public ReadModelConnection(DbConnection connection, QueryStoreSql sql, bool keepsStatements = false)
    {
        Connection = connection;
        Sql = sql;
        _prepared = keepsStatements ? new Dictionary<string, DbCommand>(StringComparer.Ordinal) : null;
    }

    public DbConnection Connection { get; }

    public QueryStoreSql Sql { get; }

    /// <summary>A new command, for SQL made for one call; the caller disposes it.</summary>
    public DbCommand Command(string sql)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = _transaction;
        Volatile.Write(ref _latest, command);
        return command;
    }

    /// <summary>
    /// A command for SQL that is the same at every call, without parameters yet. The connection owns it: a kept
    /// connection hands out the same command, still compiled, the next time; another disposes it with itself.
    /// </summary>
    public DbCommand Prepared(string sql)
    {
        if (_prepared is null)
        {
            var once = Command(sql);
            _owned.Add(once);
            return once;
        }

        if (!_prepared.TryGetValue(sql, out var command))
        {
            command = Connection.CreateCommand();
            command.CommandText = sql;
            _prepared.Add(sql, command);
        }

        command.Parameters.Clear();
        command.Transaction = _transaction;
        Volatile.Write(ref _latest, command);
        return command;
    }

    public void BeginTransaction() => _transaction = Connection.BeginTransaction();

    /// <summary>Commits the transaction, if there is one; the connection may then begin another.</summary>
    public void Commit()
    {
        _transaction?.Commit();
        _transaction?.Dispose();
        _transaction = null;
    }

    /// <summary>Stops the statement running now, from another thread.</summary>
    public void Interrupt() => Sql.Interrupt(Connection, Volatile.Read(ref _latest));

    public void Dispose()
    {
        foreach (var command in _owned)
        {
            command.Dispose();
        }

        foreach (var command in _prepared?.Values ?? Enumerable.Empty<DbCommand>())
        {
            command.Dispose();
        }

        _transaction?.Dispose();
        Connection.Dispose();
    }
}
