using CoProduction.Primitives;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace CoProduction.Storage.EntityFrameworkCore;

/// <summary>
/// Creates the short-lived context behind each store operation, scoped to one organisation, and brings the database
/// schema up to date before the first one when <see cref="EntityFrameworkCoreStoreOptions.MigrateOnFirstUse"/> is set.
/// </summary>
internal abstract class CoProductionDbContextFactory
{
    /// <summary>Creates a context whose queries see only <paramref name="organisationId"/>'s rows.</summary>
    /// <param name="organisationId">The organisation the operation acts for.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A new context; the caller disposes it.</returns>
    public abstract Task<DbContext> CreateDbContextAsync(OrganisationId organisationId, CancellationToken cancellationToken);

    /// <summary>Applies every pending migration to the database (creating it when it does not exist).</summary>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when the schema is up to date.</returns>
    public abstract Task MigrateAsync(CancellationToken cancellationToken);
}

/// <summary>The <see cref="CoProductionDbContextFactory"/> over EF Core's <see cref="IDbContextFactory{TContext}"/>.</summary>
/// <typeparam name="TContext">The context that holds the library's tables.</typeparam>
internal sealed class CoProductionDbContextFactory<TContext> : CoProductionDbContextFactory
    where TContext : DbContext, ICoProductionDbContext
{
    private const string NpgsqlProviderName = "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <summary>The key of the PostgreSQL advisory lock held while migrating (an arbitrary constant of the library's own).</summary>
    private const long MigrationLockKey = 7_262_019_530_417_263_001;

    private readonly IDbContextFactory<TContext> _inner;
    private readonly bool _migrateOnFirstUse;
    private readonly Lock _gate = new();
    private Task? _ready;

    public CoProductionDbContextFactory(IDbContextFactory<TContext> inner, IOptions<EntityFrameworkCoreStoreOptions> options)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(options);
        _inner = inner;
        _migrateOnFirstUse = options.Value.MigrateOnFirstUse;
        if (!_migrateOnFirstUse)
        {
            _ready = Task.CompletedTask;
        }
    }

    public override async Task<DbContext> CreateDbContextAsync(OrganisationId organisationId, CancellationToken cancellationToken)
    {
        var ready = _ready;
        if (ready is null || !ready.IsCompletedSuccessfully)
        {
            await EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
        }

        var context = await _inner.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        context.CurrentOrganisationId = organisationId;
        return context;
    }

    public override async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var context = await _inner.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            if (!string.Equals(context.Database.ProviderName, NpgsqlProviderName, StringComparison.Ordinal))
            {
                await context.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
                return;
            }

            await MigrateWithServerLockAsync(context, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Migrates a PostgreSQL database while holding a session advisory lock, so that several processes (or several
    /// store instances) starting at once apply the pending migrations one after the other. EF Core's own migration
    /// lock on PostgreSQL lasts one migration's transaction only: with two or more pending migrations, a second
    /// process could take the lock between them and apply the next migration too ("relation already exists").
    /// </summary>
    private static async Task MigrateWithServerLockAsync(DbContext context, CancellationToken cancellationToken)
    {
        var creator = context.Database.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                await creator.CreateAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DbException)
            {
                // Another process may have created it first; anything else is a real failure.
                if (!await creator.ExistsAsync(cancellationToken).ConfigureAwait(false))
                {
                    throw;
                }
            }
        }

        await context.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await context.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({MigrationLockKey})", cancellationToken).ConfigureAwait(false);
            try
            {
                await context.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await context.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({MigrationLockKey})", CancellationToken.None).ConfigureAwait(false);
            }
        }
        finally
        {
            await context.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    private Task EnsureReadyAsync(CancellationToken cancellationToken)
    {
        Task ready;
        lock (_gate)
        {
            if (_ready is null || _ready.IsFaulted || _ready.IsCanceled)
            {
                // One migration for every caller; a failed one is tried again by the next caller.
                _ready = MigrateAsync(CancellationToken.None);
            }

            ready = _ready;
        }

        return ready.WaitAsync(cancellationToken);
    }
}
