using CoProduction.Programmes.Cohorts;
using CoProduction.Programmes;
using CoProduction.Core.Tests.TestSupport;
using CoProduction.Involvement;
using CoProduction.Involvement.Assessments;
using CoProduction.Involvement.Challenges;
using CoProduction.Involvement.Frameworks;
using CoProduction.Involvement.Projects;
using CoProduction.Payments;
using CoProduction.People;
using CoProduction.Primitives;
using CoProduction.Scoring;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduction.Core.Tests.Involvement;

public sealed class InvolvementServicesTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task ImportAsync_BadJson_IsRejectedAndNothingIsSaved()
    {
        await using var host = TestHost.CreatePaying();
        await using var scope = host.Scope();
        var service = scope.ServiceProvider.GetRequiredService<InvolvementFrameworkService>();
        var json = """{ "id": "ours", "name": "Ours", "version": "1", "source": "Trust", "levels": [ { "id": "a", "name": "A", "description": "A" }, { "id": "a", "name": "B", "description": "B" } ], "phases": [] }""";

        var exception = await FluentActions.Invoking(() => service.ImportAsync(json, None)).Should().ThrowAsync<FrameworkValidationException>();

        exception.Which.Errors.Select(e => (e.Path, e.Code)).Should().Equal(("$.phases", FrameworkValidationCodes.MissingPhases), ("$.levels[1].id", FrameworkValidationCodes.DuplicateId));
        (await scope.ServiceProvider.GetRequiredService<IInvolvementFrameworkStore>().ListAsync(None)).Should().BeEmpty();
    }

    [Fact]
    public async Task ImportAsync_ThenExportJson_RoundTripsAndPublishes()
    {
        await using var host = TestHost.CreatePaying();
        await using var scope = host.Scope();
        var service = scope.ServiceProvider.GetRequiredService<InvolvementFrameworkService>();
        var json = FrameworkJson.Serialize(InvolvementFramework.Adopt(host.TrustA, "ours", "Ours", "1", [FrameworkPresets.ArnsteinLadder, FrameworkPresets.ScieCoProductionPrinciples, FrameworkPresets.ExperienceBasedCoDesign], host.Clock).ToDefinition());

        var framework = await service.ImportAsync(json, None);
        await service.PublishAsync(framework.Id, None);

        (await service.ExportJsonAsync(framework.Id, None)).Should().Be(json);
        (await scope.ServiceProvider.GetRequiredService<IInvolvementFrameworkStore>().FindAsync(framework.Id, None))!.Status.Should().Be(FrameworkStatus.Published);
    }

    [Fact]
    public async Task StartAsync_LeadFromAnotherOrganisation_IsAnUnknownParticipant()
    {
        await using var host = TestHost.CreatePaying();
        ParticipantId outsider;
        await using (var other = host.Scope(host.TrustB))
        {
            outsider = (await other.ServiceProvider.GetRequiredService<ParticipantService>().RegisterAsync("Staff member Z", [ParticipantRole.Staff], None)).Id;
        }

        await using var scope = host.Scope();
        var framework = await PublishedAsync(scope);
        var projects = scope.ServiceProvider.GetRequiredService<ImprovementProjectService>();

        var exception = await FluentActions.Invoking(() => projects.StartAsync(framework.Id, "Discharge", "Shorter waits", "Acute medicine", outsider, new DateOnly(2025, 3, 1), None))
            .Should().ThrowAsync<RecordNotFoundException>();

        exception.Which.Code.Should().Be(PeopleErrorCodes.ParticipantNotFound);
        (await scope.ServiceProvider.GetRequiredService<IImprovementProjectStore>().ListAsync(null, None)).Should().BeEmpty();
    }

    [Fact]
    public async Task AddTeamMemberAsync_StaffAsPatientPartner_IsRefused()
    {
        await using var host = TestHost.CreatePaying();
        await using var scope = host.Scope();
        var (project, lead, _, _) = await StartedProjectAsync(scope);
        var projects = scope.ServiceProvider.GetRequiredService<ImprovementProjectService>();
        var staff = await scope.ServiceProvider.GetRequiredService<ParticipantService>().RegisterAsync("Staff member Y", [ParticipantRole.Staff], None);

        var exception = await FluentActions.Invoking(() => projects.AddTeamMemberAsync(project.Id, staff.Id, ProjectTeamRole.PatientPartner, true, new DateOnly(2025, 3, 5), None))
            .Should().ThrowAsync<DomainRuleViolationException>();

        exception.Which.Code.Should().Be(InvolvementErrorCodes.TeamRoleMismatch);
        (await scope.ServiceProvider.GetRequiredService<IImprovementProjectStore>().FindAsync(project.Id, None))!.Team.Should().ContainSingle(m => m.ParticipantId == lead);
    }

    [Fact]
    public async Task RecordInvolvementAsync_TakesLivedExperienceFromTheParticipantRecord()
    {
        await using var host = TestHost.CreatePaying();
        await using var scope = host.Scope();
        var (project, lead, partner, _) = await StartedProjectAsync(scope);
        var projects = scope.ServiceProvider.GetRequiredService<ImprovementProjectService>();

        var recordId = await projects.RecordInvolvementAsync(project.Id, new DateOnly(2025, 3, 10), "aim", "co-production", "Aim workshop", [partner, lead], None);

        var stored = await scope.ServiceProvider.GetRequiredService<IImprovementProjectStore>().FindAsync(project.Id, None);
        stored!.Records.Single(r => r.Id == recordId).Participants.Should().Equal(new InvolvedParticipant(partner, true), new InvolvedParticipant(lead, false));
        await FluentActions.Invoking(() => projects.RecordInvolvementAsync(project.Id, new DateOnly(2025, 3, 10), "aim", "co-production", "Aim workshop", [ParticipantId.New()], None))
            .Should().ThrowAsync<RecordNotFoundException>();
    }

    [Fact]
    public async Task AddTeamMemberAsync_ErasedParticipant_IsRefused()
    {
        await using var host = TestHost.CreatePaying();
        await using var scope = host.Scope();
        var (project, _, _, _) = await StartedProjectAsync(scope);
        var people = scope.ServiceProvider.GetRequiredService<ParticipantService>();
        var gone = await people.RegisterAsync("Patient partner G", [ParticipantRole.PatientPartner], None);
        await people.EraseAsync(gone.Id, None);

        var exception = await FluentActions.Invoking(() => scope.ServiceProvider.GetRequiredService<ImprovementProjectService>().AddTeamMemberAsync(project.Id, gone.Id, ProjectTeamRole.PatientPartner, true, new DateOnly(2025, 3, 5), None))
            .Should().ThrowAsync<DomainRuleViolationException>();

        exception.Which.Code.Should().Be(PeopleErrorCodes.ParticipantErased);
    }

    [Fact]
    public async Task SubjectAccessExport_IncludesTeamPlacesInvolvementAndRatings()
    {
        await using var host = TestHost.CreatePaying();
        await using var scope = host.Scope();
        var (project, _, partner, _) = await StartedProjectAsync(scope);
        var projects = scope.ServiceProvider.GetRequiredService<ImprovementProjectService>();
        var record = await projects.RecordInvolvementAsync(project.Id, new DateOnly(2025, 3, 10), "aim", "co-design", "Aim workshop", [partner], None);
        await projects.RecordFeedbackAsync(project.Id, record, new DateOnly(2025, 3, 12), "We changed the aim after your comments", None);
        var assessments = scope.ServiceProvider.GetRequiredService<AssessmentService>();
        var assessment = await assessments.OpenForProjectAsync(project.Id, "Spring review", None);
        await assessments.DeclareAssessorAsync(assessment.Id, partner, AssessorPerspective.PatientPartner, None);
        await assessments.RateAsync(assessment.Id, partner, "ukspi-co-plain", 1, "Too many acronyms in the minutes", None);

        var json = (await scope.ServiceProvider.GetRequiredService<ParticipantService>().ExportAsync(partner, None)).ToJson();

        json.Should().Contain("improvementProjects").And.Contain("Discharge letters").And.Contain("Aim workshop")
            .And.Contain("We changed the aim after your comments").And.Contain("Too many acronyms in the minutes").And.Contain("PatientPartner");
    }

    [Fact]
    public async Task DeclareAssessorAsync_PerspectiveNotMatchingTheRole_IsRefused()
    {
        await using var host = TestHost.CreatePaying();
        await using var scope = host.Scope();
        var (project, lead, _, _) = await StartedProjectAsync(scope);
        var assessments = scope.ServiceProvider.GetRequiredService<AssessmentService>();
        var assessment = await assessments.OpenForProjectAsync(project.Id, "Spring review", None);

        var exception = await FluentActions.Invoking(() => assessments.DeclareAssessorAsync(assessment.Id, lead, AssessorPerspective.PatientPartner, None))
            .Should().ThrowAsync<DomainRuleViolationException>();

        exception.Which.Code.Should().Be(InvolvementErrorCodes.TeamRoleMismatch);
    }

    [Fact]
    public async Task Portfolio_EndToEnd_ScoresScansAnalysesAndReports()
    {
        await using var host = TestHost.CreatePaying();
        await using var scope = host.Scope();
        var services = scope.ServiceProvider;
        var (project, lead, partner, carer) = await StartedProjectAsync(scope);
        var projects = services.GetRequiredService<ImprovementProjectService>();
        var payments = services.GetRequiredService<PaymentService>();

        // A claim submitted on 2025-04-01 and never paid.
        var claim = await payments.SubmitClaimAsync(partner, [], [new Expense(ExpenseKind.Travel, 8.20m, true, "Bus fares")], None);
        await projects.PlanInvolvementAsync(project.Id, "aim", "co-production", "Patient partner A and carer B", "Core team", None);
        var record = await projects.RecordInvolvementAsync(project.Id, new DateOnly(2025, 3, 10), "aim", "co-production", "Aim workshop", [partner, carer, lead], None);
        await projects.RecordFeedbackAsync(project.Id, record, new DateOnly(2025, 3, 20), "You said discharge letters confuse people; we rewrote them with you.", None);
        await projects.MoveToPhaseAsync(project.Id, "do", None);
        var measure = await projects.DefineMeasureAsync(project.Id, "Understood discharge letter", MeasureType.Outcome, true, ImprovementDirection.Increase, "%", None);
        host.Clock.SetUtcNow(new DateTimeOffset(2025, 7, 14, 9, 0, 0, TimeSpan.Zero));
        var start = new DateOnly(2025, 3, 3);
        await projects.RecordMeasureValuesAsync(project.Id, measure, [.. Enumerable.Range(0, 19).Select(i => (start.AddDays(7 * i), i < 12 ? 50.0 + (2 * (i % 2)) : 60.0))], None);
        await projects.RecordChangeIntroducedAsync(project.Id, measure, start.AddDays(7 * 12), None);

        var assessments = services.GetRequiredService<AssessmentService>();
        var assessment = await assessments.OpenForProjectAsync(project.Id, "Summer review", None);
        await assessments.DeclareAssessorAsync(assessment.Id, lead, AssessorPerspective.Staff, None);
        await assessments.DeclareAssessorAsync(assessment.Id, partner, AssessorPerspective.PatientPartner, None);
        await assessments.RateAsync(assessment.Id, lead, "ukspi-co-feedback", 3, null, None);
        await assessments.RateAsync(assessment.Id, partner, "ukspi-co-feedback", 1, "Only once", None);
        var result = await assessments.ScoreAsync(assessment.Id, None);

        // Staff 3/3 = 100, patient partner 1/3 = 33.33: gap 66.67 on Communications (the only standard rated).
        result.OverallGap.Gap.Should().BeApproximately(200.0 / 3, 1e-9);
        result.Ladder!.Phases[0].Comparison.Should().Be(PlanComparison.MetOrExceeded);

        var portfolio = services.GetRequiredService<InvolvementPortfolioService>();
        var scan = await portfolio.ScanChallengesAsync(None);
        // 2025-04-01 to 2025-07-14 is 104 days unpaid, beyond the default 30-day target.
        scan.Projects.Single().Findings.Should().ContainSingle().Which.Should().Match<ChallengeFinding>(f => f.Rule == ChallengeRule.PaymentClaimOverdue && f.Evidence.Single() == claim.Id.Value);

        var impact = await portfolio.AnalyseImpactAsync(project.Id, None);
        impact.PatientExperienceImproved.Should().BeTrue();
        impact.PatientExperienceSustained.Should().BeTrue();

        var byLevel = (await portfolio.AnalysePortfolioImpactAsync(None)).ByLevel.Should().ContainSingle().Which;
        (byLevel.Label, byLevel.Improved).Should().Be(("Co-production", 1));

        var markdown = (await portfolio.BuildInternalGripp2ReportAsync(project.Id, "Carers joined once meetings moved to the evening.", None)).ToMarkdown();
        markdown.Should().Contain("You said discharge letters confuse people").And.Contain("Carers joined once meetings moved to the evening.").And.Contain("beyond the 30-day target");
    }

    [Fact]
    public async Task ReviseInvolvementPlanAsync_AfterTheWork_CannotMakeThePlanMet_AndGripp2ShowsBaselineAndRevision()
    {
        await using var host = TestHost.CreatePaying();
        await using var scope = host.Scope();
        var services = scope.ServiceProvider;
        var (project, lead, partner, _) = await StartedProjectAsync(scope);
        var projects = services.GetRequiredService<ImprovementProjectService>();
        await projects.PlanInvolvementAsync(project.Id, "do", "co-production", "Patient partner A", "Runs the test with the team", None);
        await projects.MoveToPhaseAsync(project.Id, "do", None);
        await projects.RecordInvolvementAsync(project.Id, new DateOnly(2025, 3, 10), "do", "informing", "Leaflet about the test", [partner, lead], None);

        var rewrite = () => projects.PlanInvolvementAsync(project.Id, "do", "informing", "Patients", "A leaflet", None);
        (await rewrite.Should().ThrowAsync<DomainRuleViolationException>()).Which.Code.Should().Be(InvolvementErrorCodes.PlanBaselined);
        await projects.ReviseInvolvementPlanAsync(project.Id, "do", "informing", "Patients on the ward", "A leaflet", "the partners could not join the test dates", None);

        var portfolio = services.GetRequiredService<InvolvementPortfolioService>();
        var report = await portfolio.BuildInternalGripp2ReportAsync(project.Id, null, None);
        var markdown = report.ToMarkdown();
        var stored = await projects.FindAsync(project.Id, None);
        stored!.PlanHistory.Select(p => p.Kind).Should().Equal(PlanEntryKind.Baseline, PlanEntryKind.Revision);
        markdown.Should().Contain("Do: planned 'Co-production', reached 'Informing' (below plan).")
            .And.Contain("The plan was revised after work began, to 'Informing'")
            .And.Contain("the partners could not join the test dates")
            .And.NotContain("(plan met)");
    }

    [Fact]
    public async Task LinkCohortTeamAsync_UnknownCohortOrTeam_IsRefused_AndARealTeamIsLinked()
    {
        await using var host = TestHost.CreatePaying();
        await using var scope = host.Scope();
        var services = scope.ServiceProvider;
        var (project, _, partner, carer) = await StartedProjectAsync(scope);
        var projects = services.GetRequiredService<ImprovementProjectService>();
        var programmes = services.GetRequiredService<ProgrammeService>();
        var programme = (await programmes.CreateAsync("Co-Production for Improvement", "Teams learn with patients", "First version", [new CurriculumModule("M1", "What co-production is", ["Explain co-production"], TimeSpan.FromHours(3), DeliveryMode.InPerson)], [new CoDesigner(partner, "Shaped it")], None)).Id;
        var cohorts = services.GetRequiredService<CohortService>();
        var today = DateOnly.FromDateTime(host.Clock.GetUtcNow().UtcDateTime);
        var cohort = (await cohorts.PlanAsync(programme, 1, "Cohort 1", today, today.AddDays(200), None)).Id;
        await cohorts.OpenRecruitmentAsync(cohort, None);
        var team = await cohorts.EnrolTeamAsync(cohort, "Ward 7", "Better letters", [partner, carer], None);

        var unknownCohort = () => projects.LinkCohortTeamAsync(project.Id, CohortId.New(), team, None);
        var unknownTeam = () => projects.LinkCohortTeamAsync(project.Id, cohort, CohortTeamId.New(), None);

        (await unknownCohort.Should().ThrowAsync<RecordNotFoundException>()).Which.Code.Should().Be(ProgrammeErrorCodes.CohortNotFound);
        (await unknownTeam.Should().ThrowAsync<RecordNotFoundException>()).Which.Code.Should().Be(ProgrammeErrorCodes.TeamNotFound);
        var linked = await projects.LinkCohortTeamAsync(project.Id, cohort, team, None);
        (linked.OriginCohortId, linked.OriginCohortTeamId).Should().Be((cohort, team));
    }

    [Fact]
    public async Task FindByKeyAsync_KeyAndVersion_FindTheFramework_AndASecondWithTheSameKeyAndVersionIsRefused()
    {
        await using var host = TestHost.CreatePaying();
        await using var scope = host.Scope();
        var frameworks = scope.ServiceProvider.GetRequiredService<InvolvementFrameworkService>();
        var adopted = await frameworks.AdoptAsync("trust", "Trust framework", "2025.1", [FrameworkPresets.TlapLadderOfCoProduction, FrameworkPresets.ModelForImprovement], None);
        var revision = await frameworks.CreateRevisionAsync(adopted.Id, "2026.1", None);

        (await frameworks.FindByKeyAsync("trust", "2025.1", None))!.Id.Should().Be(adopted.Id);
        (await frameworks.FindByKeyAsync("trust", "2026.1", None))!.Id.Should().Be(revision.Id);
        (await frameworks.FindByKeyAsync("trust", "2027.1", None)).Should().BeNull();
        var again = () => frameworks.AdoptAsync("trust", "Another trust framework", "2025.1", [FrameworkPresets.Iap2Spectrum, FrameworkPresets.ModelForImprovement], None);
        var refusal = (await again.Should().ThrowAsync<DomainRuleViolationException>()).Which;
        (refusal.Code, refusal.Kind).Should().Be((InvolvementErrorCodes.FrameworkVersionExists, ErrorKind.Conflict));
    }

    private static async Task<InvolvementFramework> PublishedAsync(AsyncServiceScope scope)
    {
        var service = scope.ServiceProvider.GetRequiredService<InvolvementFrameworkService>();
        var framework = await service.AdoptAsync("trust", "Trust framework", "2025.1", [FrameworkPresets.TlapLadderOfCoProduction, FrameworkPresets.UkStandardsForPublicInvolvement, FrameworkPresets.ModelForImprovement], None);
        return await service.PublishAsync(framework.Id, None);
    }

    private static async Task<(ImprovementProject Project, ParticipantId Lead, ParticipantId Partner, ParticipantId Carer)> StartedProjectAsync(AsyncServiceScope scope)
    {
        var people = scope.ServiceProvider.GetRequiredService<ParticipantService>();
        var lead = await people.RegisterAsync("Staff member X", [ParticipantRole.Staff], None);
        var partner = await people.RegisterAsync("Patient partner A", [ParticipantRole.PatientPartner], None);
        var carer = await people.RegisterAsync("Carer B", [ParticipantRole.Carer], None);
        var framework = await PublishedAsync(scope);
        var projects = scope.ServiceProvider.GetRequiredService<ImprovementProjectService>();
        var project = await projects.StartAsync(framework.Id, "Discharge letters", "Letters patients understand", "Acute medicine", lead.Id, new DateOnly(2025, 3, 1), None);
        await projects.AddTeamMemberAsync(project.Id, partner.Id, ProjectTeamRole.PatientPartner, true, new DateOnly(2025, 3, 2), None);
        await projects.AddTeamMemberAsync(project.Id, carer.Id, ProjectTeamRole.Carer, true, new DateOnly(2025, 3, 2), None);
        return (project, lead.Id, partner.Id, carer.Id);
    }
}
