using CoProduction.People;
using CoProduction.Primitives;

namespace CoProduction.PeerReview.Events;

/// <summary>A panel meeting was arranged.</summary>
/// <param name="MeetingId">The meeting.</param>
/// <param name="PanelId">The panel.</param>
/// <param name="Date">The date.</param>
/// <param name="OccurredAt">When.</param>
public sealed record PanelMeetingArranged(PanelMeetingId MeetingId, PanelId PanelId, DateOnly Date, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A slot was added to a meeting's agenda.</summary>
/// <param name="MeetingId">The meeting.</param>
/// <param name="SlotId">The slot.</param>
/// <param name="SubmissionId">The submission discussed, if any.</param>
/// <param name="OccurredAt">When.</param>
public sealed record AgendaSlotAdded(PanelMeetingId MeetingId, Guid SlotId, ReviewSubmissionId? SubmissionId, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A submission's slot was removed from a meeting's agenda.</summary>
/// <param name="MeetingId">The meeting.</param>
/// <param name="SlotId">The slot.</param>
/// <param name="SubmissionId">The submission.</param>
/// <param name="OccurredAt">When.</param>
public sealed record AgendaSlotRemoved(PanelMeetingId MeetingId, Guid SlotId, ReviewSubmissionId SubmissionId, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>Someone's attendance at a meeting was recorded.</summary>
/// <param name="MeetingId">The meeting.</param>
/// <param name="ParticipantId">The person.</param>
/// <param name="Status">Their attendance.</param>
/// <param name="OccurredAt">When.</param>
public sealed record MeetingAttendanceRecorded(PanelMeetingId MeetingId, ParticipantId ParticipantId, AttendanceStatus Status, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>The chair of a meeting was chosen.</summary>
/// <param name="MeetingId">The meeting.</param>
/// <param name="ChairId">The chair.</param>
/// <param name="OccurredAt">When.</param>
public sealed record MeetingChairChosen(PanelMeetingId MeetingId, ParticipantId ChairId, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>Recording of a meeting started, with the consent of everyone present.</summary>
/// <param name="MeetingId">The meeting.</param>
/// <param name="OccurredAt">When.</param>
public sealed record MeetingRecordingStarted(PanelMeetingId MeetingId, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A conflict of interest was declared.</summary>
/// <param name="MeetingId">The meeting.</param>
/// <param name="ConflictId">The conflict.</param>
/// <param name="ReviewerId">The reviewer.</param>
/// <param name="SubmissionId">The submission.</param>
/// <param name="Kind">The kind.</param>
/// <param name="OccurredAt">When.</param>
public sealed record ConflictDeclared(PanelMeetingId MeetingId, ConflictOfInterestId ConflictId, ParticipantId ReviewerId, ReviewSubmissionId SubmissionId, ConflictKind Kind, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A conflict of interest was suggested from the data.</summary>
/// <param name="MeetingId">The meeting.</param>
/// <param name="ConflictId">The conflict.</param>
/// <param name="ReviewerId">The reviewer.</param>
/// <param name="SubmissionId">The submission.</param>
/// <param name="Kind">The kind.</param>
/// <param name="OccurredAt">When.</param>
public sealed record ConflictSuggested(PanelMeetingId MeetingId, ConflictOfInterestId ConflictId, ParticipantId ReviewerId, ReviewSubmissionId SubmissionId, ConflictKind Kind, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A conflict of interest was recorded because the reviewer is the project lead or on the project team.</summary>
/// <param name="MeetingId">The meeting.</param>
/// <param name="ConflictId">The conflict.</param>
/// <param name="ReviewerId">The reviewer.</param>
/// <param name="SubmissionId">The submission.</param>
/// <param name="Kind">The kind.</param>
/// <param name="OccurredAt">When.</param>
public sealed record ConflictRecorded(PanelMeetingId MeetingId, ConflictOfInterestId ConflictId, ParticipantId ReviewerId, ReviewSubmissionId SubmissionId, ConflictKind Kind, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A conflict of interest was dismissed with a reason (a suggestion found not to be a conflict), or lifted when the reviewer left the project team.</summary>
/// <param name="MeetingId">The meeting.</param>
/// <param name="ConflictId">The conflict.</param>
/// <param name="OccurredAt">When.</param>
public sealed record ConflictDismissed(PanelMeetingId MeetingId, ConflictOfInterestId ConflictId, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A reviewer's review was recorded.</summary>
/// <param name="MeetingId">The meeting.</param>
/// <param name="ReviewId">The review.</param>
/// <param name="ReviewerId">The reviewer.</param>
/// <param name="SubmissionId">The submission.</param>
/// <param name="RoundNumber">The round.</param>
/// <param name="OccurredAt">When.</param>
public sealed record ReviewSubmitted(PanelMeetingId MeetingId, Guid ReviewId, ParticipantId ReviewerId, ReviewSubmissionId SubmissionId, int RoundNumber, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>Lead reviewers were chosen for submissions on a meeting's agenda.</summary>
/// <param name="MeetingId">The meeting.</param>
/// <param name="AssignmentCount">How many reviewer-submission pairs were recorded.</param>
/// <param name="OccurredAt">When.</param>
public sealed record LeadReviewersAssigned(PanelMeetingId MeetingId, int AssignmentCount, DateTimeOffset OccurredAt) : IDomainEvent;
