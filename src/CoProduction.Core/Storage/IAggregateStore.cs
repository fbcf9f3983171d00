using CoProduction.Primitives;

namespace CoProduction.Storage;

/// <summary>
/// The operations every aggregate store offers. Stores see only the current organisation's aggregates
/// (<see cref="IOrganisationContext"/>), keep copies the caller cannot change by holding a reference, and refuse stale
/// updates with <see cref="ConcurrencyConflictException"/>. Each area adds the queries its use cases need in a
/// store interface of its own that derives from this one.
/// </summary>
/// <typeparam name="TAggregate">The aggregate.</typeparam>
/// <typeparam name="TId">Its typed id.</typeparam>
public interface IAggregateStore<TAggregate, in TId>
    where TAggregate : AggregateRoot<TId>
    where TId : struct, ITypedId<TId>
{
    /// <summary>Finds an aggregate of the current organisation by id.</summary>
    /// <param name="id">The id.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A copy of the stored aggregate, or <see langword="null"/> when there is none (or it belongs to another organisation).</returns>
    ValueTask<TAggregate?> FindAsync(TId id, CancellationToken cancellationToken);

    /// <summary>Stores a new aggregate (version 0) with its pending events, and sets its version to 1.</summary>
    /// <param name="aggregate">The aggregate.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when the aggregate is stored.</returns>
    /// <exception cref="StoreOperationException">The id is already stored, the aggregate is not new, or it belongs to another organisation.</exception>
    Task AddAsync(TAggregate aggregate, CancellationToken cancellationToken);

    /// <summary>
    /// Stores the changes of an aggregate loaded at <see cref="IAggregateRoot.Version"/>, with its pending events, and
    /// increments its version. An update based on a stale version is refused and nothing is written.
    /// </summary>
    /// <param name="aggregate">The changed aggregate.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when the changes are stored.</returns>
    /// <exception cref="ConcurrencyConflictException">Someone else saved the aggregate since it was loaded.</exception>
    /// <exception cref="StoreOperationException">The aggregate is not stored, or belongs to another organisation.</exception>
    Task UpdateAsync(TAggregate aggregate, CancellationToken cancellationToken);

    /// <summary>
    /// Lists one page of the current organisation's aggregates, sorted by id (see <see cref="ListOrder"/>: creation
    /// order for ids made by <c>New()</c>), with the number of them all. The database sorts, skips and limits (and
    /// counts) in one snapshot, so a page costs the same whatever the number of aggregates; a page beyond the last is
    /// empty. Every store sorts the same ids the same way, so a list reads the same on every provider.
    /// </summary>
    /// <param name="page">The page to read; <c>default</c> is the first page of <see cref="PageRequest.DefaultSize"/>, oldest first.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>Copies of the page's aggregates and the total count.</returns>
    Task<Page<TAggregate>> ListPageAsync(PageRequest page, CancellationToken cancellationToken);
}
