using Ardalis.GuardClauses;
using CoProduction.Involvement.Frameworks;
using CoProduction.PeerReview;
using CoProduction.People;
using CoProduction.Primitives;
using CoProduction.Programmes.Cohorts;
using CoProduction.Scoring;
using CoProduction.Storage;

namespace CoProduction.Involvement.Projects;

/// <summary>
/// Use cases about improvement projects. Checks that every person named exists in the current organisation, that
/// patient and carer roles on the team are held by people with that lived experience, and works out who brought lived
/// experience to each involvement activity from their participant record. A change of team reaches the project's live
/// peer-review submission (and the conflicts of interest at the meeting it is scheduled to) in the same unit of work.
/// </summary>
public sealed class ImprovementProjectService
{
    private readonly IImprovementProjectStore _projects;
    private readonly IInvolvementFrameworkStore _frameworks;
    private readonly IParticipantStore _participants;
    private readonly IOrganisationContext _organisation;
    private readonly TimeProvider _clock;
    private readonly IUnitOfWork _unitOfWork;
    private readonly ICohortStore _cohorts;
    private readonly ProjectTeamPropagation _teams;

    /// <summary>Initialises the service.</summary>
    /// <param name="projects">The project store.</param>
    /// <param name="frameworks">The framework store.</param>
    /// <param name="participants">The participant store.</param>
    /// <param name="submissions">The peer-review submission store.</param>
    /// <param name="meetings">The panel meeting store.</param>
    /// <param name="panels">The panel store.</param>
    /// <param name="cohorts">The cohort store (Programmes), to check a cohort team a project came from.</param>
    /// <param name="unitOfWork">Saves a project with its live submission and meeting.</param>
    /// <param name="organisation">The current organisation.</param>
    /// <param name="clock">The clock.</param>
    public ImprovementProjectService(
        IImprovementProjectStore projects,
        IInvolvementFrameworkStore frameworks,
        IParticipantStore participants,
        IReviewSubmissionStore submissions,
        IPanelMeetingStore meetings,
        IPanelStore panels,
        ICohortStore cohorts,
        IUnitOfWork unitOfWork,
        IOrganisationContext organisation,
        TimeProvider clock)
    {
        _unitOfWork = Guard.Against.Null(unitOfWork);
        _cohorts = Guard.Against.Null(cohorts);
        _teams = new ProjectTeamPropagation(Guard.Against.Null(submissions), Guard.Against.Null(meetings), Guard.Against.Null(panels), Guard.Against.Null(clock));
        _projects = Guard.Against.Null(projects);
        _frameworks = Guard.Against.Null(frameworks);
        _participants = Guard.Against.Null(participants);
        _organisation = Guard.Against.Null(organisation);
        _clock = Guard.Against.Null(clock);
    }

    /// <summary>Finds a project of the current organisation.</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The project, or <see langword="null"/> when there is none.</returns>
    public ValueTask<ImprovementProject?> FindAsync(ImprovementProjectId projectId, CancellationToken cancellationToken) => _projects.FindAsync(projectId, cancellationToken);

    /// <summary>Lists one page of the current organisation's improvement projects, in the order they were registered, with the number of them all.</summary>
    /// <param name="page">The page to read; <c>default</c> is the first page of <see cref="Storage.PageRequest.DefaultSize"/>, oldest first.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The page.</returns>
    public Task<Page<ImprovementProject>> ListAsync(PageRequest page, CancellationToken cancellationToken) => _projects.ListPageAsync(page, cancellationToken);

    /// <summary>Starts a project against a published framework, led by an existing participant.</summary>
    /// <param name="frameworkId">The framework.</param>
    /// <param name="title">The title.</param>
    /// <param name="aim">What the project is trying to achieve.</param>
    /// <param name="serviceArea">The service area.</param>
    /// <param name="leadId">The project lead.</param>
    /// <param name="startedOn">The start date.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The saved project.</returns>
    /// <exception cref="InvalidInputException">An id is empty, a text is blank, or a text cannot be stored as given (see <see cref="Storage.IUnitOfWork.SaveAsync"/>).</exception>
    /// <exception cref="RecordNotFoundException">The framework or the lead is unknown (<see cref="InvolvementErrorCodes.FrameworkNotFound"/>, <see cref="PeopleErrorCodes.ParticipantNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The lead has been erased (<see cref="PeopleErrorCodes.ParticipantErased"/>), the framework is still a draft (<see cref="InvolvementErrorCodes.FrameworkNotPublished"/>), or the start date is after today (<see cref="InvolvementErrorCodes.DateOutOfRange"/>).</exception>
    public async Task<ImprovementProject> StartAsync(InvolvementFrameworkId frameworkId, string title, string aim, string serviceArea, ParticipantId leadId, DateOnly startedOn, CancellationToken cancellationToken)
    {
        new CommandInput().Id(frameworkId).Text(title).Text(aim).Text(serviceArea).Id(leadId).ThrowIfInvalid();
        var framework = await _frameworks.RequireFrameworkAsync(frameworkId, cancellationToken).ConfigureAwait(false);
        await _participants.RequireParticipantAsync(leadId, cancellationToken).ConfigureAwait(false);
        var project = ImprovementProject.Start(_organisation.CurrentOrganisationId, framework, title, aim, serviceArea, leadId, startedOn, _clock);
        await _projects.AddAsync(project, cancellationToken).ConfigureAwait(false);
        return project;
    }

    /// <summary>Adds an existing participant to a project team. Patient, carer, service-user and community roles need the matching participant role.</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="participantId">The person.</param>
    /// <param name="role">Their team role.</param>
    /// <param name="isCoreTeam">Whether they join the core team.</param>
    /// <param name="joinedOn">When they joined.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The saved project.</returns>
    /// <exception cref="InvalidInputException">An id is empty, or the role is not defined.</exception>
    /// <exception cref="RecordNotFoundException">The person or the project is unknown (<see cref="PeopleErrorCodes.ParticipantNotFound"/>, <see cref="InvolvementErrorCodes.ProjectNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The person has been erased (<see cref="PeopleErrorCodes.ParticipantErased"/>) or lacks the participant role the team role needs (<see cref="InvolvementErrorCodes.TeamRoleMismatch"/>), the project is closed (<see cref="InvolvementErrorCodes.ProjectClosed"/>), the date is before the project started or after today (<see cref="InvolvementErrorCodes.DateOutOfRange"/>), or the person is already on the team (<see cref="InvolvementErrorCodes.AlreadyOnTeam"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the project, its live peer-review submission or the meeting whose agenda holds it meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public async Task<ImprovementProject> AddTeamMemberAsync(ImprovementProjectId projectId, ParticipantId participantId, ProjectTeamRole role, bool isCoreTeam, DateOnly joinedOn, CancellationToken cancellationToken)
    {
        new CommandInput().Id(projectId).Id(participantId).Defined(role).ThrowIfInvalid();
        var participant = await _participants.RequireParticipantAsync(participantId, cancellationToken).ConfigureAwait(false);
        if (role.RequiredParticipantRole() is { } needed)
        {
            Rule.Require(participant.HasRole(needed), InvolvementErrorCodes.TeamRoleMismatch, $"This person is not registered as {needed}, so cannot join the team as {role}: add the role to their record first, or choose another team role.", ("participantId", participantId));
        }

        return await ChangeTeamAsync(projectId, p => p.AddTeamMember(participantId, role, isCoreTeam, joinedOn, _clock), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records that someone left a project team.</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="participantId">The person.</param>
    /// <param name="leftOn">When they left.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The saved project.</returns>
    /// <exception cref="InvalidInputException">An id is empty.</exception>
    /// <exception cref="RecordNotFoundException">The project is unknown (<see cref="InvolvementErrorCodes.ProjectNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The project is closed (<see cref="InvolvementErrorCodes.ProjectClosed"/>), the person is not on the team (<see cref="InvolvementErrorCodes.NotOnTeam"/>), the date is before they joined or after today (<see cref="InvolvementErrorCodes.DateOutOfRange"/>), or they are the only project lead (<see cref="InvolvementErrorCodes.LeadRequired"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the project, its live peer-review submission or the meeting whose agenda holds it meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public Task<ImprovementProject> RemoveTeamMemberAsync(ImprovementProjectId projectId, ParticipantId participantId, DateOnly leftOn, CancellationToken cancellationToken)
    {
        Input.Id(participantId);
        return ChangeTeamAsync(projectId, p => p.RemoveTeamMember(participantId, leftOn, _clock), cancellationToken);
    }

    /// <summary>States what involvement is meant to achieve on a project.</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="involvementAim">The aim of involvement.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The saved project.</returns>
    /// <exception cref="InvalidInputException">The aim is blank, the id is empty, or a text cannot be stored as given (see <see cref="Storage.IUnitOfWork.SaveAsync"/>).</exception>
    /// <exception cref="RecordNotFoundException">The project is unknown (<see cref="InvolvementErrorCodes.ProjectNotFound"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the project meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public Task<ImprovementProject> StateInvolvementAimAsync(ImprovementProjectId projectId, string involvementAim, CancellationToken cancellationToken)
    {
        Input.Required(involvementAim);
        return ChangeAsync(projectId, p => p.StateInvolvementAim(involvementAim, _clock), cancellationToken);
    }

    /// <summary>Moves a project to another phase of its life cycle.</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="phaseId">The phase.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The saved project.</returns>
    /// <exception cref="InvalidInputException">The phase id is blank, or the project id is empty.</exception>
    /// <exception cref="RecordNotFoundException">The project is unknown (<see cref="InvolvementErrorCodes.ProjectNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The project is closed (<see cref="InvolvementErrorCodes.ProjectClosed"/>), or its framework has no such phase (<see cref="InvolvementErrorCodes.UnknownPhase"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the project meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public Task<ImprovementProject> MoveToPhaseAsync(ImprovementProjectId projectId, string phaseId, CancellationToken cancellationToken)
    {
        Input.Required(phaseId);
        return ChangeWithFrameworkAsync(projectId, (p, f) => p.MoveToPhase(f, phaseId, _clock), cancellationToken);
    }

    /// <summary>
    /// Plans (or re-plans) involvement for a phase whose work has not begun. Its plan is baselined when work begins
    /// (the project enters the phase, or involvement is recorded in it); after that, use
    /// <see cref="ReviseInvolvementPlanAsync"/> with a reason.
    /// </summary>
    /// <param name="projectId">The project.</param>
    /// <param name="phaseId">The phase.</param>
    /// <param name="levelId">The planned level.</param>
    /// <param name="who">Who will be involved.</param>
    /// <param name="how">How.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The saved project.</returns>
    /// <exception cref="InvalidInputException">A text is blank, the project id is empty, or a text cannot be stored as given (see <see cref="Storage.IUnitOfWork.SaveAsync"/>).</exception>
    /// <exception cref="RecordNotFoundException">The project is unknown (<see cref="InvolvementErrorCodes.ProjectNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The project is closed (<see cref="InvolvementErrorCodes.ProjectClosed"/>), its framework has no such phase or level (<see cref="InvolvementErrorCodes.UnknownPhase"/>, <see cref="InvolvementErrorCodes.UnknownLevel"/>), or the phase's plan is baselined (<see cref="InvolvementErrorCodes.PlanBaselined"/>: use <see cref="ReviseInvolvementPlanAsync"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the project meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public Task<ImprovementProject> PlanInvolvementAsync(ImprovementProjectId projectId, string phaseId, string levelId, string who, string how, CancellationToken cancellationToken)
    {
        new CommandInput().Text(phaseId).Text(levelId).Text(who).Text(how).ThrowIfInvalid();
        return ChangeWithFrameworkAsync(projectId, (p, f) => p.PlanInvolvement(f, phaseId, levelId, who, how, _clock), cancellationToken);
    }

    /// <summary>Records an involvement activity; each person must exist, and whether they brought lived experience is taken from their record.</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="occurredOn">When it happened.</param>
    /// <param name="phaseId">The phase.</param>
    /// <param name="levelId">The level reached.</param>
    /// <param name="activity">What happened.</param>
    /// <param name="participantIds">Who took part.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The new record's id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="participantIds"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidInputException">The project id is empty, a text is blank, nobody is named, or a text cannot be stored as given (see <see cref="Storage.IUnitOfWork.SaveAsync"/>).</exception>
    /// <exception cref="RecordNotFoundException">A person (an empty id included) or the project is unknown (<see cref="PeopleErrorCodes.ParticipantNotFound"/>, <see cref="InvolvementErrorCodes.ProjectNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">A person has been erased (<see cref="PeopleErrorCodes.ParticipantErased"/>), the project's framework has no such phase or level (<see cref="InvolvementErrorCodes.UnknownPhase"/>, <see cref="InvolvementErrorCodes.UnknownLevel"/>), or the date is before the project started or after today (<see cref="InvolvementErrorCodes.DateOutOfRange"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the project meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public async Task<Guid> RecordInvolvementAsync(ImprovementProjectId projectId, DateOnly occurredOn, string phaseId, string levelId, string activity, IReadOnlyList<ParticipantId> participantIds, CancellationToken cancellationToken)
    {
        new CommandInput().Id(projectId).Text(phaseId).Text(levelId).Text(activity).ThrowIfInvalid();
        Guard.Against.Null(participantIds);
        var involved = new List<InvolvedParticipant>(participantIds.Count);
        foreach (var id in participantIds.Distinct())
        {
            var participant = await _participants.RequireParticipantAsync(id, cancellationToken).ConfigureAwait(false);
            involved.Add(new InvolvedParticipant(id, participant.HasLivedExperience));
        }

        var recordId = Guid.Empty;
        await ChangeWithFrameworkAsync(projectId, (p, f) => recordId = p.RecordInvolvement(f, occurredOn, phaseId, levelId, activity, involved, _clock), cancellationToken).ConfigureAwait(false);
        return recordId;
    }

    /// <summary>Records that participants were told what came of an activity ("you said, we did").</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="recordId">The involvement record.</param>
    /// <param name="givenOn">When they were told.</param>
    /// <param name="summary">What they were told.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The saved project.</returns>
    /// <exception cref="InvalidInputException">The summary is blank, the project id is empty, or a text cannot be stored as given (see <see cref="Storage.IUnitOfWork.SaveAsync"/>).</exception>
    /// <exception cref="RecordNotFoundException">The project, or its involvement record, is unknown (<see cref="InvolvementErrorCodes.ProjectNotFound"/>, <see cref="InvolvementErrorCodes.RecordNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">Feedback for the record is already recorded (<see cref="InvolvementErrorCodes.FeedbackAlreadyRecorded"/>), or the date is before the activity or after today (<see cref="InvolvementErrorCodes.DateOutOfRange"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the project meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public Task<ImprovementProject> RecordFeedbackAsync(ImprovementProjectId projectId, Guid recordId, DateOnly givenOn, string summary, CancellationToken cancellationToken)
    {
        Input.Required(summary);
        return ChangeAsync(projectId, p => p.RecordFeedback(recordId, givenOn, summary, _clock), cancellationToken);
    }

    /// <summary>Defines a measure of a project.</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="name">The measure's name.</param>
    /// <param name="type">Outcome, process or balancing.</param>
    /// <param name="isPatientExperience">Whether it measures patient experience.</param>
    /// <param name="direction">Which way is better.</param>
    /// <param name="unit">The unit, if any.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The measure's id.</returns>
    /// <exception cref="InvalidInputException">The name is blank, the id is empty, the type or direction is not defined, or a text cannot be stored as given (see <see cref="Storage.IUnitOfWork.SaveAsync"/>).</exception>
    /// <exception cref="RecordNotFoundException">The project is unknown (<see cref="InvolvementErrorCodes.ProjectNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The project already has a measure of that name (<see cref="InvolvementErrorCodes.DuplicateMeasure"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the project meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public async Task<Guid> DefineMeasureAsync(ImprovementProjectId projectId, string name, MeasureType type, bool isPatientExperience, ImprovementDirection direction, string? unit, CancellationToken cancellationToken)
    {
        Input.Required(name);
        var measureId = Guid.Empty;
        await ChangeAsync(projectId, p => measureId = p.DefineMeasure(name, type, isPatientExperience, direction, unit, _clock), cancellationToken).ConfigureAwait(false);
        return measureId;
    }

    /// <summary>Records when the change being tested was put in place for a measure.</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="measureId">The measure.</param>
    /// <param name="introducedOn">The date.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The saved project.</returns>
    /// <exception cref="InvalidInputException">The project id is empty.</exception>
    /// <exception cref="RecordNotFoundException">The project, or its measure, is unknown (<see cref="InvolvementErrorCodes.ProjectNotFound"/>, <see cref="InvolvementErrorCodes.MeasureNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The date is before the project started or after today (<see cref="InvolvementErrorCodes.DateOutOfRange"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the project meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public Task<ImprovementProject> RecordChangeIntroducedAsync(ImprovementProjectId projectId, Guid measureId, DateOnly introducedOn, CancellationToken cancellationToken)
        => ChangeAsync(projectId, p => p.RecordChangeIntroduced(measureId, introducedOn, _clock), cancellationToken);

    /// <summary>Records dated values of a measure, all at once (all or none are saved).</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="measureId">The measure.</param>
    /// <param name="values">The dated values.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The saved project.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidInputException">The project id is empty, or a value is not a finite number.</exception>
    /// <exception cref="RecordNotFoundException">The project, or its measure, is unknown (<see cref="InvolvementErrorCodes.ProjectNotFound"/>, <see cref="InvolvementErrorCodes.MeasureNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">A date is after today (<see cref="InvolvementErrorCodes.DateOutOfRange"/>), or the measure already has a value for it (<see cref="InvolvementErrorCodes.DuplicateMeasureValue"/>); nothing is saved.</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the project meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public Task<ImprovementProject> RecordMeasureValuesAsync(ImprovementProjectId projectId, Guid measureId, IReadOnlyList<(DateOnly On, double Value)> values, CancellationToken cancellationToken)
    {
        Guard.Against.Null(values);
        return ChangeAsync(
            projectId,
            p =>
            {
                foreach (var (on, value) in values)
                {
                    p.RecordMeasureValue(measureId, on, value, _clock);
                }
            },
            cancellationToken);
    }

    /// <summary>
    /// Revises the involvement plan of a phase whose work has begun, with the reason. The baseline (the plan when work
    /// began) and every earlier revision are kept; GRIPP2 reports and the ladder analysis compare what happened with the
    /// baseline and show the revision beside it.
    /// </summary>
    /// <param name="projectId">The project.</param>
    /// <param name="phaseId">The phase.</param>
    /// <param name="levelId">The level now planned.</param>
    /// <param name="who">Who will be involved.</param>
    /// <param name="how">How they will be involved.</param>
    /// <param name="reason">Why the plan changed.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The saved project.</returns>
    /// <exception cref="InvalidInputException">A text is blank, the project id is empty, or a text cannot be stored as given (see <see cref="Storage.IUnitOfWork.SaveAsync"/>).</exception>
    /// <exception cref="RecordNotFoundException">The project is unknown (<see cref="InvolvementErrorCodes.ProjectNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The project is closed (<see cref="InvolvementErrorCodes.ProjectClosed"/>), its framework has no such phase or level (<see cref="InvolvementErrorCodes.UnknownPhase"/>, <see cref="InvolvementErrorCodes.UnknownLevel"/>), or work in the phase has not begun (<see cref="InvolvementErrorCodes.PlanNotBaselined"/>: use <see cref="PlanInvolvementAsync"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the project meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public Task<ImprovementProject> ReviseInvolvementPlanAsync(ImprovementProjectId projectId, string phaseId, string levelId, string who, string how, string reason, CancellationToken cancellationToken)
    {
        new CommandInput().Text(phaseId).Text(levelId).Text(who).Text(how).Text(reason).ThrowIfInvalid();
        return ChangeWithFrameworkAsync(projectId, (p, f) => p.RevisePlan(f, phaseId, levelId, who, how, reason, _clock), cancellationToken);
    }

    /// <summary>Records the programme cohort team a project came from, checking that the cohort exists and enrolled that team.</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="cohortId">The cohort (Programmes).</param>
    /// <param name="teamId">The team, enrolled in that cohort.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The saved project.</returns>
    /// <exception cref="InvalidInputException">An id is empty.</exception>
    /// <exception cref="RecordNotFoundException">The cohort, its team or the project is unknown (<see cref="Programmes.ProgrammeErrorCodes.CohortNotFound"/>, <see cref="Programmes.ProgrammeErrorCodes.TeamNotFound"/>, <see cref="InvolvementErrorCodes.ProjectNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The project is already linked to a team (<see cref="InvolvementErrorCodes.DuplicateLink"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the project meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public async Task<ImprovementProject> LinkCohortTeamAsync(ImprovementProjectId projectId, CohortId cohortId, CohortTeamId teamId, CancellationToken cancellationToken)
    {
        new CommandInput().Id(cohortId).Id(teamId).ThrowIfInvalid();
        var cohort = await _cohorts.FindAsync(cohortId, cancellationToken).ConfigureAwait(false);
        Rule.Require(cohort is not null, Programmes.ProgrammeErrorCodes.CohortNotFound, $"No cohort {cohortId} exists in organisation {_organisation.CurrentOrganisationId}: check the id.");
        Rule.Require(cohort!.Teams.Any(t => t.Id == teamId), Programmes.ProgrammeErrorCodes.TeamNotFound, $"Cohort '{cohort.Name}' has no team {teamId}: pass the id of one of its teams.");
        return await ChangeAsync(projectId, p => p.LinkCohortTeam(cohortId, teamId, _clock), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Closes a project.</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="closedOn">The closing date.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The saved project.</returns>
    /// <exception cref="InvalidInputException">The id is empty.</exception>
    /// <exception cref="RecordNotFoundException">The project is unknown (<see cref="InvolvementErrorCodes.ProjectNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The project is already closed (<see cref="InvolvementErrorCodes.ProjectClosed"/>), or the date is before it started or after today (<see cref="InvolvementErrorCodes.DateOutOfRange"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the project meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public Task<ImprovementProject> CloseAsync(ImprovementProjectId projectId, DateOnly closedOn, CancellationToken cancellationToken)
        => ChangeAsync(projectId, p => p.Close(closedOn, _clock), cancellationToken);

    private async Task<ImprovementProject> ChangeTeamAsync(ImprovementProjectId projectId, Action<ImprovementProject> change, CancellationToken cancellationToken)
    {
        Input.Id(projectId);
        var project = await _projects.RequireProjectAsync(projectId, cancellationToken).ConfigureAwait(false);
        change(project);
        var others = await _teams.PropagateAsync(project, cancellationToken).ConfigureAwait(false);
        await _unitOfWork.SaveAsync([AggregateChange.Update(project), .. others], cancellationToken).ConfigureAwait(false);
        return project;
    }

    private async Task<ImprovementProject> ChangeAsync(ImprovementProjectId projectId, Action<ImprovementProject> change, CancellationToken cancellationToken)
    {
        Input.Id(projectId);
        var project = await _projects.RequireProjectAsync(projectId, cancellationToken).ConfigureAwait(false);
        change(project);
        await _projects.UpdateAsync(project, cancellationToken).ConfigureAwait(false);
        return project;
    }

    private async Task<ImprovementProject> ChangeWithFrameworkAsync(ImprovementProjectId projectId, Action<ImprovementProject, InvolvementFramework> change, CancellationToken cancellationToken)
    {
        Input.Id(projectId);
        var project = await _projects.RequireProjectAsync(projectId, cancellationToken).ConfigureAwait(false);
        var framework = await _frameworks.RequireFrameworkAsync(project.FrameworkId, cancellationToken).ConfigureAwait(false);
        change(project, framework);
        await _projects.UpdateAsync(project, cancellationToken).ConfigureAwait(false);
        return project;
    }
}
