using System.Data.Common;
using CoProduction.Primitives;
using CoProduction.Storage.EntityFrameworkCore.Outbox;
using Microsoft.EntityFrameworkCore;

namespace CoProduction.Storage.EntityFrameworkCore.Stores;

/// <summary>
/// The relational <see cref="IUnitOfWork"/>: one context, one transaction. Each update claims its aggregate's version
/// (in a fixed order, so that two units of work over the same aggregates cannot deadlock), its child rows are replaced,
/// every root and child row and every outbox row is written by one <c>SaveChanges</c>, and the transaction commits;
/// then the aggregates are marked saved and their events dispatched.
/// </summary>
internal sealed class EntityFrameworkUnitOfWork : IUnitOfWork
{
    private readonly CoProductionDbContextFactory _contexts;
    private readonly IOrganisationContext _organisation;
    private readonly EntityFrameworkEventOutbox _outbox;

    public EntityFrameworkUnitOfWork(CoProductionDbContextFactory contexts, IOrganisationContext organisation, EntityFrameworkEventOutbox outbox)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        ArgumentNullException.ThrowIfNull(organisation);
        ArgumentNullException.ThrowIfNull(outbox);
        _contexts = contexts;
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

        var versions = new Dictionary<IAggregateRoot, long>(ReferenceEqualityComparer.Instance);
        foreach (var change in ordered)
        {
            versions[change.Aggregate] = change.Kind == AggregateChangeKind.Add ? 1 : change.Aggregate.Version + 1;
        }

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
                            .StageAsync(context, change.Aggregate, change.Kind, versions[change.Aggregate], cancellationToken)
                            .ConfigureAwait(false);
                    }

                    // Events go to the outbox in the order the command listed its changes.
                    foreach (var change in changes)
                    {
                        var aggregate = change.Aggregate;
                        foreach (var domainEvent in aggregate.PendingEvents)
                        {
                            var record = new OutboxRecord
                            {
                                OrganisationId = organisationId,
                                AggregateType = aggregate.GetType().Name,
                                AggregateId = aggregate.IdValue,
                                AggregateVersion = versions[aggregate],
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
                catch (Exception ex) when (ex is DbUpdateException or DbException && ordered.Any(c => c.Kind == AggregateChangeKind.Add))
                {
                    // An insert failed: most likely an added id is already stored (by this or another organisation).
                    await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
                    var taken = await FindStoredAdditionAsync(ordered, cancellationToken).ConfigureAwait(false);
                    if (taken is not null)
                    {
                        throw new StoreOperationException(StorageErrorCodes.AlreadyExists, UnitOfWorkSupport.AlreadyStoredMessage(taken));
                    }

                    throw;
                }
            }
        }

        UnitOfWorkSupport.MarkSaved(ordered.Select(c => (c.Aggregate, versions[c.Aggregate])));
        await _outbox.DispatchAsync([.. events.Select(e => (e.Record.Sequence, e.Event))], cancellationToken).ConfigureAwait(false);
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
