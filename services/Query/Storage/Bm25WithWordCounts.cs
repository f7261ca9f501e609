using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Newsroom.Query;

/// <summary>
/// <c>newsroom_bm25(story_search, weight, ..., sizes, rows, ...)</c>: FTS5's bm25 over the same columns with the
/// same weights, except that the number of rows holding each phrase of the match comes as an argument (one per
/// phrase, after the column weights and the sizes) instead of being counted, that a phrase in more than half the rows
/// adds nothing beside a rarer one (bm25 gives it a weight of 1e-6), and that each row's length comes from
/// the <see cref="SearchRowSizes"/> whose id is <c>sizes</c> where they know it (0: none). FTS5's own bm25 counts
/// every row that holds each phrase on every search, capped or not: for a common word that walk is most of a search
/// at a million articles, while the count hardly changes from one search to the next (<see cref="SearchWordCounts"/>
/// keeps it). It also reads each ranked row's length with a statement of its own.
/// </summary>
/// <remarks>
/// FTS5 takes auxiliary functions only through its C API (fts5_api), which Microsoft.Data.Sqlite does not wrap:
/// this calls the same native SQLite library it uses.
/// </remarks>
internal static unsafe partial class Bm25WithWordCounts
{
    public const string Name = "newsroom_bm25";

    // bm25's constants, as FTS5 has them.
    private const double K1 = 1.2;
    private const double B = 0.75;

    private const int SqliteOk = 0;
    private const int SqliteRow = 100;

    /// <summary>The connections (by native handle) that have the function: FTS5 keeps every registration, so each handle gets one.</summary>
    private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> Registered = [];

    private static readonly byte[] NameUtf8 = Encoding.UTF8.GetBytes(Name + "\0");

    /// <summary>Makes the function available on the connection (a pooled one keeps it).</summary>
    /// <exception cref="InvalidOperationException">The SQLite library has no FTS5.</exception>
    public static void Register(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var handle = connection.Handle ?? throw new InvalidOperationException("the connection is not open");
        lock (Registered)
        {
            if (Registered.TryGetValue(handle, out _))
            {
                return;
            }

            var api = Fts5Api(handle.DangerousGetHandle());
            fixed (byte* name = NameUtf8)
            {
                var result = api->CreateFunction(api, name, IntPtr.Zero, &Rank, IntPtr.Zero);
                if (result != SqliteOk)
                {
                    throw new InvalidOperationException($"SQLite did not take the {Name} function (error {result})");
                }
            }

            Registered.Add(handle, new object());
        }
    }

    /// <summary>FTS5's API of the database: <c>SELECT fts5(?1)</c> with a pointer bound to ?1 writes it there.</summary>
    private static Fts5ApiTable* Fts5Api(IntPtr database)
    {
        Fts5ApiTable* api = null;
        IntPtr statement;
        fixed (byte* sql = "SELECT fts5(?1)\0"u8)
        {
            if (sqlite3_prepare_v2(database, sql, -1, &statement, IntPtr.Zero) != SqliteOk)
            {
                throw new InvalidOperationException("this SQLite library has no FTS5, which the search index needs");
            }
        }

        try
        {
            fixed (byte* type = "fts5_api_ptr\0"u8)
            {
                if (sqlite3_bind_pointer(statement, 1, &api, type, IntPtr.Zero) != SqliteOk || sqlite3_step(statement) != SqliteRow || api is null)
                {
                    throw new InvalidOperationException("this SQLite library did not give its FTS5 API");
                }
            }
        }
        finally
        {
            _ = sqlite3_finalize(statement);
        }

        return api;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Rank(Fts5ExtensionApiTable* api, IntPtr fts, IntPtr context, int count, IntPtr* values)
    {
        // An exception must not cross into SQLite: it ends the statement with an error instead.
        try
        {
            var columns = api->ColumnCount(fts);
            var phrases = api->PhraseCount(fts);
            if (count != columns + 1 + phrases)
            {
                Fail(context, $"{Name} takes a weight for each of the {columns} columns, the id of the row sizes (0 for none) and a row count for each of the {phrases} phrases, and was given {count} values");
                return;
            }

            long rows, tokens;
            if (api->RowCount(fts, &rows) != SqliteOk || api->ColumnTotalSize(fts, -1, &tokens) != SqliteOk
                || !RowSize(api, fts, sqlite3_value_int64(values[columns]), out var rowTokens))
            {
                Fail(context, $"{Name} could not read the row's sizes");
                return;
            }

            Span<double> weights = columns <= 16 ? stackalloc double[columns] : new double[columns];
            for (var column = 0; column < columns; column++)
            {
                weights[column] = sqlite3_value_double(values[column]);
            }

            // A phrase in more than half the rows gets bm25's floor for its weight (1e-6): beside a rarer phrase it only
            // breaks ties, which go newest first instead, so its occurrences are read only when every phrase is that
            // common. A word in every story occurs a hundred times in a long one: reading them was most of ranking it.
            Span<double> idfs = phrases <= 64 ? stackalloc double[phrases] : new double[phrases];
            var distinguishing = false;
            for (var phrase = 0; phrase < phrases; phrase++)
            {
                var holding = sqlite3_value_double(values[columns + 1 + phrase]);
                idfs[phrase] = Math.Log((rows - holding + 0.5) / (holding + 0.5));
                distinguishing |= idfs[phrase] > 0;
            }

            var averageTokens = rows == 0 ? 1.0 : (double)tokens / rows;
            var lengthNorm = K1 * (1 - B + (B * rowTokens / averageTokens));
            var score = 0.0;
            for (var phrase = 0; phrase < phrases; phrase++)
            {
                if (idfs[phrase] <= 0 && distinguishing)
                {
                    continue;
                }

                // Each occurrence counts its column's weight. Read phrase by phrase (FTS5's bm25 asks for all occurrences
                // at once, which sorts them across phrases first).
                PhraseIterator iterator;
                int column, offset;
                if (api->PhraseFirst(fts, phrase, &iterator, &column, &offset) != SqliteOk)
                {
                    Fail(context, $"{Name} could not read the row's matches");
                    return;
                }

                var frequency = 0.0;
                for (; column >= 0; api->PhraseNext(fts, &iterator, &column, &offset))
                {
                    frequency += column < columns ? weights[column] : 0;
                }

                score += (idfs[phrase] <= 0 ? 1e-6 : idfs[phrase]) * frequency * (K1 + 1) / (frequency + lengthNorm);
            }

            sqlite3_result_double(context, -score);
        }
        catch (Exception error)
        {
            Fail(context, $"{Name} failed: {error.Message}");
        }
    }

    /// <summary>The row's length in tokens: from the sizes when they know it, else as FTS5 measures it.</summary>
    private static bool RowSize(Fts5ExtensionApiTable* api, IntPtr fts, long sizesId, out int size)
    {
        if (sizesId != 0 && SearchRowSizes.Find(sizesId) is { } sizes && sizes.TryGet(api->Rowid(fts), out size))
        {
            return true;
        }

        int measured;
        var result = api->ColumnSize(fts, -1, &measured);
        size = measured;
        return result == SqliteOk;
    }

    private static void Fail(IntPtr context, string message)
    {
        var bytes = Encoding.UTF8.GetBytes(message);
        fixed (byte* text = bytes)
        {
            sqlite3_result_error(context, text, bytes.Length);
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Fts5ApiTable
    {
        public int Version;
        public IntPtr CreateTokenizer;
        public IntPtr FindTokenizer;
        public delegate* unmanaged[Cdecl]<Fts5ApiTable*, byte*, IntPtr, delegate* unmanaged[Cdecl]<Fts5ExtensionApiTable*, IntPtr, IntPtr, int, IntPtr*, void>, IntPtr, int> CreateFunction;
    }

    /// <summary>The start of FTS5's Fts5ExtensionApi, as far as this function reads it (later versions only add to the end).</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Fts5ExtensionApiTable
    {
        public int Version;
        public IntPtr UserData;
        public delegate* unmanaged[Cdecl]<IntPtr, int> ColumnCount;
        public delegate* unmanaged[Cdecl]<IntPtr, long*, int> RowCount;
        public delegate* unmanaged[Cdecl]<IntPtr, int, long*, int> ColumnTotalSize;
        public IntPtr Tokenize;
        public delegate* unmanaged[Cdecl]<IntPtr, int> PhraseCount;
        public IntPtr PhraseSize;
        public IntPtr InstCount;
        public IntPtr Inst;
        public delegate* unmanaged[Cdecl, SuppressGCTransition]<IntPtr, long> Rowid;
        public IntPtr ColumnText;
        public delegate* unmanaged[Cdecl]<IntPtr, int, int*, int> ColumnSize;
        public IntPtr QueryPhrase;
        public IntPtr SetAuxdata;
        public IntPtr GetAuxdata;

        // Called once for each occurrence of a word: they only step through a position list, so they skip the runtime's
        // switch to native code, which cost more than the step.
        public delegate* unmanaged[Cdecl, SuppressGCTransition]<IntPtr, int, PhraseIterator*, int*, int*, int> PhraseFirst;
        public delegate* unmanaged[Cdecl, SuppressGCTransition]<IntPtr, PhraseIterator*, int*, int*, void> PhraseNext;
    }

    /// <summary>FTS5's Fts5PhraseIter: where a phrase's position list is read, and where it ends.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct PhraseIterator
    {
        public IntPtr Position;
        public IntPtr End;
    }

    // The library SQLitePCLRaw's provider loads, by the same name, so these act on its connections.
    private const string Library = "e_sqlite3";

    [LibraryImport(Library)]
    private static partial int sqlite3_prepare_v2(IntPtr database, byte* sql, int length, IntPtr* statement, IntPtr tail);

    [LibraryImport(Library)]
    private static partial int sqlite3_bind_pointer(IntPtr statement, int index, void* pointer, byte* type, IntPtr destructor);

    [LibraryImport(Library)]
    private static partial int sqlite3_step(IntPtr statement);

    [LibraryImport(Library)]
    private static partial int sqlite3_finalize(IntPtr statement);

    [LibraryImport(Library)]
    private static partial double sqlite3_value_double(IntPtr value);

    [LibraryImport(Library)]
    private static partial long sqlite3_value_int64(IntPtr value);

    [LibraryImport(Library)]
    private static partial void sqlite3_result_double(IntPtr context, double value);

    [LibraryImport(Library)]
    private static partial void sqlite3_result_error(IntPtr context, byte* message, int length);
}
