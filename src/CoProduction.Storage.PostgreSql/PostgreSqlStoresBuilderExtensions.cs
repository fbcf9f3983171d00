using CoProduction.Storage.EntityFrameworkCore;
using CoProduction.Storage.PostgreSql;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CoProduction;

/// <summary>Chooses the PostgreSQL stores.</summary>
public static class PostgreSqlStoresBuilderExtensions
{
    /// <summary>
    /// Keeps the library's data in a PostgreSQL database: the server for a trust or a region. Pending migrations are
    /// applied before the first store operation unless <see cref="PostgreSqlStoreOptions.MigrateOnFirstUse"/> is off.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="connectionString">An Npgsql connection string, such as <c>Host=db.example.nhs.uk;Database=coproduction;Username=app;Password=...</c>.</param>
    /// <param name="configure">Sets the PostgreSQL options.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentException">The connection string is blank, not a valid Npgsql connection string, or names no host.</exception>
    public static CoProductionBuilder UsePostgreSql(this CoProductionBuilder builder, string connectionString, Action<PostgreSqlStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        NpgsqlConnectionStringBuilder parsed;
        try
        {
            parsed = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new ArgumentException($"The PostgreSQL connection string is not valid ({ex.Message}): use a form such as 'Host=localhost;Database=coproduction;Username=app;Password=...'.", nameof(connectionString), ex);
        }

        if (string.IsNullOrWhiteSpace(parsed.Host))
        {
            throw new ArgumentException("The PostgreSQL connection string names no Host: use a form such as 'Host=localhost;Database=coproduction;Username=app;Password=...'.", nameof(connectionString));
        }

        var options = new PostgreSqlStoreOptions();
        configure?.Invoke(options);
        builder.Services.AddPooledDbContextFactory<CoProductionDbContext>(db => db
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(typeof(PostgreSqlStoresBuilderExtensions).Assembly.GetName().Name))
            // Migrate would first diff the whole model against the migrations' snapshot, in every process, before
            // anything else; PostgreSqlMigrationTests checks there is no difference.
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning)));
        return EntityFrameworkCoreStoresBuilderExtensions.AddStores<CoProductionDbContext>(builder, "postgresql", o => o.MigrateOnFirstUse = options.MigrateOnFirstUse);
    }
}
