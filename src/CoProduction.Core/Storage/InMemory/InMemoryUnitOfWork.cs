using CoProduction.Primitives;

namespace CoProduction.Storage.InMemory;

/// <summary>
/// The in-memory <see cref="IUnitOfWork"/>: under the database's one lock, every change is checked (existence, version,
/// the <see cref="UniqueRules"/> of its type) before any is applied, and the writes are undone if anything fails while
/// they are applied, so a failure on any change leaves every table and the outbox as they were.
/// </summary>
internal sealed class InMemoryUnitOfWork : UnitOfWorkBase<List<InMemoryDatabase.OutboxEntry>>
{
    private readonly InMemoryDatabase _database;
    private readonly InMemoryEventOutbox _outbox;

    public InMemoryUnitOfWork(InMemoryDatabase database, IOrganisationContext organisation, InMemoryEventOutbox outbox)
        : base(organisation, (outbox ?? throw new ArgumentNullException(nameof(outbox))).Actors)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(outbox);
        _database = database;
        _outbox = outbox;
    }

    protected override Task<List<InMemoryDatabase.OutboxEntry>> CommitAsync(ChangeSet changes, CancellationToken cancellationToken)
    {
        var organisationId = changes.OrganisationId;
        var ordered = changes.ClaimOrder;

        // Copies are taken before the lock: the caller's aggregates are not shared with the tables.
        var snapshots = new object[ordered.Count];
        for (var i = 0; i < ordered.Count; i++)
        {
            snapshots[i] = DeepCopier.Copy((object)ordered[i].Aggregate);
        }

        var events = new List<InMemoryDatabase.OutboxEntry>();
        lock (_database.SyncRoot)
        {
            // Check everything first: nothing is written unless every change can be.
            for (var i = 0; i < ordered.Count; i++)
            {
                var aggregate = ordered[i].Aggregate;
                var table = _database.Table(aggregate.GetType());
                var exists = table.TryGetValue(aggregate.IdValue, out var stored);
                if (ordered[i].Kind == AggregateChangeKind.Add)
                {
                    if (exists)
                    {
                        throw new StoreOperationException(StorageErrorCodes.AlreadyExists, ChangeSet.AlreadyStoredMessage(aggregate));
                    }

                    continue;
                }

                if (!exists || stored!.OrganisationId != organisationId)
                {
                    throw new StoreOperationException(StorageErrorCodes.NotFound, ChangeSet.NotStoredMessage(aggregate));
                }

                if (stored.Version != aggregate.Version)
                {
                    throw new ConcurrencyConflictException(aggregate.GetType().Name, aggregate.IdValue, aggregate.Version, stored.Version);
                }
            }

            // The "one" rules, as a unique index would keep them: against what is stored and within this unit of work.
            for (var i = 0; i < ordered.Count; i++)
            {
                CheckUniqueRules(ordered, i);
            }

            // Then apply everything, keeping what each write replaced: if anything throws midway (a fault the
            // conformance suite injects between two writes, or a bug), every write is undone before the lock is
            // released, so no reader ever sees part of a unit of work.
            var replaced = new (Dictionary<Guid, InMemoryDatabase.StoredAggregate> Table, Guid Id, InMemoryDatabase.StoredAggregate? Previous)[ordered.Count];
            var written = 0;
            var outboxLength = _database.Outbox.Count;
            try
            {
                for (var i = 0; i < ordered.Count; i++)
                {
                    var aggregate = ordered[i].Aggregate;
                    _database.BeforeWrite?.Invoke();
                    var table = _database.Table(aggregate.GetType());
                    table.TryGetValue(aggregate.IdValue, out var previous);
                    replaced[written++] = (table, aggregate.IdValue, previous);

                    // The stored copy carries the stored version and no pending events: those live in the outbox.
                    var version = changes.NewVersionOf(aggregate);
                    AggregateStoreSupport.MarkSaved((IAggregateRoot)snapshots[i], version);
                    table[aggregate.IdValue] = new InMemoryDatabase.StoredAggregate(organisationId, version, snapshots[i]);
                }

                // Events go to the outbox in the order the command listed its changes.
                _database.BeforeWrite?.Invoke();
                foreach (var change in changes.Changes)
                {
                    var aggregate = change.Aggregate;
                    var version = changes.NewVersionOf(aggregate);
                    foreach (var domainEvent in aggregate.PendingEvents)
                    {
                        events.Add(_database.AppendEvent(organisationId, aggregate.GetType().Name, aggregate.IdValue, version, domainEvent, changes.Actor));
                    }
                }
            }
            catch
            {
                for (var i = written - 1; i >= 0; i--)
                {
                    var (table, id, previous) = replaced[i];
                    if (previous is null)
                    {
                        table.Remove(id);
                    }
                    else
                    {
                        table[id] = previous;
                    }
                }

                _database.TruncateOutbox(outboxLength);
                throw;
            }
        }

        return Task.FromResult(events);
    }

    protected override Task AfterCommitAsync(List<InMemoryDatabase.OutboxEntry> committed, CancellationToken cancellationToken) =>
        _outbox.DispatchAsync(committed, cancellationToken);

    /// <summary>Refuses a change whose aggregate would share a <see cref="UniqueRule"/>'s values with another; called under the lock.</summary>
    private void CheckUniqueRules(IReadOnlyList<AggregateChange> ordered, int index)
    {
        var aggregate = ordered[index].Aggregate;
        var rules = UniqueRules.For(aggregate.GetType());
        if (rules.Count == 0)
        {
            return;
        }

        var table = _database.Table(aggregate.GetType());
        foreach (var rule in rules)
        {
            var clash = table.Values.Any(stored => rule.Clashes(aggregate, (IAggregateRoot)stored.Snapshot))
                || ordered.Where((_, j) => j != index).Any(other => other.Aggregate.GetType() == aggregate.GetType() && rule.Clashes(aggregate, other.Aggregate));
            if (clash)
            {
                throw rule.Refusal(aggregate);
            }
        }
    }
}
