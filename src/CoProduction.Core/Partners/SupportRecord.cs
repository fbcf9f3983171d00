using Ardalis.GuardClauses;
using CoProduction.Partners.Events;
using CoProduction.People;
using CoProduction.Primitives;
using static CoProduction.Partners.Opportunity;

namespace CoProduction.Partners;

/// <summary>
/// A confidential support record about a partner: a debrief, a wellbeing check-in or a support-plan review, with who
/// held it, when, and the next step agreed. Held in confidence: <see cref="PartnerService"/> writes and reads these
/// only for an actor on the participation team (<see cref="PartnerOptions.ParticipationTeamRoles"/>), and no other
/// service returns them; the partner gets their own in their subject-access export.
/// </summary>
/// <remarks>
/// Like every store, <see cref="ISupportRecordStore"/> itself does not ask who is reading: a host must not expose it
/// other than through <see cref="PartnerService"/>.
/// </remarks>
public sealed class SupportRecord : AggregateRoot<SupportRecordId>
{
    private SupportRecord(SupportRecordId id, OrganisationId organisationId, ParticipantId participantId, SupportRecordKind kind, DateOnly heldOn, ParticipantId heldBy, string agreedNextStep)
        : base(id, organisationId)
    {
        ParticipantId = participantId;
        Kind = kind;
        HeldOn = heldOn;
        HeldBy = heldBy;
        AgreedNextStep = agreedNextStep;
    }

    private SupportRecord()
    {
        AgreedNextStep = string.Empty;
    }

    /// <summary>Gets the partner the record is about.</summary>
    public ParticipantId ParticipantId { get; private set; }

    /// <summary>Gets the kind of record.</summary>
    public SupportRecordKind Kind { get; private set; }

    /// <summary>Gets when the conversation was held.</summary>
    public DateOnly HeldOn { get; private set; }

    /// <summary>Gets the member of the participation team who held it.</summary>
    public ParticipantId HeldBy { get; private set; }

    /// <summary>Gets the next step agreed with the partner.</summary>
    public string AgreedNextStep { get; private set; }

    /// <summary>Gets confidential notes, if any.</summary>
    public string? Notes { get; private set; }

    /// <summary>Gets, for a debrief after sharing a story, the story-sharing session on the partner record.</summary>
    public StorySharingId? StorySharingId { get; private set; }

    /// <summary>Gets, for a support-plan review, when the plan is next reviewed.</summary>
    public DateOnly? NextReviewOn { get; private set; }

    /// <summary>Gets when it was recorded.</summary>
    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>Records a support conversation.</summary>
    internal static SupportRecord Record(OrganisationId organisationId, ParticipantId participantId, SupportRecordKind kind, DateOnly heldOn, ParticipantId heldBy, string agreedNextStep, string? notes, StorySharingId? storySharingId, DateOnly? nextReviewOn, TimeProvider clock)
    {
        Input.Id(organisationId);
        Input.Id(participantId);
        Input.Defined(kind);
        Input.Id(heldBy);
        Input.Required(agreedNextStep);
        Guard.Against.Null(clock);
        new CommandInput()
            .That(kind == SupportRecordKind.SupportPlanReview ? nextReviewOn is not null : nextReviewOn is null, nameof(nextReviewOn), kind == SupportRecordKind.SupportPlanReview ? "A support-plan review sets the next review date: enter it." : "Only a support-plan review sets a next review date: leave it empty.")
            .That(storySharingId is null || kind == SupportRecordKind.Debrief, nameof(storySharingId), "Only a debrief follows a story-sharing session: leave the session empty.")
            .ThrowIfInvalid();
        var today = Today(clock);
        Rule.Require(heldOn <= today, PartnerErrorCodes.DateOutOfRange, $"The date {D(heldOn)} is in the future: record the conversation once held.", ("participantId", participantId));
        Rule.Require(nextReviewOn is null || nextReviewOn > heldOn, PartnerErrorCodes.DateOutOfRange, "The next review comes after this one.", ("participantId", participantId));
        var record = new SupportRecord(SupportRecordId.New(), organisationId, participantId, kind, heldOn, heldBy, agreedNextStep.Trim())
        {
            Notes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim(),
            StorySharingId = storySharingId,
            NextReviewOn = nextReviewOn,
            RecordedAt = clock.GetUtcNow(),
        };
        record.Raise(new SupportRecorded(record.Id, participantId, kind, heldOn, record.RecordedAt));
        return record;
    }

    /// <summary>Removes, on the partner's erasure, the agreed next step and the notes.</summary>
    internal bool RemovePersonalText()
    {
        if (AgreedNextStep == PersonalData.RemovedOnErasure && Notes is null or PersonalData.RemovedOnErasure)
        {
            return false;
        }

        AgreedNextStep = PersonalData.RemovedOnErasure;
        Notes = PersonalData.Removed(Notes);
        return true;
    }
}
