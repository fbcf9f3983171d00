using System.Globalization;
using System.Text;
using Ardalis.GuardClauses;
using CoProduction.Involvement.Assessments;
using CoProduction.Involvement.Challenges;
using CoProduction.Involvement.Frameworks;
using CoProduction.Involvement.Impact;
using CoProduction.Involvement.Projects;
using CoProduction.People;
using CoProduction.Primitives;

namespace CoProduction.Involvement.Reporting;

/// <summary>One item of a GRIPP2 short-form report.</summary>
/// <param name="Number">The item's number (1 to 5).</param>
/// <param name="Heading">The item's heading.</param>
/// <param name="Summary">A paragraph answering the item.</param>
/// <param name="Points">Supporting points, in order.</param>
public sealed record Gripp2Item(int Number, string Heading, string Summary, IReadOnlyList<string> Points);

/// <summary>What a GRIPP2 report may show about people: whom it is for, and who has consented to be quoted.</summary>
public sealed class Gripp2Privacy
{
    private readonly HashSet<ParticipantId> _consentedToQuotation;

    private Gripp2Privacy(ReportAudience audience, IEnumerable<ParticipantId> consentedToQuotation)
    {
        Audience = audience;
        _consentedToQuotation = [.. consentedToQuotation];
    }

    /// <summary>Gets the settings of an internal report: every recorded text, no consent check. Not for publication.</summary>
    public static Gripp2Privacy Internal { get; } = new(ReportAudience.Internal, []);

    /// <summary>Gets whom the report is for.</summary>
    public ReportAudience Audience { get; }

    /// <summary>Gets the settings of a report for publication, quoting only the people given.</summary>
    /// <param name="consentedToQuotation">The participants whose consent to be quoted is in force.</param>
    /// <returns>The settings.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="consentedToQuotation"/> is null.</exception>
    public static Gripp2Privacy ForPublication(IEnumerable<ParticipantId> consentedToQuotation) =>
        new(ReportAudience.Publication, Guard.Against.Null(consentedToQuotation));

    /// <summary>Tells whether a person's words may be quoted: always in an internal report; with their consent in a published one.</summary>
    /// <param name="participantId">The person.</param>
    /// <returns><see langword="true"/> when they may be quoted.</returns>
    public bool MayQuote(ParticipantId participantId) => Audience == ReportAudience.Internal || _consentedToQuotation.Contains(participantId);
}

/// <summary>
/// A GRIPP2 short-form report on patient and public involvement in an improvement project: aim; methods; results;
/// discussion and conclusions (how far involvement influenced the work); reflections and critical perspective.
/// Built from the project's records. For publication it names nobody: people are counted, never named or given by id;
/// records are quoted only when everyone who took part has consented to be quoted; the plan's free-text "who" and
/// revision reasons are left out; and the report says in words what it left out and why.
/// </summary>
/// <param name="ProjectId">The project.</param>
/// <param name="ProjectTitle">Its title.</param>
/// <param name="PreparedOn">The date the report was prepared.</param>
/// <param name="Aim">Item 1: the aim of involvement.</param>
/// <param name="Methods">Item 2: how patients and carers were involved.</param>
/// <param name="Results">Item 3: what involvement led to, good and bad.</param>
/// <param name="Discussion">Item 4: how far involvement influenced the work.</param>
/// <param name="Reflections">Item 5: what went well, what did not, and what others can learn.</param>
public sealed record Gripp2Report(
    ImprovementProjectId ProjectId,
    string ProjectTitle,
    DateOnly PreparedOn,
    Gripp2Item Aim,
    Gripp2Item Methods,
    Gripp2Item Results,
    Gripp2Item Discussion,
    Gripp2Item Reflections)
{
    /// <summary>Gets the five items in order.</summary>
    public IReadOnlyList<Gripp2Item> Items => [Aim, Methods, Results, Discussion, Reflections];

    /// <summary>Writes the report as Markdown.</summary>
    /// <returns>The Markdown text.</returns>
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.Append("# GRIPP2 short form: ").AppendLine(MarkdownText.Inline(ProjectTitle)).AppendLine();
        text.Append("Prepared on ").Append(PreparedOn.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)).AppendLine(".");
        foreach (var item in Items)
        {
            text.AppendLine().Append("## ").Append(item.Number.ToString(CultureInfo.InvariantCulture)).Append(". ").AppendLine(item.Heading).AppendLine();
            text.AppendLine(MarkdownText.Inline(item.Summary));
            if (item.Points.Count > 0)
            {
                text.AppendLine();
                foreach (var point in item.Points)
                {
                    text.Append("- ").AppendLine(MarkdownText.Inline(point));
                }
            }
        }

        return text.ToString();
    }
}

/// <summary>Builds <see cref="Gripp2Report"/>s from a project, its framework, its impact and its challenge findings.</summary>
public static class Gripp2ReportBuilder
{
    /// <summary>Builds the report.</summary>
    /// <param name="project">The project.</param>
    /// <param name="framework">Its framework.</param>
    /// <param name="impact">The analysis of its measures.</param>
    /// <param name="findings">The challenges found for it (see <see cref="ChallengeDetector"/>).</param>
    /// <param name="teamReflections">The team's own reflections, in their words, if any.</param>
    /// <param name="preparedOn">The date of the report.</param>
    /// <param name="privacy">Whom the report is for and who may be quoted (<see cref="Gripp2Privacy.ForPublication"/> or <see cref="Gripp2Privacy.Internal"/>).</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException">An argument other than the reflections is null.</exception>
    public static Gripp2Report Build(ImprovementProject project, InvolvementFramework framework, ProjectImpact impact, IReadOnlyList<ChallengeFinding> findings, string? teamReflections, DateOnly preparedOn, Gripp2Privacy privacy)
    {
        Guard.Against.Null(project);
        Guard.Against.Null(framework);
        Guard.Against.Null(impact);
        Guard.Against.Null(findings);
        Guard.Against.Null(privacy);
        var publication = privacy.Audience == ReportAudience.Publication;
        var ladder = LadderAnalyser.Analyse(project, framework);
        var withPatients = project.Records.Where(r => r.InvolvedLivedExperience).ToList();
        var people = withPatients.SelectMany(r => r.Participants.Where(p => p.HasLivedExperience)).Select(p => p.ParticipantId).Distinct().Count();
        var withFeedback = withPatients.Where(r => r.FeedbackGivenOn is not null).ToList();
        var quotable = withFeedback.Where(r => r.Participants.All(p => privacy.MayQuote(p.ParticipantId))).ToList();
        var leftOut = withFeedback.Count - quotable.Count;
        var leftOutNote = $"{Count(leftOut, "quotation")} left out: the people quoted have not consented to be quoted.";

        var aim = new Gripp2Item(
            1,
            "Aim of involvement",
            project.InvolvementAim is { } involvementAim
                ? $"{Sentence(involvementAim)} The project's aim was: {Sentence(project.Aim)}"
                : $"The team did not record what involvement was meant to achieve. The project's aim was: {Sentence(project.Aim)}",
            []);

        var coreTeam = project.CurrentTeam.Where(m => m.IsCoreTeam).ToList();
        var methodsPoints = new List<string>
        {
            $"Framework: {framework.Name}, version {framework.FrameworkVersion}{(framework.IsVerified ? string.Empty : " (contains content not verified against its source)")}.",
            $"Core team: {CoreTeam(coreTeam)}.",
        };
        methodsPoints.AddRange(project.PlanHistory.Select(p => p.Kind == PlanEntryKind.Revision
            ? $"{framework.FindPhase(p.PhaseId)!.Name}: plan revised on {p.PlannedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} to '{framework.FindLevel(p.LevelId)!.Name}'{(publication ? string.Empty : $" because {p.RevisionReason}; who: {p.Who}")}; how: {p.How}."
            : $"{framework.FindPhase(p.PhaseId)!.Name}: planned at '{framework.FindLevel(p.LevelId)!.Name}'{(p.Kind == PlanEntryKind.Baseline ? " (baseline: the plan when work in the phase began)" : string.Empty)}{(publication ? string.Empty : $"; who: {p.Who}")}; how: {p.How}."));
        if (publication && project.PlanHistory.Count > 0)
        {
            methodsPoints.Add("Who the team planned to involve, and why plans were revised, are left out of this published report: they are written in free text that can name people.");
        }

        var methods = new Gripp2Item(
            2,
            "Methods of involvement",
            $"Involvement was planned for {Count(project.Plan.Count, "phase")} of the framework's {framework.Phases.Count.ToString(CultureInfo.InvariantCulture)}-phase life cycle, and {Count(withPatients.Count, "activity", "activities")} with patients or carers {(withPatients.Count == 1 ? "was" : "were")} recorded, involving {Count(people, "person", "people")} with lived experience.",
            methodsPoints);

        var resultsPoints = new List<string>();
        resultsPoints.AddRange(ladder.Phases.Where(p => p.Comparison != PlanComparison.NeitherPlannedNorRecorded).Select(p => PhaseLine(p, framework, publication)));
        resultsPoints.AddRange(quotable.Select(r => $"You said, we did ({r.OccurredOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}, {r.Activity}): {r.FeedbackSummary}"));
        if (leftOut > 0)
        {
            resultsPoints.Add(leftOutNote);
        }

        resultsPoints.AddRange(impact.Measures.Select(MeasureLine));
        var results = new Gripp2Item(
            3,
            "Results of involvement",
            $"Participants were told what came of {withFeedback.Count} of {Count(withPatients.Count, "activity", "activities")} (\"you said, we did\"). {ExperienceSentence(impact)}",
            resultsPoints);

        var met = ladder.Phases.Count(p => p.Comparison == PlanComparison.MetOrExceeded);
        var missed = ladder.Phases.Count(p => p.Comparison is PlanComparison.BelowPlan or PlanComparison.NotRecorded);
        var highest = ladder.HighestLevelId is { } highestId ? framework.FindLevel(highestId)! : null;
        var group = highest?.GroupId is { } groupId ? framework.LevelGroups.FirstOrDefault(g => g.Id == groupId)?.Name : null;
        var discussion = new Gripp2Item(
            4,
            "Discussion and conclusions: how far involvement influenced the work",
            highest is null
                ? "No involvement of patients or carers was recorded, so it cannot have influenced the work."
                : $"The highest level of involvement reached was '{highest.Name}'{(group is null ? string.Empty : $" ({group})")}, step {ladder.HighestRank + 1} of {ladder.LadderSize} on the ladder. The planned level was met or exceeded in {Count(met, "phase")} and missed in {Count(missed, "phase")}. {ExperienceSentence(impact)}",
            [.. quotable.Select(r => $"Influence recorded: {r.FeedbackSummary}"), .. leftOut > 0 ? new[] { leftOutNote } : []]);

        var reflectionPoints = new List<string>();
        if (!string.IsNullOrWhiteSpace(teamReflections))
        {
            reflectionPoints.Add($"The team's reflections: {teamReflections.Trim()}");
        }

        foreach (var finding in findings.Where(f => !publication || f.ParticipantId is null))
        {
            var mitigation = finding.Challenges.Select(ChallengeCatalogue.Get).Select(c => c.Mitigations[0]).FirstOrDefault();
            reflectionPoints.Add(mitigation is null ? finding.Message : $"{finding.Message} Suggested: {mitigation}");
        }

        if (publication)
        {
            // Findings about one person (a claim unpaid, a partner on too many projects) name them by id in their
            // message: a published report counts them instead.
            foreach (var byRule in findings.Where(f => f.ParticipantId is not null).GroupBy(f => f.Rule))
            {
                var mitigation = byRule.SelectMany(f => f.Challenges).Select(ChallengeCatalogue.Get).Select(c => c.Mitigations[0]).FirstOrDefault();
                var counted = PersonFindingSentence(byRule.Key, byRule.Count());
                reflectionPoints.Add(mitigation is null ? counted : $"{counted} Suggested: {mitigation}");
            }
        }

        var reflections = new Gripp2Item(
            5,
            "Reflections and critical perspective",
            findings.Count == 0
                ? "No challenges were detected in the involvement records; the points below are the team's own view."
                : $"{Count(findings.Count, "challenge")} {(findings.Count == 1 ? "was" : "were")} detected in the involvement records; each is listed with a way to address it.",
            reflectionPoints);

        return new Gripp2Report(project.Id, project.Title, preparedOn, aim, methods, results, discussion, reflections);
    }

    private static string PersonFindingSentence(ChallengeRule rule, int count) => rule switch
    {
        ChallengeRule.PaymentClaimOverdue => $"{Count(count, "payment claim")} by people involved {(count == 1 ? "was" : "were")} unpaid beyond the payment target.",
        ChallengeRule.PartnerOnTooManyActiveProjects => $"{Count(count, "patient partner")} {(count == 1 ? "was" : "were")} on the teams of more active projects than allowed.",
        _ => $"{Count(count, "finding")} about individual people {(count == 1 ? "was" : "were")} made by the rule '{rule}'.",
    };

    private static string PhaseLine(PhaseLevel phase, InvolvementFramework framework, bool publication)
    {
        var planned = phase.PlannedLevelId is { } p ? framework.FindLevel(p)!.Name : "nothing planned";
        var reached = phase.ReachedLevelId is { } r ? framework.FindLevel(r)!.Name : "no involvement of patients or carers recorded";
        var verdict = phase.Comparison switch
        {
            PlanComparison.MetOrExceeded => "plan met",
            PlanComparison.BelowPlan => "below plan",
            PlanComparison.NotRecorded => "plan not carried out",
            _ => "unplanned",
        };
        var revised = phase.Revision is { } revision
            ? $" The plan was revised after work began, to '{framework.FindLevel(revision.LevelId)!.Name}' ({revision.PlannedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}{(publication ? string.Empty : $": {revision.RevisionReason}")}); the verdict is against the plan when work began."
            : string.Empty;
        return $"{phase.PhaseName}: planned '{planned}', reached '{reached}' ({verdict}).{revised}";
    }

    private static string MeasureLine(MeasureImpact measure)
    {
        var kind = measure.IsPatientExperience ? $"{measure.Type.ToString().ToLowerInvariant()} measure of patient experience" : $"{measure.Type.ToString().ToLowerInvariant()} measure";
        var verdict = measure.Verdict switch
        {
            ImpactVerdict.Improved => measure.Sustained switch
            {
                true => "improved, and the improvement has been sustained",
                false => "improved, but the improvement has not been sustained",
                null => "improved; too early to say whether it will last",
            },
            ImpactVerdict.Deteriorated => "got worse (special cause of concern)",
            ImpactVerdict.ChangedWithoutDirection => "changed (no improvement direction set)",
            ImpactVerdict.NoSignificantChange => "showed no significant change (common-cause variation only)",
            _ => "could not be judged yet (too few values for process limits)",
        };
        return $"{measure.Name} ({kind}): {verdict}.";
    }

    private static string ExperienceSentence(ProjectImpact impact) => impact.PatientExperienceImproved switch
    {
        true => impact.PatientExperienceSustained == true
            ? "Patient experience improved, and the improvement was sustained."
            : "Patient experience improved, though it is not yet shown to be sustained.",
        false => "Patient experience did not measurably improve.",
        null => "Whether patient experience improved cannot be judged from the measures recorded.",
    };

    private static string CoreTeam(List<ProjectTeamMember> coreTeam)
    {
        var parts = new[]
        {
            Count(coreTeam.Count(m => m.Role == ProjectTeamRole.PatientPartner), "patient partner"),
            Count(coreTeam.Count(m => m.Role == ProjectTeamRole.Carer), "carer"),
            Count(coreTeam.Count(m => m.Role is ProjectTeamRole.ServiceUser or ProjectTeamRole.CommunityMember), "service user or community member", "service users or community members"),
            Count(coreTeam.Count(m => !m.Role.IsLivedExperience()), "member of staff", "members of staff"),
        }.Where(p => !p.StartsWith("0 ", StringComparison.Ordinal)).ToList();
        return parts.Count switch
        {
            0 => "nobody",
            1 => parts[0],
            _ => string.Join(", ", parts.Take(parts.Count - 1)) + " and " + parts[^1],
        };
    }

    private static string Sentence(string text) => text.EndsWith('.') || text.EndsWith('!') || text.EndsWith('?') ? text : text + ".";

    private static string Count(int count, string singular, string? plural = null) =>
        $"{count.ToString(CultureInfo.InvariantCulture)} {(count == 1 ? singular : plural ?? singular + "s")}";
}
