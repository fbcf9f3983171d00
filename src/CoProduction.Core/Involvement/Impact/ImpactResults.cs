using CoProduction.Involvement.Frameworks;
using CoProduction.Involvement.Projects;
using CoProduction.Scoring;

namespace CoProduction.Involvement.Impact;

/// <summary>What statistical process control says about a measure after the change.</summary>
public enum ImpactVerdict
{
    /// <summary>Too few values to set process limits (fewer than <see cref="InvolvementOptions.MinimumBaselinePoints"/> in the baseline).</summary>
    InsufficientData,

    /// <summary>No special cause after the change: the variation is what the process always showed.</summary>
    NoSignificantChange,

    /// <summary>The latest special cause after the change is in the improvement direction.</summary>
    Improved,

    /// <summary>The latest special cause after the change is against the improvement direction.</summary>
    Deteriorated,

    /// <summary>The measure changed, but it has no improvement direction (neutral).</summary>
    ChangedWithoutDirection,
}

/// <summary>The statistical process control analysis of one measure.</summary>
/// <param name="MeasureId">The measure.</param>
/// <param name="Name">Its name.</param>
/// <param name="Type">Outcome, process or balancing.</param>
/// <param name="IsPatientExperience">Whether it measures patient experience.</param>
/// <param name="Direction">Which way is better.</param>
/// <param name="BaselinePoints">How many values the limits were set from.</param>
/// <param name="FollowUpPoints">How many values were judged (from the change onwards, or all values when no change date was recorded).</param>
/// <param name="Mean">The centre line, when limits could be set.</param>
/// <param name="LowerProcessLimit">The lower process limit, when limits could be set (not for a constant baseline, whose moving ranges are all zero).</param>
/// <param name="UpperProcessLimit">The upper process limit, when limits could be set (not for a constant baseline).</param>
/// <param name="Verdict">What the special-cause rules say.</param>
/// <param name="Sustained">For an improvement: whether the latest values all stay on the improving side of the centre line; <see langword="null"/> when there is no improvement or too few values since the change.</param>
/// <param name="PointTypes">The class of every value, oldest first (empty when limits could not be set).</param>
public sealed record MeasureImpact(
    Guid MeasureId,
    string Name,
    MeasureType Type,
    bool IsPatientExperience,
    ImprovementDirection Direction,
    int BaselinePoints,
    int FollowUpPoints,
    double? Mean,
    double? LowerProcessLimit,
    double? UpperProcessLimit,
    ImpactVerdict Verdict,
    bool? Sustained,
    IReadOnlyList<PointType> PointTypes);

/// <summary>The impact analysis of one project's measures.</summary>
/// <param name="ProjectId">The project.</param>
/// <param name="Title">Its title.</param>
/// <param name="Measures">Each measure's analysis, in the order defined.</param>
public sealed record ProjectImpact(ImprovementProjectId ProjectId, string Title, IReadOnlyList<MeasureImpact> Measures)
{
    /// <summary>
    /// Gets whether patient experience improved: <see langword="true"/> when a patient-experience measure improved,
    /// <see langword="false"/> when such measures could be judged and none improved, <see langword="null"/> when none could be judged.
    /// </summary>
    public bool? PatientExperienceImproved
    {
        get
        {
            var judged = Measures.Where(m => m.IsPatientExperience && m.Verdict != ImpactVerdict.InsufficientData).ToList();
            return judged.Count == 0 ? null : judged.Any(m => m.Verdict == ImpactVerdict.Improved);
        }
    }

    /// <summary>Gets whether an improvement in patient experience was sustained (<see langword="null"/> when there was none, or it is too early to tell).</summary>
    public bool? PatientExperienceSustained
    {
        get
        {
            var improved = Measures.Where(m => m.IsPatientExperience && m.Verdict == ImpactVerdict.Improved).ToList();
            return improved.Count == 0 || improved.All(m => m.Sustained is null) ? null : improved.Any(m => m.Sustained == true);
        }
    }
}

/// <summary>One project in the portfolio view: the highest level of involvement it reached and what happened to patient experience.</summary>
/// <param name="ProjectId">The project.</param>
/// <param name="Title">Its title.</param>
/// <param name="FrameworkId">Its framework.</param>
/// <param name="HighestLevelId">The highest ladder level reached with patients or carers, if any.</param>
/// <param name="HighestLevelName">Its name, if any.</param>
/// <param name="HighestPosition">Its position on the ladder from 0 (lowest) to 1 (top), if any.</param>
/// <param name="PatientExperienceImproved">See <see cref="ProjectImpact.PatientExperienceImproved"/>.</param>
/// <param name="PatientExperienceSustained">See <see cref="ProjectImpact.PatientExperienceSustained"/>.</param>
public sealed record PortfolioImpactRow(
    ImprovementProjectId ProjectId,
    string Title,
    InvolvementFrameworkId FrameworkId,
    string? HighestLevelId,
    string? HighestLevelName,
    double? HighestPosition,
    bool? PatientExperienceImproved,
    bool? PatientExperienceSustained);

/// <summary>Projects grouped by the highest level of involvement reached, with how often patient experience improved.</summary>
/// <param name="FrameworkId">The framework whose ladder the level is on.</param>
/// <param name="LevelId">The level, or <see langword="null"/> for projects with no patient or carer involvement recorded.</param>
/// <param name="Label">The level's name (or "No patient or carer involvement recorded").</param>
/// <param name="Rank">The level's rank on the ladder (-1 for none).</param>
/// <param name="Projects">How many projects reached it as their highest.</param>
/// <param name="Judged">How many of them have patient-experience measures that could be judged.</param>
/// <param name="Improved">How many of those improved patient experience.</param>
/// <param name="Sustained">How many of those sustained the improvement.</param>
public sealed record LevelImpactSummary(InvolvementFrameworkId FrameworkId, string? LevelId, string Label, int Rank, int Projects, int Judged, int Improved, int Sustained)
{
    /// <summary>Gets the share of judged projects that improved patient experience, or <see langword="null"/> when none was judged.</summary>
    public double? ShareImproved => Judged == 0 ? null : Improved / (double)Judged;
}

/// <summary>The portfolio view: involvement level against improvement in patient experience.</summary>
/// <param name="Projects">One row per project, in title order.</param>
/// <param name="ByLevel">The projects grouped by the highest level reached, lowest level first per framework.</param>
public sealed record PortfolioImpact(IReadOnlyList<PortfolioImpactRow> Projects, IReadOnlyList<LevelImpactSummary> ByLevel);
