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
/// Every store provider implements this contract over the same storage as its aggregate stores; the single-aggregate
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
    /// <exception cref="ConcurrencyConflictException">Someone else saved one of the updated aggregates since it was loaded.</exception>
    /// <exception cref="StoreOperationException">An added aggregate is already stored or not new, an updated one is not stored, or one belongs to another organisation.</exception>
    Task SaveAsync(IReadOnlyCollection<AggregateChange> changes, CancellationToken cancellationToken);
}

/// <summary>Checks the changes of a unit of work before a store writes them, the same way in every provider.</summary>
public static class UnitOfWorkSupport
{
    /// <summary>
    /// Checks that every change belongs to <paramref name="organisationId"/>, that additions are new, and that no
    /// aggregate appears twice; returns the changes in the order in which a store should claim their rows (by type,
    /// then id), so that two transactions over the same aggregates never wait on each other in a cycle.
    /// </summary>
    /// <param name="changes">The changes.</param>
    /// <param name="organisationId">The current organisation.</param>
    /// <returns>The changes in claiming order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="changes"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The same aggregate appears twice.</exception>
    /// <exception cref="StoreOperationException">An aggregate belongs to another organisation, or an addition is not new.</exception>
    /// <exception cref="ConcurrencyConflictException">An updated aggregate was loaded at another version than the caller expects (<see cref="ExpectedVersions"/>).</exception>
    public static IReadOnlyList<AggregateChange> Validate(IReadOnlyCollection<AggregateChange> changes, OrganisationId organisationId)
    {
        ArgumentNullException.ThrowIfNull(changes);
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

        return [.. changes.OrderBy(c => c.Aggregate.GetType().FullName, StringComparer.Ordinal).ThenBy(c => c.Aggregate.IdValue)];
    }

    /// <summary>Marks every aggregate of a committed unit of work as saved at its new version, clearing its pending events.</summary>
    /// <param name="committed">Each aggregate with the version now stored.</param>
    /// <exception cref="ArgumentNullException"><paramref name="committed"/> is <see langword="null"/>.</exception>
    internal static void MarkSaved(IEnumerable<(IAggregateRoot Aggregate, long Version)> committed)
    {
        ArgumentNullException.ThrowIfNull(committed);
        foreach (var (aggregate, version) in committed)
        {
            AggregateStoreSupport.MarkSaved(aggregate, version);
        }
    }

    /// <summary>The message of the exception for an update of an aggregate that is not stored.</summary>
    internal static string NotStoredMessage(IAggregateRoot aggregate) =>
        $"{aggregate.GetType().Name} {aggregate.IdValue} is not stored: add it with AddAsync first.";

    /// <summary>The message of the exception for an addition whose id is already stored.</summary>
    internal static string AlreadyStoredMessage(IAggregateRoot aggregate) =>
        $"{aggregate.GetType().Name} {aggregate.IdValue} is already stored: use UpdateAsync to save changes, or create the new record with a new id.";
}
