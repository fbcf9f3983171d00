using CoProduction.Primitives;

namespace CoProduction.Storage.InMemory;

/// <summary>
/// Base of the in-memory stores: the semantics of a database (atomic saves, optimistic concurrency on versions,
/// isolation by organisation, copies rather than shared references, an outbox of events) without one. Meant for
/// tests, samples and prototypes; data lives as long as the service provider.
/// </summary>
/// <typeparam name="TAggregate">The aggregate.</typeparam>
/// <typeparam name="TId">Its typed id.</typeparam>
internal abstract class InMemoryAggregateStore<TAggregate, TId> : IAggregateStore<TAggregate, TId>
    where TAggregate : AggregateRoot<TId>
    where TId : struct, ITypedId<TId>
{
    private readonly InMemoryDatabase _database;
    private readonly IOrganisationContext _organisation;
    private readonly InMemoryUnitOfWork _unitOfWork;

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
        _unitOfWork = new InMemoryUnitOfWork(database, organisation, outbox);
    }

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
    public Task AddAsync(TAggregate aggregate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        return _unitOfWork.SaveAsync([AggregateChange.Add(aggregate)], cancellationToken);
    }

    /// <inheritdoc />
    public Task UpdateAsync(TAggregate aggregate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        return _unitOfWork.SaveAsync([AggregateChange.Update(aggregate)], cancellationToken);
    }

    /// <inheritdoc />
    public Task<Page<TAggregate>> ListPageAsync(PageRequest page, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var organisationId = _organisation.CurrentOrganisationId;
        lock (_database.SyncRoot)
        {
            var mine = _database.Table(typeof(TAggregate)).Where(row => row.Value.OrganisationId == organisationId).ToList();
            var sorted = page.Order == ListOrder.NewestFirst
                ? mine.OrderByDescending(row => row.Key, NetworkOrderGuidComparer.Instance)
                : mine.OrderBy(row => row.Key, NetworkOrderGuidComparer.Instance);
            var items = sorted.Skip(page.Offset).Take(page.Size).Select(row => DeepCopy((TAggregate)row.Value.Snapshot)).ToList();
            return Task.FromResult(new Page<TAggregate>(items, mine.Count, page));
        }
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
}

/// <summary>Compares GUIDs as their text (their bytes in network order), as PostgreSQL's <c>uuid</c> and SQLite's text columns do.</summary>
internal sealed class NetworkOrderGuidComparer : IComparer<Guid>
{
    /// <summary>Gets the comparer.</summary>
    public static NetworkOrderGuidComparer Instance { get; } = new();

    /// <inheritdoc />
    public int Compare(Guid x, Guid y)
    {
        Span<byte> first = stackalloc byte[16];
        Span<byte> second = stackalloc byte[16];
        x.TryWriteBytes(first, bigEndian: true, out _);
        y.TryWriteBytes(second, bigEndian: true, out _);
        return first.SequenceCompareTo(second);
    }
}
