using Ardalis.GuardClauses;
using CoProduction.PeerReview.Events;
using CoProduction.People;
using CoProduction.Primitives;

namespace CoProduction.PeerReview;

/// <summary>
/// A meeting of a peer review panel: its date and time-boxed agenda, who attended (and whether they consent to the
/// meeting being recorded), whether it is quorate under the rule it was arranged with, conflicts of interest
/// (declared, suggested and dismissed), the reviewers' reviews and the lead reviewers chosen. Feedback is compiled
/// here, and only at a quorate meeting.
/// </summary>
public sealed class PanelMeeting : AggregateRoot<PanelMeetingId>
{
    private readonly List<AgendaSlot> _agenda = [];
    private readonly List<MeetingAttendance> _attendance = [];
    private readonly List<ConflictOfInterest> _conflicts = [];
    private readonly List<Review> _reviews = [];
    private readonly List<LeadReviewerAssignment> _leadReviewers = [];

    private PanelMeeting(PanelMeetingId id, OrganisationId organisationId, PanelId panelId, DateOnly date, QuorumRule quorumRule)
        : base(id, organisationId)
    {
        PanelId = panelId;
        Date = date;
        QuorumRule = quorumRule;
    }

    private PanelMeeting()
    {
        QuorumRule = QuorumRule.Default;
    }

    /// <summary>Gets the panel that meets.</summary>
    public PanelId PanelId { get; private set; }

    /// <summary>Gets the meeting's date.</summary>
    public DateOnly Date { get; private set; }

    /// <summary>Gets the quorum rule the meeting was arranged under (the panel's rule at that time).</summary>
    public QuorumRule QuorumRule { get; private set; }

    /// <summary>Gets who chairs the meeting, once chosen.</summary>
    public ParticipantId? ChairId { get; private set; }

    /// <summary>Gets when recording started, if the meeting was recorded.</summary>
    public DateTimeOffset? RecordingStartedAt { get; private set; }

    /// <summary>Gets the agenda, in time order.</summary>
    public IReadOnlyList<AgendaSlot> Agenda => _agenda;

    /// <summary>Gets the attendance records, one per person.</summary>
    public IReadOnlyList<MeetingAttendance> Attendance => _attendance;

    /// <summary>Gets every conflict of interest recorded, standing or dismissed.</summary>
    public IReadOnlyList<ConflictOfInterest> Conflicts => _conflicts;

    /// <summary>Gets the reviews, one per reviewer, submission and round.</summary>
    public IReadOnlyList<Review> Reviews => _reviews;

    /// <summary>Removes an erased reviewer's words: the notes and dismissal reasons of their conflicts, and their review answers and comments. Returns whether anything changed.</summary>
    internal bool RemovePersonalText(ParticipantId participantId)
    {
        var changed = false;
        for (var i = 0; i < _conflicts.Count; i++)
        {
            if (_conflicts[i].ReviewerId == participantId)
            {
                _conflicts[i] = _conflicts[i] with { Note = PersonalData.RemovedOnErasure, DismissalReason = PersonalData.Removed(_conflicts[i].DismissalReason) };
                changed = true;
            }
        }

        foreach (var review in _reviews.Where(r => r.ReviewerId == participantId))
        {
            review.RemovePersonalText();
            changed = true;
        }

        return changed;
    }

    /// <summary>Gets the lead reviewers chosen for the submissions on the agenda.</summary>
    public IReadOnlyList<LeadReviewerAssignment> LeadReviewers => _leadReviewers;

    /// <summary>Arranges a meeting.</summary>
    /// <param name="organisationId">The organisation.</param>
    /// <param name="panelId">The panel.</param>
    /// <param name="date">The date.</param>
    /// <param name="quorumRule">The quorum rule (normally the panel's current rule).</param>
    /// <param name="clock">The clock.</param>
    /// <returns>The meeting, to be added to the store.</returns>
    internal static PanelMeeting Arrange(OrganisationId organisationId, PanelId panelId, DateOnly date, QuorumRule quorumRule, TimeProvider clock)
    {
        Input.Id(panelId);
        Guard.Against.Null(quorumRule);
        Guard.Against.Null(clock);
        var meeting = new PanelMeeting(PanelMeetingId.New(), organisationId, panelId, date, quorumRule);
        meeting.Raise(new PanelMeetingArranged(meeting.Id, panelId, date, clock.GetUtcNow()));
        return meeting;
    }

    /// <summary>Tells whether a submission is on the agenda.</summary>
    /// <param name="submissionId">The submission.</param>
    /// <returns><see langword="true"/> when a slot discusses it.</returns>
    public bool IsOnAgenda(ReviewSubmissionId submissionId) => _agenda.Exists(s => s.SubmissionId == submissionId);

    /// <summary>Adds a time-boxed slot to the agenda. Slots may not overlap, and a submission has one slot.</summary>
    /// <param name="title">What the slot is for.</param>
    /// <param name="startsAt">When it starts.</param>
    /// <param name="durationMinutes">Its time box, 5 to 240 minutes.</param>
    /// <param name="submissionId">The submission discussed, if any.</param>
    /// <param name="clock">The clock.</param>
    /// <returns>The slot.</returns>
    /// <exception cref="ArgumentException">The title is blank, the time box is out of range, or the slot runs past midnight.</exception>
    /// <exception cref="DomainRuleViolationException">The slot overlaps another, or the submission already has a slot.</exception>
    internal AgendaSlot AddAgendaSlot(string title, TimeOnly startsAt, int durationMinutes, ReviewSubmissionId? submissionId, TimeProvider clock)
    {
        Input.Required(title);
        Guard.Against.Null(clock);
        Input.InRange(durationMinutes, nameof(durationMinutes), 5, 240, "An agenda slot's time box is between 5 and 240 minutes.");
        if (submissionId is { } id)
        {
            Input.Id(id, nameof(submissionId));
        }

        if (startsAt.ToTimeSpan() + TimeSpan.FromMinutes(durationMinutes) > TimeSpan.FromDays(1))
        {
            throw new InvalidInputException(nameof(durationMinutes), $"A slot starting at {startsAt:HH\\:mm} for {durationMinutes} minutes runs past midnight: start it earlier or shorten it.");
        }

        Rule.Require(
            submissionId is null || !IsOnAgenda(submissionId.Value),
            PeerReviewErrorCodes.AlreadyOnAgenda,
            $"Submission {submissionId} already has a slot on the agenda of meeting {Id}: a submission is discussed once per meeting.");
        var slot = new AgendaSlot(Guid.CreateVersion7(), submissionId, title.Trim(), startsAt, durationMinutes);
        var clash = _agenda.Find(s => s.StartsAt < slot.EndsAt && slot.StartsAt < s.EndsAt);
        Rule.Require(
            clash is null,
            PeerReviewErrorCodes.AgendaSlotOverlap,
            $"The slot {startsAt:HH\\:mm}-{slot.EndsAt:HH\\:mm} overlaps \"{clash?.Title}\" ({clash?.StartsAt:HH\\:mm}-{clash?.EndsAt:HH\\:mm}): choose a time after it ends or before it starts.");
        _agenda.Add(slot);
        _agenda.Sort((a, b) => a.StartsAt.CompareTo(b.StartsAt));
        Raise(new AgendaSlotAdded(Id, slot.Id, submissionId, clock.GetUtcNow()));
        return slot;
    }

    /// <summary>Removes a submission's slot from the agenda (for example when it is deferred).</summary>
    /// <param name="submissionId">The submission.</param>
    /// <param name="clock">The clock.</param>
    /// <exception cref="DomainRuleViolationException">The submission is not on the agenda.</exception>
    internal void RemoveFromAgenda(ReviewSubmissionId submissionId, TimeProvider clock)
    {
        Guard.Against.Null(clock);
        EnsureOnAgenda(submissionId);
        var slot = _agenda.Find(s => s.SubmissionId == submissionId)!;
        _agenda.Remove(slot);
        _leadReviewers.RemoveAll(l => l.SubmissionId == submissionId);
        Raise(new AgendaSlotRemoved(Id, slot.Id, submissionId, clock.GetUtcNow()));
    }

    /// <summary>
    /// Records someone's attendance, replacing any earlier record of theirs. The application service fills in their
    /// panel role on the meeting date and whether their consent to recording is in force.
    /// </summary>
    /// <param name="participantId">The person.</param>
    /// <param name="role">Their panel role, or <see langword="null"/> for presenters and guests.</param>
    /// <param name="status">Present, apologies or absent.</param>
    /// <param name="consentsToRecording">Whether their consent to recording is in force.</param>
    /// <param name="clock">The clock.</param>
    internal void RecordAttendance(ParticipantId participantId, PanelRole? role, AttendanceStatus status, bool consentsToRecording, TimeProvider clock)
    {
        Input.Id(participantId);
        if (role is { } r)
        {
            Input.Defined(r, nameof(role));
        }

        Input.Defined(status);
        Guard.Against.Null(clock);
        var now = clock.GetUtcNow();
        _attendance.RemoveAll(a => a.ParticipantId == participantId);
        _attendance.Add(new MeetingAttendance(participantId, role, status, consentsToRecording, now));
        Raise(new MeetingAttendanceRecorded(Id, participantId, status, now));
    }

    /// <summary>Chooses who chairs the meeting: someone whose attendance is recorded as present.</summary>
    /// <param name="participantId">The chair.</param>
    /// <param name="clock">The clock.</param>
    /// <exception cref="DomainRuleViolationException">They are not recorded as present.</exception>
    internal void ChooseChair(ParticipantId participantId, TimeProvider clock)
    {
        Input.Id(participantId);
        Guard.Against.Null(clock);
        Rule.Require(
            _attendance.Exists(a => a.ParticipantId == participantId && a.Status == AttendanceStatus.Present),
            PeerReviewErrorCodes.ChairNotPresent,
            "The person chosen to chair is not recorded as present at this meeting: record their attendance as present before they take the chair.",
            ("participantId", participantId), ("meetingId", Id));
        ChairId = participantId;
        Raise(new MeetingChairChosen(Id, participantId, clock.GetUtcNow()));
    }

    /// <summary>Checks the meeting against its quorum rule.</summary>
    /// <returns>Whether it is quorate and what it lacks.</returns>
    public QuorumCheck CheckQuorum() => CheckQuorum(null);

    /// <summary>
    /// Checks the meeting against its quorum rule for one item: members with a standing conflict of interest about
    /// the submission do not count towards its quorum, and a conflicted chair does not count as a patient chair for it.
    /// </summary>
    /// <param name="submissionId">The submission discussed.</param>
    /// <returns>Whether the item is quorate and what it lacks.</returns>
    public QuorumCheck CheckQuorum(ReviewSubmissionId submissionId) => CheckQuorum((ReviewSubmissionId?)submissionId);

    private QuorumCheck CheckQuorum(ReviewSubmissionId? item)
    {
        var present = _attendance.Where(a => a.Status == AttendanceStatus.Present && (item is not { } s || !IsConflicted(a.ParticipantId, s))).ToList();
        var patients = present.Count(a => a.Role is { } role && role.IsPatientRole());
        var chair = present.Find(a => a.ParticipantId == ChairId);
        var patientInChair = chair?.Role is { } chairRole && chairRole.IsPatientRole();
        var facilitator = present.Exists(a => a.Role == PanelRole.StaffFacilitator);
        var shortfalls = new List<string>();
        if (patients < QuorumRule.MinimumPatientMembers)
        {
            shortfalls.Add($"{patients} patient member(s) present{(item is null ? string.Empty : " without a conflict about this item")}, {QuorumRule.MinimumPatientMembers} needed");
        }

        if (QuorumRule.RequirePatientChair && !patientInChair)
        {
            shortfalls.Add(ChairId is null
                ? "no chair chosen: a patient member must chair"
                : item is { } conflicted && IsConflicted(ChairId.Value, conflicted)
                    ? $"the chair ({ChairId}) has a conflict of interest about this item: choose another patient member to chair it"
                    : $"the chair ({ChairId}) is not a patient member present");
        }

        if (QuorumRule.RequireStaffFacilitator && !facilitator)
        {
            shortfalls.Add("no staff facilitator present");
        }

        return new QuorumCheck(shortfalls.Count == 0, patients, QuorumRule.MinimumPatientMembers, patientInChair, facilitator, shortfalls);
    }

    /// <summary>Starts recording the meeting, which needs every person present to consent to recording.</summary>
    /// <param name="clock">The clock.</param>
    /// <exception cref="DomainRuleViolationException">Someone present has not consented, or recording has already started.</exception>
    internal void StartRecording(TimeProvider clock)
    {
        Guard.Against.Null(clock);
        Rule.Require(RecordingStartedAt is null, PeerReviewErrorCodes.RecordingAlreadyStarted, $"Recording of meeting {Id} started at {RecordingStartedAt:u}; it cannot start twice.");
        var without = _attendance.Where(a => a.Status == AttendanceStatus.Present && !a.ConsentsToRecording).Select(a => a.ParticipantId).ToList();
        Rule.Require(
            without.Count == 0,
            PeerReviewErrorCodes.RecordingConsentMissing,
            $"This meeting cannot be recorded: {PeopleWords.Present(without.Count)} not consented to recording. Record their consent to recording and their attendance again, or do not record.",
            ("meetingId", Id), ("participantIds", without));
        var now = clock.GetUtcNow();
        RecordingStartedAt = now;
        Raise(new MeetingRecordingStarted(Id, now));
    }

    /// <summary>Tells whether a reviewer has a standing conflict of interest about a submission.</summary>
    /// <param name="reviewerId">The reviewer.</param>
    /// <param name="submissionId">The submission.</param>
    /// <returns><see langword="true"/> when a declared or suggested conflict stands.</returns>
    public bool IsConflicted(ParticipantId reviewerId, ReviewSubmissionId submissionId) =>
        _conflicts.Exists(c => c.ReviewerId == reviewerId && c.SubmissionId == submissionId && c.IsStanding);

    /// <summary>
    /// Tells whether a review is excluded from the panel's feedback: its reviewer has a standing conflict of interest
    /// about the submission (declared or suggested after the review was given). The review is kept, so that it counts
    /// again if a suggested conflict is dismissed.
    /// </summary>
    /// <param name="review">One of <see cref="Reviews"/>.</param>
    /// <returns><see langword="true"/> when the review does not count.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="review"/> is <see langword="null"/>.</exception>
    public bool IsExcluded(Review review)
    {
        ArgumentNullException.ThrowIfNull(review);
        return IsConflicted(review.ReviewerId, review.SubmissionId);
    }

    /// <summary>
    /// Gets the review form a submission's round is being reviewed on at this meeting: the form of the reviews already
    /// given, so that a new version of the panel's form never orphans the reviews in hand.
    /// </summary>
    /// <param name="submissionId">The submission.</param>
    /// <param name="roundNumber">The round.</param>
    /// <returns>The form's id, or <see langword="null"/> when no review has been given yet.</returns>
    public ReviewFormId? FormInUse(ReviewSubmissionId submissionId, int roundNumber) =>
        _reviews.Find(r => r.SubmissionId == submissionId && r.RoundNumber == roundNumber)?.FormId;

    /// <summary>
    /// Records a standing conflict of interest, which cannot be dismissed, for each reviewer who is the project lead or
    /// on the team of a submission on the agenda, and lifts those recorded for people no longer on the team. The
    /// application service calls it when the submission is scheduled and whenever its team changes.
    /// </summary>
    /// <param name="submission">The submission (on the agenda).</param>
    /// <param name="reviewers">The people who may review at this meeting (the panel's members serving on its date).</param>
    /// <param name="clock">The clock.</param>
    /// <returns>Whether anything changed.</returns>
    internal bool RecordProjectTeamConflicts(ReviewSubmission submission, IEnumerable<ParticipantId> reviewers, TimeProvider clock)
    {
        EnsureOnAgenda(submission.Id);
        var now = clock.GetUtcNow();
        var changed = false;
        foreach (var reviewer in reviewers.Distinct())
        {
            var onTeam = submission.IsOnProjectTeam(reviewer);
            var index = _conflicts.FindIndex(c => c.ReviewerId == reviewer && c.SubmissionId == submission.Id && c.Origin == ConflictOrigin.ProjectTeam && c.IsStanding);
            if (onTeam && index < 0)
            {
                var role = reviewer == submission.ProjectLeadId ? "the project lead" : "on the project team";
                var conflict = new ConflictOfInterest(ConflictOfInterestId.New(), reviewer, submission.Id, ConflictKind.ProjectTeamMember, $"The reviewer is {role}.", ConflictOrigin.ProjectTeam, now, null, null);
                _conflicts.Add(conflict);
                _leadReviewers.RemoveAll(l => l.ReviewerId == reviewer && l.SubmissionId == submission.Id);
                Raise(new ConflictRecorded(Id, conflict.Id, reviewer, submission.Id, ConflictKind.ProjectTeamMember, now));
                changed = true;
            }
            else if (!onTeam && index >= 0)
            {
                _conflicts[index] = _conflicts[index] with { DismissalReason = "No longer on the project team.", DismissedAt = now };
                Raise(new ConflictDismissed(Id, _conflicts[index].Id, now));
                changed = true;
            }
        }

        return changed;
    }

    /// <summary>
    /// Records a conflict of interest declared by (or for) a reviewer about a submission on the agenda. The reviewer
    /// may not review it, lead it or count towards its quorum while the conflict stands; a review they already gave for it is kept, excluded from the feedback (<see cref="IsExcluded"/>).
    /// </summary>
    /// <param name="reviewerId">The reviewer.</param>
    /// <param name="submissionId">The submission.</param>
    /// <param name="kind">The kind of interest.</param>
    /// <param name="note">What the interest is.</param>
    /// <param name="clock">The clock.</param>
    /// <returns>The conflict recorded.</returns>
    /// <exception cref="ArgumentException">The note is blank.</exception>
    /// <exception cref="DomainRuleViolationException">The submission is not on the agenda, or the same kind of conflict already stands.</exception>
    internal ConflictOfInterest DeclareConflict(ParticipantId reviewerId, ReviewSubmissionId submissionId, ConflictKind kind, string note, TimeProvider clock)
    {
        Input.Id(reviewerId);
        Input.Id(submissionId);
        Input.Defined(kind);
        Input.Required(note);
        Guard.Against.Null(clock);
        EnsureOnAgenda(submissionId);
        var existing = _conflicts.Find(c => c.ReviewerId == reviewerId && c.SubmissionId == submissionId && c.Kind == kind && c.IsStanding);
        Rule.Require(
            existing is null,
            PeerReviewErrorCodes.ConflictAlreadyRecorded,
            $"A {kind} conflict of this reviewer about this submission already stands ({existing?.Origin}); nothing needs doing.",
            ("reviewerId", reviewerId), ("submissionId", submissionId), ("conflictId", existing?.Id.ToString() ?? string.Empty));
        var now = clock.GetUtcNow();
        var conflict = new ConflictOfInterest(ConflictOfInterestId.New(), reviewerId, submissionId, kind, note.Trim(), ConflictOrigin.Declared, now, null, null);
        _conflicts.Add(conflict);
        _leadReviewers.RemoveAll(l => l.ReviewerId == reviewerId && l.SubmissionId == submissionId);
        Raise(new ConflictDeclared(Id, conflict.Id, reviewerId, submissionId, kind, now));
        return conflict;
    }

    /// <summary>
    /// Suggests a conflict of interest found in the data. Nothing is recorded when a conflict of the same kind was
    /// already recorded for the pair, standing or dismissed (a dismissed suggestion is not raised again).
    /// </summary>
    /// <param name="reviewerId">The reviewer.</param>
    /// <param name="submissionId">The submission.</param>
    /// <param name="kind">The kind of interest.</param>
    /// <param name="note">Why it is suggested.</param>
    /// <param name="clock">The clock.</param>
    /// <returns>The suggestion, or <see langword="null"/> when one was already recorded.</returns>
    /// <exception cref="DomainRuleViolationException">The submission is not on the agenda.</exception>
    internal ConflictOfInterest? SuggestConflict(ParticipantId reviewerId, ReviewSubmissionId submissionId, ConflictKind kind, string note, TimeProvider clock)
    {
        Input.Id(reviewerId);
        Input.Id(submissionId);
        Input.Defined(kind);
        Input.Required(note);
        Guard.Against.Null(clock);
        EnsureOnAgenda(submissionId);
        if (_conflicts.Exists(c => c.ReviewerId == reviewerId && c.SubmissionId == submissionId && c.Kind == kind))
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var conflict = new ConflictOfInterest(ConflictOfInterestId.New(), reviewerId, submissionId, kind, note.Trim(), ConflictOrigin.Suggested, now, null, null);
        _conflicts.Add(conflict);
        _leadReviewers.RemoveAll(l => l.ReviewerId == reviewerId && l.SubmissionId == submissionId);
        Raise(new ConflictSuggested(Id, conflict.Id, reviewerId, submissionId, kind, now));
        return conflict;
    }

    /// <summary>Dismisses a suggested conflict of interest, with a reason. Declared conflicts stand.</summary>
    /// <param name="conflictId">The conflict.</param>
    /// <param name="reason">Why it is not a conflict (for example "Worked in a different team, left in 2019").</param>
    /// <param name="clock">The clock.</param>
    /// <exception cref="ArgumentException">The reason is blank.</exception>
    /// <exception cref="DomainRuleViolationException">No such conflict, it was declared, or it is already dismissed.</exception>
    internal void DismissConflict(ConflictOfInterestId conflictId, string reason, TimeProvider clock)
    {
        Input.Id(conflictId);
        Input.Required(reason);
        Guard.Against.Null(clock);
        var index = _conflicts.FindIndex(c => c.Id == conflictId);
        Rule.Require(index >= 0, PeerReviewErrorCodes.ConflictNotFound, $"Meeting {Id} has no conflict of interest {conflictId}: pass the id of one of its Conflicts.");
        var conflict = _conflicts[index];
        Rule.Require(
            conflict.Origin != ConflictOrigin.ProjectTeam,
            PeerReviewErrorCodes.ProjectTeamConflictNotDismissible,
            $"Conflict {conflictId} stands because reviewer {conflict.ReviewerId} is the project lead or on the team of submission {conflict.SubmissionId}: it cannot be dismissed. It is lifted when they leave the team.");
        Rule.Require(
            conflict.Origin == ConflictOrigin.Suggested,
            PeerReviewErrorCodes.DeclaredConflictNotDismissible,
            $"Conflict {conflictId} was declared by or for reviewer {conflict.ReviewerId}, so it stands: only suggested conflicts can be dismissed. Choose another reviewer for submission {conflict.SubmissionId}.");
        Rule.Require(
            conflict.IsStanding,
            PeerReviewErrorCodes.ConflictAlreadyDismissed,
            $"Conflict {conflictId} was already dismissed at {conflict.DismissedAt:u} (\"{conflict.DismissalReason}\"); nothing needs doing.");
        var now = clock.GetUtcNow();
        _conflicts[index] = conflict with { DismissalReason = reason.Trim(), DismissedAt = now };
        Raise(new ConflictDismissed(Id, conflictId, now));
    }

    /// <summary>
    /// Records a reviewer's review of a submission's round on the form for that round, replacing any earlier review
    /// of theirs for it. Every criterion must be rated on its scale and every required question answered. The
    /// application service checks that the reviewer is a patient member serving on the meeting date.
    /// </summary>
    /// <param name="reviewerId">The reviewer.</param>
    /// <param name="submissionId">The submission (on the agenda).</param>
    /// <param name="roundNumber">The round reviewed.</param>
    /// <param name="form">The panel's form for that round.</param>
    /// <param name="ratings">A rating per criterion key.</param>
    /// <param name="answers">Answers per question key (may be empty when no question is required).</param>
    /// <param name="comments">General comments, if any.</param>
    /// <param name="clock">The clock.</param>
    /// <returns>The review.</returns>
    /// <exception cref="DomainRuleViolationException">The submission is not on the agenda, the reviewer is conflicted, or the review is incomplete or off the scale.</exception>
    internal Review SubmitReview(
        ParticipantId reviewerId,
        ReviewSubmissionId submissionId,
        int roundNumber,
        ReviewForm form,
        IReadOnlyDictionary<string, int> ratings,
        IReadOnlyDictionary<string, string> answers,
        string? comments,
        TimeProvider clock)
    {
        Input.Id(reviewerId);
        Input.Id(submissionId);
        Input.Positive(roundNumber);
        Guard.Against.Null(form);
        Guard.Against.Null(ratings);
        Guard.Against.Null(answers);
        Guard.Against.Null(clock);
        EnsureOnAgenda(submissionId);
        var conflict = _conflicts.Find(c => c.ReviewerId == reviewerId && c.SubmissionId == submissionId && c.IsStanding);
        Rule.Require(
            conflict is null,
            PeerReviewErrorCodes.ReviewerConflicted,
            $"The reviewer has a standing {conflict?.Kind} conflict of interest ({conflict?.Origin}) about this submission, so their review is refused. Ask another reviewer, or dismiss the conflict with a reason if it was suggested in error.",
            ("reviewerId", reviewerId), ("submissionId", submissionId), ("conflictId", conflict?.Id.ToString() ?? string.Empty));
        var unknown = ratings.Keys.Where(k => form.FindCriterion(k) is null)
            .Concat(answers.Keys.Where(k => !form.Questions.Any(q => string.Equals(q.Key, k, StringComparison.Ordinal)))).ToList();
        Rule.Require(
            unknown.Count == 0,
            PeerReviewErrorCodes.UnknownCriterion,
            $"The review uses key(s) {string.Join(", ", unknown)} that form \"{form.Name}\" does not have: use the keys of its criteria ({string.Join(", ", form.Criteria.Select(c => c.Key))}) and questions.");
        var unrated = form.Criteria.Where(c => !ratings.ContainsKey(c.Key)).Select(c => c.Key).ToList();
        var unanswered = form.Questions.Where(q => q.IsRequired && (!answers.TryGetValue(q.Key, out var a) || string.IsNullOrWhiteSpace(a))).Select(q => q.Key).ToList();
        Rule.Require(
            unrated.Count == 0 && unanswered.Count == 0,
            PeerReviewErrorCodes.ReviewIncomplete,
            $"The review is incomplete: rate every criterion{(unrated.Count > 0 ? $" (missing: {string.Join(", ", unrated)})" : string.Empty)} and answer every required question{(unanswered.Count > 0 ? $" (missing: {string.Join(", ", unanswered)})" : string.Empty)}.");
        var offScale = form.Criteria.FirstOrDefault(c => !c.Accepts(ratings[c.Key]));
        Rule.Require(
            offScale is null,
            PeerReviewErrorCodes.RatingOutOfScale,
            $"Criterion '{offScale?.Key}' was rated {(offScale is null ? 0 : ratings[offScale.Key])}, outside its scale of {offScale?.ScaleMinimum} to {offScale?.ScaleMaximum}: give a rating on the scale.");
        var now = clock.GetUtcNow();
        var review = new Review(
            Guid.CreateVersion7(),
            reviewerId,
            submissionId,
            roundNumber,
            form.Id,
            form.Criteria.Select(c => new CriterionRating(c.Key, ratings[c.Key])),
            form.Questions.Where(q => answers.TryGetValue(q.Key, out var a) && !string.IsNullOrWhiteSpace(a)).Select(q => new QuestionAnswer(q.Key, answers[q.Key].Trim())),
            string.IsNullOrWhiteSpace(comments) ? null : comments.Trim(),
            now);
        _reviews.RemoveAll(r => r.ReviewerId == reviewerId && r.SubmissionId == submissionId && r.RoundNumber == roundNumber);
        _reviews.Add(review);
        Raise(new ReviewSubmitted(Id, review.Id, reviewerId, submissionId, roundNumber, now));
        return review;
    }

    /// <summary>
    /// Compiles the panel's feedback on a submission's round: per-criterion mean, median and spread, the reviewers'
    /// agreement (Krippendorff's alpha, ordinal) and the recommendations. Only reviews on <paramref name="form"/>
    /// by reviewers without a standing conflict count. Refused at an inquorate meeting.
    /// </summary>
    /// <param name="submissionId">The submission (on the agenda).</param>
    /// <param name="roundNumber">The round.</param>
    /// <param name="form">The form the reviews used.</param>
    /// <param name="summary">The panel's overall message, in plain English.</param>
    /// <param name="recommendations">The recommendations, each in plain English (at least one).</param>
    /// <param name="clock">The clock.</param>
    /// <returns>The feedback, to be issued with <see cref="ReviewSubmission.IssueFeedback"/>.</returns>
    /// <exception cref="ArgumentException">The summary or a recommendation is blank, or there is none.</exception>
    /// <exception cref="DomainRuleViolationException">The meeting is inquorate, the submission is not on the agenda, or there are no reviews.</exception>
    internal PanelFeedback CompileFeedback(ReviewSubmissionId submissionId, int roundNumber, ReviewForm form, string summary, IEnumerable<string> recommendations, TimeProvider clock)
    {
        Input.Id(submissionId);
        Input.Positive(roundNumber);
        Guard.Against.Null(form);
        Input.Required(summary);
        Guard.Against.Null(recommendations);
        Guard.Against.Null(clock);
        var texts = recommendations.ToList();
        if (texts.Count == 0 || texts.Exists(string.IsNullOrWhiteSpace))
        {
            throw new InvalidInputException(nameof(recommendations), "Give at least one recommendation, each in plain English (for example \"Invite two patient partners to the next PDSA planning meeting\").");
        }

        EnsureOnAgenda(submissionId);
        var quorum = CheckQuorum(submissionId);
        Rule.Require(
            quorum.IsQuorate,
            PeerReviewErrorCodes.QuorumNotMet,
            $"Meeting {Id} is not quorate for submission {submissionId} ({string.Join("; ", quorum.Shortfalls)}), so it cannot issue feedback: record the attendance of enough patient members and choose a patient chair, or hold the item over to a quorate meeting.");
        var counted = _reviews.Where(r => r.SubmissionId == submissionId && r.RoundNumber == roundNumber && r.FormId == form.Id && !IsConflicted(r.ReviewerId, submissionId)).ToList();
        Rule.Require(
            counted.Count > 0,
            PeerReviewErrorCodes.NoReviews,
            $"Meeting {Id} has no reviews of submission {submissionId} round {roundNumber} on form \"{form.Name}\" from reviewers without a conflict: record at least one review first.");
        var summaries = form.Criteria.Select(c => Summarise(c.Key, counted.Select(r => r.RatingOf(c.Key)!.Value).ToList())).ToList();
        var alpha = ReviewAgreement.OrdinalAlpha(form, counted);
        return new PanelFeedback(
            submissionId,
            roundNumber,
            Id,
            form.Id,
            summary.Trim(),
            counted.Select(r => r.ReviewerId),
            summaries,
            alpha,
            texts.Select(t => new Recommendation(RecommendationId.New(), t.Trim())),
            clock.GetUtcNow());
    }

    /// <summary>
    /// Records the lead reviewers chosen for submissions on the agenda, replacing earlier choices for those
    /// submissions.
    /// </summary>
    /// <param name="assignments">The choices.</param>
    /// <param name="clock">The clock.</param>
    /// <exception cref="DomainRuleViolationException">A submission is not on the agenda, or a reviewer is conflicted about it.</exception>
    internal void AssignLeadReviewers(IEnumerable<LeadReviewerAssignment> assignments, TimeProvider clock)
    {
        Guard.Against.Null(assignments);
        Guard.Against.Null(clock);
        var list = assignments.Distinct().ToList();
        if (list.Exists(a => a is null))
        {
            throw new InvalidInputException(nameof(assignments), "The list of lead reviewer assignments contains a null entry.");
        }

        foreach (var assignment in list)
        {
            EnsureOnAgenda(assignment.SubmissionId);
            Rule.Require(
                !IsConflicted(assignment.ReviewerId, assignment.SubmissionId),
                PeerReviewErrorCodes.ReviewerConflicted,
                $"Reviewer {assignment.ReviewerId} has a standing conflict of interest about submission {assignment.SubmissionId}, so they cannot lead its review: choose another reviewer.");
        }

        var submissions = list.Select(a => a.SubmissionId).ToHashSet();
        _leadReviewers.RemoveAll(l => submissions.Contains(l.SubmissionId));
        _leadReviewers.AddRange(list);
        Raise(new LeadReviewersAssigned(Id, list.Count, clock.GetUtcNow()));
    }

    internal static CriterionSummary Summarise(string key, List<int> ratings)
    {
        var sorted = ratings.Order().ToList();
        var n = sorted.Count;
        var mean = sorted.Average();
        var median = n % 2 == 1 ? sorted[n / 2] : (sorted[(n / 2) - 1] + sorted[n / 2]) / 2.0;
        double? sd = n < 2 ? null : Math.Sqrt(sorted.Sum(r => (r - mean) * (r - mean)) / (n - 1));
        return new CriterionSummary(key, n, mean, median, sorted[0], sorted[^1], sd);
    }

    private void EnsureOnAgenda(ReviewSubmissionId submissionId) =>
        Rule.Require(
            IsOnAgenda(submissionId),
            PeerReviewErrorCodes.NotOnAgenda,
            $"Submission {submissionId} is not on the agenda of meeting {Id} ({Date:yyyy-MM-dd}): schedule it to this meeting first.");
}
