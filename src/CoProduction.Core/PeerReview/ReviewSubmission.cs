using Ardalis.GuardClauses;
using CoProduction.PeerReview.Events;
using CoProduction.Involvement.Projects;
using CoProduction.People;
using CoProduction.Primitives;

namespace CoProduction.PeerReview;

/// <summary>
/// An improvement project's submission to a peer review panel, through every round: an explicit state machine
/// (<see cref="SubmissionWorkflow"/>) from draft to closed, whose refused moves name the current state and what is
/// needed. The project itself is held elsewhere and referred to by <see cref="ProjectId"/>; people by id only.
/// </summary>
public sealed class ReviewSubmission : AggregateRoot<ReviewSubmissionId>
{
    private readonly List<ParticipantId> _teamMemberIds = [];
    private readonly List<ReviewRound> _rounds = [];
    private readonly List<SubmissionStateChange> _history = [];

    private ReviewSubmission(ReviewSubmissionId id, OrganisationId organisationId, PanelId panelId, ImprovementProjectId projectId, string title, string serviceArea, ParticipantId projectLeadId)
        : base(id, organisationId)
    {
        PanelId = panelId;
        ProjectId = projectId;
        Title = title;
        ServiceArea = serviceArea;
        ProjectLeadId = projectLeadId;
    }

    private ReviewSubmission()
    {
        Title = string.Empty;
        ServiceArea = string.Empty;
    }

    /// <summary>Gets the panel the project is submitted to.</summary>
    public PanelId PanelId { get; private set; }

    /// <summary>Gets the improvement project's id (the project record is kept by the involvement area).</summary>
    public ImprovementProjectId ProjectId { get; private set; }

    /// <summary>Gets the project's title as presented to the panel.</summary>
    public string Title { get; private set; }

    /// <summary>Gets the service area the project improves, such as "Maternity".</summary>
    public string ServiceArea { get; private set; }

    /// <summary>Gets the project lead.</summary>
    public ParticipantId ProjectLeadId { get; private set; }

    /// <summary>Gets the other members of the project team.</summary>
    public IReadOnlyList<ParticipantId> TeamMemberIds => _teamMemberIds;

    /// <summary>Gets the current state.</summary>
    public SubmissionState State { get; private set; }

    /// <summary>Gets every round, oldest first; the last is the current round.</summary>
    public IReadOnlyList<ReviewRound> Rounds => _rounds;

    /// <summary>
    /// Removes free text about an erased person: actions they own, their experience comments as lead, and, when they
    /// lead or sit on the team, the reasons of the workflow's moves and of triage (written by staff, recorded without an
    /// author, and often giving the team's circumstances). Returns whether anything changed.
    /// </summary>
    internal bool RemovePersonalText(ParticipantId participantId)
    {
        var onTeam = IsOnProjectTeam(participantId);
        var changed = false;
        foreach (var round in _rounds)
        {
            changed |= round.RemovePersonalText(participantId, ProjectLeadId == participantId, onTeam);
        }

        if (onTeam)
        {
            for (var i = 0; i < _history.Count; i++)
            {
                if (_history[i].Reason is { } reason && reason != PersonalData.RemovedOnErasure)
                {
                    _history[i] = _history[i] with { Reason = PersonalData.RemovedOnErasure };
                    changed = true;
                }
            }
        }

        return changed;
    }

    /// <summary>Gets the current round.</summary>
    public ReviewRound CurrentRound => _rounds[^1];

    /// <summary>Gets every move of the workflow, oldest first.</summary>
    public IReadOnlyList<SubmissionStateChange> History => _history;

    /// <summary>Gets the triggers allowed from the current state.</summary>
    public IReadOnlyList<SubmissionTrigger> PermittedTriggers => SubmissionWorkflow.PermittedTriggers(State);

    /// <summary>Tells whether someone is the project lead or on the team.</summary>
    /// <param name="participantId">The person.</param>
    /// <returns><see langword="true"/> when they are.</returns>
    public bool IsOnProjectTeam(ParticipantId participantId) => participantId == ProjectLeadId || _teamMemberIds.Contains(participantId);

    /// <summary>Starts a submission as a draft (round 1).</summary>
    /// <param name="organisationId">The organisation.</param>
    /// <param name="panelId">The panel it is for.</param>
    /// <param name="projectId">The improvement project.</param>
    /// <param name="title">The project's title.</param>
    /// <param name="serviceArea">The service area the project improves.</param>
    /// <param name="projectLeadId">The project lead.</param>
    /// <param name="teamMemberIds">The other team members (may be empty; the lead is left out if repeated).</param>
    /// <param name="summary">What the team brings to the panel, in plain English.</param>
    /// <param name="clock">The clock.</param>
    /// <returns>The draft, to be added to the store.</returns>
    /// <exception cref="ArgumentException">An id is empty or a text is blank.</exception>
    internal static ReviewSubmission Draft(
        OrganisationId organisationId,
        PanelId panelId,
        ImprovementProjectId projectId,
        string title,
        string serviceArea,
        ParticipantId projectLeadId,
        IEnumerable<ParticipantId> teamMemberIds,
        string summary,
        TimeProvider clock)
    {
        Input.Id(panelId);
        Input.Id(projectId);
        Input.Required(title);
        Input.Required(serviceArea);
        Input.Id(projectLeadId);
        Guard.Against.Null(teamMemberIds);
        Input.Required(summary);
        Guard.Against.Null(clock);
        var team = teamMemberIds.ToList();
        if (team.Exists(m => m.Value == Guid.Empty))
        {
            throw new InvalidInputException(nameof(teamMemberIds), "A team member id is empty: pass the ParticipantId of each team member.");
        }

        var now = clock.GetUtcNow();
        var submission = new ReviewSubmission(ReviewSubmissionId.New(), organisationId, panelId, projectId, title.Trim(), serviceArea.Trim(), projectLeadId);
        submission._teamMemberIds.AddRange(team.Where(m => m != projectLeadId).Distinct());
        submission._rounds.Add(new ReviewRound(1, summary.Trim(), now));
        submission.State = SubmissionState.Draft;
        submission.Raise(new SubmissionDrafted(submission.Id, panelId, projectId, now));
        return submission;
    }

    /// <summary>Changes the project lead and team (teams change during a project). Refused once the submission is declined or withdrawn.</summary>
    /// <param name="projectLeadId">The project lead.</param>
    /// <param name="teamMemberIds">The other team members (the lead is left out if repeated).</param>
    /// <param name="clock">The clock.</param>
    /// <exception cref="ArgumentException">An id is empty.</exception>
    /// <exception cref="DomainRuleViolationException">The submission is declined or withdrawn.</exception>
    internal void ChangeTeam(ParticipantId projectLeadId, IEnumerable<ParticipantId> teamMemberIds, TimeProvider clock)
    {
        Input.Id(projectLeadId);
        Guard.Against.Null(teamMemberIds);
        Guard.Against.Null(clock);
        var team = teamMemberIds.ToList();
        if (team.Exists(m => m.Value == Guid.Empty))
        {
            throw new InvalidInputException(nameof(teamMemberIds), "A team member id is empty: pass the ParticipantId of each team member.");
        }

        Rule.Require(
            !SubmissionWorkflow.IsFinal(State),
            PeerReviewErrorCodes.SubmissionFinal,
            $"Submission {Id} is {State}, which is final, so its team cannot change: draft a new submission if the project comes back.");
        ProjectLeadId = projectLeadId;
        _teamMemberIds.Clear();
        _teamMemberIds.AddRange(team.Where(m => m != projectLeadId).Distinct());
        Raise(new SubmissionTeamChanged(Id, clock.GetUtcNow()));
    }

    /// <summary>Submits the draft, or resubmits after changes (Draft or ReturnedForChanges to Submitted).</summary>
    /// <param name="clock">The clock.</param>
    /// <exception cref="DomainRuleViolationException">The submission is in another state.</exception>
    internal void Submit(TimeProvider clock)
    {
        Guard.Against.Null(clock);
        var target = Allow(SubmissionTrigger.Submit);
        var now = clock.GetUtcNow();
        CurrentRound.MarkSubmitted(now);
        Move(SubmissionTrigger.Submit, target, null, now);
    }

    /// <summary>Accepts the submission for review at triage (Submitted to Accepted).</summary>
    /// <param name="clock">The clock.</param>
    /// <exception cref="DomainRuleViolationException">The submission is not waiting for triage.</exception>
    internal void Accept(TimeProvider clock)
    {
        Guard.Against.Null(clock);
        var target = Allow(SubmissionTrigger.Accept);
        CurrentRound.MarkTriaged(SubmissionState.Accepted, null);
        Move(SubmissionTrigger.Accept, target, null, clock.GetUtcNow());
    }

    /// <summary>Returns the submission to the team for changes at triage (Submitted to ReturnedForChanges).</summary>
    /// <param name="reason">What the team needs to change, in plain English.</param>
    /// <param name="clock">The clock.</param>
    /// <exception cref="ArgumentException">The reason is blank.</exception>
    /// <exception cref="DomainRuleViolationException">The submission is not waiting for triage.</exception>
    internal void ReturnForChanges(string reason, TimeProvider clock)
    {
        Input.Required(reason);
        Guard.Against.Null(clock);
        var target = Allow(SubmissionTrigger.ReturnForChanges);
        CurrentRound.MarkTriaged(SubmissionState.ReturnedForChanges, reason.Trim());
        Move(SubmissionTrigger.ReturnForChanges, target, reason.Trim(), clock.GetUtcNow());
    }

    /// <summary>Declines the submission at triage, with a reason (Submitted to Declined, which is final).</summary>
    /// <param name="reason">Why, in plain English (for example: out of the panel's scope, and where to go instead).</param>
    /// <param name="clock">The clock.</param>
    /// <exception cref="ArgumentException">The reason is blank.</exception>
    /// <exception cref="DomainRuleViolationException">The submission is not waiting for triage.</exception>
    internal void Decline(string reason, TimeProvider clock)
    {
        Input.Required(reason);
        Guard.Against.Null(clock);
        var target = Allow(SubmissionTrigger.Decline);
        CurrentRound.MarkTriaged(SubmissionState.Declined, reason.Trim());
        Move(SubmissionTrigger.Decline, target, reason.Trim(), clock.GetUtcNow());
    }

    /// <summary>
    /// Puts the submission on a meeting's agenda (Accepted or Deferred to Scheduled). Use
    /// <see cref="PanelMeetingService.ScheduleAsync"/> to also add the agenda slot to the meeting.
    /// </summary>
    /// <param name="meetingId">The meeting.</param>
    /// <param name="clock">The clock.</param>
    /// <exception cref="DomainRuleViolationException">The submission is not accepted or deferred.</exception>
    internal void Schedule(PanelMeetingId meetingId, TimeProvider clock)
    {
        Input.Id(meetingId);
        Guard.Against.Null(clock);
        var target = Allow(SubmissionTrigger.Schedule);
        CurrentRound.MarkScheduled(meetingId);
        Move(SubmissionTrigger.Schedule, target, null, clock.GetUtcNow());
    }

    /// <summary>Defers the submission, with a reason (Accepted or Scheduled to Deferred); it leaves the meeting it was scheduled to.</summary>
    /// <param name="reason">Why.</param>
    /// <param name="clock">The clock.</param>
    /// <exception cref="ArgumentException">The reason is blank.</exception>
    /// <exception cref="DomainRuleViolationException">The submission is not accepted or scheduled.</exception>
    internal void Defer(string reason, TimeProvider clock)
    {
        Input.Required(reason);
        Guard.Against.Null(clock);
        var target = Allow(SubmissionTrigger.Defer);
        CurrentRound.MarkScheduled(null);
        Move(SubmissionTrigger.Defer, target, reason.Trim(), clock.GetUtcNow());
    }

    /// <summary>Withdraws the submission, with a reason, before it is presented (final).</summary>
    /// <param name="reason">Why.</param>
    /// <param name="clock">The clock.</param>
    /// <exception cref="ArgumentException">The reason is blank.</exception>
    /// <exception cref="DomainRuleViolationException">The submission has been presented, or is already final.</exception>
    internal void Withdraw(string reason, TimeProvider clock)
    {
        Input.Required(reason);
        Guard.Against.Null(clock);
        var target = Allow(SubmissionTrigger.Withdraw);
        Move(SubmissionTrigger.Withdraw, target, reason.Trim(), clock.GetUtcNow());
    }

    /// <summary>Records that the team presented at the meeting it was scheduled to (Scheduled to Presented).</summary>
    /// <param name="meetingId">The meeting at which they presented.</param>
    /// <param name="clock">The clock.</param>
    /// <exception cref="DomainRuleViolationException">The submission is not scheduled, or is scheduled to another meeting.</exception>
    internal void Present(PanelMeetingId meetingId, TimeProvider clock)
    {
        Input.Id(meetingId);
        Guard.Against.Null(clock);
        var target = Allow(SubmissionTrigger.Present);
        EnsureScheduledTo(meetingId);
        var now = clock.GetUtcNow();
        CurrentRound.MarkPresented(now);
        Move(SubmissionTrigger.Present, target, null, now);
    }

    /// <summary>
    /// Issues the panel's feedback (Presented to FeedbackIssued). The feedback must have been compiled for this
    /// submission's current round at the meeting it was presented to (<see cref="PanelMeeting.CompileFeedback"/>,
    /// which refuses an inquorate meeting).
    /// </summary>
    /// <param name="feedback">The compiled feedback.</param>
    /// <param name="clock">The clock.</param>
    /// <exception cref="DomainRuleViolationException">The submission was not presented, or the feedback belongs to another submission, round or meeting.</exception>
    internal void IssueFeedback(PanelFeedback feedback, TimeProvider clock)
    {
        Guard.Against.Null(feedback);
        Guard.Against.Null(clock);
        var target = Allow(SubmissionTrigger.IssueFeedback);
        Rule.Require(
            feedback.SubmissionId == Id && feedback.RoundNumber == CurrentRound.Number,
            PeerReviewErrorCodes.FeedbackMismatch,
            $"The feedback was compiled for submission {feedback.SubmissionId} round {feedback.RoundNumber}, not for submission {Id} round {CurrentRound.Number}: compile it for this submission's current round.");
        EnsureScheduledTo(feedback.MeetingId);
        var now = clock.GetUtcNow();
        CurrentRound.MarkFeedbackIssued(feedback, now);
        Move(SubmissionTrigger.IssueFeedback, target, null, now);
    }

    /// <summary>
    /// Records the team's action plan (FeedbackIssued to ResponseReceived). Every recommendation of the round's
    /// feedback must be answered exactly once: accepted or adapted with at least one action (an adaptation says
    /// how and why), or declined with a reason and no actions. Actions fall due today or later.
    /// </summary>
    /// <param name="responses">One answer per recommendation.</param>
    /// <param name="clock">The clock.</param>
    /// <exception cref="DomainRuleViolationException">The feedback has not been issued, or the plan does not answer every recommendation properly.</exception>
    internal void ReceiveResponse(IEnumerable<PlannedResponse> responses, TimeProvider clock)
    {
        Guard.Against.Null(responses);
        Guard.Against.Null(clock);
        var answers = responses.ToList();
        if (answers.Exists(a => a is null || a.Actions is null || a.Actions.Any(x => x is null)))
        {
            throw new InvalidInputException(nameof(responses), "The action plan contains a null response or action.");
        }

        var target = Allow(SubmissionTrigger.ReceiveResponse);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var feedback = CurrentRound.Feedback!;
        var unknown = answers.Where(a => feedback.FindRecommendation(a.RecommendationId) is null).Select(a => a.RecommendationId).ToList();
        Rule.Require(
            unknown.Count == 0,
            PeerReviewErrorCodes.RecommendationNotFound,
            $"The action plan answers {string.Join(", ", unknown)}, which {(unknown.Count == 1 ? "is not a recommendation" : "are not recommendations")} of round {CurrentRound.Number}: answer only the recommendations in the feedback.");
        var repeated = answers.GroupBy(a => a.RecommendationId).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Rule.Require(
            repeated.Count == 0,
            PeerReviewErrorCodes.ActionPlanInvalid,
            $"The action plan answers recommendation {string.Join(", ", repeated)} more than once: give one answer per recommendation, with all its actions.");
        var missing = feedback.Recommendations.Where(r => !answers.Exists(a => a.RecommendationId == r.Id)).ToList();
        Rule.Require(
            missing.Count == 0,
            PeerReviewErrorCodes.ActionPlanIncomplete,
            $"The action plan does not answer {missing.Count} of the {feedback.Recommendations.Count} recommendations ({string.Join("; ", missing.Select(m => $"{m.Id}: \"{m.Text}\""))}): accept, adapt or decline every recommendation.");
        foreach (var answer in answers)
        {
            Input.Defined(answer.Decision, nameof(responses));
            var needsReason = answer.Decision != ResponseDecision.Accept;
            Rule.Require(
                !needsReason || !string.IsNullOrWhiteSpace(answer.Reason),
                PeerReviewErrorCodes.ActionPlanInvalid,
                $"Recommendation {answer.RecommendationId} is answered {answer.Decision} without a reason: say {(answer.Decision == ResponseDecision.Adapt ? "how and why it is adapted" : "why it is declined")}.");
            Rule.Require(
                answer.Decision == ResponseDecision.Decline ? answer.Actions.Count == 0 : answer.Actions.Count > 0,
                PeerReviewErrorCodes.ActionPlanInvalid,
                answer.Decision == ResponseDecision.Decline
                    ? $"Recommendation {answer.RecommendationId} is declined but has actions: a declined recommendation has no actions (answer Adapt if something will be done)."
                    : $"Recommendation {answer.RecommendationId} is answered {answer.Decision} without any action: agree at least one action with an owner and a due date.");
            var late = answer.Actions.FirstOrDefault(a => a.DueOn < today);
            Rule.Require(
                late is null,
                PeerReviewErrorCodes.ActionPlanInvalid,
                $"The action \"{late?.Description}\" for recommendation {answer.RecommendationId} is due on {late?.DueOn:yyyy-MM-dd}, which has passed (today is {today:yyyy-MM-dd}): give a due date from today on.");
        }

        var recorded = answers.Select(a => new RecommendationResponse(a.RecommendationId, a.Decision, string.IsNullOrWhiteSpace(a.Reason) ? null : a.Reason.Trim())).ToList();
        var actions = answers.SelectMany(a => a.Actions.Select(x => new PlannedAction(PlannedActionId.New(), a.RecommendationId, x.Description, x.OwnerId, x.DueOn))).ToList();
        CurrentRound.MarkResponseReceived(recorded, actions, now);
        Move(SubmissionTrigger.ReceiveResponse, target, null, now);
    }

    /// <summary>
    /// Marks the round due for follow-up (ResponseReceived to FollowUpDue) once the earliest action has fallen due
    /// (today on or after its due date), or at once when the plan has no actions.
    /// </summary>
    /// <param name="clock">The clock.</param>
    /// <exception cref="DomainRuleViolationException">No response has been received, or no action has fallen due yet.</exception>
    internal void MarkFollowUpDue(TimeProvider clock)
    {
        Guard.Against.Null(clock);
        var target = Allow(SubmissionTrigger.MarkFollowUpDue);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var earliest = EarliestDueDate();
        Rule.Require(
            earliest is null || earliest <= today,
            PeerReviewErrorCodes.FollowUpNotYetDue,
            $"Submission {Id} is ResponseReceived and its earliest action is due on {earliest:yyyy-MM-dd}; follow-up is due from that day (today is {today:yyyy-MM-dd}).");
        Move(SubmissionTrigger.MarkFollowUpDue, target, null, now);
    }

    /// <summary>Gets the earliest due date of the current round's actions.</summary>
    /// <returns>The date, or <see langword="null"/> when there are no actions.</returns>
    public DateOnly? EarliestDueDate() => CurrentRound.Actions.Count == 0 ? null : CurrentRound.Actions.Min(a => a.DueOn);

    /// <summary>
    /// Records a follow-up report on an action of any round whose action plan was received: its status and the
    /// impact seen. Reports accumulate; the latest counts.
    /// </summary>
    /// <param name="actionId">The action.</param>
    /// <param name="status">Implemented, in progress or not done.</param>
    /// <param name="impact">The impact seen (implemented), the progress made (in progress) or why not (not done).</param>
    /// <param name="clock">The clock.</param>
    /// <exception cref="ArgumentException">The note is blank.</exception>
    /// <exception cref="DomainRuleViolationException">No such action.</exception>
    internal void RecordFollowUp(PlannedActionId actionId, FollowUpStatus status, string impact, TimeProvider clock)
    {
        Input.Id(actionId);
        Input.Defined(status);
        Input.Required(impact);
        Guard.Against.Null(clock);
        var round = _rounds.Find(r => r.Actions.Any(a => a.Id == actionId));
        Rule.Require(round is not null, PeerReviewErrorCodes.ActionNotFound, $"Submission {Id} has no action {actionId}: pass the id of an action from one of its action plans.");
        var now = clock.GetUtcNow();
        round!.AddFollowUp(new FollowUpReport(actionId, status, impact.Trim(), now));
        Raise(new FollowUpRecorded(Id, round.Number, actionId, status, now));
    }

    /// <summary>Closes the round (FollowUpDue to Closed) once every action of the round has at least one follow-up report.</summary>
    /// <param name="clock">The clock.</param>
    /// <exception cref="DomainRuleViolationException">Follow-up is not due, or an action has no report.</exception>
    internal void Close(TimeProvider clock)
    {
        Guard.Against.Null(clock);
        var target = Allow(SubmissionTrigger.Close);
        var unreported = CurrentRound.Actions.Where(a => CurrentRound.LatestStatus(a.Id) is null).ToList();
        Rule.Require(
            unreported.Count == 0,
            PeerReviewErrorCodes.FollowUpIncomplete,
            $"Submission {Id} is FollowUpDue but {unreported.Count} action(s) have no follow-up report ({string.Join("; ", unreported.Select(a => $"{a.Id}: \"{a.Description}\""))}): record Implemented, InProgress or NotDone for each with RecordFollowUp, then close.");
        var now = clock.GetUtcNow();
        CurrentRound.MarkClosed(now);
        Move(SubmissionTrigger.Close, target, null, now);
    }

    /// <summary>
    /// Starts another round (ResponseReceived, FollowUpDue or Closed to Draft): the project returns to the panel.
    /// Earlier rounds, their feedback, action plans and follow-ups are kept.
    /// </summary>
    /// <param name="summary">What the team brings to the panel this time.</param>
    /// <param name="clock">The clock.</param>
    /// <exception cref="ArgumentException">The summary is blank.</exception>
    /// <exception cref="DomainRuleViolationException">The team has not yet answered the current round's feedback.</exception>
    internal void StartNextRound(string summary, TimeProvider clock)
    {
        Input.Required(summary);
        Guard.Against.Null(clock);
        var target = Allow(SubmissionTrigger.StartNextRound);
        var now = clock.GetUtcNow();
        var from = State;
        _rounds.Add(new ReviewRound(_rounds.Count + 1, summary.Trim(), now));
        _history.Add(new SubmissionStateChange(CurrentRound.Number, from, SubmissionTrigger.StartNextRound, target, null, now));
        State = target;
        Raise(new SubmissionStateChanged(Id, CurrentRound.Number, from, SubmissionTrigger.StartNextRound, target, now));
    }

    /// <summary>Records the project lead's rating of their experience of the current round, once feedback has been issued (a later rating replaces it).</summary>
    /// <param name="rating">1 (very poor) to 5 (very good).</param>
    /// <param name="comment">What they said, if anything.</param>
    /// <param name="clock">The clock.</param>
    /// <exception cref="ArgumentOutOfRangeException">The rating is outside 1 to 5.</exception>
    /// <exception cref="DomainRuleViolationException">The round has no feedback yet.</exception>
    internal void RecordLeadExperience(int rating, string? comment, TimeProvider clock)
    {
        Input.InRange(rating, nameof(rating), 1, 5, "The experience rating runs from 1 (very poor) to 5 (very good).");
        Guard.Against.Null(clock);
        Rule.Require(
            CurrentRound.Feedback is not null,
            PeerReviewErrorCodes.FeedbackNotIssued,
            $"Round {CurrentRound.Number} of submission {Id} is {State} and has no feedback yet: ask the project lead about their experience once the panel's feedback has been issued.");
        var now = clock.GetUtcNow();
        CurrentRound.SetLeadExperience(new LeadExperienceRating(rating, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(), now));
        Raise(new LeadExperienceRecorded(Id, CurrentRound.Number, rating, now));
    }

    private SubmissionState Allow(SubmissionTrigger trigger)
    {
        var target = SubmissionWorkflow.Target(State, trigger);
        Rule.Require(target is not null, PeerReviewErrorCodes.TransitionNotAllowed, SubmissionWorkflow.ExplainRefusal(Id, State, trigger));
        return target!.Value;
    }

    private void EnsureScheduledTo(PanelMeetingId meetingId) =>
        Rule.Require(
            CurrentRound.MeetingId == meetingId,
            PeerReviewErrorCodes.WrongMeeting,
            $"Submission {Id} round {CurrentRound.Number} is scheduled to meeting {CurrentRound.MeetingId}, not to meeting {meetingId}: use the meeting it was scheduled to.");

    private void Move(SubmissionTrigger trigger, SubmissionState target, string? reason, DateTimeOffset now)
    {
        var from = State;
        _history.Add(new SubmissionStateChange(CurrentRound.Number, from, trigger, target, reason, now));
        State = target;
        Raise(new SubmissionStateChanged(Id, CurrentRound.Number, from, trigger, target, now));
    }
}
