using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Newsroom.Testing.Database;

/// <summary>Skips the tests of a class that runs on PostgreSQL (it has the <see cref="PostgreSqlServer"/> fixture) where PostgreSQL cannot run.</summary>
internal static class StoreTestSkip
{
    public static IXunitTestCase? Skipped(IMessageSink sink, ITestFrameworkDiscoveryOptions options, ITestMethod testMethod)
    {
        var testClass = testMethod.TestClass.Class.ToRuntimeType();
        return typeof(IClassFixture<PostgreSqlServer>).IsAssignableFrom(testClass) && PostgresFactAttribute.SkipReason() is { } reason
            ? new XunitSkippedDataRowTestCase(sink, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), testMethod, reason)
            : null;
    }
}
