using CoProduction.Primitives;
using CoProduction.People;

namespace CoProduction.Involvement.Assessments;

/// <summary>The perspective an assessor declares: staff often rate involvement higher than patients and carers do.</summary>
public enum AssessorPerspective
{
    /// <summary>A member of staff assessing their own work (self-assessment).</summary>
    Staff,

    /// <summary>A patient partner.</summary>
    PatientPartner,

    /// <summary>A carer.</summary>
    Carer,
}

/// <summary>Helpers for <see cref="AssessorPerspective"/>.</summary>
public static class AssessorPerspectives
{
    /// <summary>Tells whether a perspective is a lived-experience one (patient partner or carer).</summary>
    /// <param name="perspective">The perspective.</param>
    /// <returns><see langword="true"/> for patient partners and carers.</returns>
    public static bool IsLivedExperience(this AssessorPerspective perspective) => perspective != AssessorPerspective.Staff;
}

/// <summary>Whether an assessment still takes ratings.</summary>
public enum AssessmentStatus
{
    /// <summary>Assessors are rating.</summary>
    Open,

    /// <summary>Rating is finished; the results are final.</summary>
    Completed,
}

/// <summary>An assessor and the perspective they rate from.</summary>
/// <param name="ParticipantId">The assessor.</param>
/// <param name="Perspective">Their declared perspective.</param>
public sealed record AssessmentAssessor(ParticipantId ParticipantId, AssessorPerspective Perspective);

/// <summary>One assessor's rating of one indicator.</summary>
/// <param name="AssessorId">The assessor.</param>
/// <param name="IndicatorId">The indicator.</param>
/// <param name="Value">The rating, a point of the indicator's scale.</param>
/// <param name="Comment">Why, if the assessor said.</param>
public sealed record IndicatorRating(ParticipantId AssessorId, string IndicatorId, int Value, string? Comment)
{
    /// <summary>Gets the indicator.</summary>
    public string IndicatorId { get; init; } = Input.Required(IndicatorId);
}
