namespace CoProduction.PeerReview;

/// <summary>The stable codes of the business rules of the peer review panel, carried by <see cref="Primitives.DomainRuleViolationException"/>.</summary>
public static class PeerReviewErrorCodes
{

    /// <summary>No panel with that id exists in the current organisation.</summary>
    public const string PanelNotFound = "peer-review.panel-not-found";

    /// <summary>Another panel of the organisation already has that name (a panel's name is its natural key).</summary>
    public const string PanelNameTaken = "peer-review.panel-name-taken";

    /// <summary>No submission with that id exists in the current organisation.</summary>
    public const string SubmissionNotFound = "peer-review.submission-not-found";

    /// <summary>No meeting with that id exists in the current organisation.</summary>
    public const string MeetingNotFound = "peer-review.meeting-not-found";

    /// <summary>A submission and a meeting (or a meeting and a panel) belong to different panels.</summary>
    public const string PanelMismatch = "peer-review.panel-mismatch";

    /// <summary>A new term of office overlaps another term of the same person.</summary>
    public const string MemberTermOverlap = "peer-review.member-term-overlap";

    /// <summary>A chair's term overlaps another chair's.</summary>
    public const string ChairTermOverlap = "peer-review.chair-term-overlap";

    /// <summary>No such term of office.</summary>
    public const string MemberNotFound = "peer-review.member-not-found";

    /// <summary>A date given to end a term lies outside the term.</summary>
    public const string TermDateOutsideTerm = "peer-review.term-date-outside-term";

    /// <summary>The person is not a member of the panel (or does not serve on the date concerned).</summary>
    public const string NotAMember = "peer-review.not-a-member";

    /// <summary>A person's roles do not fit the panel role (lived experience for patient roles, staff for facilitators).</summary>
    public const string RoleMismatch = "peer-review.role-mismatch";

    /// <summary>A personal link is already registered.</summary>
    public const string PersonalLinkAlreadyRegistered = "peer-review.personal-link-already-registered";

    /// <summary>No review form applies to the round.</summary>
    public const string NoReviewForm = "peer-review.no-review-form";

    /// <summary>The submission is declined or withdrawn, so it cannot change.</summary>
    public const string SubmissionFinal = "peer-review.submission-final";

    /// <summary>The submission workflow does not allow the command from the current state.</summary>
    public const string TransitionNotAllowed = "peer-review.transition-not-allowed";

    /// <summary>A submission was presented at, or given feedback from, a meeting it is not scheduled to.</summary>
    public const string WrongMeeting = "peer-review.wrong-meeting";

    /// <summary>Feedback compiled for another submission or round.</summary>
    public const string FeedbackMismatch = "peer-review.feedback-mismatch";

    /// <summary>The round has no feedback yet.</summary>
    public const string FeedbackNotIssued = "peer-review.feedback-not-issued";

    /// <summary>The action plan leaves a recommendation unanswered.</summary>
    public const string ActionPlanIncomplete = "peer-review.action-plan-incomplete";

    /// <summary>The action plan answers a recommendation that is not in the feedback.</summary>
    public const string RecommendationNotFound = "peer-review.recommendation-not-found";

    /// <summary>An answer in the action plan is malformed (missing reason, actions for a declined recommendation, none for an accepted one, a past due date, a repeat).</summary>
    public const string ActionPlanInvalid = "peer-review.action-plan-invalid";

    /// <summary>No action with that id.</summary>
    public const string ActionNotFound = "peer-review.action-not-found";

    /// <summary>Follow-up was marked due before any action fell due.</summary>
    public const string FollowUpNotYetDue = "peer-review.follow-up-not-yet-due";

    /// <summary>A round was closed while an action had no follow-up report.</summary>
    public const string FollowUpIncomplete = "peer-review.follow-up-incomplete";

    /// <summary>The meeting is not quorate.</summary>
    public const string QuorumNotMet = "peer-review.quorum-not-met";

    /// <summary>The submission is not on the meeting's agenda.</summary>
    public const string NotOnAgenda = "peer-review.not-on-agenda";

    /// <summary>The submission already has a slot on the agenda.</summary>
    public const string AlreadyOnAgenda = "peer-review.already-on-agenda";

    /// <summary>Agenda slots overlap.</summary>
    public const string AgendaSlotOverlap = "peer-review.agenda-slot-overlap";

    /// <summary>The chosen chair is not recorded as present.</summary>
    public const string ChairNotPresent = "peer-review.chair-not-present";

    /// <summary>Someone present has not consented to recording.</summary>
    public const string RecordingConsentMissing = "peer-review.recording-consent-missing";

    /// <summary>Recording has already started.</summary>
    public const string RecordingAlreadyStarted = "peer-review.recording-already-started";

    /// <summary>The same kind of conflict already stands for the reviewer and submission.</summary>
    public const string ConflictAlreadyRecorded = "peer-review.conflict-already-recorded";

    /// <summary>No conflict of interest with that id.</summary>
    public const string ConflictNotFound = "peer-review.conflict-not-found";

    /// <summary>A declared conflict cannot be dismissed.</summary>
    public const string DeclaredConflictNotDismissible = "peer-review.declared-conflict-not-dismissible";

    /// <summary>Dismissing the conflict of a reviewer who is the project lead or on the project team.</summary>
    public const string ProjectTeamConflictNotDismissible = "peer-review.project-team-conflict-not-dismissible";

    /// <summary>A project already has a submission to the panel that is not closed, declined or withdrawn.</summary>
    public const string ProjectAlreadySubmitted = "peer-review.project-already-submitted";

    /// <summary>A project has no current project lead to present its submission.</summary>
    public const string ProjectHasNoLead = "peer-review.project-has-no-lead";

    /// <summary>The conflict was already dismissed.</summary>
    public const string ConflictAlreadyDismissed = "peer-review.conflict-already-dismissed";

    /// <summary>A reviewer with a standing conflict of interest tried to review, or was chosen to lead, a submission.</summary>
    public const string ReviewerConflicted = "peer-review.reviewer-conflicted";

    /// <summary>A review uses a criterion or question key the form does not have.</summary>
    public const string UnknownCriterion = "peer-review.unknown-criterion";

    /// <summary>A review leaves a criterion unrated or a required question unanswered.</summary>
    public const string ReviewIncomplete = "peer-review.review-incomplete";

    /// <summary>A rating lies outside the criterion's scale.</summary>
    public const string RatingOutOfScale = "peer-review.rating-out-of-scale";

    /// <summary>No reviews to compile feedback from.</summary>
    public const string NoReviews = "peer-review.no-reviews";

    /// <summary>Lead reviewers cannot be chosen within the conflicts and load limits.</summary>
    public const string AssignmentInfeasible = "peer-review.assignment-infeasible";
}
