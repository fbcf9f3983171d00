using CoProduction.Primitives;
using Ardalis.GuardClauses;
using CoProduction.People;
using CoProduction.Scoring;

namespace CoProduction.Involvement.Projects;

/// <summary>Whether an improvement project is still running.</summary>
public enum ProjectStatus
{
    /// <summary>The project is running.</summary>
    Active,

    /// <summary>The project has closed; involvement may still be recorded (and should continue).</summary>
    Closed,
}

/// <summary>The role a person plays on an improvement project team.</summary>
public enum ProjectTeamRole
{
    /// <summary>Leads the project (a member of staff or a patient partner).</summary>
    ProjectLead,

    /// <summary>A member of staff on the team.</summary>
    StaffMember,

    /// <summary>A patient partner on the team.</summary>
    PatientPartner,

    /// <summary>A carer on the team.</summary>
    Carer,

    /// <summary>Someone who uses the service, on the team.</summary>
    ServiceUser,

    /// <summary>A member of the community the service reaches, on the team.</summary>
    CommunityMember,

    /// <summary>The senior sponsor who clears the way.</summary>
    Sponsor,

    /// <summary>A quality-improvement coach or adviser.</summary>
    ImprovementCoach,
}

/// <summary>Helpers for <see cref="ProjectTeamRole"/>.</summary>
public static class ProjectTeamRoles
{
    /// <summary>Tells whether a team role is held for lived experience (patient partner, carer, service user or community member).</summary>
    /// <param name="role">The role.</param>
    /// <returns><see langword="true"/> for the lived-experience roles.</returns>
    public static bool IsLivedExperience(this ProjectTeamRole role) =>
        role is ProjectTeamRole.PatientPartner or ProjectTeamRole.Carer or ProjectTeamRole.ServiceUser or ProjectTeamRole.CommunityMember;

    /// <summary>Gets the participant role a lived-experience team role needs, if any.</summary>
    /// <param name="role">The team role.</param>
    /// <returns>The participant role, or <see langword="null"/> for staff roles and leads.</returns>
    public static ParticipantRole? RequiredParticipantRole(this ProjectTeamRole role) => role switch
    {
        ProjectTeamRole.PatientPartner => ParticipantRole.PatientPartner,
        ProjectTeamRole.Carer => ParticipantRole.Carer,
        ProjectTeamRole.ServiceUser => ParticipantRole.ServiceUser,
        ProjectTeamRole.CommunityMember => ParticipantRole.CommunityMember,
        _ => null,
    };
}

/// <summary>A member of a project team. Patients and carers on the core team are members like any other, with their own role.</summary>
/// <param name="ParticipantId">The person.</param>
/// <param name="Role">Their role on the team.</param>
/// <param name="IsCoreTeam">Whether they are on the core team (rather than consulted now and then).</param>
/// <param name="JoinedOn">When they joined.</param>
/// <param name="LeftOn">When they left, if they did.</param>
public sealed record ProjectTeamMember(ParticipantId ParticipantId, ProjectTeamRole Role, bool IsCoreTeam, DateOnly JoinedOn, DateOnly? LeftOn)
{
    /// <summary>Gets whether the member is still on the team.</summary>
    public bool IsCurrent => LeftOn is null;
}

/// <summary>What an entry of a project's involvement plan is.</summary>
public enum PlanEntryKind
{
    /// <summary>The plan for a phase that has not started yet; planning again replaces it.</summary>
    Plan,

    /// <summary>The plan in force when work in the phase began; it is kept as it was, whatever is revised later.</summary>
    Baseline,

    /// <summary>A change to the plan of a phase after work in it began, with the reason; every revision is kept.</summary>
    Revision,
}

/// <summary>How the team plans to involve people in one phase of the life cycle.</summary>
/// <param name="PhaseId">The phase.</param>
/// <param name="LevelId">The planned level on the framework's ladder.</param>
/// <param name="Who">Who will be involved, such as "two patient partners and a carer from the stroke unit".</param>
/// <param name="How">How they will be involved, such as "co-design workshops, paid at the session rate".</param>
/// <param name="Kind">Whether this is the plan of a phase not started, its baseline, or a revision.</param>
/// <param name="PlannedAt">When the entry was made.</param>
/// <param name="RevisionReason">Why the plan was revised (revisions only).</param>
public sealed record PlannedInvolvement(string PhaseId, string LevelId, string Who, string How, PlanEntryKind Kind, DateTimeOffset PlannedAt, string? RevisionReason)
{
    /// <summary>Gets the phase.</summary>
    public string PhaseId { get; init; } = Input.Required(PhaseId);

    /// <summary>Gets the planned level.</summary>
    public string LevelId { get; init; } = Input.Required(LevelId);

    /// <summary>Gets who will be involved.</summary>
    public string Who { get; init; } = Input.Required(Who);

    /// <summary>Gets how they will be involved.</summary>
    public string How { get; init; } = Input.Required(How);
}

/// <summary>A person who took part in an involvement activity, and whether they took part for their lived experience.</summary>
/// <param name="ParticipantId">The person.</param>
/// <param name="HasLivedExperience">Whether they brought lived experience (patient, carer, service user or community member) rather than a staff view.</param>
public sealed record InvolvedParticipant(ParticipantId ParticipantId, bool HasLivedExperience);

/// <summary>What actually happened: one involvement activity, and whether the people involved were told what came of it.</summary>
/// <param name="Id">The record's id.</param>
/// <param name="OccurredOn">When it happened.</param>
/// <param name="PhaseId">The phase of the life cycle it belonged to.</param>
/// <param name="LevelId">The level on the framework's ladder it reached.</param>
/// <param name="Activity">What happened, such as "patient partners mapped the discharge pathway with ward staff".</param>
/// <param name="Participants">Who took part.</param>
/// <param name="FeedbackGivenOn">When participants were told what was done with their input ("you said, we did"), if they were.</param>
/// <param name="FeedbackSummary">What they were told, if they were.</param>
public sealed record InvolvementRecord(
    Guid Id,
    DateOnly OccurredOn,
    string PhaseId,
    string LevelId,
    string Activity,
    IReadOnlyList<InvolvedParticipant> Participants,
    DateOnly? FeedbackGivenOn,
    string? FeedbackSummary)
{
    /// <summary>For relational storage, which adds the participants to the list after construction.</summary>
    private InvolvementRecord(Guid id, DateOnly occurredOn, string phaseId, string levelId, string activity, DateOnly? feedbackGivenOn, string? feedbackSummary)
        : this(id, occurredOn, phaseId, levelId, activity, new List<InvolvedParticipant>(), feedbackGivenOn, feedbackSummary)
    {
    }

    /// <summary>Gets the phase.</summary>
    public string PhaseId { get; init; } = Input.Required(PhaseId);

    /// <summary>Gets the level reached.</summary>
    public string LevelId { get; init; } = Input.Required(LevelId);

    /// <summary>Gets what happened.</summary>
    public string Activity { get; init; } = Input.Required(Activity);

    /// <summary>Gets who took part.</summary>
    public IReadOnlyList<InvolvedParticipant> Participants { get; init; } = Guard.Against.Null(Participants);

    /// <summary>Gets whether anyone with lived experience took part.</summary>
    public bool InvolvedLivedExperience => Participants.Any(p => p.HasLivedExperience);
}

/// <summary>The kinds of measure in a quality-improvement project.</summary>
public enum MeasureType
{
    /// <summary>Shows whether the system is getting better for the people it serves.</summary>
    Outcome,

    /// <summary>Shows whether the changes are being carried out as planned.</summary>
    Process,

    /// <summary>Shows whether a change is causing a problem somewhere else.</summary>
    Balancing,
}

/// <summary>A measure of an improvement project.</summary>
/// <param name="Id">The measure's id.</param>
/// <param name="Name">The measure's name, unique on the project.</param>
/// <param name="Type">Outcome, process or balancing.</param>
/// <param name="IsPatientExperience">Whether it measures patient experience.</param>
/// <param name="Direction">Which way is better (the Making Data Count improvement direction).</param>
/// <param name="Unit">The unit, such as "% of patients", if any.</param>
/// <param name="ChangeIntroducedOn">When the change being tested was put in place, if it was: values before it form the baseline.</param>
public sealed record ProjectMeasure(Guid Id, string Name, MeasureType Type, bool IsPatientExperience, ImprovementDirection Direction, string? Unit, DateOnly? ChangeIntroducedOn)
{
    /// <summary>Gets the measure's name.</summary>
    public string Name { get; init; } = Input.Required(Name);
}

/// <summary>One dated value of a measure.</summary>
/// <param name="MeasureId">The measure.</param>
/// <param name="On">The date (or the start of the period) the value is for.</param>
/// <param name="Value">The value.</param>
public sealed record MeasureValue(Guid MeasureId, DateOnly On, double Value);
