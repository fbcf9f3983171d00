using CoProduction.People;
using CoProduction.Primitives;

namespace CoProduction.Programmes.Pathways.Events;

/// <summary>A patient partner started the patient-trainer pathway.</summary>
/// <param name="PathwayId">The pathway.</param>
/// <param name="ParticipantId">The patient partner.</param>
/// <param name="OccurredAt">When.</param>
public sealed record PathwayStarted(PatientTrainerPathwayId PathwayId, ParticipantId ParticipantId, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>Evidence was recorded on a pathway.</summary>
/// <param name="PathwayId">The pathway.</param>
/// <param name="Kind">The kind of evidence.</param>
/// <param name="OccurredAt">When.</param>
public sealed record PathwayEvidenceRecorded(PatientTrainerPathwayId PathwayId, EvidenceKind Kind, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A support plan was agreed.</summary>
/// <param name="PathwayId">The pathway.</param>
/// <param name="OccurredAt">When.</param>
public sealed record SupportPlanAgreed(PatientTrainerPathwayId PathwayId, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A patient partner moved up a step, signed off by a named person.</summary>
/// <param name="PathwayId">The pathway.</param>
/// <param name="From">The previous stage.</param>
/// <param name="To">The new stage.</param>
/// <param name="SignedOffBy">Who signed it off.</param>
/// <param name="OccurredAt">When.</param>
public sealed record PathwayStageReached(PatientTrainerPathwayId PathwayId, PathwayStage From, PathwayStage To, ParticipantId SignedOffBy, DateTimeOffset OccurredAt) : IDomainEvent;
