using CoProduction.People;
using CoProduction.Primitives;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduction.Storage.EntityFrameworkCore.Outbox;

/// <summary>
/// The <see cref="IEventOutbox"/> over the <c>outbox_messages</c> table. The stores save each aggregate's events in
/// the same transaction as the aggregate and dispatch them through this class after commit; the dispatch state is kept
/// in the table, so an event whose handler failed (or whose process stopped before dispatch) stays pending until
/// <see cref="DispatchPendingAsync"/> delivers it.
/// </summary>
internal sealed class EntityFrameworkEventOutbox : IEventOutbox
{
    private readonly CoProductionDbContextFactory _contexts;
    private readonly IOrganisationContext _organisation;
    private readonly DomainEventDispatcher _dispatcher;
    private readonly TimeProvider _clock;
    private readonly IServiceProviderIsService _registrations;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, Type> HandlerTypes = new();

    /// <summary>Initialises the outbox.</summary>
    /// <param name="contexts">Creates a context per operation.</param>
    /// <param name="organisation">The current organisation.</param>
    /// <param name="dispatcher">Calls the handlers.</param>
    /// <param name="clock">The clock that stamps dispatch times.</param>
    /// <param name="registrations">Tells which event types have handlers.</param>
    public EntityFrameworkEventOutbox(CoProductionDbContextFactory contexts, IOrganisationContext organisation, DomainEventDispatcher dispatcher, TimeProvider clock, IServiceProviderIsService registrations)
    {
        ArgumentNullException.ThrowIfNull(registrations);
        _registrations = registrations;
        ArgumentNullException.ThrowIfNull(contexts);
        ArgumentNullException.ThrowIfNull(organisation);
        ArgumentNullException.ThrowIfNull(dispatcher);
        ArgumentNullException.ThrowIfNull(clock);
        _contexts = contexts;
        _organisation = organisation;
        _dispatcher = dispatcher;
        _clock = clock;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<OutboxMessage>> ListForAggregateAsync(Guid aggregateId, CancellationToken cancellationToken)
        => ListAsync(q => q.Where(r => r.AggregateId == aggregateId), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<OutboxMessage>> ListForParticipantAsync(ParticipantId participantId, CancellationToken cancellationToken)
    {
        var id = participantId.Value;
        var actor = id == Guid.Empty ? string.Empty : Actor.ForParticipant(participantId).ToString();
        var pattern = "%" + id.ToString("D") + "%";
        return ListAsync(
            (context, q) =>
            {
                // PostgreSQL keeps the payload as jsonb, which LIKE does not take: it is matched as text there.
                var sql = IsPostgreSql(context)
                    ? "SELECT * FROM outbox_messages WHERE payload::text LIKE {0}"
                    : "SELECT * FROM outbox_messages WHERE payload LIKE {0}";
                var naming = context.Set<OutboxRecord>().FromSqlRaw(sql, pattern);
                var theirs = naming.Where(r => r.AggregateVersion == 1).Select(r => r.AggregateId);
                var named = naming.Select(r => r.Sequence);
                return q.Where(r => r.Actor == actor || r.AggregateId == id || theirs.Contains(r.AggregateId) || named.Contains(r.Sequence));
            },
            cancellationToken);
    }

    private static bool IsPostgreSql(DbContext context) =>
        context.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true;

    /// <inheritdoc />
    public Task<IReadOnlyList<OutboxMessage>> ListPendingAsync(CancellationToken cancellationToken)
        => ListAsync(q => q.Where(r => r.DispatchedAt == null), cancellationToken);

    /// <inheritdoc />
    public async Task<int> DispatchPendingAsync(CancellationToken cancellationToken)
    {
        var pending = await ListPendingAsync(cancellationToken).ConfigureAwait(false);
        return await DispatchAsync([.. pending.Select(m => (m.Sequence, m.Event))], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Whether any <see cref="IDomainEventHandler{TEvent}"/> is registered for the event's type. An event without one
    /// is delivered as soon as it is stored: the unit of work writes it already dispatched, in its own transaction,
    /// and costs no statement after the commit.
    /// </summary>
    internal bool HasHandlers(IDomainEvent domainEvent) =>
        _registrations.IsService(HandlerTypes.GetOrAdd(domainEvent.GetType(), static type => typeof(IDomainEventHandler<>).MakeGenericType(type)));

    /// <summary>
    /// Dispatches events that were just committed, in order; a failing handler leaves its event pending, with the
    /// error recorded. The events delivered are then marked in one statement, and each failure in one statement more.
    /// </summary>
    internal async Task<int> DispatchAsync(IReadOnlyList<(long Sequence, IDomainEvent Event)> events, CancellationToken cancellationToken)
    {
        if (events.Count == 0)
        {
            return 0;
        }

        var delivered = new List<long>(events.Count);
        var failed = new List<(long Sequence, string Error)>();
        foreach (var (sequence, domainEvent) in events)
        {
            try
            {
                await _dispatcher.DispatchAsync(domainEvent, cancellationToken).ConfigureAwait(false);
                delivered.Add(sequence);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The save has committed; the event stays pending so that DispatchPendingAsync can try again.
                var error = OutboxFailure.Describe(ex);
                failed.Add((sequence, error.Length > 2000 ? error[..2000] : error));
            }
        }

        var context = await _contexts.CreateDbContextAsync(_organisation.CurrentOrganisationId, cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            // Each statement stands alone (each event's state is its own), so no transaction is needed. The keys are
            // one list parameter, which every database matches against the primary key.
            var rows = context.Set<OutboxRecord>();
            var now = _clock.GetUtcNow();
            if (delivered.Count > 0)
            {
                await rows.Where(r => delivered.Contains(r.Sequence)).ExecuteUpdateAsync(
                    s => s.SetProperty(r => r.Attempts, r => r.Attempts + 1).SetProperty(r => r.LastError, (string?)null).SetProperty(r => r.DispatchedAt, now),
                    cancellationToken).ConfigureAwait(false);
            }

            foreach (var (sequence, error) in failed)
            {
                await rows.Where(r => r.Sequence == sequence).ExecuteUpdateAsync(
                    s => s.SetProperty(r => r.Attempts, r => r.Attempts + 1).SetProperty(r => r.LastError, error),
                    cancellationToken).ConfigureAwait(false);
            }
        }

        return delivered.Count;
    }

    private Task<IReadOnlyList<OutboxMessage>> ListAsync(Func<IQueryable<OutboxRecord>, IQueryable<OutboxRecord>> filter, CancellationToken cancellationToken)
        => ListAsync((_, rows) => filter(rows), cancellationToken);

    private async Task<IReadOnlyList<OutboxMessage>> ListAsync(Func<DbContext, IQueryable<OutboxRecord>, IQueryable<OutboxRecord>> filter, CancellationToken cancellationToken)
    {
        var context = await _contexts.CreateDbContextAsync(_organisation.CurrentOrganisationId, cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var rows = await filter(context, context.Set<OutboxRecord>().AsNoTracking()).OrderBy(r => r.Sequence).ToListAsync(cancellationToken).ConfigureAwait(false);
            return [.. rows.Select(r => r.ToMessage())];
        }
    }
}
