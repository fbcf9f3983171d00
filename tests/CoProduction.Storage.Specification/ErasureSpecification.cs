using System.Text.Json;
using CoProduction.Payments;
using CoProduction.People;
using CoProduction.Involvement.Assessments;
using CoProduction.Involvement.Frameworks;
using CoProduction.Involvement.Projects;
using CoProduction.PeerReview;
using CoProduction.Programmes;
using CoProduction.Programmes.Cohorts;
using CoProduction.Programmes.Pathways;
using CoProduction.Programmes.Readiness;
using CoProduction.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduction.Storage.Specification;

/// <summary>
/// Erasure reaches every area through the store: after <see cref="ParticipantService.EraseAsync"/>, none of the
/// person's distinctive strings (name, contact details, their words in activity and expense descriptions, pathway
/// notes) can be read back from any aggregate or from their subject-access export, while another person's data, stored
/// alongside, is intact.
/// </summary>
public abstract class ErasureSpecification : StoreSpecification
{
    private static readonly string[] Distinctive =
    [
        "Zebedee Quartermaine",
        "zebedee.quartermaine@example.org",
        "01632 960777",
        "admission to Ward 5 for my bipolar disorder",
        "Taxi home from the Ward 5 review",
        "debrief with my community psychiatric nurse",
        "Quartermaine Community Mental Health Trust",
    ];

    [Fact]
    public async Task EraseAsync_PersonInvolvedInSeveralAreas_LeavesNoneOfTheirStringsInAnyStoredRecord_AndOthersIntact()
    {
        var ct = TestContext.Current.CancellationToken;
        var today = DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);
        var (person, other) = await InScopeAsync(async sp =>
        {
            var people = sp.GetRequiredService<ParticipantService>();
            var registered = await people.RegisterAsync(Distinctive[0], [ParticipantRole.PatientPartner], ct);
            await people.ChangeContactDetailsAsync(registered.Id, new ContactDetails(Distinctive[1], Distinctive[2], null, ContactMethod.Email), ct);
            var someoneElse = await people.RegisterAsync("Patient partner B", [ParticipantRole.PatientPartner], ct);
            return (registered.Id, someoneElse.Id);
        });
        await InScopeAsync(async sp =>
        {
            var payments = sp.GetRequiredService<PaymentService>();
            var mine = await payments.RecordActivityAsync(person, InvolvementActivityKind.PanelMeeting, today.AddDays(-2), TimeSpan.FromHours(2), "Partner", $"Told the panel about my {Distinctive[3]}", null, ct);
            await payments.SubmitClaimAsync(person, [mine.Id], [new Expense(ExpenseKind.Travel, 18.50m, true, Distinctive[4])], ct);
            await payments.SetPaymentRouteAsync(person, PaymentRoute.Voucher, ct);
            await payments.RecordPublicSectorEmploymentAsync(person, Distinctive[6], false, ct);
            await payments.RecordActivityAsync(other, InvolvementActivityKind.PanelMeeting, today.AddDays(-2), TimeSpan.FromHours(2), "Partner", "Partner B's own account of the meeting", null, ct);
            var pathways = sp.GetRequiredService<PatientTrainerPathwayService>();
            var pathway = await pathways.StartAsync(person, today.AddDays(-30), ct);
            await pathways.RecordEvidenceAsync(pathway.Id, EvidenceKind.Supervision, today.AddDays(-3), $"Agreed a {Distinctive[5]}", ct);
            return 0;
        });

        await InScopeAsync(sp => sp.GetRequiredService<ParticipantService>().EraseAsync(person, ct));

        var stored = await InScopeAsync(async sp => JsonSerializer.Serialize(
            new object?[]
            {
                await sp.GetRequiredService<IParticipantStore>().FindAsync(person, ct),
                await sp.GetRequiredService<IInvolvementActivityStore>().ListForParticipantAsync(person, ct),
                await sp.GetRequiredService<IPaymentClaimStore>().ListForParticipantAsync(person, ct),
                await sp.GetRequiredService<IPatientTrainerPathwayStore>().FindByParticipantAsync(person, ct),
                await sp.GetRequiredService<IPaymentProfileStore>().FindAsync(PaymentProfileId.For(person), ct),
            },
            CoProductionJson.Options));
        var export = await InScopeAsync(async sp => (await sp.GetRequiredService<ParticipantService>().ExportAsync(person, ct)).ToJson());
        var othersActivities = await InScopeAsync(async sp => await sp.GetRequiredService<IInvolvementActivityStore>().ListForParticipantAsync(other, ct));

        foreach (var text in Distinctive)
        {
            stored.Should().NotContain(text, "erasure removes the person's strings from every area's records");
            export.Should().NotContain(text);
        }

        stored.Should().Contain(PersonalData.RemovedOnErasure);
        stored.Should().NotContain("Voucher", "the payment route is erased with the profile");
        othersActivities.Should().ContainSingle().Which.Description.Should().Be("Partner B's own account of the meeting", "another person's words are untouched");

        if (await ReadStoredBytesAsync() is { } raw)
        {
            foreach (var text in Distinctive)
            {
                raw.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(text)).Should().Be(-1, $"'{text}' must not stay readable in the store's files after erasure");
            }

            raw.AsSpan().IndexOf("Partner B's own account of the meeting"u8).Should().BeGreaterThan(-1, "the scan reads the files where the data is");
        }
    }

    private static readonly string[] DistinctiveElsewhere =
    [
        "Ottoline Fairweather",
        "Brought my lived experience of the Ravenscar stroke unit",
        "debriefs by phone because of my fatigue",
        "paid by voucher to protect my carer allowance",
        "The Ottoline ward team",
        "Ottoline had a relapse and the team paused",
        "Ottoline was in hospital that week",
        "Assessor note: the Ottoline minutes used no jargon",
        "Ottoline and her husband from the stroke unit",
        "Ottoline left after her diagnosis",
        "Ottoline mapped the Ravenscar discharge pathway",
        "You said Ravenscar letters confused you, we rewrote them",
        "Ottoline felt the minutes were clear enough",
        "Returned: the Ottoline summary quotes her own notes",
        "Withdrawn: Ottoline is unwell",
    ];

    private static readonly string[] OthersStrings =
    [
        "Partner B falls team",
        "Partner B session moved for the heatwave",
        "Partner B carers group",
        "Partner B found the aims hard to follow",
    ];

    // No apostrophes: the JSON writers escape them, and a search for an escaped string would pass without meaning anything.
    [Fact]
    public async Task EraseAsync_PersonInProgrammesPeerReviewAndInvolvement_LeavesNoneOfTheirWordsNorTextLinkedToThem_AndOthersIntact()
    {
        var ct = TestContext.Current.CancellationToken;
        var (person, other, programmeId, readinessId, projectId, othersProjectId, submissionId) = await ArrangeElsewhereAsync(ct);

        await InScopeAsync(sp => sp.GetRequiredService<ParticipantService>().EraseAsync(person, ct));

        var stored = await InScopeAsync(async sp => JsonSerializer.Serialize(
            new object?[]
            {
                await sp.GetRequiredService<IParticipantStore>().FindAsync(person, ct),
                await sp.GetRequiredService<IProgrammeStore>().ListAsync(ct),
                await sp.GetRequiredService<ICohortStore>().ListByProgrammeAsync(programmeId, ct),
                await sp.GetRequiredService<IPatientTrainerPathwayStore>().FindByParticipantAsync(person, ct),
                await sp.GetRequiredService<IReadinessAssessmentStore>().FindAsync(readinessId, ct),
                await sp.GetRequiredService<IImprovementProjectStore>().ListAsync(null, ct),
                await sp.GetRequiredService<IAssessmentStore>().ListForProjectAsync(projectId, ct),
                await sp.GetRequiredService<IReviewSubmissionStore>().FindAsync(submissionId, ct),
            },
            CoProductionJson.Options));
        var export = await InScopeAsync(async sp => (await sp.GetRequiredService<ParticipantService>().ExportAsync(person, ct)).ToJson());

        foreach (var text in DistinctiveElsewhere.Append("Ottoline"))
        {
            stored.Should().NotContain(text, "erasure removes the person's words, and text linked to them that names no one by id, from every area");
            export.Should().NotContain(text);
        }

        foreach (var text in OthersStrings)
        {
            stored.Should().Contain(text, "another person's data, stored alongside, is untouched");
        }

        var othersProject = await InScopeAsync(async sp => await sp.GetRequiredService<IImprovementProjectStore>().FindAsync(othersProjectId, ct));
        othersProject!.Plan.Should().ContainSingle().Which.Who.Should().Be(OthersStrings[2]);
        if (await ReadStoredBytesAsync() is { } raw)
        {
            foreach (var text in DistinctiveElsewhere)
            {
                raw.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(text)).Should().Be(-1, $"'{text}' must not stay readable in the store's files after erasure");
            }

            raw.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(OthersStrings[1])).Should().BeGreaterThan(-1, "the scan reads the files where the data is");
        }
    }

    [Fact]
    public async Task ExportAsync_GivesThePersonTheirWordsFromEveryArea_AndNothingAboutAnyoneElse()
    {
        var ct = TestContext.Current.CancellationToken;
        var (person, other, _, _, _, _, _) = await ArrangeElsewhereAsync(ct);
        var others = await InScopeAsync(async sp => (await sp.GetRequiredService<IParticipantStore>().ListAsync(null, ct)).Select(p => p.Id).Where(id => id != person).ToList());

        var export = await InScopeAsync(async sp => (await sp.GetRequiredService<ParticipantService>().ExportAsync(person, ct)).ToJson());
        var othersExport = await InScopeAsync(async sp => (await sp.GetRequiredService<ParticipantService>().ExportAsync(other, ct)).ToJson());

        foreach (var text in DistinctiveElsewhere)
        {
            export.Should().Contain(text, "the export gives the person what every area holds in their words or about them");
            othersExport.Should().NotContain(text, "another person's export holds nothing about them");
        }

        foreach (var text in OthersStrings)
        {
            export.Should().NotContain(text, "the export holds nothing about anyone else");
            othersExport.Should().Contain(text);
        }

        others.Should().HaveCount(4);
        foreach (var id in others)
        {
            export.Should().NotContain(id.Value.ToString(), "the export names nobody else, not even by id");
        }

        othersExport.Should().NotContain(person.Value.ToString());
    }

    private async Task<(ParticipantId Person, ParticipantId Other, ProgrammeId ProgrammeId, ReadinessAssessmentId ReadinessId, ImprovementProjectId ProjectId, ImprovementProjectId OthersProjectId, ReviewSubmissionId SubmissionId)> ArrangeElsewhereAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);
        var s = DistinctiveElsewhere;
        var (person, other, staff, staff2, trainer) = await InScopeAsync(async sp =>
        {
            var people = sp.GetRequiredService<ParticipantService>();
            var registered = await people.RegisterAsync(s[0], [ParticipantRole.PatientPartner], ct);
            var partnerB = await people.RegisterAsync("Patient partner B", [ParticipantRole.PatientPartner], ct);
            var nurse = await people.RegisterAsync("Staff member C", [ParticipantRole.Staff], ct);
            var physio = await people.RegisterAsync("Staff member D", [ParticipantRole.Staff], ct);
            var trainerE = await people.RegisterAsync("Patient trainer E", [ParticipantRole.PatientPartner], ct);
            return (registered.Id, partnerB.Id, nurse.Id, physio.Id, trainerE.Id);
        });

        // Programmes: co-design, pathway and support plan, readiness notes, a team named after them that withdrew, a
        // session they shadow that was cancelled (led by trainer E: text of a session goes to the export of everyone who
        // facilitated it); beside them, partner B's team and cancelled session.
        var (programmeId, readinessId) = await InScopeAsync(async sp =>
        {
            await PathwayArrangement.ToStageAsync(sp.GetRequiredService<PatientTrainerPathwayService>(), other, PathwayStage.LeadTrainer, staff, today, ct);
            await PathwayArrangement.ToStageAsync(sp.GetRequiredService<PatientTrainerPathwayService>(), trainer, PathwayStage.LeadTrainer, staff, today, ct);
            var pathways = sp.GetRequiredService<PatientTrainerPathwayService>();
            var pathway = await pathways.StartAsync(person, today.AddDays(-30), ct);
            await pathways.AgreeSupportPlanAsync(pathway.Id, new SupportPlan(s[2], null, s[3], null), ct);
            var programmes = sp.GetRequiredService<ProgrammeService>();
            var programme = await programmes.CreateAsync(
                "Co-Production for Improvement",
                "Teams learn to improve services with patients",
                "First version",
                [new CurriculumModule("M1", "What co-production is", ["Explain what co-production means"], TimeSpan.FromHours(3), DeliveryMode.InPerson)],
                [new CoDesigner(person, s[1]), new CoDesigner(staff, "Wrote the materials")],
                ct);
            var readiness = await programmes.StartReadinessAssessmentAsync("Readiness for cohort 1", programme.Id, [new ReadinessItemDefinition("payment", "Payment process", "Partners are paid within 30 days")], ct);
            await programmes.RateReadinessItemAsync(readiness.Id, "payment", ReadinessRating.Partly, s[7], person, today, ct);
            return (programme.Id, readiness.Id);
        });
        await InScopeAsync(async sp =>
        {
            var cohorts = sp.GetRequiredService<CohortService>();
            var enrolled = (await cohorts.PlanAsync(programmeId, 1, "Cohort 1", today, today.AddDays(200), ct)).Id;
            await cohorts.OpenRecruitmentAsync(enrolled, ct);
            var team = await cohorts.EnrolTeamAsync(enrolled, s[4], "Better discharge letters", [person, staff], ct);
            await cohorts.EnrolTeamAsync(enrolled, OthersStrings[0], "Fewer falls at night", [other, staff2], ct);
            await cohorts.WithdrawTeamAsync(enrolled, team, today, s[5], ct);
            var facilitated = (await cohorts.PlanAsync(programmeId, 1, "Cohort 2", today, today.AddDays(200), ct)).Id;
            var mine = await cohorts.ScheduleSessionAsync(facilitated, "M1", Clock.GetUtcNow().AddDays(7), null, [new FacilitatorAssignment(trainer, FacilitatorRole.Lead), new FacilitatorAssignment(staff, FacilitatorRole.CoFacilitator), new FacilitatorAssignment(person, FacilitatorRole.Shadow)], ct);
            var theirs = await cohorts.ScheduleSessionAsync(facilitated, "M1", Clock.GetUtcNow().AddDays(14), null, [new FacilitatorAssignment(other, FacilitatorRole.Lead), new FacilitatorAssignment(staff, FacilitatorRole.CoFacilitator)], ct);
            await cohorts.CancelSessionAsync(facilitated, mine, s[6], ct);
            await cohorts.CancelSessionAsync(facilitated, theirs, OthersStrings[1], ct);
            return 0;
        });

        // Involvement: a project they are on, whose plan names them and was revised because of them, a record of what
        // they did with feedback, an assessment they rated; partner B's own project beside it.
        var (projectId, othersProjectId) = await InScopeAsync(async sp =>
        {
            var frameworks = sp.GetRequiredService<InvolvementFrameworkService>();
            var framework = await frameworks.AdoptAsync("trust", "Trust framework", "1", [FrameworkPresets.TlapLadderOfCoProduction, FrameworkPresets.UkStandardsForPublicInvolvement, FrameworkPresets.ModelForImprovement], ct);
            framework = await frameworks.PublishAsync(framework.Id, ct);
            var projects = sp.GetRequiredService<ImprovementProjectService>();
            var project = await projects.StartAsync(framework.Id, "Discharge letters", "Letters patients understand", "Acute medicine", staff, today.AddDays(-10), ct);
            await projects.AddTeamMemberAsync(project.Id, person, ProjectTeamRole.PatientPartner, true, today.AddDays(-9), ct);
            await projects.PlanInvolvementAsync(project.Id, "measures", "co-design", s[8], "Workshops", ct);
            var record = await projects.RecordInvolvementAsync(project.Id, today.AddDays(-5), "measures", "co-design", s[10], [person], ct);
            await projects.RecordFeedbackAsync(project.Id, record, today.AddDays(-4), s[11], ct);
            await projects.ReviseInvolvementPlanAsync(project.Id, "measures", "consultation", "Two patient partners", "A survey", s[9], ct);
            var assessments = sp.GetRequiredService<AssessmentService>();
            var assessment = await assessments.OpenForProjectAsync(project.Id, "Spring review", ct);
            await assessments.DeclareAssessorAsync(assessment.Id, person, AssessorPerspective.PatientPartner, ct);
            await assessments.RateAsync(assessment.Id, person, "ukspi-co-plain", 2, s[12], ct);
            await assessments.DeclareAssessorAsync(assessment.Id, other, AssessorPerspective.PatientPartner, ct);
            await assessments.RateAsync(assessment.Id, other, "ukspi-co-plain", 1, OthersStrings[3], ct);
            var theirs = await projects.StartAsync(framework.Id, "Falls at night", "Fewer falls", "Older people", staff2, today.AddDays(-10), ct);
            await projects.AddTeamMemberAsync(theirs.Id, other, ProjectTeamRole.PatientPartner, true, today.AddDays(-9), ct);
            await projects.PlanInvolvementAsync(theirs.Id, "measures", "co-design", OthersStrings[2], "Workshops", ct);
            return (project.Id, theirs.Id);
        });

        // Peer review: a submission they lead, returned at triage and then withdrawn.
        var submissionId = await InScopeAsync(async sp =>
        {
            var panels = sp.GetRequiredService<PanelService>();
            var panel = await panels.EstablishAsync("Patient Improvement Peer Review Panel", "Patient partners give the patient perspective.", new QuorumRule(1), ct);
            var projects = sp.GetRequiredService<ImprovementProjectService>();
            var framework = (await sp.GetRequiredService<IImprovementProjectStore>().FindAsync(projectId, ct))!.FrameworkId;
            var led = await projects.StartAsync(framework, "Ward 5 menus", "Menus patients can read", "Mental health", person, today.AddDays(-10), ct);
            var submissions = sp.GetRequiredService<ReviewSubmissionService>();
            var draft = await submissions.DraftAsync(panel.Id, led.Id, "We would value the patient view of our plan.", ct);
            await submissions.SubmitAsync(draft.Id, ct);
            await submissions.ReturnForChangesAsync(draft.Id, s[13], ct);
            await submissions.WithdrawAsync(draft.Id, s[14], ct);
            return draft.Id;
        });

        return (person, other, programmeId, readinessId, projectId, othersProjectId, submissionId);
    }

    /// <summary>
    /// Reads every byte the store keeps on disk (a SQLite file and its WAL, a dump of a database), with the store still
    /// in use, to look for an erased person's strings; <see langword="null"/> when the store keeps nothing on disk.
    /// </summary>
    /// <returns>The bytes, or <see langword="null"/>.</returns>
    protected virtual Task<byte[]?> ReadStoredBytesAsync() => Task.FromResult<byte[]?>(null);

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = ScopeFor(OrganisationA);
        return await work(scope.ServiceProvider);
    }
}
