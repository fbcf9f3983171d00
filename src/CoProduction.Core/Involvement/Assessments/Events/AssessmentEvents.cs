using CoProduction.Involvement.Frameworks;
using CoProduction.People;
using CoProduction.Primitives;

namespace CoProduction.Involvement.Assessments.Events;

/// <summary>An assessment was opened.</summary>
/// <param name="AssessmentId">The assessment.</param>
/// <param name="FrameworkId">The framework whose indicators are rated.</param>
/// <param name="OccurredAt">When.</param>
public sealed record AssessmentOpened(AssessmentId AssessmentId, InvolvementFrameworkId FrameworkId, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>An assessor was declared with their perspective.</summary>
/// <param name="AssessmentId">The assessment.</param>
/// <param name="AssessorId">The assessor.</param>
/// <param name="Perspective">Their perspective.</param>
/// <param name="OccurredAt">When.</param>
public sealed record AssessorDeclared(AssessmentId AssessmentId, ParticipantId AssessorId, AssessorPerspective Perspective, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>An assessor rated (or re-rated) an indicator.</summary>
/// <param name="AssessmentId">The assessment.</param>
/// <param name="AssessorId">The assessor.</param>
/// <param name="IndicatorId">The indicator.</param>
/// <param name="OccurredAt">When.</param>
public sealed record IndicatorRated(AssessmentId AssessmentId, ParticipantId AssessorId, string IndicatorId, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>An assessment was completed.</summary>
/// <param name="AssessmentId">The assessment.</param>
/// <param name="OccurredAt">When.</param>
public sealed record AssessmentCompleted(AssessmentId AssessmentId, DateTimeOffset OccurredAt) : IDomainEvent;
