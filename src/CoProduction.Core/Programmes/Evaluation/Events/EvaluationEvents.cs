using CoProduction.People;
using CoProduction.Primitives;
using CoProduction.Programmes.Cohorts;

namespace CoProduction.Programmes.Evaluation.Events;

/// <summary>A questionnaire was created.</summary>
/// <param name="QuestionnaireId">The questionnaire.</param>
/// <param name="OccurredAt">When.</param>
public sealed record QuestionnaireCreated(QuestionnaireId QuestionnaireId, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A cohort's evaluation was started.</summary>
/// <param name="EvaluationId">The evaluation.</param>
/// <param name="CohortId">The cohort.</param>
/// <param name="QuestionnaireId">The questionnaire.</param>
/// <param name="OccurredAt">When.</param>
public sealed record CohortEvaluationStarted(CohortEvaluationId EvaluationId, CohortId CohortId, QuestionnaireId QuestionnaireId, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A participant's questionnaire (before or after) was recorded.</summary>
/// <param name="EvaluationId">The evaluation.</param>
/// <param name="ParticipantId">The participant.</param>
/// <param name="Timing">Before or after.</param>
/// <param name="OccurredAt">When.</param>
public sealed record QuestionnaireResponseRecorded(CohortEvaluationId EvaluationId, ParticipantId ParticipantId, ResponseTiming Timing, DateTimeOffset OccurredAt) : IDomainEvent;
