using CoProduction.Primitives;

namespace CoProduction.Storage.InMemory;

/// <summary>The in-memory <see cref="IOutboxDispatchStore"/>: the shared outbox list, read and changed under the database's lock.</summary>
internal sealed class InMemoryOutboxDispatchStore : IOutboxDispatchStore
{
    private readonly InMemoryDatabase _database;
    private readonly TimeProvider _clock;

    public InMemoryOutboxDispatchStore(InMemoryDatabase database, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(clock);
        _database = database;
        _clock = clock;
    }

    public Task<IReadOnlyList<OrganisationId>> ListOrganisationsAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_database.SyncRoot)
        {
            return Task.FromResult<IReadOnlyList<OrganisationId>>([.. _database.Outbox.Select(e => e.OrganisationId).Distinct()]);
        }
    }

    public Task<IReadOnlyList<OrganisationId>> ListOrganisationsWithPendingEventsAsync(int maxAttempts, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_database.SyncRoot)
        {
            return Task.FromResult<IReadOnlyList<OrganisationId>>([.. _database.Outbox.Where(e => IsPending(e, maxAttempts)).Select(e => e.OrganisationId).Distinct()]);
        }
    }

    public Task<IReadOnlyList<OutboxMessage>> ListPendingAsync(OrganisationId organisationId, int maxAttempts, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_database.SyncRoot)
        {
            return Task.FromResult<IReadOnlyList<OutboxMessage>>([.. _database.Outbox
                .Where(e => e.OrganisationId == organisationId && IsPending(e, maxAttempts))
                .Take(limit)
                .Select(e => e.ToMessage())]);
        }
    }

    public Task RecordAttemptAsync(OrganisationId organisationId, long sequence, string? error, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_database.SyncRoot)
        {
            var entry = _database.Outbox.Find(e => e.Sequence == sequence && e.OrganisationId == organisationId);
            if (entry is null || (error is not null && entry.DispatchedAt is not null))
            {
                return Task.CompletedTask;
            }

            entry.Attempts++;
            entry.LastError = error;
            if (error is null)
            {
                entry.DispatchedAt = _clock.GetUtcNow();
            }
        }

        return Task.CompletedTask;
    }

    public Task<int> PurgeDispatchedAsync(DateTimeOffset dispatchedBefore, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_database.SyncRoot)
        {
            return Task.FromResult(_database.Outbox.RemoveAll(e => e.DispatchedAt is { } at && at < dispatchedBefore));
        }
    }

    public Task<OutboxBacklog> GetBacklogAsync(int maxAttempts, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_database.SyncRoot)
        {
            var pending = _database.Outbox.Where(e => IsPending(e, maxAttempts)).ToList();
            var dead = _database.Outbox.Count(e => e.DispatchedAt is null && e.Attempts >= maxAttempts);
            return Task.FromResult(new OutboxBacklog(pending.Count, pending.Count == 0 ? null : pending.Min(e => e.Event.OccurredAt), dead));
        }
    }

    private static bool IsPending(InMemoryDatabase.OutboxEntry entry, int maxAttempts) => entry.DispatchedAt is null && entry.Attempts < maxAttempts;
}

/// <summary>The in-memory stores' <see cref="IStoreHealthProbe"/>: there is no database to lose, so always healthy.</summary>
internal sealed class InMemoryStoreHealthProbe : IStoreHealthProbe
{
    public Task<StoreHealth> CheckAsync(CancellationToken cancellationToken) => Task.FromResult(StoreHealth.Healthy);
}
