using System.Globalization;
using Ardalis.GuardClauses;
using CoProduction.Involvement.Frameworks;
using CoProduction.Involvement.Projects.Events;
using CoProduction.PeerReview;
using CoProduction.Programmes.Cohorts;
using CoProduction.People;
using CoProduction.Primitives;
using CoProduction.Scoring;

namespace CoProduction.Involvement.Projects;

/// <summary>
/// A quality-improvement project and how patients and carers take part in it: its aim, team (patients and carers on the
/// core team are first-class members), service area, current phase of the framework's life cycle, the involvement
/// planned per phase against the involvement that actually happened (with "you said, we did" feedback), its measures
/// with dated values, and links to its peer-review submissions and to the programme cohort team it came from.
/// </summary>
/// <remarks>
/// Involvement can still be recorded after the project closes: continuing involvement is what makes the change last,
/// and its absence is one of the challenges the library detects.
/// </remarks>
public sealed class ImprovementProject : AggregateRoot<ImprovementProjectId>
{
    private readonly List<ProjectTeamMember> _team = [];
    private readonly List<PlannedInvolvement> _plan = [];
    private readonly List<InvolvementRecord> _records = [];
    private readonly List<ProjectMeasure> _measures = [];
    private readonly List<MeasureValue> _measureValues = [];
    private readonly List<Guid> _peerReviewSubmissionIds = [];
    private readonly List<string> _baselinedPhaseIds = [];

    private ImprovementProject(ImprovementProjectId id, OrganisationId organisationId, InvolvementFrameworkId frameworkId, string title, string aim, string serviceArea, string phaseId, DateOnly startedOn)
        : base(id, organisationId)
    {
        FrameworkId = frameworkId;
        Title = title;
        Aim = aim;
        ServiceArea = serviceArea;
        CurrentPhaseId = phaseId;
        StartedOn = startedOn;
    }

    private ImprovementProject()
    {
        Title = string.Empty;
        Aim = string.Empty;
        ServiceArea = string.Empty;
        CurrentPhaseId = string.Empty;
    }

    /// <summary>Gets the framework the project plans and records involvement against.</summary>
    public InvolvementFrameworkId FrameworkId { get; private set; }

    /// <summary>Gets the project's title.</summary>
    public string Title { get; private set; }

    /// <summary>Gets what the project is trying to achieve.</summary>
    public string Aim { get; private set; }

    /// <summary>Gets what the team wants patient and carer involvement to achieve, if stated (GRIPP2 item 1).</summary>
    public string? InvolvementAim { get; private set; }

    /// <summary>Gets the service area, such as "Emergency department".</summary>
    public string ServiceArea { get; private set; }

    /// <summary>Gets the current phase of the framework's life cycle.</summary>
    public string CurrentPhaseId { get; private set; }

    /// <summary>Gets whether the project is active or closed.</summary>
    public ProjectStatus Status { get; private set; }

    /// <summary>Gets when the project started.</summary>
    public DateOnly StartedOn { get; private set; }

    /// <summary>Gets when the project closed, if it has.</summary>
    public DateOnly? ClosedOn { get; private set; }

    /// <summary>Gets the programme cohort the project came from, if any.</summary>
    public CohortId? OriginCohortId { get; private set; }

    /// <summary>Gets the team in that cohort the project came from, if any.</summary>
    public CohortTeamId? OriginCohortTeamId { get; private set; }

    /// <summary>Gets everyone who is or was on the team.</summary>
    public IReadOnlyList<ProjectTeamMember> Team => _team;

    /// <summary>Gets the involvement planned now, one entry per phase: the latest revision, else the baseline or plan.</summary>
    public IReadOnlyList<PlannedInvolvement> Plan => [.. _plan.GroupBy(p => p.PhaseId).Select(g => g.Last())];

    /// <summary>Gets every entry of the involvement plan, each phase's plan or baseline followed by its revisions, oldest first.</summary>
    public IReadOnlyList<PlannedInvolvement> PlanHistory => _plan;

    /// <summary>Gets the phases whose plan is baselined: work in them has begun, so changes are revisions with a reason.</summary>
    public IReadOnlyList<string> BaselinedPhaseIds => _baselinedPhaseIds;

    /// <summary>Gets the involvement that happened, in the order recorded.</summary>
    public IReadOnlyList<InvolvementRecord> Records => _records;

    /// <summary>
    /// Removes, on a participant's erasure, the text of the involvement records they took part in (the activity and the
    /// feedback summary, which may name or quote them); the dates, phases, levels and the other participants stay, so
    /// the project's ladder of involvement is unchanged. When they are or were on the team or took part in a record,
    /// the plan's "who" and revision reasons go too: the plan holds no ids, so it cannot say whom it names. Returns
    /// whether anything changed.
    /// </summary>
    internal bool RemovePersonalText(ParticipantId participantId)
    {
        var changed = false;
        if (_team.Exists(m => m.ParticipantId == participantId) || _records.Exists(r => r.Participants.Any(p => p.ParticipantId == participantId)))
        {
            for (var i = 0; i < _plan.Count; i++)
            {
                var entry = _plan[i];
                if (entry.Who != PersonalData.RemovedOnErasure || (entry.RevisionReason is not null && entry.RevisionReason != PersonalData.RemovedOnErasure))
                {
                    _plan[i] = entry with { Who = PersonalData.RemovedOnErasure, RevisionReason = PersonalData.Removed(entry.RevisionReason) };
                    changed = true;
                }
            }
        }

        for (var i = 0; i < _records.Count; i++)
        {
            if (_records[i].Participants.Any(p => p.ParticipantId == participantId))
            {
                _records[i] = _records[i] with { Activity = PersonalData.RemovedOnErasure, FeedbackSummary = PersonalData.Removed(_records[i].FeedbackSummary) };
                changed = true;
            }
        }

        return changed;
    }

    /// <summary>Gets the project's measures.</summary>
    public IReadOnlyList<ProjectMeasure> Measures => _measures;

    /// <summary>Gets every recorded value of every measure.</summary>
    public IReadOnlyList<MeasureValue> MeasureValues => _measureValues;

    /// <summary>Gets the peer-review submissions the project made, oldest first.</summary>
    public IReadOnlyList<ReviewSubmissionId> PeerReviewSubmissionIds => [.. _peerReviewSubmissionIds.Select(id => new ReviewSubmissionId(id))];

    /// <summary>Gets the current team members.</summary>
    public IEnumerable<ProjectTeamMember> CurrentTeam => _team.Where(m => m.IsCurrent);

    /// <summary>
    /// Starts a project against a published framework, in the first phase of its life cycle, with its lead. Use
    /// <c>ImprovementProjectService</c> to check that the people exist.
    /// </summary>
    /// <param name="organisationId">The organisation.</param>
    /// <param name="framework">The published framework.</param>
    /// <param name="title">The title.</param>
    /// <param name="aim">What the project is trying to achieve.</param>
    /// <param name="serviceArea">The service area.</param>
    /// <param name="lead">The project lead.</param>
    /// <param name="startedOn">The start date (not in the future).</param>
    /// <param name="clock">The clock.</param>
    /// <returns>The new project, to be added to the store.</returns>
    internal static ImprovementProject Start(OrganisationId organisationId, InvolvementFramework framework, string title, string aim, string serviceArea, ParticipantId lead, DateOnly startedOn, TimeProvider clock)
    {
        Input.Id(organisationId);
        Guard.Against.Null(framework);
        Input.Required(title);
        Input.Required(aim);
        Input.Required(serviceArea);
        Input.Id(lead);
        Guard.Against.Null(clock);
        framework.EnsurePublished();
        Rule.Require(framework.OrganisationId == organisationId, InvolvementErrorCodes.FrameworkMismatch, $"Framework '{framework.Key}' belongs to another organisation: use one of your own organisation's frameworks.");
        var today = Today(clock);
        Rule.Require(startedOn <= today, InvolvementErrorCodes.DateOutOfRange, $"The start date {D(startedOn)} is in the future: give today's date ({D(today)}) or an earlier one.");
        var project = new ImprovementProject(ImprovementProjectId.New(), organisationId, framework.Id, title.Trim(), aim.Trim(), serviceArea.Trim(), framework.Phases[0].Id, startedOn);
        project._team.Add(new ProjectTeamMember(lead, ProjectTeamRole.ProjectLead, true, startedOn, null));
        var now = clock.GetUtcNow();
        project.Raise(new ImprovementProjectStarted(project.Id, framework.Id, now));
        project.Raise(new ProjectTeamChanged(project.Id, lead, ProjectTeamRole.ProjectLead, true, now));
        return project;
    }

    /// <summary>States what the team wants patient and carer involvement to achieve.</summary>
    /// <param name="involvementAim">The aim of involvement.</param>
    /// <param name="clock">The clock.</param>
    internal void StateInvolvementAim(string involvementAim, TimeProvider clock)
    {
        Input.Required(involvementAim);
        Guard.Against.Null(clock);
        InvolvementAim = involvementAim.Trim();
        Raise(new ProjectDetailsChanged(Id, "involvement-aim", clock.GetUtcNow()));
    }

    /// <summary>Adds someone to the team. <c>ImprovementProjectService</c> checks that the person exists and holds the lived experience a patient or carer role needs.</summary>
    /// <param name="participantId">The person.</param>
    /// <param name="role">Their team role.</param>
    /// <param name="isCoreTeam">Whether they join the core team.</param>
    /// <param name="joinedOn">When they joined.</param>
    /// <param name="clock">The clock.</param>
    internal void AddTeamMember(ParticipantId participantId, ProjectTeamRole role, bool isCoreTeam, DateOnly joinedOn, TimeProvider clock)
    {
        Input.Id(participantId);
        Input.Defined(role);
        Guard.Against.Null(clock);
        EnsureActive("add team members");
        EnsureDateInProject(joinedOn, clock);
        Rule.Require(!_team.Any(m => m.IsCurrent && m.ParticipantId == participantId), InvolvementErrorCodes.AlreadyOnTeam, $"This person is already on the team of project '{Title}': remove them first to change their role.", ("participantId", participantId));
        _team.Add(new ProjectTeamMember(participantId, role, isCoreTeam, joinedOn, null));
        Raise(new ProjectTeamChanged(Id, participantId, role, true, clock.GetUtcNow()));
    }

    /// <summary>Records that someone left the team; their history stays.</summary>
    /// <param name="participantId">The person.</param>
    /// <param name="leftOn">When they left.</param>
    /// <param name="clock">The clock.</param>
    internal void RemoveTeamMember(ParticipantId participantId, DateOnly leftOn, TimeProvider clock)
    {
        Input.Id(participantId);
        Guard.Against.Null(clock);
        EnsureActive("change the team");
        var index = _team.FindIndex(m => m.IsCurrent && m.ParticipantId == participantId);
        Rule.Require(index >= 0, InvolvementErrorCodes.NotOnTeam, $"This person is not on the team of project '{Title}'.", ("participantId", participantId));
        var member = _team[index];
        Rule.Require(leftOn >= member.JoinedOn && leftOn <= Today(clock), InvolvementErrorCodes.DateOutOfRange, $"The leaving date {D(leftOn)} must be between the joining date {D(member.JoinedOn)} and today.");
        Rule.Require(
            member.Role != ProjectTeamRole.ProjectLead || _team.Count(m => m.IsCurrent && m.Role == ProjectTeamRole.ProjectLead) > 1,
            InvolvementErrorCodes.LeadRequired,
            $"This person is the only lead of project '{Title}': add another lead before they leave.",
            ("participantId", participantId));
        _team[index] = member with { LeftOn = leftOn };
        Raise(new ProjectTeamChanged(Id, participantId, member.Role, false, clock.GetUtcNow()));
    }

    /// <summary>Gets the plan of a phase as it stood when work in the phase began.</summary>
    /// <param name="phaseId">The phase.</param>
    /// <returns>The baseline, or <see langword="null"/> when the phase has not begun or had no plan then.</returns>
    /// <exception cref="InvalidInputException"><paramref name="phaseId"/> is null or blank.</exception>
    public PlannedInvolvement? BaselineOf(string phaseId)
    {
        Input.Required(phaseId);
        return _plan.Find(p => p.PhaseId == phaseId && p.Kind == PlanEntryKind.Baseline);
    }

    /// <summary>
    /// Moves the project to another phase of its life cycle (forwards, or back for another PDSA cycle). Entering a phase
    /// baselines its plan.
    /// </summary>
    /// <param name="framework">The project's framework.</param>
    /// <param name="phaseId">The phase.</param>
    /// <param name="clock">The clock.</param>
    internal void MoveToPhase(InvolvementFramework framework, string phaseId, TimeProvider clock)
    {
        Input.Required(phaseId);
        Guard.Against.Null(clock);
        EnsureFramework(framework);
        EnsureActive("change phase");
        framework.RequirePhase(phaseId);
        if (phaseId == CurrentPhaseId)
        {
            return;
        }

        var from = CurrentPhaseId;
        CurrentPhaseId = phaseId;
        Raise(new ProjectPhaseChanged(Id, from, phaseId, clock.GetUtcNow()));
        Baseline(phaseId, clock);
    }

    /// <summary>
    /// Plans (or re-plans) involvement for a phase whose work has not begun: the level the team aims for, who and how.
    /// Once work in a phase begins (the project enters it, or involvement is recorded in it) its plan is baselined, and
    /// changes are revisions with a reason (<see cref="RevisePlan"/>).
    /// </summary>
    /// <param name="framework">The project's framework.</param>
    /// <param name="phaseId">The phase.</param>
    /// <param name="levelId">The planned level on the ladder.</param>
    /// <param name="who">Who will be involved.</param>
    /// <param name="how">How they will be involved.</param>
    /// <param name="clock">The clock.</param>
    /// <exception cref="DomainRuleViolationException">The phase's plan is baselined (<see cref="InvolvementErrorCodes.PlanBaselined"/>), the project is closed, or the phase or level is unknown.</exception>
    internal void PlanInvolvement(InvolvementFramework framework, string phaseId, string levelId, string who, string how, TimeProvider clock)
    {
        Input.Required(phaseId);
        Input.Required(levelId);
        Input.Required(who);
        Input.Required(how);
        Guard.Against.Null(clock);
        EnsureFramework(framework);
        EnsureActive("plan involvement");
        framework.RequirePhase(phaseId);
        framework.RequireLevel(levelId);
        Rule.Require(
            !_baselinedPhaseIds.Contains(phaseId),
            InvolvementErrorCodes.PlanBaselined,
            $"Work in phase '{phaseId}' of project '{Title}' has begun, so its plan is baselined and kept as it was: record a change as a revision with its reason (ReviseInvolvementPlanAsync).");
        _plan.RemoveAll(p => p.PhaseId == phaseId);
        _plan.Add(new PlannedInvolvement(phaseId, levelId, who.Trim(), how.Trim(), PlanEntryKind.Plan, clock.GetUtcNow(), null));
        SortPlan(framework);
        Raise(new InvolvementPlanned(Id, phaseId, levelId, clock.GetUtcNow()));
    }

    /// <summary>
    /// Revises the plan of a phase whose work has begun, with the reason. The baseline and every earlier revision are
    /// kept, and reports show the baseline beside the revision.
    /// </summary>
    /// <param name="framework">The project's framework.</param>
    /// <param name="phaseId">The phase.</param>
    /// <param name="levelId">The planned level on the ladder.</param>
    /// <param name="who">Who will be involved.</param>
    /// <param name="how">How they will be involved.</param>
    /// <param name="reason">Why the plan changed.</param>
    /// <param name="clock">The clock.</param>
    /// <exception cref="DomainRuleViolationException">The phase's work has not begun (<see cref="InvolvementErrorCodes.PlanNotBaselined"/>: plan it instead), the project is closed, or the phase or level is unknown.</exception>
    internal void RevisePlan(InvolvementFramework framework, string phaseId, string levelId, string who, string how, string reason, TimeProvider clock)
    {
        Input.Required(phaseId);
        Input.Required(levelId);
        Input.Required(who);
        Input.Required(how);
        Input.Required(reason);
        Guard.Against.Null(clock);
        EnsureFramework(framework);
        EnsureActive("revise the involvement plan");
        framework.RequirePhase(phaseId);
        framework.RequireLevel(levelId);
        Rule.Require(
            _baselinedPhaseIds.Contains(phaseId),
            InvolvementErrorCodes.PlanNotBaselined,
            $"Work in phase '{phaseId}' of project '{Title}' has not begun, so its plan can still change freely: use PlanInvolvementAsync.");
        var now = clock.GetUtcNow();
        _plan.Add(new PlannedInvolvement(phaseId, levelId, who.Trim(), how.Trim(), PlanEntryKind.Revision, now, reason.Trim()));
        SortPlan(framework);
        Raise(new InvolvementPlanRevised(Id, phaseId, levelId, now));
    }

    /// <summary>
    /// Records an involvement activity. Allowed after the project closes, since involvement should continue.
    /// <c>ImprovementProjectService</c> checks that the people exist and works out who brought lived experience.
    /// </summary>
    /// <param name="framework">The project's framework.</param>
    /// <param name="occurredOn">When it happened (from the project's start to today).</param>
    /// <param name="phaseId">The phase it belonged to.</param>
    /// <param name="levelId">The level it reached.</param>
    /// <param name="activity">What happened.</param>
    /// <param name="participants">Who took part (at least one).</param>
    /// <param name="clock">The clock.</param>
    /// <returns>The new record's id.</returns>
    internal Guid RecordInvolvement(InvolvementFramework framework, DateOnly occurredOn, string phaseId, string levelId, string activity, IEnumerable<InvolvedParticipant> participants, TimeProvider clock)
    {
        Input.Required(phaseId);
        Input.Required(levelId);
        Input.Required(activity);
        Guard.Against.Null(participants);
        Guard.Against.Null(clock);
        Guard.Against.Null(framework);
        var people = participants.ToList();
        if (people.Count == 0 || people.Any(p => p is null || p.ParticipantId.Value == Guid.Empty))
        {
            throw new InvalidInputException(nameof(participants), "Name at least one person who took part, with no null or empty ids.");
        }

        if (people.DistinctBy(p => p.ParticipantId).Count() != people.Count)
        {
            throw new InvalidInputException(nameof(participants), "A person is listed twice among those who took part: list each once.");
        }

        EnsureFramework(framework);
        framework.RequirePhase(phaseId);
        framework.RequireLevel(levelId);
        EnsureDateInProject(occurredOn, clock);
        var record = new InvolvementRecord(Guid.CreateVersion7(), occurredOn, phaseId, levelId, activity.Trim(), people, null, null);
        _records.Add(record);
        Raise(new InvolvementRecorded(Id, record.Id, phaseId, levelId, clock.GetUtcNow()));
        Baseline(phaseId, clock);
        return record.Id;
    }

    /// <summary>Records that the people involved in an activity were told what was done with their input ("you said, we did").</summary>
    /// <param name="recordId">The involvement record.</param>
    /// <param name="givenOn">When they were told (not before the activity, not in the future).</param>
    /// <param name="summary">What they were told.</param>
    /// <param name="clock">The clock.</param>
    internal void RecordFeedback(Guid recordId, DateOnly givenOn, string summary, TimeProvider clock)
    {
        Input.Required(summary);
        Guard.Against.Null(clock);
        var index = _records.FindIndex(r => r.Id == recordId);
        Rule.Require(index >= 0, InvolvementErrorCodes.RecordNotFound, $"Project '{Title}' has no involvement record {recordId}.");
        var record = _records[index];
        Rule.Require(record.FeedbackGivenOn is null, InvolvementErrorCodes.FeedbackAlreadyRecorded, $"Feedback for involvement record {recordId} was already recorded on {D(record.FeedbackGivenOn ?? default)}.");
        var today = Today(clock);
        Rule.Require(givenOn >= record.OccurredOn && givenOn <= today, InvolvementErrorCodes.DateOutOfRange, $"The feedback date {D(givenOn)} must be between the activity's date {D(record.OccurredOn)} and today ({D(today)}).");
        _records[index] = record with { FeedbackGivenOn = givenOn, FeedbackSummary = summary.Trim() };
        Raise(new InvolvementFeedbackRecorded(Id, recordId, givenOn, clock.GetUtcNow()));
    }

    /// <summary>Defines a measure of the project.</summary>
    /// <param name="name">The name, unique on the project.</param>
    /// <param name="type">Outcome, process or balancing.</param>
    /// <param name="isPatientExperience">Whether it measures patient experience.</param>
    /// <param name="direction">Which way is better.</param>
    /// <param name="unit">The unit, if any.</param>
    /// <param name="clock">The clock.</param>
    /// <returns>The measure's id.</returns>
    internal Guid DefineMeasure(string name, MeasureType type, bool isPatientExperience, ImprovementDirection direction, string? unit, TimeProvider clock)
    {
        Input.Required(name);
        Input.Defined(type);
        Input.Defined(direction);
        Guard.Against.Null(clock);
        var trimmed = name.Trim();
        Rule.Require(!_measures.Any(m => string.Equals(m.Name, trimmed, StringComparison.OrdinalIgnoreCase)), InvolvementErrorCodes.DuplicateMeasure, $"Project '{Title}' already has a measure called '{trimmed}': choose another name.");
        var measure = new ProjectMeasure(Guid.CreateVersion7(), trimmed, type, isPatientExperience, direction, string.IsNullOrWhiteSpace(unit) ? null : unit.Trim(), null);
        _measures.Add(measure);
        Raise(new ProjectMeasureChanged(Id, measure.Id, clock.GetUtcNow()));
        return measure.Id;
    }

    /// <summary>Records when the change being tested was put in place, so that earlier values form the baseline.</summary>
    /// <param name="measureId">The measure.</param>
    /// <param name="introducedOn">The date.</param>
    /// <param name="clock">The clock.</param>
    internal void RecordChangeIntroduced(Guid measureId, DateOnly introducedOn, TimeProvider clock)
    {
        Guard.Against.Null(clock);
        var index = RequireMeasure(measureId);
        EnsureDateInProject(introducedOn, clock);
        _measures[index] = _measures[index] with { ChangeIntroducedOn = introducedOn };
        Raise(new ProjectMeasureChanged(Id, measureId, clock.GetUtcNow()));
    }

    /// <summary>Records a dated value of a measure (one per date).</summary>
    /// <param name="measureId">The measure.</param>
    /// <param name="on">The date the value is for (not in the future; may precede the project for baseline data).</param>
    /// <param name="value">The value (a finite number).</param>
    /// <param name="clock">The clock.</param>
    internal void RecordMeasureValue(Guid measureId, DateOnly on, double value, TimeProvider clock)
    {
        Guard.Against.Null(clock);
        if (!double.IsFinite(value))
        {
            throw new InvalidInputException(nameof(value), "A measure value must be a finite number.");
        }

        var index = RequireMeasure(measureId);
        var today = Today(clock);
        Rule.Require(on <= today, InvolvementErrorCodes.DateOutOfRange, $"The date {D(on)} is in the future: values are recorded for today ({D(today)}) or earlier.");
        Rule.Require(!_measureValues.Any(v => v.MeasureId == measureId && v.On == on), InvolvementErrorCodes.DuplicateMeasureValue, $"Measure '{_measures[index].Name}' already has a value for {D(on)}: each date has one value.");
        _measureValues.Add(new MeasureValue(measureId, on, value));
        Raise(new ProjectMeasureValueRecorded(Id, measureId, on, clock.GetUtcNow()));
    }

    /// <summary>Gets the values of a measure in date order.</summary>
    /// <param name="measureId">The measure.</param>
    /// <returns>The values, oldest first.</returns>
    public IReadOnlyList<MeasureValue> ValuesOf(Guid measureId) => [.. _measureValues.Where(v => v.MeasureId == measureId).OrderBy(v => v.On)];

    /// <summary>
    /// Links a peer-review submission the project made. Saved in one unit of work with the new submission, it claims
    /// the project's version, so two submissions drafted at once for one project cannot both commit.
    /// </summary>
    /// <param name="submissionId">The submission's id.</param>
    /// <param name="clock">The clock.</param>
    internal void LinkPeerReviewSubmission(ReviewSubmissionId submissionId, TimeProvider clock)
    {
        Input.Id(submissionId);
        Guard.Against.Null(clock);
        Rule.Require(!_peerReviewSubmissionIds.Contains(submissionId.Value), InvolvementErrorCodes.DuplicateLink, $"Peer-review submission {submissionId} is already linked to project '{Title}'.");
        _peerReviewSubmissionIds.Add(submissionId.Value);
        Raise(new ProjectLinked(Id, "peer-review-submission", submissionId.Value, clock.GetUtcNow()));
    }

    /// <summary>Records the programme cohort and team the project came from.</summary>
    /// <param name="cohortId">The cohort's id.</param>
    /// <param name="teamId">The team's id within the cohort.</param>
    /// <param name="clock">The clock.</param>
    internal void LinkCohortTeam(CohortId cohortId, CohortTeamId teamId, TimeProvider clock)
    {
        Input.Id(cohortId);
        Input.Id(teamId);
        Guard.Against.Null(clock);
        Rule.Require(OriginCohortTeamId is null, InvolvementErrorCodes.DuplicateLink, $"Project '{Title}' is already linked to cohort team {OriginCohortTeamId}: a project comes from one team.");
        OriginCohortId = cohortId;
        OriginCohortTeamId = teamId;
        Raise(new ProjectLinked(Id, "cohort-team", teamId.Value, clock.GetUtcNow()));
    }

    /// <summary>Closes the project. Involvement may still be recorded afterwards.</summary>
    /// <param name="closedOn">The closing date (from the start to today).</param>
    /// <param name="clock">The clock.</param>
    internal void Close(DateOnly closedOn, TimeProvider clock)
    {
        Guard.Against.Null(clock);
        EnsureActive("close it");
        EnsureDateInProject(closedOn, clock);
        Status = ProjectStatus.Closed;
        ClosedOn = closedOn;
        Raise(new ImprovementProjectClosed(Id, closedOn, clock.GetUtcNow()));
    }

    internal static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private static string D(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private int RequireMeasure(Guid measureId)
    {
        var index = _measures.FindIndex(m => m.Id == measureId);
        Rule.Require(index >= 0, InvolvementErrorCodes.MeasureNotFound, $"Project '{Title}' has no measure {measureId}: define it first.");
        return index;
    }

    private void Baseline(string phaseId, TimeProvider clock)
    {
        if (_baselinedPhaseIds.Contains(phaseId))
        {
            return;
        }

        _baselinedPhaseIds.Add(phaseId);
        var index = _plan.FindIndex(p => p.PhaseId == phaseId);
        if (index >= 0)
        {
            _plan[index] = _plan[index] with { Kind = PlanEntryKind.Baseline };
        }

        Raise(new InvolvementPlanBaselined(Id, phaseId, index >= 0 ? _plan[index].LevelId : null, clock.GetUtcNow()));
    }

    private void SortPlan(InvolvementFramework framework)
    {
        var ordered = _plan.Select((entry, position) => (entry, position))
            .OrderBy(x => framework.PhaseIndex(x.entry.PhaseId))
            .ThenBy(x => x.position)
            .Select(x => x.entry)
            .ToList();
        _plan.Clear();
        _plan.AddRange(ordered);
    }

    private void EnsureFramework(InvolvementFramework framework)
    {
        Guard.Against.Null(framework);
        Rule.Require(framework.Id == FrameworkId, InvolvementErrorCodes.FrameworkMismatch, $"Project '{Title}' uses framework {FrameworkId}, not '{framework.Key}' ({framework.Id}): pass the project's own framework.");
    }

    private void EnsureActive(string action) =>
        Rule.Require(Status == ProjectStatus.Active, InvolvementErrorCodes.ProjectClosed, $"Project '{Title}' closed on {D(ClosedOn ?? default)}, so you cannot {action}; only involvement records and feedback can be added after closure.");

    private void EnsureDateInProject(DateOnly date, TimeProvider clock)
    {
        var today = Today(clock);
        Rule.Require(date >= StartedOn && date <= today, InvolvementErrorCodes.DateOutOfRange, $"The date {D(date)} is outside project '{Title}': give a date from its start ({D(StartedOn)}) to today ({D(today)}).");
    }
}
