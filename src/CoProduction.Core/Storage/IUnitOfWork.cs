using CoProduction.Primitives;

namespace CoProduction.Storage;

/// <summary>Whether a change adds a new aggregate or updates a stored one.</summary>
public enum AggregateChangeKind
{
    /// <summary>The aggregate is new (version 0): it is inserted, and the save fails if its id is already stored.</summary>
    Add,

    /// <summary>The aggregate was loaded at its <see cref="IAggregateRoot.Version"/>: the save fails if that is no longer the stored version.</summary>
    Update,
}

/// <summary>One aggregate to write in a unit of work, as an addition or an update.</summary>
public readonly record struct AggregateChange
{
    private AggregateChange(IAggregateRoot aggregate, AggregateChangeKind kind)
    {
        Aggregate = aggregate;
        Kind = kind;
    }

    /// <summary>Gets the aggregate to write, with its pending events.</summary>
    public IAggregateRoot Aggregate { get; }

    /// <summary>Gets whether the aggregate is added or updated.</summary>
    public AggregateChangeKind Kind { get; }

    /// <summary>A new aggregate to insert.</summary>
    /// <param name="aggregate">The new aggregate (version 0).</param>
    /// <returns>The change.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="aggregate"/> is <see langword="null"/>.</exception>
    public static AggregateChange Add(IAggregateRoot aggregate)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        return new AggregateChange(aggregate, AggregateChangeKind.Add);
    }

    /// <summary>A stored aggregate to update, at the version it was loaded with.</summary>
    /// <param name="aggregate">The changed aggregate.</param>
    /// <returns>The change.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="aggregate"/> is <see langword="null"/>.</exception>
    public static AggregateChange Update(IAggregateRoot aggregate)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        return new AggregateChange(aggregate, AggregateChangeKind.Update);
    }
}

/// <summary>
/// Writes the aggregates one command changed, and their pending events, in one transaction: every change is stored, or
/// none is. Each update claims the version its aggregate was loaded with, so a command that read several aggregates and
/// changed them all fails whole (with <see cref="ConcurrencyConflictException"/>) when anyone saved any of them since.
/// Rules that say "one" or "at most" are kept by the aggregate that owns them: the command updates that aggregate in
/// the same unit of work, so two commands racing for the same slot cannot both commit.
/// </summary>
/// <remarks>
/// Every store provider implements this contract over the same storage as its aggregate stores, by deriving from
/// <see cref="UnitOfWorkBase{TCommitted}"/> (which marks the aggregates saved once the provider has committed); the single-aggregate
/// <see cref="IAggregateStore{TAggregate, TId}.AddAsync"/> and <see cref="IAggregateStore{TAggregate, TId}.UpdateAsync"/>
/// behave as a unit of work of one change. The conformance suite (<c>UnitOfWorkSpecification</c>) proves that a
/// failure on any change leaves every aggregate as it was and stores no event.
/// </remarks>
public interface IUnitOfWork
{
    /// <summary>
    /// Stores every change in one transaction with the changed aggregates' pending events, then sets each aggregate's
    /// version and clears its pending events, then dispatches the events. When anything fails, nothing is stored and the
    /// aggregates passed in are left as they were (version and pending events unchanged).
    /// </summary>
    /// <param name="changes">The aggregates to add or update, each at most once, all of the current organisation.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when the changes are stored.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="changes"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The same aggregate appears twice in <paramref name="changes"/>.</exception>
    /// <exception cref="ConcurrencyConflictException">Someone else saved one of the updated aggregates since it was loaded, or one was loaded at another version than the caller expects (<see cref="ExpectedVersions"/>).</exception>
    /// <exception cref="InvalidInputException">A value could not be stored as it is (a control character or lone surrogate in text, text over 20,000 characters, an amount beyond 18 digits); every fault is listed by field path.</exception>
    /// <exception cref="StoreOperationException">An added aggregate is already stored or not new, an updated one is not stored, or one belongs to another organisation.</exception>
    Task SaveAsync(IReadOnlyCollection<AggregateChange> changes, CancellationToken cancellationToken);
}

/// <summary>
/// The checked changes of one unit of work, as a store provider writes them (see <see cref="UnitOfWorkBase{TCommitted}"/>):
/// every aggregate belongs to the current organisation, each addition is new, and no aggregate appears twice.
/// </summary>
public sealed class ChangeSet
{
    private readonly Dictionary<IAggregateRoot, long> _newVersions;

    private ChangeSet(OrganisationId organisationId, Actor actor, IReadOnlyList<AggregateChange> changes, IReadOnlyList<AggregateChange> claimOrder)
    {
        OrganisationId = organisationId;
        Actor = actor;
        Changes = changes;
        ClaimOrder = claimOrder;
        _newVersions = new Dictionary<IAggregateRoot, long>(ReferenceEqualityComparer.Instance);
        foreach (var change in changes)
        {
            _newVersions[change.Aggregate] = change.Kind == AggregateChangeKind.Add ? 1 : change.Aggregate.Version + 1;
        }
    }

    /// <summary>Gets the organisation every change belongs to: the current one.</summary>
    public OrganisationId OrganisationId { get; }

    /// <summary>Gets who made the changes (<see cref="IActorContext"/>): a store keeps it with every event of the change set.</summary>
    public Actor Actor { get; }

    /// <summary>Gets the changes in the order the command listed them: their events go to the outbox in this order.</summary>
    public IReadOnlyList<AggregateChange> Changes { get; }

    /// <summary>
    /// Gets the changes in the order in which a store claims their rows (by type name, then id), so that two
    /// transactions over the same aggregates never wait on each other in a cycle.
    /// </summary>
    public IReadOnlyList<AggregateChange> ClaimOrder { get; }

    /// <summary>Gets the number of changes.</summary>
    public int Count => Changes.Count;

    /// <summary>
    /// Gets the version an aggregate of this change set has once it is stored: 1 for an addition, the version it was
    /// loaded with plus one for an update. A store writes this version, and for an update claims the row only while
    /// the stored version is still <see cref="IAggregateRoot.Version"/>.
    /// </summary>
    /// <param name="aggregate">An aggregate of one of the changes.</param>
    /// <returns>The version to store.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="aggregate"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="aggregate"/> is not in the change set.</exception>
    public long NewVersionOf(IAggregateRoot aggregate)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        return _newVersions.TryGetValue(aggregate, out var version)
            ? version
            : throw new ArgumentException($"{aggregate.GetType().Name} {aggregate.IdValue} is not in this change set.", nameof(aggregate));
    }

    /// <summary>The message of a <see cref="StoreOperationException"/> (<see cref="StorageErrorCodes.NotFound"/>) for an update of an aggregate that is not stored.</summary>
    /// <param name="aggregate">The aggregate.</param>
    /// <returns>The message.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="aggregate"/> is <see langword="null"/>.</exception>
    public static string NotStoredMessage(IAggregateRoot aggregate)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        return $"{aggregate.GetType().Name} {aggregate.IdValue} is not stored: add it with AddAsync first.";
    }

    /// <summary>The message of a <see cref="StoreOperationException"/> (<see cref="StorageErrorCodes.AlreadyExists"/>) for an addition whose id is already stored.</summary>
    /// <param name="aggregate">The aggregate.</param>
    /// <returns>The message.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="aggregate"/> is <see langword="null"/>.</exception>
    public static string AlreadyStoredMessage(IAggregateRoot aggregate)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        return $"{aggregate.GetType().Name} {aggregate.IdValue} is already stored: use UpdateAsync to save changes, or create the new record with a new id.";
    }

    /// <summary>Checks the changes of a unit of work, the same way for every provider.</summary>
    internal static ChangeSet Create(IReadOnlyCollection<AggregateChange> changes, OrganisationId organisationId, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(actor);
        var seen = new HashSet<(Type, Guid)>();
        foreach (var change in changes)
        {
            var aggregate = change.Aggregate ?? throw new ArgumentException("A change has no aggregate: create changes with AggregateChange.Add or AggregateChange.Update.", nameof(changes));
            var name = aggregate.GetType().Name;
            if (!seen.Add((aggregate.GetType(), aggregate.IdValue)))
            {
                throw new ArgumentException($"{name} {aggregate.IdValue} appears twice in one unit of work: pass each aggregate once, with all its changes.", nameof(changes));
            }

            if (aggregate.OrganisationId != organisationId)
            {
                throw new StoreOperationException(StorageErrorCodes.OrganisationMismatch, $"{name} {aggregate.IdValue} belongs to organisation {aggregate.OrganisationId}, not to the current organisation {organisationId}: a store saves only the current organisation's data.");
            }

            if (change.Kind == AggregateChangeKind.Add && aggregate.Version != 0)
            {
                throw new StoreOperationException(StorageErrorCodes.NotNew, $"{name} {aggregate.IdValue} has version {aggregate.Version}, so it is already stored: use UpdateAsync to save its changes.");
            }

            if (change.Kind == AggregateChangeKind.Update)
            {
                ExpectedVersions.Check(aggregate);
            }
        }

        // Values a database would refuse or silently change are refused here, the same for every store.
        StorableInput.Check(changes);
        return new ChangeSet(
            organisationId,
            actor,
            [.. changes],
            [.. changes.OrderBy(c => c.Aggregate.GetType().FullName, StringComparer.Ordinal).ThenBy(c => c.Aggregate.IdValue)]);
    }
}
