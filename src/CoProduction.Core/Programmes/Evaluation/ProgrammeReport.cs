using CoProduction.Primitives;
using System.Globalization;
using System.Text;
using Ardalis.GuardClauses;
using CoProduction.Programmes.Cohorts;

namespace CoProduction.Programmes.Evaluation;

/// <summary>One cohort's figures in a programme report.</summary>
/// <param name="CohortId">The cohort.</param>
/// <param name="Name">Its name.</param>
/// <param name="Status">Its status when the report was made.</param>
/// <param name="CurriculumVersionNumber">The curriculum version it ran.</param>
/// <param name="StartDate">Its first day.</param>
/// <param name="EndDate">Its last day.</param>
/// <param name="Teams">How many teams enrolled.</param>
/// <param name="TeamsCompleted">How many teams met the completion criteria.</param>
/// <param name="TeamsWithdrawn">How many teams withdrew.</param>
/// <param name="Participants">How many people enrolled.</param>
/// <param name="ParticipantsCompleted">How many people met the completion criteria.</param>
/// <param name="SessionsDelivered">How many sessions were delivered.</param>
/// <param name="SessionsLedByPatientTrainers">How many delivered sessions a patient trainer led.</param>
/// <param name="AttendanceRate">The mean attendance share of the members of teams that did not withdraw (0 before any session).</param>
public sealed record CohortReportLine(
    CohortId CohortId,
    string Name,
    CohortStatus Status,
    int CurriculumVersionNumber,
    DateOnly StartDate,
    DateOnly EndDate,
    int Teams,
    int TeamsCompleted,
    int TeamsWithdrawn,
    int Participants,
    int ParticipantsCompleted,
    int SessionsDelivered,
    int SessionsLedByPatientTrainers,
    decimal AttendanceRate)
{
    /// <summary>Gets the cohort's name.</summary>
    public string Name { get; } = Input.Required(Name);
}

/// <summary>
/// A programme's report across its cohorts (cancelled cohorts are counted apart): teams and people enrolled and
/// completed, sessions and how many patient trainers led, attendance, and how the questionnaire items changed from
/// before to after. <see cref="Headline"/> gives the one-line summary ("3 cohorts, 21 teams, 18 completed; ...");
/// <see cref="ToMarkdown"/> the readable report.
/// </summary>
/// <param name="ProgrammeId">The programme.</param>
/// <param name="ProgrammeName">Its name.</param>
/// <param name="CohortCount">How many cohorts ran or are running (not cancelled).</param>
/// <param name="CancelledCohorts">How many cohorts were cancelled.</param>
/// <param name="Teams">How many teams enrolled in those cohorts.</param>
/// <param name="TeamsCompleted">How many of them met the completion criteria.</param>
/// <param name="TeamsWithdrawn">How many of them withdrew.</param>
/// <param name="Participants">How many people enrolled.</param>
/// <param name="ParticipantsCompleted">How many met the completion criteria.</param>
/// <param name="SessionsDelivered">How many sessions were delivered.</param>
/// <param name="SessionsLedByPatientTrainers">How many of them a patient trainer led.</param>
/// <param name="AttendanceRate">The mean attendance share over the members of teams that did not withdraw.</param>
/// <param name="Cohorts">The figures of each cohort (cancelled ones included), by start date.</param>
/// <param name="ScaleMinimum">The questionnaire scale's lowest point, when there was an evaluation.</param>
/// <param name="ScaleMaximum">The questionnaire scale's highest point, when there was an evaluation.</param>
/// <param name="ItemChanges">How each questionnaire item changed, pooled over the cohorts; empty without evaluation.</param>
public sealed record ProgrammeReport(
    ProgrammeId ProgrammeId,
    string ProgrammeName,
    int CohortCount,
    int CancelledCohorts,
    int Teams,
    int TeamsCompleted,
    int TeamsWithdrawn,
    int Participants,
    int ParticipantsCompleted,
    int SessionsDelivered,
    int SessionsLedByPatientTrainers,
    decimal AttendanceRate,
    IReadOnlyList<CohortReportLine> Cohorts,
    int? ScaleMinimum,
    int? ScaleMaximum,
    IReadOnlyList<ItemChange> ItemChanges)
{
    /// <summary>Gets the programme's name.</summary>
    public string ProgrammeName { get; } = Input.Required(ProgrammeName);

    /// <summary>Gets the figures of each cohort.</summary>
    public IReadOnlyList<CohortReportLine> Cohorts { get; } = Guard.Against.Null(Cohorts);

    /// <summary>Gets how each questionnaire item changed.</summary>
    public IReadOnlyList<ItemChange> ItemChanges { get; } = Guard.Against.Null(ItemChanges);

    /// <summary>Gets the share of enrolled teams that completed (0 without teams).</summary>
    public decimal TeamCompletionRate => Teams == 0 ? 0m : (decimal)TeamsCompleted / Teams;

    /// <summary>
    /// Gets the one-line summary: cohorts, teams and completions, and how the first questionnaire item changed, such
    /// as "3 cohorts, 21 teams, 18 completed; 'I feel confident to co-produce' rose by 1.2 points on the 1 to 5 scale (40 pairs, Wilcoxon V = 610, p = 0.0001, r = 0.62)".
    /// </summary>
    public string Headline
    {
        get
        {
            var text = string.Create(CultureInfo.InvariantCulture, $"{CohortCount} {Plural(CohortCount, "cohort")}, {Teams} {Plural(Teams, "team")}, {TeamsCompleted} completed");
            var first = ItemChanges.FirstOrDefault(c => c.Pairs > 0);
            if (first is not null)
            {
                text += "; " + DescribeChange(first);
            }

            return text;
        }
    }

    /// <summary>Builds the report of a programme from its cohorts and their evaluations with one questionnaire.</summary>
    /// <param name="programme">The programme.</param>
    /// <param name="cohorts">Its cohorts.</param>
    /// <param name="evaluations">Evaluations of those cohorts, all with the same questionnaire (may be empty).</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentException">A cohort is of another programme, or an evaluation is of a cohort not given.</exception>
    public static ProgrammeReport Build(Programme programme, IEnumerable<Cohort> cohorts, IEnumerable<CohortEvaluation> evaluations)
    {
        Guard.Against.Null(programme);
        Guard.Against.Null(cohorts);
        Guard.Against.Null(evaluations);
        var cohortList = cohorts.OrderBy(c => c.StartDate).ThenBy(c => c.Id.Value).ToList();
        if (cohortList.Exists(c => c is null || c.ProgrammeId != programme.Id))
        {
            throw new InvalidInputException(nameof(cohorts), $"Every cohort must be a cohort of programme '{programme.Name}'.");
        }

        var evaluationList = evaluations.ToList();
        if (evaluationList.Exists(e => e is null || !cohortList.Exists(c => c.Id == e.CohortId)))
        {
            throw new InvalidInputException(nameof(evaluations), "Every evaluation must be of one of the cohorts given.");
        }

        var lines = cohortList.Select(Summarise).ToList();
        var counted = lines.Where(l => l.Status != CohortStatus.Cancelled).ToList();
        var countedCohorts = cohortList.Where(c => c.Status != CohortStatus.Cancelled).ToList();
        var shares = countedCohorts.SelectMany(c => c.ActiveTeams.SelectMany(t => t.Members).Select(m => c.AttendanceShareOf(m.ParticipantId))).ToList();
        return new ProgrammeReport(
            programme.Id,
            programme.Name,
            counted.Count,
            lines.Count - counted.Count,
            counted.Sum(l => l.Teams),
            counted.Sum(l => l.TeamsCompleted),
            counted.Sum(l => l.TeamsWithdrawn),
            counted.Sum(l => l.Participants),
            counted.Sum(l => l.ParticipantsCompleted),
            counted.Sum(l => l.SessionsDelivered),
            counted.Sum(l => l.SessionsLedByPatientTrainers),
            shares.Count == 0 ? 0m : shares.Average(),
            lines,
            evaluationList.Count == 0 ? null : evaluationList[0].ScaleMinimum,
            evaluationList.Count == 0 ? null : evaluationList[0].ScaleMaximum,
            PairedAnalysis.Analyse(evaluationList));
    }

    /// <summary>Renders the report as Markdown: a title, the headline, a table of cohorts and a table of before-and-after changes.</summary>
    /// <returns>The Markdown text.</returns>
    public string ToMarkdown()
    {
        var c = CultureInfo.InvariantCulture;
        var builder = new StringBuilder();
        builder.AppendLine(c, $"# {MarkdownText.Inline(ProgrammeName)}: programme report");
        builder.AppendLine();
        builder.AppendLine(c, $"{MarkdownText.Inline(Headline)}.");
        builder.AppendLine();
        builder.AppendLine(c, $"- Teams completed: {TeamsCompleted} of {Teams} ({TeamCompletionRate:0%}); people completed: {ParticipantsCompleted} of {Participants}.");
        if (TeamsWithdrawn > 0)
        {
            builder.AppendLine(c, $"- Teams withdrawn: {TeamsWithdrawn}.");
        }

        builder.AppendLine(c, $"- Attendance: {AttendanceRate:0%} on average.");
        builder.AppendLine(c, $"- Sessions delivered: {SessionsDelivered}, of which {SessionsLedByPatientTrainers} led by a patient trainer.");
        if (CancelledCohorts > 0)
        {
            builder.AppendLine(c, $"- Cancelled cohorts (not counted above): {CancelledCohorts}.");
        }

        builder.AppendLine();
        builder.AppendLine("## Cohorts");
        builder.AppendLine();
        builder.AppendLine("| Cohort | Curriculum | Dates | Status | Teams (completed) | People (completed) | Attendance | Sessions (patient-led) |");
        builder.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var line in Cohorts)
        {
            builder.AppendLine(c, $"| {MarkdownText.Inline(line.Name)} | v{line.CurriculumVersionNumber} | {line.StartDate:yyyy-MM-dd} to {line.EndDate:yyyy-MM-dd} | {line.Status} | {line.Teams} ({line.TeamsCompleted}) | {line.Participants} ({line.ParticipantsCompleted}) | {line.AttendanceRate:0%} | {line.SessionsDelivered} ({line.SessionsLedByPatientTrainers}) |");
        }

        if (ItemChanges.Count > 0)
        {
            builder.AppendLine();
            builder.AppendLine(c, $"## Before and after (scale {ScaleMinimum} to {ScaleMaximum}; Wilcoxon signed-rank test, two-sided)");
            builder.AppendLine();
            builder.AppendLine("Pairs are people who answered both times. V is the rank sum of the rises; p is exact without ties or zero changes, otherwise the normal approximation with continuity correction (as R's wilcox.test); r = Z / sqrt(N).");
            builder.AppendLine();
            builder.AppendLine("| Item | Pairs | Mean before | Mean after | Change | Higher / same / lower | V | p | r |");
            builder.AppendLine("|---|---|---|---|---|---|---|---|---|");
            foreach (var change in ItemChanges)
            {
                var test = change.Test;
                builder.AppendLine(c, $"| {MarkdownText.Inline(change.Statement)} | {change.Pairs} | {Number(change.MeanBefore, "0.00")} | {Number(change.MeanAfter, "0.00")} | {Signed(change.MeanChange)} | {change.Improved} / {change.Unchanged} / {change.Worsened} | {(test is null ? "-" : Number(test.V, "0.#"))} | {(test is null ? "-" : PValue(test.PValue))} | {(test is null ? "-" : Number(test.EffectSizeR, "0.00"))} |");
            }
        }

        return builder.ToString();
    }

    private static CohortReportLine Summarise(Cohort cohort)
    {
        var delivered = cohort.Sessions.Where(s => s.Status == SessionStatus.Delivered).ToList();
        var participants = cohort.EnrolledParticipants.ToList();
        var attending = cohort.ActiveTeams.SelectMany(t => t.Members).Select(m => m.ParticipantId).ToList();
        return new CohortReportLine(
            cohort.Id,
            cohort.Name,
            cohort.Status,
            cohort.CurriculumVersionNumber,
            cohort.StartDate,
            cohort.EndDate,
            cohort.Teams.Count,
            cohort.Teams.Count(t => cohort.EvaluateTeamCompletion(t.Id).IsComplete),
            cohort.Teams.Count(t => t.IsWithdrawn),
            participants.Count,
            participants.Count(p => cohort.EvaluateParticipantCompletion(p).IsComplete),
            delivered.Count,
            delivered.Count(s => s.Lead.IsPatientTrainer),
            attending.Count == 0 ? 0m : attending.Average(cohort.AttendanceShareOf));
    }

    private string DescribeChange(ItemChange change)
    {
        var direction = change.MeanChange > 0 ? "rose" : change.MeanChange < 0 ? "fell" : "did not change";
        var amount = change.MeanChange == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" by {Math.Abs(change.MeanChange):0.0#} points");
        var test = change.Test;
        var statistics = test is null || double.IsNaN(test.PValue)
            ? string.Create(CultureInfo.InvariantCulture, $"{change.Pairs} pairs")
            : string.Create(CultureInfo.InvariantCulture, $"{change.Pairs} pairs, Wilcoxon V = {test.V:0.#}, p {(test.PValue < 0.0001 ? "<" : "=")} {PValue(test.PValue).TrimStart('<', ' ')}, r = {test.EffectSizeR:0.00}");
        return string.Create(CultureInfo.InvariantCulture, $"'{change.Statement}' {direction}{amount} on the {ScaleMinimum} to {ScaleMaximum} scale ({statistics})");
    }

    private static string PValue(double p) => double.IsNaN(p) ? "-" : p < 0.0001 ? "< 0.0001" : p.ToString("0.0000", CultureInfo.InvariantCulture);

    private static string Plural(int count, string word) => count == 1 ? word : word + "s";

    private static string Number(double value, string format) => double.IsNaN(value) ? "-" : value.ToString(format, CultureInfo.InvariantCulture);

    private static string Signed(double value) => double.IsNaN(value) ? "-" : value.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture);
}
