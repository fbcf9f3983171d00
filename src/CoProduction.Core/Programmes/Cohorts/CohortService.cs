using Ardalis.GuardClauses;
using CoProduction.Payments;
using CoProduction.People;
using CoProduction.Primitives;
using CoProduction.Programmes.Pathways;
using CoProduction.Storage;
using Microsoft.Extensions.Options;

namespace CoProduction.Programmes.Cohorts;

/// <summary>
/// A facilitator to put on a session: who, and in which role. Whether they are a patient trainer is not given: it comes
/// from their participant record and their patient-trainer pathway.
/// </summary>
/// <param name="ParticipantId">The facilitator.</param>
/// <param name="Role">Their role.</param>
public sealed record FacilitatorAssignment(ParticipantId ParticipantId, FacilitatorRole Role);

/// <summary>
/// Use cases for cohorts: plan one from a programme's curriculum version, move it through its lifecycle, schedule and
/// deliver sessions, enrol teams and record attendance and team outcomes. Checks that every participant named exists
/// in the current organisation and is not erased, takes whether each brings lived experience from their participant
/// record, and whether a facilitator is a patient trainer from their patient-trainer pathway.
/// </summary>
/// <remarks>
/// Facts about people are read when the rule that needs them is checked: a facilitator's pathway stage and roles when
/// the session is scheduled or its facilitators are changed, a team member's lived experience when the team enrols.
/// The cohort keeps them (<see cref="SessionFacilitator.IsPatientTrainer"/>, <see cref="TeamMember.HasLivedExperience"/>)
/// as the record of what that check saw; a later change of role or stage does not rewrite the record, and the next check
/// (a change of facilitators, another enrolment) reads the records again.
/// </remarks>
public sealed class CohortService
{
    /// <summary>The <see cref="InvolvementActivitySource.Area"/> of involvement activities that come from cohort sessions.</summary>
    public const string SessionActivityArea = "cohort-session";

    private readonly ICohortStore _cohorts;
    private readonly IProgrammeStore _programmes;
    private readonly IParticipantStore _participants;
    private readonly IPatientTrainerPathwayStore _pathways;
    private readonly IInvolvementActivityStore _activities;
    private readonly IUnitOfWork _unitOfWork;
    private readonly CoProductionOptions _options;
    private readonly TimeProvider _clock;

    /// <summary>Initialises the service.</summary>
    /// <param name="cohorts">The cohort store.</param>
    /// <param name="programmes">The programme store.</param>
    /// <param name="participants">The participant store.</param>
    /// <param name="pathways">The patient-trainer pathway store, from which a facilitator's stage is read.</param>
    /// <param name="activities">The involvement activity store (Payments).</param>
    /// <param name="unitOfWork">Saves the cohort and the activities of its patient trainers together.</param>
    /// <param name="options">The library's options (facilitation role levels, pathway stages to lead and co-facilitate).</param>
    /// <param name="clock">The clock.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public CohortService(ICohortStore cohorts, IProgrammeStore programmes, IParticipantStore participants, IPatientTrainerPathwayStore pathways, IInvolvementActivityStore activities, IUnitOfWork unitOfWork, IOptions<CoProductionOptions> options, TimeProvider clock)
    {
        _pathways = Guard.Against.Null(pathways);
        _unitOfWork = Guard.Against.Null(unitOfWork);
        _cohorts = Guard.Against.Null(cohorts);
        _programmes = Guard.Against.Null(programmes);
        _participants = Guard.Against.Null(participants);
        _activities = Guard.Against.Null(activities);
        _options = Guard.Against.Null(options).Value;
        _clock = Guard.Against.Null(clock);
    }

    /// <summary>Plans a cohort of a programme on one of its published curriculum versions.</summary>
    /// <param name="programmeId">The programme.</param>
    /// <param name="curriculumVersionNumber">The version.</param>
    /// <param name="name">The cohort's name.</param>
    /// <param name="startDate">Its first day.</param>
    /// <param name="endDate">Its last day.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The new cohort.</returns>
    /// <exception cref="InvalidInputException">The name is blank, the end date is before the start date, or a text cannot be stored as given (see <see cref="Storage.IUnitOfWork.SaveAsync"/>).</exception>
    /// <exception cref="RecordNotFoundException">The programme, an empty id included, or the curriculum version is unknown (<see cref="ProgrammeErrorCodes.ProgrammeNotFound"/>, <see cref="ProgrammeErrorCodes.CurriculumVersionNotFound"/>).</exception>
    public async Task<Cohort> PlanAsync(ProgrammeId programmeId, int curriculumVersionNumber, string name, DateOnly startDate, DateOnly endDate, CancellationToken cancellationToken)
    {
        Input.Required(name);
        var programme = await RequireProgrammeAsync(programmeId, cancellationToken).ConfigureAwait(false);
        var cohort = Cohort.Plan(programme, curriculumVersionNumber, name, startDate, endDate, _clock);
        await _cohorts.AddAsync(cohort, cancellationToken).ConfigureAwait(false);
        return cohort;
    }

    /// <summary>Finds a cohort of the current organisation.</summary>
    /// <param name="cohortId">The cohort.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The cohort, or <see langword="null"/>.</returns>
    public ValueTask<Cohort?> FindAsync(CohortId cohortId, CancellationToken cancellationToken) => _cohorts.FindAsync(cohortId, cancellationToken);

    /// <summary>Lists a programme's cohorts in the current organisation.</summary>
    /// <param name="programmeId">The programme.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>Its cohorts; none for an unknown programme (an empty id included).</returns>
    public Task<IReadOnlyList<Cohort>> ListByProgrammeAsync(ProgrammeId programmeId, CancellationToken cancellationToken) => _cohorts.ListByProgrammeAsync(programmeId, cancellationToken);

    /// <summary>Opens recruitment (Planned to Recruiting).</summary>
    /// <param name="cohortId">The cohort.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when saved.</returns>
    /// <exception cref="RecordNotFoundException">The cohort is unknown, an empty id included (<see cref="ProgrammeErrorCodes.CohortNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The cohort is not planned (<see cref="ProgrammeErrorCodes.CohortTransitionRefused"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the cohort meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public Task OpenRecruitmentAsync(CohortId cohortId, CancellationToken cancellationToken)
        => ChangeAsync(cohortId, c => c.OpenRecruitment(_clock), cancellationToken);

    /// <summary>Starts the cohort (Recruiting to Running).</summary>
    /// <param name="cohortId">The cohort.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when saved.</returns>
    /// <exception cref="RecordNotFoundException">The cohort is unknown, an empty id included (<see cref="ProgrammeErrorCodes.CohortNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The cohort is not recruiting (<see cref="ProgrammeErrorCodes.CohortTransitionRefused"/>), or has fewer teams than the delivery rules' minimum (<see cref="ProgrammeErrorCodes.CohortBelowMinimumTeams"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the cohort meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public Task StartAsync(CohortId cohortId, CancellationToken cancellationToken)
        => ChangeAsync(cohortId, c => c.Start(_clock), cancellationToken);

    /// <summary>Completes the cohort (Running to Completed).</summary>
    /// <param name="cohortId">The cohort.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when saved.</returns>
    /// <exception cref="RecordNotFoundException">The cohort is unknown, an empty id included (<see cref="ProgrammeErrorCodes.CohortNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The cohort is not running (<see cref="ProgrammeErrorCodes.CohortTransitionRefused"/>), has sessions still scheduled (<see cref="ProgrammeErrorCodes.CohortSessionsOutstanding"/>), or has no delivered session (<see cref="ProgrammeErrorCodes.CohortNoSessionDelivered"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the cohort meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public Task CompleteAsync(CohortId cohortId, CancellationToken cancellationToken)
        => ChangeAsync(cohortId, c => c.Complete(_clock), cancellationToken);

    /// <summary>Cancels the cohort.</summary>
    /// <param name="cohortId">The cohort.</param>
    /// <param name="reason">Why.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when saved.</returns>
    /// <exception cref="InvalidInputException">The reason is blank, or a text cannot be stored as given (see <see cref="Storage.IUnitOfWork.SaveAsync"/>).</exception>
    /// <exception cref="RecordNotFoundException">The cohort is unknown, an empty id included (<see cref="ProgrammeErrorCodes.CohortNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The cohort is already completed or cancelled (<see cref="ProgrammeErrorCodes.CohortTransitionRefused"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the cohort meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public Task CancelAsync(CohortId cohortId, string reason, CancellationToken cancellationToken)
    {
        Input.Required(reason);
        return ChangeAsync(cohortId, c => c.Cancel(reason, _clock), cancellationToken);
    }

    /// <summary>
    /// Schedules a session. A facilitator is a patient trainer when their participant record shows lived experience and
    /// their patient-trainer pathway has reached <see cref="ProgrammeOptions.MinimumStageToLead"/> (to lead) or
    /// <see cref="ProgrammeOptions.MinimumStageToCoFacilitate"/> (to co-facilitate); only patient trainers count towards
    /// the delivery rules. Someone who is not a member of staff cannot lead or co-facilitate below that stage.
    /// </summary>
    /// <param name="cohortId">The cohort.</param>
    /// <param name="moduleCode">The module, from the cohort's curriculum version.</param>
    /// <param name="startsAt">When it starts.</param>
    /// <param name="duration">How long it lasts, or <see langword="null"/> for the module's duration.</param>
    /// <param name="facilitators">The facilitators and their roles.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The new session's id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="facilitators"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidInputException">The module code is blank, a facilitator is <see langword="null"/> or has a role that is not defined, or the duration is not more than zero and at most a day.</exception>
    /// <exception cref="RecordNotFoundException">The cohort or a facilitator is unknown, an empty id included (<see cref="ProgrammeErrorCodes.CohortNotFound"/>, <see cref="PeopleErrorCodes.ParticipantNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">A facilitator has been erased (<see cref="PeopleErrorCodes.ParticipantErased"/>); the cohort is completed or cancelled (<see cref="ProgrammeErrorCodes.CohortStateDoesNotAllow"/>); the module is not in the cohort's curriculum version (<see cref="ProgrammeErrorCodes.UnknownModule"/>); the session falls outside the cohort's dates (<see cref="ProgrammeErrorCodes.OutsideCohortDates"/>); a facilitator who is not staff has not reached the pathway stage for their role (<see cref="ProgrammeErrorCodes.LeadNeedsPathwayStage"/>, <see cref="ProgrammeErrorCodes.CoFacilitatorNeedsPathwayStage"/>) or is listed twice (<see cref="ProgrammeErrorCodes.DuplicateFacilitator"/>); or the facilitators break a delivery rule: not exactly one lead (<see cref="ProgrammeErrorCodes.SessionNeedsOneLead"/>), too few patient trainers leading or co-facilitating (<see cref="ProgrammeErrorCodes.SessionNeedsPatientTrainer"/>), or a lead who is not a patient trainer when the rules ask for one (<see cref="ProgrammeErrorCodes.LeadMustBePatientTrainer"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the cohort meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public async Task<CohortSessionId> ScheduleSessionAsync(CohortId cohortId, string moduleCode, DateTimeOffset startsAt, TimeSpan? duration, IEnumerable<FacilitatorAssignment> facilitators, CancellationToken cancellationToken)
    {
        Input.Required(moduleCode);
        var assignments = CheckAssignments(facilitators);
        var cohort = await RequireCohortAsync(cohortId, cancellationToken).ConfigureAwait(false);
        var programme = await RequireProgrammeAsync(cohort.ProgrammeId, cancellationToken).ConfigureAwait(false);
        var sessionFacilitators = await ToSessionFacilitatorsAsync(assignments, cancellationToken).ConfigureAwait(false);
        var sessionId = cohort.ScheduleSession(programme, moduleCode, startsAt, duration, sessionFacilitators, _clock);
        await _cohorts.UpdateAsync(cohort, cancellationToken).ConfigureAwait(false);
        return sessionId;
    }

    /// <summary>
    /// Replaces the facilitators of a scheduled session, reading each one's roles and pathway stage afresh, as
    /// <see cref="ScheduleSessionAsync"/> does.
    /// </summary>
    /// <param name="cohortId">The cohort.</param>
    /// <param name="sessionId">The scheduled session.</param>
    /// <param name="facilitators">The new facilitators and their roles.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when saved.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="facilitators"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidInputException">A facilitator is <see langword="null"/> or has a role that is not defined.</exception>
    /// <exception cref="RecordNotFoundException">The cohort, a facilitator or the session is unknown, an empty id included (<see cref="ProgrammeErrorCodes.CohortNotFound"/>, <see cref="PeopleErrorCodes.ParticipantNotFound"/>, <see cref="ProgrammeErrorCodes.SessionNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">A facilitator has been erased (<see cref="PeopleErrorCodes.ParticipantErased"/>); the cohort is completed or cancelled (<see cref="ProgrammeErrorCodes.CohortStateDoesNotAllow"/>); the session is not scheduled (<see cref="ProgrammeErrorCodes.SessionNotScheduled"/>); a facilitator who is not staff has not reached the pathway stage for their role (<see cref="ProgrammeErrorCodes.LeadNeedsPathwayStage"/>, <see cref="ProgrammeErrorCodes.CoFacilitatorNeedsPathwayStage"/>) or is listed twice (<see cref="ProgrammeErrorCodes.DuplicateFacilitator"/>); or the facilitators break a delivery rule: not exactly one lead (<see cref="ProgrammeErrorCodes.SessionNeedsOneLead"/>), too few patient trainers leading or co-facilitating (<see cref="ProgrammeErrorCodes.SessionNeedsPatientTrainer"/>), or a lead who is not a patient trainer when the rules ask for one (<see cref="ProgrammeErrorCodes.LeadMustBePatientTrainer"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the cohort meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public async Task ChangeFacilitatorsAsync(CohortId cohortId, CohortSessionId sessionId, IEnumerable<FacilitatorAssignment> facilitators, CancellationToken cancellationToken)
    {
        var assignments = CheckAssignments(facilitators);
        var cohort = await RequireCohortAsync(cohortId, cancellationToken).ConfigureAwait(false);
        var sessionFacilitators = await ToSessionFacilitatorsAsync(assignments, cancellationToken).ConfigureAwait(false);
        cohort.ChangeFacilitators(sessionId, sessionFacilitators, _clock);
        await _cohorts.UpdateAsync(cohort, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records that a session was held.</summary>
    /// <param name="cohortId">The cohort.</param>
    /// <param name="sessionId">The session.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when saved.</returns>
    /// <exception cref="RecordNotFoundException">The cohort or the session is unknown, an empty id included (<see cref="ProgrammeErrorCodes.CohortNotFound"/>, <see cref="ProgrammeErrorCodes.SessionNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The cohort is not running (<see cref="ProgrammeErrorCodes.CohortStateDoesNotAllow"/>), the session is not scheduled (<see cref="ProgrammeErrorCodes.SessionNotScheduled"/>), or it has not started yet (<see cref="ProgrammeErrorCodes.SessionNotYetHeld"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the cohort meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public Task MarkSessionDeliveredAsync(CohortId cohortId, CohortSessionId sessionId, CancellationToken cancellationToken)
        => ChangeAsync(cohortId, c => c.MarkSessionDelivered(sessionId, _clock), cancellationToken);

    /// <summary>Cancels a scheduled session.</summary>
    /// <param name="cohortId">The cohort.</param>
    /// <param name="sessionId">The session.</param>
    /// <param name="reason">Why.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when saved.</returns>
    /// <exception cref="InvalidInputException">The reason is blank, or a text cannot be stored as given (see <see cref="Storage.IUnitOfWork.SaveAsync"/>).</exception>
    /// <exception cref="RecordNotFoundException">The cohort or the session is unknown, an empty id included (<see cref="ProgrammeErrorCodes.CohortNotFound"/>, <see cref="ProgrammeErrorCodes.SessionNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The cohort is completed or cancelled (<see cref="ProgrammeErrorCodes.CohortStateDoesNotAllow"/>), or the session is not scheduled (<see cref="ProgrammeErrorCodes.SessionNotScheduled"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the cohort meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public Task CancelSessionAsync(CohortId cohortId, CohortSessionId sessionId, string reason, CancellationToken cancellationToken)
    {
        Input.Required(reason);
        return ChangeAsync(cohortId, c => c.CancelSession(sessionId, reason, _clock), cancellationToken);
    }

    /// <summary>Enrols a team; each member's lived experience comes from their participant record.</summary>
    /// <param name="cohortId">The cohort.</param>
    /// <param name="teamName">The team's name.</param>
    /// <param name="improvementAim">Its improvement aim.</param>
    /// <param name="memberIds">Its members.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The team's id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="memberIds"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidInputException">The team name or improvement aim is blank, no member is given, or a text cannot be stored as given (see <see cref="Storage.IUnitOfWork.SaveAsync"/>).</exception>
    /// <exception cref="RecordNotFoundException">The cohort or a member is unknown, an empty id included (<see cref="ProgrammeErrorCodes.CohortNotFound"/>, <see cref="PeopleErrorCodes.ParticipantNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">A member has been erased (<see cref="PeopleErrorCodes.ParticipantErased"/>), is listed twice or is already in another team of the cohort (<see cref="ProgrammeErrorCodes.ParticipantAlreadyEnrolled"/>); the cohort is not recruiting (<see cref="ProgrammeErrorCodes.CohortStateDoesNotAllow"/>) or is full (<see cref="ProgrammeErrorCodes.CohortFull"/>); a team of that name is enrolled (<see cref="ProgrammeErrorCodes.DuplicateTeam"/>); or too few members bring lived experience, counted from their records (<see cref="ProgrammeErrorCodes.TeamNeedsLivedExperience"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the cohort meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public async Task<CohortTeamId> EnrolTeamAsync(CohortId cohortId, string teamName, string improvementAim, IEnumerable<ParticipantId> memberIds, CancellationToken cancellationToken)
    {
        new CommandInput().Text(teamName).Text(improvementAim).ThrowIfInvalid();
        Guard.Against.Null(memberIds);
        var ids = memberIds.ToList();
        var cohort = await RequireCohortAsync(cohortId, cancellationToken).ConfigureAwait(false);
        var people = await ParticipantLookup.RequireAllAsync(_participants, ids, "a team member", cancellationToken).ConfigureAwait(false);
        var enrolment = new TeamEnrolment(teamName, improvementAim, [.. people.Select(p => new TeamMember(p.Id, p.HasLivedExperience))]);
        var teamId = cohort.EnrolTeam(enrolment, _clock);
        await _cohorts.UpdateAsync(cohort, cancellationToken).ConfigureAwait(false);
        return teamId;
    }

    /// <summary>Records (or corrects) a participant's attendance at a delivered session.</summary>
    /// <param name="cohortId">The cohort.</param>
    /// <param name="sessionId">The session.</param>
    /// <param name="participantId">The participant (an enrolled team member).</param>
    /// <param name="statusCode">The attendance status, such as <c>Present</c>.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when saved.</returns>
    /// <exception cref="InvalidInputException">The status code is blank.</exception>
    /// <exception cref="RecordNotFoundException">The cohort, the participant or the session is unknown, an empty id included (<see cref="ProgrammeErrorCodes.CohortNotFound"/>, <see cref="PeopleErrorCodes.ParticipantNotFound"/>, <see cref="ProgrammeErrorCodes.SessionNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The participant has been erased (<see cref="PeopleErrorCodes.ParticipantErased"/>) or is not enrolled (<see cref="ProgrammeErrorCodes.ParticipantNotEnrolled"/>), their team withdrew before the session (<see cref="ProgrammeErrorCodes.TeamWithdrawn"/>), the cohort is not running (<see cref="ProgrammeErrorCodes.CohortStateDoesNotAllow"/>), the session was not delivered (<see cref="ProgrammeErrorCodes.SessionNotDelivered"/>), or the status is not one of the cohort's (<see cref="ProgrammeErrorCodes.UnknownAttendanceStatus"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the cohort meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public async Task RecordAttendanceAsync(CohortId cohortId, CohortSessionId sessionId, ParticipantId participantId, string statusCode, CancellationToken cancellationToken)
    {
        Input.Required(statusCode);
        var cohort = await RequireCohortAsync(cohortId, cancellationToken).ConfigureAwait(false);
        await ParticipantLookup.RequireAsync(_participants, participantId, "an attendee", cancellationToken).ConfigureAwait(false);
        cohort.RecordAttendance(sessionId, participantId, statusCode, _clock);
        await _cohorts.UpdateAsync(cohort, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records (or corrects) a delivered session's register in one go: all lines or none.</summary>
    /// <param name="cohortId">The cohort.</param>
    /// <param name="sessionId">The session.</param>
    /// <param name="register">One line per participant.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>How many records were added or changed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="register"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidInputException">The register is empty, has a <see langword="null"/> line, or names a participant twice.</exception>
    /// <exception cref="RecordNotFoundException">The cohort, the participant or the session is unknown, an empty id included (<see cref="ProgrammeErrorCodes.CohortNotFound"/>, <see cref="PeopleErrorCodes.ParticipantNotFound"/>, <see cref="ProgrammeErrorCodes.SessionNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">A participant has been erased (<see cref="PeopleErrorCodes.ParticipantErased"/>) or is not enrolled (<see cref="ProgrammeErrorCodes.ParticipantNotEnrolled"/>), their team withdrew before the session (<see cref="ProgrammeErrorCodes.TeamWithdrawn"/>), the cohort is not running (<see cref="ProgrammeErrorCodes.CohortStateDoesNotAllow"/>), the session was not delivered (<see cref="ProgrammeErrorCodes.SessionNotDelivered"/>), or a status is not one of the cohort's (<see cref="ProgrammeErrorCodes.UnknownAttendanceStatus"/>); nothing is recorded.</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the cohort meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public async Task<int> RecordSessionAttendanceAsync(CohortId cohortId, CohortSessionId sessionId, IEnumerable<AttendanceEntry> register, CancellationToken cancellationToken)
    {
        Guard.Against.Null(register);
        var lines = register.ToList();
        var cohort = await RequireCohortAsync(cohortId, cancellationToken).ConfigureAwait(false);
        await ParticipantLookup.RequireAllAsync(_participants, lines.Where(l => l is not null).Select(l => l.ParticipantId).Distinct(), "an attendee", cancellationToken).ConfigureAwait(false);
        var changed = cohort.RecordSessionAttendance(sessionId, lines, _clock);
        await _cohorts.UpdateAsync(cohort, cancellationToken).ConfigureAwait(false);
        return changed;
    }

    /// <summary>Records that a team withdrew from the cohort.</summary>
    /// <param name="cohortId">The cohort.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="withdrawnOn">The day it withdrew.</param>
    /// <param name="reason">Why, in a few words (no personal data).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when saved.</returns>
    /// <exception cref="InvalidInputException">The reason is blank, or a text cannot be stored as given (see <see cref="Storage.IUnitOfWork.SaveAsync"/>).</exception>
    /// <exception cref="RecordNotFoundException">The cohort or the team is unknown, an empty id included (<see cref="ProgrammeErrorCodes.CohortNotFound"/>, <see cref="ProgrammeErrorCodes.TeamNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The cohort is neither recruiting nor running (<see cref="ProgrammeErrorCodes.CohortStateDoesNotAllow"/>), the team has already withdrawn (<see cref="ProgrammeErrorCodes.TeamWithdrawn"/>), or the date is outside the cohort's dates (<see cref="ProgrammeErrorCodes.OutsideCohortDates"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the cohort meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public Task WithdrawTeamAsync(CohortId cohortId, CohortTeamId teamId, DateOnly withdrawnOn, string reason, CancellationToken cancellationToken)
    {
        Input.Required(reason);
        return ChangeAsync(cohortId, c => c.WithdrawTeam(teamId, withdrawnOn, reason, _clock), cancellationToken);
    }

    /// <summary>Records the date a team submitted its improvement plan.</summary>
    /// <param name="cohortId">The cohort.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="submittedOn">The date.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when saved.</returns>
    /// <exception cref="RecordNotFoundException">The cohort or the team is unknown, an empty id included (<see cref="ProgrammeErrorCodes.CohortNotFound"/>, <see cref="ProgrammeErrorCodes.TeamNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The cohort is not running (<see cref="ProgrammeErrorCodes.CohortStateDoesNotAllow"/>), the team has withdrawn (<see cref="ProgrammeErrorCodes.TeamWithdrawn"/>), the outcome is already recorded (<see cref="ProgrammeErrorCodes.TeamOutcomeAlreadyRecorded"/>), or the date is outside the cohort's dates (<see cref="ProgrammeErrorCodes.OutsideCohortDates"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the cohort meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public Task RecordPlanSubmittedAsync(CohortId cohortId, CohortTeamId teamId, DateOnly submittedOn, CancellationToken cancellationToken)
        => ChangeAsync(cohortId, c => c.RecordPlanSubmitted(teamId, submittedOn, _clock), cancellationToken);

    /// <summary>Records the date a team presented at the showcase.</summary>
    /// <param name="cohortId">The cohort.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="presentedOn">The date.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when saved.</returns>
    /// <exception cref="RecordNotFoundException">The cohort or the team is unknown, an empty id included (<see cref="ProgrammeErrorCodes.CohortNotFound"/>, <see cref="ProgrammeErrorCodes.TeamNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The cohort is not running (<see cref="ProgrammeErrorCodes.CohortStateDoesNotAllow"/>), the team has withdrawn (<see cref="ProgrammeErrorCodes.TeamWithdrawn"/>), the outcome is already recorded (<see cref="ProgrammeErrorCodes.TeamOutcomeAlreadyRecorded"/>), or the date is outside the cohort's dates (<see cref="ProgrammeErrorCodes.OutsideCohortDates"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the cohort meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public Task RecordShowcasePresentedAsync(CohortId cohortId, CohortTeamId teamId, DateOnly presentedOn, CancellationToken cancellationToken)
        => ChangeAsync(cohortId, c => c.RecordShowcasePresented(teamId, presentedOn, _clock), cancellationToken);

    /// <summary>Records a facilitator's sign-off of a team.</summary>
    /// <param name="cohortId">The cohort.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="facilitatorId">The facilitator signing off.</param>
    /// <param name="signedOffOn">The date.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when saved.</returns>
    /// <exception cref="RecordNotFoundException">The cohort, the signatory or the team is unknown, an empty id included (<see cref="ProgrammeErrorCodes.CohortNotFound"/>, <see cref="PeopleErrorCodes.ParticipantNotFound"/>, <see cref="ProgrammeErrorCodes.TeamNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The signatory has been erased (<see cref="PeopleErrorCodes.ParticipantErased"/>) or has not led or co-facilitated a session of the cohort (<see cref="ProgrammeErrorCodes.SignOffNotByFacilitator"/>); or the cohort is not running (<see cref="ProgrammeErrorCodes.CohortStateDoesNotAllow"/>), the team has withdrawn (<see cref="ProgrammeErrorCodes.TeamWithdrawn"/>), the outcome is already recorded (<see cref="ProgrammeErrorCodes.TeamOutcomeAlreadyRecorded"/>), or the date is outside the cohort's dates (<see cref="ProgrammeErrorCodes.OutsideCohortDates"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the cohort meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public async Task SignOffTeamAsync(CohortId cohortId, CohortTeamId teamId, ParticipantId facilitatorId, DateOnly signedOffOn, CancellationToken cancellationToken)
    {
        var cohort = await RequireCohortAsync(cohortId, cancellationToken).ConfigureAwait(false);
        await ParticipantLookup.RequireAsync(_participants, facilitatorId, "a signatory", cancellationToken).ConfigureAwait(false);
        cohort.SignOffTeam(teamId, facilitatorId, signedOffOn, _clock);
        await _cohorts.UpdateAsync(cohort, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Records the involvement activities of a delivered session's patient trainers, so that they can be paid by
    /// the payment policy (<see cref="PaymentOptions.Policy"/>): one <see cref="InvolvementActivityKind.TrainingDelivery"/> per patient trainer who led it (at
    /// <see cref="ProgrammeOptions.LeadFacilitatorRoleLevel"/>) or co-facilitated it (at
    /// <see cref="ProgrammeOptions.CoFacilitatorRoleLevel"/>), lasting the session's duration, with the session as its
    /// source. Safe to call again: a facilitator who already has an activity for the session gets no second one.
    /// </summary>
    /// <param name="cohortId">The cohort.</param>
    /// <param name="sessionId">The delivered session.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The activities recorded by this call (empty when all were recorded before).</returns>
    /// <exception cref="RecordNotFoundException">The cohort or the session is unknown, an empty id included (<see cref="ProgrammeErrorCodes.CohortNotFound"/>, <see cref="ProgrammeErrorCodes.SessionNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The session was not delivered (<see cref="ProgrammeErrorCodes.SessionNotDeliveredForPayment"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the cohort meanwhile (such as the same call for the same session), or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>): nothing was recorded; call again.</exception>
    public async Task<IReadOnlyList<InvolvementActivity>> RecordFacilitationActivitiesAsync(CohortId cohortId, CohortSessionId sessionId, CancellationToken cancellationToken)
    {
        var cohort = await RequireCohortAsync(cohortId, cancellationToken).ConfigureAwait(false);
        var toPay = cohort.PatientTrainersToPay(sessionId);
        var session = cohort.FindSession(sessionId)!;
        var source = new InvolvementActivitySource(SessionActivityArea, sessionId.Value);
        var recorded = new List<InvolvementActivity>();
        foreach (var facilitator in toPay)
        {
            var existing = await _activities.ListForParticipantAsync(facilitator.ParticipantId, cancellationToken).ConfigureAwait(false);
            if (existing.Any(a => !a.IsCancelled && a.Source == source))
            {
                continue;
            }

            var lead = facilitator.Role == FacilitatorRole.Lead;
            var activity = InvolvementActivity.Record(
                cohort.OrganisationId,
                facilitator.ParticipantId,
                InvolvementActivityKind.TrainingDelivery,
                DateOnly.FromDateTime(session.StartsAt.DateTime),
                session.Duration,
                lead ? _options.Programmes.LeadFacilitatorRoleLevel : _options.Programmes.CoFacilitatorRoleLevel,
                $"{(lead ? "Led" : "Co-facilitated")} module {session.ModuleCode} of cohort '{cohort.Name}'",
                source,
                _clock);
            recorded.Add(activity);
        }

        if (recorded.Count == 0)
        {
            return recorded;
        }

        // The cohort's version is claimed with the new activities, so two calls for the same session cannot both
        // record them: the second fails whole with ConcurrencyConflictException, and trying again finds them recorded.
        cohort.RecordFacilitationPaid(sessionId, recorded.Count, _clock);
        await _unitOfWork.SaveAsync([AggregateChange.Update(cohort), .. recorded.Select(a => AggregateChange.Add(a))], cancellationToken).ConfigureAwait(false);
        return recorded;
    }

    private static List<FacilitatorAssignment> CheckAssignments(IEnumerable<FacilitatorAssignment> facilitators)
    {
        Guard.Against.Null(facilitators);
        var assignments = facilitators.ToList();
        if (assignments.Any(a => a is null))
        {
            throw new InvalidInputException(nameof(facilitators), "The list of facilitators contains a null entry.");
        }

        return assignments;
    }

    /// <summary>
    /// Reads each facilitator's record and pathway: a patient trainer is someone with lived experience whose pathway
    /// has reached the stage the options ask for their role; someone who is not staff may not lead or co-facilitate
    /// below that stage (anyone may shadow).
    /// </summary>
    private async Task<List<SessionFacilitator>> ToSessionFacilitatorsAsync(List<FacilitatorAssignment> assignments, CancellationToken cancellationToken)
    {
        foreach (var assignment in assignments)
        {
            Input.Defined(assignment.Role, "facilitators");
        }

        var people = await ParticipantLookup.RequireAllAsync(_participants, assignments.Select(a => a.ParticipantId), "a facilitator", cancellationToken).ConfigureAwait(false);
        var facilitators = new List<SessionFacilitator>();
        for (var i = 0; i < assignments.Count; i++)
        {
            var (participantId, role) = (assignments[i].ParticipantId, assignments[i].Role);
            var person = people[i];
            if (role == FacilitatorRole.Shadow)
            {
                facilitators.Add(new SessionFacilitator(participantId, role, false));
                continue;
            }

            var lead = role == FacilitatorRole.Lead;
            var needed = lead ? _options.Programmes.MinimumStageToLead : _options.Programmes.MinimumStageToCoFacilitate;
            var pathway = person.HasLivedExperience ? await _pathways.FindByParticipantAsync(participantId, cancellationToken).ConfigureAwait(false) : null;
            var isPatientTrainer = pathway is not null && pathway.Stage >= needed;
            Rule.Require(
                isPatientTrainer || person.HasRole(ParticipantRole.Staff),
                lead ? ProgrammeErrorCodes.LeadNeedsPathwayStage : ProgrammeErrorCodes.CoFacilitatorNeedsPathwayStage,
                $"A facilitator chosen {(pathway is null ? "is not on the patient-trainer pathway" : $"is at stage {pathway.Stage} of the patient-trainer pathway")}, so cannot {(lead ? "lead" : "co-facilitate")} a session: that needs stage {needed} (Programmes.{(lead ? nameof(ProgrammeOptions.MinimumStageToLead) : nameof(ProgrammeOptions.MinimumStageToCoFacilitate))}). Let them shadow the session, or record their evidence and progress them on the pathway first.",
                ("participantId", participantId));
            facilitators.Add(new SessionFacilitator(participantId, role, isPatientTrainer));
        }

        return facilitators;
    }

    private async Task ChangeAsync(CohortId cohortId, Action<Cohort> change, CancellationToken cancellationToken)
    {
        var cohort = await RequireCohortAsync(cohortId, cancellationToken).ConfigureAwait(false);
        change(cohort);
        await _cohorts.UpdateAsync(cohort, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Cohort> RequireCohortAsync(CohortId cohortId, CancellationToken cancellationToken)
    {
        var cohort = await _cohorts.FindAsync(cohortId, cancellationToken).ConfigureAwait(false);
        return cohort ?? throw new RecordNotFoundException(
            ProgrammeErrorCodes.CohortNotFound,
            $"No cohort {cohortId} exists in this organisation: check the id, or plan the cohort first.");
    }

    private async Task<Programme> RequireProgrammeAsync(ProgrammeId programmeId, CancellationToken cancellationToken)
    {
        var programme = await _programmes.FindAsync(programmeId, cancellationToken).ConfigureAwait(false);
        return programme ?? throw new RecordNotFoundException(
            ProgrammeErrorCodes.ProgrammeNotFound,
            $"No programme {programmeId} exists in this organisation: check the id, or create the programme first.");
    }
}
