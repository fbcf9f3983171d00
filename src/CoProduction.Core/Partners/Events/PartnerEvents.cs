using CoProduction.People;
using CoProduction.Primitives;

namespace CoProduction.Partners.Events;

/// <summary>An opportunity was drafted.</summary>
/// <param name="OpportunityId">The opportunity.</param>
/// <param name="OccurredAt">When.</param>
public sealed record OpportunityDrafted(OpportunityId OpportunityId, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>An opportunity was published: people can express interest until the closing date.</summary>
/// <param name="OpportunityId">The opportunity.</param>
/// <param name="ClosingDate">The last day to express interest.</param>
/// <param name="OccurredAt">When.</param>
public sealed record OpportunityPublished(OpportunityId OpportunityId, DateOnly ClosingDate, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>An opportunity was closed to expressions of interest.</summary>
/// <param name="OpportunityId">The opportunity.</param>
/// <param name="OccurredAt">When.</param>
public sealed record OpportunityClosed(OpportunityId OpportunityId, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>Someone expressed interest in an opportunity.</summary>
/// <param name="OpportunityId">The opportunity.</param>
/// <param name="ExpressionId">The expression of interest.</param>
/// <param name="ParticipantId">The person.</param>
/// <param name="OccurredAt">When.</param>
public sealed record InterestExpressed(OpportunityId OpportunityId, ExpressionOfInterestId ExpressionId, ParticipantId ParticipantId, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>Someone withdrew their interest in an opportunity.</summary>
/// <param name="OpportunityId">The opportunity.</param>
/// <param name="ExpressionId">The expression of interest.</param>
/// <param name="ParticipantId">The person.</param>
/// <param name="OccurredAt">When.</param>
public sealed record InterestWithdrawn(OpportunityId OpportunityId, ExpressionOfInterestId ExpressionId, ParticipantId ParticipantId, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A decision was recorded on an expression of interest (the reason stays on the opportunity).</summary>
/// <param name="OpportunityId">The opportunity.</param>
/// <param name="ExpressionId">The expression of interest.</param>
/// <param name="ParticipantId">The person.</param>
/// <param name="Outcome">The decision.</param>
/// <param name="OccurredAt">When.</param>
public sealed record SelectionDecided(OpportunityId OpportunityId, ExpressionOfInterestId ExpressionId, ParticipantId ParticipantId, SelectionOutcome Outcome, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A person was told of the decision on their expression of interest.</summary>
/// <param name="OpportunityId">The opportunity.</param>
/// <param name="ExpressionId">The expression of interest.</param>
/// <param name="ParticipantId">The person.</param>
/// <param name="Via">How they were told.</param>
/// <param name="OccurredAt">When it was recorded.</param>
public sealed record SelectionCommunicated(OpportunityId OpportunityId, ExpressionOfInterestId ExpressionId, ParticipantId ParticipantId, ContactMethod Via, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A partner record was opened.</summary>
/// <param name="PartnerRecordId">The record.</param>
/// <param name="ParticipantId">The partner.</param>
/// <param name="OccurredAt">When.</param>
public sealed record PartnerRecordOpened(PartnerRecordId PartnerRecordId, ParticipantId ParticipantId, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>An onboarding check was recorded.</summary>
/// <param name="PartnerRecordId">The record.</param>
/// <param name="ParticipantId">The partner.</param>
/// <param name="CheckId">The check.</param>
/// <param name="Kind">Its kind.</param>
/// <param name="CompletedOn">When it was completed.</param>
/// <param name="ExpiresOn">When it expires, if it does.</param>
/// <param name="OccurredAt">When it was recorded.</param>
public sealed record OnboardingCheckRecorded(PartnerRecordId PartnerRecordId, ParticipantId ParticipantId, Guid CheckId, OnboardingCheckKind Kind, DateOnly CompletedOn, DateOnly? ExpiresOn, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A partner was given a role.</summary>
/// <param name="PartnerRecordId">The record.</param>
/// <param name="ParticipantId">The partner.</param>
/// <param name="OpportunityId">The role's opportunity.</param>
/// <param name="AppointmentId">The appointment.</param>
/// <param name="AppointedOn">When.</param>
/// <param name="ReviewOn">For a fixed-term role, its review date.</param>
/// <param name="OccurredAt">When it was recorded.</param>
public sealed record PartnerAppointed(PartnerRecordId PartnerRecordId, ParticipantId ParticipantId, OpportunityId OpportunityId, RoleAppointmentId AppointmentId, DateOnly AppointedOn, DateOnly? ReviewOn, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A partner took part in a role for the first time, and is now active in it.</summary>
/// <param name="PartnerRecordId">The record.</param>
/// <param name="ParticipantId">The partner.</param>
/// <param name="OpportunityId">The role's opportunity.</param>
/// <param name="AppointmentId">The appointment.</param>
/// <param name="On">The date of the first activity.</param>
/// <param name="OccurredAt">When it was recorded.</param>
public sealed record PartnerActiveInRole(PartnerRecordId PartnerRecordId, ParticipantId ParticipantId, OpportunityId OpportunityId, RoleAppointmentId AppointmentId, DateOnly On, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A fixed-term role was reviewed: it goes on to a next review, or ended.</summary>
/// <param name="PartnerRecordId">The record.</param>
/// <param name="ParticipantId">The partner.</param>
/// <param name="OpportunityId">The role's opportunity.</param>
/// <param name="AppointmentId">The appointment.</param>
/// <param name="ReviewedOn">When.</param>
/// <param name="NextReviewOn">The next review, or <see langword="null"/> when the role ended.</param>
/// <param name="OccurredAt">When it was recorded.</param>
public sealed record PartnerRoleReviewed(PartnerRecordId PartnerRecordId, ParticipantId ParticipantId, OpportunityId OpportunityId, RoleAppointmentId AppointmentId, DateOnly ReviewedOn, DateOnly? NextReviewOn, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A partner's support plan review was scheduled.</summary>
/// <param name="PartnerRecordId">The record.</param>
/// <param name="ParticipantId">The partner.</param>
/// <param name="ReviewOn">When the plan is next reviewed.</param>
/// <param name="OccurredAt">When.</param>
public sealed record SupportPlanReviewScheduled(PartnerRecordId PartnerRecordId, ParticipantId ParticipantId, DateOnly ReviewOn, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A session at which a partner is to share their story was planned.</summary>
/// <param name="PartnerRecordId">The record.</param>
/// <param name="ParticipantId">The partner.</param>
/// <param name="StoryId">The story-sharing entry.</param>
/// <param name="SessionOn">When the session is.</param>
/// <param name="OccurredAt">When.</param>
public sealed record StorySharingPlanned(PartnerRecordId PartnerRecordId, ParticipantId ParticipantId, StorySharingId StoryId, DateOnly SessionOn, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A partner confirmed they are ready to share their story.</summary>
/// <param name="PartnerRecordId">The record.</param>
/// <param name="ParticipantId">The partner.</param>
/// <param name="StoryId">The story-sharing entry.</param>
/// <param name="ConfirmedOn">When.</param>
/// <param name="OccurredAt">When it was recorded.</param>
public sealed record ReadinessToShareConfirmed(PartnerRecordId PartnerRecordId, ParticipantId ParticipantId, StorySharingId StoryId, DateOnly ConfirmedOn, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A partner withdrew from sharing their story at a session.</summary>
/// <param name="PartnerRecordId">The record.</param>
/// <param name="ParticipantId">The partner.</param>
/// <param name="StoryId">The story-sharing entry.</param>
/// <param name="OccurredAt">When.</param>
public sealed record StorySharingWithdrawn(PartnerRecordId PartnerRecordId, ParticipantId ParticipantId, StorySharingId StoryId, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>
/// Work about a partner falls due (announced once per item by <see cref="PartnerDueWorkService.AnnounceAsync"/>), for
/// a handler to remind the people concerned. <see cref="ContactVia"/> is the partner's preferred method when they
/// consent to be contacted and have the details for it; otherwise <see langword="null"/>, and the partner must not be
/// contacted about it.
/// </summary>
/// <param name="PartnerRecordId">The record.</param>
/// <param name="ParticipantId">The partner.</param>
/// <param name="Kind">The kind of work.</param>
/// <param name="ItemId">The check, appointment or story-sharing entry.</param>
/// <param name="DueOn">When it falls due.</param>
/// <param name="ContactVia">How the partner may be contacted about it, if at all.</param>
/// <param name="OccurredAt">When it was announced.</param>
public sealed record PartnerWorkFellDue(PartnerRecordId PartnerRecordId, ParticipantId ParticipantId, DueWorkKind Kind, Guid ItemId, DateOnly DueOn, ContactMethod? ContactVia, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A confidential support record was made (its content stays in the record).</summary>
/// <param name="SupportRecordId">The record.</param>
/// <param name="ParticipantId">The partner.</param>
/// <param name="Kind">Its kind.</param>
/// <param name="HeldOn">When the conversation was held.</param>
/// <param name="OccurredAt">When it was recorded.</param>
public sealed record SupportRecorded(SupportRecordId SupportRecordId, ParticipantId ParticipantId, SupportRecordKind Kind, DateOnly HeldOn, DateTimeOffset OccurredAt) : IDomainEvent;
