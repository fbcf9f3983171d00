using System.Globalization;
using CoProduction.Payments;
using CoProduction.People;
using CoProduction.Programmes;
using CoProduction.Programmes.Cohorts;
using CoProduction.Programmes.Evaluation;
using CoProduction.Programmes.Pathways;
using CoProduction.Programmes.Readiness;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduction.Samples.QuickStart;

/// <summary>
/// The "Co-Production for Improvement" programme looked back on: a readiness check, a curriculum co-designed with
/// patient partners (version 1, then version 2 after the first cohort), three cohorts of improvement teams led by
/// patient trainers, a patient partner's pathway from observer to lead trainer, facilitation paid by the payment policy,
/// and the before-and-after evaluation. Prints the readiness gaps, the pathway, the payments and the programme report.
/// </summary>
internal sealed class TrainingProgrammeCohorts(IServiceProvider services, SampleClock clock, ReportWriter report)
{
    private static readonly string[] Statuses = ["Present", "Present", "Late", "Present", "Apologies", "Present", "Present", "Absent", "Present", "Present", "Present"];
    private readonly ParticipantService _people = services.GetRequiredService<ParticipantService>();
    private readonly ProgrammeService _programmes = services.GetRequiredService<ProgrammeService>();
    private readonly CohortService _cohorts = services.GetRequiredService<CohortService>();
    private readonly PatientTrainerPathwayService _pathways = services.GetRequiredService<PatientTrainerPathwayService>();
    private readonly ProgrammeEvaluationService _evaluation = services.GetRequiredService<ProgrammeEvaluationService>();
    private readonly PaymentService _payments = services.GetRequiredService<PaymentService>();
    private readonly Dictionary<string, ParticipantId> _cast = new(StringComparer.Ordinal);
    private readonly List<InvolvementActivity> _facilitation = [];

    public async Task RunAsync(CancellationToken ct)
    {
        // The same year as the rest of the sample (April 2025 to March 2026), recorded after the fact: the clock stays
        // where the earlier sections left it.
        var start = new DateOnly(2025, 4, 7);
        if (DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime) < start.AddDays(345))
        {
            clock.MoveTo(start.AddDays(345));
        }

        foreach (var (name, role) in new[]
        {
            ("Patient trainer P", ParticipantRole.PatientPartner), ("Carer trainer Q", ParticipantRole.Carer), ("Service user R", ParticipantRole.ServiceUser),
            ("QI coach U", ParticipantRole.Staff), ("Participation lead V", ParticipantRole.Staff),
        })
        {
            _cast[name] = (await _people.RegisterAsync(name, [role], ct)).Id;
        }

        var readiness = await ReadinessAsync(start.AddDays(-30), ct);
        var programmeId = (await _programmes.CreateAsync("Co-Production for Improvement", "Improvement teams learn to work with patients, carers and communities, taught by patient trainers", "First version, from the working group of patients, carers and staff", Modules(includesSupport: false), [new(_cast["Patient trainer P"], "Wrote the module on power and jargon"), new(_cast["Carer trainer Q"], "Shaped the carers' perspective"), new(_cast["QI coach U"], "Structured the days")], ct)).Id;

        // P and Q became lead trainers on the pathway the year before: only lead trainers lead sessions.
        await LeadTrainerAsync(_cast["Patient trainer P"], start.AddDays(-300), ct);
        await LeadTrainerAsync(_cast["Carer trainer Q"], start.AddDays(-280), ct);
        var questionnaireId = (await _evaluation.CreateQuestionnaireAsync(
            "Co-production confidence",
            1,
            5,
            [new("confidence", "I feel confident to co-produce an improvement with patients"), new("power", "I know how to share power in a meeting"), new("intent", "My team will involve patients in our next project")],
            ct)).Id;
        var pathwayId = (await _pathways.StartAsync(_cast["Service user R"], start, ct)).Id;

        await RunCohortAsync(programmeId, questionnaireId, pathwayId, 1, 1, start, teams: 7, ct);
        await ProgressAsync(pathwayId, start.AddDays(90), ct, EvidenceKind.Debrief);
        await _programmes.PublishVersionAsync(programmeId, "Matured after cohort 1: a module on paying and supporting partners, asked for by the patient trainers", Modules(includesSupport: true), [new(_cast["Patient trainer P"], "Led the review of cohort 1"), new(_cast["Service user R"], "Proposed the support module"), new(_cast["Participation lead V"], "Payment process")], ct);
        await RunCohortAsync(programmeId, questionnaireId, pathwayId, 2, 2, start.AddDays(120), teams: 7, ct);
        await RunCohortAsync(programmeId, questionnaireId, pathwayId, 3, 2, start.AddDays(240), teams: 8, ct);
        await ProgressAsync(pathwayId, start.AddDays(340), ct, EvidenceKind.Supervision);

        report.Section("Co-production training programme led by patient trainers");
        report.Key($"Before cohort 1 the trust met {readiness.Met} of {readiness.Total} readiness items ({readiness.Partly} partly, {readiness.NotMet} not met), and closed the gaps as the programme ran.");
        report.Line("Readiness before cohort 1:");
        foreach (var line in readiness.ToMarkdown().Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            report.Line("  " + line);
        }

        var pathway = await _pathways.FindByParticipantAsync(_cast["Service user R"], ct);
        report.Line();
        report.Key($"Service user R went from observer to {ReportWriter.Words(pathway!.Stage)} on the patient-trainer pathway ({pathway.Evidence.Count} pieces of evidence, {pathway.SignOffs.Count} sign-offs).");
        report.Table(
            ["Step", "Signed off on", "By"],
            pathway.SignOffs.Select(s => (IReadOnlyList<string>)[$"{ReportWriter.Capitalised(s.From)} to {ReportWriter.Words(s.To)}", s.On.ToString("d MMM yyyy", ReportWriter.Culture), Name(s.SignedOffBy)]));

        report.Line();
        report.Line("Facilitation paid by the payment policy (a copy of the NHS England-style PPV Level 4 preset with a Lead level; patient trainers only; staff are paid through their jobs):");
        var rows = new List<IReadOnlyList<string>>();
        foreach (var trainer in _facilitation.GroupBy(a => a.ParticipantId))
        {
            var claim = await _payments.SubmitClaimAsync(trainer.Key, [.. trainer.Select(a => a.Id)], [], ct);
            rows.Add([Name(trainer.Key), trainer.Count().ToString(CultureInfo.InvariantCulture), ReportWriter.Money(claim.Total)]);
        }

        report.Table(["Patient trainer", "Sessions", "Claimed"], rows);

        var programmeReport = await _evaluation.BuildReportAsync(programmeId, questionnaireId, ct);
        report.Key($"{programmeReport.CohortCount} cohorts, {programmeReport.Teams} teams, of which {programmeReport.TeamsCompleted} completed ({programmeReport.TeamCompletionRate.ToString("P0", ReportWriter.Culture)}); attendance {programmeReport.AttendanceRate.ToString("P0", ReportWriter.Culture)}; {programmeReport.SessionsLedByPatientTrainers} of {programmeReport.SessionsDelivered} sessions led by a patient trainer.");
        foreach (var change in programmeReport.ItemChanges)
        {
            var test = change.Test;
            var chance = test is null || double.IsNaN(test.PValue) ? "too few pairs to test"
                : test.PValue < 0.001 ? "a change this large is very unlikely to be chance (Wilcoxon signed-rank test, p < 0.001)"
                : test.PValue < 0.05 ? $"unlikely to be chance (p = {test.PValue:0.000})" : $"could be chance (p = {test.PValue:0.00})";
            report.Key($"\"{change.Statement}\": {change.Improved} of {change.Pairs} people rated it higher after the course than before and {change.Worsened} lower; the mean rose from {change.MeanBefore:0.0} to {change.MeanAfter:0.0} out of 5, and {chance}.");
        }

        report.Table(
            ["Cohort", "Curriculum", "Starts", "Ends", "Status", "Teams", "Teams completed", "People", "People completed", "Attendance (%)", "Sessions", "Patient-led"],
            programmeReport.Cohorts.Select(c => (IReadOnlyList<string>)[c.Name, $"v{c.CurriculumVersionNumber}", c.StartDate.ToString("d MMM yyyy", ReportWriter.Culture), c.EndDate.ToString("d MMM yyyy", ReportWriter.Culture), ReportWriter.Capitalised(c.Status), I(c.Teams), I(c.TeamsCompleted), I(c.Participants), I(c.ParticipantsCompleted), (c.AttendanceRate * 100).ToString("0", CultureInfo.InvariantCulture), I(c.SessionsDelivered), I(c.SessionsLedByPatientTrainers)]).ToList(),
            "Cohorts");
        report.Table(
            ["Statement", "Pairs", "Mean before", "Mean after", "Higher", "Same", "Lower", "p (Wilcoxon)", "Effect size r"],
            programmeReport.ItemChanges.Select(c => (IReadOnlyList<string>)[c.Statement, I(c.Pairs), c.MeanBefore.ToString("0.00", CultureInfo.InvariantCulture), c.MeanAfter.ToString("0.00", CultureInfo.InvariantCulture), I(c.Improved), I(c.Unchanged), I(c.Worsened), c.Test is { } t ? t.PValue.ToString("0.0000", CultureInfo.InvariantCulture) : "-", c.Test is { } u ? u.EffectSizeR.ToString("0.00", CultureInfo.InvariantCulture) : "-"]).ToList(),
            "Before and after the course (scale 1 to 5)");
    }

    private static IReadOnlyList<CurriculumModule> Modules(bool includesSupport) =>
    [
        new("M1", "What co-production is, and is not", ["Tell co-production from consultation", "Spot tokenism"], TimeSpan.FromHours(includesSupport ? 2.5 : 3), DeliveryMode.InPerson),
        new("M2", "An improvement aim shaped with patients", ["Write an aim with patient partners"], TimeSpan.FromHours(3), DeliveryMode.Hybrid),
        .. includesSupport ? [new CurriculumModule("M5", "Paying and supporting partners", ["Set up payment before involvement starts", "Plan debriefs"], TimeSpan.FromHours(2), DeliveryMode.Online)] : Array.Empty<CurriculumModule>(),
        new("M3", "Testing changes together", ["Run a PDSA cycle with patients"], TimeSpan.FromHours(3), DeliveryMode.InPerson),
        new("M4", "Showcase", ["Present what changed and who shaped it"], TimeSpan.FromHours(2), DeliveryMode.InPerson),
    ];

    private async Task<ReadinessSummary> ReadinessAsync(DateOnly on, CancellationToken ct)
    {
        var id = (await _programmes.StartReadinessAssessmentAsync("Before cohort 1", null, ReadinessChecklist.Default, ct)).Id;
        var lead = _cast["Participation lead V"];
        ReadinessSummary? summary = null;
        foreach (var item in ReadinessChecklist.Default)
        {
            (ReadinessRating rating, string? notes) = item.Key switch
            {
                "sponsorship" => (ReadinessRating.Partly, "Sponsor named; protected time for teams not yet agreed"),
                "evaluation-plan" => (ReadinessRating.NotMet, "No before-and-after questionnaire yet"),
                "trainer-development" => (ReadinessRating.Partly, "Pathway drafted; no supervision offer yet"),
                _ => (ReadinessRating.Met, null),
            };
            summary = await _programmes.RateReadinessItemAsync(id, item.Key, rating, notes, lead, on, ct);
        }

        return summary!;
    }

    private async Task RunCohortAsync(ProgrammeId programmeId, QuestionnaireId questionnaireId, PatientTrainerPathwayId pathwayId, int number, int version, DateOnly start, int teams, CancellationToken ct)
    {
        var cohortId = (await _cohorts.PlanAsync(programmeId, version, $"Cohort {number}", start, start.AddDays(110), ct)).Id;
        var p = _cast["Patient trainer P"];
        var q = _cast["Carer trainer Q"];
        var r = _cast["Service user R"];
        var coach = _cast["QI coach U"];
        var programme = await _programmes.FindAsync(programmeId, ct);
        var sessions = new List<CohortSessionId>();
        var modules = programme!.GetVersion(version).Modules;
        for (var s = 0; s < modules.Count; s++)
        {
            var lead = s % 2 == 0 ? p : q;
            var third = number == 1 ? new FacilitatorAssignment(r, FacilitatorRole.Shadow) : new FacilitatorAssignment(r, FacilitatorRole.CoFacilitator);
            var startsAt = new DateTimeOffset(start.AddDays(7 + (21 * s)).ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
            sessions.Add(await _cohorts.ScheduleSessionAsync(cohortId, modules[s].Code, startsAt, null, [new(lead, FacilitatorRole.Lead), new(coach, FacilitatorRole.CoFacilitator), third], ct));
        }

        await _cohorts.OpenRecruitmentAsync(cohortId, ct);
        var evaluationId = (await _evaluation.StartEvaluationAsync(cohortId, questionnaireId, ct)).Id;
        var members = new List<(CohortTeamId Team, int Index, ParticipantId Member)>();
        string[] services = ["Discharge", "Falls", "Outpatients", "Maternity", "Memory clinic", "Community nursing", "Pharmacy", "Children's ward"];
        for (var t = 0; t < teams; t++)
        {
            var patient = await Register($"Patient {number}.{t + 1}", t % 3 == 1 ? ParticipantRole.Carer : t % 3 == 2 ? ParticipantRole.CommunityMember : ParticipantRole.PatientPartner, ct);
            var nurse = await Register($"Clinician {number}.{t + 1}", ParticipantRole.Staff, ct);
            var manager = await Register($"Manager {number}.{t + 1}", ParticipantRole.Staff, ct);
            var teamId = await _cohorts.EnrolTeamAsync(cohortId, $"{services[t]} team", $"Improve {services[t].ToLowerInvariant()} with the people who use it", [patient, nurse, manager], ct);
            members.AddRange(new[] { patient, nurse, manager }.Select((m, i) => (teamId, (t * 3) + i, m)));
        }

        foreach (var (_, index, member) in members)
        {
            var before = 2 + (index % 2);
            await _evaluation.RecordResponseAsync(evaluationId, member, ResponseTiming.Before, start, [new("confidence", before), new("power", 2), new("intent", 3)], ct);
        }

        await _cohorts.StartAsync(cohortId, ct);
        for (var s = 0; s < sessions.Count; s++)
        {
            await _cohorts.MarkSessionDeliveredAsync(cohortId, sessions[s], ct);
            await _cohorts.RecordSessionAttendanceAsync(cohortId, sessions[s], [.. members.Select(m => new AttendanceEntry(m.Member, Statuses[((number * 7) + (m.Index * 5) + s) % Statuses.Length]))], ct);
            _facilitation.AddRange(await _cohorts.RecordFacilitationActivitiesAsync(cohortId, sessions[s], ct));
            await _pathways.RecordSessionEvidenceAsync(pathwayId, cohortId, sessions[s], ct);
        }

        var teamIds = members.Select(m => m.Team).Distinct().ToList();
        for (var t = 0; t < teamIds.Count; t++)
        {
            if (t % 5 != 4)
            {
                await _cohorts.RecordPlanSubmittedAsync(cohortId, teamIds[t], start.AddDays(50), ct);
            }

            if (t % 4 != 3)
            {
                await _cohorts.RecordShowcasePresentedAsync(cohortId, teamIds[t], start.AddDays(7 + (21 * (sessions.Count - 1))), ct);
            }
        }

        foreach (var (_, index, member) in members)
        {
            var before = 2 + (index % 2);
            var rise = index % 7 == 3 ? 0 : 1 + (index % 3 == 0 ? 1 : 0);
            await _evaluation.RecordResponseAsync(evaluationId, member, ResponseTiming.After, start.AddDays(105), [new("confidence", Math.Min(5, before + rise)), new("power", 2 + (index % 4 == 0 ? 0 : 1)), new("intent", 3 + (index % 5 == 0 ? 0 : 1))], ct);
        }

        await _cohorts.CompleteAsync(cohortId, ct);
    }

    private async Task ProgressAsync(PatientTrainerPathwayId pathwayId, DateOnly on, CancellationToken ct, EvidenceKind extra)
    {
        await _pathways.RecordEvidenceAsync(pathwayId, extra, on.AddDays(-7), extra == EvidenceKind.Debrief ? "Debrief with the lead trainer" : "Supervision with the participation lead", ct);
        var pathway = await _pathways.FindByParticipantAsync(_cast["Service user R"], ct);
        if (pathway!.SupportPlan is null)
        {
            await _pathways.AgreeSupportPlanAsync(pathwayId, new SupportPlan("15 minutes after every session with the lead trainer", _cast["Patient trainer P"], "Paid at the Partner rate, Lead once leading; travel reimbursed", on.AddDays(180)), ct);
        }

        await _pathways.ProgressAsync(pathwayId, _cast["Participation lead V"], on, ct);
    }

    private async Task LeadTrainerAsync(ParticipantId trainer, DateOnly began, CancellationToken ct)
    {
        var pathwayId = (await _pathways.StartAsync(trainer, began, ct)).Id;
        await _pathways.AgreeSupportPlanAsync(pathwayId, new SupportPlan("A debrief after every session", null, "Paid at the Lead rate; travel reimbursed", null), ct);
        foreach (var kind in new[] { EvidenceKind.SessionObserved, EvidenceKind.SessionObserved, EvidenceKind.Debrief })
        {
            await _pathways.RecordEvidenceAsync(pathwayId, kind, began.AddDays(20), "Before the library was used", ct);
        }

        await _pathways.ProgressAsync(pathwayId, _cast["Participation lead V"], began.AddDays(30), ct);
        foreach (var kind in new[] { EvidenceKind.SessionCoDelivered, EvidenceKind.SessionCoDelivered, EvidenceKind.SessionCoDelivered, EvidenceKind.Supervision })
        {
            await _pathways.RecordEvidenceAsync(pathwayId, kind, began.AddDays(60), "Before the library was used", ct);
        }

        await _pathways.ProgressAsync(pathwayId, _cast["Participation lead V"], began.AddDays(90), ct);
    }

    private async Task<ParticipantId> Register(string name, ParticipantRole role, CancellationToken ct)
    {
        var id = (await _people.RegisterAsync(name, [role], ct)).Id;
        _cast[name] = id;
        return id;
    }

    private string Name(ParticipantId id) => _cast.FirstOrDefault(c => c.Value == id).Key ?? id.ToString();

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);
}
