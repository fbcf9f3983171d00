using CoProduction.People;

namespace CoProduction.PeerReview;

/// <summary>
/// One round of a submission: the team's submission, triage, the meeting, the panel's feedback, the team's action
/// plan and its follow-up. A project that returns to the panel gets a new round; earlier rounds are kept unchanged.
/// </summary>
public sealed class ReviewRound
{
    private readonly List<RecommendationResponse> _responses = [];
    private readonly List<PlannedAction> _actions = [];
    private readonly List<FollowUpReport> _followUps = [];

    internal ReviewRound(int number, string summary, DateTimeOffset startedAt)
    {
        Number = number;
        Summary = summary;
        StartedAt = startedAt;
    }

    private ReviewRound()
    {
        Summary = string.Empty;
    }

    /// <summary>Gets the round number (1 for the first review).</summary>
    public int Number { get; private set; }

    /// <summary>Gets what the team brings to the panel in this round, in plain English.</summary>
    public string Summary { get; private set; }

    /// <summary>Gets when the round was started (drafted).</summary>
    public DateTimeOffset StartedAt { get; private set; }

    /// <summary>Gets when the round was first submitted.</summary>
    public DateTimeOffset? SubmittedAt { get; private set; }

    /// <summary>Gets the triage outcome: <see cref="SubmissionState.Accepted"/>, <see cref="SubmissionState.ReturnedForChanges"/> or <see cref="SubmissionState.Declined"/> (the latest, if triaged more than once).</summary>
    public SubmissionState? TriageOutcome { get; private set; }

    /// <summary>Gets the reason given at triage, if any.</summary>
    public string? TriageReason { get; private set; }

    /// <summary>Gets the meeting the round is scheduled to (cleared when deferred).</summary>
    public PanelMeetingId? MeetingId { get; private set; }

    /// <summary>Gets when the team presented.</summary>
    public DateTimeOffset? PresentedAt { get; private set; }

    /// <summary>Gets the panel's feedback, once issued.</summary>
    public PanelFeedback? Feedback { get; private set; }

    /// <summary>Gets when the feedback was issued.</summary>
    public DateTimeOffset? FeedbackIssuedAt { get; private set; }

    /// <summary>Gets when the team's action plan was received.</summary>
    public DateTimeOffset? ResponseReceivedAt { get; private set; }

    /// <summary>Gets the team's answers to the recommendations.</summary>
    public IReadOnlyList<RecommendationResponse> Responses => _responses;

    /// <summary>Gets the actions of the team's action plan.</summary>
    public IReadOnlyList<PlannedAction> Actions => _actions;

    /// <summary>Gets the follow-up reports on the actions, oldest first.</summary>
    public IReadOnlyList<FollowUpReport> FollowUps => _followUps;

    /// <summary>Gets the project lead's rating of their experience of this round, if given.</summary>
    public LeadExperienceRating? LeadExperience { get; private set; }

    /// <summary>
    /// Removes free text about an erased person from the round: the descriptions of actions they own and the reports
    /// on them, the lead's experience comment when they were the lead, and the triage reason when they were on the team.
    /// </summary>
    internal bool RemovePersonalText(ParticipantId participantId, bool wasLead, bool onTeam)
    {
        var triage = onTeam && TriageReason is not null && TriageReason != PersonalData.RemovedOnErasure;
        if (triage)
        {
            TriageReason = PersonalData.RemovedOnErasure;
        }

        var owned = _actions.Where(a => a.OwnerId == participantId).Select(a => a.Id).ToHashSet();
        for (var i = 0; i < _actions.Count; i++)
        {
            if (owned.Contains(_actions[i].Id))
            {
                _actions[i] = _actions[i] with { Description = PersonalData.RemovedOnErasure };
            }
        }

        for (var i = 0; i < _followUps.Count; i++)
        {
            if (owned.Contains(_followUps[i].ActionId))
            {
                _followUps[i] = _followUps[i] with { Impact = PersonalData.RemovedOnErasure };
            }
        }

        var leadComment = wasLead && LeadExperience is { Comment: not null };
        if (leadComment)
        {
            LeadExperience = LeadExperience! with { Comment = PersonalData.RemovedOnErasure };
        }

        return owned.Count > 0 || leadComment || triage;
    }

    /// <summary>Gets when the round closed.</summary>
    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>Gets the latest follow-up status of an action.</summary>
    /// <param name="actionId">The action.</param>
    /// <returns>The status, or <see langword="null"/> when none was reported.</returns>
    public FollowUpStatus? LatestStatus(PlannedActionId actionId) => _followUps.FindLast(f => f.ActionId == actionId)?.Status;

    /// <summary>
    /// Tells whether a recommendation was implemented: accepted or adapted, with every one of its actions reported
    /// <see cref="FollowUpStatus.Implemented"/> at their latest follow-up.
    /// </summary>
    /// <param name="recommendationId">The recommendation.</param>
    /// <returns><see langword="true"/> when implemented.</returns>
    public bool IsImplemented(RecommendationId recommendationId)
    {
        var response = _responses.Find(r => r.RecommendationId == recommendationId);
        if (response is null || response.Decision == ResponseDecision.Decline)
        {
            return false;
        }

        var actions = _actions.Where(a => a.RecommendationId == recommendationId).ToList();
        return actions.Count > 0 && actions.All(a => LatestStatus(a.Id) == FollowUpStatus.Implemented);
    }

    internal void MarkSubmitted(DateTimeOffset at) => SubmittedAt ??= at;

    internal void MarkTriaged(SubmissionState outcome, string? reason)
    {
        TriageOutcome = outcome;
        TriageReason = reason;
    }

    internal void MarkScheduled(PanelMeetingId? meetingId) => MeetingId = meetingId;

    internal void MarkPresented(DateTimeOffset at) => PresentedAt = at;

    internal void MarkFeedbackIssued(PanelFeedback feedback, DateTimeOffset at)
    {
        Feedback = feedback;
        FeedbackIssuedAt = at;
    }

    internal void MarkResponseReceived(IEnumerable<RecommendationResponse> responses, IEnumerable<PlannedAction> actions, DateTimeOffset at)
    {
        _responses.AddRange(responses);
        _actions.AddRange(actions);
        ResponseReceivedAt = at;
    }

    internal void AddFollowUp(FollowUpReport report) => _followUps.Add(report);

    internal void SetLeadExperience(LeadExperienceRating rating) => LeadExperience = rating;

    internal void MarkClosed(DateTimeOffset at) => ClosedAt = at;
}
