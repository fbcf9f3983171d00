using CoProduction.People;
using CoProduction.Primitives;

namespace CoProduction.Payments.Events;

/// <summary>An involvement activity was recorded.</summary>
/// <param name="ActivityId">The activity.</param>
/// <param name="ParticipantId">Who gave the time.</param>
/// <param name="OccurredAt">When it was recorded.</param>
public sealed record InvolvementActivityRecorded(InvolvementActivityId ActivityId, ParticipantId ParticipantId, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>An involvement activity was cancelled (it did not take place, or was recorded in error).</summary>
/// <param name="ActivityId">The activity.</param>
/// <param name="OccurredAt">When.</param>
public sealed record InvolvementActivityCancelled(InvolvementActivityId ActivityId, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A submitted claim took an activity in.</summary>
/// <param name="ActivityId">The activity.</param>
/// <param name="ClaimId">The claim that holds it.</param>
/// <param name="OccurredAt">When.</param>
public sealed record InvolvementActivityClaimed(InvolvementActivityId ActivityId, PaymentClaimId ClaimId, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A payment claim was submitted.</summary>
/// <param name="ClaimId">The claim.</param>
/// <param name="ParticipantId">The claimant.</param>
/// <param name="Total">The total claimed.</param>
/// <param name="OccurredAt">When.</param>
public sealed record PaymentClaimSubmitted(PaymentClaimId ClaimId, ParticipantId ParticipantId, decimal Total, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A payment claim was approved for payment.</summary>
/// <param name="ClaimId">The claim.</param>
/// <param name="ApprovedBy">Who approved it.</param>
/// <param name="OccurredAt">When.</param>
public sealed record PaymentClaimApproved(PaymentClaimId ClaimId, ParticipantId ApprovedBy, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A payment claim was rejected.</summary>
/// <param name="ClaimId">The claim.</param>
/// <param name="RejectedBy">Who rejected it.</param>
/// <param name="OccurredAt">When.</param>
public sealed record PaymentClaimRejected(PaymentClaimId ClaimId, ParticipantId RejectedBy, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A payment claim was paid.</summary>
/// <param name="ClaimId">The claim.</param>
/// <param name="OccurredAt">When.</param>
public sealed record PaymentClaimPaid(PaymentClaimId ClaimId, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A benefits advice offer to a person was recorded.</summary>
/// <param name="ParticipantId">The person.</param>
/// <param name="OfferedOn">The day of the offer.</param>
/// <param name="Outcome">Whether they accepted it.</param>
/// <param name="OccurredAt">When it was recorded.</param>
public sealed record BenefitsAdviceOfferRecorded(ParticipantId ParticipantId, DateOnly OfferedOn, BenefitsAdviceOutcome Outcome, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>Approved claims were handed to finance in an export; each is exported once.</summary>
/// <param name="ClaimId">The claim exported.</param>
/// <param name="ExportedBy">Who ran the export.</param>
/// <param name="OccurredAt">When.</param>
public sealed record PaymentClaimExported(PaymentClaimId ClaimId, ParticipantId ExportedBy, DateTimeOffset OccurredAt) : IDomainEvent;
