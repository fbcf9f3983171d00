using CoProduction.Primitives;

namespace CoProduction.Storage.EntityFrameworkCore.Outbox;

/// <summary>A row of <c>outbox_messages</c>: one domain event, saved in the same transaction as its aggregate, and its dispatch state.</summary>
internal sealed class OutboxRecord
{
    /// <summary>Gets or sets the event's position in the outbox (generated, increasing).</summary>
    public long Sequence { get; set; }

    /// <summary>Gets or sets the organisation whose aggregate raised the event.</summary>
    public OrganisationId OrganisationId { get; set; }

    /// <summary>Gets or sets the aggregate's type name, such as <c>Participant</c>.</summary>
    public string AggregateType { get; set; } = string.Empty;

    /// <summary>Gets or sets the aggregate's id.</summary>
    public Guid AggregateId { get; set; }

    /// <summary>Gets or sets the aggregate's version after the change.</summary>
    public long AggregateVersion { get; set; }

    /// <summary>Gets or sets the event's type, as <c>Namespace.Type, Assembly</c>.</summary>
    public string EventType { get; set; } = string.Empty;

    /// <summary>Gets or sets the event as JSON.</summary>
    public string Payload { get; set; } = string.Empty;

    /// <summary>Gets or sets who made the change, as <see cref="Actor.ToString"/> writes it.</summary>
    public string Actor { get; set; } = string.Empty;

    /// <summary>Gets or sets when the change happened.</summary>
    public DateTimeOffset OccurredAt { get; set; }

    /// <summary>Gets or sets when every handler completed, or <see langword="null"/> while dispatch is pending.</summary>
    public DateTimeOffset? DispatchedAt { get; set; }

    /// <summary>Gets or sets how many times dispatch was tried.</summary>
    public int Attempts { get; set; }

    /// <summary>Gets or sets the last handler failure, if any.</summary>
    public string? LastError { get; set; }

    /// <summary>Turns the row into the contract's <see cref="OutboxMessage"/>.</summary>
    internal OutboxMessage ToMessage() => new(
        Sequence,
        OrganisationId,
        AggregateType,
        AggregateId,
        AggregateVersion,
        EventSerializer.Deserialize(EventType, Payload),
        Primitives.Actor.Parse(Actor),
        DispatchedAt,
        Attempts,
        LastError);
}
