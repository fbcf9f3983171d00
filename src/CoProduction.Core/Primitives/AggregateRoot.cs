namespace CoProduction.Primitives;

/// <summary>What every aggregate exposes to stores: identity, owner, version and pending domain events.</summary>
public interface IAggregateRoot
{
    /// <summary>Gets the organisation that owns the aggregate.</summary>
    OrganisationId OrganisationId { get; }

    /// <summary>
    /// Gets the version the aggregate had when it was loaded: 0 for a new aggregate, then 1, 2, ... after each save.
    /// An update whose version is not the stored one is refused with <see cref="ConcurrencyConflictException"/>.
    /// </summary>
    long Version { get; }

    /// <summary>Gets the domain events recorded since the aggregate was loaded or last saved.</summary>
    IReadOnlyList<IDomainEvent> PendingEvents { get; }

    /// <summary>Gets the aggregate's id as a <see cref="Guid"/>, for stores and messages.</summary>
    Guid IdValue { get; }
}

/// <summary>
/// Base class of the library's aggregates: a consistency boundary that owns its invariants, changes only through
/// intention-revealing methods, belongs to one organisation, carries a version for optimistic concurrency and records
/// a domain event on every real change.
/// </summary>
/// <typeparam name="TId">The aggregate's typed id.</typeparam>
public abstract class AggregateRoot<TId> : IAggregateRoot, ISavedMarker
    where TId : struct, ITypedId<TId>
{
    private readonly List<IDomainEvent> _pendingEvents = [];

    /// <summary>Initialises a new aggregate.</summary>
    /// <param name="id">The aggregate's id.</param>
    /// <param name="organisationId">The organisation that owns it.</param>
    /// <exception cref="ArgumentException">An id is empty.</exception>
    protected AggregateRoot(TId id, OrganisationId organisationId)
    {
        if (id.Value == Guid.Empty)
        {
            throw new ArgumentException("The id is empty: create one with New().", nameof(id));
        }

        if (organisationId.Value == Guid.Empty)
        {
            throw new ArgumentException("The organisation id is empty: pass the id of the organisation that owns this record.", nameof(organisationId));
        }

        Id = id;
        OrganisationId = organisationId;
    }

    /// <summary>Initialises an aggregate being materialised by a store.</summary>
    protected AggregateRoot()
    {
    }

    /// <summary>Gets the aggregate's id.</summary>
    public TId Id { get; private set; }

    /// <inheritdoc />
    public OrganisationId OrganisationId { get; private set; }

    /// <inheritdoc />
    public long Version { get; private set; }

    /// <inheritdoc />
    public IReadOnlyList<IDomainEvent> PendingEvents => _pendingEvents;

    /// <inheritdoc />
    Guid IAggregateRoot.IdValue => Id.Value;

    /// <summary>Records a domain event, to be saved and dispatched with the next successful save.</summary>
    /// <param name="domainEvent">The event.</param>
    protected void Raise(IDomainEvent domainEvent)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        _pendingEvents.Add(domainEvent);
    }

    /// <summary>Called by stores after a successful save: sets the stored version and clears pending events.</summary>
    /// <param name="version">The version now stored.</param>
    internal void MarkSaved(long version)
    {
        Version = version;
        _pendingEvents.Clear();
    }

    /// <inheritdoc />
    void ISavedMarker.MarkSaved(long version) => MarkSaved(version);
}

/// <summary>Lets stores mark any aggregate as saved without knowing its id type.</summary>
internal interface ISavedMarker
{
    /// <summary>Sets the stored version and clears pending events.</summary>
    /// <param name="version">The version now stored.</param>
    void MarkSaved(long version);
}

/// <summary>Marks aggregates saved: only the library's <see cref="Storage.UnitOfWorkBase{TCommitted}"/> (after a commit) and the in-memory store (on its private copies) call it.</summary>
internal static class AggregateStoreSupport
{
    /// <summary>
    /// Marks an aggregate as saved at <paramref name="version"/> and clears its pending events. Only store
    /// implementations call this, after their transaction has committed.
    /// </summary>
    /// <typeparam name="TId">The aggregate's id type.</typeparam>
    /// <param name="aggregate">The aggregate that was saved.</param>
    /// <param name="version">The version now stored.</param>
    public static void MarkSaved<TId>(AggregateRoot<TId> aggregate, long version)
        where TId : struct, ITypedId<TId>
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(version);
        aggregate.MarkSaved(version);
    }

    /// <summary>
    /// Marks an aggregate of any type as saved at <paramref name="version"/> and clears its pending events. Only store
    /// implementations call this, after their transaction has committed.
    /// </summary>
    /// <param name="aggregate">The aggregate that was saved: one of the library's aggregates.</param>
    /// <param name="version">The version now stored.</param>
    /// <exception cref="ArgumentNullException"><paramref name="aggregate"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="version"/> is not positive.</exception>
    /// <exception cref="ArgumentException"><paramref name="aggregate"/> does not derive from <see cref="AggregateRoot{TId}"/>.</exception>
    public static void MarkSaved(IAggregateRoot aggregate, long version)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(version);
        if (aggregate is not ISavedMarker marker)
        {
            throw new ArgumentException($"{aggregate.GetType().Name} does not derive from AggregateRoot<TId>, so no store can save it.", nameof(aggregate));
        }

        marker.MarkSaved(version);
    }
}
