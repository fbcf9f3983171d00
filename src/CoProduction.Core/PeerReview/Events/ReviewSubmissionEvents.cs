using CoProduction.Primitives;

namespace CoProduction.PeerReview.Events;

/// <summary>A submission to a peer review panel was started as a draft.</summary>
/// <param name="SubmissionId">The submission.</param>
/// <param name="PanelId">The panel.</param>
/// <param name="ProjectId">The improvement project.</param>
/// <param name="OccurredAt">When.</param>
public sealed record SubmissionDrafted(ReviewSubmissionId SubmissionId, PanelId PanelId, CoProduction.Involvement.Projects.ImprovementProjectId ProjectId, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A submission moved through its workflow.</summary>
/// <param name="SubmissionId">The submission.</param>
/// <param name="RoundNumber">The round (after the move).</param>
/// <param name="From">The state before.</param>
/// <param name="Trigger">The command.</param>
/// <param name="To">The state after.</param>
/// <param name="OccurredAt">When.</param>
public sealed record SubmissionStateChanged(ReviewSubmissionId SubmissionId, int RoundNumber, SubmissionState From, SubmissionTrigger Trigger, SubmissionState To, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A follow-up report on an action was recorded.</summary>
/// <param name="SubmissionId">The submission.</param>
/// <param name="RoundNumber">The round of the action.</param>
/// <param name="ActionId">The action.</param>
/// <param name="Status">The status reported.</param>
/// <param name="OccurredAt">When.</param>
public sealed record FollowUpRecorded(ReviewSubmissionId SubmissionId, int RoundNumber, PlannedActionId ActionId, FollowUpStatus Status, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>The project lead's experience rating of a round was recorded.</summary>
/// <param name="SubmissionId">The submission.</param>
/// <param name="RoundNumber">The round.</param>
/// <param name="Rating">The rating, 1 to 5.</param>
/// <param name="OccurredAt">When.</param>
public sealed record LeadExperienceRecorded(ReviewSubmissionId SubmissionId, int RoundNumber, int Rating, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A submission's project lead or team changed.</summary>
/// <param name="SubmissionId">The submission.</param>
/// <param name="OccurredAt">When.</param>
public sealed record SubmissionTeamChanged(ReviewSubmissionId SubmissionId, DateTimeOffset OccurredAt) : IDomainEvent;
