using CoProduction.Primitives;

namespace CoProduction.Programmes.Readiness.Events;

/// <summary>A readiness assessment was started.</summary>
/// <param name="AssessmentId">The assessment.</param>
/// <param name="OccurredAt">When.</param>
public sealed record ReadinessAssessmentStarted(ReadinessAssessmentId AssessmentId, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>An item of a readiness assessment was added (rating <see langword="null"/>) or rated.</summary>
/// <param name="AssessmentId">The assessment.</param>
/// <param name="ItemKey">The item.</param>
/// <param name="Rating">The new rating, or <see langword="null"/> when the item was added.</param>
/// <param name="OccurredAt">When.</param>
public sealed record ReadinessItemRated(ReadinessAssessmentId AssessmentId, string ItemKey, ReadinessRating? Rating, DateTimeOffset OccurredAt) : IDomainEvent;
