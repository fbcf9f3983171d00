using CoProduction.People;
using CoProduction.Primitives;

namespace CoProduction.Storage;

/// <summary>A domain event as kept in the outbox: the audit trail of what changed, and the dispatch state of each event.</summary>
/// <param name="Sequence">The event's position in the outbox (increasing).</param>
/// <param name="OrganisationId">The organisation whose aggregate raised it.</param>
/// <param name="AggregateType">The aggregate's type name.</param>
/// <param name="AggregateId">The aggregate's id.</param>
/// <param name="AggregateVersion">The version the aggregate had after the change.</param>
/// <param name="Event">The event.</param>
/// <param name="Actor">Who made the change (<see cref="IActorContext"/>).</param>
/// <param name="DispatchedAt">When every handler completed, or <see langword="null"/> while dispatch is pending.</param>
/// <param name="Attempts">How many times dispatch was tried.</param>
/// <param name="LastError">The last handler failure, if any.</param>
public sealed record OutboxMessage(
    long Sequence,
    OrganisationId OrganisationId,
    string AggregateType,
    Guid AggregateId,
    long AggregateVersion,
    IDomainEvent Event,
    Actor Actor,
    DateTimeOffset? DispatchedAt,
    int Attempts,
    string? LastError);

/// <summary>
/// The stored domain events of the current organisation. Events are saved in the same transaction as their aggregate
/// and dispatched after commit; an event whose handler failed stays pending, and <see cref="DispatchPendingAsync"/>
/// tries it again (at-least-once delivery).
/// </summary>
public interface IEventOutbox
{
    /// <summary>Lists the events one aggregate raised, oldest first: its audit trail.</summary>
    /// <param name="aggregateId">The aggregate's id.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The events.</returns>
    Task<IReadOnlyList<OutboxMessage>> ListForAggregateAsync(Guid aggregateId, CancellationToken cancellationToken);

    /// <summary>
    /// Lists the events that concern one person, oldest first: those of commands they made
    /// (<see cref="OutboxMessage.Actor"/>), every event of the records that named them when created (their participant
    /// record, their claims and activities, their pathway: so the approval of their claim is listed, though its event
    /// names only the approver), and any other event that names their id.
    /// </summary>
    /// <param name="participantId">The person's participant id.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The events.</returns>
    Task<IReadOnlyList<OutboxMessage>> ListForParticipantAsync(ParticipantId participantId, CancellationToken cancellationToken);

    /// <summary>Lists the events whose dispatch has not yet succeeded, oldest first.</summary>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The pending events.</returns>
    Task<IReadOnlyList<OutboxMessage>> ListPendingAsync(CancellationToken cancellationToken);

    /// <summary>Dispatches every pending event of the current organisation to its handlers.</summary>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>How many events were dispatched successfully.</returns>
    Task<int> DispatchPendingAsync(CancellationToken cancellationToken);
}
