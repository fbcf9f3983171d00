using CoProduction.Involvement.Projects;

namespace CoProduction.Involvement.Assessments;

/// <summary>The results of an assessment. Scores run from 0 (lowest point of every scale) to 100 (highest).</summary>
/// <param name="AssessmentId">The assessment.</param>
/// <param name="Overall">The combined overall score, each perspective present counting equally; <see langword="null"/> when nothing was rated.</param>
/// <param name="OverallByPerspective">The overall score from each perspective that has assessors.</param>
/// <param name="OverallGap">The overall gap between staff and patients and carers.</param>
/// <param name="Standards">The results per standard, in framework order.</param>
/// <param name="AssessorCount">How many assessors were declared.</param>
/// <param name="RatingCount">How many ratings were given.</param>
/// <param name="Ladder">The ladder level reached per phase against the plan, when the assessment concerns a project.</param>
public sealed record AssessmentResult(
    AssessmentId AssessmentId,
    double? Overall,
    IReadOnlyList<PerspectiveScore> OverallByPerspective,
    PerspectiveGap OverallGap,
    IReadOnlyList<StandardResult> Standards,
    int AssessorCount,
    int RatingCount,
    LadderAnalysis? Ladder);

/// <summary>The results for one standard.</summary>
/// <param name="StandardId">The standard.</param>
/// <param name="Name">Its name.</param>
/// <param name="Weight">Its weight in the overall score.</param>
/// <param name="Score">The combined score, each perspective present counting equally; <see langword="null"/> when none of its indicators was rated.</param>
/// <param name="ByPerspective">The score from each perspective that has assessors.</param>
/// <param name="Gap">The gap between staff and patients and carers on this standard.</param>
/// <param name="UnratedIndicatorIds">Indicators nobody rated (left out of the score, not counted as zero).</param>
public sealed record StandardResult(
    string StandardId,
    string Name,
    double Weight,
    double? Score,
    IReadOnlyList<PerspectiveScore> ByPerspective,
    PerspectiveGap Gap,
    IReadOnlyList<string> UnratedIndicatorIds);

/// <summary>A score from one perspective.</summary>
/// <param name="Perspective">The perspective.</param>
/// <param name="Assessors">How many assessors hold it.</param>
/// <param name="Score">The score, or <see langword="null"/> when they rated nothing that counts here.</param>
public sealed record PerspectiveScore(AssessorPerspective Perspective, int Assessors, double? Score);

/// <summary>
/// The perspective gap: how much higher staff rate involvement than patients and carers do (patient partners and
/// carers pooled, each assessor counting equally). Positive when staff rate higher.
/// </summary>
/// <param name="Staff">The staff score, if any staff rated.</param>
/// <param name="PatientsAndCarers">The patients' and carers' score, if any of them rated.</param>
/// <param name="Gap"><see cref="Staff"/> minus <see cref="PatientsAndCarers"/>, when both exist.</param>
public sealed record PerspectiveGap(double? Staff, double? PatientsAndCarers, double? Gap);

/// <summary>How a phase's involvement compares with the plan.</summary>
public enum PlanComparison
{
    /// <summary>Nothing was planned or recorded for the phase.</summary>
    NeitherPlannedNorRecorded,

    /// <summary>Involvement was recorded without a plan.</summary>
    Unplanned,

    /// <summary>Involvement was planned but none with patients or carers was recorded (yet).</summary>
    NotRecorded,

    /// <summary>Involvement was recorded, but below the planned level.</summary>
    BelowPlan,

    /// <summary>The planned level was reached or exceeded.</summary>
    MetOrExceeded,
}

/// <summary>The ladder level reached in each phase of a project, against its plan.</summary>
/// <param name="ProjectId">The project.</param>
/// <param name="Phases">One entry per phase of the life cycle, in order.</param>
/// <param name="HighestLevelId">The highest level reached in any phase, if any involvement with patients or carers was recorded.</param>
/// <param name="HighestRank">Its rank on the ladder (0 for the lowest), or -1 when none.</param>
/// <param name="LadderSize">How many levels the ladder has.</param>
public sealed record LadderAnalysis(ImprovementProjectId ProjectId, IReadOnlyList<PhaseLevel> Phases, string? HighestLevelId, int HighestRank, int LadderSize)
{
    /// <summary>Gets the highest level reached as a share of the ladder (0 for the lowest rung, 1 for the top), or <see langword="null"/> when none.</summary>
    public double? HighestPosition => HighestRank < 0 ? null : LadderSize <= 1 ? 1 : HighestRank / (double)(LadderSize - 1);
}

/// <summary>The involvement of one phase: planned against reached.</summary>
/// <param name="PhaseId">The phase.</param>
/// <param name="PhaseName">Its name.</param>
/// <param name="PlannedLevelId">The planned level the phase is judged against, if any: the baseline (the plan when work in the phase began) or, for a phase not begun, its plan.</param>
/// <param name="ReachedLevelId">The highest level reached in records that involved patients or carers, if any.</param>
/// <param name="RecordCount">How many such records the phase has.</param>
/// <param name="GapInSteps">Reached rank minus planned rank (negative when short of the plan), when both exist.</param>
/// <param name="Comparison">How the phase compares with the plan.</param>
/// <param name="Revision">The latest revision of the phase's plan after work began, if it was revised (it does not change the comparison).</param>
public sealed record PhaseLevel(string PhaseId, string PhaseName, string? PlannedLevelId, string? ReachedLevelId, int RecordCount, int? GapInSteps, PlanComparison Comparison, PlannedInvolvement? Revision);
