using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace CoProduction.Storage.EntityFrameworkCore.Health;

/// <summary>
/// The relational <see cref="IStoreHealthProbe"/>: asks the provider whether the database exists (for SQLite, whether
/// the file is there, without creating it), then lists the migrations not yet applied. It uses
/// the application's context factory directly, so it never triggers migrate-on-first-use.
/// </summary>
/// <typeparam name="TContext">The context that holds the library's tables.</typeparam>
internal sealed class EntityFrameworkStoreHealthProbe<TContext> : IStoreHealthProbe
    where TContext : DbContext, ICoProductionDbContext
{
    private readonly IDbContextFactory<TContext> _contexts;

    public EntityFrameworkStoreHealthProbe(IDbContextFactory<TContext> contexts)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        _contexts = contexts;
    }

    public async Task<StoreHealth> CheckAsync(CancellationToken cancellationToken)
    {
        var context = await _contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            try
            {
                if (!await ExistsAsync(context, cancellationToken).ConfigureAwait(false))
                {
                    return new StoreHealth(false, [], $"The {Describe(context)} does not exist: restore it, or let the application create it (MigrateOnFirstUse) or run its migrations.");
                }

                // Reading the applied migrations opens a connection: a failure there means the database cannot be reached.
                var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)).ToList();
                return pending.Count == 0
                    ? StoreHealth.Healthy
                    : new StoreHealth(true, pending, $"{pending.Count} migration(s) are not applied to the {Describe(context)} ({string.Join(", ", pending)}): apply them before using the stores.");
            }
            catch (DbException ex)
            {
                return new StoreHealth(false, [], $"The {Describe(context)} cannot be reached: {ex.Message}");
            }
        }
    }

    private static async Task<bool> ExistsAsync(DbContext context, CancellationToken cancellationToken)
    {
        try
        {
            return await context.Database.GetService<IRelationalDatabaseCreator>().ExistsAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbException)
        {
            // The check opened the database and then failed (SQLite opens it read-only, and a connection interceptor
            // may then try to write a setting): it exists. Whether it can be used is the next question.
            return true;
        }
    }

    private static string Describe(DbContext context) => $"{context.Database.ProviderName?.Split('.').LastOrDefault() ?? "relational"} database";
}
