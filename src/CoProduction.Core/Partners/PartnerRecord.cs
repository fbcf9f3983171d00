using Ardalis.GuardClauses;
using CoProduction.Partners.Events;
using CoProduction.People;
using CoProduction.Primitives;
using static CoProduction.Partners.Opportunity;

namespace CoProduction.Partners;

/// <summary>
/// One person's life as a partner of the organisation, apart from the confidential support records: the onboarding
/// checks they completed (with expiry and renewal dates), the roles they were given (fixed-term ones with a review
/// date), when their support plan is next reviewed, the sessions at which they are to share their story (with their
/// readiness, their right to withdraw and the debrief after) and which due work was announced. One per participant.
/// </summary>
public sealed class PartnerRecord : AggregateRoot<PartnerRecordId>
{
    private readonly List<OnboardingCheck> _checks = [];
    private readonly List<RoleAppointment> _appointments = [];
    private readonly List<StorySharing> _storySharing = [];
    private readonly List<AnnouncedWork> _announced = [];

    private PartnerRecord(PartnerRecordId id, OrganisationId organisationId, ParticipantId participantId, DateTimeOffset openedAt)
        : base(id, organisationId)
    {
        ParticipantId = participantId;
        OpenedAt = openedAt;
    }

    private PartnerRecord()
    {
    }

    /// <summary>Gets the partner.</summary>
    public ParticipantId ParticipantId { get; private set; }

    /// <summary>Gets when the record was opened.</summary>
    public DateTimeOffset OpenedAt { get; private set; }

    /// <summary>Gets when the partner's support plan is next reviewed, if a review is set.</summary>
    public DateOnly? SupportPlanReviewOn { get; private set; }

    /// <summary>Gets the onboarding checks completed, oldest first (a renewal is a new check).</summary>
    public IReadOnlyList<OnboardingCheck> Checks => _checks;

    /// <summary>Gets the roles given, oldest first.</summary>
    public IReadOnlyList<RoleAppointment> Appointments => _appointments;

    /// <summary>Gets the sessions at which the partner is (or was) to share their story.</summary>
    public IReadOnlyList<StorySharing> StorySharing => _storySharing;

    /// <summary>Gets the due work announced to the dispatcher, so that each item is announced once.</summary>
    public IReadOnlyList<AnnouncedWork> Announced => _announced;

    /// <summary>Opens a partner record.</summary>
    internal static PartnerRecord Open(OrganisationId organisationId, ParticipantId participantId, TimeProvider clock)
    {
        Input.Id(organisationId);
        Input.Id(participantId);
        Guard.Against.Null(clock);
        var record = new PartnerRecord(PartnerRecordId.New(), organisationId, participantId, clock.GetUtcNow());
        record.Raise(new PartnerRecordOpened(record.Id, participantId, record.OpenedAt));
        return record;
    }

    /// <summary>Gets the latest completed check that meets a requirement, if any.</summary>
    /// <param name="requirement">The requirement.</param>
    /// <returns>The latest such check (by completion date), or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="requirement"/> is <see langword="null"/>.</exception>
    internal OnboardingCheck? LatestCheckFor(CheckRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        return _checks.Where(requirement.IsMetBy).OrderBy(c => c.CompletedOn).ThenBy(c => c.RecordedAt).LastOrDefault();
    }

    /// <summary>Lists the requirements that no check in force on a date meets, in the order given.</summary>
    /// <param name="requirements">The role's checklist.</param>
    /// <param name="on">The date.</param>
    /// <returns>The requirements not met.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="requirements"/> is <see langword="null"/>.</exception>
    internal IReadOnlyList<CheckRequirement> MissingChecks(IEnumerable<CheckRequirement> requirements, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(requirements);
        return [.. requirements.Where(r => !_checks.Exists(c => r.IsMetBy(c) && c.IsInForceOn(on)))];
    }

    /// <summary>Records a completed check.</summary>
    internal OnboardingCheck RecordCheck(OnboardingCheckKind kind, string? trainingName, DateOnly completedOn, DateOnly? expiresOn, TimeProvider clock)
    {
        _ = new CheckRequirement(kind, trainingName);
        Guard.Against.Null(clock);
        var today = Today(clock);
        Rule.Require(completedOn <= today, PartnerErrorCodes.DateOutOfRange, $"The completion date {D(completedOn)} is in the future: give today's date ({D(today)}) or an earlier one.", ("participantId", ParticipantId));
        Rule.Require(expiresOn is null || expiresOn > completedOn, PartnerErrorCodes.DateOutOfRange, $"The expiry date must be after the completion date {D(completedOn)}.", ("participantId", ParticipantId));
        var check = new OnboardingCheck(Guid.CreateVersion7(), kind, trainingName?.Trim(), completedOn, expiresOn, clock.GetUtcNow());
        _checks.Add(check);
        Raise(new OnboardingCheckRecorded(Id, ParticipantId, check.Id, kind, completedOn, expiresOn, check.RecordedAt));
        return check;
    }

    /// <summary>Gives the partner a role whose every required check is in force on the date.</summary>
    internal RoleAppointment Appoint(Opportunity opportunity, DateOnly appointedOn, TimeProvider clock)
    {
        Guard.Against.Null(opportunity);
        Guard.Against.Null(clock);
        Rule.Require(appointedOn <= Today(clock), PartnerErrorCodes.DateOutOfRange, $"The appointment date {D(appointedOn)} is in the future: appoint on or after the day itself.", ("participantId", ParticipantId));
        Rule.Require(!_appointments.Exists(a => a.OpportunityId == opportunity.Id && a.EndedOn is null), PartnerErrorCodes.AlreadyAppointed, $"This person already holds the role '{opportunity.Role.Title}'.", ("participantId", ParticipantId), ("opportunityId", opportunity.Id));
        RequireChecks(opportunity, appointedOn);
        var appointment = new RoleAppointment(RoleAppointmentId.New(), opportunity.Id, appointedOn, opportunity.FixedTermMonths is { } months ? appointedOn.AddMonths(months) : null, null, null);
        _appointments.Add(appointment);
        Raise(new PartnerAppointed(Id, ParticipantId, opportunity.Id, appointment.Id, appointedOn, appointment.ReviewOn, clock.GetUtcNow()));
        return appointment;
    }

    /// <summary>Records the partner's first activity in a role, which makes them active in it; the role's checks must still be in force.</summary>
    internal RoleAppointment RecordFirstActivity(Opportunity opportunity, RoleAppointmentId appointmentId, DateOnly on, TimeProvider clock)
    {
        Guard.Against.Null(opportunity);
        Guard.Against.Null(clock);
        var index = AppointmentIndex(appointmentId);
        var appointment = _appointments[index];
        Rule.Require(appointment.OpportunityId == opportunity.Id, PartnerErrorCodes.AppointmentNotFound, "This appointment is to another opportunity: pass the opportunity the person was appointed to.", ("appointmentId", appointmentId));
        Rule.Require(appointment.EndedOn is null, PartnerErrorCodes.AppointmentEnded, "This role has ended.", ("appointmentId", appointmentId));
        Rule.Require(appointment.FirstActivityOn is null, PartnerErrorCodes.AlreadyActive, $"The first activity in this role is already recorded ({D(appointment.FirstActivityOn ?? default)}).", ("appointmentId", appointmentId));
        Rule.Require(on >= appointment.AppointedOn && on <= Today(clock), PartnerErrorCodes.DateOutOfRange, $"The first activity ({D(on)}) must be between the appointment ({D(appointment.AppointedOn)}) and today.", ("appointmentId", appointmentId));
        RequireChecks(opportunity, on);
        _appointments[index] = appointment = appointment with { FirstActivityOn = on };
        Raise(new PartnerActiveInRole(Id, ParticipantId, opportunity.Id, appointmentId, on, clock.GetUtcNow()));
        return appointment;
    }

    /// <summary>Records the review of a fixed-term role: the role goes on to a next review date, or ends on the review date.</summary>
    internal RoleAppointment ReviewRole(RoleAppointmentId appointmentId, DateOnly reviewedOn, DateOnly? nextReviewOn, TimeProvider clock)
    {
        Guard.Against.Null(clock);
        var index = AppointmentIndex(appointmentId);
        var appointment = _appointments[index];
        Rule.Require(appointment.EndedOn is null, PartnerErrorCodes.AppointmentEnded, "This role has ended.", ("appointmentId", appointmentId));
        Rule.Require(appointment.ReviewOn is not null, PartnerErrorCodes.NotFixedTerm, "This role is open-ended: it has no review date to record a review against.", ("appointmentId", appointmentId));
        Rule.Require(reviewedOn >= appointment.AppointedOn && reviewedOn <= Today(clock), PartnerErrorCodes.DateOutOfRange, $"The review date ({D(reviewedOn)}) must be between the appointment ({D(appointment.AppointedOn)}) and today.", ("appointmentId", appointmentId));
        Rule.Require(nextReviewOn is null || nextReviewOn > reviewedOn, PartnerErrorCodes.DateOutOfRange, "The next review must come after this one.", ("appointmentId", appointmentId));
        _appointments[index] = appointment = nextReviewOn is null ? appointment with { EndedOn = reviewedOn } : appointment with { ReviewOn = nextReviewOn };
        Raise(new PartnerRoleReviewed(Id, ParticipantId, appointment.OpportunityId, appointmentId, reviewedOn, nextReviewOn, clock.GetUtcNow()));
        return appointment;
    }

    /// <summary>Sets when the support plan is next reviewed.</summary>
    internal void ScheduleSupportPlanReview(DateOnly reviewOn, TimeProvider clock)
    {
        Guard.Against.Null(clock);
        Rule.Require(reviewOn >= Today(clock), PartnerErrorCodes.DateOutOfRange, $"The review date {D(reviewOn)} has passed: give a date from today.", ("participantId", ParticipantId));
        SupportPlanReviewOn = reviewOn;
        Raise(new SupportPlanReviewScheduled(Id, ParticipantId, reviewOn, clock.GetUtcNow()));
    }

    /// <summary>Plans a session at which the partner is to share their story; readiness is to be confirmed with them.</summary>
    internal StorySharing PlanStorySharing(string occasion, DateOnly sessionOn, TimeProvider clock)
    {
        Input.Required(occasion);
        Guard.Against.Null(clock);
        Rule.Require(sessionOn >= Today(clock), PartnerErrorCodes.DateOutOfRange, $"The session date {D(sessionOn)} has passed: plan story sharing ahead of the session.", ("participantId", ParticipantId));
        var entry = new StorySharing(StorySharingId.New(), occasion.Trim(), sessionOn, StoryReadiness.NotConfirmed, null, null, null);
        _storySharing.Add(entry);
        Raise(new StorySharingPlanned(Id, ParticipantId, entry.Id, sessionOn, clock.GetUtcNow()));
        return entry;
    }

    /// <summary>Records that the partner confirmed they are ready to share their story at the session.</summary>
    internal StorySharing ConfirmReadyToShare(StorySharingId storyId, DateOnly confirmedOn, TimeProvider clock)
    {
        Guard.Against.Null(clock);
        var index = StoryIndex(storyId);
        var entry = _storySharing[index];
        Rule.Require(entry.Readiness != StoryReadiness.Withdrawn, PartnerErrorCodes.StoryWithdrawn, "The partner withdrew from sharing their story at this session: plan a new session if they want to share it later.", ("storyId", storyId));
        Rule.Require(confirmedOn <= entry.SessionOn && confirmedOn <= Today(clock), PartnerErrorCodes.DateOutOfRange, $"Readiness is confirmed before the session ({D(entry.SessionOn)}), and not in the future.", ("storyId", storyId));
        _storySharing[index] = entry = entry with { Readiness = StoryReadiness.Ready, ReadinessConfirmedOn = confirmedOn };
        Raise(new ReadinessToShareConfirmed(Id, ParticipantId, storyId, confirmedOn, clock.GetUtcNow()));
        return entry;
    }

    /// <summary>Records that the partner withdrew from sharing their story: their right, at any time before the session, without a reason.</summary>
    internal StorySharing WithdrawFromStorySharing(StorySharingId storyId, TimeProvider clock)
    {
        Guard.Against.Null(clock);
        var index = StoryIndex(storyId);
        var entry = _storySharing[index];
        Rule.Require(entry.Readiness != StoryReadiness.Withdrawn, PartnerErrorCodes.StoryWithdrawn, "The partner has already withdrawn from this session.", ("storyId", storyId));
        Rule.Require(Today(clock) <= entry.SessionOn, PartnerErrorCodes.DateOutOfRange, "The session has taken place.", ("storyId", storyId));
        _storySharing[index] = entry = entry with { Readiness = StoryReadiness.Withdrawn, WithdrawnAt = clock.GetUtcNow() };
        Raise(new StorySharingWithdrawn(Id, ParticipantId, storyId, entry.WithdrawnAt!.Value));
        return entry;
    }

    /// <summary>Links a story-sharing session to the debrief held after it.</summary>
    internal void RecordDebriefHeld(StorySharingId storyId, SupportRecordId debriefId, DateOnly heldOn, TimeProvider clock)
    {
        Guard.Against.Null(clock);
        var index = StoryIndex(storyId);
        var entry = _storySharing[index];
        Rule.Require(entry.Readiness == StoryReadiness.Ready, PartnerErrorCodes.StoryNotShared, "The partner was not confirmed ready for this session, or withdrew, so there is no story-sharing to debrief: record the debrief without the session.", ("storyId", storyId));
        Rule.Require(heldOn >= entry.SessionOn, PartnerErrorCodes.DateOutOfRange, $"A debrief after the session is held on or after {D(entry.SessionOn)}.", ("storyId", storyId));
        Rule.Require(entry.DebriefId is null, PartnerErrorCodes.DebriefAlreadyHeld, "A debrief is already recorded for this session.", ("storyId", storyId));
        _storySharing[index] = entry with { DebriefId = debriefId };
    }

    /// <summary>Records that due work was announced, raising one event for each item not announced before.</summary>
    internal int Announce(IEnumerable<DueWorkItem> items, TimeProvider clock)
    {
        Guard.Against.Null(items);
        Guard.Against.Null(clock);
        var count = 0;
        foreach (var item in items)
        {
            var work = new AnnouncedWork(item.Kind, item.ItemId, item.DueOn);
            if (!_announced.Contains(work))
            {
                _announced.Add(work);
                Raise(new PartnerWorkFellDue(Id, ParticipantId, item.Kind, item.ItemId, item.DueOn, item.ContactVia, clock.GetUtcNow()));
                count++;
            }
        }

        return count;
    }

    /// <summary>Removes, on the partner's erasure, the words of their story-sharing occasions.</summary>
    internal bool RemovePersonalText()
    {
        var changed = false;
        for (var i = 0; i < _storySharing.Count; i++)
        {
            if (_storySharing[i].Occasion != PersonalData.RemovedOnErasure)
            {
                _storySharing[i] = _storySharing[i] with { Occasion = PersonalData.RemovedOnErasure };
                changed = true;
            }
        }

        return changed;
    }

    private void RequireChecks(Opportunity opportunity, DateOnly on)
    {
        var missing = MissingChecks(opportunity.RequiredChecks, on);
        if (missing.Count > 0)
        {
            var first = missing[0];
            var latest = LatestCheckFor(first);
            var state = latest is null ? "is not recorded" : latest.CompletedOn > on ? $"was completed only on {D(latest.CompletedOn)}" : $"expired on {D(latest.ExpiresOn ?? on)}";
            Rule.Require(
                false,
                first.MissingCode,
                $"'{opportunity.Role.Title}' needs {first.Words} on {D(on)}, and it {state}{(missing.Count > 1 ? $"; also missing: {string.Join(", ", missing.Skip(1).Select(m => m.Words))}" : string.Empty)}. Record the check first.",
                ("participantId", ParticipantId),
                ("opportunityId", opportunity.Id),
                ("missingChecks", missing.Select(m => m.MissingCode).ToArray()));
        }
    }

    private int AppointmentIndex(RoleAppointmentId appointmentId)
    {
        var index = _appointments.FindIndex(a => a.Id == appointmentId);
        Rule.Require(index >= 0, PartnerErrorCodes.AppointmentNotFound, $"This partner has no role appointment {appointmentId}: check the id.", ("participantId", ParticipantId));
        return index;
    }

    private int StoryIndex(StorySharingId storyId)
    {
        var index = _storySharing.FindIndex(s => s.Id == storyId);
        Rule.Require(index >= 0, PartnerErrorCodes.StoryNotFound, $"This partner has no story-sharing session {storyId}: check the id.", ("participantId", ParticipantId));
        return index;
    }
}
