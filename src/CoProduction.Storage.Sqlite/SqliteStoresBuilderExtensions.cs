using CoProduction.Storage.EntityFrameworkCore;
using CoProduction.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using CoProduction.People.Events;
using CoProduction.Primitives;

namespace CoProduction;

/// <summary>Chooses the SQLite stores.</summary>
public static class SqliteStoresBuilderExtensions
{
    /// <summary>
    /// Keeps the library's data in a SQLite database file: the embedded default for one team. The file is created,
    /// and brought up to date with the package's migrations, before the first store operation (turn this off with
    /// <see cref="SqliteStoreOptions.MigrateOnFirstUse"/> and call <c>serviceProvider.MigrateCoProductionDatabaseAsync()</c>
    /// yourself). Connections use WAL mode and wait up to <see cref="SqliteStoreOptions.BusyTimeout"/> for the write lock;
/// deleted content is zeroed (<c>secure_delete</c>) and the WAL is checkpointed after a participant's erasure, so an
/// erased person's data is not left readable in the files.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="connectionString">A SQLite connection string, such as <c>Data Source=coproduction.db</c>.</param>
    /// <param name="configure">Sets the SQLite options.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentException">The connection string is blank or not a valid SQLite connection string.</exception>
    public static CoProductionBuilder UseSqlite(this CoProductionBuilder builder, string connectionString, Action<SqliteStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        SqliteConnectionStringBuilder parsed;
        try
        {
            parsed = new SqliteConnectionStringBuilder(connectionString);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new ArgumentException($"'{connectionString}' is not a valid SQLite connection string ({ex.Message}): use a form such as 'Data Source=coproduction.db'.", nameof(connectionString), ex);
        }

        if (string.IsNullOrWhiteSpace(parsed.DataSource))
        {
            throw new ArgumentException("The SQLite connection string names no file: use a form such as 'Data Source=coproduction.db'.", nameof(connectionString));
        }

        var options = new SqliteStoreOptions();
        configure?.Invoke(options);
        var interceptor = new SqlitePragmaInterceptor(options.BusyTimeout);
        builder.Services.AddPooledDbContextFactory<CoProductionDbContext>(db => db
            .UseSqlite(parsed.ToString(), sqlite => sqlite.MigrationsAssembly(typeof(SqliteStoresBuilderExtensions).Assembly.GetName().Name))
            .AddInterceptors(interceptor, new SqliteImmediateTransactionInterceptor())
            // Migrate would first diff the whole model against the migrations' snapshot, in every process, before
            // anything else (most of the first operation's time); SqliteMigrationTests checks there is no difference.
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning)));
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IDomainEventHandler<ParticipantErased>>(new SqliteErasureCheckpoint(parsed.ToString())));
        return EntityFrameworkCoreStoresBuilderExtensions.AddStores<CoProductionDbContext>(builder, "sqlite", o => o.MigrateOnFirstUse = options.MigrateOnFirstUse);
    }
}
