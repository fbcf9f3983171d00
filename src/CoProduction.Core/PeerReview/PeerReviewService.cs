using Ardalis.GuardClauses;
using CoProduction.Involvement.Projects;
using CoProduction.People;
using CoProduction.Primitives;
using CoProduction.Storage;
using Microsoft.Extensions.Options;

namespace CoProduction.PeerReview;

/// <summary>
/// Every use case of the patient-led peer review panel: panels, their members and review forms; submissions from
/// improvement projects through triage, scheduling, feedback, the team's response and follow-up; meetings with their
/// attendance, conflicts of interest, reviews and lead reviewers. It checks that people exist in the current
/// organisation and reads their roles from their records, keeps a submission in step with its project's team, and
/// saves a command that changes several aggregates (a submission and its meeting, a project and its submission) in one
/// unit of work, so it succeeds or fails whole.
/// </summary>
public sealed class PeerReviewService
{
    private readonly IPanelStore _panels;
    private readonly IReviewSubmissionStore _submissions;
    private readonly IPanelMeetingStore _meetings;
    private readonly IParticipantStore _participants;
    private readonly IImprovementProjectStore _projects;
    private readonly IUnitOfWork _unitOfWork;
    private readonly ProjectTeamPropagation _teams;
    private readonly IOrganisationContext _organisation;
    private readonly TimeProvider _clock;
    private readonly PeerReviewOptions _options;

    /// <summary>Initialises the service.</summary>
    /// <param name="panels">The panel store.</param>
    /// <param name="submissions">The submission store.</param>
    /// <param name="meetings">The meeting store.</param>
    /// <param name="participants">The participant store.</param>
    /// <param name="projects">The improvement project store (Involvement).</param>
    /// <param name="unitOfWork">Saves the aggregates of one command together.</param>
    /// <param name="organisation">The current organisation.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="options">The library's options.</param>
    public PeerReviewService(
        IPanelStore panels,
        IReviewSubmissionStore submissions,
        IPanelMeetingStore meetings,
        IParticipantStore participants,
        IImprovementProjectStore projects,
        IUnitOfWork unitOfWork,
        IOrganisationContext organisation,
        TimeProvider clock,
        IOptions<CoProductionOptions> options)
    {
        _unitOfWork = Guard.Against.Null(unitOfWork);
        _panels = Guard.Against.Null(panels);
        _submissions = Guard.Against.Null(submissions);
        _meetings = Guard.Against.Null(meetings);
        _participants = Guard.Against.Null(participants);
        _projects = Guard.Against.Null(projects);
        _organisation = Guard.Against.Null(organisation);
        _clock = Guard.Against.Null(clock);
        _options = Guard.Against.Null(options).Value.PeerReview;
        _teams = new ProjectTeamPropagation(submissions, meetings, panels, clock);
    }

    /// <summary>Finds a panel of the current organisation.</summary>
    /// <param name="panelId">The panel.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The panel, or <see langword="null"/> when there is none.</returns>
    public ValueTask<Panel?> FindPanelAsync(PanelId panelId, CancellationToken cancellationToken) => _panels.FindAsync(panelId, cancellationToken);

    /// <summary>Finds a submission of the current organisation.</summary>
    /// <param name="submissionId">The submission.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The submission, or <see langword="null"/> when there is none.</returns>
    public ValueTask<ReviewSubmission?> FindSubmissionAsync(ReviewSubmissionId submissionId, CancellationToken cancellationToken) => _submissions.FindAsync(submissionId, cancellationToken);

    /// <summary>Finds a panel meeting of the current organisation.</summary>
    /// <param name="meetingId">The meeting.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The meeting, or <see langword="null"/> when there is none.</returns>
    public ValueTask<PanelMeeting?> FindMeetingAsync(PanelMeetingId meetingId, CancellationToken cancellationToken) => _meetings.FindAsync(meetingId, cancellationToken);

    /// <summary>Establishes a panel in the current organisation.</summary>
    /// <param name="name">Its name.</param>
    /// <param name="termsOfReference">Its terms of reference.</param>
    /// <param name="quorumRule">Its quorum rule.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The panel, stored.</returns>
    public async Task<Panel> EstablishPanelAsync(string name, string termsOfReference, QuorumRule quorumRule, CancellationToken cancellationToken)
    {
        Guard.Against.NullOrWhiteSpace(name);
        Guard.Against.NullOrWhiteSpace(termsOfReference);
        Guard.Against.Null(quorumRule);
        var panel = Panel.Establish(_organisation.CurrentOrganisationId, name, termsOfReference, quorumRule, _clock);
        await _panels.AddAsync(panel, cancellationToken).ConfigureAwait(false);
        return panel;
    }

    /// <summary>Replaces a panel's terms of reference.</summary>
    /// <param name="panelId">The panel.</param>
    /// <param name="termsOfReference">The new terms of reference.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when saved.</returns>
    /// <exception cref="ArgumentException">The terms of reference are blank.</exception>
    /// <exception cref="DomainRuleViolationException">The panel is unknown (<see cref="PeerReviewErrorCodes.PanelNotFound"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the panel meanwhile; nothing was saved.</exception>
    public async Task ChangeTermsOfReferenceAsync(PanelId panelId, string termsOfReference, CancellationToken cancellationToken)
    {
        Guard.Against.NullOrWhiteSpace(termsOfReference);
        var panel = await RequirePanelAsync(panelId, cancellationToken).ConfigureAwait(false);
        panel.ChangeTermsOfReference(termsOfReference, _clock);
        await _panels.UpdateAsync(panel, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Changes a panel's quorum rule; meetings arranged from now on use it, meetings already arranged keep theirs.</summary>
    /// <param name="panelId">The panel.</param>
    /// <param name="quorumRule">The new rule.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when saved.</returns>
    /// <exception cref="DomainRuleViolationException">The panel is unknown.</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the panel meanwhile; nothing was saved.</exception>
    public async Task ChangeQuorumRuleAsync(PanelId panelId, QuorumRule quorumRule, CancellationToken cancellationToken)
    {
        Guard.Against.Null(quorumRule);
        var panel = await RequirePanelAsync(panelId, cancellationToken).ConfigureAwait(false);
        panel.ChangeQuorumRule(quorumRule, _clock);
        await _panels.UpdateAsync(panel, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ends a member's term of office early.</summary>
    /// <param name="panelId">The panel.</param>
    /// <param name="termId">The term (<see cref="PanelMember.Id"/>).</param>
    /// <param name="lastDay">The last day served.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when saved.</returns>
    /// <exception cref="DomainRuleViolationException">The panel or term is unknown, or the date is outside the term.</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the panel meanwhile; nothing was saved.</exception>
    public async Task EndTermAsync(PanelId panelId, Guid termId, DateOnly lastDay, CancellationToken cancellationToken)
    {
        var panel = await RequirePanelAsync(panelId, cancellationToken).ConfigureAwait(false);
        panel.EndTerm(termId, lastDay, _clock);
        await _panels.UpdateAsync(panel, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Defines a review form for rounds from <paramref name="appliesFromRound"/> on. Reviews already given on an
    /// earlier form keep counting: a round is compiled on the form its first review used.
    /// </summary>
    /// <param name="panelId">The panel.</param>
    /// <param name="name">The form's name.</param>
    /// <param name="appliesFromRound">The first round it applies to.</param>
    /// <param name="criteria">The rated criteria.</param>
    /// <param name="questions">The open questions.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The form.</returns>
    /// <exception cref="ArgumentException">The name is blank or the round is not positive.</exception>
    /// <exception cref="DomainRuleViolationException">The panel is unknown, or the form is invalid (no criterion, duplicate keys).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the panel meanwhile; nothing was saved.</exception>
    public async Task<ReviewForm> DefineReviewFormAsync(PanelId panelId, string name, int appliesFromRound, IEnumerable<ReviewCriterion> criteria, IEnumerable<ReviewQuestion> questions, CancellationToken cancellationToken)
    {
        Guard.Against.NullOrWhiteSpace(name);
        Guard.Against.Null(criteria);
        Guard.Against.Null(questions);
        var panel = await RequirePanelAsync(panelId, cancellationToken).ConfigureAwait(false);
        var form = panel.DefineReviewForm(name, appliesFromRound, criteria, questions, _clock);
        await _panels.UpdateAsync(panel, cancellationToken).ConfigureAwait(false);
        return form;
    }

    /// <summary>
    /// Appoints a member for a term of office, checking that they exist and that their roles fit: patient reviewers
    /// and chairs bring lived experience (patient, carer, service user or community member); facilitators are staff.
    /// </summary>
    /// <param name="panelId">The panel.</param>
    /// <param name="participantId">The member.</param>
    /// <param name="role">The panel role.</param>
    /// <param name="termStartsOn">The first day of the term.</param>
    /// <param name="termEndsOn">The last day of the term.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The term of office.</returns>
    public async Task<PanelMember> AppointMemberAsync(PanelId panelId, ParticipantId participantId, PanelRole role, DateOnly termStartsOn, DateOnly termEndsOn, CancellationToken cancellationToken)
    {
        Guard.Against.EnumOutOfRange(role);
        var panel = await RequirePanelAsync(panelId, cancellationToken).ConfigureAwait(false);
        var participant = await RequireParticipantAsync(participantId, "the new member", cancellationToken).ConfigureAwait(false);
        Rule.Require(
            role.IsPatientRole() ? participant.HasLivedExperience : participant.HasRole(ParticipantRole.Staff),
            PeerReviewErrorCodes.RoleMismatch,
            role.IsPatientRole()
                ? $"Participant {participantId} has no lived-experience role (patient partner, carer, service user or community member), so they cannot serve as {role}: a patient-led panel's reviewers and chair bring lived experience. Appoint them as StaffFacilitator, or add the role to their record first."
                : $"Participant {participantId} is not staff, so they cannot serve as {role}: appoint them as PatientReviewer, or add the Staff role to their record first.");
        var member = panel.AppointMember(participantId, role, termStartsOn, termEndsOn, _clock);
        await _panels.UpdateAsync(panel, cancellationToken).ConfigureAwait(false);
        return member;
    }

    /// <summary>Records the service areas of a member's lived experience.</summary>
    /// <param name="panelId">The panel.</param>
    /// <param name="memberId">The member.</param>
    /// <param name="serviceAreas">The service areas.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when saved.</returns>
    public async Task RecordLivedExperienceAsync(PanelId panelId, ParticipantId memberId, IEnumerable<string> serviceAreas, CancellationToken cancellationToken)
    {
        Guard.Against.Null(serviceAreas);
        var panel = await RequirePanelAsync(panelId, cancellationToken).ConfigureAwait(false);
        panel.RecordLivedExperience(memberId, serviceAreas, _clock);
        await _panels.UpdateAsync(panel, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Tells the panel that a member is a relative or carer of another participant, so that a conflict of interest
    /// is suggested whenever that person is on a project team presenting to the panel.
    /// </summary>
    /// <param name="panelId">The panel.</param>
    /// <param name="memberId">The member.</param>
    /// <param name="relatedParticipantId">The relative, or the person cared for (or caring).</param>
    /// <param name="kind">The link.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when saved.</returns>
    public async Task RegisterPersonalLinkAsync(PanelId panelId, ParticipantId memberId, ParticipantId relatedParticipantId, PersonalLinkKind kind, CancellationToken cancellationToken)
    {
        var panel = await RequirePanelAsync(panelId, cancellationToken).ConfigureAwait(false);
        await RequireParticipantAsync(relatedParticipantId, "the related person", cancellationToken).ConfigureAwait(false);
        panel.RegisterPersonalLink(memberId, relatedParticipantId, kind, _clock);
        await _panels.UpdateAsync(panel, cancellationToken).ConfigureAwait(false);
    }

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
    /// <exception cref="ArgumentException">The summary is blank.</exception>
    /// <exception cref="DomainRuleViolationException">
    /// The panel or project is unknown (<see cref="PeerReviewErrorCodes.PanelNotFound"/>,
    /// <see cref="Involvement.InvolvementErrorCodes.ProjectNotFound"/>), the project has no current lead
    /// (<see cref="PeerReviewErrorCodes.ProjectHasNoLead"/>), or it already has a live submission
    /// (<see cref="PeerReviewErrorCodes.ProjectAlreadySubmitted"/>).
    /// </exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the project meanwhile (such as drafting another submission): nothing was saved.</exception>
    public async Task<ReviewSubmission> DraftSubmissionAsync(PanelId panelId, ImprovementProjectId projectId, string summary, CancellationToken cancellationToken)
    {
        Guard.Against.EmptyId(projectId);
        Guard.Against.NullOrWhiteSpace(summary);
        await RequirePanelAsync(panelId, cancellationToken).ConfigureAwait(false);
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
    /// <exception cref="DomainRuleViolationException">The submission is unknown, or not a draft or returned for changes (<see cref="PeerReviewErrorCodes.TransitionNotAllowed"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the submission meanwhile; nothing was saved.</exception>
    public Task SubmitAsync(ReviewSubmissionId submissionId, CancellationToken cancellationToken) =>
        ChangeSubmissionAsync(submissionId, s => s.Submit(_clock), cancellationToken);

    /// <summary>Accepts a submitted submission for review at triage (Submitted to Accepted).</summary>
    /// <param name="submissionId">The submission.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when saved.</returns>
    /// <exception cref="DomainRuleViolationException">The submission is unknown, or not waiting for triage.</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the submission meanwhile; nothing was saved.</exception>
    public Task AcceptAsync(ReviewSubmissionId submissionId, CancellationToken cancellationToken) =>
        ChangeSubmissionAsync(submissionId, s => s.Accept(_clock), cancellationToken);

    /// <summary>Returns a submitted submission to the team for changes at triage (Submitted to ReturnedForChanges).</summary>
    /// <param name="submissionId">The submission.</param>
    /// <param name="reason">What the team needs to change, in plain English.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when saved.</returns>
    /// <exception cref="ArgumentException">The reason is blank.</exception>
    /// <exception cref="DomainRuleViolationException">The submission is unknown, or not waiting for triage.</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the submission meanwhile; nothing was saved.</exception>
    public Task ReturnForChangesAsync(ReviewSubmissionId submissionId, string reason, CancellationToken cancellationToken)
    {
        Guard.Against.NullOrWhiteSpace(reason);
        return ChangeSubmissionAsync(submissionId, s => s.ReturnForChanges(reason, _clock), cancellationToken);
    }

    /// <summary>Declines a submitted submission at triage, with a reason (Submitted to Declined, which is final).</summary>
    /// <param name="submissionId">The submission.</param>
    /// <param name="reason">Why, in plain English (for example: out of the panel's scope, and where to go instead).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when saved.</returns>
    /// <exception cref="ArgumentException">The reason is blank.</exception>
    /// <exception cref="DomainRuleViolationException">The submission is unknown, or not waiting for triage.</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the submission meanwhile; nothing was saved.</exception>
    public Task DeclineAsync(ReviewSubmissionId submissionId, string reason, CancellationToken cancellationToken)
    {
        Guard.Against.NullOrWhiteSpace(reason);
        return ChangeSubmissionAsync(submissionId, s => s.Decline(reason, _clock), cancellationToken);
    }

    /// <summary>
    /// Withdraws a submission before it is presented (final), taking it off the agenda of the meeting it was scheduled
    /// to in the same unit of work.
    /// </summary>
    /// <param name="submissionId">The submission.</param>
    /// <param name="reason">Why.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when saved.</returns>
    /// <exception cref="ArgumentException">The reason is blank.</exception>
    /// <exception cref="DomainRuleViolationException">The submission is unknown, has been presented, or is already final.</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the submission or its meeting meanwhile; nothing was saved.</exception>
    public async Task WithdrawAsync(ReviewSubmissionId submissionId, string reason, CancellationToken cancellationToken)
    {
        Guard.Against.NullOrWhiteSpace(reason);
        var submission = await RequireSubmissionAsync(submissionId, cancellationToken).ConfigureAwait(false);
        var meeting = await AgendaMeetingOfAsync(submission, cancellationToken).ConfigureAwait(false);
        submission.Withdraw(reason, _clock);
        meeting?.RemoveFromAgenda(submissionId, _clock);
        await SaveAsync(submission, meeting, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Closes a submission's round (FollowUpDue to Closed) once every action has a follow-up report.</summary>
    /// <param name="submissionId">The submission.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when saved.</returns>
    /// <exception cref="DomainRuleViolationException">The submission is unknown, not due for follow-up, or an action has no follow-up report.</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the submission meanwhile; nothing was saved.</exception>
    public Task CloseAsync(ReviewSubmissionId submissionId, CancellationToken cancellationToken) =>
        ChangeSubmissionAsync(submissionId, s => s.Close(_clock), cancellationToken);

    /// <summary>Starts the next round of a closed submission: the project comes back to the panel (Closed to Draft).</summary>
    /// <param name="submissionId">The submission.</param>
    /// <param name="summary">What the team brings this time.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when saved.</returns>
    /// <exception cref="ArgumentException">The summary is blank.</exception>
    /// <exception cref="DomainRuleViolationException">The submission is unknown or not closed.</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the submission meanwhile; nothing was saved.</exception>
    public Task StartNextRoundAsync(ReviewSubmissionId submissionId, string summary, CancellationToken cancellationToken)
    {
        Guard.Against.NullOrWhiteSpace(summary);
        return ChangeSubmissionAsync(submissionId, s => s.StartNextRound(summary, _clock), cancellationToken);
    }

    /// <summary>Records the project lead's rating (1 to 5) of their experience of the current round, once feedback has been issued.</summary>
    /// <param name="submissionId">The submission.</param>
    /// <param name="rating">The rating, 1 (poor) to 5 (excellent).</param>
    /// <param name="comment">A comment, if any.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when saved.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The rating is not 1 to 5.</exception>
    /// <exception cref="DomainRuleViolationException">The submission is unknown, or no feedback was issued in the round.</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the submission meanwhile; nothing was saved.</exception>
    public Task RecordLeadExperienceAsync(ReviewSubmissionId submissionId, int rating, string? comment, CancellationToken cancellationToken) =>
        ChangeSubmissionAsync(submissionId, s => s.RecordLeadExperience(rating, comment, _clock), cancellationToken);

    /// <summary>Arranges a meeting of a panel under the panel's current quorum rule.</summary>
    /// <param name="panelId">The panel.</param>
    /// <param name="date">The date.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The meeting, stored.</returns>
    public async Task<PanelMeeting> ArrangeMeetingAsync(PanelId panelId, DateOnly date, CancellationToken cancellationToken)
    {
        var panel = await RequirePanelAsync(panelId, cancellationToken).ConfigureAwait(false);
        var meeting = PanelMeeting.Arrange(_organisation.CurrentOrganisationId, panelId, date, panel.QuorumRule, _clock);
        await _meetings.AddAsync(meeting, cancellationToken).ConfigureAwait(false);
        return meeting;
    }

    /// <summary>Schedules an accepted (or deferred) submission to a meeting of its panel, with a time-boxed agenda slot.</summary>
    /// <param name="submissionId">The submission.</param>
    /// <param name="meetingId">The meeting.</param>
    /// <param name="startsAt">When its slot starts.</param>
    /// <param name="durationMinutes">Its time box.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The agenda slot.</returns>
    public async Task<AgendaSlot> ScheduleAsync(ReviewSubmissionId submissionId, PanelMeetingId meetingId, TimeOnly startsAt, int durationMinutes, CancellationToken cancellationToken)
    {
        var submission = await RequireSubmissionAsync(submissionId, cancellationToken).ConfigureAwait(false);
        var meeting = await RequireMeetingAsync(meetingId, cancellationToken).ConfigureAwait(false);
        EnsureSamePanel(submission, meeting);
        submission.Schedule(meetingId, _clock);
        var slot = meeting.AddAgendaSlot($"{submission.Title} (round {submission.CurrentRound.Number})", startsAt, durationMinutes, submissionId, _clock);
        var panel = await RequirePanelAsync(meeting.PanelId, cancellationToken).ConfigureAwait(false);
        ProjectTeamPropagation.RecordConflicts(meeting, panel, submission, _clock);
        // One unit of work: the submission's version is claimed, so two schedulings of one submission cannot both commit,
        // and a refusal on either aggregate leaves both as they were.
        await _unitOfWork.SaveAsync([AggregateChange.Update(submission), AggregateChange.Update(meeting)], cancellationToken).ConfigureAwait(false);
        return slot;
    }

    /// <summary>Defers an accepted or scheduled submission, taking it off its meeting's agenda.</summary>
    /// <param name="submissionId">The submission.</param>
    /// <param name="reason">Why.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when saved.</returns>
    public async Task DeferAsync(ReviewSubmissionId submissionId, string reason, CancellationToken cancellationToken)
    {
        Guard.Against.NullOrWhiteSpace(reason);
        var submission = await RequireSubmissionAsync(submissionId, cancellationToken).ConfigureAwait(false);
        var meeting = await AgendaMeetingOfAsync(submission, cancellationToken).ConfigureAwait(false);
        submission.Defer(reason, _clock);
        meeting?.RemoveFromAgenda(submissionId, _clock);
        await SaveAsync(submission, meeting, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Records someone's attendance at a meeting: their panel role on the meeting date is taken from the panel (none
    /// for presenters and guests) and counts towards the quorum only while their participant record bears it out (a
    /// lived-experience role for patient reviewers and chairs, the Staff role for facilitators); their consent to
    /// recording is read from their participant record now.
    /// </summary>
    /// <param name="meetingId">The meeting.</param>
    /// <param name="participantId">The person.</param>
    /// <param name="status">Present, apologies or absent.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The record.</returns>
    public async Task<MeetingAttendance> RecordAttendanceAsync(PanelMeetingId meetingId, ParticipantId participantId, AttendanceStatus status, CancellationToken cancellationToken)
    {
        var meeting = await RequireMeetingAsync(meetingId, cancellationToken).ConfigureAwait(false);
        var panel = await RequirePanelAsync(meeting.PanelId, cancellationToken).ConfigureAwait(false);
        var participant = await RequireParticipantAsync(participantId, "the attendee", cancellationToken).ConfigureAwait(false);
        var role = RoleFromRecords(panel.ServingMember(participantId, meeting.Date)?.Role, participant);
        meeting.RecordAttendance(participantId, role, status, participant.HasConsent(ConsentPurpose.Recording, _clock.GetUtcNow()), _clock);
        await _meetings.UpdateAsync(meeting, cancellationToken).ConfigureAwait(false);
        return meeting.Attendance.Single(a => a.ParticipantId == participantId);
    }

    /// <summary>
    /// Chooses who chairs a meeting: someone recorded as present who serves on the panel on the meeting date (a
    /// patient member, for the quorum's patient chair; the panel chair normally, or a patient reviewer standing in).
    /// </summary>
    /// <param name="meetingId">The meeting.</param>
    /// <param name="participantId">The chair.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>Whether the meeting is now quorate, and what it lacks if not.</returns>
    public async Task<QuorumCheck> ChooseChairAsync(PanelMeetingId meetingId, ParticipantId participantId, CancellationToken cancellationToken)
    {
        var meeting = await RequireMeetingAsync(meetingId, cancellationToken).ConfigureAwait(false);
        var panel = await RequirePanelAsync(meeting.PanelId, cancellationToken).ConfigureAwait(false);
        Rule.Require(
            panel.ServingMember(participantId, meeting.Date) is not null,
            PeerReviewErrorCodes.NotAMember,
            $"Participant {participantId} does not serve on panel {panel.Id} on {meeting.Date:yyyy-MM-dd}, so they cannot chair its meeting: choose a serving member.");
        meeting.ChooseChair(participantId, _clock);
        await _meetings.UpdateAsync(meeting, cancellationToken).ConfigureAwait(false);
        return meeting.CheckQuorum();
    }

    /// <summary>
    /// Reads a submission's project lead and team again from its project's record (the project service does this
    /// whenever the team changes) and records or lifts the project-team conflicts of interest at the meeting it is
    /// scheduled to, in one unit of work.
    /// </summary>
    /// <param name="submissionId">The submission.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when saved.</returns>
    /// <exception cref="DomainRuleViolationException">The submission or its project is unknown, the project has no current lead, or the submission is final.</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the submission or its meeting meanwhile; nothing was saved.</exception>
    public async Task RefreshTeamAsync(ReviewSubmissionId submissionId, CancellationToken cancellationToken)
    {
        var submission = await RequireSubmissionAsync(submissionId, cancellationToken).ConfigureAwait(false);
        var project = await _projects.FindAsync(submission.ProjectId, cancellationToken).ConfigureAwait(false);
        Rule.Require(project is not null, Involvement.InvolvementErrorCodes.ProjectNotFound, $"Submission {submissionId}'s project {submission.ProjectId} no longer exists in organisation {_organisation.CurrentOrganisationId}.");
        var (lead, team) = ProjectTeamPropagation.TeamOf(project!);
        submission.ChangeTeam(lead, team, _clock);
        var meeting = await _teams.RecordConflictsAsync(submission, cancellationToken).ConfigureAwait(false);
        await SaveAsync(submission, meeting, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Starts recording a meeting after checking, against each participant record now, that everyone present
    /// consents to recording (consent may have been withdrawn since attendance was taken).
    /// </summary>
    /// <param name="meetingId">The meeting.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when saved.</returns>
    public async Task StartRecordingAsync(PanelMeetingId meetingId, CancellationToken cancellationToken)
    {
        var meeting = await RequireMeetingAsync(meetingId, cancellationToken).ConfigureAwait(false);
        var now = _clock.GetUtcNow();
        var without = new List<ParticipantId>();
        foreach (var attendee in meeting.Attendance.Where(a => a.Status == AttendanceStatus.Present))
        {
            var participant = await _participants.FindAsync(attendee.ParticipantId, cancellationToken).ConfigureAwait(false);
            if (participant is null || !participant.HasConsent(ConsentPurpose.Recording, now))
            {
                without.Add(attendee.ParticipantId);
            }
        }

        Rule.Require(
            without.Count == 0,
            PeerReviewErrorCodes.RecordingConsentMissing,
            $"Meeting {meetingId} cannot be recorded: {without.Count} person(s) present have no consent to recording in force now ({string.Join(", ", without)}). Ask them, record their consent (ConsentPurpose.Recording), or do not record.");
        meeting.StartRecording(_clock);
        await _meetings.UpdateAsync(meeting, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Suggests conflicts of interest for every submission on a meeting's agenda and every patient member serving on
    /// the meeting date: a member registered as a relative or carer of someone on the team; and, when <see cref="PeerReviewOptions.SuggestSameServiceAreaConflicts"/> is set, a member with lived
    /// experience of the project's service area. Suggestions already recorded (or dismissed) are not repeated. A member
    /// who is the project lead or on the team has a conflict recorded (not suggested) when the submission is scheduled,
    /// which cannot be dismissed; this call records any that are missing too.
    /// </summary>
    /// <param name="meetingId">The meeting.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The new suggestions.</returns>
    public async Task<IReadOnlyList<ConflictOfInterest>> SuggestConflictsAsync(PanelMeetingId meetingId, CancellationToken cancellationToken)
    {
        var meeting = await RequireMeetingAsync(meetingId, cancellationToken).ConfigureAwait(false);
        var panel = await RequirePanelAsync(meeting.PanelId, cancellationToken).ConfigureAwait(false);
        var suggestions = SuggestConflicts(meeting, panel, await AgendaSubmissionsAsync(meeting, cancellationToken).ConfigureAwait(false));
        if (meeting.PendingEvents.Count > 0)
        {
            await _meetings.UpdateAsync(meeting, cancellationToken).ConfigureAwait(false);
        }

        return suggestions;
    }

    /// <summary>
    /// Chooses lead reviewers for every submission on a meeting's agenda with
    /// <see cref="Scoring.ReviewerAssignment.Solve"/>: the patient members serving on the meeting date (less those
    /// who sent apologies or were absent) are matched to submissions to maximise relevance (1 for lived experience
    /// of the submission's service area, else <see cref="PeerReviewOptions.RelevanceWithoutLivedExperience"/>),
    /// with <see cref="PeerReviewOptions.LeadReviewersPerSubmission"/> per submission, at most
    /// <see cref="PeerReviewOptions.MaximumLeadReviewsPerReviewer"/> per reviewer, and nobody on a submission they
    /// have a standing conflict about. Conflicts are suggested from the data first (as <see cref="SuggestConflictsAsync"/>).
    /// </summary>
    /// <param name="meetingId">The meeting.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The lead reviewers chosen.</returns>
    /// <exception cref="DomainRuleViolationException">The agenda has no submission, or no choice meets the bounds (nothing is saved).</exception>
    public async Task<IReadOnlyList<LeadReviewerAssignment>> AssignLeadReviewersAsync(PanelMeetingId meetingId, CancellationToken cancellationToken)
    {
        var meeting = await RequireMeetingAsync(meetingId, cancellationToken).ConfigureAwait(false);
        var panel = await RequirePanelAsync(meeting.PanelId, cancellationToken).ConfigureAwait(false);
        var submissions = await AgendaSubmissionsAsync(meeting, cancellationToken).ConfigureAwait(false);
        Rule.Require(submissions.Count > 0, PeerReviewErrorCodes.NotOnAgenda, $"Meeting {meetingId} has no submission on its agenda: schedule submissions to it before choosing lead reviewers.");
        SuggestConflicts(meeting, panel, submissions);
        var unavailable = meeting.Attendance.Where(a => a.Status != AttendanceStatus.Present).Select(a => a.ParticipantId).ToHashSet();
        var reviewers = panel.MembersServingOn(meeting.Date)
            .Where(m => m.Role.IsPatientRole() && !unavailable.Contains(m.ParticipantId))
            .Select(m => m.ParticipantId)
            .Distinct()
            .ToList();
        Rule.Require(reviewers.Count > 0, PeerReviewErrorCodes.AssignmentInfeasible, $"Panel {panel.Id} has no patient member available on {meeting.Date:yyyy-MM-dd}: appoint reviewers before choosing lead reviewers.");
        var affinity = new double[reviewers.Count, submissions.Count];
        var conflicts = new bool[reviewers.Count, submissions.Count];
        for (var r = 0; r < reviewers.Count; r++)
        {
            for (var s = 0; s < submissions.Count; s++)
            {
                affinity[r, s] = panel.HasLivedExperienceOf(reviewers[r], submissions[s].ServiceArea) ? 1.0 : _options.RelevanceWithoutLivedExperience;
                conflicts[r, s] = meeting.IsConflicted(reviewers[r], submissions[s].Id);
            }
        }

        var problem = new Scoring.AssignmentProblem(
            affinity,
            new int[reviewers.Count],
            [.. Enumerable.Repeat(_options.MaximumLeadReviewsPerReviewer, reviewers.Count)],
            [.. Enumerable.Repeat(_options.LeadReviewersPerSubmission, submissions.Count)],
            conflicts);
        Scoring.AssignmentResult result;
        try
        {
            result = Scoring.ReviewerAssignment.Solve(problem);
        }
        catch (Scoring.InfeasibleAssignmentException ex)
        {
            throw new DomainRuleViolationException(
                PeerReviewErrorCodes.AssignmentInfeasible,
                $"Lead reviewers cannot be chosen for the {submissions.Count} submission(s) on meeting {meetingId}'s agenda: {reviewers.Count} patient member(s) are available, each submission needs {_options.LeadReviewersPerSubmission} and each reviewer may lead at most {_options.MaximumLeadReviewsPerReviewer}, with conflicts excluded ({ex.Message}). Appoint or invite more reviewers, move a submission to another meeting, or change PeerReviewOptions.");
        }

        var assignments = result.Pairs
            .Select(p => new LeadReviewerAssignment(submissions[p.Submission].Id, reviewers[p.Reviewer]))
            .ToList();
        meeting.AssignLeadReviewers(assignments, _clock);
        await _meetings.UpdateAsync(meeting, cancellationToken).ConfigureAwait(false);
        return assignments;
    }

    /// <summary>Records a conflict of interest declared by (or for) a reviewer about a submission on the agenda.</summary>
    /// <param name="meetingId">The meeting.</param>
    /// <param name="reviewerId">The reviewer.</param>
    /// <param name="submissionId">The submission.</param>
    /// <param name="kind">The kind of interest.</param>
    /// <param name="note">What the interest is.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The conflict.</returns>
    public async Task<ConflictOfInterest> DeclareConflictAsync(PanelMeetingId meetingId, ParticipantId reviewerId, ReviewSubmissionId submissionId, ConflictKind kind, string note, CancellationToken cancellationToken)
    {
        Guard.Against.NullOrWhiteSpace(note);
        var meeting = await RequireMeetingAsync(meetingId, cancellationToken).ConfigureAwait(false);
        await RequireParticipantAsync(reviewerId, "the reviewer", cancellationToken).ConfigureAwait(false);
        var conflict = meeting.DeclareConflict(reviewerId, submissionId, kind, note, _clock);
        await _meetings.UpdateAsync(meeting, cancellationToken).ConfigureAwait(false);
        return conflict;
    }

    /// <summary>Dismisses a suggested conflict of interest, with a reason.</summary>
    /// <param name="meetingId">The meeting.</param>
    /// <param name="conflictId">The conflict.</param>
    /// <param name="reason">Why it is not a conflict.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when saved.</returns>
    public async Task DismissConflictAsync(PanelMeetingId meetingId, ConflictOfInterestId conflictId, string reason, CancellationToken cancellationToken)
    {
        Guard.Against.NullOrWhiteSpace(reason);
        var meeting = await RequireMeetingAsync(meetingId, cancellationToken).ConfigureAwait(false);
        meeting.DismissConflict(conflictId, reason, _clock);
        await _meetings.UpdateAsync(meeting, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Records a review of a submission's current round at the meeting it is scheduled to, on the form the round is being
    /// reviewed on (the panel's form for the round, or the form of the reviews already given). The reviewer must be a
    /// patient member serving on the meeting date, without a standing conflict of interest (declared, recorded from the
    /// project team, or suggested and not dismissed).
    /// </summary>
    /// <param name="meetingId">The meeting.</param>
    /// <param name="reviewerId">The reviewer.</param>
    /// <param name="submissionId">The submission.</param>
    /// <param name="ratings">A rating per criterion key.</param>
    /// <param name="answers">Answers per question key.</param>
    /// <param name="comments">General comments, if any.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The review.</returns>
    public async Task<Review> SubmitReviewAsync(
        PanelMeetingId meetingId,
        ParticipantId reviewerId,
        ReviewSubmissionId submissionId,
        IReadOnlyDictionary<string, int> ratings,
        IReadOnlyDictionary<string, string> answers,
        string? comments,
        CancellationToken cancellationToken)
    {
        Guard.Against.Null(ratings);
        Guard.Against.Null(answers);
        var meeting = await RequireMeetingAsync(meetingId, cancellationToken).ConfigureAwait(false);
        var submission = await RequireSubmissionAsync(submissionId, cancellationToken).ConfigureAwait(false);
        EnsureSamePanel(submission, meeting);
        var panel = await RequirePanelAsync(meeting.PanelId, cancellationToken).ConfigureAwait(false);
        await RequireParticipantAsync(reviewerId, "the reviewer", cancellationToken).ConfigureAwait(false);
        var term = panel.ServingMember(reviewerId, meeting.Date);
        Rule.Require(
            term is not null && term.Role.IsPatientRole(),
            PeerReviewErrorCodes.NotAMember,
            $"Participant {reviewerId} is not a patient member of panel {panel.Id} serving on {meeting.Date:yyyy-MM-dd}{(term is null ? string.Empty : $" (they serve as {term.Role})")}: reviews come from patient reviewers and the chair.");
        Rule.Require(
            submission.State is SubmissionState.Scheduled or SubmissionState.Presented && submission.CurrentRound.MeetingId == meetingId,
            PeerReviewErrorCodes.WrongMeeting,
            $"Submission {submissionId} is {submission.State}{(submission.CurrentRound.MeetingId is { } m ? $" for meeting {m}" : string.Empty)}: it can be reviewed at meeting {meetingId} only while scheduled to it or just presented there.");
        ProjectTeamPropagation.RecordConflicts(meeting, panel, submission, _clock);
        var form = FormFor(panel, meeting, submission);
        var review = meeting.SubmitReview(reviewerId, submissionId, submission.CurrentRound.Number, form, ratings, answers, comments, _clock);
        await _meetings.UpdateAsync(meeting, cancellationToken).ConfigureAwait(false);
        return review;
    }

    /// <summary>Records that a submission was presented at the meeting it is scheduled to.</summary>
    /// <param name="submissionId">The submission.</param>
    /// <param name="meetingId">The meeting.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when saved.</returns>
    public async Task RecordPresentationAsync(ReviewSubmissionId submissionId, PanelMeetingId meetingId, CancellationToken cancellationToken)
    {
        var submission = await RequireSubmissionAsync(submissionId, cancellationToken).ConfigureAwait(false);
        submission.Present(meetingId, _clock);
        await _submissions.UpdateAsync(submission, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Compiles the panel's feedback at a meeting quorate for the item (members with a standing conflict about it do not
    /// count) from the reviews of members without a conflict, on the form the round was reviewed on (ratings
    /// summarised per criterion, reviewer agreement, recommendations), and issues it to the team.
    /// </summary>
    /// <param name="meetingId">The meeting.</param>
    /// <param name="submissionId">The submission (presented at that meeting).</param>
    /// <param name="summary">The panel's overall message.</param>
    /// <param name="recommendations">The recommendations, in plain English.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The feedback issued.</returns>
    public async Task<PanelFeedback> IssueFeedbackAsync(PanelMeetingId meetingId, ReviewSubmissionId submissionId, string summary, IEnumerable<string> recommendations, CancellationToken cancellationToken)
    {
        Guard.Against.NullOrWhiteSpace(summary);
        Guard.Against.Null(recommendations);
        var meeting = await RequireMeetingAsync(meetingId, cancellationToken).ConfigureAwait(false);
        var submission = await RequireSubmissionAsync(submissionId, cancellationToken).ConfigureAwait(false);
        EnsureSamePanel(submission, meeting);
        var panel = await RequirePanelAsync(meeting.PanelId, cancellationToken).ConfigureAwait(false);
        var form = FormFor(panel, meeting, submission);
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
    public async Task ReceiveResponseAsync(ReviewSubmissionId submissionId, IEnumerable<PlannedResponse> responses, CancellationToken cancellationToken)
    {
        Guard.Against.Null(responses);
        var answers = responses.ToList();
        var submission = await RequireSubmissionAsync(submissionId, cancellationToken).ConfigureAwait(false);
        foreach (var owner in answers.Where(a => a?.Actions is not null).SelectMany(a => a.Actions).Where(x => x is not null).Select(x => x.OwnerId).Distinct())
        {
            await RequireParticipantAsync(owner, "an action owner", cancellationToken).ConfigureAwait(false);
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
    public async Task RecordFollowUpAsync(ReviewSubmissionId submissionId, PlannedActionId actionId, FollowUpStatus status, string impact, CancellationToken cancellationToken)
    {
        Guard.Against.NullOrWhiteSpace(impact);
        var submission = await RequireSubmissionAsync(submissionId, cancellationToken).ConfigureAwait(false);
        submission.RecordFollowUp(actionId, status, impact, _clock);
        await _submissions.UpdateAsync(submission, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Marks due for follow-up every submission whose action plan was received and whose earliest action has fallen due.</summary>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The submissions moved to <see cref="SubmissionState.FollowUpDue"/>.</returns>
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
    /// whose latest follow-up is not Implemented, most overdue first.
    /// </summary>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The overdue follow-ups.</returns>
    public async Task<IReadOnlyList<OverdueFollowUp>> ListOverdueFollowUpsAsync(CancellationToken cancellationToken)
    {
        var today = Today();
        var overdue = new List<OverdueFollowUp>();
        foreach (var submission in await _submissions.ListWithOpenActionsDueBeforeAsync(today, cancellationToken).ConfigureAwait(false))
        {
            foreach (var round in submission.Rounds)
            {
                foreach (var action in round.Actions)
                {
                    var status = round.LatestStatus(action.Id);
                    if (action.DueOn < today && status != FollowUpStatus.Implemented)
                    {
                        overdue.Add(new OverdueFollowUp(submission.Id, submission.ProjectId, round.Number, action, status, today.DayNumber - action.DueOn.DayNumber));
                    }
                }
            }
        }

        return [.. overdue.OrderByDescending(o => o.DaysOverdue).ThenBy(o => o.Action.Id.Value)];
    }

    /// <summary>Evaluates a panel over a period (see <see cref="PanelEvaluator.Evaluate"/>).</summary>
    /// <param name="panelId">The panel.</param>
    /// <param name="from">The first day, or <see langword="null"/>.</param>
    /// <param name="to">The last day, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The evaluation.</returns>
    public async Task<PanelEvaluation> EvaluatePanelAsync(PanelId panelId, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var panel = await RequirePanelAsync(panelId, cancellationToken).ConfigureAwait(false);
        var submissions = await _submissions.ListByPanelAsync(panelId, cancellationToken).ConfigureAwait(false);
        var meetings = await _meetings.ListByPanelAsync(panelId, cancellationToken).ConfigureAwait(false);
        return PanelEvaluator.Evaluate(panel, submissions, meetings, from, to);
    }

    private async Task<List<ReviewSubmission>> AgendaSubmissionsAsync(PanelMeeting meeting, CancellationToken cancellationToken)
    {
        var submissions = new List<ReviewSubmission>();
        foreach (var slot in meeting.Agenda.Where(s => s.SubmissionId is not null))
        {
            submissions.Add(await RequireSubmissionAsync(slot.SubmissionId!.Value, cancellationToken).ConfigureAwait(false));
        }

        return submissions;
    }

    private List<ConflictOfInterest> SuggestConflicts(PanelMeeting meeting, Panel panel, List<ReviewSubmission> submissions)
    {
        foreach (var submission in submissions)
        {
            ProjectTeamPropagation.RecordConflicts(meeting, panel, submission, _clock);
        }

        var reviewers = panel.MembersServingOn(meeting.Date).Where(m => m.Role.IsPatientRole()).Select(m => m.ParticipantId).Distinct().ToList();
        var suggestions = new List<ConflictOfInterest>();
        foreach (var submission in submissions)
        {
            foreach (var reviewer in reviewers)
            {
                var link = panel.PersonalLinks.FirstOrDefault(l => l.MemberId == reviewer && submission.IsOnProjectTeam(l.RelatedParticipantId));
                if (link is not null)
                {
                    Add(meeting.SuggestConflict(reviewer, submission.Id, ConflictKind.RelativeOrCarer, $"The register of interests shows the reviewer and someone on the project team are {(link.Kind == PersonalLinkKind.Relative ? "relatives" : "carer and cared-for")}.", _clock));
                }

                if (_options.SuggestSameServiceAreaConflicts && panel.HasLivedExperienceOf(reviewer, submission.ServiceArea))
                {
                    Add(meeting.SuggestConflict(reviewer, submission.Id, ConflictKind.SameServiceArea, $"The reviewer has lived experience of {submission.ServiceArea}, which this trust treats as a conflict.", _clock));
                }
            }
        }

        return suggestions;

        void Add(ConflictOfInterest? suggestion)
        {
            if (suggestion is not null)
            {
                suggestions.Add(suggestion);
            }
        }
    }

    private static PanelRole? RoleFromRecords(PanelRole? role, Participant participant) => role switch
    {
        { } r when r.IsPatientRole() && !participant.HasLivedExperience => null,
        PanelRole.StaffFacilitator when !participant.HasRole(ParticipantRole.Staff) => null,
        _ => role,
    };

    private static ReviewForm FormFor(Panel panel, PanelMeeting meeting, ReviewSubmission submission) =>
        meeting.FormInUse(submission.Id, submission.CurrentRound.Number) is { } inUse && panel.FindForm(inUse) is { } form
            ? form
            : panel.RequireFormForRound(submission.CurrentRound.Number);

    private async Task ChangeSubmissionAsync(ReviewSubmissionId submissionId, Action<ReviewSubmission> change, CancellationToken cancellationToken)
    {
        var submission = await RequireSubmissionAsync(submissionId, cancellationToken).ConfigureAwait(false);
        change(submission);
        await _submissions.UpdateAsync(submission, cancellationToken).ConfigureAwait(false);
    }

    private async Task<PanelMeeting?> AgendaMeetingOfAsync(ReviewSubmission submission, CancellationToken cancellationToken)
    {
        if (submission.CurrentRound.MeetingId is not { } meetingId)
        {
            return null;
        }

        var meeting = await _meetings.FindAsync(meetingId, cancellationToken).ConfigureAwait(false);
        return meeting is not null && meeting.IsOnAgenda(submission.Id) ? meeting : null;
    }

    private Task SaveAsync(ReviewSubmission submission, PanelMeeting? meeting, CancellationToken cancellationToken) =>
        _unitOfWork.SaveAsync(
            meeting is null ? [AggregateChange.Update(submission)] : [AggregateChange.Update(submission), AggregateChange.Update(meeting)],
            cancellationToken);

    private DateOnly Today() => DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);

    private static void EnsureSamePanel(ReviewSubmission submission, PanelMeeting meeting) =>
        Rule.Require(
            submission.PanelId == meeting.PanelId,
            PeerReviewErrorCodes.PanelMismatch,
            $"Submission {submission.Id} is for panel {submission.PanelId} but meeting {meeting.Id} is of panel {meeting.PanelId}: use a meeting of the submission's panel.");

    private async Task<Panel> RequirePanelAsync(PanelId panelId, CancellationToken cancellationToken)
    {
        Guard.Against.EmptyId(panelId);
        var panel = await _panels.FindAsync(panelId, cancellationToken).ConfigureAwait(false);
        Rule.Require(panel is not null, PeerReviewErrorCodes.PanelNotFound, $"No panel {panelId} exists in organisation {_organisation.CurrentOrganisationId}: check the id, or establish the panel first.");
        return panel!;
    }

    private async Task<ReviewSubmission> RequireSubmissionAsync(ReviewSubmissionId submissionId, CancellationToken cancellationToken)
    {
        Guard.Against.EmptyId(submissionId);
        var submission = await _submissions.FindAsync(submissionId, cancellationToken).ConfigureAwait(false);
        Rule.Require(submission is not null, PeerReviewErrorCodes.SubmissionNotFound, $"No submission {submissionId} exists in organisation {_organisation.CurrentOrganisationId}: check the id, or draft the submission first.");
        return submission!;
    }

    private async Task<PanelMeeting> RequireMeetingAsync(PanelMeetingId meetingId, CancellationToken cancellationToken)
    {
        Guard.Against.EmptyId(meetingId);
        var meeting = await _meetings.FindAsync(meetingId, cancellationToken).ConfigureAwait(false);
        Rule.Require(meeting is not null, PeerReviewErrorCodes.MeetingNotFound, $"No panel meeting {meetingId} exists in organisation {_organisation.CurrentOrganisationId}: check the id, or arrange the meeting first.");
        return meeting!;
    }

    private async Task<Participant> RequireParticipantAsync(ParticipantId participantId, string who, CancellationToken cancellationToken)
    {
        Guard.Against.EmptyId(participantId);
        var participant = await _participants.FindAsync(participantId, cancellationToken).ConfigureAwait(false);
        Rule.Require(participant is not null, PeopleErrorCodes.ParticipantNotFound, $"No participant {participantId} ({who}) exists in organisation {_organisation.CurrentOrganisationId}: register them first, or check the id.");
        Rule.Require(!participant!.IsErased, PeopleErrorCodes.ParticipantErased, $"Participant {participantId} ({who}) has been erased, so they cannot take on new peer review roles: register them again if they return.");
        return participant;
    }
}
