using CoProduction.People;
using CoProduction.Primitives;

namespace CoProduction.Programmes.Cohorts.Events;

/// <summary>A cohort was planned.</summary>
/// <param name="CohortId">The cohort.</param>
/// <param name="ProgrammeId">Its programme.</param>
/// <param name="CurriculumVersionNumber">The curriculum version it runs.</param>
/// <param name="OccurredAt">When.</param>
public sealed record CohortPlanned(CohortId CohortId, ProgrammeId ProgrammeId, int CurriculumVersionNumber, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A cohort moved from one status to another.</summary>
/// <param name="CohortId">The cohort.</param>
/// <param name="From">The previous status.</param>
/// <param name="To">The new status.</param>
/// <param name="OccurredAt">When.</param>
public sealed record CohortStatusChanged(CohortId CohortId, CohortStatus From, CohortStatus To, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A session was scheduled.</summary>
/// <param name="CohortId">The cohort.</param>
/// <param name="SessionId">The session.</param>
/// <param name="ModuleCode">The module taught.</param>
/// <param name="StartsAt">When it starts.</param>
/// <param name="OccurredAt">When it was scheduled.</param>
public sealed record SessionScheduled(CohortId CohortId, CohortSessionId SessionId, string ModuleCode, DateTimeOffset StartsAt, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A scheduled session's facilitators were changed.</summary>
/// <param name="CohortId">The cohort.</param>
/// <param name="SessionId">The session.</param>
/// <param name="OccurredAt">When.</param>
public sealed record SessionFacilitatorsChanged(CohortId CohortId, CohortSessionId SessionId, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A session was held.</summary>
/// <param name="CohortId">The cohort.</param>
/// <param name="SessionId">The session.</param>
/// <param name="OccurredAt">When it was recorded as delivered.</param>
public sealed record SessionDelivered(CohortId CohortId, CohortSessionId SessionId, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A session was cancelled.</summary>
/// <param name="CohortId">The cohort.</param>
/// <param name="SessionId">The session.</param>
/// <param name="OccurredAt">When.</param>
public sealed record SessionCancelled(CohortId CohortId, CohortSessionId SessionId, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A team enrolled.</summary>
/// <param name="CohortId">The cohort.</param>
/// <param name="TeamId">The team.</param>
/// <param name="OccurredAt">When.</param>
public sealed record TeamEnrolled(CohortId CohortId, CohortTeamId TeamId, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A team withdrew from a cohort.</summary>
/// <param name="CohortId">The cohort.</param>
/// <param name="TeamId">The team.</param>
/// <param name="OccurredAt">When it was recorded.</param>
public sealed record TeamWithdrawn(CohortId CohortId, CohortTeamId TeamId, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A participant's attendance at a session was recorded or corrected.</summary>
/// <param name="CohortId">The cohort.</param>
/// <param name="SessionId">The session.</param>
/// <param name="ParticipantId">The participant.</param>
/// <param name="StatusCode">The attendance status.</param>
/// <param name="OccurredAt">When.</param>
public sealed record SessionAttendanceRecorded(CohortId CohortId, CohortSessionId SessionId, ParticipantId ParticipantId, string StatusCode, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A team's plan, showcase presentation or sign-off was recorded.</summary>
/// <param name="CohortId">The cohort.</param>
/// <param name="TeamId">The team.</param>
/// <param name="Outcome">Which outcome.</param>
/// <param name="OccurredAt">When.</param>
public sealed record TeamOutcomeRecorded(CohortId CohortId, CohortTeamId TeamId, CompletionCriterionKind Outcome, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>The involvement activities of a delivered session's patient trainers were recorded for payment.</summary>
/// <param name="CohortId">The cohort.</param>
/// <param name="SessionId">The session.</param>
/// <param name="Activities">How many activities were recorded.</param>
/// <param name="OccurredAt">When.</param>
public sealed record SessionFacilitationRecorded(CohortId CohortId, CohortSessionId SessionId, int Activities, DateTimeOffset OccurredAt) : IDomainEvent;
