using CoProduction.Reporting;
using System.Globalization;
using CoProduction.Involvement;
using CoProduction.Involvement.Assessments;
using CoProduction.Involvement.Frameworks;
using CoProduction.Involvement.Impact;
using CoProduction.Involvement.Projects;
using CoProduction.People;
using CoProduction.Scoring;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduction.Samples.QuickStart;

/// <summary>
/// Involvement in three improvement projects, looked back on over the past 400 days: the trust's own framework (the
/// TLAP ladder, the UK Standards for Public Involvement and the Model for Improvement), a co-produced project whose
/// patient-experience measure improved, one that only informed patients, and one that stopped involving them when it
/// closed. Prints the level reached, an assessment with the staff-patient perspective gap, the challenges found, the
/// SPC verdicts, the portfolio view and a GRIPP2 short form.
/// </summary>
internal sealed class InvolvementYear(IServiceProvider services, SampleClock clock, ReportWriter report)
{
    private readonly ParticipantService _people = services.GetRequiredService<ParticipantService>();
    private readonly InvolvementFrameworkService _frameworks = services.GetRequiredService<InvolvementFrameworkService>();
    private readonly ImprovementProjectService _projects = services.GetRequiredService<ImprovementProjectService>();
    private readonly AssessmentService _assessments = services.GetRequiredService<AssessmentService>();
    private readonly InvolvementPortfolioService _portfolio = services.GetRequiredService<InvolvementPortfolioService>();
    private readonly Dictionary<string, ParticipantId> _cast = new(StringComparer.Ordinal);
    private DateOnly _base;

    // The medicines project's outcome measure: 12 weeks before the new medicines chart, 12 after.
    private readonly double[] _medicinesValues = [61, 64, 62, 60, 63, 65, 61, 62, 64, 63, 60, 62, 66, 70, 72, 74, 73, 75, 76, 74, 77, 76, 78, 77];

    public async Task RunAsync(CancellationToken ct)
    {
        _base = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(-400);
        foreach (var (name, role) in new[]
        {
            ("Pharmacist K", ParticipantRole.Staff), ("Clinic manager J", ParticipantRole.Staff), ("Ward sister H", ParticipantRole.Staff),
            ("Patient partner L", ParticipantRole.PatientPartner), ("Carer N", ParticipantRole.Carer), ("Service user O", ParticipantRole.ServiceUser),
        })
        {
            _cast[name] = (await _people.RegisterAsync(name, [role], ct)).Id;
            if (name != "Service user O")
            {
                // The published GRIPP2 report quotes a record only when everyone in it agreed to be quoted.
                await _people.GiveConsentAsync(_cast[name], ConsentPurpose.Quotation, ct);
            }
        }

        var framework = await _frameworks.AdoptAsync(
            "example-trust-involvement", "Example Community Trust involvement framework", "2025.1",
            [FrameworkPresets.TlapLadderOfCoProduction, FrameworkPresets.UkStandardsForPublicInvolvement, FrameworkPresets.ModelForImprovement], ct);
        framework = await _frameworks.PublishAsync(framework.Id, ct);

        var medicines = await MedicinesAtDischargeAsync(framework.Id, ct);
        var letters = await OutpatientLettersAsync(framework.Id, ct);
        var falls = await FallsAsync(framework.Id, ct);

        report.Section("Involvement in improvement projects");
        var portfolio = await _portfolio.AnalysePortfolioImpactAsync(ct);
        var involved = portfolio.Projects.Count(p => p.HighestLevelName is not null);
        report.Key($"{involved} of {portfolio.Projects.Count} improvement projects involved patients or carers, measured against the trust's framework ({framework.Name} {framework.FrameworkVersion}); the highest level reached was {portfolio.ByLevel.LastOrDefault(l => l.Projects > 0)?.Label ?? "none"}.");
        report.Line($"Framework: {framework.Name} {framework.FrameworkVersion} ({framework.Levels.Count}-step ladder, {framework.Standards.Count} standards, {framework.Phases.Count} phases).");
        report.Table(
            ["Project", "Highest level reached", "Patient experience improved", "Sustained"],
            portfolio.Projects.Select(p => (IReadOnlyList<string>)[p.Title, p.HighestLevelName ?? "none", YesNo(p.PatientExperienceImproved), YesNo(p.PatientExperienceSustained)]));
        report.Line("By highest level reached:");
        report.Table(
            ["Level", "Projects", "Judged", "Improved"],
            portfolio.ByLevel.Select(l => (IReadOnlyList<string>)[l.Label, I(l.Projects), I(l.Judged), I(l.Improved)]),
            "Projects by highest level of involvement reached");

        await AssessAsync(medicines, framework, ct);

        report.Line("Statistical process control (Making Data Count rules) on each measure:");
        var rows = new List<IReadOnlyList<string>>();
        foreach (var project in new[] { medicines, letters, falls })
        {
            var impact = await _portfolio.AnalyseImpactAsync(project, ct);
            rows.AddRange(impact.Measures.Select(m => (IReadOnlyList<string>)[impact.Title, m.Name, m.IsPatientExperience ? "yes" : "no", Verdict(m)]));
        }

        report.Table(["Project", "Measure", "Patient experience", "Verdict"], rows, "Each measure, judged by statistical process control");
        report.Key($"Of {rows.Count} measures, {rows.Count(r => r[3].StartsWith("improved", StringComparison.Ordinal))} improved beyond common-cause variation (Making Data Count rules); the medicines project's chart is in the full report.");
        report.Chart(SpcChart.CreateXmR(
            "Understood their medicines at discharge (%), weekly",
            [.. _medicinesValues.Select((_, i) => Day(14 + (7 * i)).ToString("d MMM", ReportWriter.Culture))],
            _medicinesValues,
            new SpcOptions { ImprovementDirection = ImprovementDirection.Increase, Target = 75, RebaseAt = [12] },
            new SpcChartOptions { ValueAxisTitle = "Per cent", PeriodName = "week", Annotations = [new ChartAnnotation(12, "New medicines chart")] }));

        var scan = await _portfolio.ScanChallengesAsync(ct);
        var findings = scan.Projects.SelectMany(p => p.Findings).ToList();
        report.Key($"{findings.Count} challenges to meaningful involvement were found in the records, each with a suggested mitigation, for example: {findings.FirstOrDefault()?.Message ?? "none"}");
        report.Line("Challenges found in the data, with a mitigation from the catalogue:");
        foreach (var project in scan.Projects)
        {
            report.Line(project.Findings.Count == 0 ? $"{project.Title}: none" : $"{project.Title}:");
            foreach (var finding in project.Findings)
            {
                report.Line($"- {ReportWriter.Capitalised(finding.Rule)}: {finding.Message}");
            }
        }

        report.Line($"Overdue payment claims by people on no project team: {I(scan.UnattributedFindings.Count)}");

        var gripp2 = await _portfolio.BuildGripp2ReportAsync(medicines, "Paying partners on the day and meeting in the early evening let carers take part; we were slow to involve patients in choosing the balancing measure.", ct);
        report.Section($"GRIPP2 short form: {gripp2.ProjectTitle}");
        report.Key("The medicines project's GRIPP2 report (the reporting standard for patient and public involvement) is in the full report, written for publication: it names nobody, and quotes only people who agreed to be quoted.");
        foreach (var item in gripp2.Items)
        {
            report.Line($"{item.Number}. {item.Heading}");
            report.Line(item.Summary);
            foreach (var point in item.Points)
            {
                report.Line("- " + point);
            }
        }
    }

    private async Task<ImprovementProjectId> MedicinesAtDischargeAsync(InvolvementFrameworkId framework, CancellationToken ct)
    {
        var project = (await _projects.StartAsync(framework, "Medicines at discharge", "Every patient goes home understanding their medicines", "Acute medicine", _cast["Pharmacist K"], Day(0), ct)).Id;
        await _projects.AddTeamMemberAsync(project, _cast["Patient partner L"], ProjectTeamRole.PatientPartner, true, Day(1), ct);
        await _projects.AddTeamMemberAsync(project, _cast["Carer N"], ProjectTeamRole.Carer, true, Day(1), ct);
        await _projects.StateInvolvementAimAsync(project, "Patients and carers who have been through discharge shape what we change and judge whether it worked.", ct);
        await _projects.PlanInvolvementAsync(project, "aim", "co-production", "Patient partner L and carer N on the core team", "Core team meetings, paid at the session rate", ct);
        await _projects.PlanInvolvementAsync(project, "do", "co-design", "Patients on the ward", "Testing the new medicines chart at the bedside", ct);
        await _projects.PlanInvolvementAsync(project, "study", "co-production", "Core team", "Reading the run charts together", ct);
        await RecordAsync(project, 10, "aim", "co-production", "Core team agreed the aim", ["Patient partner L", "Carer N", "Pharmacist K"], 20, "You said the rush on the day of discharge was the problem; we aimed at explaining medicines the day before.", ct);
        await _projects.MoveToPhaseAsync(project, "do", ct);
        await RecordAsync(project, 120, "do", "co-design", "Bedside test of the medicines chart", ["Patient partner L", "Carer N", "Pharmacist K"], 130, "You said the chart used jargon; we rewrote it in plain words with you.", ct);
        await _projects.MoveToPhaseAsync(project, "study", ct);
        await RecordAsync(project, 200, "study", "co-production", "Core team read the run charts", ["Patient partner L", "Carer N", "Pharmacist K"], 205, "You said the gain might fade on weekends; we added weekend data.", ct);
        await MeasureAsync(project, "Understood their medicines at discharge (%)", MeasureType.Outcome, true, ImprovementDirection.Increase, _medicinesValues[..12], _medicinesValues[12..], ct);
        await MeasureAsync(project, "Discharge delay (minutes)", MeasureType.Balancing, false, ImprovementDirection.Decrease, [95, 102, 98, 91, 99, 104, 96, 93, 100, 97, 94, 101], [98, 95, 101, 97, 92, 99, 103, 96, 94, 100, 97, 95], ct);
        return project;
    }

    private async Task<ImprovementProjectId> OutpatientLettersAsync(InvolvementFrameworkId framework, CancellationToken ct)
    {
        var project = (await _projects.StartAsync(framework, "Outpatient appointment letters", "Letters people can act on", "Outpatients", _cast["Clinic manager J"], Day(5), ct)).Id;
        await _projects.AddTeamMemberAsync(project, _cast["Service user O"], ProjectTeamRole.ServiceUser, false, Day(6), ct);
        await RecordAsync(project, 30, "aim", "informing", "Poster in clinic about the project", ["Service user O", "Clinic manager J"], null, null, ct);
        await _projects.MoveToPhaseAsync(project, "do", ct);
        await RecordAsync(project, 150, "do", "informing", "New letter sent to the patient forum for information", ["Service user O"], null, null, ct);
        await MeasureAsync(project, "Found the letter clear (%)", MeasureType.Outcome, true, ImprovementDirection.Increase, [70, 73, 71, 69, 72, 74, 70, 71, 73, 72, 69, 71], [72, 70, 73, 71, 69, 72, 74, 70, 71, 73, 70, 72], ct);
        return project;
    }

    private async Task<ImprovementProjectId> FallsAsync(InvolvementFrameworkId framework, CancellationToken ct)
    {
        var project = (await _projects.StartAsync(framework, "Falls on the frailty ward", "Fewer falls on the frailty ward", "Older people", _cast["Ward sister H"], Day(0), ct)).Id;
        await _projects.AddTeamMemberAsync(project, _cast["Patient partner L"], ProjectTeamRole.PatientPartner, true, Day(40), ct);
        await RecordAsync(project, 20, "aim", "co-production", "Staff huddle set the aim", ["Ward sister H"], null, null, ct);
        await _projects.MoveToPhaseAsync(project, "measures", ct);
        await RecordAsync(project, 60, "measures", "co-design", "Patient partner L chose the measures with the team", ["Patient partner L", "Ward sister H"], 70, "You said falls at night matter most; we count night-time falls separately.", ct);
        await MeasureAsync(project, "Falls per 1,000 bed days", MeasureType.Outcome, false, ImprovementDirection.Decrease, [9.1, 8.4, 9.6, 8.8, 9.9, 8.2, 9.4, 8.7, 9.2, 8.9, 9.5, 8.6], [6.1, 5.8, 6.4, 5.5, 6.0, 5.7, 6.2, 5.9, 5.6, 6.3, 5.8, 6.0], ct);
        await _projects.CloseAsync(project, Day(250), ct);
        return project;
    }

    private async Task AssessAsync(ImprovementProjectId project, InvolvementFramework framework, CancellationToken ct)
    {
        var assessment = (await _assessments.OpenForProjectAsync(project, "Medicines at discharge: review at study phase", ct)).Id;
        // Ratings 0 (not in place) to 3 (fully in place) of the 12 UK Standards indicators, in framework order.
        var ratings = new (string Assessor, AssessorPerspective Perspective, int[] Values)[]
        {
            ("Pharmacist K", AssessorPerspective.Staff, [3, 2, 3, 3, 3, 2, 3, 3, 3, 2, 2, 3]),
            ("Ward sister H", AssessorPerspective.Staff, [2, 2, 3, 2, 3, 2, 2, 3, 3, 2, 2, 2]),
            ("Patient partner L", AssessorPerspective.PatientPartner, [2, 1, 3, 2, 2, 1, 2, 3, 3, 2, 1, 1]),
            ("Carer N", AssessorPerspective.Carer, [1, 0, 2, 2, 3, 1, 1, 3, 2, 2, 1, 0]),
        };
        foreach (var (assessor, perspective, _) in ratings)
        {
            await _assessments.DeclareAssessorAsync(assessment, _cast[assessor], perspective, ct);
        }

        var indicators = FrameworkPresets.UkStandardsForPublicInvolvement.Standards.SelectMany(s => s.Indicators).Select(i => i.Id).ToList();
        foreach (var (assessor, _, values) in ratings)
        {
            for (var i = 0; i < indicators.Count; i++)
            {
                await _assessments.RateAsync(assessment, _cast[assessor], indicators[i], values[i], null, ct);
            }
        }

        await _assessments.CompleteAsync(assessment, ct);
        var result = await _assessments.ScoreAsync(assessment, ct);
        report.Key($"Assessed against the UK Standards for Public Involvement, the medicines project scored {N(result.Overall)} of 100; staff scored it {N(result.OverallGap.Staff)} and the patient partner and carer {N(result.OverallGap.PatientsAndCarers)}, a gap of {N(result.OverallGap.Gap)} points worth discussing together.");
        report.Line($"Assessment of the medicines project against the UK Standards (0-100; 2 staff, 1 patient partner, 1 carer): overall {N(result.Overall)}, staff {N(result.OverallGap.Staff)}, patients and carers {N(result.OverallGap.PatientsAndCarers)}, gap {N(result.OverallGap.Gap)}.");
        report.Table(
            ["Standard", "Combined", "Staff", "Patients and carers", "Gap"],
            result.Standards.Select(s => (IReadOnlyList<string>)[s.Name, N(s.Score), N(s.Gap.Staff), N(s.Gap.PatientsAndCarers), N(s.Gap.Gap)]),
            "UK Standards for Public Involvement: the medicines project");
        report.Table(
            ["Phase", "Planned", "Reached", "Against plan"],
            result.Ladder!.Phases.Where(p => p.Comparison != PlanComparison.NeitherPlannedNorRecorded)
                .Select(p => (IReadOnlyList<string>)[p.PhaseName, LevelName(framework, p.PlannedLevelId), LevelName(framework, p.ReachedLevelId), ReportWriter.Capitalised(p.Comparison)]),
            "The medicines project's involvement, planned and reached");
    }

    private async Task RecordAsync(ImprovementProjectId project, int day, string phase, string level, string activity, string[] people, int? feedbackDay, string? feedback, CancellationToken ct)
    {
        var record = await _projects.RecordInvolvementAsync(project, Day(day), phase, level, activity, [.. people.Select(p => _cast[p])], ct);
        if (feedbackDay is { } given && feedback is not null)
        {
            await _projects.RecordFeedbackAsync(project, record, Day(given), feedback, ct);
        }
    }

    private async Task MeasureAsync(ImprovementProjectId project, string name, MeasureType type, bool patientExperience, ImprovementDirection direction, double[] baseline, double[] followUp, CancellationToken ct)
    {
        var measure = await _projects.DefineMeasureAsync(project, name, type, patientExperience, direction, null, ct);
        var values = baseline.Concat(followUp).Select((v, i) => (Day(14 + (7 * i)), v)).ToList();
        await _projects.RecordMeasureValuesAsync(project, measure, values, ct);
        await _projects.RecordChangeIntroducedAsync(project, measure, Day(14 + (7 * baseline.Length)), ct);
    }

    private DateOnly Day(int offset) => _base.AddDays(offset);

    private static string Verdict(MeasureImpact measure) => measure.Verdict switch
    {
        ImpactVerdict.Improved => measure.Sustained == true ? "improved, sustained" : "improved, not yet sustained",
        ImpactVerdict.Deteriorated => "deteriorated",
        ImpactVerdict.NoSignificantChange => "no significant change",
        ImpactVerdict.ChangedWithoutDirection => "changed",
        _ => "too few values",
    };

    private static string LevelName(InvolvementFramework framework, string? levelId) => levelId is null ? "-" : framework.FindLevel(levelId)!.Name;

    private static string YesNo(bool? value) => value switch { true => "yes", false => "no", null => "-" };

    private static string N(double? value) => value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) : "-";

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);
}
