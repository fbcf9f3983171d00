using CoProduction.Primitives;

namespace CoProduction.Programmes.Events;

/// <summary>A programme was created.</summary>
/// <param name="ProgrammeId">The programme.</param>
/// <param name="OccurredAt">When.</param>
public sealed record ProgrammeCreated(ProgrammeId ProgrammeId, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A new curriculum version of a programme was published.</summary>
/// <param name="ProgrammeId">The programme.</param>
/// <param name="VersionNumber">The new version's number.</param>
/// <param name="OccurredAt">When.</param>
public sealed record CurriculumVersionPublished(ProgrammeId ProgrammeId, int VersionNumber, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A programme's settings for future cohorts changed.</summary>
/// <param name="ProgrammeId">The programme.</param>
/// <param name="Setting">Which setting: <c>delivery-rules</c>, <c>attendance-statuses</c> or <c>completion-policy</c>.</param>
/// <param name="OccurredAt">When.</param>
public sealed record ProgrammeSettingsChanged(ProgrammeId ProgrammeId, string Setting, DateTimeOffset OccurredAt) : IDomainEvent;
