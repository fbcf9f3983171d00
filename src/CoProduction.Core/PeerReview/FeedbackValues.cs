using Ardalis.GuardClauses;
using CoProduction.People;
using CoProduction.Primitives;

namespace CoProduction.PeerReview;

/// <summary>One recommendation of the panel to an improvement team.</summary>
/// <param name="Id">The recommendation's id, which the team's response refers to.</param>
/// <param name="Text">The recommendation in plain English.</param>
public sealed record Recommendation(RecommendationId Id, string Text)
{
    /// <summary>Gets the recommendation in plain English.</summary>
    public string Text { get; init; } = Input.Required(Text);
}

/// <summary>The panel's ratings of one criterion, summarised across reviewers.</summary>
/// <param name="CriterionKey">The criterion.</param>
/// <param name="RatingCount">How many reviewers rated it.</param>
/// <param name="Mean">The mean rating.</param>
/// <param name="Median">The median rating (the mean of the two middle ratings when the count is even).</param>
/// <param name="Minimum">The lowest rating.</param>
/// <param name="Maximum">The highest rating.</param>
/// <param name="StandardDeviation">The sample standard deviation (n - 1 denominator), or <see langword="null"/> with fewer than two ratings.</param>
public sealed record CriterionSummary(string CriterionKey, int RatingCount, double Mean, double Median, int Minimum, int Maximum, double? StandardDeviation)
{
    /// <summary>Gets the criterion's key.</summary>
    public string CriterionKey { get; init; } = Input.Required(CriterionKey);

    /// <summary>Gets the range of the ratings (highest minus lowest).</summary>
    public int Range => Maximum - Minimum;
}

/// <summary>
/// The panel's feedback on one round of a submission, compiled at a quorate meeting from the reviewers' ratings
/// (<see cref="PanelMeeting.CompileFeedback"/>): per-criterion summaries, the reviewers' agreement and the
/// recommendations the team must answer.
/// </summary>
public sealed class PanelFeedback
{
    private readonly List<CriterionSummary> _criteria = [];
    private readonly List<Recommendation> _recommendations = [];
    private readonly List<ParticipantId> _reviewerIds = [];

    internal PanelFeedback(
        ReviewSubmissionId submissionId,
        int roundNumber,
        PanelMeetingId meetingId,
        ReviewFormId formId,
        string summary,
        IEnumerable<ParticipantId> reviewerIds,
        IEnumerable<CriterionSummary> criteria,
        double? agreementAlpha,
        IEnumerable<Recommendation> recommendations,
        DateTimeOffset compiledAt)
    {
        SubmissionId = submissionId;
        RoundNumber = roundNumber;
        MeetingId = meetingId;
        FormId = formId;
        Summary = summary;
        _reviewerIds.AddRange(reviewerIds);
        _criteria.AddRange(criteria);
        AgreementAlpha = agreementAlpha;
        _recommendations.AddRange(recommendations);
        CompiledAt = compiledAt;
    }

    private PanelFeedback()
    {
        Summary = string.Empty;
    }

    /// <summary>Gets the submission the feedback is for.</summary>
    public ReviewSubmissionId SubmissionId { get; private set; }

    /// <summary>Gets the round the feedback is for.</summary>
    public int RoundNumber { get; private set; }

    /// <summary>Gets the meeting that agreed the feedback.</summary>
    public PanelMeetingId MeetingId { get; private set; }

    /// <summary>Gets the review form version the ratings used.</summary>
    public ReviewFormId FormId { get; private set; }

    /// <summary>Gets the panel's overall message to the team, in plain English.</summary>
    public string Summary { get; private set; }

    /// <summary>Gets the reviewers whose ratings are summarised.</summary>
    public IReadOnlyList<ParticipantId> ReviewerIds => _reviewerIds;

    /// <summary>Gets the per-criterion summaries, in form order.</summary>
    public IReadOnlyList<CriterionSummary> Criteria => _criteria;

    /// <summary>
    /// Gets the reviewers' agreement across the criteria: Krippendorff's alpha for ordinal data (criteria as units,
    /// reviewers as observers), or <see langword="null"/> when it is undefined (fewer than two reviewers, or no
    /// variation at all in the ratings).
    /// </summary>
    public double? AgreementAlpha { get; private set; }

    /// <summary>Gets the recommendations, each of which the team must answer.</summary>
    public IReadOnlyList<Recommendation> Recommendations => _recommendations;

    /// <summary>Gets when the feedback was compiled.</summary>
    public DateTimeOffset CompiledAt { get; private set; }

    /// <summary>Finds a recommendation by id.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The recommendation, or <see langword="null"/>.</returns>
    public Recommendation? FindRecommendation(RecommendationId id) => _recommendations.Find(r => r.Id == id);
}

/// <summary>How a team answers a recommendation.</summary>
public enum ResponseDecision
{
    /// <summary>The team will do as recommended.</summary>
    Accept,

    /// <summary>The team will act on it in a changed form (and says how and why).</summary>
    Adapt,

    /// <summary>The team will not act on it (and says why).</summary>
    Decline,
}

/// <summary>Where an action stands at follow-up.</summary>
public enum FollowUpStatus
{
    /// <summary>Done.</summary>
    Implemented,

    /// <summary>Started but not finished.</summary>
    InProgress,

    /// <summary>Not done.</summary>
    NotDone,
}

/// <summary>An action the team commits to in its action plan (input to <see cref="ReviewSubmission.ReceiveResponse"/>).</summary>
public sealed record ActionCommitment
{
    /// <summary>Initialises an action commitment.</summary>
    /// <param name="description">What will be done.</param>
    /// <param name="ownerId">Who is responsible.</param>
    /// <param name="dueOn">When it is due.</param>
    /// <exception cref="ArgumentException">The description is blank or the owner is empty.</exception>
    public ActionCommitment(string description, ParticipantId ownerId, DateOnly dueOn)
    {
        Description = Input.Required(description).Trim();
        OwnerId = Input.Id(ownerId);
        DueOn = dueOn;
    }

    /// <summary>Gets what will be done.</summary>
    public string Description { get; }

    /// <summary>Gets who is responsible.</summary>
    public ParticipantId OwnerId { get; }

    /// <summary>Gets when it is due.</summary>
    public DateOnly DueOn { get; }
}

/// <summary>The team's answer to one recommendation (input to <see cref="ReviewSubmission.ReceiveResponse"/>).</summary>
/// <param name="RecommendationId">The recommendation answered.</param>
/// <param name="Decision">Accept, adapt or decline.</param>
/// <param name="Reason">Why (required to adapt or decline; optional to accept).</param>
/// <param name="Actions">The actions agreed (at least one to accept or adapt; none to decline).</param>
public sealed record PlannedResponse(RecommendationId RecommendationId, ResponseDecision Decision, string? Reason, IReadOnlyList<ActionCommitment> Actions)
{
    /// <summary>Gets the actions agreed.</summary>
    public IReadOnlyList<ActionCommitment> Actions { get; init; } = Guard.Against.Null(Actions);
}

/// <summary>The team's answer to one recommendation, as recorded.</summary>
/// <param name="RecommendationId">The recommendation.</param>
/// <param name="Decision">Accept, adapt or decline.</param>
/// <param name="Reason">Why, if given.</param>
public sealed record RecommendationResponse(RecommendationId RecommendationId, ResponseDecision Decision, string? Reason);

/// <summary>An action of the team's action plan, as recorded.</summary>
/// <param name="Id">The action's id.</param>
/// <param name="RecommendationId">The recommendation it answers.</param>
/// <param name="Description">What will be done.</param>
/// <param name="OwnerId">Who is responsible.</param>
/// <param name="DueOn">When it is due.</param>
public sealed record PlannedAction(PlannedActionId Id, RecommendationId RecommendationId, string Description, ParticipantId OwnerId, DateOnly DueOn)
{
    /// <summary>Gets what will be done.</summary>
    public string Description { get; init; } = Input.Required(Description);
}

/// <summary>A follow-up report on an action: its status and the impact seen.</summary>
/// <param name="ActionId">The action.</param>
/// <param name="Status">Implemented, in progress or not done.</param>
/// <param name="Impact">The impact seen, the progress made, or why it was not done.</param>
/// <param name="ReportedAt">When reported.</param>
public sealed record FollowUpReport(PlannedActionId ActionId, FollowUpStatus Status, string Impact, DateTimeOffset ReportedAt)
{
    /// <summary>Gets the impact seen, the progress made, or why it was not done.</summary>
    public string Impact { get; init; } = Input.Required(Impact);
}

/// <summary>The project lead's rating of their experience of a round (1 = very poor to 5 = very good).</summary>
/// <param name="Rating">The rating, 1 to 5.</param>
/// <param name="Comment">What they said, if anything.</param>
/// <param name="RecordedAt">When recorded.</param>
public sealed record LeadExperienceRating(int Rating, string? Comment, DateTimeOffset RecordedAt);

/// <summary>One move of the submission's workflow, kept as its history.</summary>
/// <param name="RoundNumber">The round it happened in.</param>
/// <param name="From">The state before.</param>
/// <param name="Trigger">The command.</param>
/// <param name="To">The state after.</param>
/// <param name="Reason">The reason given, if any.</param>
/// <param name="At">When.</param>
public sealed record SubmissionStateChange(int RoundNumber, SubmissionState From, SubmissionTrigger Trigger, SubmissionState To, string? Reason, DateTimeOffset At);

/// <summary>An action whose due date has passed without it being reported implemented.</summary>
/// <param name="SubmissionId">The submission.</param>
/// <param name="ProjectId">The improvement project.</param>
/// <param name="RoundNumber">The round the action belongs to.</param>
/// <param name="Action">The action.</param>
/// <param name="LatestStatus">The latest follow-up status, or <see langword="null"/> when none was reported.</param>
/// <param name="DaysOverdue">Whole days since the due date.</param>
public sealed record OverdueFollowUp(ReviewSubmissionId SubmissionId, CoProduction.Involvement.Projects.ImprovementProjectId ProjectId, int RoundNumber, PlannedAction Action, FollowUpStatus? LatestStatus, int DaysOverdue)
{
    /// <summary>Gets the overdue action.</summary>
    public PlannedAction Action { get; init; } = Guard.Against.Null(Action);

    /// <summary>
    /// Gets whether the action's owner may be sent a reminder: their consent to be contacted
    /// (<see cref="People.ConsentPurpose.Contact"/>) was in force when the list was made. When it is not, the action is
    /// still overdue, but the reminder goes to the team through another route, not to the owner.
    /// </summary>
    public bool OwnerMayBeContacted { get; init; }
}
