using Xunit;
using Xunit.Sdk;

namespace Newsroom.Testing.Database;

/// <summary>The theory of <see cref="StoreFactAttribute"/>.</summary>
[XunitTestCaseDiscoverer("Newsroom.Testing.Database.StoreTheoryDiscoverer", "Newsroom.Testing")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreTheoryAttribute : TheoryAttribute;
