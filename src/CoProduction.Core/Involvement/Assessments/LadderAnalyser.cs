using Ardalis.GuardClauses;
using CoProduction.Involvement.Frameworks;
using CoProduction.Involvement.Projects;
using CoProduction.Primitives;

namespace CoProduction.Involvement.Assessments;

/// <summary>
/// Works out the ladder level a project reached in each phase from its involvement records, and compares it with the
/// plan as it stood when work in the phase began (its baseline), so that a plan revised after the work cannot make
/// itself met; the latest revision is reported beside it. Only records in which patients, carers, service users or community members took part count: a meeting of
/// staff alone is not patient involvement.
/// </summary>
public static class LadderAnalyser
{
    /// <summary>Analyses a project against its framework.</summary>
    /// <param name="project">The project.</param>
    /// <param name="framework">The project's framework.</param>
    /// <returns>The level reached per phase, the gaps against the plan and the highest level reached.</returns>
    public static LadderAnalysis Analyse(ImprovementProject project, InvolvementFramework framework)
    {
        Guard.Against.Null(project);
        Guard.Against.Null(framework);
        Rule.Require(project.FrameworkId == framework.Id, InvolvementErrorCodes.FrameworkMismatch, $"Project '{project.Title}' uses framework {project.FrameworkId}, not '{framework.Key}': pass the project's own framework.");
        var phases = new List<PhaseLevel>(framework.Phases.Count);
        var highest = -1;
        foreach (var phase in framework.Phases)
        {
            var history = project.PlanHistory.Where(p => p.PhaseId == phase.Id).ToList();
            var planned = history.Find(p => p.Kind != PlanEntryKind.Revision);
            var revision = history.LastOrDefault(p => p.Kind == PlanEntryKind.Revision);
            var records = project.Records.Where(r => r.PhaseId == phase.Id && r.InvolvedLivedExperience).ToList();
            var reachedRank = records.Count == 0 ? -1 : records.Max(r => framework.LevelRank(r.LevelId));
            var plannedRank = planned is null ? -1 : framework.LevelRank(planned.LevelId);
            highest = Math.Max(highest, reachedRank);
            var comparison = (planned, reachedRank) switch
            {
                (null, < 0) => PlanComparison.NeitherPlannedNorRecorded,
                (null, _) => PlanComparison.Unplanned,
                (_, < 0) => PlanComparison.NotRecorded,
                _ when reachedRank < plannedRank => PlanComparison.BelowPlan,
                _ => PlanComparison.MetOrExceeded,
            };
            phases.Add(new PhaseLevel(
                phase.Id,
                phase.Name,
                planned?.LevelId,
                reachedRank < 0 ? null : framework.Levels[reachedRank].Id,
                records.Count,
                planned is not null && reachedRank >= 0 ? reachedRank - plannedRank : null,
                comparison,
                revision));
        }

        return new LadderAnalysis(project.Id, phases, highest < 0 ? null : framework.Levels[highest].Id, highest, framework.Levels.Count);
    }
}
