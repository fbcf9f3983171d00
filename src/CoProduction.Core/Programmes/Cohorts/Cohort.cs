using System.Globalization;
using Ardalis.GuardClauses;
using CoProduction.People;
using CoProduction.Primitives;
using CoProduction.Programmes.Cohorts.Events;

namespace CoProduction.Programmes.Cohorts;

/// <summary>
/// One run of a programme on one curriculum version: its dates, sessions, enrolled teams, attendance and team
/// outcomes, with its lifecycle Planned, Recruiting, Running, Completed (or Cancelled). A cohort keeps the delivery
/// rules, attendance statuses and completion policy its programme had when it was planned, and refers to its
/// curriculum by programme id and version number, so later changes to the programme never rewrite it.
/// </summary>
public sealed class Cohort : AggregateRoot<CohortId>
{
    private readonly List<CohortSession> _sessions = [];
    private readonly List<CohortTeam> _teams = [];
    private readonly List<SessionAttendance> _attendance = [];
    private readonly List<AttendanceStatusDefinition> _attendanceStatuses = [];
    private readonly List<CompletionCriterion> _completionCriteria = [];

    private Cohort(CohortId id, Programme programme, int curriculumVersionNumber, string name, DateOnly startDate, DateOnly endDate, DateTimeOffset plannedAt)
        : base(id, programme.OrganisationId)
    {
        ProgrammeId = programme.Id;
        CurriculumVersionNumber = curriculumVersionNumber;
        Name = name;
        StartDate = startDate;
        EndDate = endDate;
        PlannedAt = plannedAt;
        DeliveryRules = programme.DeliveryRules;
        _attendanceStatuses.AddRange(programme.AttendanceStatuses);
        CompletionCombination = programme.CompletionCombination;
        _completionCriteria.AddRange(programme.CompletionCriteria);
    }

    private Cohort()
    {
        Name = string.Empty;
        DeliveryRules = DeliveryRules.Default;
    }

    /// <summary>Gets the programme the cohort runs.</summary>
    public ProgrammeId ProgrammeId { get; private set; }

    /// <summary>Gets the number of the curriculum version the cohort runs.</summary>
    public int CurriculumVersionNumber { get; private set; }

    /// <summary>Gets the cohort's name, such as "Cohort 1 (spring)".</summary>
    public string Name { get; private set; }

    /// <summary>Gets the first day of the cohort.</summary>
    public DateOnly StartDate { get; private set; }

    /// <summary>Gets the last day of the cohort.</summary>
    public DateOnly EndDate { get; private set; }

    /// <summary>Gets when the cohort was planned.</summary>
    public DateTimeOffset PlannedAt { get; private set; }

    /// <summary>Gets where the cohort is in its life.</summary>
    public CohortStatus Status { get; private set; }

    /// <summary>Gets why the cohort was cancelled, if it was.</summary>
    public string? CancellationReason { get; private set; }

    /// <summary>Gets the delivery rules in force for this cohort (its programme's when it was planned).</summary>
    public DeliveryRules DeliveryRules { get; private set; }

    /// <summary>Gets the attendance statuses in force for this cohort.</summary>
    public IReadOnlyList<AttendanceStatusDefinition> AttendanceStatuses => _attendanceStatuses;

    /// <summary>Gets how the completion criteria combine.</summary>
    public CompletionCombination CompletionCombination { get; private set; }

    /// <summary>Gets the completion criteria in force for this cohort.</summary>
    public IReadOnlyList<CompletionCriterion> CompletionCriteria => _completionCriteria;

    /// <summary>
    /// Removes, on a participant's erasure, the text about them that holds no id: the name and withdrawal reason of
    /// their team, and the cancellation reasons of sessions they facilitate. Returns whether anything changed.
    /// </summary>
    internal bool RemovePersonalText(ParticipantId participantId)
    {
        var changed = false;
        foreach (var team in _teams)
        {
            changed |= team.RemovePersonalText(participantId);
        }

        foreach (var session in _sessions)
        {
            changed |= session.RemovePersonalText(participantId);
        }

        return changed;
    }

    /// <summary>Gets the sessions, in order of scheduling.</summary>
    public IReadOnlyList<CohortSession> Sessions => _sessions;

    /// <summary>Gets the enrolled teams, in order of enrolment.</summary>
    public IReadOnlyList<CohortTeam> Teams => _teams;

    /// <summary>Gets every attendance record.</summary>
    public IReadOnlyList<SessionAttendance> Attendance => _attendance;

    /// <summary>Gets the enrolled teams that have not withdrawn.</summary>
    public IEnumerable<CohortTeam> ActiveTeams => _teams.Where(t => !t.IsWithdrawn);

    /// <summary>Gets every enrolled participant, team by team (withdrawn teams included).</summary>
    public IEnumerable<ParticipantId> EnrolledParticipants => _teams.SelectMany(t => t.Members).Select(m => m.ParticipantId);

    /// <summary>Plans a cohort of a programme on one of its published curriculum versions.</summary>
    /// <param name="programme">The programme.</param>
    /// <param name="curriculumVersionNumber">The published version the cohort runs.</param>
    /// <param name="name">The cohort's name.</param>
    /// <param name="startDate">The first day.</param>
    /// <param name="endDate">The last day (on or after the first).</param>
    /// <param name="clock">The clock.</param>
    /// <returns>The new cohort, in <see cref="CohortStatus.Planned"/>, to be added to the store.</returns>
    /// <exception cref="DomainRuleViolationException">The version does not exist (<see cref="ProgrammeErrorCodes.CurriculumVersionNotFound"/>).</exception>
    internal static Cohort Plan(Programme programme, int curriculumVersionNumber, string name, DateOnly startDate, DateOnly endDate, TimeProvider clock)
    {
        Guard.Against.Null(programme);
        Input.Required(name);
        Guard.Against.Null(clock);
        if (endDate < startDate)
        {
            throw new InvalidInputException(nameof(endDate), $"The cohort ends ({endDate:yyyy-MM-dd}) before it starts ({startDate:yyyy-MM-dd}): give an end date on or after the start date.");
        }

        _ = programme.GetVersion(curriculumVersionNumber);
        var now = clock.GetUtcNow();
        var cohort = new Cohort(CohortId.New(), programme, curriculumVersionNumber, name.Trim(), startDate, endDate, now);
        cohort.Raise(new CohortPlanned(cohort.Id, programme.Id, curriculumVersionNumber, now));
        return cohort;
    }

    /// <summary>Gets the lifecycle commands allowed from the current status (<see cref="CohortLifecycle"/>).</summary>
    public IReadOnlyList<CohortTrigger> PermittedTriggers => CohortLifecycle.PermittedTriggers(Status);

    /// <summary>Opens recruitment: Planned to Recruiting.</summary>
    /// <param name="clock">The clock.</param>
    /// <exception cref="DomainRuleViolationException">The cohort is not Planned (<see cref="ProgrammeErrorCodes.CohortTransitionRefused"/>).</exception>
    internal void OpenRecruitment(TimeProvider clock)
    {
        Guard.Against.Null(clock);
        var target = Allow(
            CohortTrigger.OpenRecruitment,
            $"Cohort '{Name}' is {Status}, so recruitment cannot be opened: only a Planned cohort can start recruiting{(Status == CohortStatus.Recruiting ? " (it is recruiting already)" : string.Empty)}.");
        ChangeStatus(target, clock);
    }

    /// <summary>Starts the cohort: Recruiting to Running, once at least the minimum number of teams has enrolled.</summary>
    /// <param name="clock">The clock.</param>
    /// <exception cref="DomainRuleViolationException">
    /// The cohort is not Recruiting (<see cref="ProgrammeErrorCodes.CohortTransitionRefused"/>) or has too few teams
    /// (<see cref="ProgrammeErrorCodes.CohortBelowMinimumTeams"/>).
    /// </exception>
    internal void Start(TimeProvider clock)
    {
        Guard.Against.Null(clock);
        var target = Allow(
            CohortTrigger.Start,
            Status == CohortStatus.Planned
                ? $"Cohort '{Name}' is Planned, so it cannot start running: open recruitment and enrol teams first (OpenRecruitment, then EnrolTeam)."
                : $"Cohort '{Name}' is {Status}, so it cannot start running: only a Recruiting cohort can start.");
        var active = ActiveTeams.Count();
        Rule.Require(
            active >= DeliveryRules.MinimumTeams,
            ProgrammeErrorCodes.CohortBelowMinimumTeams,
            $"Cohort '{Name}' has {active} enrolled team(s) but needs at least {DeliveryRules.MinimumTeams} to start: enrol {DeliveryRules.MinimumTeams - active} more, or cancel the cohort.");
        ChangeStatus(target, clock);
    }

    /// <summary>Completes the cohort: Running to Completed, once every session was delivered or cancelled and at least one was delivered.</summary>
    /// <param name="clock">The clock.</param>
    /// <exception cref="DomainRuleViolationException">
    /// The cohort is not Running (<see cref="ProgrammeErrorCodes.CohortTransitionRefused"/>), sessions are still
    /// scheduled (<see cref="ProgrammeErrorCodes.CohortSessionsOutstanding"/>) or none was delivered
    /// (<see cref="ProgrammeErrorCodes.CohortNoSessionDelivered"/>).
    /// </exception>
    internal void Complete(TimeProvider clock)
    {
        Guard.Against.Null(clock);
        var target = Allow(
            CohortTrigger.Complete,
            $"Cohort '{Name}' is {Status}, so it cannot be completed: only a Running cohort can complete{(Status is CohortStatus.Planned or CohortStatus.Recruiting ? " (start it first)" : string.Empty)}.");
        var outstanding = _sessions.Count(s => s.Status == SessionStatus.Scheduled);
        Rule.Require(
            outstanding == 0,
            ProgrammeErrorCodes.CohortSessionsOutstanding,
            $"Cohort '{Name}' has {outstanding} session(s) still scheduled: mark each as delivered or cancel it before completing the cohort.");
        Rule.Require(
            _sessions.Exists(s => s.Status == SessionStatus.Delivered),
            ProgrammeErrorCodes.CohortNoSessionDelivered,
            $"Cohort '{Name}' has no delivered session, so it cannot be completed: deliver at least one session, or cancel the cohort instead.");
        ChangeStatus(target, clock);
    }

    /// <summary>Cancels the cohort from Planned, Recruiting or Running.</summary>
    /// <param name="reason">Why.</param>
    /// <param name="clock">The clock.</param>
    /// <exception cref="DomainRuleViolationException">The cohort is already Completed or Cancelled (<see cref="ProgrammeErrorCodes.CohortTransitionRefused"/>).</exception>
    internal void Cancel(string reason, TimeProvider clock)
    {
        Input.Required(reason);
        Guard.Against.Null(clock);
        var target = Allow(
            CohortTrigger.Cancel,
            $"Cohort '{Name}' is {Status}, so it cannot be cancelled: only a Planned, Recruiting or Running cohort can be cancelled.");
        CancellationReason = reason.Trim();
        ChangeStatus(target, clock);
    }

    /// <summary>
    /// Schedules a session of a module of the cohort's curriculum version, inside the cohort's dates, with its
    /// facilitators: exactly one lead, and as many patient trainers as the delivery rules ask.
    /// </summary>
    /// <param name="programme">The cohort's programme, from which the cohort's curriculum version is taken.</param>
    /// <param name="moduleCode">The module taught.</param>
    /// <param name="startsAt">When the session starts; its start and end dates, in its own offset, must fall inside the cohort's dates.</param>
    /// <param name="duration">How long it lasts, or <see langword="null"/> for the module's duration.</param>
    /// <param name="facilitators">The facilitators, each once, with whether each is a patient trainer.</param>
    /// <param name="clock">The clock.</param>
    /// <returns>The new session's id.</returns>
    /// <exception cref="DomainRuleViolationException">A rule is broken; see <see cref="ProgrammeErrorCodes"/>.</exception>
    internal CohortSessionId ScheduleSession(Programme programme, string moduleCode, DateTimeOffset startsAt, TimeSpan? duration, IEnumerable<SessionFacilitator> facilitators, TimeProvider clock)
    {
        Guard.Against.Null(programme);
        Input.Required(moduleCode);
        Guard.Against.Null(facilitators);
        Guard.Against.Null(clock);
        var facilitatorList = CheckFacilitatorArguments(facilitators);
        if (duration is { } given && (given <= TimeSpan.Zero || given > TimeSpan.FromDays(1)))
        {
            throw new InvalidInputException(nameof(duration), $"A session lasting {given} is not possible: give a duration of more than zero and at most one day, or null for the module's duration.");
        }

        RequireState("schedule a session", CohortStatus.Planned, CohortStatus.Recruiting, CohortStatus.Running);
        Rule.Require(
            programme.Id == ProgrammeId,
            ProgrammeErrorCodes.CurriculumVersionMismatch,
            $"Cohort '{Name}' runs programme {ProgrammeId}, not programme {programme.Id} ('{programme.Name}'): pass the cohort's own programme, whose version {CurriculumVersionNumber} it runs.");
        var curriculum = programme.GetVersion(CurriculumVersionNumber);
        var module = curriculum.FindModule(moduleCode);
        Rule.Require(
            module is not null,
            ProgrammeErrorCodes.UnknownModule,
            $"Curriculum version {CurriculumVersionNumber} has no module '{moduleCode.Trim()}': choose one of {string.Join(", ", curriculum.Modules.Select(m => m.Code))}.");
        var length = duration ?? module!.Duration;
        var endsAt = startsAt + length;
        RequireInsideCohortDates(DateOnly.FromDateTime(startsAt.DateTime), $"A session starting {startsAt:yyyy-MM-dd HH:mm}");
        RequireInsideCohortDates(DateOnly.FromDateTime(endsAt.DateTime), $"A session ending {endsAt:yyyy-MM-dd HH:mm}");
        CheckFacilitators(facilitatorList);

        var session = new CohortSession(CohortSessionId.New(), module!.Code, startsAt, length, facilitatorList);
        _sessions.Add(session);
        Raise(new SessionScheduled(Id, session.Id, session.ModuleCode, startsAt, clock.GetUtcNow()));
        return session.Id;
    }

    /// <summary>
    /// Replaces the facilitators of a scheduled session (for example when a patient trainer is unwell), with the
    /// same checks as scheduling: exactly one lead, and as many patient trainers as the delivery rules ask.
    /// </summary>
    /// <param name="sessionId">The scheduled session.</param>
    /// <param name="facilitators">The new facilitators, each once, with whether each is a patient trainer.</param>
    /// <param name="clock">The clock.</param>
    /// <exception cref="DomainRuleViolationException">A rule is broken; see <see cref="ProgrammeErrorCodes"/>.</exception>
    internal void ChangeFacilitators(CohortSessionId sessionId, IEnumerable<SessionFacilitator> facilitators, TimeProvider clock)
    {
        Guard.Against.Null(facilitators);
        Guard.Against.Null(clock);
        var facilitatorList = CheckFacilitatorArguments(facilitators);
        var session = GetSession(sessionId);
        RequireState("change a session's facilitators", CohortStatus.Planned, CohortStatus.Recruiting, CohortStatus.Running);
        RequireScheduled(session, "given new facilitators");
        CheckFacilitators(facilitatorList);
        session.ReplaceFacilitators(facilitatorList);
        Raise(new SessionFacilitatorsChanged(Id, sessionId, clock.GetUtcNow()));
    }

    /// <summary>Records that a scheduled session was held. The cohort must be Running and the session must have started.</summary>
    /// <param name="sessionId">The session.</param>
    /// <param name="clock">The clock.</param>
    /// <exception cref="DomainRuleViolationException">A rule is broken; see <see cref="ProgrammeErrorCodes"/>.</exception>
    internal void MarkSessionDelivered(CohortSessionId sessionId, TimeProvider clock)
    {
        Guard.Against.Null(clock);
        var session = GetSession(sessionId);
        RequireState("record a session as delivered", CohortStatus.Running);
        RequireScheduled(session, "recorded as delivered");
        var now = clock.GetUtcNow();
        Rule.Require(
            session.StartsAt <= now,
            ProgrammeErrorCodes.SessionNotYetHeld,
            $"Session {sessionId} starts at {session.StartsAt:yyyy-MM-dd HH:mm}, which is still to come: record it as delivered once it has been held.");
        session.MarkDelivered(now);
        Raise(new SessionDelivered(Id, sessionId, now));
    }

    /// <summary>
    /// Records that the patient trainers of a delivered session were recorded for payment. Saved with their activities
    /// in one unit of work, it claims the cohort's version, so two such calls for one session cannot both commit.
    /// </summary>
    /// <param name="sessionId">The session.</param>
    /// <param name="activities">How many activities were recorded.</param>
    /// <param name="clock">The clock.</param>
    internal void RecordFacilitationPaid(CohortSessionId sessionId, int activities, TimeProvider clock) =>
        Raise(new SessionFacilitationRecorded(Id, sessionId, activities, clock.GetUtcNow()));

    /// <summary>Cancels a scheduled session.</summary>
    /// <param name="sessionId">The session.</param>
    /// <param name="reason">Why.</param>
    /// <param name="clock">The clock.</param>
    /// <exception cref="DomainRuleViolationException">A rule is broken; see <see cref="ProgrammeErrorCodes"/>.</exception>
    internal void CancelSession(CohortSessionId sessionId, string reason, TimeProvider clock)
    {
        Input.Required(reason);
        Guard.Against.Null(clock);
        var session = GetSession(sessionId);
        RequireState("cancel a session", CohortStatus.Planned, CohortStatus.Recruiting, CohortStatus.Running);
        RequireScheduled(session, "cancelled");
        session.MarkCancelled(reason.Trim());
        Raise(new SessionCancelled(Id, sessionId, clock.GetUtcNow()));
    }

    /// <summary>
    /// Enrols an improvement team while the cohort is Recruiting. The cohort must have room, the team's name must be
    /// new, nobody may already be enrolled (in this or another team of the cohort), and the team must include as many
    /// members with lived experience as the delivery rules ask.
    /// </summary>
    /// <param name="enrolment">The team.</param>
    /// <param name="clock">The clock.</param>
    /// <returns>The enrolled team's id.</returns>
    /// <exception cref="ArgumentException">The team has no members or lists someone twice.</exception>
    /// <exception cref="DomainRuleViolationException">A rule is broken; see <see cref="ProgrammeErrorCodes"/>.</exception>
    internal CohortTeamId EnrolTeam(TeamEnrolment enrolment, TimeProvider clock)
    {
        Guard.Against.Null(enrolment);
        Guard.Against.Null(clock);
        var members = enrolment.Members.ToList();
        if (members.Count == 0 || members.Any(m => m is null))
        {
            throw new InvalidInputException(nameof(enrolment), $"Team '{enrolment.Name}' has no members: list the people in the team, including its patient, carer, service user or community members.");
        }

        foreach (var member in members)
        {
            Input.Id(member.ParticipantId, nameof(enrolment));
        }

        var repeated = members.GroupBy(m => m.ParticipantId).FirstOrDefault(g => g.Count() > 1);
        Rule.Require(
            repeated is null,
            ProgrammeErrorCodes.ParticipantAlreadyEnrolled,
            $"Participant {repeated?.Key} is listed more than once in team '{enrolment.Name}': list each member once.");

        RequireState("enrol a team", CohortStatus.Recruiting);
        var active = ActiveTeams.Count();
        Rule.Require(
            active < DeliveryRules.MaximumTeams,
            ProgrammeErrorCodes.CohortFull,
            $"Cohort '{Name}' already has {active} team(s), its maximum: enrol team '{enrolment.Name}' in another cohort, or raise the programme's maximum before planning the next.");
        Rule.Require(
            !_teams.Exists(t => string.Equals(t.Name, enrolment.Name, StringComparison.OrdinalIgnoreCase)),
            ProgrammeErrorCodes.DuplicateTeam,
            $"A team called '{enrolment.Name}' is already enrolled in cohort '{Name}': it cannot enrol twice. Give a different team a different name.");
        var alreadyEnrolled = members.Select(m => m.ParticipantId).Where(p => FindTeamOf(p) is not null).ToList();
        Rule.Require(
            alreadyEnrolled.Count == 0,
            ProgrammeErrorCodes.ParticipantAlreadyEnrolled,
            $"Participant(s) {string.Join(", ", alreadyEnrolled)} are already enrolled in cohort '{Name}' with another team: a person can be in one team per cohort. Remove them from team '{enrolment.Name}'.");
        var livedExperience = members.Count(m => m.HasLivedExperience);
        Rule.Require(
            livedExperience >= DeliveryRules.MinimumLivedExperienceMembersPerTeam,
            ProgrammeErrorCodes.TeamNeedsLivedExperience,
            $"Team '{enrolment.Name}' has {livedExperience} member(s) with lived experience but the programme asks for at least {DeliveryRules.MinimumLivedExperienceMembersPerTeam}: add a patient, carer, service user or community member to the team.");

        var now = clock.GetUtcNow();
        var team = new CohortTeam(CohortTeamId.New(), enrolment.Name, enrolment.ImprovementAim, members, now);
        _teams.Add(team);
        Raise(new TeamEnrolled(Id, team.Id, now));
        return team.Id;
    }

    /// <summary>Records (or corrects) an enrolled participant's attendance at a delivered session.</summary>
    /// <param name="sessionId">The session.</param>
    /// <param name="participantId">The participant.</param>
    /// <param name="statusCode">One of the cohort's attendance statuses, such as <c>Present</c>.</param>
    /// <param name="clock">The clock.</param>
    /// <exception cref="DomainRuleViolationException">A rule is broken; see <see cref="ProgrammeErrorCodes"/>.</exception>
    internal void RecordAttendance(CohortSessionId sessionId, ParticipantId participantId, string statusCode, TimeProvider clock)
    {
        Input.Id(participantId);
        Input.Required(statusCode);
        Guard.Against.Null(clock);
        var session = GetSession(sessionId);
        RequireState("record attendance", CohortStatus.Running);
        Rule.Require(
            session.Status == SessionStatus.Delivered,
            ProgrammeErrorCodes.SessionNotDelivered,
            $"Session {sessionId} is {session.Status}: record it as delivered (MarkSessionDelivered) before recording attendance.");
        RequireEnrolled(participantId);
        RequireAttending(FindTeamOf(participantId)!, session);
        var status = FindAttendanceStatus(statusCode);
        Rule.Require(
            status is not null,
            ProgrammeErrorCodes.UnknownAttendanceStatus,
            $"'{statusCode.Trim()}' is not an attendance status of cohort '{Name}': use one of {string.Join(", ", _attendanceStatuses.Select(s => s.Code))}.");

        Apply(sessionId, participantId, status!, clock.GetUtcNow());
    }

    /// <summary>
    /// Records (or corrects) a delivered session's register in one go. Every line is checked first; if any is wrong
    /// (someone not enrolled, an unknown status, someone listed twice) nothing is recorded.
    /// </summary>
    /// <param name="sessionId">The session.</param>
    /// <param name="register">One line per participant.</param>
    /// <param name="clock">The clock.</param>
    /// <returns>How many records were added or changed.</returns>
    /// <exception cref="ArgumentException">A participant is listed twice, or the register is empty.</exception>
    /// <exception cref="DomainRuleViolationException">A rule is broken; see <see cref="ProgrammeErrorCodes"/>.</exception>
    internal int RecordSessionAttendance(CohortSessionId sessionId, IEnumerable<AttendanceEntry> register, TimeProvider clock)
    {
        Guard.Against.Null(register);
        Guard.Against.Null(clock);
        var lines = register.ToList();
        if (lines.Count == 0 || lines.Any(l => l is null))
        {
            throw new InvalidInputException(nameof(register), "The register is empty or has a null line: give one line per participant.");
        }

        var repeated = lines.GroupBy(l => l.ParticipantId).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            throw new InvalidInputException(nameof(register), $"Participant {repeated.Key} is on the register more than once: give each participant one status.");
        }

        var session = GetSession(sessionId);
        RequireState("record attendance", CohortStatus.Running);
        Rule.Require(
            session.Status == SessionStatus.Delivered,
            ProgrammeErrorCodes.SessionNotDelivered,
            $"Session {sessionId} is {session.Status}: record it as delivered (MarkSessionDelivered) before recording attendance.");
        var notEnrolled = lines.Where(l => FindTeamOf(l.ParticipantId) is null).Select(l => l.ParticipantId).ToList();
        Rule.Require(
            notEnrolled.Count == 0,
            ProgrammeErrorCodes.ParticipantNotEnrolled,
            $"Participant(s) {string.Join(", ", notEnrolled)} are not enrolled in cohort '{Name}': only members of enrolled teams have attendance. Remove them from the register, or enrol them with their team first.");
        foreach (var line in lines)
        {
            RequireAttending(FindTeamOf(line.ParticipantId)!, session);
        }

        var unknown = lines.Where(l => FindAttendanceStatus(l.StatusCode) is null).Select(l => l.StatusCode).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        Rule.Require(
            unknown.Count == 0,
            ProgrammeErrorCodes.UnknownAttendanceStatus,
            $"{string.Join(", ", unknown.Select(u => $"'{u}'"))} is not an attendance status of cohort '{Name}': use one of {string.Join(", ", _attendanceStatuses.Select(s => s.Code))}.");

        var changed = 0;
        foreach (var line in lines)
        {
            changed += Apply(sessionId, line.ParticipantId, FindAttendanceStatus(line.StatusCode)!, clock.GetUtcNow()) ? 1 : 0;
        }

        return changed;
    }

    /// <summary>
    /// Records that a team withdrew from the cohort (while Recruiting or Running). Its members stay enrolled for the
    /// record, but a withdrawn team does not count towards the cohort's size, cannot complete, and gets no attendance
    /// for sessions after it withdrew and no further outcomes.
    /// </summary>
    /// <param name="teamId">The team.</param>
    /// <param name="withdrawnOn">The day it withdrew, inside the cohort's dates.</param>
    /// <param name="reason">Why, in a few words (no personal data).</param>
    /// <param name="clock">The clock.</param>
    /// <exception cref="DomainRuleViolationException">A rule is broken; see <see cref="ProgrammeErrorCodes"/>.</exception>
    internal void WithdrawTeam(CohortTeamId teamId, DateOnly withdrawnOn, string reason, TimeProvider clock)
    {
        Input.Required(reason);
        Guard.Against.Null(clock);
        var team = GetTeam(teamId);
        RequireState("withdraw a team", CohortStatus.Recruiting, CohortStatus.Running);
        RequireActive(team);
        RequireInsideCohortDates(withdrawnOn, $"A withdrawal on {withdrawnOn:yyyy-MM-dd}");
        team.Withdraw(withdrawnOn, reason.Trim());
        Raise(new TeamWithdrawn(Id, teamId, clock.GetUtcNow()));
    }

    /// <summary>Records the date a team submitted its improvement plan.</summary>
    /// <param name="teamId">The team.</param>
    /// <param name="submittedOn">The date, inside the cohort's dates.</param>
    /// <param name="clock">The clock.</param>
    /// <exception cref="DomainRuleViolationException">A rule is broken; see <see cref="ProgrammeErrorCodes"/>.</exception>
    internal void RecordPlanSubmitted(CohortTeamId teamId, DateOnly submittedOn, TimeProvider clock)
    {
        Guard.Against.Null(clock);
        var team = PrepareTeamOutcome(teamId, submittedOn, CompletionCriterionKind.PlanSubmitted, team => team.PlanSubmittedOn is not null);
        team.RecordPlanSubmitted(submittedOn);
        Raise(new TeamOutcomeRecorded(Id, teamId, CompletionCriterionKind.PlanSubmitted, clock.GetUtcNow()));
    }

    /// <summary>Records the date a team presented its work at the showcase.</summary>
    /// <param name="teamId">The team.</param>
    /// <param name="presentedOn">The date, inside the cohort's dates.</param>
    /// <param name="clock">The clock.</param>
    /// <exception cref="DomainRuleViolationException">A rule is broken; see <see cref="ProgrammeErrorCodes"/>.</exception>
    internal void RecordShowcasePresented(CohortTeamId teamId, DateOnly presentedOn, TimeProvider clock)
    {
        Guard.Against.Null(clock);
        var team = PrepareTeamOutcome(teamId, presentedOn, CompletionCriterionKind.ShowcasePresented, team => team.ShowcasePresentedOn is not null);
        team.RecordShowcasePresented(presentedOn);
        Raise(new TeamOutcomeRecorded(Id, teamId, CompletionCriterionKind.ShowcasePresented, clock.GetUtcNow()));
    }

    /// <summary>Records a facilitator's sign-off of a team. The signatory must have led or co-facilitated a session of this cohort.</summary>
    /// <param name="teamId">The team.</param>
    /// <param name="facilitatorId">The facilitator signing off.</param>
    /// <param name="signedOffOn">The date, inside the cohort's dates.</param>
    /// <param name="clock">The clock.</param>
    /// <exception cref="DomainRuleViolationException">A rule is broken; see <see cref="ProgrammeErrorCodes"/>.</exception>
    internal void SignOffTeam(CohortTeamId teamId, ParticipantId facilitatorId, DateOnly signedOffOn, TimeProvider clock)
    {
        Input.Id(facilitatorId);
        Guard.Against.Null(clock);
        var team = PrepareTeamOutcome(teamId, signedOffOn, CompletionCriterionKind.FacilitatorSignOff, team => team.SignedOffBy is not null);
        Rule.Require(
            _sessions.Exists(s => s.Status != SessionStatus.Cancelled && s.Facilitators.Any(f => f.ParticipantId == facilitatorId && f.Delivers)),
            ProgrammeErrorCodes.SignOffNotByFacilitator,
            $"Participant {facilitatorId} has not led or co-facilitated a session of cohort '{Name}', so cannot sign off team '{team.Name}': ask one of the cohort's facilitators to sign it off.");
        team.RecordSignOff(facilitatorId, signedOffOn);
        Raise(new TeamOutcomeRecorded(Id, teamId, CompletionCriterionKind.FacilitatorSignOff, clock.GetUtcNow()));
    }

    /// <summary>
    /// Lists the patient trainers owed for a delivered session: those who led or co-facilitated it as patient
    /// trainers (staff are paid through their job; shadows are learning, not delivering).
    /// </summary>
    /// <param name="sessionId">The session.</param>
    /// <returns>The facilitators to pay, lead first.</returns>
    /// <exception cref="DomainRuleViolationException">No such session, or it has not been delivered (<see cref="ProgrammeErrorCodes.SessionNotDeliveredForPayment"/>).</exception>
    public IReadOnlyList<SessionFacilitator> PatientTrainersToPay(CohortSessionId sessionId)
    {
        var session = GetSession(sessionId);
        Rule.Require(
            session.Status == SessionStatus.Delivered,
            ProgrammeErrorCodes.SessionNotDeliveredForPayment,
            $"Session {sessionId} is {session.Status}: facilitation is paid once the session has been delivered. Record it as delivered first.");
        return [.. session.Facilitators.Where(f => f.Delivers && f.IsPatientTrainer).OrderBy(f => f.Role)];
    }

    /// <summary>Finds a session.</summary>
    /// <param name="sessionId">The session.</param>
    /// <returns>The session, or <see langword="null"/>.</returns>
    public CohortSession? FindSession(CohortSessionId sessionId) => _sessions.Find(s => s.Id == sessionId);

    /// <summary>Finds an enrolled team.</summary>
    /// <param name="teamId">The team.</param>
    /// <returns>The team, or <see langword="null"/>.</returns>
    public CohortTeam? FindTeam(CohortTeamId teamId) => _teams.Find(t => t.Id == teamId);

    /// <summary>Finds the team a participant is enrolled with.</summary>
    /// <param name="participantId">The participant.</param>
    /// <returns>The team, or <see langword="null"/> when they are not enrolled.</returns>
    public CohortTeam? FindTeamOf(ParticipantId participantId) => _teams.Find(t => t.HasMember(participantId));

    /// <summary>
    /// Gets a participant's attendance share: the sum of the weights of their attendance statuses over the cohort's
    /// delivered sessions, divided by the number of delivered sessions (a session with no record counts 0). 0 when no
    /// session has been delivered.
    /// </summary>
    /// <param name="participantId">The participant.</param>
    /// <returns>The share, from 0 to 1.</returns>
    public decimal AttendanceShareOf(ParticipantId participantId)
    {
        var delivered = _sessions.Where(s => s.Status == SessionStatus.Delivered).Select(s => s.Id).ToList();
        if (delivered.Count == 0)
        {
            return 0m;
        }

        var total = _attendance
            .Where(a => a.ParticipantId == participantId && delivered.Contains(a.SessionId))
            .Sum(a => FindAttendanceStatus(a.StatusCode)?.Weight ?? 0m);
        return total / delivered.Count;
    }

    /// <summary>Gets a team's attendance share: the mean of its members' attendance shares.</summary>
    /// <param name="teamId">The team.</param>
    /// <returns>The share, from 0 to 1.</returns>
    /// <exception cref="DomainRuleViolationException">No such team (<see cref="ProgrammeErrorCodes.TeamNotFound"/>).</exception>
    public decimal AttendanceShareOfTeam(CohortTeamId teamId)
    {
        var team = GetTeam(teamId);
        return team.Members.Average(m => AttendanceShareOf(m.ParticipantId));
    }

    /// <summary>
    /// Evaluates a team's completion against the cohort's criteria: attendance (the team's share), plan submitted,
    /// showcase presented and facilitator sign-off, combined with All or Any.
    /// </summary>
    /// <param name="teamId">The team.</param>
    /// <returns>The outcome, criterion by criterion.</returns>
    /// <exception cref="DomainRuleViolationException">No such team (<see cref="ProgrammeErrorCodes.TeamNotFound"/>).</exception>
    public CompletionOutcome EvaluateTeamCompletion(CohortTeamId teamId)
    {
        var team = GetTeam(teamId);
        return Evaluate(team, AttendanceShareOfTeam(teamId));
    }

    /// <summary>
    /// Evaluates a participant's completion: their own attendance share, and their team's plan, showcase and
    /// sign-off, combined with All or Any.
    /// </summary>
    /// <param name="participantId">The participant.</param>
    /// <returns>The outcome, criterion by criterion.</returns>
    /// <exception cref="DomainRuleViolationException">The participant is not enrolled (<see cref="ProgrammeErrorCodes.ParticipantNotEnrolled"/>).</exception>
    public CompletionOutcome EvaluateParticipantCompletion(ParticipantId participantId)
    {
        RequireEnrolled(participantId);
        return Evaluate(FindTeamOf(participantId)!, AttendanceShareOf(participantId));
    }

    private bool Apply(CohortSessionId sessionId, ParticipantId participantId, AttendanceStatusDefinition status, DateTimeOffset now)
    {
        var record = new SessionAttendance(sessionId, participantId, status.Code, now);
        var index = _attendance.FindIndex(a => a.SessionId == sessionId && a.ParticipantId == participantId);
        if (index >= 0)
        {
            if (string.Equals(_attendance[index].StatusCode, status.Code, StringComparison.Ordinal))
            {
                return false;
            }

            _attendance[index] = record;
        }
        else
        {
            _attendance.Add(record);
        }

        Raise(new SessionAttendanceRecorded(Id, sessionId, participantId, status.Code, now));
        return true;
    }

    private CompletionOutcome Evaluate(CohortTeam team, decimal attendanceShare)
    {
        var outcomes = _completionCriteria.Select(criterion => criterion.Kind switch
        {
            CompletionCriterionKind.AttendanceShare => new CriterionOutcome(
                criterion.Kind,
                attendanceShare >= criterion.MinimumAttendanceShare!.Value,
                string.Create(CultureInfo.InvariantCulture, $"attendance {attendanceShare:0.00}, needs {criterion.MinimumAttendanceShare.Value:0.00}")),
            CompletionCriterionKind.PlanSubmitted => new CriterionOutcome(
                criterion.Kind,
                team.PlanSubmittedOn is not null,
                team.PlanSubmittedOn is { } planned ? string.Create(CultureInfo.InvariantCulture, $"plan submitted {planned:yyyy-MM-dd}") : "no plan submitted"),
            CompletionCriterionKind.ShowcasePresented => new CriterionOutcome(
                criterion.Kind,
                team.ShowcasePresentedOn is not null,
                team.ShowcasePresentedOn is { } shown ? string.Create(CultureInfo.InvariantCulture, $"presented {shown:yyyy-MM-dd}") : "not presented at the showcase"),
            _ => new CriterionOutcome(
                criterion.Kind,
                team.SignedOffBy is not null,
                team.SignedOffOn is { } signed ? string.Create(CultureInfo.InvariantCulture, $"signed off {signed:yyyy-MM-dd}") : "not signed off"),
        }).ToList();
        var complete = !team.IsWithdrawn && (CompletionCombination == CompletionCombination.All ? outcomes.TrueForAll(o => o.IsMet) : outcomes.Exists(o => o.IsMet));
        return new CompletionOutcome(complete, CompletionCombination, outcomes, team.IsWithdrawn);
    }

    private CohortTeam PrepareTeamOutcome(CohortTeamId teamId, DateOnly on, CompletionCriterionKind kind, Func<CohortTeam, bool> alreadyRecorded)
    {
        var team = GetTeam(teamId);
        RequireState("record a team's outcomes", CohortStatus.Running);
        RequireActive(team);
        Rule.Require(
            !alreadyRecorded(team),
            ProgrammeErrorCodes.TeamOutcomeAlreadyRecorded,
            $"Team '{team.Name}' already has {kind} recorded: it is recorded once per cohort.");
        RequireInsideCohortDates(on, $"{kind} on {on:yyyy-MM-dd}");
        return team;
    }

    private static List<SessionFacilitator> CheckFacilitatorArguments(IEnumerable<SessionFacilitator> facilitators)
    {
        var facilitatorList = facilitators.ToList();
        if (facilitatorList.Any(f => f is null))
        {
            throw new InvalidInputException(nameof(facilitators), "The list of facilitators contains a null entry.");
        }

        foreach (var facilitator in facilitatorList)
        {
            Input.Id(facilitator.ParticipantId, nameof(facilitators));
            Input.Defined(facilitator.Role, nameof(facilitators));
        }

        return facilitatorList;
    }

    private void CheckFacilitators(List<SessionFacilitator> facilitators)
    {
        var repeated = facilitators.GroupBy(f => f.ParticipantId).FirstOrDefault(g => g.Count() > 1);
        Rule.Require(
            repeated is null,
            ProgrammeErrorCodes.DuplicateFacilitator,
            $"Participant {repeated?.Key} is listed more than once among the session's facilitators: give each facilitator one role.");
        var leads = facilitators.Count(f => f.Role == FacilitatorRole.Lead);
        Rule.Require(
            leads == 1,
            ProgrammeErrorCodes.SessionNeedsOneLead,
            $"A session needs exactly one lead facilitator but {leads} were given: make one facilitator the Lead and the others CoFacilitator or Shadow.");
        var patientTrainers = facilitators.Count(f => f.Delivers && f.IsPatientTrainer);
        Rule.Require(
            patientTrainers >= DeliveryRules.MinimumPatientTrainersPerSession,
            ProgrammeErrorCodes.SessionNeedsPatientTrainer,
            $"The session has {patientTrainers} patient trainer(s) leading or co-facilitating but the programme asks for at least {DeliveryRules.MinimumPatientTrainersPerSession}: add a patient trainer as Lead or CoFacilitator (shadows do not count).");
        Rule.Require(
            !DeliveryRules.LeadMustBePatientTrainer || facilitators.Single(f => f.Role == FacilitatorRole.Lead).IsPatientTrainer,
            ProgrammeErrorCodes.LeadMustBePatientTrainer,
            "The programme asks for sessions to be led by a patient trainer but the lead given is not one: make a patient trainer the Lead and the member of staff a CoFacilitator.");
    }

    private AttendanceStatusDefinition? FindAttendanceStatus(string code) =>
        _attendanceStatuses.Find(s => string.Equals(s.Code, code.Trim(), StringComparison.OrdinalIgnoreCase));

    private void RequireEnrolled(ParticipantId participantId) =>
        Rule.Require(
            FindTeamOf(participantId) is not null,
            ProgrammeErrorCodes.ParticipantNotEnrolled,
            $"This person is not enrolled in cohort '{Name}': only members of enrolled teams have attendance and completion. Enrol them with their team first.",
            ("participantId", participantId));

    private static void RequireActive(CohortTeam team) =>
        Rule.Require(
            !team.IsWithdrawn,
            ProgrammeErrorCodes.TeamWithdrawn,
            $"Team '{team.Name}' withdrew on {team.WithdrawnOn:yyyy-MM-dd}, so nothing more can be recorded for it: re-enrol the team in a later cohort if it comes back.");

    private static void RequireAttending(CohortTeam team, CohortSession session) =>
        Rule.Require(
            !team.IsWithdrawn || DateOnly.FromDateTime(session.StartsAt.DateTime) <= team.WithdrawnOn,
            ProgrammeErrorCodes.TeamWithdrawn,
            $"Team '{team.Name}' withdrew on {team.WithdrawnOn:yyyy-MM-dd}, before session {session.Id} on {session.StartsAt:yyyy-MM-dd}: its members have no attendance for later sessions. Leave them off the register.");

    private void RequireInsideCohortDates(DateOnly date, string what) =>
        Rule.Require(
            date >= StartDate && date <= EndDate,
            ProgrammeErrorCodes.OutsideCohortDates,
            $"{what} is outside cohort '{Name}', which runs from {StartDate:yyyy-MM-dd} to {EndDate:yyyy-MM-dd}: choose a date inside those dates.");

    private void RequireState(string action, params CohortStatus[] allowed) =>
        Rule.Require(
            allowed.Contains(Status),
            ProgrammeErrorCodes.CohortStateDoesNotAllow,
            $"Cohort '{Name}' is {Status}, so you cannot {action}: that needs the cohort to be {string.Join(" or ", allowed)}.");

    private static void RequireScheduled(CohortSession session, string what) =>
        Rule.Require(
            session.Status == SessionStatus.Scheduled,
            ProgrammeErrorCodes.SessionNotScheduled,
            $"Session {session.Id} is already {session.Status}, so it cannot be {what}: only a scheduled session can.");

    private CohortSession GetSession(CohortSessionId sessionId)
    {
        var session = FindSession(sessionId);
        Rule.Require(session is not null, ProgrammeErrorCodes.SessionNotFound, $"Cohort '{Name}' has no session {sessionId}: check the session id, or schedule the session first.");
        return session!;
    }

    private CohortTeam GetTeam(CohortTeamId teamId)
    {
        var team = FindTeam(teamId);
        Rule.Require(team is not null, ProgrammeErrorCodes.TeamNotFound, $"Cohort '{Name}' has no enrolled team {teamId}: check the team id, or enrol the team first.");
        return team!;
    }

    private void ChangeStatus(CohortStatus to, TimeProvider clock)
    {
        var from = Status;
        Status = to;
        Raise(new CohortStatusChanged(Id, from, to, clock.GetUtcNow()));
    }

    private CohortStatus Allow(CohortTrigger trigger, string refusal)
    {
        var target = CohortLifecycle.Target(Status, trigger);
        Rule.Require(target is not null, ProgrammeErrorCodes.CohortTransitionRefused, refusal);
        return target!.Value;
    }
}
