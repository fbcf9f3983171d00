using CoProduction.Primitives;

namespace CoProduction.Storage.InMemory;

/// <summary>
/// Base of the in-memory stores: the semantics of a database (atomic saves, optimistic concurrency on versions,
/// isolation by organisation, copies rather than shared references, an outbox of events) without one. Meant for
/// tests, samples and prototypes; data lives as long as the service provider.
/// </summary>
/// <typeparam name="TAggregate">The aggregate.</typeparam>
/// <typeparam name="TId">Its typed id.</typeparam>
public abstract class InMemoryAggregateStore<TAggregate, TId> : IAggregateStore<TAggregate, TId>
    where TAggregate : AggregateRoot<TId>
    where TId : struct, ITypedId<TId>
{
    private readonly InMemoryDatabase _database;
    private readonly IOrganisationContext _organisation;
    private readonly InMemoryEventOutbox _outbox;

    /// <summary>Initialises the store.</summary>
    /// <param name="database">The shared in-memory data.</param>
    /// <param name="organisation">The current organisation.</param>
    /// <param name="outbox">The outbox that dispatches events after each save.</param>
    protected InMemoryAggregateStore(InMemoryDatabase database, IOrganisationContext organisation, InMemoryEventOutbox outbox)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(organisation);
        ArgumentNullException.ThrowIfNull(outbox);
        _database = database;
        _organisation = organisation;
        _outbox = outbox;
    }

    private static string AggregateName => typeof(TAggregate).Name;

    /// <inheritdoc />
    public ValueTask<TAggregate?> FindAsync(TId id, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var organisationId = _organisation.CurrentOrganisationId;
        lock (_database.SyncRoot)
        {
            var table = _database.Table(typeof(TAggregate));
            return ValueTask.FromResult(
                table.TryGetValue(id.Value, out var stored) && stored.OrganisationId == organisationId
                    ? DeepCopier.Copy((TAggregate)stored.Snapshot)
                    : null);
        }
    }

    /// <inheritdoc />
    public async Task AddAsync(TAggregate aggregate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        cancellationToken.ThrowIfCancellationRequested();
        var organisationId = _organisation.CurrentOrganisationId;
        EnsureOwnedByCurrentOrganisation(aggregate, organisationId);
        if (aggregate.Version != 0)
        {
            throw new StoreOperationException(StorageErrorCodes.NotNew, $"{AggregateName} {aggregate.Id.Value} has version {aggregate.Version}, so it is already stored: use UpdateAsync to save its changes.");
        }

        List<InMemoryDatabase.OutboxEntry> events;
        lock (_database.SyncRoot)
        {
            var table = _database.Table(typeof(TAggregate));
            if (table.ContainsKey(aggregate.Id.Value))
            {
                throw new StoreOperationException(StorageErrorCodes.AlreadyExists, $"{AggregateName} {aggregate.Id.Value} is already stored: use UpdateAsync to save changes, or create the new record with a new id.");
            }

            table[aggregate.Id.Value] = new InMemoryDatabase.StoredAggregate(organisationId, 1, Snapshot(aggregate, 1));
            events = AppendEvents(aggregate, organisationId, 1);
            AggregateStoreSupport.MarkSaved(aggregate, 1);
        }

        await _outbox.DispatchAsync(events, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task UpdateAsync(TAggregate aggregate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        cancellationToken.ThrowIfCancellationRequested();
        var organisationId = _organisation.CurrentOrganisationId;
        EnsureOwnedByCurrentOrganisation(aggregate, organisationId);

        List<InMemoryDatabase.OutboxEntry> events;
        lock (_database.SyncRoot)
        {
            var table = _database.Table(typeof(TAggregate));
            if (!table.TryGetValue(aggregate.Id.Value, out var stored) || stored.OrganisationId != organisationId)
            {
                throw new StoreOperationException(StorageErrorCodes.NotFound, $"{AggregateName} {aggregate.Id.Value} is not stored: add it with AddAsync first.");
            }

            if (stored.Version != aggregate.Version)
            {
                throw new ConcurrencyConflictException(AggregateName, aggregate.Id.Value, aggregate.Version, stored.Version);
            }

            var version = stored.Version + 1;
            table[aggregate.Id.Value] = stored with { Version = version, Snapshot = Snapshot(aggregate, version) };
            events = AppendEvents(aggregate, organisationId, version);
            AggregateStoreSupport.MarkSaved(aggregate, version);
        }

        await _outbox.DispatchAsync(events, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Returns copies of the current organisation's aggregates that match <paramref name="predicate"/>.</summary>
    /// <param name="predicate">The filter.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The matching aggregates, in no particular order.</returns>
    protected IReadOnlyList<TAggregate> Query(Func<TAggregate, bool> predicate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        cancellationToken.ThrowIfCancellationRequested();
        var organisationId = _organisation.CurrentOrganisationId;
        lock (_database.SyncRoot)
        {
            var results = new List<TAggregate>();
            foreach (var stored in _database.Table(typeof(TAggregate)).Values)
            {
                if (stored.OrganisationId == organisationId && predicate((TAggregate)stored.Snapshot))
                {
                    results.Add(DeepCopy((TAggregate)stored.Snapshot));
                }
            }

            return results;
        }
    }

    private static TAggregate DeepCopy(TAggregate aggregate) => DeepCopier.Copy(aggregate);

    private static TAggregate Snapshot(TAggregate aggregate, long version)
    {
        var copy = DeepCopy(aggregate);
        // The stored copy carries the stored version and no pending events: those live in the outbox.
        AggregateStoreSupport.MarkSaved(copy, version);
        return copy;
    }

    private static void EnsureOwnedByCurrentOrganisation(TAggregate aggregate, OrganisationId organisationId)
    {
        if (aggregate.OrganisationId != organisationId)
        {
            throw new StoreOperationException(StorageErrorCodes.OrganisationMismatch, $"{AggregateName} {aggregate.Id.Value} belongs to organisation {aggregate.OrganisationId}, not to the current organisation {organisationId}: a store saves only the current organisation's data.");
        }
    }

    private List<InMemoryDatabase.OutboxEntry> AppendEvents(TAggregate aggregate, OrganisationId organisationId, long version)
    {
        var entries = new List<InMemoryDatabase.OutboxEntry>(aggregate.PendingEvents.Count);
        foreach (var domainEvent in aggregate.PendingEvents)
        {
            entries.Add(_database.AppendEvent(organisationId, AggregateName, aggregate.Id.Value, version, domainEvent));
        }

        return entries;
    }
}
