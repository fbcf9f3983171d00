using Ardalis.GuardClauses;
using CoProduction.Involvement.Assessments;
using CoProduction.Involvement.Frameworks;
using CoProduction.Involvement.Projects;
using CoProduction.Scoring;

namespace CoProduction.Involvement.Impact;

/// <summary>
/// Judges whether projects improved what they measure, with the XmR chart and Making Data Count rules of
/// <see cref="XmRChart"/>, and relates the level of patient involvement to improvement in patient experience.
/// </summary>
/// <remarks>
/// <para>
/// When a measure has a change date, the process limits come from the values before it (the baseline) and the rules
/// judge the values from the change onwards; otherwise limits come from every value and every value is judged. The
/// verdict follows the latest special-cause value judged: improvement, concern, or neutral.
/// </para>
/// <para>
/// An improvement counts as sustained when the latest <see cref="InvolvementOptions.SustainedPoints"/> values all lie
/// strictly on the improving side of the centre line.
/// </para>
/// </remarks>
public static class ImpactAnalyser
{
    /// <summary>Analyses every measure of a project.</summary>
    /// <param name="project">The project.</param>
    /// <param name="options">The involvement options (baseline size, sustained run).</param>
    /// <returns>The analysis.</returns>
    public static ProjectImpact AnalyseProject(ImprovementProject project, InvolvementOptions options)
    {
        Guard.Against.Null(project);
        Guard.Against.Null(options);
        return new ProjectImpact(project.Id, project.Title, [.. project.Measures.Select(m => AnalyseMeasure(m, project.ValuesOf(m.Id), options))]);
    }

    /// <summary>Analyses one measure's values.</summary>
    /// <param name="measure">The measure.</param>
    /// <param name="values">Its values (any order).</param>
    /// <param name="options">The involvement options.</param>
    /// <returns>The analysis.</returns>
    public static MeasureImpact AnalyseMeasure(ProjectMeasure measure, IReadOnlyList<MeasureValue> values, InvolvementOptions options)
    {
        Guard.Against.Null(measure);
        Guard.Against.Null(values);
        Guard.Against.Null(options);
        var series = values.Where(v => v.MeasureId == measure.Id).OrderBy(v => v.On).ToList();
        var baseline = measure.ChangeIntroducedOn is { } change ? series.Count(v => v.On < change) : series.Count;
        var followUpStart = measure.ChangeIntroducedOn is null ? 0 : baseline;
        var followUp = series.Count - followUpStart;
        if (baseline < options.MinimumBaselinePoints || followUp == 0)
        {
            return new MeasureImpact(measure.Id, measure.Name, measure.Type, measure.IsPatientExperience, measure.Direction, baseline, followUp, null, null, null, ImpactVerdict.InsufficientData, null, []);
        }

        var data = series.Select(v => v.Value).ToArray();
        var result = XmRChart.Analyse(data, new SpcOptions { ImprovementDirection = measure.Direction, BaselineLength = baseline });
        var judged = result.PointTypes.Skip(followUpStart).ToList();
        var latest = judged.LastOrDefault(t => t != PointType.CommonCause);
        var verdict = latest switch
        {
            PointType.SpecialCauseImprovement => ImpactVerdict.Improved,
            PointType.SpecialCauseConcern => ImpactVerdict.Deteriorated,
            PointType.SpecialCauseNeutralHigh or PointType.SpecialCauseNeutralLow => ImpactVerdict.ChangedWithoutDirection,
            _ => ImpactVerdict.NoSignificantChange,
        };

        bool? sustained = null;
        if (verdict == ImpactVerdict.Improved && followUp >= options.SustainedPoints)
        {
            var improving = measure.Direction == ImprovementDirection.Decrease
                ? (Func<double, bool>)(v => v < result.Mean)
                : v => v > result.Mean;
            sustained = data.TakeLast(options.SustainedPoints).All(improving);
        }

        return new MeasureImpact(
            measure.Id, measure.Name, measure.Type, measure.IsPatientExperience, measure.Direction, baseline, followUp,
            NullIfNaN(result.Mean), NullIfNaN(result.LowerProcessLimit), NullIfNaN(result.UpperProcessLimit), verdict, sustained, result.PointTypes);
    }

    private static double? NullIfNaN(double value) => double.IsNaN(value) ? null : value;

    /// <summary>Relates the highest level of involvement each project reached to whether its patient experience improved.</summary>
    /// <param name="projects">The projects.</param>
    /// <param name="frameworks">The frameworks they use.</param>
    /// <param name="options">The involvement options.</param>
    /// <returns>The portfolio view.</returns>
    public static PortfolioImpact AnalysePortfolio(IReadOnlyList<ImprovementProject> projects, IReadOnlyList<InvolvementFramework> frameworks, InvolvementOptions options)
    {
        Guard.Against.Null(projects);
        Guard.Against.Null(frameworks);
        Guard.Against.Null(options);
        var frameworkById = frameworks.ToDictionary(f => f.Id);
        var rows = new List<(PortfolioImpactRow Row, int Rank)>();
        foreach (var project in projects.OrderBy(p => p.Title, StringComparer.Ordinal).ThenBy(p => p.Id.Value))
        {
            if (!frameworkById.TryGetValue(project.FrameworkId, out var framework))
            {
                throw new ArgumentException($"Project '{project.Title}' uses framework {project.FrameworkId}, which was not given: pass every framework the projects use.", nameof(frameworks));
            }

            var ladder = LadderAnalyser.Analyse(project, framework);
            var impact = AnalyseProject(project, options);
            rows.Add((new PortfolioImpactRow(
                project.Id,
                project.Title,
                framework.Id,
                ladder.HighestLevelId,
                ladder.HighestLevelId is { } id ? framework.FindLevel(id)!.Name : null,
                ladder.HighestPosition,
                impact.PatientExperienceImproved,
                impact.PatientExperienceSustained), ladder.HighestRank));
        }

        var byLevel = rows
            .GroupBy(r => (r.Row.FrameworkId, r.Row.HighestLevelId, r.Rank))
            .OrderBy(g => g.Key.FrameworkId.Value)
            .ThenBy(g => g.Key.Rank)
            .Select(g => new LevelImpactSummary(
                g.Key.FrameworkId,
                g.Key.HighestLevelId,
                g.First().Row.HighestLevelName ?? "No patient or carer involvement recorded",
                g.Key.Rank,
                g.Count(),
                g.Count(r => r.Row.PatientExperienceImproved is not null),
                g.Count(r => r.Row.PatientExperienceImproved == true),
                g.Count(r => r.Row.PatientExperienceSustained == true)))
            .ToList();
        return new PortfolioImpact([.. rows.Select(r => r.Row)], byLevel);
    }
}
