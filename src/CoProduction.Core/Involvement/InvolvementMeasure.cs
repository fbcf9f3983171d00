using CoProduction.Involvement.Frameworks;
using CoProduction.Involvement.Projects;
using CoProduction.Scoring;

namespace CoProduction.Involvement;

/// <summary>One month of the involvement measure: the projects active in it, and how many of them involve patients or carers.</summary>
/// <param name="Month">The first day of the month.</param>
/// <param name="ActiveProjects">Projects active at some time in the month (started by its end, not closed before its start): the denominator.</param>
/// <param name="ProjectsInvolving">
/// Of those, the projects that had by the month's end recorded involvement of someone with lived experience at or
/// above the chosen level: the numerator.
/// </param>
public sealed record InvolvementMeasureMonth(DateOnly Month, int ActiveProjects, int ProjectsInvolving)
{
    /// <summary>Gets the share of active projects involving patients or carers, or <see langword="null"/> when no project was active.</summary>
    public double? Share => ActiveProjects == 0 ? null : (double)ProjectsInvolving / ActiveProjects;
}

/// <summary>
/// The measure quality improvement programmes track for involvement: month by month, the share of active projects with
/// patients or carers involved at or above a chosen level of the framework's ladder, and its proportion (p) chart with
/// the Making Data Count rules (limits vary with the number of projects each month).
/// </summary>
/// <param name="FrameworkId">The framework whose projects are counted.</param>
/// <param name="LevelId">The chosen level.</param>
/// <param name="LevelName">The chosen level's name, such as "Co-design".</param>
/// <param name="Months">The months, oldest first.</param>
/// <param name="Chart">The p chart of the months with at least one active project, or <see langword="null"/> when there are fewer than two such months.</param>
public sealed record InvolvementMeasure(InvolvementFrameworkId FrameworkId, string LevelId, string LevelName, IReadOnlyList<InvolvementMeasureMonth> Months, ProportionResult? Chart)
{
    /// <summary>Counts the measure over projects of one framework (pure: the service loads the data).</summary>
    /// <param name="framework">The framework.</param>
    /// <param name="levelId">The chosen level.</param>
    /// <param name="projects">The organisation's projects; those of other frameworks are ignored.</param>
    /// <param name="firstMonth">Any day of the first month.</param>
    /// <param name="lastMonth">Any day of the last month.</param>
    /// <param name="target">A target share in [0, 1] for the chart's assurance, or <see langword="null"/>.</param>
    /// <returns>The measure.</returns>
    internal static InvolvementMeasure Count(InvolvementFramework framework, string levelId, IEnumerable<ImprovementProject> projects, DateOnly firstMonth, DateOnly lastMonth, double? target)
    {
        var level = framework.FindLevel(levelId)!;
        var rank = framework.LevelRank(levelId);
        var ofFramework = projects.Where(p => p.FrameworkId == framework.Id).ToList();
        var months = new List<InvolvementMeasureMonth>();
        for (var month = new DateOnly(firstMonth.Year, firstMonth.Month, 1); month <= lastMonth; month = month.AddMonths(1))
        {
            var end = month.AddMonths(1).AddDays(-1);
            var active = ofFramework.Where(p => p.StartedOn <= end && (p.ClosedOn is null || p.ClosedOn >= month)).ToList();
            var involving = active.Count(p => p.Records.Any(r => r.OccurredOn <= end && r.InvolvedLivedExperience && framework.LevelRank(r.LevelId) >= rank));
            months.Add(new InvolvementMeasureMonth(month, active.Count, involving));
        }

        var charted = months.Where(m => m.ActiveProjects > 0).ToList();
        var chart = charted.Count < 2
            ? null
            : ProportionChart.Analyse(
                [.. charted.Select(m => m.ProjectsInvolving)],
                [.. charted.Select(m => m.ActiveProjects)],
                ProportionChartKind.P,
                new SpcOptions { ImprovementDirection = ImprovementDirection.Increase, Target = target });
        return new InvolvementMeasure(framework.Id, levelId, level.Name, months, chart);
    }
}
