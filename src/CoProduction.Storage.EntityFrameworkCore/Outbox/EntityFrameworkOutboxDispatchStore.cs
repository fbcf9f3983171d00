using CoProduction.Primitives;
using Microsoft.EntityFrameworkCore;

namespace CoProduction.Storage.EntityFrameworkCore.Outbox;

/// <summary>
/// The relational <see cref="IOutboxDispatchStore"/> over <c>outbox_messages</c>. Queries across organisations ignore the
/// organisation filter by name (and only that filter); an organisation's own queries and updates keep it. Pending
/// events are read in sequence order and the oldest one found by its sequence, so every query can use the existing
/// <c>(organisation_id, dispatched_at)</c> index or the primary key.
/// </summary>
internal sealed class EntityFrameworkOutboxDispatchStore : IOutboxDispatchStore
{
    private static readonly string[] OrganisationFilter = [CoProductionModelBuilderExtensions.OrganisationFilterName];
    private readonly CoProductionDbContextFactory _contexts;
    private readonly TimeProvider _clock;

    public EntityFrameworkOutboxDispatchStore(CoProductionDbContextFactory contexts, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        ArgumentNullException.ThrowIfNull(clock);
        _contexts = contexts;
        _clock = clock;
    }

    public async Task<IReadOnlyList<OrganisationId>> ListOrganisationsAsync(CancellationToken cancellationToken)
    {
        var context = await _contexts.CreateDbContextAsync(default, cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            return await AllOrganisations(context).Select(r => r.OrganisationId).Distinct().ToListAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<OrganisationId>> ListOrganisationsWithPendingEventsAsync(int maxAttempts, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        var context = await _contexts.CreateDbContextAsync(default, cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            return await AllOrganisations(context)
                .Where(r => r.DispatchedAt == null && r.Attempts < maxAttempts)
                .Select(r => r.OrganisationId)
                .Distinct()
                .ToListAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<OutboxMessage>> ListPendingAsync(OrganisationId organisationId, int maxAttempts, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var context = await _contexts.CreateDbContextAsync(organisationId, cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var rows = await context.Set<OutboxRecord>().AsNoTracking()
                .Where(r => r.DispatchedAt == null && r.Attempts < maxAttempts)
                .OrderBy(r => r.Sequence)
                .Take(limit)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            return [.. rows.Select(r => r.ToMessage())];
        }
    }

    public async Task RecordAttemptAsync(OrganisationId organisationId, long sequence, string? error, CancellationToken cancellationToken)
    {
        var context = await _contexts.CreateDbContextAsync(organisationId, cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var row = context.Set<OutboxRecord>().Where(r => r.Sequence == sequence);
            if (error is null)
            {
                var now = _clock.GetUtcNow();
                await row.ExecuteUpdateAsync(
                    s => s.SetProperty(r => r.Attempts, r => r.Attempts + 1).SetProperty(r => r.LastError, (string?)null).SetProperty(r => r.DispatchedAt, now),
                    cancellationToken).ConfigureAwait(false);
                return;
            }

            var kept = error.Length > 2000 ? error[..2000] : error;
            await row.Where(r => r.DispatchedAt == null).ExecuteUpdateAsync(
                s => s.SetProperty(r => r.Attempts, r => r.Attempts + 1).SetProperty(r => r.LastError, kept),
                cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<int> PurgeDispatchedAsync(DateTimeOffset dispatchedBefore, CancellationToken cancellationToken)
    {
        var context = await _contexts.CreateDbContextAsync(default, cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var cutoff = dispatchedBefore.ToUniversalTime();
            if (context.Database.ProviderName?.Contains("Sqlite", StringComparison.Ordinal) == true)
            {
                // SQLite keeps DateTimeOffset as text, which EF Core does not compare; every value is stored in UTC
                // in one format ("yyyy-MM-dd HH:mm:ss.FFFFFFF+00:00", the one the parameter is bound in), so the
                // text order is the time order.
                return await context.Database.ExecuteSqlRawAsync(
                    "DELETE FROM outbox_messages WHERE dispatched_at IS NOT NULL AND dispatched_at < {0}",
                    [cutoff],
                    cancellationToken).ConfigureAwait(false);
            }

            return await context.Set<OutboxRecord>().IgnoreQueryFilters(OrganisationFilter)
                .Where(r => r.DispatchedAt != null && r.DispatchedAt < cutoff)
                .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<OutboxBacklog> GetBacklogAsync(int maxAttempts, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        var context = await _contexts.CreateDbContextAsync(default, cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var undelivered = AllOrganisations(context).Where(r => r.DispatchedAt == null);
            var pending = undelivered.Where(r => r.Attempts < maxAttempts);
            var pendingCount = await pending.CountAsync(cancellationToken).ConfigureAwait(false);
            var deadCount = await undelivered.CountAsync(r => r.Attempts >= maxAttempts, cancellationToken).ConfigureAwait(false);
            DateTimeOffset? oldest = pendingCount == 0
                ? null
                : await pending.OrderBy(r => r.Sequence).Select(r => (DateTimeOffset?)r.OccurredAt).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            return new OutboxBacklog(pendingCount, oldest, deadCount);
        }
    }

    private static IQueryable<OutboxRecord> AllOrganisations(DbContext context) =>
        context.Set<OutboxRecord>().AsNoTracking().IgnoreQueryFilters(OrganisationFilter);
}
