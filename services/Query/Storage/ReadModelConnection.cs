using System.Data.Common;
using Newsroom.ServiceDefaults;

namespace Newsroom.Query;

/// <summary>
/// One connection to the read model, in a transaction when it writes: the commands of a read or a
/// write are made here, so that a cancelled call can stop the one that is running. The commands of
/// <see cref="Prepared"/> last as long as the connection, so one kept between writes compiles each
/// statement once.
/// </summary>
internal sealed class ReadModelConnection : IDisposable
{
    private readonly PreparedCommands _prepared;
    private const string SavepointName = "write";

    private DbTransaction? _transaction;
    private DbCommand? _latest;

    public ReadModelConnection(DbConnection connection, QueryStoreSql sql)
    {
        Connection = connection;
        Sql = sql;
        _prepared = new PreparedCommands(connection);
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

    /// <summary>A command for SQL that is the same at every call, with the parameters of its last use to set again; the connection owns it.</summary>
    public DbCommand Prepared(string sql)
    {
        var command = _prepared.For(sql, _transaction);
        Volatile.Write(ref _latest, command);
        return command;
    }

    public void BeginTransaction() => _transaction = Connection.BeginTransaction();

    /// <summary>Sets the savepoint of one write in the transaction, which <see cref="RollbackToSave"/> returns to.</summary>
    public void Save() => Transaction.Save(SavepointName);

    /// <summary>Keeps the write since <see cref="Save"/> in the transaction.</summary>
    public void Release() => Transaction.Release(SavepointName);

    /// <summary>Undoes the write since <see cref="Save"/>, and only it.</summary>
    public void RollbackToSave()
    {
        Transaction.Rollback(SavepointName);
        Transaction.Release(SavepointName);
    }

    /// <summary>Commits the transaction, if there is one; the connection may then begin another.</summary>
    public void Commit()
    {
        _transaction?.Commit();
        _transaction?.Dispose();
        _transaction = null;
    }

    private DbTransaction Transaction => _transaction ?? throw new InvalidOperationException("A savepoint needs a transaction; call BeginTransaction first.");

    /// <summary>Stops the statement running now, from another thread.</summary>
    public void Interrupt() => Sql.Interrupt(Connection, Volatile.Read(ref _latest));

    public void Dispose()
    {
        _prepared.Dispose();
        _transaction?.Dispose();
        Connection.Dispose();
    }
}
