using Ardalis.GuardClauses;
using CoProduction.People;
using CoProduction.Primitives;
using CoProduction.Storage;
using Microsoft.Extensions.Options;

namespace CoProduction.PeerReview;

/// <summary>
/// The use cases of a panel meeting: arranging it, scheduling submissions to its agenda, attendance read from the
/// panel and the participant records, the chair and the quorum, recording with everyone's consent, conflicts of
/// interest (suggested from the records, declared, dismissed), lead reviewers and reviews. Scheduling changes the
/// submission and the meeting in one unit of work, so it succeeds or fails whole.
/// </summary>
public sealed class PanelMeetingService
{
    private readonly IPanelMeetingStore _meetings;
    private readonly IPanelStore _panels;
    private readonly IReviewSubmissionStore _submissions;
    private readonly IParticipantStore _participants;
    private readonly IUnitOfWork _unitOfWork;
    private readonly IOrganisationContext _organisation;
    private readonly TimeProvider _clock;
    private readonly PeerReviewOptions _options;

    /// <summary>Initialises the service.</summary>
    /// <param name="meetings">The meeting store.</param>
    /// <param name="panels">The panel store.</param>
    /// <param name="submissions">The submission store.</param>
    /// <param name="participants">The participant store.</param>
    /// <param name="unitOfWork">Saves a submission and its meeting together when scheduling.</param>
    /// <param name="organisation">The current organisation.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="options">The library's options (<see cref="CoProductionOptions.PeerReview"/>: conflicts suggested, lead reviewer bounds).</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public PanelMeetingService(
        IPanelMeetingStore meetings,
        IPanelStore panels,
        IReviewSubmissionStore submissions,
        IParticipantStore participants,
        IUnitOfWork unitOfWork,
        IOrganisationContext organisation,
        TimeProvider clock,
        IOptions<CoProductionOptions> options)
    {
        _meetings = Guard.Against.Null(meetings);
        _panels = Guard.Against.Null(panels);
        _submissions = Guard.Against.Null(submissions);
        _participants = Guard.Against.Null(participants);
        _unitOfWork = Guard.Against.Null(unitOfWork);
        _organisation = Guard.Against.Null(organisation);
        _clock = Guard.Against.Null(clock);
        _options = Guard.Against.Null(options).Value.PeerReview;
    }

    /// <summary>Finds a panel meeting of the current organisation.</summary>
    /// <param name="meetingId">The meeting.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The meeting, or <see langword="null"/> when there is none.</returns>
    public ValueTask<PanelMeeting?> FindAsync(PanelMeetingId meetingId, CancellationToken cancellationToken) => _meetings.FindAsync(meetingId, cancellationToken);

    /// <summary>Lists a panel's meetings in the current organisation.</summary>
    /// <param name="panelId">The panel.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>Its meetings; none for an unknown panel (an empty id included).</returns>
    public Task<IReadOnlyList<PanelMeeting>> ListByPanelAsync(PanelId panelId, CancellationToken cancellationToken) => _meetings.ListByPanelAsync(panelId, cancellationToken);

    /// <summary>Arranges a meeting of a panel under the panel's current quorum rule.</summary>
    /// <param name="panelId">The panel.</param>
    /// <param name="date">The date.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The meeting, stored.</returns>
    /// <exception cref="InvalidInputException">The panel id is empty.</exception>
    /// <exception cref="RecordNotFoundException">The panel is unknown (<see cref="PeerReviewErrorCodes.PanelNotFound"/>).</exception>
    public async Task<PanelMeeting> ArrangeAsync(PanelId panelId, DateOnly date, CancellationToken cancellationToken)
    {
        var panel = await _panels.RequirePanelAsync(panelId, _organisation, cancellationToken).ConfigureAwait(false);
        var meeting = PanelMeeting.Arrange(_organisation.CurrentOrganisationId, panelId, date, panel.QuorumRule, _clock);
        await _meetings.AddAsync(meeting, cancellationToken).ConfigureAwait(false);
        return meeting;
    }

    /// <summary>
    /// Schedules an accepted (or deferred) submission to a meeting of its panel, with a time-boxed agenda slot, and
    /// records the project-team conflicts of interest at the meeting. The submission and the meeting are saved in one
    /// unit of work: two schedulings of one submission cannot both succeed, and a refusal leaves both as they were.
    /// </summary>
    /// <param name="submissionId">The submission.</param>
    /// <param name="meetingId">The meeting.</param>
    /// <param name="startsAt">When its slot starts.</param>
    /// <param name="durationMinutes">Its time box.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The agenda slot.</returns>
    /// <exception cref="InvalidInputException">An id is empty, the time box is not 5 to 240 minutes, or the slot runs past midnight.</exception>
    /// <exception cref="RecordNotFoundException">The submission or meeting is unknown (<see cref="PeerReviewErrorCodes.SubmissionNotFound"/>, <see cref="PeerReviewErrorCodes.MeetingNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The meeting is of another panel (<see cref="PeerReviewErrorCodes.PanelMismatch"/>), the submission is neither accepted nor deferred (<see cref="PeerReviewErrorCodes.TransitionNotAllowed"/>), or the slot overlaps another (<see cref="PeerReviewErrorCodes.AgendaSlotOverlap"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the submission or the meeting meanwhile (such as scheduling it elsewhere), or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public async Task<AgendaSlot> ScheduleAsync(ReviewSubmissionId submissionId, PanelMeetingId meetingId, TimeOnly startsAt, int durationMinutes, CancellationToken cancellationToken)
    {
        var submission = await _submissions.RequireSubmissionAsync(submissionId, _organisation, cancellationToken).ConfigureAwait(false);
        var meeting = await _meetings.RequireMeetingAsync(meetingId, _organisation, cancellationToken).ConfigureAwait(false);
        PeerReviewLookups.EnsureSamePanel(submission, meeting);
        submission.Schedule(meetingId, _clock);
        var slot = meeting.AddAgendaSlot($"{submission.Title} (round {submission.CurrentRound.Number})", startsAt, durationMinutes, submissionId, _clock);
        var panel = await _panels.RequirePanelAsync(meeting.PanelId, _organisation, cancellationToken).ConfigureAwait(false);
        ProjectTeamPropagation.RecordConflicts(meeting, panel, submission, _clock);
        // One unit of work: the submission's version is claimed, so two schedulings of one submission cannot both commit,
        // and a refusal on either aggregate leaves both as they were.
        await _unitOfWork.SaveAsync([AggregateChange.Update(submission), AggregateChange.Update(meeting)], cancellationToken).ConfigureAwait(false);
        return slot;
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
    /// <exception cref="InvalidInputException">An id is empty, or the status is not defined.</exception>
    /// <exception cref="RecordNotFoundException">The meeting or the person is unknown (<see cref="PeerReviewErrorCodes.MeetingNotFound"/>, <see cref="PeopleErrorCodes.ParticipantNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The person has been erased (<see cref="PeopleErrorCodes.ParticipantErased"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the meeting meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public async Task<MeetingAttendance> RecordAttendanceAsync(PanelMeetingId meetingId, ParticipantId participantId, AttendanceStatus status, CancellationToken cancellationToken)
    {
        var meeting = await _meetings.RequireMeetingAsync(meetingId, _organisation, cancellationToken).ConfigureAwait(false);
        var panel = await _panels.RequirePanelAsync(meeting.PanelId, _organisation, cancellationToken).ConfigureAwait(false);
        var participant = await _participants.RequireParticipantAsync(participantId, "the attendee", _organisation, cancellationToken).ConfigureAwait(false);
        var role = PeerReviewLookups.RoleFromRecords(panel.ServingMember(participantId, meeting.Date)?.Role, participant);
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
    /// <exception cref="InvalidInputException">The meeting id is empty.</exception>
    /// <exception cref="RecordNotFoundException">The meeting is unknown (<see cref="PeerReviewErrorCodes.MeetingNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The person does not serve on the panel on the meeting date (<see cref="PeerReviewErrorCodes.NotAMember"/>), or is not recorded as present (<see cref="PeerReviewErrorCodes.ChairNotPresent"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the meeting meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public async Task<QuorumCheck> ChooseChairAsync(PanelMeetingId meetingId, ParticipantId participantId, CancellationToken cancellationToken)
    {
        var meeting = await _meetings.RequireMeetingAsync(meetingId, _organisation, cancellationToken).ConfigureAwait(false);
        var panel = await _panels.RequirePanelAsync(meeting.PanelId, _organisation, cancellationToken).ConfigureAwait(false);
        Rule.Require(
            panel.ServingMember(participantId, meeting.Date) is not null,
            PeerReviewErrorCodes.NotAMember,
            $"The person chosen to chair does not serve on this panel on {meeting.Date:yyyy-MM-dd}, so they cannot chair its meeting: choose a serving member.",
            ("participantId", participantId), ("panelId", panel.Id));
        meeting.ChooseChair(participantId, _clock);
        await _meetings.UpdateAsync(meeting, cancellationToken).ConfigureAwait(false);
        return meeting.CheckQuorum();
    }

    /// <summary>
    /// Starts recording a meeting after checking, against each participant record now, that everyone present
    /// consents to recording (consent may have been withdrawn since attendance was taken).
    /// </summary>
    /// <param name="meetingId">The meeting.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when saved.</returns>
    /// <exception cref="InvalidInputException">The id is empty.</exception>
    /// <exception cref="RecordNotFoundException">The meeting is unknown (<see cref="PeerReviewErrorCodes.MeetingNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">Someone present has no consent to recording in force (<see cref="PeerReviewErrorCodes.RecordingConsentMissing"/>), or recording has already started (<see cref="PeerReviewErrorCodes.RecordingAlreadyStarted"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the meeting meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public async Task StartRecordingAsync(PanelMeetingId meetingId, CancellationToken cancellationToken)
    {
        var meeting = await _meetings.RequireMeetingAsync(meetingId, _organisation, cancellationToken).ConfigureAwait(false);
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
            $"This meeting cannot be recorded: {PeopleWords.Present(without.Count)} no consent to recording in force now. Ask them, record their consent to recording, or do not record.",
            ("meetingId", meetingId), ("participantIds", without));
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
    /// <exception cref="InvalidInputException">The id is empty.</exception>
    /// <exception cref="RecordNotFoundException">The meeting is unknown (<see cref="PeerReviewErrorCodes.MeetingNotFound"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the meeting meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public async Task<IReadOnlyList<ConflictOfInterest>> SuggestConflictsAsync(PanelMeetingId meetingId, CancellationToken cancellationToken)
    {
        var meeting = await _meetings.RequireMeetingAsync(meetingId, _organisation, cancellationToken).ConfigureAwait(false);
        var panel = await _panels.RequirePanelAsync(meeting.PanelId, _organisation, cancellationToken).ConfigureAwait(false);
        var suggestions = SuggestConflicts(meeting, panel, await AgendaSubmissionsAsync(meeting, cancellationToken).ConfigureAwait(false));
        if (meeting.PendingEvents.Count > 0)
        {
            await _meetings.UpdateAsync(meeting, cancellationToken).ConfigureAwait(false);
        }

        return suggestions;
    }

    /// <summary>Records a conflict of interest declared by (or for) a reviewer about a submission on the agenda.</summary>
    /// <param name="meetingId">The meeting.</param>
    /// <param name="reviewerId">The reviewer.</param>
    /// <param name="submissionId">The submission.</param>
    /// <param name="kind">The kind of interest.</param>
    /// <param name="note">What the interest is.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The conflict.</returns>
    /// <exception cref="InvalidInputException">The note is blank, the kind is not defined, an id is empty, or a text cannot be stored as given (see <see cref="Storage.IUnitOfWork.SaveAsync"/>).</exception>
    /// <exception cref="RecordNotFoundException">The meeting or the reviewer is unknown (<see cref="PeerReviewErrorCodes.MeetingNotFound"/>, <see cref="PeopleErrorCodes.ParticipantNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The reviewer has been erased (<see cref="PeopleErrorCodes.ParticipantErased"/>), the submission is not on the agenda (<see cref="PeerReviewErrorCodes.NotOnAgenda"/>), or the same kind of conflict already stands (<see cref="PeerReviewErrorCodes.ConflictAlreadyRecorded"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the meeting meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public async Task<ConflictOfInterest> DeclareConflictAsync(PanelMeetingId meetingId, ParticipantId reviewerId, ReviewSubmissionId submissionId, ConflictKind kind, string note, CancellationToken cancellationToken)
    {
        Input.Required(note);
        var meeting = await _meetings.RequireMeetingAsync(meetingId, _organisation, cancellationToken).ConfigureAwait(false);
        await _participants.RequireParticipantAsync(reviewerId, "the reviewer", _organisation, cancellationToken).ConfigureAwait(false);
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
    /// <exception cref="InvalidInputException">The reason is blank, an id is empty, or a text cannot be stored as given (see <see cref="Storage.IUnitOfWork.SaveAsync"/>).</exception>
    /// <exception cref="RecordNotFoundException">The meeting or the conflict is unknown (<see cref="PeerReviewErrorCodes.MeetingNotFound"/>, <see cref="PeerReviewErrorCodes.ConflictNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The conflict was recorded from the project team or declared, so it stands (<see cref="PeerReviewErrorCodes.ProjectTeamConflictNotDismissible"/>, <see cref="PeerReviewErrorCodes.DeclaredConflictNotDismissible"/>), or it is already dismissed (<see cref="PeerReviewErrorCodes.ConflictAlreadyDismissed"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the meeting meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public async Task DismissConflictAsync(PanelMeetingId meetingId, ConflictOfInterestId conflictId, string reason, CancellationToken cancellationToken)
    {
        Input.Required(reason);
        var meeting = await _meetings.RequireMeetingAsync(meetingId, _organisation, cancellationToken).ConfigureAwait(false);
        meeting.DismissConflict(conflictId, reason, _clock);
        await _meetings.UpdateAsync(meeting, cancellationToken).ConfigureAwait(false);
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
    /// <exception cref="InvalidInputException">The id is empty.</exception>
    /// <exception cref="RecordNotFoundException">The meeting is unknown (<see cref="PeerReviewErrorCodes.MeetingNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The agenda has no submission (<see cref="PeerReviewErrorCodes.NotOnAgenda"/>), or no patient member is available or no choice meets the bounds (<see cref="PeerReviewErrorCodes.AssignmentInfeasible"/>); nothing is saved.</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the meeting meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public async Task<IReadOnlyList<LeadReviewerAssignment>> AssignLeadReviewersAsync(PanelMeetingId meetingId, CancellationToken cancellationToken)
    {
        var meeting = await _meetings.RequireMeetingAsync(meetingId, _organisation, cancellationToken).ConfigureAwait(false);
        var panel = await _panels.RequirePanelAsync(meeting.PanelId, _organisation, cancellationToken).ConfigureAwait(false);
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
    /// <exception cref="ArgumentNullException"><paramref name="ratings"/> or <paramref name="answers"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidInputException">An id is empty, or a text cannot be stored as given (see <see cref="Storage.IUnitOfWork.SaveAsync"/>).</exception>
    /// <exception cref="RecordNotFoundException">The meeting, submission or reviewer is unknown (<see cref="PeerReviewErrorCodes.MeetingNotFound"/>, <see cref="PeerReviewErrorCodes.SubmissionNotFound"/>, <see cref="PeopleErrorCodes.ParticipantNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The meeting is of another panel (<see cref="PeerReviewErrorCodes.PanelMismatch"/>); the reviewer has been erased (<see cref="PeopleErrorCodes.ParticipantErased"/>), is not a patient member serving on the meeting date (<see cref="PeerReviewErrorCodes.NotAMember"/>) or has a standing conflict (<see cref="PeerReviewErrorCodes.ReviewerConflicted"/>); the submission is not scheduled to or just presented at the meeting (<see cref="PeerReviewErrorCodes.WrongMeeting"/>); the panel has no form for the round (<see cref="PeerReviewErrorCodes.NoReviewForm"/>); or the ratings and answers do not fit the form (<see cref="PeerReviewErrorCodes.UnknownCriterion"/>, <see cref="PeerReviewErrorCodes.ReviewIncomplete"/>, <see cref="PeerReviewErrorCodes.RatingOutOfScale"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the meeting meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
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
        var meeting = await _meetings.RequireMeetingAsync(meetingId, _organisation, cancellationToken).ConfigureAwait(false);
        var submission = await _submissions.RequireSubmissionAsync(submissionId, _organisation, cancellationToken).ConfigureAwait(false);
        PeerReviewLookups.EnsureSamePanel(submission, meeting);
        var panel = await _panels.RequirePanelAsync(meeting.PanelId, _organisation, cancellationToken).ConfigureAwait(false);
        await _participants.RequireParticipantAsync(reviewerId, "the reviewer", _organisation, cancellationToken).ConfigureAwait(false);
        var term = panel.ServingMember(reviewerId, meeting.Date);
        Rule.Require(
            term is not null && term.Role.IsPatientRole(),
            PeerReviewErrorCodes.NotAMember,
            $"The reviewer is not a patient member of this panel serving on {meeting.Date:yyyy-MM-dd}{(term is null ? string.Empty : $" (they serve as {term.Role})")}: reviews come from patient reviewers and the chair.",
            ("reviewerId", reviewerId), ("panelId", panel.Id));
        Rule.Require(
            submission.State is SubmissionState.Scheduled or SubmissionState.Presented && submission.CurrentRound.MeetingId == meetingId,
            PeerReviewErrorCodes.WrongMeeting,
            $"Submission {submissionId} is {submission.State}{(submission.CurrentRound.MeetingId is { } m ? $" for meeting {m}" : string.Empty)}: it can be reviewed at meeting {meetingId} only while scheduled to it or just presented there.");
        ProjectTeamPropagation.RecordConflicts(meeting, panel, submission, _clock);
        var form = PeerReviewLookups.FormFor(panel, meeting, submission);
        var review = meeting.SubmitReview(reviewerId, submissionId, submission.CurrentRound.Number, form, ratings, answers, comments, _clock);
        await _meetings.UpdateAsync(meeting, cancellationToken).ConfigureAwait(false);
        return review;
    }

    private async Task<List<ReviewSubmission>> AgendaSubmissionsAsync(PanelMeeting meeting, CancellationToken cancellationToken)
    {
        var submissions = new List<ReviewSubmission>();
        foreach (var slot in meeting.Agenda.Where(s => s.SubmissionId is not null))
        {
            submissions.Add(await _submissions.RequireSubmissionAsync(slot.SubmissionId!.Value, _organisation, cancellationToken).ConfigureAwait(false));
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
}
