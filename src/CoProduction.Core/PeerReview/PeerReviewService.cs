using Ardalis.GuardClauses;
using CoProduction.People;
using CoProduction.Primitives;
using CoProduction.Storage;
using Microsoft.Extensions.Options;

namespace CoProduction.PeerReview;

/// <summary>
/// The use cases of the patient-led peer review panel that cross aggregates or refer to people: it checks that
/// participants exist in the current organisation, that submissions and meetings belong to the same panel, fills
/// in panel roles and recording consent from the records, suggests conflicts of interest from the data, compiles
/// and issues feedback, lists overdue follow-ups and evaluates the panel. Changes made to one aggregate directly
/// (terms of reference, review forms, triage) can be saved through the stores.
/// </summary>
public sealed class PeerReviewService
{
    private readonly IPanelStore _panels;
    private readonly IReviewSubmissionStore _submissions;
    private readonly IPanelMeetingStore _meetings;
    private readonly IParticipantStore _participants;
    private readonly IUnitOfWork _unitOfWork;
    private readonly IOrganisationContext _organisation;
    private readonly TimeProvider _clock;
    private readonly PeerReviewOptions _options;

    /// <summary>Initialises the service.</summary>
    /// <param name="panels">The panel store.</param>
    /// <param name="submissions">The submission store.</param>
    /// <param name="meetings">The meeting store.</param>
    /// <param name="participants">The participant store.</param>
    /// <param name="unitOfWork">Saves a submission and its meeting together.</param>
    /// <param name="organisation">The current organisation.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="options">The library's options.</param>
    public PeerReviewService(
        IPanelStore panels,
        IReviewSubmissionStore submissions,
        IPanelMeetingStore meetings,
        IParticipantStore participants,
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
        _organisation = Guard.Against.Null(organisation);
        _clock = Guard.Against.Null(clock);
        _options = Guard.Against.Null(options).Value.PeerReview;
    }

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
        await _panels.AddAsync(panel, cancellationToken);
        return panel;
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
        var panel = await RequirePanelAsync(panelId, cancellationToken);
        var participant = await RequireParticipantAsync(participantId, "the new member", cancellationToken);
        Rule.Require(
            role.IsPatientRole() ? participant.HasLivedExperience : participant.HasRole(ParticipantRole.Staff),
            PeerReviewErrorCodes.RoleMismatch,
            role.IsPatientRole()
                ? $"Participant {participantId} has no lived-experience role (patient partner, carer, service user or community member), so they cannot serve as {role}: a patient-led panel's reviewers and chair bring lived experience. Appoint them as StaffFacilitator, or add the role to their record first."
                : $"Participant {participantId} is not staff, so they cannot serve as {role}: appoint them as PatientReviewer, or add the Staff role to their record first.");
        var member = panel.AppointMember(participantId, role, termStartsOn, termEndsOn, _clock);
        await _panels.UpdateAsync(panel, cancellationToken);
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
        var panel = await RequirePanelAsync(panelId, cancellationToken);
        panel.RecordLivedExperience(memberId, serviceAreas, _clock);
        await _panels.UpdateAsync(panel, cancellationToken);
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
        var panel = await RequirePanelAsync(panelId, cancellationToken);
        await RequireParticipantAsync(relatedParticipantId, "the related person", cancellationToken);
        panel.RegisterPersonalLink(memberId, relatedParticipantId, kind, _clock);
        await _panels.UpdateAsync(panel, cancellationToken);
    }

    /// <summary>Starts a submission as a draft, checking the panel and the project lead and team exist.</summary>
    /// <param name="panelId">The panel.</param>
    /// <param name="projectId">The improvement project.</param>
    /// <param name="title">The project's title.</param>
    /// <param name="serviceArea">The service area it improves.</param>
    /// <param name="projectLeadId">The project lead.</param>
    /// <param name="teamMemberIds">The other team members.</param>
    /// <param name="summary">What the team brings to the panel.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The draft, stored.</returns>
    public async Task<ReviewSubmission> DraftSubmissionAsync(
        PanelId panelId,
        Guid projectId,
        string title,
        string serviceArea,
        ParticipantId projectLeadId,
        IEnumerable<ParticipantId> teamMemberIds,
        string summary,
        CancellationToken cancellationToken)
    {
        Guard.Against.NullOrWhiteSpace(title);
        Guard.Against.NullOrWhiteSpace(serviceArea);
        Guard.Against.NullOrWhiteSpace(summary);
        Guard.Against.Null(teamMemberIds);
        var team = teamMemberIds.ToList();
        await RequirePanelAsync(panelId, cancellationToken);
        await RequireParticipantAsync(projectLeadId, "the project lead", cancellationToken);
        foreach (var member in team)
        {
            await RequireParticipantAsync(member, "a project team member", cancellationToken);
        }

        var submission = ReviewSubmission.Draft(_organisation.CurrentOrganisationId, panelId, projectId, title, serviceArea, projectLeadId, team, summary, _clock);
        await _submissions.AddAsync(submission, cancellationToken);
        return submission;
    }

    /// <summary>Arranges a meeting of a panel under the panel's current quorum rule.</summary>
    /// <param name="panelId">The panel.</param>
    /// <param name="date">The date.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The meeting, stored.</returns>
    public async Task<PanelMeeting> ArrangeMeetingAsync(PanelId panelId, DateOnly date, CancellationToken cancellationToken)
    {
        var panel = await RequirePanelAsync(panelId, cancellationToken);
        var meeting = PanelMeeting.Arrange(_organisation.CurrentOrganisationId, panelId, date, panel.QuorumRule, _clock);
        await _meetings.AddAsync(meeting, cancellationToken);
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
        var submission = await RequireSubmissionAsync(submissionId, cancellationToken);
        var meeting = await RequireMeetingAsync(meetingId, cancellationToken);
        EnsureSamePanel(submission, meeting);
        submission.Schedule(meetingId, _clock);
        var slot = meeting.AddAgendaSlot($"{submission.Title} (round {submission.CurrentRound.Number})", startsAt, durationMinutes, submissionId, _clock);
        // One unit of work: the submission's version is claimed, so two schedulings of one submission cannot both commit,
        // and a refusal on either aggregate leaves both as they were.
        await _unitOfWork.SaveAsync([AggregateChange.Update(submission), AggregateChange.Update(meeting)], cancellationToken);
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
        var submission = await RequireSubmissionAsync(submissionId, cancellationToken);
        var meetingId = submission.CurrentRound.MeetingId;
        submission.Defer(reason, _clock);
        PanelMeeting? meeting = null;
        if (meetingId is { } id)
        {
            meeting = await _meetings.FindAsync(id, cancellationToken);
            if (meeting is not null && meeting.IsOnAgenda(submissionId))
            {
                meeting.RemoveFromAgenda(submissionId, _clock);
            }
            else
            {
                meeting = null;
            }
        }

        await _unitOfWork.SaveAsync(
            meeting is null ? [AggregateChange.Update(submission)] : [AggregateChange.Update(submission), AggregateChange.Update(meeting)],
            cancellationToken);
    }

    /// <summary>
    /// Records someone's attendance at a meeting: their panel role on the meeting date is taken from the panel (none
    /// for presenters and guests), and their consent to recording from their participant record now.
    /// </summary>
    /// <param name="meetingId">The meeting.</param>
    /// <param name="participantId">The person.</param>
    /// <param name="status">Present, apologies or absent.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The record.</returns>
    public async Task<AttendanceRecord> RecordAttendanceAsync(PanelMeetingId meetingId, ParticipantId participantId, AttendanceStatus status, CancellationToken cancellationToken)
    {
        var meeting = await RequireMeetingAsync(meetingId, cancellationToken);
        var panel = await RequirePanelAsync(meeting.PanelId, cancellationToken);
        var participant = await RequireParticipantAsync(participantId, "the attendee", cancellationToken);
        var role = panel.ServingMember(participantId, meeting.Date)?.Role;
        meeting.RecordAttendance(participantId, role, status, participant.HasConsent(ConsentPurpose.Recording, _clock.GetUtcNow()), _clock);
        await _meetings.UpdateAsync(meeting, cancellationToken);
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
        var meeting = await RequireMeetingAsync(meetingId, cancellationToken);
        var panel = await RequirePanelAsync(meeting.PanelId, cancellationToken);
        Rule.Require(
            panel.ServingMember(participantId, meeting.Date) is not null,
            PeerReviewErrorCodes.NotAMember,
            $"Participant {participantId} does not serve on panel {panel.Id} on {meeting.Date:yyyy-MM-dd}, so they cannot chair its meeting: choose a serving member.");
        meeting.ChooseChair(participantId, _clock);
        await _meetings.UpdateAsync(meeting, cancellationToken);
        return meeting.CheckQuorum();
    }

    /// <summary>Changes a submission's project lead and team, checking that everyone exists. Conflicts already recorded stand; suggest them again to pick up new team members.</summary>
    /// <param name="submissionId">The submission.</param>
    /// <param name="projectLeadId">The project lead.</param>
    /// <param name="teamMemberIds">The other team members.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when saved.</returns>
    public async Task ChangeTeamAsync(ReviewSubmissionId submissionId, ParticipantId projectLeadId, IEnumerable<ParticipantId> teamMemberIds, CancellationToken cancellationToken)
    {
        Guard.Against.Null(teamMemberIds);
        var team = teamMemberIds.ToList();
        var submission = await RequireSubmissionAsync(submissionId, cancellationToken);
        await RequireParticipantAsync(projectLeadId, "the project lead", cancellationToken);
        foreach (var member in team)
        {
            await RequireParticipantAsync(member, "a project team member", cancellationToken);
        }

        submission.ChangeTeam(projectLeadId, team, _clock);
        await _submissions.UpdateAsync(submission, cancellationToken);
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
        var meeting = await RequireMeetingAsync(meetingId, cancellationToken);
        var now = _clock.GetUtcNow();
        var without = new List<ParticipantId>();
        foreach (var attendee in meeting.Attendance.Where(a => a.Status == AttendanceStatus.Present))
        {
            var participant = await _participants.FindAsync(attendee.ParticipantId, cancellationToken);
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
        await _meetings.UpdateAsync(meeting, cancellationToken);
    }

    /// <summary>
    /// Suggests conflicts of interest for every submission on a meeting's agenda and every patient member serving on
    /// the meeting date: a member on the project team; a member registered as a relative or carer of someone on the
    /// team; and, when <see cref="PeerReviewOptions.SuggestSameServiceAreaConflicts"/> is set, a member with lived
    /// experience of the project's service area. Suggestions already recorded (or dismissed) are not repeated.
    /// </summary>
    /// <param name="meetingId">The meeting.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The new suggestions.</returns>
    public async Task<IReadOnlyList<ConflictOfInterest>> SuggestConflictsAsync(PanelMeetingId meetingId, CancellationToken cancellationToken)
    {
        var meeting = await RequireMeetingAsync(meetingId, cancellationToken);
        var panel = await RequirePanelAsync(meeting.PanelId, cancellationToken);
        var suggestions = SuggestConflicts(meeting, panel, await AgendaSubmissionsAsync(meeting, cancellationToken));
        if (suggestions.Count > 0)
        {
            await _meetings.UpdateAsync(meeting, cancellationToken);
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
        var meeting = await RequireMeetingAsync(meetingId, cancellationToken);
        var panel = await RequirePanelAsync(meeting.PanelId, cancellationToken);
        var submissions = await AgendaSubmissionsAsync(meeting, cancellationToken);
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
        await _meetings.UpdateAsync(meeting, cancellationToken);
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
        var meeting = await RequireMeetingAsync(meetingId, cancellationToken);
        await RequireParticipantAsync(reviewerId, "the reviewer", cancellationToken);
        var conflict = meeting.DeclareConflict(reviewerId, submissionId, kind, note, _clock);
        await _meetings.UpdateAsync(meeting, cancellationToken);
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
        var meeting = await RequireMeetingAsync(meetingId, cancellationToken);
        meeting.DismissConflict(conflictId, reason, _clock);
        await _meetings.UpdateAsync(meeting, cancellationToken);
    }

    /// <summary>
    /// Records a review of a submission's current round at the meeting it is scheduled to, on the panel's form for
    /// that round. The reviewer must be a patient member serving on the meeting date, without a standing conflict.
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
        var meeting = await RequireMeetingAsync(meetingId, cancellationToken);
        var submission = await RequireSubmissionAsync(submissionId, cancellationToken);
        EnsureSamePanel(submission, meeting);
        var panel = await RequirePanelAsync(meeting.PanelId, cancellationToken);
        await RequireParticipantAsync(reviewerId, "the reviewer", cancellationToken);
        var term = panel.ServingMember(reviewerId, meeting.Date);
        Rule.Require(
            term is not null && term.Role.IsPatientRole(),
            PeerReviewErrorCodes.NotAMember,
            $"Participant {reviewerId} is not a patient member of panel {panel.Id} serving on {meeting.Date:yyyy-MM-dd}{(term is null ? string.Empty : $" (they serve as {term.Role})")}: reviews come from patient reviewers and the chair.");
        Rule.Require(
            submission.State is SubmissionState.Scheduled or SubmissionState.Presented && submission.CurrentRound.MeetingId == meetingId,
            PeerReviewErrorCodes.WrongMeeting,
            $"Submission {submissionId} is {submission.State}{(submission.CurrentRound.MeetingId is { } m ? $" for meeting {m}" : string.Empty)}: it can be reviewed at meeting {meetingId} only while scheduled to it or just presented there.");
        var form = panel.RequireFormForRound(submission.CurrentRound.Number);
        var review = meeting.SubmitReview(reviewerId, submissionId, submission.CurrentRound.Number, form, ratings, answers, comments, _clock);
        await _meetings.UpdateAsync(meeting, cancellationToken);
        return review;
    }

    /// <summary>Records that a submission was presented at the meeting it is scheduled to.</summary>
    /// <param name="submissionId">The submission.</param>
    /// <param name="meetingId">The meeting.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when saved.</returns>
    public async Task RecordPresentationAsync(ReviewSubmissionId submissionId, PanelMeetingId meetingId, CancellationToken cancellationToken)
    {
        var submission = await RequireSubmissionAsync(submissionId, cancellationToken);
        submission.Present(meetingId, _clock);
        await _submissions.UpdateAsync(submission, cancellationToken);
    }

    /// <summary>
    /// Compiles the panel's feedback at a quorate meeting (ratings summarised per criterion, reviewer agreement,
    /// recommendations) and issues it to the team.
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
        var meeting = await RequireMeetingAsync(meetingId, cancellationToken);
        var submission = await RequireSubmissionAsync(submissionId, cancellationToken);
        EnsureSamePanel(submission, meeting);
        var panel = await RequirePanelAsync(meeting.PanelId, cancellationToken);
        var form = panel.RequireFormForRound(submission.CurrentRound.Number);
        var feedback = meeting.CompileFeedback(submissionId, submission.CurrentRound.Number, form, summary, recommendations, _clock);
        submission.IssueFeedback(feedback, _clock);
        await _submissions.UpdateAsync(submission, cancellationToken);
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
        var submission = await RequireSubmissionAsync(submissionId, cancellationToken);
        foreach (var owner in answers.Where(a => a?.Actions is not null).SelectMany(a => a.Actions).Where(x => x is not null).Select(x => x.OwnerId).Distinct())
        {
            await RequireParticipantAsync(owner, "an action owner", cancellationToken);
        }

        submission.ReceiveResponse(answers, _clock);
        await _submissions.UpdateAsync(submission, cancellationToken);
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
        var submission = await RequireSubmissionAsync(submissionId, cancellationToken);
        submission.RecordFollowUp(actionId, status, impact, _clock);
        await _submissions.UpdateAsync(submission, cancellationToken);
    }

    /// <summary>Marks due for follow-up every submission whose action plan was received and whose earliest action has fallen due.</summary>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The submissions moved to <see cref="SubmissionState.FollowUpDue"/>.</returns>
    public async Task<IReadOnlyList<ReviewSubmissionId>> MarkDueFollowUpsAsync(CancellationToken cancellationToken)
    {
        var today = Today();
        var moved = new List<ReviewSubmissionId>();
        foreach (var submission in await _submissions.ListByStateAsync(SubmissionState.ResponseReceived, cancellationToken))
        {
            if (submission.EarliestDueDate() is not { } due || due <= today)
            {
                submission.MarkFollowUpDue(_clock);
                await _submissions.UpdateAsync(submission, cancellationToken);
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
        foreach (var submission in await _submissions.ListWithOpenActionsDueBeforeAsync(today, cancellationToken))
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
        var panel = await RequirePanelAsync(panelId, cancellationToken);
        var submissions = await _submissions.ListByPanelAsync(panelId, cancellationToken);
        var meetings = await _meetings.ListByPanelAsync(panelId, cancellationToken);
        return PanelEvaluator.Evaluate(panel, submissions, meetings, from, to);
    }

    private async Task<List<ReviewSubmission>> AgendaSubmissionsAsync(PanelMeeting meeting, CancellationToken cancellationToken)
    {
        var submissions = new List<ReviewSubmission>();
        foreach (var slot in meeting.Agenda.Where(s => s.SubmissionId is not null))
        {
            submissions.Add(await RequireSubmissionAsync(slot.SubmissionId!.Value, cancellationToken));
        }

        return submissions;
    }

    private List<ConflictOfInterest> SuggestConflicts(PanelMeeting meeting, Panel panel, List<ReviewSubmission> submissions)
    {
        var reviewers = panel.MembersServingOn(meeting.Date).Where(m => m.Role.IsPatientRole()).Select(m => m.ParticipantId).Distinct().ToList();
        var suggestions = new List<ConflictOfInterest>();
        foreach (var submission in submissions)
        {
            foreach (var reviewer in reviewers)
            {
                if (submission.IsOnProjectTeam(reviewer))
                {
                    Add(meeting.SuggestConflict(reviewer, submission.Id, ConflictKind.ProjectTeamMember, "The reviewer is the project lead or on the project team.", _clock));
                }

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

    private DateOnly Today() => DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);

    private static void EnsureSamePanel(ReviewSubmission submission, PanelMeeting meeting) =>
        Rule.Require(
            submission.PanelId == meeting.PanelId,
            PeerReviewErrorCodes.PanelMismatch,
            $"Submission {submission.Id} is for panel {submission.PanelId} but meeting {meeting.Id} is of panel {meeting.PanelId}: use a meeting of the submission's panel.");

    private async Task<Panel> RequirePanelAsync(PanelId panelId, CancellationToken cancellationToken)
    {
        Guard.Against.EmptyId(panelId);
        var panel = await _panels.FindAsync(panelId, cancellationToken);
        Rule.Require(panel is not null, PeerReviewErrorCodes.PanelNotFound, $"No panel {panelId} exists in organisation {_organisation.CurrentOrganisationId}: check the id, or establish the panel first.");
        return panel!;
    }

    private async Task<ReviewSubmission> RequireSubmissionAsync(ReviewSubmissionId submissionId, CancellationToken cancellationToken)
    {
        Guard.Against.EmptyId(submissionId);
        var submission = await _submissions.FindAsync(submissionId, cancellationToken);
        Rule.Require(submission is not null, PeerReviewErrorCodes.SubmissionNotFound, $"No submission {submissionId} exists in organisation {_organisation.CurrentOrganisationId}: check the id, or draft the submission first.");
        return submission!;
    }

    private async Task<PanelMeeting> RequireMeetingAsync(PanelMeetingId meetingId, CancellationToken cancellationToken)
    {
        Guard.Against.EmptyId(meetingId);
        var meeting = await _meetings.FindAsync(meetingId, cancellationToken);
        Rule.Require(meeting is not null, PeerReviewErrorCodes.MeetingNotFound, $"No panel meeting {meetingId} exists in organisation {_organisation.CurrentOrganisationId}: check the id, or arrange the meeting first.");
        return meeting!;
    }

    private async Task<Participant> RequireParticipantAsync(ParticipantId participantId, string who, CancellationToken cancellationToken)
    {
        Guard.Against.EmptyId(participantId);
        var participant = await _participants.FindAsync(participantId, cancellationToken);
        Rule.Require(participant is not null, PeerReviewErrorCodes.UnknownParticipant, $"No participant {participantId} ({who}) exists in organisation {_organisation.CurrentOrganisationId}: register them first, or check the id.");
        Rule.Require(!participant!.IsErased, PeopleErrorCodes.ParticipantErased, $"Participant {participantId} ({who}) has been erased, so they cannot take on new peer review roles: register them again if they return.");
        return participant;
    }
}
