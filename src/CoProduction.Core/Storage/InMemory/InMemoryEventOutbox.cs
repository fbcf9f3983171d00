using CoProduction.People;
using CoProduction.Primitives;

namespace CoProduction.Storage.InMemory;

/// <summary>The in-memory <see cref="IEventOutbox"/>: dispatches events after each save and keeps their state.</summary>
internal sealed class InMemoryEventOutbox : IEventOutbox
{
    private readonly InMemoryDatabase _database;
    private readonly IOrganisationContext _organisation;
    private readonly DomainEventDispatcher _dispatcher;
    private readonly TimeProvider _clock;

    /// <summary>Initialises the outbox.</summary>
    /// <param name="database">The shared in-memory data.</param>
    /// <param name="organisation">The current organisation.</param>
    /// <param name="dispatcher">Calls the handlers.</param>
    /// <param name="clock">The clock that stamps dispatch times.</param>
    /// <param name="actors">Who the current command runs for, kept with each event.</param>
    public InMemoryEventOutbox(InMemoryDatabase database, IOrganisationContext organisation, DomainEventDispatcher dispatcher, TimeProvider clock, IActorContext actors)
    {
        ArgumentNullException.ThrowIfNull(actors);
        Actors = actors;
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(organisation);
        ArgumentNullException.ThrowIfNull(dispatcher);
        ArgumentNullException.ThrowIfNull(clock);
        _database = database;
        _organisation = organisation;
        _dispatcher = dispatcher;
        _clock = clock;
    }

    /// <summary>Gets who the current command runs for: the units of work of this scope keep it with each event.</summary>
    internal IActorContext Actors { get; }

    /// <inheritdoc />
    public Task<IReadOnlyList<OutboxMessage>> ListForAggregateAsync(Guid aggregateId, CancellationToken cancellationToken)
        => Task.FromResult(Select(e => e.AggregateId == aggregateId, cancellationToken));

    /// <inheritdoc />
    public Task<IReadOnlyList<OutboxMessage>> ListForParticipantAsync(ParticipantId participantId, CancellationToken cancellationToken)
    {
        var actor = participantId.Value == Guid.Empty ? null : Actor.ForParticipant(participantId);
        var text = participantId.Value.ToString("D");
        cancellationToken.ThrowIfCancellationRequested();
        var organisationId = _organisation.CurrentOrganisationId;
        lock (_database.SyncRoot)
        {
            // One pass reads each event's JSON once: the events that name the person, and among them the first events
            // of records created about them, whose every later event concerns them too.
            var entries = _database.Outbox.Where(e => e.OrganisationId == organisationId).ToList();
            var naming = entries.Where(e => EventText.Names(e.Event, text)).ToHashSet();
            var theirs = naming.Where(e => e.Version == 1).Select(e => e.AggregateId).Append(participantId.Value).ToHashSet();
            return Task.FromResult<IReadOnlyList<OutboxMessage>>(
                [.. entries.Where(e => e.Actor == actor || theirs.Contains(e.AggregateId) || naming.Contains(e)).Select(e => e.ToMessage())]);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<OutboxMessage>> ListPendingAsync(CancellationToken cancellationToken)
        => Task.FromResult(Select(e => e.DispatchedAt is null, cancellationToken));

    /// <inheritdoc />
    public async Task<int> DispatchPendingAsync(CancellationToken cancellationToken)
    {
        var organisationId = _organisation.CurrentOrganisationId;
        List<InMemoryDatabase.OutboxEntry> pending;
        lock (_database.SyncRoot)
        {
            pending = [.. _database.Outbox.Where(e => e.OrganisationId == organisationId && e.DispatchedAt is null)];
        }

        return await DispatchAsync(pending, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Dispatches events that were just committed; a failing handler leaves its event pending.</summary>
    internal async Task<int> DispatchAsync(List<InMemoryDatabase.OutboxEntry> entries, CancellationToken cancellationToken)
    {
        var dispatched = 0;
        foreach (var entry in entries)
        {
            string? error = null;
            try
            {
                await _dispatcher.DispatchAsync(entry.Event, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The save has committed; the event stays pending so that DispatchPendingAsync can try again.
                error = OutboxFailure.Describe(ex);
            }

            lock (_database.SyncRoot)
            {
                entry.Attempts++;
                entry.LastError = error;
                if (error is null)
                {
                    entry.DispatchedAt = _clock.GetUtcNow();
                    dispatched++;
                }
            }
        }

        return dispatched;
    }

    private IReadOnlyList<OutboxMessage> Select(Func<InMemoryDatabase.OutboxEntry, bool> predicate, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var organisationId = _organisation.CurrentOrganisationId;
        lock (_database.SyncRoot)
        {
            return [.. _database.Outbox.Where(e => e.OrganisationId == organisationId && predicate(e)).Select(e => e.ToMessage())];
        }
    }
}

/// <summary>Reads an event as the relational outbox stores it, to find the ids it names.</summary>
internal static class EventText
{
    /// <summary>Whether the event's JSON form holds <paramref name="text"/> (an id in its GUID form).</summary>
    internal static bool Names(IDomainEvent domainEvent, string text) =>
        System.Text.Json.JsonSerializer.Serialize(domainEvent, domainEvent.GetType(), CoProductionJson.Options).Contains(text, StringComparison.OrdinalIgnoreCase);
}
