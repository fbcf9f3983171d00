namespace CoProduction.Primitives;

/// <summary>Something that happened to an aggregate that others may need to know about.</summary>
/// <remarks>
/// Aggregates record an event on every real change. Stores save the events with the aggregate, in the same
/// transaction (an outbox), and dispatch them to <see cref="IDomainEventHandler{TEvent}"/> registrations after commit,
/// at least once. Events carry ids, never personal data, so the audit trail survives erasure.
/// </remarks>
public interface IDomainEvent
{
    /// <summary>Gets when the change happened.</summary>
    DateTimeOffset OccurredAt { get; }
}

/// <summary>Handles a domain event after the change that raised it has been committed.</summary>
/// <typeparam name="TEvent">The event type.</typeparam>
/// <remarks>Handlers may be called more than once for the same event (at-least-once delivery), so they must be idempotent.</remarks>
public interface IDomainEventHandler<in TEvent>
    where TEvent : IDomainEvent
{
    /// <summary>Handles the event.</summary>
    /// <param name="domainEvent">The event.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when the event has been handled.</returns>
    Task HandleAsync(TEvent domainEvent, CancellationToken cancellationToken);
}
