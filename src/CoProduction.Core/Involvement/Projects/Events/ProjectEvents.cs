using CoProduction.Involvement.Frameworks;
using CoProduction.People;
using CoProduction.Primitives;

namespace CoProduction.Involvement.Projects.Events;

/// <summary>An improvement project started.</summary>
/// <param name="ProjectId">The project.</param>
/// <param name="FrameworkId">The framework it plans involvement against.</param>
/// <param name="OccurredAt">When.</param>
public sealed record ImprovementProjectStarted(ImprovementProjectId ProjectId, InvolvementFrameworkId FrameworkId, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>Someone joined or left a project team.</summary>
/// <param name="ProjectId">The project.</param>
/// <param name="ParticipantId">The person.</param>
/// <param name="Role">Their team role.</param>
/// <param name="Joined"><see langword="true"/> when they joined, <see langword="false"/> when they left.</param>
/// <param name="OccurredAt">When.</param>
public sealed record ProjectTeamChanged(ImprovementProjectId ProjectId, ParticipantId ParticipantId, ProjectTeamRole Role, bool Joined, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A project moved to another phase of its life cycle.</summary>
/// <param name="ProjectId">The project.</param>
/// <param name="FromPhaseId">The phase it left.</param>
/// <param name="ToPhaseId">The phase it entered.</param>
/// <param name="OccurredAt">When.</param>
public sealed record ProjectPhaseChanged(ImprovementProjectId ProjectId, string FromPhaseId, string ToPhaseId, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>Involvement was planned (or re-planned) for a phase.</summary>
/// <param name="ProjectId">The project.</param>
/// <param name="PhaseId">The phase.</param>
/// <param name="LevelId">The planned level.</param>
/// <param name="OccurredAt">When.</param>
public sealed record InvolvementPlanned(ImprovementProjectId ProjectId, string PhaseId, string LevelId, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>The plan of a phase was revised after work in it began, with a reason.</summary>
/// <param name="ProjectId">The project.</param>
/// <param name="PhaseId">The phase.</param>
/// <param name="LevelId">The level now planned.</param>
/// <param name="OccurredAt">When.</param>
public sealed record InvolvementPlanRevised(ImprovementProjectId ProjectId, string PhaseId, string LevelId, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>Work in a phase began (the project entered it, or involvement was recorded in it), so its plan was baselined.</summary>
/// <param name="ProjectId">The project.</param>
/// <param name="PhaseId">The phase.</param>
/// <param name="LevelId">The level planned at the baseline, or <see langword="null"/> when nothing was planned.</param>
/// <param name="OccurredAt">When.</param>
public sealed record InvolvementPlanBaselined(ImprovementProjectId ProjectId, string PhaseId, string? LevelId, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>An involvement activity was recorded.</summary>
/// <param name="ProjectId">The project.</param>
/// <param name="RecordId">The record.</param>
/// <param name="PhaseId">The phase.</param>
/// <param name="LevelId">The level reached.</param>
/// <param name="OccurredAt">When it was recorded.</param>
public sealed record InvolvementRecorded(ImprovementProjectId ProjectId, Guid RecordId, string PhaseId, string LevelId, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>Participants were told what came of their involvement ("you said, we did").</summary>
/// <param name="ProjectId">The project.</param>
/// <param name="RecordId">The involvement record.</param>
/// <param name="GivenOn">When the feedback was given.</param>
/// <param name="OccurredAt">When it was recorded.</param>
public sealed record InvolvementFeedbackRecorded(ImprovementProjectId ProjectId, Guid RecordId, DateOnly GivenOn, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A measure was defined, or its change date recorded.</summary>
/// <param name="ProjectId">The project.</param>
/// <param name="MeasureId">The measure.</param>
/// <param name="OccurredAt">When.</param>
public sealed record ProjectMeasureChanged(ImprovementProjectId ProjectId, Guid MeasureId, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A value of a measure was recorded.</summary>
/// <param name="ProjectId">The project.</param>
/// <param name="MeasureId">The measure.</param>
/// <param name="On">The date of the value.</param>
/// <param name="OccurredAt">When it was recorded.</param>
public sealed record ProjectMeasureValueRecorded(ImprovementProjectId ProjectId, Guid MeasureId, DateOnly On, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A project was linked to a peer-review submission or to the programme cohort team it came from.</summary>
/// <param name="ProjectId">The project.</param>
/// <param name="LinkKind"><c>peer-review-submission</c> or <c>cohort-team</c>.</param>
/// <param name="LinkedId">The linked record's id.</param>
/// <param name="OccurredAt">When.</param>
public sealed record ProjectLinked(ImprovementProjectId ProjectId, string LinkKind, Guid LinkedId, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A project closed.</summary>
/// <param name="ProjectId">The project.</param>
/// <param name="ClosedOn">The date it closed.</param>
/// <param name="OccurredAt">When it was recorded.</param>
public sealed record ImprovementProjectClosed(ImprovementProjectId ProjectId, DateOnly ClosedOn, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A detail of a project (such as its involvement aim) changed.</summary>
/// <param name="ProjectId">The project.</param>
/// <param name="Part">Which detail changed.</param>
/// <param name="OccurredAt">When.</param>
public sealed record ProjectDetailsChanged(ImprovementProjectId ProjectId, string Part, DateTimeOffset OccurredAt) : IDomainEvent;
