using CoProduction.Primitives;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoProduction.Storage.EntityFrameworkCore;

/// <summary>
/// Creates the short-lived context behind each store operation, scoped to one organisation, and brings the database
/// schema up to date before the first one when <see cref="EntityFrameworkCoreStoreOptions.MigrateOnFirstUse"/> is set.
/// </summary>
public abstract class CoProductionDbContextFactory
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
            await context.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
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
