using CoProduction.Primitives;

namespace CoProduction.Storage.InMemory;

/// <summary>
/// The in-memory <see cref="IUnitOfWork"/>: under the database's one lock, every change is checked (existence, version,
/// the <see cref="UniqueRules"/> of its type) before any is applied, and the writes are undone if anything fails while
/// they are applied, so a failure on any change leaves every table and the outbox as they were.
/// </summary>
internal sealed class InMemoryUnitOfWork : IUnitOfWork
{
    private readonly InMemoryDatabase _database;
    private readonly IOrganisationContext _organisation;
    private readonly InMemoryEventOutbox _outbox;

    public InMemoryUnitOfWork(InMemoryDatabase database, IOrganisationContext organisation, InMemoryEventOutbox outbox)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(organisation);
        ArgumentNullException.ThrowIfNull(outbox);
        _database = database;
        _organisation = organisation;
        _outbox = outbox;
    }

    public async Task SaveAsync(IReadOnlyCollection<AggregateChange> changes, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var organisationId = _organisation.CurrentOrganisationId;
        var ordered = UnitOfWorkSupport.Validate(changes, organisationId);
        if (ordered.Count == 0)
        {
            return;
        }

        // Copies are taken before the lock: the caller's aggregates are not shared with the tables.
        var snapshots = new object[ordered.Count];
        for (var i = 0; i < ordered.Count; i++)
        {
            snapshots[i] = DeepCopier.Copy((object)ordered[i].Aggregate);
        }

        var versions = new long[ordered.Count];
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
                        throw new StoreOperationException(StorageErrorCodes.AlreadyExists, UnitOfWorkSupport.AlreadyStoredMessage(aggregate));
                    }

                    versions[i] = 1;
                    continue;
                }

                if (!exists || stored!.OrganisationId != organisationId)
                {
                    throw new StoreOperationException(StorageErrorCodes.NotFound, UnitOfWorkSupport.NotStoredMessage(aggregate));
                }

                if (stored.Version != aggregate.Version)
                {
                    throw new ConcurrencyConflictException(aggregate.GetType().Name, aggregate.IdValue, aggregate.Version, stored.Version);
                }

                versions[i] = stored.Version + 1;
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
                    AggregateStoreSupport.MarkSaved((IAggregateRoot)snapshots[i], versions[i]);
                    table[aggregate.IdValue] = new InMemoryDatabase.StoredAggregate(organisationId, versions[i], snapshots[i]);
                }

                // Events go to the outbox in the order the command listed its changes.
                _database.BeforeWrite?.Invoke();
                foreach (var change in changes)
                {
                    var aggregate = change.Aggregate;
                    var version = versions[IndexOf(ordered, aggregate)];
                    foreach (var domainEvent in aggregate.PendingEvents)
                    {
                        events.Add(_database.AppendEvent(organisationId, aggregate.GetType().Name, aggregate.IdValue, version, domainEvent));
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

            UnitOfWorkSupport.MarkSaved(ordered.Select((c, i) => (c.Aggregate, versions[i])));
        }

        await _outbox.DispatchAsync(events, cancellationToken).ConfigureAwait(false);
    }

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

    private static int IndexOf(IReadOnlyList<AggregateChange> changes, IAggregateRoot aggregate)
    {
        for (var i = 0; i < changes.Count; i++)
        {
            if (ReferenceEquals(changes[i].Aggregate, aggregate))
            {
                return i;
            }
        }

        throw new InvalidOperationException("The aggregate is not in the unit of work.");
    }
}
