using CoProduction.Primitives;

namespace CoProduction.Storage;

/// <summary>
/// The base of every store provider's <see cref="IUnitOfWork"/>, the library's own included: the extension point for
/// a store of your own. It checks the changes the same way for every provider (<see cref="ChangeSet"/>), asks the
/// provider to write them in one transaction (<see cref="CommitAsync"/>), and only then marks the caller's aggregates
/// as saved (their new version, no pending events) before <see cref="AfterCommitAsync"/> dispatches the events.
/// Marking aggregates saved is the library's job, not the provider's: nothing outside a committed save can clear an
/// aggregate's events or set its version.
/// </summary>
/// <typeparam name="TCommitted">What <see cref="CommitAsync"/> hands to <see cref="AfterCommitAsync"/>, such as the stored events to dispatch.</typeparam>
/// <remarks>
/// A provider's aggregate stores save through the same unit of work: <see cref="IAggregateStore{TAggregate, TId}.AddAsync"/>
/// is <c>SaveAsync([AggregateChange.Add(aggregate)])</c>, and <see cref="IAggregateStore{TAggregate, TId}.UpdateAsync"/>
/// is <c>SaveAsync([AggregateChange.Update(aggregate)])</c>. The conformance suite (the CoProduction.Storage.Specification
/// package) proves a provider keeps the contract.
/// </remarks>
public abstract class UnitOfWorkBase<TCommitted> : IUnitOfWork
{
    private readonly IOrganisationContext _organisation;
    private readonly IActorContext _actor;

    /// <summary>Initialises the unit of work.</summary>
    /// <param name="organisation">The current organisation, whose data the changes must be.</param>
    /// <param name="actor">Who the current command runs for: kept with every event (<see cref="ChangeSet.Actor"/>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="organisation"/> or <paramref name="actor"/> is <see langword="null"/>.</exception>
    protected UnitOfWorkBase(IOrganisationContext organisation, IActorContext actor)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        ArgumentNullException.ThrowIfNull(actor);
        _organisation = organisation;
        _actor = actor;
    }

    /// <inheritdoc />
    public async Task SaveAsync(IReadOnlyCollection<AggregateChange> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        cancellationToken.ThrowIfCancellationRequested();
        var changeSet = ChangeSet.Create(changes, _organisation.CurrentOrganisationId, _actor.CurrentActor);
        if (changeSet.Count == 0)
        {
            return;
        }

        var committed = await CommitAsync(changeSet, cancellationToken).ConfigureAwait(false);
        foreach (var change in changeSet.Changes)
        {
            AggregateStoreSupport.MarkSaved(change.Aggregate, changeSet.NewVersionOf(change.Aggregate));
        }

        await AfterCommitAsync(committed, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes every change of <paramref name="changes"/> in one transaction, with the aggregates' pending events in the
    /// outbox (in the order of <see cref="ChangeSet.Changes"/>, each with <see cref="ChangeSet.Actor"/>), each aggregate at <see cref="ChangeSet.NewVersionOf"/>;
    /// claims updated rows in <see cref="ChangeSet.ClaimOrder"/>; keeps the <see cref="UniqueRules"/>. It must not
    /// change the aggregates passed in. When anything fails, nothing is stored and the exception propagates.
    /// </summary>
    /// <param name="changes">The checked changes, at least one.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>What <see cref="AfterCommitAsync"/> needs once the transaction has committed.</returns>
    /// <exception cref="ConcurrencyConflictException">The stored version of an updated aggregate is not the one it was loaded with.</exception>
    /// <exception cref="StoreOperationException">An added aggregate is already stored (<see cref="StorageErrorCodes.AlreadyExists"/>), or an updated one is not (<see cref="StorageErrorCodes.NotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">A <see cref="UniqueRule"/> would be broken (<see cref="UniqueRule.Refusal"/>).</exception>
    protected abstract Task<TCommitted> CommitAsync(ChangeSet changes, CancellationToken cancellationToken);

    /// <summary>Runs after the commit, once the aggregates are marked saved: typically dispatches the stored events (see <see cref="DomainEventDispatcher"/>).</summary>
    /// <param name="committed">What <see cref="CommitAsync"/> returned.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when done.</returns>
    protected virtual Task AfterCommitAsync(TCommitted committed, CancellationToken cancellationToken) => Task.CompletedTask;
}
