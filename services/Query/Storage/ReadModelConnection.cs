using System.Data.Common;

namespace Newsroom.Query;

/// <summary>
/// One connection to the read model, in a transaction when it writes: the commands of a read or a
/// write are made here, so that a cancelled call can stop the one that is running.
/// </summary>
internal sealed class ReadModelConnection : IDisposable
{
    private DbTransaction? _transaction;
    private DbCommand? _latest;

    public ReadModelConnection(DbConnection connection, QueryStoreSql sql)
    {
        Connection = connection;
        Sql = sql;
    }

    public DbConnection Connection { get; }

    public QueryStoreSql Sql { get; }

    public DbCommand Command(string sql)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = _transaction;
        Volatile.Write(ref _latest, command);
        return command;
    }

    public void BeginTransaction() => _transaction = Connection.BeginTransaction();

    /// <summary>Commits the transaction, if there is one.</summary>
    public void Commit() => _transaction?.Commit();

    /// <summary>Stops the statement running now, from another thread.</summary>
    public void Interrupt() => Sql.Interrupt(Connection, Volatile.Read(ref _latest));

    public void Dispose()
    {
        _transaction?.Dispose();
        Connection.Dispose();
    }
}
