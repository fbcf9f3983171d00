using System.Collections.Concurrent;
using CoProduction.People.Events;
using CoProduction.Primitives;

namespace CoProduction.Storage.Specification;

/// <summary>A handler of participant events that records what it received and can be told to fail.</summary>
public sealed class RecordingEventHandler :
    IDomainEventHandler<ParticipantRegistered>,
    IDomainEventHandler<ParticipantDetailsChanged>
{
    private readonly ConcurrentQueue<IDomainEvent> _received = new();

    /// <summary>Gets or sets whether the handler throws instead of handling.</summary>
    public bool Fail { get; set; }

    /// <summary>Gets the events handled successfully, in order.</summary>
    public IReadOnlyList<IDomainEvent> Received => [.. _received];

    /// <inheritdoc />
    public Task HandleAsync(ParticipantRegistered domainEvent, CancellationToken cancellationToken) => Handle(domainEvent);

    /// <inheritdoc />
    public Task HandleAsync(ParticipantDetailsChanged domainEvent, CancellationToken cancellationToken) => Handle(domainEvent);

    private Task Handle(IDomainEvent domainEvent)
    {
        if (Fail)
        {
            throw new InvalidOperationException("The test handler was told to fail.");
        }

        _received.Enqueue(domainEvent);
        return Task.CompletedTask;
    }
}
