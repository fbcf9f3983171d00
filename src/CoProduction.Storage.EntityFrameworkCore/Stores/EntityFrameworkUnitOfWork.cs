using System.Data.Common;
using CoProduction.Primitives;
using CoProduction.Storage.EntityFrameworkCore.Outbox;
using Microsoft.EntityFrameworkCore;

namespace CoProduction.Storage.EntityFrameworkCore.Stores;

/// <summary>
/// The relational <see cref="IUnitOfWork"/>: one context, one transaction, one command (<see cref="DirectWriter"/>, or
/// <see cref="BulkInsert"/> for an import) built from the model rather than EF Core's <c>SaveChanges</c>. Each updated root
/// row is written once, with its version as the concurrency token; of the child rows only those that differ from the
/// rows the aggregate was loaded (or last saved) with are written (<see cref="AggregateWriter{TAggregate, TId}"/>);
/// the outbox rows of events no handler listens to are stored already dispatched. Then the transaction commits, the
/// aggregates are marked saved and the remaining events dispatched. A write refused by the unique index of one of the
/// <see cref="UniqueRules"/> becomes that rule's <see cref="DomainRuleViolationException"/>.
/// </summary>
internal sealed partial class EntityFrameworkUnitOfWork : UnitOfWorkBase<List<(long Sequence, IDomainEvent Event)>>
{
    private readonly CoProductionDbContextFactory _contexts;
    private readonly IOrganisationContext _organisation;
    private readonly EntityFrameworkEventOutbox _outbox;
    private readonly TimeProvider _clock;
    private readonly Microsoft.Extensions.Logging.ILogger<EntityFrameworkUnitOfWork> _logger;

    public EntityFrameworkUnitOfWork(CoProductionDbContextFactory contexts, IOrganisationContext organisation, IActorContext actor, EntityFrameworkEventOutbox outbox, TimeProvider clock, Microsoft.Extensions.Logging.ILogger<EntityFrameworkUnitOfWork> logger)
        : base(organisation, actor)
    {
        ArgumentNullException.ThrowIfNull(logger);
        _logger = logger;
        ArgumentNullException.ThrowIfNull(contexts);
        ArgumentNullException.ThrowIfNull(organisation);
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(clock);
        _contexts = contexts;
        _organisation = organisation;
        _outbox = outbox;
        _clock = clock;
    }

    protected override async Task<List<(long Sequence, IDomainEvent Event)>> CommitAsync(ChangeSet changes, CancellationToken cancellationToken)
    {
        var organisationId = changes.OrganisationId;
        var ordered = changes.ClaimOrder;

        var events = new List<(OutboxRecord Record, IDomainEvent Event)>();
        var context = await _contexts.CreateDbContextAsync(organisationId, cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            // Every state is set explicitly below: no need to compare every tracked row on each call.
            context.ChangeTracker.AutoDetectChangesEnabled = false;
            var stored = new Dictionary<IAggregateRoot, RowSnapshot>(ReferenceEqualityComparer.Instance);
            var removed = new List<RowKey>();

            // An import (many additions) is written by BulkInsert from tracked rows; otherwise the child rows of the
            // aggregates whose mapping allows it are staged without tracking and written by DirectWriter.
            // A model with a type kept as JSON is written by SaveChanges, every row tracked.
            var import = ordered.Count >= BulkInsert.Threshold && ordered.All(c => c.Kind == AggregateChangeKind.Add);
            var direct = DirectWriter.Supports(context.Model);
            var staged = import || !direct ? null : new StagedRows();
            var transaction = await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                try
                {
                    // What each updated aggregate's rows hold: known from its load (or last save) at its version, or
                    // read now, inside the transaction.
                    foreach (var change in ordered.Where(c => c.Kind == AggregateChangeKind.Update))
                    {
                        stored[change.Aggregate] = RowSnapshots.Find(change.Aggregate, _contexts)
                            ?? await AggregateWriters.For(change.Aggregate.GetType()).ReadStoredAsync(context, change.Aggregate, _contexts, cancellationToken).ConfigureAwait(false);
                    }

                    foreach (var change in ordered)
                    {
                        removed.AddRange(AggregateWriters.For(change.Aggregate.GetType())
                            .Stage(context, change.Aggregate, change.Kind, changes.NewVersionOf(change.Aggregate), stored.GetValueOrDefault(change.Aggregate), staged));
                    }

                    await RowDeletes.ExecuteAsync(context, removed, cancellationToken).ConfigureAwait(false);

                    // Events go to the outbox in the order the command listed its changes. An event no handler
                    // listens to is delivered by the commit itself.
                    var now = _clock.GetUtcNow();
                    var outbox = new List<OutboxRecord>();
                    var actor = changes.Actor.ToString();
                    foreach (var change in changes.Changes)
                    {
                        var aggregate = change.Aggregate;
                        foreach (var domainEvent in aggregate.PendingEvents)
                        {
                            var handled = _outbox.HasHandlers(domainEvent);
                            var record = new OutboxRecord
                            {
                                OrganisationId = organisationId,
                                AggregateType = aggregate.GetType().Name,
                                AggregateId = aggregate.IdValue,
                                AggregateVersion = changes.NewVersionOf(aggregate),
                                EventType = EventSerializer.TypeName(domainEvent.GetType()),
                                Payload = EventSerializer.Serialize(domainEvent),
                                Actor = actor,
                                OccurredAt = domainEvent.OccurredAt,
                                DispatchedAt = handled ? null : now,
                                Attempts = handled ? 0 : 1,
                            };
                            if (handled)
                            {
                                events.Add((record, domainEvent));
                            }

                            outbox.Add(record);
                        }
                    }

                    if (import)
                    {
                        // An import: multi-row inserts rather than SaveChanges' statement per row.
                        await BulkInsert.ExecuteAsync(context, outbox, cancellationToken).ConfigureAwait(false);
                    }
                    else if (direct)
                    {
                        // The staged rows and the outbox rows, written from the model's metadata in one command,
                        // without SaveChanges' per-row pipeline.
                        await DirectWriter.ExecuteAsync(context, outbox, staged, cancellationToken).ConfigureAwait(false);
                    }
                    else
                    {
                        context.AddRange(outbox);
                        await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                    }

                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is DbUpdateException or DbException)
                {
                    // A write failed: an updated aggregate was saved by someone else first (its root row no longer
                    // at the version, or a child row already written by the winner), is not stored, or a unique index
                    // refused a rule that says "one", or an added id is already stored (by this or another
                    // organisation). Ask the database, now that the row that won is committed, which one it was.
                    await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
                    if (await FindStaleUpdateAsync(ordered, ex, cancellationToken).ConfigureAwait(false) is { } stale)
                    {
                        throw stale;
                    }

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

                    if (ex is DbUpdateConcurrencyException concurrency)
                    {
                        var entity = (concurrency as RowNotFoundException)?.Entity as IAggregateRoot ?? concurrency.Entries.Select(e => e.Entity).OfType<IAggregateRoot>().FirstOrDefault();
                        var failed = ordered.Select(c => c.Aggregate).FirstOrDefault(a => entity is not null && a.GetType() == entity.GetType() && a.IdValue == entity.IdValue) ?? ordered[0].Aggregate;
                        throw new ConcurrencyConflictException(failed.GetType().Name, failed.IdValue, failed.Version, null, ex);
                    }

                    // Not a refusal the library knows: the database failed. The operator needs to see it; the caller
                    // gets the exception (nothing was saved).
                    LogWriteFailed(ex, ordered.Count, string.Join(", ", ordered.Select(c => $"{c.Aggregate.GetType().Name} {c.Aggregate.IdValue}")), organisationId.Value);
                    throw;
                }
            }

            // The rows as saved are what the next save of these aggregates compares with.
            var rows = RowSnapshots.Capture(context);
            foreach (var (rootId, savedRows) in staged?.Saved ?? [])
            {
                if (!rows.TryGetValue(rootId, out var captured))
                {
                    rows[rootId] = savedRows;
                    continue;
                }

                foreach (var (key, values) in savedRows)
                {
                    captured[key] = values;
                }
            }

            foreach (var change in ordered)
            {
                AggregateWriters.For(change.Aggregate.GetType()).RememberSaved(change.Aggregate, rows, _contexts, changes.NewVersionOf(change.Aggregate), stored.GetValueOrDefault(change.Aggregate), removed);
            }
        }

        // The sequences are known once the transaction has committed (the database assigned them).
        return [.. events.Select(e => (e.Record.Sequence, e.Event))];
    }

    /// <summary>
    /// The refusal of an updated aggregate whose stored version is not the one it was loaded with, or that is not
    /// stored; <see langword="null"/> when every update still matches.
    /// </summary>
    private async Task<Exception?> FindStaleUpdateAsync(IReadOnlyList<AggregateChange> ordered, Exception failure, CancellationToken cancellationToken)
    {
        if (!ordered.Any(c => c.Kind == AggregateChangeKind.Update))
        {
            return null;
        }

        var context = await _contexts.CreateDbContextAsync(_organisation.CurrentOrganisationId, cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            foreach (var change in ordered.Where(c => c.Kind == AggregateChangeKind.Update))
            {
                var aggregate = change.Aggregate;
                var storedVersion = await AggregateWriters.For(aggregate.GetType()).StoredVersionAsync(context, aggregate, cancellationToken).ConfigureAwait(false);
                if (storedVersion is null)
                {
                    return new StoreOperationException(StorageErrorCodes.NotFound, ChangeSet.NotStoredMessage(aggregate));
                }

                if (storedVersion != aggregate.Version)
                {
                    return new ConcurrencyConflictException(aggregate.GetType().Name, aggregate.IdValue, aggregate.Version, storedVersion, failure);
                }
            }

            return null;
        }
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

    [Microsoft.Extensions.Logging.LoggerMessage(EventId = 2001, Level = Microsoft.Extensions.Logging.LogLevel.Error, Message = "Saving {Count} changes ({Aggregates}) of organisation {OrganisationId} failed in the database; the transaction was rolled back and nothing was saved")]
    private partial void LogWriteFailed(Exception exception, int count, string aggregates, Guid organisationId);
}
