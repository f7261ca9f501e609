using Newsroom.Testing.Database;
using Xunit;

namespace Newsroom.Query.Tests;

public sealed class PostgresQueryStoreSearchTests(PostgreSqlServer server) : QueryStoreSearchTests(new PostgresQueryStores(server)), IClassFixture<PostgreSqlServer>;
