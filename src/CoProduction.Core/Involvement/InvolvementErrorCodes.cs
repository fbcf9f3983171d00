namespace CoProduction.Involvement;

/// <summary>The stable codes of the business rules about involvement, carried by <see cref="Primitives.DomainRuleViolationException"/>.</summary>
public static class InvolvementErrorCodes
{
    /// <summary>A published framework was edited; create a revision instead.</summary>
    public const string FrameworkPublished = "involvement.framework-published";

    /// <summary>A draft framework was used by a project or assessment; publish it first.</summary>
    public const string FrameworkNotPublished = "involvement.framework-not-published";

    /// <summary>Two presets adopted together provide the same part (two ladders, two life cycles) or clash on ids.</summary>
    public const string FrameworkPartsConflict = "involvement.framework-parts-conflict";

    /// <summary>A revision kept the version of the framework it revises.</summary>
    public const string FrameworkVersionUnchanged = "involvement.framework-version-unchanged";

    /// <summary>A framework other than the one the project or assessment uses was passed.</summary>
    public const string FrameworkMismatch = "involvement.framework-mismatch";

    /// <summary>A project other than the one an assessment concerns was passed.</summary>
    public const string ProjectMismatch = "involvement.project-mismatch";

    /// <summary>No framework with that id exists in the current organisation.</summary>
    public const string FrameworkNotFound = "involvement.framework-not-found";

    /// <summary>A level id is not on the framework's ladder.</summary>
    public const string UnknownLevel = "involvement.unknown-level";

    /// <summary>A phase id is not in the framework's life cycle.</summary>
    public const string UnknownPhase = "involvement.unknown-phase";

    /// <summary>A standard id is not in the framework.</summary>
    public const string UnknownStandard = "involvement.unknown-standard";

    /// <summary>An indicator id is not in the framework.</summary>
    public const string UnknownIndicator = "involvement.unknown-indicator";


    /// <summary>A team role that needs lived experience was given to someone without it (or the reverse).</summary>
    public const string TeamRoleMismatch = "involvement.team-role-mismatch";

    /// <summary>No project with that id exists in the current organisation.</summary>
    public const string ProjectNotFound = "involvement.project-not-found";

    /// <summary>A change was attempted on a closed project that only an active one accepts.</summary>
    public const string ProjectClosed = "involvement.project-closed";

    /// <summary>The participant is already on the project team.</summary>
    public const string AlreadyOnTeam = "involvement.already-on-team";

    /// <summary>The participant is not on the project team.</summary>
    public const string NotOnTeam = "involvement.not-on-team";

    /// <summary>The last project lead would be removed.</summary>
    public const string LeadRequired = "involvement.lead-required";

    /// <summary>A date is before the project started or after today.</summary>
    public const string DateOutOfRange = "involvement.date-out-of-range";

    /// <summary>No involvement record with that id exists on the project.</summary>
    public const string RecordNotFound = "involvement.record-not-found";

    /// <summary>Feedback to participants was already recorded for that involvement.</summary>
    public const string FeedbackAlreadyRecorded = "involvement.feedback-already-recorded";

    /// <summary>No measure with that id exists on the project.</summary>
    public const string MeasureNotFound = "involvement.measure-not-found";

    /// <summary>A measure with that name already exists on the project.</summary>
    public const string DuplicateMeasure = "involvement.duplicate-measure";

    /// <summary>A value for that measure and date is already recorded.</summary>
    public const string DuplicateMeasureValue = "involvement.duplicate-measure-value";

    /// <summary>The link is already recorded.</summary>
    public const string DuplicateLink = "involvement.duplicate-link";

    /// <summary>No assessment with that id exists in the current organisation.</summary>
    public const string AssessmentNotFound = "involvement.assessment-not-found";

    /// <summary>The framework of an assessment has no standards to rate.</summary>
    public const string NoStandardsToAssess = "involvement.no-standards";

    /// <summary>The assessor is already declared on the assessment.</summary>
    public const string DuplicateAssessor = "involvement.duplicate-assessor";

    /// <summary>A rating came from someone not declared as an assessor.</summary>
    public const string AssessorNotDeclared = "involvement.assessor-not-declared";

    /// <summary>A rating is not a point of the indicator's scale.</summary>
    public const string RatingOutOfScale = "involvement.rating-out-of-scale";

    /// <summary>A change was attempted on a completed assessment.</summary>
    public const string AssessmentCompleted = "involvement.assessment-completed";

    /// <summary>An assessment was completed with no ratings.</summary>
    public const string NoRatings = "involvement.no-ratings";

    /// <summary>A framework with the same key and version already exists in the organisation.</summary>
    public const string FrameworkVersionExists = "involvement.framework-version-exists";

    /// <summary>Planning a phase whose plan is baselined: revise it with a reason instead.</summary>
    public const string PlanBaselined = "involvement.plan-baselined";

    /// <summary>Revising the plan of a phase whose work has not begun: plan it instead.</summary>
    public const string PlanNotBaselined = "involvement.plan-not-baselined";
}
