using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Newsroom.Query;

/// <summary>
/// Stops a statement running on a connection from another thread. Microsoft.Data.Sqlite only checks
/// a cancellation token between statements and its SqliteCommand.Cancel does nothing, so a long
/// statement is stopped through SQLite's own sqlite3_interrupt.
/// </summary>
internal static class SqliteInterrupt
{
    public static void Interrupt(SqliteConnection connection)
    {
        if (connection.Handle is { } handle)
        {
            raw.sqlite3_interrupt(handle);
        }
    }

    /// <summary>True when the statement failed because <see cref="Interrupt"/> stopped it (SQLITE_INTERRUPT).</summary>
    public static bool WasInterrupted(SqliteException exception) => exception.SqliteErrorCode == raw.SQLITE_INTERRUPT;
}
