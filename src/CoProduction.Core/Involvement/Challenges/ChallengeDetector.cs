using System.Globalization;
using Ardalis.GuardClauses;
using CoProduction.Involvement.Frameworks;
using CoProduction.Involvement.Projects;
using CoProduction.Payments;
using CoProduction.People;

namespace CoProduction.Involvement.Challenges;

/// <summary>A challenge found in the data by a rule.</summary>
/// <param name="Rule">The rule that found it.</param>
/// <param name="Challenges">The challenges it points to, with their mitigations in <see cref="ChallengeCatalogue"/>.</param>
/// <param name="ProjectId">The project, when the finding concerns one.</param>
/// <param name="ParticipantId">The person concerned, when there is one (by id only).</param>
/// <param name="Message">What was found and what to do, without personal data.</param>
/// <param name="Evidence">The ids of the records behind the finding (involvement records, payment claims).</param>
public sealed record ChallengeFinding(ChallengeRule Rule, IReadOnlyList<ChallengeKind> Challenges, ImprovementProjectId? ProjectId, ParticipantId? ParticipantId, string Message, IReadOnlyList<Guid> Evidence);

/// <summary>The findings for one project.</summary>
/// <param name="ProjectId">The project.</param>
/// <param name="Title">Its title.</param>
/// <param name="Status">Whether it is active or closed.</param>
/// <param name="Findings">What was found, in rule order; empty when nothing was.</param>
public sealed record ProjectChallenges(ImprovementProjectId ProjectId, string Title, ProjectStatus Status, IReadOnlyList<ChallengeFinding> Findings);

/// <summary>The result of scanning a portfolio of projects for challenges.</summary>
/// <param name="ScannedOn">The date of the scan.</param>
/// <param name="Projects">The findings per project, in title order.</param>
/// <param name="UnattributedFindings">Findings that concern no project (an overdue claim by someone on no project team).</param>
public sealed record ChallengeScan(DateOnly ScannedOn, IReadOnlyList<ProjectChallenges> Projects, IReadOnlyList<ChallengeFinding> UnattributedFindings)
{
    /// <summary>Gets every finding, project by project and then the unattributed ones.</summary>
    public IEnumerable<ChallengeFinding> AllFindings => Projects.SelectMany(p => p.Findings).Concat(UnattributedFindings);
}

/// <summary>The thresholds of the detection rules.</summary>
/// <param name="MaxActiveProjectsPerPartner">See <see cref="InvolvementOptions.MaxActiveProjectsPerPartner"/>.</param>
/// <param name="PaymentTargetDays">See <see cref="PaymentOptions.PaymentTargetDays"/>.</param>
/// <param name="FeedbackDueWithinDays">See <see cref="InvolvementOptions.FeedbackDueWithinDays"/>.</param>
/// <param name="PostClosureCheckAfterDays">See <see cref="InvolvementOptions.PostClosureCheckAfterDays"/>.</param>
public sealed record ChallengeThresholds(int MaxActiveProjectsPerPartner, int PaymentTargetDays, int FeedbackDueWithinDays, int PostClosureCheckAfterDays)
{
    /// <summary>Takes the thresholds from the library's options.</summary>
    /// <param name="options">The options.</param>
    /// <returns>The thresholds.</returns>
    public static ChallengeThresholds From(CoProductionOptions options)
    {
        Guard.Against.Null(options);
        return new(options.Involvement.MaxActiveProjectsPerPartner, options.Payments.PaymentTargetDays, options.Involvement.FeedbackDueWithinDays, options.Involvement.PostClosureCheckAfterDays);
    }
}

/// <summary>
/// Detects challenges from the data of a portfolio of projects: pure rules over projects, their frameworks and the
/// outstanding payment claims, with thresholds from the options. Each rule stays quiet until its condition can be
/// judged (a project still defining its problem is not flagged for it; a project closed yesterday is not yet flagged
/// for stopping).
/// </summary>
public static class ChallengeDetector
{
    /// <summary>Scans a portfolio.</summary>
    /// <param name="projects">The projects (active and closed).</param>
    /// <param name="frameworks">The frameworks the projects use.</param>
    /// <param name="claims">The payment claims to check (typically the outstanding ones).</param>
    /// <param name="thresholds">The thresholds.</param>
    /// <param name="now">The moment of the scan (from the clock).</param>
    /// <returns>The findings per project and those that concern no project.</returns>
    public static ChallengeScan Scan(IReadOnlyList<ImprovementProject> projects, IReadOnlyList<InvolvementFramework> frameworks, IReadOnlyList<PaymentClaim> claims, ChallengeThresholds thresholds, DateTimeOffset now)
    {
        Guard.Against.Null(projects);
        Guard.Against.Null(frameworks);
        Guard.Against.Null(claims);
        Guard.Against.Null(thresholds);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var frameworkById = frameworks.ToDictionary(f => f.Id);
        var findings = projects.ToDictionary(p => p.Id, _ => new List<ChallengeFinding>());

        PartnersOnTooManyProjects(projects, thresholds, findings);
        var unattributed = OverdueClaims(projects, claims, thresholds, now, findings);
        foreach (var project in projects)
        {
            if (!frameworkById.TryGetValue(project.FrameworkId, out var framework))
            {
                throw new ArgumentException($"Project '{project.Title}' uses framework {project.FrameworkId}, which was not given: pass every framework the projects use.", nameof(frameworks));
            }

            var list = findings[project.Id];
            list.AddRange(ProblemDefinition(project, framework));
            list.AddRange(InformingOnly(project, framework));
            list.AddRange(LateFeedback(project, thresholds, today));
            list.AddRange(StoppedAfterClosure(project, thresholds, today));
        }

        return new ChallengeScan(
            today,
            [.. projects.OrderBy(p => p.Title, StringComparer.Ordinal).ThenBy(p => p.Id.Value)
                .Select(p => new ProjectChallenges(p.Id, p.Title, p.Status, [.. findings[p.Id].OrderBy(f => f.Rule)]))],
            unattributed);
    }

    private static void PartnersOnTooManyProjects(IReadOnlyList<ImprovementProject> projects, ChallengeThresholds thresholds, Dictionary<ImprovementProjectId, List<ChallengeFinding>> findings)
    {
        var active = projects.Where(p => p.Status == ProjectStatus.Active).ToList();
        var byPartner = active
            .SelectMany(p => p.CurrentTeam.Where(m => m.Role.IsLivedExperience()).Select(m => (m.ParticipantId, Project: p)))
            .GroupBy(x => x.ParticipantId);
        foreach (var group in byPartner)
        {
            var partnerProjects = group.Select(x => x.Project).DistinctBy(p => p.Id).ToList();
            if (partnerProjects.Count <= thresholds.MaxActiveProjectsPerPartner)
            {
                continue;
            }

            foreach (var project in partnerProjects)
            {
                findings[project.Id].Add(Finding(
                    ChallengeRule.PartnerOnTooManyActiveProjects,
                    project.Id,
                    group.Key,
                    $"Participant {group.Key} is on the team of {I(partnerProjects.Count)} active projects, more than the {I(thresholds.MaxActiveProjectsPerPartner)} allowed: check their workload with them and widen the pool of partners.",
                    [.. partnerProjects.Select(p => p.Id.Value)]));
            }
        }
    }

    private static List<ChallengeFinding> OverdueClaims(IReadOnlyList<ImprovementProject> projects, IReadOnlyList<PaymentClaim> claims, ChallengeThresholds thresholds, DateTimeOffset now, Dictionary<ImprovementProjectId, List<ChallengeFinding>> findings)
    {
        var unattributed = new List<ChallengeFinding>();
        foreach (var claim in claims.Where(c => c.IsOutstanding).OrderBy(c => c.SubmittedAt))
        {
            var days = claim.DaysOutstanding(now);
            if (days <= thresholds.PaymentTargetDays)
            {
                continue;
            }

            var message = $"Payment claim {claim.Id} by participant {claim.ParticipantId} has been {claim.Status.ToString().ToLowerInvariant()} and unpaid for {I(days)} days, beyond the {I(thresholds.PaymentTargetDays)}-day target: approve and pay it, and tell them when.";
            var concerned = projects.Where(p => p.CurrentTeam.Any(m => m.ParticipantId == claim.ParticipantId) || p.Records.Any(r => r.Participants.Any(x => x.ParticipantId == claim.ParticipantId))).ToList();
            if (concerned.Count == 0)
            {
                unattributed.Add(Finding(ChallengeRule.PaymentClaimOverdue, null, claim.ParticipantId, message, [claim.Id.Value]));
            }

            foreach (var project in concerned)
            {
                findings[project.Id].Add(Finding(ChallengeRule.PaymentClaimOverdue, project.Id, claim.ParticipantId, message, [claim.Id.Value]));
            }
        }

        return unattributed;
    }

    private static IEnumerable<ChallengeFinding> ProblemDefinition(ImprovementProject project, InvolvementFramework framework)
    {
        var definingPhases = framework.Phases.Where(p => p.DefinesProblem).Select(p => p.Id).ToList();
        if (definingPhases.Count == 0)
        {
            yield break;
        }

        var lastDefining = definingPhases.Max(framework.PhaseIndex);
        var pastDefinition = project.Status == ProjectStatus.Closed || framework.PhaseIndex(project.CurrentPhaseId) > lastDefining;
        if (pastDefinition && !project.Records.Any(r => definingPhases.Contains(r.PhaseId) && r.InvolvedLivedExperience))
        {
            yield return Finding(
                ChallengeRule.NoPatientInvolvementInProblemDefinition,
                project.Id,
                null,
                $"Project '{project.Title}' has moved past {string.Join(" and ", definingPhases.Select(id => $"'{framework.FindPhase(id)!.Name}'"))} without involving patients or carers in defining the problem: revisit the problem and aim with them before going further.",
                []);
        }
    }

    private static IEnumerable<ChallengeFinding> InformingOnly(ImprovementProject project, InvolvementFramework framework)
    {
        var withPatients = project.Records.Where(r => r.InvolvedLivedExperience).ToList();
        if (withPatients.Count == 0 || withPatients.Max(r => framework.LevelRank(r.LevelId)) > framework.InformingRank)
        {
            yield break;
        }

        var informing = framework.Levels[framework.InformingRank].Name;
        yield return Finding(
            ChallengeRule.InvolvementOnlyAtInforming,
            project.Id,
            null,
            $"All {I(withPatients.Count)} involvement record(s) of project '{project.Title}' are at '{informing}' or below: patients and carers are told about the work but do not shape it. Plan involvement at a higher level for the next phase.",
            [.. withPatients.Select(r => r.Id)]);
    }

    private static IEnumerable<ChallengeFinding> LateFeedback(ImprovementProject project, ChallengeThresholds thresholds, DateOnly today)
    {
        var late = project.Records
            .Where(r => r.InvolvedLivedExperience)
            .Where(r => r.FeedbackGivenOn is { } given
                ? given.DayNumber - r.OccurredOn.DayNumber > thresholds.FeedbackDueWithinDays
                : today.DayNumber - r.OccurredOn.DayNumber > thresholds.FeedbackDueWithinDays)
            .ToList();
        if (late.Count == 0)
        {
            yield break;
        }

        var missing = late.Count(r => r.FeedbackGivenOn is null);
        yield return Finding(
            ChallengeRule.NoFeedbackWithinDays,
            project.Id,
            null,
            $"Project '{project.Title}' did not tell participants what came of {I(late.Count)} involvement activit{(late.Count == 1 ? "y" : "ies")} within {I(thresholds.FeedbackDueWithinDays)} days ({I(missing)} still without any feedback): send a \"you said, we did\" note and record it.",
            [.. late.Select(r => r.Id)]);
    }

    private static IEnumerable<ChallengeFinding> StoppedAfterClosure(ImprovementProject project, ChallengeThresholds thresholds, DateOnly today)
    {
        if (project is not { Status: ProjectStatus.Closed, ClosedOn: { } closedOn } || today.DayNumber - closedOn.DayNumber < thresholds.PostClosureCheckAfterDays)
        {
            yield break;
        }

        if (!project.Records.Any(r => r.OccurredOn > closedOn && r.InvolvedLivedExperience))
        {
            yield return Finding(
                ChallengeRule.NoInvolvementAfterClosure,
                project.Id,
                null,
                $"Project '{project.Title}' closed on {closedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} and no involvement of patients or carers has been recorded since ({I(today.DayNumber - closedOn.DayNumber)} days): involve them in checking that the change lasts.",
                []);
        }
    }

    private static ChallengeFinding Finding(ChallengeRule rule, ImprovementProjectId? projectId, ParticipantId? participantId, string message, IReadOnlyList<Guid> evidence) =>
        new(rule, [.. ChallengeCatalogue.DetectedBy(rule).Select(c => c.Kind)], projectId, participantId, message, evidence);

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);
}
