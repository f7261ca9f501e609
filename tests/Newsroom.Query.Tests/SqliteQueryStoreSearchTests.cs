namespace Newsroom.Query.Tests;

public sealed class SqliteQueryStoreSearchTests() : QueryStoreSearchTests(new SqliteQueryStores());
