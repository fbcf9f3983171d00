using Ardalis.GuardClauses;
using CoProduction.Involvement.Projects;
using CoProduction.People;
using CoProduction.Primitives;
using CoProduction.Storage;

namespace CoProduction.PeerReview;

/// <summary>
/// The use cases of an improvement project's submission to a peer review panel: drafting it from the project's record,
/// triage (submit, accept, return for changes, decline), deferral and withdrawal, presentation, feedback, the team's
/// action plan, follow-up and closing, later rounds and the lead's experience. It keeps a submission in step with its
/// project's team and saves a command that changes several aggregates (the project and its new submission; a
/// submission and the meeting whose agenda holds it) in one unit of work, so it succeeds or fails whole. Scheduling to
/// a meeting is in <see cref="PanelMeetingService.ScheduleAsync"/>.
/// </summary>
public sealed class ReviewSubmissionService
{
    private readonly IReviewSubmissionStore _submissions;
    private readonly IPanelStore _panels;
    private readonly IPanelMeetingStore _meetings;
    private readonly IParticipantStore _participants;
    private readonly IImprovementProjectStore _projects;
    private readonly IUnitOfWork _unitOfWork;
    private readonly ProjectTeamPropagation _teams;
    private readonly IOrganisationContext _organisation;
    private readonly TimeProvider _clock;

    /// <summary>Initialises the service.</summary>
    /// <param name="submissions">The submission store.</param>
    /// <param name="panels">The panel store.</param>
    /// <param name="meetings">The meeting store (the meeting whose agenda holds a submission, and its reviews for feedback).</param>
    /// <param name="participants">The participant store (action owners).</param>
    /// <param name="projects">The improvement project store (Involvement).</param>
    /// <param name="unitOfWork">Saves the aggregates of one command together.</param>
    /// <param name="organisation">The current organisation.</param>
    /// <param name="clock">The clock.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public ReviewSubmissionService(
        IReviewSubmissionStore submissions,
        IPanelStore panels,
        IPanelMeetingStore meetings,
        IParticipantStore participants,
        IImprovementProjectStore projects,
        IUnitOfWork unitOfWork,
        IOrganisationContext organisation,
        TimeProvider clock)
    {
        _submissions = Guard.Against.Null(submissions);
        _panels = Guard.Against.Null(panels);
        _meetings = Guard.Against.Null(meetings);
        _participants = Guard.Against.Null(participants);
        _projects = Guard.Against.Null(projects);
        _unitOfWork = Guard.Against.Null(unitOfWork);
        _organisation = Guard.Against.Null(organisation);
        _clock = Guard.Against.Null(clock);
        _teams = new ProjectTeamPropagation(submissions, meetings, panels, clock);
    }

    /// <summary>Finds a submission of the current organisation.</summary>
    /// <param name="submissionId">The submission.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The submission, or <see langword="null"/> when there is none.</returns>
    public ValueTask<ReviewSubmission?> FindAsync(ReviewSubmissionId submissionId, CancellationToken cancellationToken) => _submissions.FindAsync(submissionId, cancellationToken);

    /// <summary>Lists the submissions made to a panel in the current organisation.</summary>
    /// <param name="panelId">The panel.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>Its submissions; none for an unknown panel (an empty id included).</returns>
    public Task<IReadOnlyList<ReviewSubmission>> ListByPanelAsync(PanelId panelId, CancellationToken cancellationToken) => _submissions.ListByPanelAsync(panelId, cancellationToken);

    /// <summary>
    /// Starts an improvement project's submission to a panel as a draft (round 1). The title, service area, lead and team
    /// are read from the project's record; the project records the submission in the same unit of work, so a project
    /// has at most one submission that is not closed, declined or withdrawn, even when two are drafted at once.
    /// </summary>
    /// <param name="panelId">The panel.</param>
    /// <param name="projectId">The improvement project (Involvement).</param>
    /// <param name="summary">What the team brings to the panel, in plain English.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The draft, stored.</returns>
    /// <exception cref="InvalidInputException">The summary is blank, an id is empty, or a text cannot be stored as given (see <see cref="Storage.IUnitOfWork.SaveAsync"/>).</exception>
    /// <exception cref="RecordNotFoundException">The panel or project is unknown (<see cref="PeerReviewErrorCodes.PanelNotFound"/>, <see cref="Involvement.InvolvementErrorCodes.ProjectNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The project already has a submission that is not closed, declined or withdrawn (<see cref="PeerReviewErrorCodes.ProjectAlreadySubmitted"/>), or has no current lead (<see cref="PeerReviewErrorCodes.ProjectHasNoLead"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the project meanwhile (such as drafting another submission), or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public async Task<ReviewSubmission> DraftAsync(PanelId panelId, ImprovementProjectId projectId, string summary, CancellationToken cancellationToken)
    {
        new CommandInput().Id(projectId).Text(summary).ThrowIfInvalid();
        await _panels.RequirePanelAsync(panelId, _organisation, cancellationToken).ConfigureAwait(false);
        var project = await _projects.FindAsync(projectId, cancellationToken).ConfigureAwait(false);
        Rule.Require(project is not null, Involvement.InvolvementErrorCodes.ProjectNotFound, $"No improvement project {projectId} exists in organisation {_organisation.CurrentOrganisationId}: start the project first (ImprovementProjectService.StartAsync), or check the id.");
        var live = await _teams.FindLiveSubmissionAsync(project!, cancellationToken).ConfigureAwait(false);
        Rule.Require(
            live is null,
            PeerReviewErrorCodes.ProjectAlreadySubmitted,
            $"Project '{project!.Title}' already has submission {live?.Id} to the panel, which is {live?.State}: carry on with it (a later round is started with StartNextRoundAsync), or withdraw it first.");
        var (lead, team) = ProjectTeamPropagation.TeamOf(project!);
        var submission = ReviewSubmission.Draft(_organisation.CurrentOrganisationId, panelId, projectId, project!.Title, project.ServiceArea, lead, team, summary, _clock);
        project.LinkPeerReviewSubmission(submission.Id, _clock);
        await _unitOfWork.SaveAsync([AggregateChange.Add(submission), AggregateChange.Update(project)], cancellationToken).ConfigureAwait(false);
        return submission;
    }

    /// <summary>Submits a draft, or resubmits after changes (Draft or ReturnedForChanges to Submitted).</summary>
    /// <param name="submissionId">The submission.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when saved.</returns>
    /// <exception cref="InvalidInputException">The id is empty.</exception>
    /// <exception cref="RecordNotFoundException">The submission is unknown (<see cref="PeerReviewErrorCodes.SubmissionNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The submission is neither a draft nor returned for changes (<see cref="PeerReviewErrorCodes.TransitionNotAllowed"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the submission meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public Task SubmitAsync(ReviewSubmissionId submissionId, CancellationToken cancellationToken) =>
        ChangeSubmissionAsync(submissionId, s => s.Submit(_clock), cancellationToken);

    /// <summary>Accepts a submitted submission for review at triage (Submitted to Accepted).</summary>
    /// <param name="submissionId">The submission.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when saved.</returns>
    /// <exception cref="InvalidInputException">The id is empty.</exception>
    /// <exception cref="RecordNotFoundException">The submission is unknown (<see cref="PeerReviewErrorCodes.SubmissionNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The submission is not waiting for triage (<see cref="PeerReviewErrorCodes.TransitionNotAllowed"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the submission meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public Task AcceptAsync(ReviewSubmissionId submissionId, CancellationToken cancellationToken) =>
        ChangeSubmissionAsync(submissionId, s => s.Accept(_clock), cancellationToken);

    /// <summary>Returns a submitted submission to the team for changes at triage (Submitted to ReturnedForChanges).</summary>
    /// <param name="submissionId">The submission.</param>
    /// <param name="reason">What the team needs to change, in plain English.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when saved.</returns>
    /// <exception cref="InvalidInputException">The reason is blank, the id is empty, or a text cannot be stored as given (see <see cref="Storage.IUnitOfWork.SaveAsync"/>).</exception>
    /// <exception cref="RecordNotFoundException">The submission is unknown (<see cref="PeerReviewErrorCodes.SubmissionNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The submission is not waiting for triage (<see cref="PeerReviewErrorCodes.TransitionNotAllowed"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the submission meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public Task ReturnForChangesAsync(ReviewSubmissionId submissionId, string reason, CancellationToken cancellationToken)
    {
        Input.Required(reason);
        return ChangeSubmissionAsync(submissionId, s => s.ReturnForChanges(reason, _clock), cancellationToken);
    }

    /// <summary>Declines a submitted submission at triage, with a reason (Submitted to Declined, which is final).</summary>
    /// <param name="submissionId">The submission.</param>
    /// <param name="reason">Why, in plain English (for example: out of the panel's scope, and where to go instead).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when saved.</returns>
    /// <exception cref="InvalidInputException">The reason is blank, the id is empty, or a text cannot be stored as given (see <see cref="Storage.IUnitOfWork.SaveAsync"/>).</exception>
    /// <exception cref="RecordNotFoundException">The submission is unknown (<see cref="PeerReviewErrorCodes.SubmissionNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The submission is not waiting for triage (<see cref="PeerReviewErrorCodes.TransitionNotAllowed"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the submission meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public Task DeclineAsync(ReviewSubmissionId submissionId, string reason, CancellationToken cancellationToken)
    {
        Input.Required(reason);
        return ChangeSubmissionAsync(submissionId, s => s.Decline(reason, _clock), cancellationToken);
    }

    /// <summary>
    /// Defers an accepted or scheduled submission, taking it off the agenda of the meeting it was scheduled to in the
    /// same unit of work.
    /// </summary>
    /// <param name="submissionId">The submission.</param>
    /// <param name="reason">Why.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when saved.</returns>
    /// <exception cref="InvalidInputException">The reason is blank, the id is empty, or a text cannot be stored as given (see <see cref="Storage.IUnitOfWork.SaveAsync"/>).</exception>
    /// <exception cref="RecordNotFoundException">The submission is unknown (<see cref="PeerReviewErrorCodes.SubmissionNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The submission is neither accepted nor scheduled (<see cref="PeerReviewErrorCodes.TransitionNotAllowed"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the submission or its meeting meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public async Task DeferAsync(ReviewSubmissionId submissionId, string reason, CancellationToken cancellationToken)
    {
        Input.Required(reason);
        await LeaveAgendaAsync(submissionId, s => s.Defer(reason, _clock), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Withdraws a submission before it is presented (final), taking it off the agenda of the meeting it was scheduled
    /// to in the same unit of work.
    /// </summary>
    /// <param name="submissionId">The submission.</param>
    /// <param name="reason">Why.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when saved.</returns>
    /// <exception cref="InvalidInputException">The reason is blank, the id is empty, or a text cannot be stored as given (see <see cref="Storage.IUnitOfWork.SaveAsync"/>).</exception>
    /// <exception cref="RecordNotFoundException">The submission is unknown (<see cref="PeerReviewErrorCodes.SubmissionNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The submission has been presented in its current round, or is declined or already withdrawn (<see cref="PeerReviewErrorCodes.TransitionNotAllowed"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the submission or its meeting meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public async Task WithdrawAsync(ReviewSubmissionId submissionId, string reason, CancellationToken cancellationToken)
    {
        Input.Required(reason);
        await LeaveAgendaAsync(submissionId, s => s.Withdraw(reason, _clock), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads a submission's project lead and team again from its project's record (the project service does this
    /// whenever the team changes) and records or lifts the project-team conflicts of interest at the meeting it is
    /// scheduled to, in one unit of work.
    /// </summary>
    /// <param name="submissionId">The submission.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when saved.</returns>
    /// <exception cref="InvalidInputException">The id is empty.</exception>
    /// <exception cref="RecordNotFoundException">The submission is unknown (<see cref="PeerReviewErrorCodes.SubmissionNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The submission is declined or withdrawn (<see cref="PeerReviewErrorCodes.SubmissionFinal"/>), or its project has no current lead (<see cref="PeerReviewErrorCodes.ProjectHasNoLead"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the submission or its meeting meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public async Task RefreshTeamAsync(ReviewSubmissionId submissionId, CancellationToken cancellationToken)
    {
        var submission = await _submissions.RequireSubmissionAsync(submissionId, _organisation, cancellationToken).ConfigureAwait(false);
        var project = await _projects.FindAsync(submission.ProjectId, cancellationToken).ConfigureAwait(false);
        Rule.Require(project is not null, Involvement.InvolvementErrorCodes.ProjectNotFound, $"Submission {submissionId}'s project {submission.ProjectId} no longer exists in organisation {_organisation.CurrentOrganisationId}.");
        var (lead, team) = ProjectTeamPropagation.TeamOf(project!);
        submission.ChangeTeam(lead, team, _clock);
        var meeting = await _teams.RecordConflictsAsync(submission, cancellationToken).ConfigureAwait(false);
        await _unitOfWork.SaveAsync(submission, meeting, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records that a submission was presented at the meeting it is scheduled to.</summary>
    /// <param name="submissionId">The submission.</param>
    /// <param name="meetingId">The meeting.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when saved.</returns>
    /// <exception cref="InvalidInputException">An id is empty.</exception>
    /// <exception cref="RecordNotFoundException">The submission is unknown (<see cref="PeerReviewErrorCodes.SubmissionNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The submission is not scheduled (<see cref="PeerReviewErrorCodes.TransitionNotAllowed"/>), or is scheduled to another meeting (<see cref="PeerReviewErrorCodes.WrongMeeting"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the submission meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public async Task RecordPresentationAsync(ReviewSubmissionId submissionId, PanelMeetingId meetingId, CancellationToken cancellationToken)
    {
        var submission = await _submissions.RequireSubmissionAsync(submissionId, _organisation, cancellationToken).ConfigureAwait(false);
        submission.Present(meetingId, _clock);
        await _submissions.UpdateAsync(submission, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Compiles the panel's feedback at a meeting quorate for the item (members with a standing conflict about it do not
    /// count) from the reviews of members without a conflict, on the form the round was reviewed on (ratings
    /// summarised per criterion, reviewer agreement, recommendations), and issues it to the team. Only the submission
    /// changes; the meeting is read.
    /// </summary>
    /// <param name="meetingId">The meeting.</param>
    /// <param name="submissionId">The submission (presented at that meeting).</param>
    /// <param name="summary">The panel's overall message.</param>
    /// <param name="recommendations">The recommendations, in plain English.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The feedback issued.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="recommendations"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidInputException">The summary is blank, no recommendation is given or one is blank, an id is empty, or a text cannot be stored as given (see <see cref="Storage.IUnitOfWork.SaveAsync"/>).</exception>
    /// <exception cref="RecordNotFoundException">The meeting or submission is unknown (<see cref="PeerReviewErrorCodes.MeetingNotFound"/>, <see cref="PeerReviewErrorCodes.SubmissionNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The meeting is of another panel (<see cref="PeerReviewErrorCodes.PanelMismatch"/>), the panel has no form for the round (<see cref="PeerReviewErrorCodes.NoReviewForm"/>), the submission is not on the meeting's agenda (<see cref="PeerReviewErrorCodes.NotOnAgenda"/>), the meeting is not quorate for the item (<see cref="PeerReviewErrorCodes.QuorumNotMet"/>), there are no reviews to compile (<see cref="PeerReviewErrorCodes.NoReviews"/>), or the submission was not presented at the meeting (<see cref="PeerReviewErrorCodes.TransitionNotAllowed"/>, <see cref="PeerReviewErrorCodes.WrongMeeting"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the submission meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public async Task<PanelFeedback> IssueFeedbackAsync(PanelMeetingId meetingId, ReviewSubmissionId submissionId, string summary, IEnumerable<string> recommendations, CancellationToken cancellationToken)
    {
        Input.Required(summary);
        Guard.Against.Null(recommendations);
        var meeting = await _meetings.RequireMeetingAsync(meetingId, _organisation, cancellationToken).ConfigureAwait(false);
        var submission = await _submissions.RequireSubmissionAsync(submissionId, _organisation, cancellationToken).ConfigureAwait(false);
        PeerReviewLookups.EnsureSamePanel(submission, meeting);
        var panel = await _panels.RequirePanelAsync(meeting.PanelId, _organisation, cancellationToken).ConfigureAwait(false);
        var form = PeerReviewLookups.FormFor(panel, meeting, submission);
        var feedback = meeting.CompileFeedback(submissionId, submission.CurrentRound.Number, form, summary, recommendations, _clock);
        submission.IssueFeedback(feedback, _clock);
        await _submissions.UpdateAsync(submission, cancellationToken).ConfigureAwait(false);
        return feedback;
    }

    /// <summary>Records the team's action plan, checking that every action owner exists.</summary>
    /// <param name="submissionId">The submission.</param>
    /// <param name="responses">One answer per recommendation.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when saved.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="responses"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidInputException">A response or action is <see langword="null"/>, a decision is not defined, the id is empty, or a text cannot be stored as given (see <see cref="Storage.IUnitOfWork.SaveAsync"/>).</exception>
    /// <exception cref="RecordNotFoundException">The submission, an action owner or a recommendation answered is unknown (<see cref="PeerReviewErrorCodes.SubmissionNotFound"/>, <see cref="PeopleErrorCodes.ParticipantNotFound"/>, <see cref="PeerReviewErrorCodes.RecommendationNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">An action owner has been erased (<see cref="PeopleErrorCodes.ParticipantErased"/>), no feedback awaits a response (<see cref="PeerReviewErrorCodes.TransitionNotAllowed"/>), a recommendation is left unanswered (<see cref="PeerReviewErrorCodes.ActionPlanIncomplete"/>), or an answer is malformed: given twice, without a reason for adapting or declining, with actions for a declined recommendation or none for another, or with an action due before today (<see cref="PeerReviewErrorCodes.ActionPlanInvalid"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the submission meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public async Task ReceiveResponseAsync(ReviewSubmissionId submissionId, IEnumerable<PlannedResponse> responses, CancellationToken cancellationToken)
    {
        Guard.Against.Null(responses);
        var answers = responses.ToList();
        var submission = await _submissions.RequireSubmissionAsync(submissionId, _organisation, cancellationToken).ConfigureAwait(false);
        foreach (var owner in answers.Where(a => a?.Actions is not null).SelectMany(a => a.Actions).Where(x => x is not null).Select(x => x.OwnerId).Distinct())
        {
            await _participants.RequireParticipantAsync(owner, "an action owner", _organisation, cancellationToken).ConfigureAwait(false);
        }

        submission.ReceiveResponse(answers, _clock);
        await _submissions.UpdateAsync(submission, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records a follow-up report on an action.</summary>
    /// <param name="submissionId">The submission.</param>
    /// <param name="actionId">The action.</param>
    /// <param name="status">Implemented, in progress or not done.</param>
    /// <param name="impact">The impact seen, the progress, or why not.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when saved.</returns>
    /// <exception cref="InvalidInputException">The impact is blank, the status is not defined, an id is empty, or a text cannot be stored as given (see <see cref="Storage.IUnitOfWork.SaveAsync"/>).</exception>
    /// <exception cref="RecordNotFoundException">The submission or action is unknown (<see cref="PeerReviewErrorCodes.SubmissionNotFound"/>, <see cref="PeerReviewErrorCodes.ActionNotFound"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the submission meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public async Task RecordFollowUpAsync(ReviewSubmissionId submissionId, PlannedActionId actionId, FollowUpStatus status, string impact, CancellationToken cancellationToken)
    {
        Input.Required(impact);
        var submission = await _submissions.RequireSubmissionAsync(submissionId, _organisation, cancellationToken).ConfigureAwait(false);
        submission.RecordFollowUp(actionId, status, impact, _clock);
        await _submissions.UpdateAsync(submission, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Marks due for follow-up every submission whose action plan was received and whose earliest action has fallen due.</summary>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The submissions moved to <see cref="SubmissionState.FollowUpDue"/>.</returns>
    /// <exception cref="ConcurrencyConflictException">
    /// Someone changed one of the submissions meanwhile: it was not saved (those before it were); call again.
    /// </exception>
    public async Task<IReadOnlyList<ReviewSubmissionId>> MarkDueFollowUpsAsync(CancellationToken cancellationToken)
    {
        var today = Today();
        var moved = new List<ReviewSubmissionId>();
        foreach (var submission in await _submissions.ListByStateAsync(SubmissionState.ResponseReceived, cancellationToken).ConfigureAwait(false))
        {
            if (submission.EarliestDueDate() is not { } due || due <= today)
            {
                submission.MarkFollowUpDue(_clock);
                await _submissions.UpdateAsync(submission, cancellationToken).ConfigureAwait(false);
                moved.Add(submission.Id);
            }
        }

        return moved;
    }

    /// <summary>
    /// Lists the actions, in submissions neither closed nor withdrawn, whose due date has passed (before today) and
    /// whose latest follow-up is not Implemented, most overdue first. Each says whether its owner may be sent a reminder
    /// (<see cref="OverdueFollowUp.OwnerMayBeContacted"/>: their consent to be contacted is in force now).
    /// </summary>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The overdue follow-ups.</returns>
    public async Task<IReadOnlyList<OverdueFollowUp>> ListOverdueFollowUpsAsync(CancellationToken cancellationToken)
    {
        var today = Today();
        var now = _clock.GetUtcNow();
        var found = new List<(ReviewSubmission Submission, ReviewRound Round, PlannedAction Action, FollowUpStatus? Status)>();
        foreach (var submission in await _submissions.ListWithOpenActionsDueBeforeAsync(today, cancellationToken).ConfigureAwait(false))
        {
            foreach (var round in submission.Rounds)
            {
                foreach (var action in round.Actions)
                {
                    var status = round.LatestStatus(action.Id);
                    if (action.DueOn < today && status != FollowUpStatus.Implemented)
                    {
                        found.Add((submission, round, action, status));
                    }
                }
            }
        }

        // The owners' consent to be contacted, read in one query for them all.
        var owners = await _participants.FindManyAsync([.. found.Select(f => f.Action.OwnerId).Distinct()], cancellationToken).ConfigureAwait(false);
        var contactable = owners.Where(o => o.HasConsent(ConsentPurpose.Contact, now)).Select(o => o.Id).ToHashSet();
        var overdue = found.Select(f => new OverdueFollowUp(f.Submission.Id, f.Submission.ProjectId, f.Round.Number, f.Action, f.Status, today.DayNumber - f.Action.DueOn.DayNumber) { OwnerMayBeContacted = contactable.Contains(f.Action.OwnerId) }).ToList();

        return [.. overdue.OrderByDescending(o => o.DaysOverdue).ThenBy(o => o.Action.Id.Value)];
    }

    /// <summary>Closes a submission's round (FollowUpDue to Closed) once every action has a follow-up report.</summary>
    /// <param name="submissionId">The submission.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when saved.</returns>
    /// <exception cref="InvalidInputException">The id is empty.</exception>
    /// <exception cref="RecordNotFoundException">The submission is unknown (<see cref="PeerReviewErrorCodes.SubmissionNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The submission is not due for follow-up (<see cref="PeerReviewErrorCodes.TransitionNotAllowed"/>), or an action has no follow-up report (<see cref="PeerReviewErrorCodes.FollowUpIncomplete"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the submission meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public Task CloseAsync(ReviewSubmissionId submissionId, CancellationToken cancellationToken) =>
        ChangeSubmissionAsync(submissionId, s => s.Close(_clock), cancellationToken);

    /// <summary>Starts the next round of a closed submission: the project comes back to the panel (Closed to Draft).</summary>
    /// <param name="submissionId">The submission.</param>
    /// <param name="summary">What the team brings this time.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when saved.</returns>
    /// <exception cref="InvalidInputException">The summary is blank, the id is empty, or a text cannot be stored as given (see <see cref="Storage.IUnitOfWork.SaveAsync"/>).</exception>
    /// <exception cref="RecordNotFoundException">The submission is unknown (<see cref="PeerReviewErrorCodes.SubmissionNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The team has not yet answered the current round's feedback (the submission is not ResponseReceived, FollowUpDue or Closed) (<see cref="PeerReviewErrorCodes.TransitionNotAllowed"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the submission meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public Task StartNextRoundAsync(ReviewSubmissionId submissionId, string summary, CancellationToken cancellationToken)
    {
        Input.Required(summary);
        return ChangeSubmissionAsync(submissionId, s => s.StartNextRound(summary, _clock), cancellationToken);
    }

    /// <summary>Records the project lead's rating (1 to 5) of their experience of the current round, once feedback has been issued.</summary>
    /// <param name="submissionId">The submission.</param>
    /// <param name="rating">The rating, 1 (poor) to 5 (excellent).</param>
    /// <param name="comment">A comment, if any.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when saved.</returns>
    /// <exception cref="InvalidInputException">The id is empty, the rating is not 1 to 5, or a text cannot be stored as given (see <see cref="Storage.IUnitOfWork.SaveAsync"/>).</exception>
    /// <exception cref="RecordNotFoundException">The submission is unknown (<see cref="PeerReviewErrorCodes.SubmissionNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">No feedback was issued in the current round (<see cref="PeerReviewErrorCodes.FeedbackNotIssued"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the submission meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public Task RecordLeadExperienceAsync(ReviewSubmissionId submissionId, int rating, string? comment, CancellationToken cancellationToken) =>
        ChangeSubmissionAsync(submissionId, s => s.RecordLeadExperience(rating, comment, _clock), cancellationToken);

    private async Task ChangeSubmissionAsync(ReviewSubmissionId submissionId, Action<ReviewSubmission> change, CancellationToken cancellationToken)
    {
        var submission = await _submissions.RequireSubmissionAsync(submissionId, _organisation, cancellationToken).ConfigureAwait(false);
        change(submission);
        await _submissions.UpdateAsync(submission, cancellationToken).ConfigureAwait(false);
    }

    private DateOnly Today() => DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);

    /// <summary>Moves a submission off the agenda it is on (defer, withdraw): the submission and its meeting in one unit of work.</summary>
    private async Task LeaveAgendaAsync(ReviewSubmissionId submissionId, Action<ReviewSubmission> move, CancellationToken cancellationToken)
    {
        var submission = await _submissions.RequireSubmissionAsync(submissionId, _organisation, cancellationToken).ConfigureAwait(false);
        var meeting = await _meetings.AgendaMeetingOfAsync(submission, cancellationToken).ConfigureAwait(false);
        move(submission);
        meeting?.RemoveFromAgenda(submissionId, _clock);
        await _unitOfWork.SaveAsync(submission, meeting, cancellationToken).ConfigureAwait(false);
    }
}
