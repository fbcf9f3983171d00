using CoProduction.People;
using CoProduction.Primitives;

namespace CoProduction.PeerReview.Events;

/// <summary>A peer review panel was established.</summary>
/// <param name="PanelId">The panel.</param>
/// <param name="OccurredAt">When.</param>
public sealed record PanelEstablished(PanelId PanelId, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A panel's terms of reference changed.</summary>
/// <param name="PanelId">The panel.</param>
/// <param name="OccurredAt">When.</param>
public sealed record PanelTermsOfReferenceChanged(PanelId PanelId, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A panel's quorum rule changed.</summary>
/// <param name="PanelId">The panel.</param>
/// <param name="MinimumPatientMembers">The new minimum of patient members present.</param>
/// <param name="RequirePatientChair">Whether a patient must chair.</param>
/// <param name="RequireStaffFacilitator">Whether a staff facilitator must be present.</param>
/// <param name="OccurredAt">When.</param>
public sealed record PanelQuorumRuleChanged(PanelId PanelId, int MinimumPatientMembers, bool RequirePatientChair, bool RequireStaffFacilitator, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A member was appointed to a panel for a term of office.</summary>
/// <param name="PanelId">The panel.</param>
/// <param name="TermId">The term of office.</param>
/// <param name="ParticipantId">The member.</param>
/// <param name="Role">The capacity.</param>
/// <param name="TermStartsOn">The first day.</param>
/// <param name="TermEndsOn">The last day.</param>
/// <param name="OccurredAt">When.</param>
public sealed record PanelMemberAppointed(PanelId PanelId, Guid TermId, ParticipantId ParticipantId, PanelRole Role, DateOnly TermStartsOn, DateOnly TermEndsOn, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A member's term of office was ended early.</summary>
/// <param name="PanelId">The panel.</param>
/// <param name="TermId">The term.</param>
/// <param name="ParticipantId">The member.</param>
/// <param name="LastDay">The last day served.</param>
/// <param name="OccurredAt">When.</param>
public sealed record PanelMemberTermEnded(PanelId PanelId, Guid TermId, ParticipantId ParticipantId, DateOnly LastDay, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>The service areas of a member's lived experience were recorded.</summary>
/// <param name="PanelId">The panel.</param>
/// <param name="MemberId">The member.</param>
/// <param name="OccurredAt">When.</param>
public sealed record LivedExperienceRecorded(PanelId PanelId, ParticipantId MemberId, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A personal link (relative or carer) between a member and another participant was registered.</summary>
/// <param name="PanelId">The panel.</param>
/// <param name="MemberId">The member.</param>
/// <param name="RelatedParticipantId">The other person.</param>
/// <param name="Kind">The link.</param>
/// <param name="OccurredAt">When.</param>
public sealed record PersonalLinkRegistered(PanelId PanelId, ParticipantId MemberId, ParticipantId RelatedParticipantId, PersonalLinkKind Kind, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A new version of the review form was defined.</summary>
/// <param name="PanelId">The panel.</param>
/// <param name="FormId">The form version.</param>
/// <param name="AppliesFromRound">The first round it applies to.</param>
/// <param name="OccurredAt">When.</param>
public sealed record ReviewFormDefined(PanelId PanelId, ReviewFormId FormId, int AppliesFromRound, DateTimeOffset OccurredAt) : IDomainEvent;
