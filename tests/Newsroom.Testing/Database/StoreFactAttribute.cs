using Xunit;
using Xunit.Sdk;

namespace Newsroom.Testing.Database;

/// <summary>
/// A fact of a test class written once for every database a store runs on, in a subclass per database. In a
/// class with the <see cref="PostgreSqlServer"/> fixture it is skipped where a <see cref="PostgresFactAttribute"/>
/// would be.
/// </summary>
[XunitTestCaseDiscoverer("Newsroom.Testing.Database.StoreFactDiscoverer", "Newsroom.Testing")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreFactAttribute : FactAttribute;
