using Newsroom.Testing.Database;
using Xunit;

namespace Newsroom.Query.Tests;

public sealed class PostgresQueryStoreIndexingTests(PostgreSqlServer server) : QueryStoreIndexingTests(new PostgresQueryStores(server)), IClassFixture<PostgreSqlServer>;
