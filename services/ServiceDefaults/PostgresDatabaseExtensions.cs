using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Newsroom.ServiceDefaults;

public static class PostgresDatabaseExtensions
{
    /// <summary>
    /// Registers the <see cref="PostgresDatabase"/> that <see cref="DataOptions.PostgreSql"/> names, with a
    /// "postgresql" health check, once however many services of the process ask; false when none is set
    /// (each service keeps its own SQLite file).
    /// </summary>
    public static bool AddPostgresDatabase(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Configuration.GetSection(DataOptions.SectionName).Get<DataOptions>()?.PostgreSql is not { Length: > 0 } connectionString)
        {
            return false;
        }

        if (!builder.Services.Any(service => service.ServiceType == typeof(PostgresDatabase)))
        {
            builder.Services.AddSingleton(new PostgresDatabase(connectionString));
            builder.Services.AddHealthChecks().AddNpgSql(connectionString, name: "postgresql", timeout: TimeSpan.FromSeconds(5));
        }

        return true;
    }
}
