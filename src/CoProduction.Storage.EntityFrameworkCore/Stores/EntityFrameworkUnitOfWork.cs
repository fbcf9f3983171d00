using System.Data.Common;
using CoProduction.Primitives;
using CoProduction.Storage.EntityFrameworkCore.Outbox;
using Microsoft.EntityFrameworkCore;

namespace CoProduction.Storage.EntityFrameworkCore.Stores;

/// <summary>
/// The relational <see cref="IUnitOfWork"/>: one context, one transaction. Each update claims its aggregate's version
/// (in a fixed order, so that two units of work over the same aggregates cannot deadlock), its child rows are replaced,
/// every root and child row and every outbox row is written by one <c>SaveChanges</c>, and the transaction commits;
/// then the aggregates are marked saved and their events dispatched. A write refused by the unique index of one of
/// the <see cref="UniqueRules"/> becomes that rule's <see cref="DomainRuleViolationException"/>.
/// </summary>
internal sealed class EntityFrameworkUnitOfWork : UnitOfWorkBase<List<(long Sequence, IDomainEvent Event)>>
{
    private readonly CoProductionDbContextFactory _contexts;
    private readonly IOrganisationContext _organisation;
    private readonly EntityFrameworkEventOutbox _outbox;

    public EntityFrameworkUnitOfWork(CoProductionDbContextFactory contexts, IOrganisationContext organisation, EntityFrameworkEventOutbox outbox)
        : base(organisation)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        ArgumentNullException.ThrowIfNull(organisation);
        ArgumentNullException.ThrowIfNull(outbox);
        _contexts = contexts;
        _organisation = organisation;
        _outbox = outbox;
    }

    protected override async Task<List<(long Sequence, IDomainEvent Event)>> CommitAsync(ChangeSet changes, CancellationToken cancellationToken)
    {
        var organisationId = changes.OrganisationId;
        var ordered = changes.ClaimOrder;

        var events = new List<(OutboxRecord Record, IDomainEvent Event)>();
        var context = await _contexts.CreateDbContextAsync(organisationId, cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var transaction = await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                try
                {
                    foreach (var change in ordered)
                    {
                        await AggregateWriters.For(change.Aggregate.GetType())
                            .StageAsync(context, change.Aggregate, change.Kind, changes.NewVersionOf(change.Aggregate), cancellationToken)
                            .ConfigureAwait(false);
                    }

                    // Events go to the outbox in the order the command listed its changes.
                    foreach (var change in changes.Changes)
                    {
                        var aggregate = change.Aggregate;
                        foreach (var domainEvent in aggregate.PendingEvents)
                        {
                            var record = new OutboxRecord
                            {
                                OrganisationId = organisationId,
                                AggregateType = aggregate.GetType().Name,
                                AggregateId = aggregate.IdValue,
                                AggregateVersion = changes.NewVersionOf(aggregate),
                                EventType = EventSerializer.TypeName(domainEvent.GetType()),
                                Payload = EventSerializer.Serialize(domainEvent),
                                OccurredAt = domainEvent.OccurredAt,
                            };
                            events.Add((record, domainEvent));
                            context.Add(record);
                        }
                    }

                    await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (DbUpdateConcurrencyException ex)
                {
                    var entity = ex.Entries.Select(e => e.Entity).OfType<IAggregateRoot>().FirstOrDefault();
                    var failed = ordered.Select(c => c.Aggregate).FirstOrDefault(a => entity is not null && a.GetType() == entity.GetType() && a.IdValue == entity.IdValue) ?? ordered[0].Aggregate;
                    throw new ConcurrencyConflictException(failed.GetType().Name, failed.IdValue, failed.Version, null, ex);
                }
                catch (Exception ex) when (ex is DbUpdateException or DbException)
                {
                    // A write failed: most likely a unique index refused it (a rule that says "one", whichever provider
                    // reports it and however), or an added id is already stored (by this or another organisation). Ask
                    // the database, now that the row that won is committed, which one it was.
                    await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
                    var broken = await FindBrokenUniqueRuleAsync(ordered, cancellationToken).ConfigureAwait(false);
                    if (broken is { } refusal)
                    {
                        throw refusal.Rule.Refusal(refusal.Aggregate);
                    }

                    var taken = ordered.Any(c => c.Kind == AggregateChangeKind.Add) ? await FindStoredAdditionAsync(ordered, cancellationToken).ConfigureAwait(false) : null;
                    if (taken is not null)
                    {
                        throw new StoreOperationException(StorageErrorCodes.AlreadyExists, ChangeSet.AlreadyStoredMessage(taken));
                    }

                    throw;
                }
            }
        }

        // The sequences are known once the transaction has committed (the database assigned them).
        return [.. events.Select(e => (e.Record.Sequence, e.Event))];
    }

    protected override Task AfterCommitAsync(List<(long Sequence, IDomainEvent Event)> committed, CancellationToken cancellationToken) =>
        _outbox.DispatchAsync(committed, cancellationToken);

    /// <summary>Finds a change whose aggregate shares a unique rule's values with another stored aggregate of the organisation.</summary>
    private async Task<(UniqueRule Rule, IAggregateRoot Aggregate)?> FindBrokenUniqueRuleAsync(IReadOnlyList<AggregateChange> ordered, CancellationToken cancellationToken)
    {
        if (!ordered.Any(c => UniqueRules.For(c.Aggregate.GetType()).Count > 0))
        {
            return null;
        }

        var context = await _contexts.CreateDbContextAsync(_organisation.CurrentOrganisationId, cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            foreach (var change in ordered)
            {
                foreach (var rule in UniqueRules.For(change.Aggregate.GetType()))
                {
                    var clashesWithStored = await AggregateWriters.For(change.Aggregate.GetType()).ClashesAsync(context, change.Aggregate, rule, cancellationToken).ConfigureAwait(false);
                    if (clashesWithStored || ordered.Any(other => other.Aggregate.GetType() == change.Aggregate.GetType() && rule.Clashes(change.Aggregate, other.Aggregate)))
                    {
                        return (rule, change.Aggregate);
                    }
                }
            }

            return null;
        }
    }

    private async Task<IAggregateRoot?> FindStoredAdditionAsync(IReadOnlyList<AggregateChange> ordered, CancellationToken cancellationToken)
    {
        var context = await _contexts.CreateDbContextAsync(_organisation.CurrentOrganisationId, cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            foreach (var change in ordered.Where(c => c.Kind == AggregateChangeKind.Add))
            {
                if (await AggregateWriters.For(change.Aggregate.GetType()).ExistsAnywhereAsync(context, change.Aggregate, cancellationToken).ConfigureAwait(false))
                {
                    return change.Aggregate;
                }
            }

            return null;
        }
    }
}
