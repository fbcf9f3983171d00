using CoProduction.People;
using CoProduction.Primitives;
using CoProduction.Storage;

namespace CoProduction.Audit;

/// <summary>One change in the audit trail: what happened to which record, when, and who made it.</summary>
/// <param name="Sequence">The change's position in the audit trail (increasing).</param>
/// <param name="RecordType">The kind of record changed, such as <c>PaymentClaim</c>.</param>
/// <param name="RecordId">The record's id.</param>
/// <param name="RecordVersion">The record's version after the change.</param>
/// <param name="What">What happened: the event's name, such as <c>ClaimSubmitted</c>.</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="Actor">Who made the change.</param>
public sealed record AuditEntry(long Sequence, string RecordType, Guid RecordId, long RecordVersion, string What, DateTimeOffset OccurredAt, Actor Actor)
{
    internal static AuditEntry From(OutboxMessage message) => new(
        message.Sequence,
        message.AggregateType,
        message.AggregateId,
        message.AggregateVersion,
        message.Event.GetType().Name,
        message.Event.OccurredAt,
        message.Actor);
}

/// <summary>
/// The audit trail: every change to a record of the current organisation, with who made it (<see cref="IActorContext"/>)
/// and when. It is read from the stored events, so it holds ids and codes, never names or free text, and survives a
/// person's erasure. How long it is kept is the embedding application's policy: the ASP.NET Core integration purges
/// delivered events after <c>OutboxDispatcherOptions.AuditRetention</c>.
/// </summary>
public sealed class AuditTrailService
{
    private readonly IEventOutbox _outbox;

    /// <summary>Initialises the service.</summary>
    /// <param name="outbox">The stored events.</param>
    /// <exception cref="ArgumentNullException"><paramref name="outbox"/> is <see langword="null"/>.</exception>
    public AuditTrailService(IEventOutbox outbox)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        _outbox = outbox;
    }

    /// <summary>Lists the changes to one record, oldest first, with who made each.</summary>
    /// <typeparam name="TId">The record's id type, such as <c>PaymentClaimId</c>.</typeparam>
    /// <param name="recordId">The record's id.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The changes; empty when the current organisation has no such record (or its history was purged).</returns>
    /// <exception cref="InvalidInputException">The id is empty.</exception>
    public async Task<IReadOnlyList<AuditEntry>> ListHistoryAsync<TId>(TId recordId, CancellationToken cancellationToken)
        where TId : struct, ITypedId<TId>
    {
        Input.Id(recordId);
        var messages = await _outbox.ListForAggregateAsync(recordId.Value, cancellationToken).ConfigureAwait(false);
        return [.. messages.Select(AuditEntry.From)];
    }

    /// <summary>
    /// Lists the changes that concern one person, oldest first: those they made, those to their participant record,
    /// and those that name them. This is the audit part of their subject-access export.
    /// </summary>
    /// <param name="participantId">The person.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The changes.</returns>
    /// <exception cref="InvalidInputException">The id is empty.</exception>
    public async Task<IReadOnlyList<AuditEntry>> ListForParticipantAsync(ParticipantId participantId, CancellationToken cancellationToken)
    {
        Input.Id(participantId);
        var messages = await _outbox.ListForParticipantAsync(participantId, cancellationToken).ConfigureAwait(false);
        return [.. messages.Select(AuditEntry.From)];
    }
}

/// <summary>
/// The audit section of a subject-access export: each change that concerns the person, with who made it in words
/// ("you", "another person", or the system process), never another person's id.
/// </summary>
internal sealed class AuditTrailDataContributor(AuditTrailService audit) : IParticipantDataContributor
{
    public string Section => "auditTrail";

    public async Task<object?> CollectAsync(ParticipantId participantId, CancellationToken cancellationToken)
    {
        var entries = await audit.ListForParticipantAsync(participantId, cancellationToken).ConfigureAwait(false);
        if (entries.Count == 0)
        {
            return null;
        }

        return entries.Select(e => new AuditEntryExport(e.OccurredAt, e.What, e.RecordType, e.RecordId, Describe(e.Actor, participantId))).ToList();
    }

    private static string Describe(Actor actor, ParticipantId participantId) => actor.Kind switch
    {
        ActorKind.Participant when actor.ParticipantId == participantId => "you",
        ActorKind.Participant => "another person",
        _ => "system process " + actor.ProcessName,
    };
}

/// <summary>A change that concerns a person, as their subject-access export shows it.</summary>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="What">What happened (the event's name).</param>
/// <param name="RecordType">The kind of record changed.</param>
/// <param name="RecordId">The record's id.</param>
/// <param name="By">Who made the change: <c>you</c>, <c>another person</c>, or <c>system process</c> and its name.</param>
public sealed record AuditEntryExport(DateTimeOffset OccurredAt, string What, string RecordType, Guid RecordId, string By);
