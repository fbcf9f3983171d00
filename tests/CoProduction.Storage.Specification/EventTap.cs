using System.Collections.Concurrent;
using CoProduction.Primitives;

namespace CoProduction.Storage.Specification;

/// <summary>Every domain event dispatched after a commit, whatever its type (registered as an open generic handler).</summary>
internal sealed class DispatchedEvents
{
    private readonly ConcurrentQueue<IDomainEvent> _events = new();

    internal IReadOnlyList<IDomainEvent> All => [.. _events];

    internal void Add(IDomainEvent domainEvent) => _events.Enqueue(domainEvent);

    internal void Clear() => _events.Clear();
}

/// <summary>Records every dispatched event of type <typeparamref name="TEvent"/> in <see cref="DispatchedEvents"/>.</summary>
/// <typeparam name="TEvent">The event type.</typeparam>
internal sealed class EventTap<TEvent>(DispatchedEvents events) : IDomainEventHandler<TEvent>
    where TEvent : IDomainEvent
{
    public Task HandleAsync(TEvent domainEvent, CancellationToken cancellationToken)
    {
        events.Add(domainEvent);
        return Task.CompletedTask;
    }
}
