using CoProduction.Primitives;
using Ardalis.GuardClauses;
using CoProduction.People;

namespace CoProduction.Programmes.Cohorts;

/// <summary>Where a cohort is in its life.</summary>
public enum CohortStatus
{
    /// <summary>Dates and sessions are being planned; teams cannot enrol yet.</summary>
    Planned,

    /// <summary>Teams are being recruited and enrolled.</summary>
    Recruiting,

    /// <summary>Sessions are being delivered; attendance and team outcomes are recorded.</summary>
    Running,

    /// <summary>Every session was delivered or cancelled; the cohort is over.</summary>
    Completed,

    /// <summary>The cohort was called off.</summary>
    Cancelled,
}

/// <summary>The part a facilitator plays in a session.</summary>
public enum FacilitatorRole
{
    /// <summary>Leads the session.</summary>
    Lead,

    /// <summary>Delivers the session with the lead.</summary>
    CoFacilitator,

    /// <summary>Observes, to learn to facilitate (does not count as delivering).</summary>
    Shadow,
}

/// <summary>Where a session is in its life.</summary>
public enum SessionStatus
{
    /// <summary>Planned for a date and time.</summary>
    Scheduled,

    /// <summary>Held.</summary>
    Delivered,

    /// <summary>Called off.</summary>
    Cancelled,
}

/// <summary>A facilitator of a session. Immutable.</summary>
/// <param name="ParticipantId">The facilitator.</param>
/// <param name="Role">Their role in the session.</param>
/// <param name="IsPatientTrainer">
/// Whether they facilitate as a patient trainer: when the session was scheduled (or its facilitators last changed) they
/// brought lived experience and their patient-trainer pathway had reached the stage the options ask for their role.
/// </param>
public sealed record SessionFacilitator(ParticipantId ParticipantId, FacilitatorRole Role, bool IsPatientTrainer)
{
    /// <summary>Gets whether the facilitator delivers the session (leads or co-facilitates) rather than shadowing.</summary>
    public bool Delivers => Role != FacilitatorRole.Shadow;
}

/// <summary>A member of an enrolled team. Immutable.</summary>
/// <param name="ParticipantId">The member.</param>
/// <param name="HasLivedExperience">
/// Whether they brought lived experience (patient, carer, service user or community member) when the team enrolled,
/// read from their participant record by <see cref="CohortService.EnrolTeamAsync"/>; the record of what the enrolment
/// check saw, not updated when their roles change later.
/// </param>
public sealed record TeamMember(ParticipantId ParticipantId, bool HasLivedExperience);

/// <summary>One participant's attendance at one delivered session. Immutable.</summary>
/// <param name="SessionId">The session.</param>
/// <param name="ParticipantId">The participant (an enrolled team member).</param>
/// <param name="StatusCode">The attendance status, one of the cohort's statuses.</param>
/// <param name="RecordedAt">When it was recorded.</param>
public sealed record SessionAttendance(CohortSessionId SessionId, ParticipantId ParticipantId, string StatusCode, DateTimeOffset RecordedAt)
{
    /// <summary>Gets the attendance status.</summary>
    public string StatusCode { get; } = Input.Required(StatusCode).Trim();
}

/// <summary>One line of a session's register: a participant and their attendance status. Immutable.</summary>
/// <param name="ParticipantId">The participant (an enrolled team member).</param>
/// <param name="StatusCode">The attendance status, such as <c>Present</c>.</param>
public sealed record AttendanceEntry(ParticipantId ParticipantId, string StatusCode)
{
    /// <summary>Gets the attendance status.</summary>
    public string StatusCode { get; } = Input.Required(StatusCode).Trim();
}

/// <summary>A session of a cohort: which module, when, who facilitates it and whether it was held.</summary>
public sealed class CohortSession
{
    private readonly List<SessionFacilitator> _facilitators = [];

    internal CohortSession(CohortSessionId id, string moduleCode, DateTimeOffset startsAt, TimeSpan duration, IEnumerable<SessionFacilitator> facilitators)
    {
        Id = id;
        ModuleCode = moduleCode;
        StartsAt = startsAt;
        Duration = duration;
        _facilitators.AddRange(facilitators);
    }

    private CohortSession()
    {
        ModuleCode = string.Empty;
    }

    /// <summary>Gets the session's id.</summary>
    public CohortSessionId Id { get; private set; }

    /// <summary>Gets the code of the module taught, from the cohort's curriculum version.</summary>
    public string ModuleCode { get; private set; }

    /// <summary>Gets when the session starts.</summary>
    public DateTimeOffset StartsAt { get; private set; }

    /// <summary>Gets how long it lasts.</summary>
    public TimeSpan Duration { get; private set; }

    /// <summary>Gets when it ends.</summary>
    public DateTimeOffset EndsAt => StartsAt + Duration;

    /// <summary>Gets the facilitators.</summary>
    public IReadOnlyList<SessionFacilitator> Facilitators => _facilitators;

    /// <summary>Gets the lead facilitator.</summary>
    public SessionFacilitator Lead => _facilitators.First(f => f.Role == FacilitatorRole.Lead);

    /// <summary>Gets whether the session is scheduled, delivered or cancelled.</summary>
    public SessionStatus Status { get; private set; }

    /// <summary>Gets when the session was recorded as delivered, if it was.</summary>
    public DateTimeOffset? DeliveredAt { get; private set; }

    /// <summary>Gets why the session was cancelled, if it was.</summary>
    public string? CancellationReason { get; private set; }

    internal void ReplaceFacilitators(IEnumerable<SessionFacilitator> facilitators)
    {
        _facilitators.Clear();
        _facilitators.AddRange(facilitators);
    }

    internal void MarkDelivered(DateTimeOffset at)
    {
        Status = SessionStatus.Delivered;
        DeliveredAt = at;
    }

    internal void MarkCancelled(string reason)
    {
        Status = SessionStatus.Cancelled;
        CancellationReason = reason;
    }

    /// <summary>Removes the cancellation reason when a facilitator of the session is erased (it may give their circumstances); returns whether anything changed.</summary>
    internal bool RemovePersonalText(ParticipantId participantId)
    {
        if (CancellationReason is null || CancellationReason == PersonalData.RemovedOnErasure || !_facilitators.Exists(f => f.ParticipantId == participantId))
        {
            return false;
        }

        CancellationReason = PersonalData.RemovedOnErasure;
        return true;
    }
}

/// <summary>An improvement team enrolled in a cohort: its aim, its members and what it has achieved.</summary>
public sealed class CohortTeam
{
    private readonly List<TeamMember> _members = [];

    internal CohortTeam(CohortTeamId id, string name, string improvementAim, IEnumerable<TeamMember> members, DateTimeOffset enrolledAt)
    {
        Id = id;
        Name = name;
        ImprovementAim = improvementAim;
        _members.AddRange(members);
        EnrolledAt = enrolledAt;
    }

    private CohortTeam()
    {
        Name = string.Empty;
        ImprovementAim = string.Empty;
    }

    /// <summary>Gets the team's id.</summary>
    public CohortTeamId Id { get; private set; }

    /// <summary>Gets the team's name, such as "Discharge lounge team".</summary>
    public string Name { get; private set; }

    /// <summary>Gets the improvement the team is working on, with patients, in its own words.</summary>
    public string ImprovementAim { get; private set; }

    /// <summary>Gets the members.</summary>
    public IReadOnlyList<TeamMember> Members => _members;

    /// <summary>Gets when the team enrolled.</summary>
    public DateTimeOffset EnrolledAt { get; private set; }

    /// <summary>Gets the date the team submitted its improvement plan, if it has.</summary>
    public DateOnly? PlanSubmittedOn { get; private set; }

    /// <summary>Gets the date the team presented at the showcase, if it has.</summary>
    public DateOnly? ShowcasePresentedOn { get; private set; }

    /// <summary>Gets the facilitator who signed the team off, if one has.</summary>
    public ParticipantId? SignedOffBy { get; private set; }

    /// <summary>Gets the date the team was signed off, if it was.</summary>
    public DateOnly? SignedOffOn { get; private set; }

    /// <summary>Gets the day the team withdrew from the cohort, if it did.</summary>
    public DateOnly? WithdrawnOn { get; private set; }

    /// <summary>Gets why the team withdrew, if it did.</summary>
    public string? WithdrawalReason { get; private set; }

    /// <summary>Gets whether the team withdrew from the cohort.</summary>
    public bool IsWithdrawn => WithdrawnOn is not null;

    /// <summary>Tells whether a participant is a member.</summary>
    /// <param name="participantId">The participant.</param>
    /// <returns><see langword="true"/> when they are.</returns>
    public bool HasMember(ParticipantId participantId) => _members.Exists(m => m.ParticipantId == participantId);

    internal void Withdraw(DateOnly on, string reason)
    {
        WithdrawnOn = on;
        WithdrawalReason = reason;
    }

    /// <summary>
    /// Removes the team's name and withdrawal reason when a member is erased: teams are often named after a person, and
    /// a withdrawal reason may give a member's circumstances. Returns whether anything changed.
    /// </summary>
    internal bool RemovePersonalText(ParticipantId participantId)
    {
        if (!HasMember(participantId))
        {
            return false;
        }

        var changed = Name != PersonalData.RemovedOnErasure || (WithdrawalReason is not null && WithdrawalReason != PersonalData.RemovedOnErasure);
        Name = PersonalData.RemovedOnErasure;
        WithdrawalReason = PersonalData.Removed(WithdrawalReason);
        return changed;
    }

    internal void RecordPlanSubmitted(DateOnly on) => PlanSubmittedOn = on;

    internal void RecordShowcasePresented(DateOnly on) => ShowcasePresentedOn = on;

    internal void RecordSignOff(ParticipantId by, DateOnly on)
    {
        SignedOffBy = by;
        SignedOffOn = on;
    }
}

/// <summary>A team to enrol: its name, aim and members (with lived experience read from their records by <see cref="CohortService"/>). Checked by <see cref="Cohort.EnrolTeam"/>.</summary>
/// <param name="Name">The team's name.</param>
/// <param name="ImprovementAim">Its improvement aim.</param>
/// <param name="Members">Its members, with whether each brings lived experience.</param>
internal sealed record TeamEnrolment(string Name, string ImprovementAim, IReadOnlyList<TeamMember> Members)
{
    /// <summary>Gets the team's name.</summary>
    public string Name { get; } = Input.Required(Name).Trim();

    /// <summary>Gets its improvement aim.</summary>
    public string ImprovementAim { get; } = Input.Required(ImprovementAim).Trim();

    /// <summary>Gets its members.</summary>
    public IReadOnlyList<TeamMember> Members { get; } = Guard.Against.Null(Members);
}
