using CoProduction.Primitives;
using Ardalis.GuardClauses;
using CoProduction.People;

namespace CoProduction.PeerReview;

/// <summary>A time-boxed item on a meeting's agenda, usually one submission's presentation and discussion.</summary>
/// <param name="Id">The slot's id.</param>
/// <param name="SubmissionId">The submission discussed, or <see langword="null"/> for other business (welcome, close).</param>
/// <param name="Title">What the slot is for.</param>
/// <param name="StartsAt">When it starts.</param>
/// <param name="DurationMinutes">Its time box, in minutes.</param>
public sealed record AgendaSlot(Guid Id, ReviewSubmissionId? SubmissionId, string Title, TimeOnly StartsAt, int DurationMinutes)
{
    /// <summary>Gets what the slot is for.</summary>
    public string Title { get; init; } = Input.Required(Title);

    /// <summary>Gets when the slot ends.</summary>
    public TimeOnly EndsAt => StartsAt.AddMinutes(DurationMinutes);
}

/// <summary>Whether someone attended a meeting.</summary>
public enum AttendanceStatus
{
    /// <summary>They attended.</summary>
    Present,

    /// <summary>They sent apologies.</summary>
    Apologies,

    /// <summary>They did not attend and sent no apologies.</summary>
    Absent,
}

/// <summary>Someone's attendance at a meeting, in their panel role (none for presenters and guests) and whether they consent to the meeting being recorded.</summary>
/// <param name="ParticipantId">The person.</param>
/// <param name="Role">Their panel role on the meeting date, or <see langword="null"/> for presenters and guests.</param>
/// <param name="Status">Present, apologies or absent.</param>
/// <param name="ConsentsToRecording">Whether their consent to recording was in force when attendance was recorded.</param>
/// <param name="RecordedAt">When recorded.</param>
public sealed record MeetingAttendance(ParticipantId ParticipantId, PanelRole? Role, AttendanceStatus Status, bool ConsentsToRecording, DateTimeOffset RecordedAt);

/// <summary>Why a reviewer may not be impartial about a submission.</summary>
public enum ConflictKind
{
    /// <summary>The reviewer is the project lead or on the project team.</summary>
    ProjectTeamMember,

    /// <summary>The reviewer is a relative or carer of someone on the project team (or is cared for by them).</summary>
    RelativeOrCarer,

    /// <summary>The reviewer uses (or has lived experience of) the service the project improves, where the trust treats that as a conflict.</summary>
    SameServiceArea,

    /// <summary>The reviewer works with the team or has another professional link to it.</summary>
    WorkingRelationship,

    /// <summary>Any other interest, described in the note.</summary>
    Other,
}

/// <summary>How a conflict of interest came to be recorded.</summary>
public enum ConflictOrigin
{
    /// <summary>Declared by (or for) the reviewer.</summary>
    Declared,

    /// <summary>Suggested from the data (registered personal links, service area); may be dismissed with a reason.</summary>
    Suggested,

    /// <summary>
    /// Recorded by the library because the reviewer is the project lead or on the project team; it cannot be dismissed
    /// and is lifted only when they leave the team.
    /// </summary>
    ProjectTeam,
}

/// <summary>
/// A conflict of interest of a reviewer about a submission. While it stands the reviewer may not review the
/// submission or lead its review; a suggested conflict may be dismissed with a reason.
/// </summary>
/// <param name="Id">The conflict's id.</param>
/// <param name="ReviewerId">The reviewer.</param>
/// <param name="SubmissionId">The submission.</param>
/// <param name="Kind">The kind of interest.</param>
/// <param name="Note">What the interest is.</param>
/// <param name="Origin">Declared, suggested, or recorded from the project team.</param>
/// <param name="RecordedAt">When recorded.</param>
/// <param name="DismissalReason">Why it was dismissed, if it was.</param>
/// <param name="DismissedAt">When it was dismissed, if it was.</param>
public sealed record ConflictOfInterest(
    ConflictOfInterestId Id,
    ParticipantId ReviewerId,
    ReviewSubmissionId SubmissionId,
    ConflictKind Kind,
    string Note,
    ConflictOrigin Origin,
    DateTimeOffset RecordedAt,
    string? DismissalReason,
    DateTimeOffset? DismissedAt)
{
    /// <summary>Gets what the interest is.</summary>
    public string Note { get; init; } = Input.Required(Note);

    /// <summary>Gets whether the conflict stands (has not been dismissed).</summary>
    public bool IsStanding => DismissedAt is null;
}

/// <summary>A reviewer's rating of one criterion.</summary>
/// <param name="CriterionKey">The criterion.</param>
/// <param name="Rating">The rating, on the criterion's scale.</param>
public sealed record CriterionRating(string CriterionKey, int Rating)
{
    /// <summary>Gets the criterion's key.</summary>
    public string CriterionKey { get; init; } = Input.Required(CriterionKey);
}

/// <summary>A reviewer's answer to a free-text question.</summary>
/// <param name="QuestionKey">The question.</param>
/// <param name="Answer">The answer.</param>
public sealed record QuestionAnswer(string QuestionKey, string Answer)
{
    /// <summary>Gets the question's key.</summary>
    public string QuestionKey { get; init; } = Input.Required(QuestionKey);

    /// <summary>Gets the answer.</summary>
    public string Answer { get; init; } = Input.Required(Answer);
}

/// <summary>One reviewer's review of one round of a submission, on the form used for that round.</summary>
public sealed class Review
{
    private readonly List<CriterionRating> _ratings = [];
    private readonly List<QuestionAnswer> _answers = [];

    internal Review(Guid id, ParticipantId reviewerId, ReviewSubmissionId submissionId, int roundNumber, ReviewFormId formId, IEnumerable<CriterionRating> ratings, IEnumerable<QuestionAnswer> answers, string? comments, DateTimeOffset submittedAt)
    {
        Id = id;
        ReviewerId = reviewerId;
        SubmissionId = submissionId;
        RoundNumber = roundNumber;
        FormId = formId;
        _ratings.AddRange(ratings);
        _answers.AddRange(answers);
        Comments = comments;
        SubmittedAt = submittedAt;
    }

    private Review()
    {
    }

    /// <summary>Gets the review's id.</summary>
    public Guid Id { get; private set; }

    /// <summary>Gets the reviewer.</summary>
    public ParticipantId ReviewerId { get; private set; }

    /// <summary>Gets the submission reviewed.</summary>
    public ReviewSubmissionId SubmissionId { get; private set; }

    /// <summary>Gets the round reviewed.</summary>
    public int RoundNumber { get; private set; }

    /// <summary>Gets the form version used.</summary>
    public ReviewFormId FormId { get; private set; }

    /// <summary>Gets the ratings, one per criterion of the form.</summary>
    public IReadOnlyList<CriterionRating> Ratings => _ratings;

    /// <summary>Gets the answers to the free-text questions.</summary>
    public IReadOnlyList<QuestionAnswer> Answers => _answers;

    /// <summary>Gets the reviewer's general comments, if any.</summary>
    public string? Comments { get; private set; }

    /// <summary>Removes the reviewer's words (answers and comments) on their erasure; the ratings stay for the panel's agreement figures.</summary>
    internal void RemovePersonalText()
    {
        for (var i = 0; i < _answers.Count; i++)
        {
            _answers[i] = _answers[i] with { Answer = PersonalData.RemovedOnErasure };
        }

        Comments = PersonalData.Removed(Comments);
    }

    /// <summary>Gets when the review was submitted.</summary>
    public DateTimeOffset SubmittedAt { get; private set; }

    /// <summary>Gets the rating given to a criterion.</summary>
    /// <param name="criterionKey">The criterion.</param>
    /// <returns>The rating, or <see langword="null"/> when not rated.</returns>
    public int? RatingOf(string criterionKey)
    {
        Input.Required(criterionKey);
        return _ratings.Find(r => string.Equals(r.CriterionKey, criterionKey, StringComparison.Ordinal))?.Rating;
    }
}

/// <summary>A lead reviewer chosen for a submission at a meeting.</summary>
/// <param name="SubmissionId">The submission.</param>
/// <param name="ReviewerId">The lead reviewer.</param>
public sealed record LeadReviewerAssignment(ReviewSubmissionId SubmissionId, ParticipantId ReviewerId);

/// <summary>Whether a meeting is quorate, and what it lacks if not.</summary>
/// <param name="IsQuorate">Whether the quorum rule is met.</param>
/// <param name="PatientMembersPresent">How many patient members (reviewers and chair) are present.</param>
/// <param name="PatientMembersRequired">How many the rule requires.</param>
/// <param name="PatientInChair">Whether a present patient member chairs.</param>
/// <param name="StaffFacilitatorPresent">Whether a staff facilitator is present.</param>
/// <param name="Shortfalls">What is missing, in plain English (empty when quorate).</param>
public sealed record QuorumCheck(bool IsQuorate, int PatientMembersPresent, int PatientMembersRequired, bool PatientInChair, bool StaffFacilitatorPresent, IReadOnlyList<string> Shortfalls)
{
    /// <summary>Gets what is missing, in plain English (empty when quorate).</summary>
    public IReadOnlyList<string> Shortfalls { get; init; } = Guard.Against.Null(Shortfalls);
}
