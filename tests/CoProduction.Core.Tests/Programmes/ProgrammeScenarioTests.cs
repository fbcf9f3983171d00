using CoProduction.Payments;
using CoProduction.People;
using CoProduction.Programmes;
using CoProduction.Programmes.Cohorts;
using CoProduction.Programmes.Evaluation;
using CoProduction.Programmes.Pathways;
using CoProduction.Programmes.Readiness;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduction.Core.Tests.Programmes;

/// <summary>
/// A whole cohort, from readiness and recruitment to the report: a programme co-designed with patient partners,
/// delivered by patient trainers, with a patient partner on the pathway, paid for facilitation, and evaluated
/// before and after. Every number asserted is worked out by hand in the comments.
/// </summary>
public sealed class ProgrammeScenarioTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task WholeCohort_FromRecruitmentToReport_AddsUp()
    {
        await using var world = ServiceWorld.Create();
        var trainerA = await world.TrainerAsync("Patient trainer A");
        var trainerB = await world.RegisterAsync("Carer trainer B", ParticipantRole.Carer);
        var coach = await world.RegisterAsync("QI coach C", ParticipantRole.Staff);
        var participationLead = await world.RegisterAsync("Participation lead D", ParticipantRole.Staff);

        // Readiness first: two gaps to close.
        var readinessId = (await world.Programmes.StartReadinessAssessmentAsync("Before cohort 1", null, ReadinessChecklist.Default, None)).Id;
        foreach (var item in ReadinessChecklist.Default.Where(i => i.Key is not ("accessibility" or "sponsorship")))
        {
            await world.Programmes.RateReadinessItemAsync(readinessId, item.Key, ReadinessRating.Met, null, participationLead, new DateOnly(2025, 4, 1), None);
        }

        await world.Programmes.RateReadinessItemAsync(readinessId, "accessibility", ReadinessRating.Partly, "Hearing loop booked for the first session only", participationLead, new DateOnly(2025, 4, 1), None);
        var readiness = await world.Programmes.RateReadinessItemAsync(readinessId, "sponsorship", ReadinessRating.NotMet, "No executive sponsor named", participationLead, new DateOnly(2025, 4, 1), None);
        readiness.Gaps.Select(g => g.Key).Should().Equal("sponsorship", "accessibility");

        // The programme, co-designed by two patient partners and a coach; one cohort on version 1.
        var programmeId = await world.ProgrammeAsync(trainerA, trainerB, coach);
        var cohortId = (await world.Cohorts.PlanAsync(programmeId, 1, "Cohort 1", ServiceWorld.CohortStart, ServiceWorld.CohortEnd, None)).Id;
        var session1 = await world.Cohorts.ScheduleSessionAsync(cohortId, "M1", ServiceWorld.At(4, 14), null, [new(trainerA, FacilitatorRole.Lead), new(coach, FacilitatorRole.CoFacilitator), new(trainerB, FacilitatorRole.Shadow)], None);
        var session2 = await world.Cohorts.ScheduleSessionAsync(cohortId, "M2", ServiceWorld.At(5, 12), null, [new(trainerA, FacilitatorRole.Lead), new(coach, FacilitatorRole.CoFacilitator)], None);
        var session3 = await world.Cohorts.ScheduleSessionAsync(cohortId, "M3", ServiceWorld.At(6, 30), null, [new(trainerA, FacilitatorRole.Lead), new(coach, FacilitatorRole.CoFacilitator)], None);

        // Recruitment: three teams, each with a patient, carer or community member.
        await world.Cohorts.OpenRecruitmentAsync(cohortId, None);
        var e = await world.RegisterAsync("Patient E", ParticipantRole.PatientPartner);
        var f = await world.RegisterAsync("Nurse F", ParticipantRole.Staff);
        var g = await world.RegisterAsync("Carer G", ParticipantRole.Carer);
        var h = await world.RegisterAsync("Physiotherapist H", ParticipantRole.Staff);
        var i = await world.RegisterAsync("Community member I", ParticipantRole.CommunityMember);
        var j = await world.RegisterAsync("Receptionist J", ParticipantRole.Staff);
        var discharge = await world.Cohorts.EnrolTeamAsync(cohortId, "Discharge team", "Co-design the discharge letter", [e, f], None);
        var falls = await world.Cohorts.EnrolTeamAsync(cohortId, "Falls team", "Fewer falls at night, designed with carers", [g, h], None);
        var outpatients = await world.Cohorts.EnrolTeamAsync(cohortId, "Outpatients team", "A clinic welcome shaped by the community", [i, j], None);

        // Before questionnaires, then the cohort starts.
        var questionnaireId = (await world.Evaluation.CreateQuestionnaireAsync(
            "Co-production confidence",
            1,
            5,
            [new("confidence", "I feel confident to co-produce an improvement with patients"), new("power", "I know how to share power in a meeting")],
            None)).Id;
        var evaluationId = (await world.Evaluation.StartEvaluationAsync(cohortId, questionnaireId, None)).Id;
        ParticipantId[] people = [e, f, g, h, i, j];
        int[] confidenceBefore = [2, 3, 2, 3, 4, 1];
        int[] confidenceAfter = [4, 4, 3, 3, 3, 4];
        int[] powerBefore = [2, 2, 2, 3, 3, 3];
        for (var k = 0; k < people.Length; k++)
        {
            await world.Evaluation.RecordResponseAsync(evaluationId, people[k], ResponseTiming.Before, new DateOnly(2025, 4, 10), [new("confidence", confidenceBefore[k]), new("power", powerBefore[k])], None);
        }

        await world.Cohorts.StartAsync(cohortId, None);

        // Sessions delivered, attendance recorded (Present 1, Late 1, Apologies 0, Absent 0).
        var pathwayId = (await world.Pathways.StartAsync(trainerB, new DateOnly(2025, 4, 1), None)).Id;
        string[][] attendance =
        [
            ["Present", "Present", "Present", "Present", "Present", "Present"],
            ["Present", "Late", "Apologies", "Present", "Present", "Absent"],
            ["Present", "Present", "Present", "Present", "Present", "Absent"],
        ];
        CohortSessionId[] sessions = [session1, session2, session3];
        DateTimeOffset[] endings = [ServiceWorld.At(4, 14, 13), ServiceWorld.At(5, 12, 13), ServiceWorld.At(6, 30, 12)];
        var activities = new List<InvolvementActivity>();
        for (var s = 0; s < sessions.Length; s++)
        {
            world.SetNow(endings[s]);
            await world.Cohorts.MarkSessionDeliveredAsync(cohortId, sessions[s], None);
            for (var k = 0; k < people.Length; k++)
            {
                await world.Cohorts.RecordAttendanceAsync(cohortId, sessions[s], people[k], attendance[s][k], None);
            }

            activities.AddRange(await world.Cohorts.RecordFacilitationActivitiesAsync(cohortId, sessions[s], None));
            if (s == 0)
            {
                // Patient partner B shadowed session 1, then has a debrief, an observation elsewhere and a support plan.
                (await world.Pathways.RecordSessionEvidenceAsync(pathwayId, cohortId, session1, None)).Should().Be(EvidenceKind.SessionObserved);
                await world.Pathways.RecordEvidenceAsync(pathwayId, EvidenceKind.Debrief, new DateOnly(2025, 4, 14), "Debrief with the lead", None);
                world.SetNow(ServiceWorld.At(4, 24));
                await world.Pathways.RecordEvidenceAsync(pathwayId, EvidenceKind.SessionObserved, new DateOnly(2025, 4, 23), "Observed a session of another programme", None);
                await world.Pathways.AgreeSupportPlanAsync(pathwayId, new SupportPlan("15 minutes after every session", trainerA, "Paid at the Partner rate; travel reimbursed", new DateOnly(2025, 9, 1)), None);
                (await world.Pathways.ProgressAsync(pathwayId, participationLead, new DateOnly(2025, 4, 24), None)).Should().Be(PathwayStage.CoFacilitator);

                // Now a co-facilitator on the pathway, B takes the coach's place in session 2 (before, B could only shadow).
                await world.Cohorts.ChangeFacilitatorsAsync(cohortId, session2, [new(trainerA, FacilitatorRole.Lead), new(trainerB, FacilitatorRole.CoFacilitator)], None);
            }
        }

        (await world.Pathways.RecordSessionEvidenceAsync(pathwayId, cohortId, session2, None)).Should().Be(EvidenceKind.SessionCoDelivered);
        world.SetNow(ServiceWorld.At(7, 1));
        var notYet = () => world.Pathways.ProgressAsync(pathwayId, participationLead, new DateOnly(2025, 7, 1), None);
        await notYet.ShouldBeRefusedAsync(ProgrammeErrorCodes.PathwayEvidenceMissing, "from CoFacilitator to LeadTrainer", "2 more session(s) co-delivered (has 1 of 3", "1 more supervision(s)");

        // Team outcomes; the outpatients team did not present at the showcase.
        await world.Cohorts.RecordPlanSubmittedAsync(cohortId, discharge, new DateOnly(2025, 5, 20), None);
        await world.Cohorts.RecordPlanSubmittedAsync(cohortId, falls, new DateOnly(2025, 5, 22), None);
        await world.Cohorts.RecordPlanSubmittedAsync(cohortId, outpatients, new DateOnly(2025, 5, 30), None);
        await world.Cohorts.RecordShowcasePresentedAsync(cohortId, discharge, new DateOnly(2025, 6, 30), None);
        await world.Cohorts.RecordShowcasePresentedAsync(cohortId, falls, new DateOnly(2025, 6, 30), None);
        await world.Cohorts.SignOffTeamAsync(cohortId, discharge, trainerA, new DateOnly(2025, 6, 30), None);

        // After questionnaires; power rose by exactly 1 for everyone.
        for (var k = 0; k < people.Length; k++)
        {
            await world.Evaluation.RecordResponseAsync(evaluationId, people[k], ResponseTiming.After, new DateOnly(2025, 7, 20), [new("confidence", confidenceAfter[k]), new("power", powerBefore[k] + 1)], None);
        }

        world.SetNow(ServiceWorld.At(7, 25, 17));
        await world.Cohorts.CompleteAsync(cohortId, None);

        // Payment: A led three sessions (M1 3 h, M2 3 h: half-day Lead rate 100.00 each; M3 2 h: 2 x 25.00 = 50.00);
        // B co-facilitated M2 (3 h: half-day Partner rate 75.00); the coach is staff and the shadow is learning.
        activities.Select(a => (a.ParticipantId, a.RoleLevel)).Should().Equal((trainerA, "Lead"), (trainerA, "Lead"), (trainerB, "Partner"), (trainerA, "Lead"));
        var payments = world.Services.GetRequiredService<PaymentService>();
        (await payments.SubmitClaimAsync(trainerA, [.. activities.Where(a => a.ParticipantId == trainerA).Select(a => a.Id)], [], None)).Total.Should().Be(250.00m);
        (await payments.SubmitClaimAsync(trainerB, [.. activities.Where(a => a.ParticipantId == trainerB).Select(a => a.Id)], [], None)).Total.Should().Be(75.00m);

        var report = await world.Evaluation.BuildReportAsync(programmeId, questionnaireId, None);

        // Attendance shares: E 3/3, F 3/3 (Late counts 1), G 2/3, H 3/3, I 3/3, J 1/3; mean = (5 + 2/3 + 1/3) / 6 = 5/6.
        // Teams (mean of members, needs 0.75 and a plan and a showcase): discharge 1 (complete); falls (2/3 + 1) / 2 = 5/6
        // (complete); outpatients (1 + 1/3) / 2 = 2/3 and no showcase (not complete). People: E, F and H complete;
        // G's 2/3 is under 0.75; I's team did not present; J neither.
        report.CohortCount.Should().Be(1);
        report.Teams.Should().Be(3);
        report.TeamsCompleted.Should().Be(2);
        report.Participants.Should().Be(6);
        report.ParticipantsCompleted.Should().Be(3);
        report.SessionsDelivered.Should().Be(3);
        report.SessionsLedByPatientTrainers.Should().Be(3);
        report.AttendanceRate.Should().BeApproximately(5m / 6m, 0.0000001m);
        report.Cohorts.Should().ContainSingle().Which.Status.Should().Be(CohortStatus.Completed);

        // Confidence: the pairs worked by hand in CohortEvaluationTests (V = 13, p = 0.1696, r = 0.68, mean +1.0).
        // Power: six differences of +1, all tied at rank 3.5, so V = 21 and the mean rises by exactly 1.
        report.ItemChanges.Select(c => (c.ItemCode, c.Pairs, c.MeanChange, c.Test!.V)).Should().Equal(("confidence", 6, 1.0, 13.0), ("power", 6, 1.0, 21.0));
        report.Headline.Should().Be("1 cohort, 3 teams, 2 completed; 'I feel confident to co-produce an improvement with patients' rose by 1.0 points on the 1 to 5 scale (6 pairs, Wilcoxon V = 13, p = 0.1696, r = 0.68)");
        var markdown = report.ToMarkdown();
        markdown.Should().StartWith("# Co-Production for Improvement: programme report");
        markdown.Should().Contain("| Cohort 1 | v1 | 2025-04-07 to 2025-07-25 | Completed | 3 (2) | 6 (3) | 83% | 3 (3) |");
        markdown.Should().Contain("| I feel confident to co-produce an improvement with patients | 6 | 2.50 | 3.50 | +1.00 | 4 / 1 / 1 | 13 | 0.1696 | 0.68 |");
        markdown.Should().Contain("- Teams completed: 2 of 3 (67%); people completed: 3 of 6.");

        // Subject access: what the programmes hold about Carer trainer B (co-design, facilitation, pathway) and Patient E.
        var exportB = (await world.People.ExportAsync(trainerB, None)).ToJson();
        exportB.Should().Contain("\"trainingProgrammes\"").And.Contain("\"stage\": \"CoFacilitator\"").And.Contain("\"role\": \"Shadow\"");
        var exportE = (await world.People.ExportAsync(e, None)).ToJson();
        exportE.Should().Contain("\"team\": \"Discharge team\"").And.Contain("\"itemCode\": \"confidence\"");
    }
}
