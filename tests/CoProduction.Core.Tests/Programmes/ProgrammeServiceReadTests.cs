using CoProduction.Programmes.Evaluation;
using CoProduction.Programmes.Readiness;
using CoProduction.Storage;

namespace CoProduction.Core.Tests.Programmes;

/// <summary>The Programmes area's lists: programmes, readiness assessments, questionnaires and a programme's cohorts.</summary>
public sealed class ProgrammeServiceReadTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task ListAsync_PagesTheOrganisationsProgrammesOnly()
    {
        await using var world = ServiceWorld.Create();
        var programmeId = await world.ProgrammeAsync(await world.RegisterAsync("Patient partner A", CoProduction.People.ParticipantRole.PatientPartner));
        var theirPartner = await world.RegisterInOtherTrustAsync("Patient partner Z", CoProduction.People.ParticipantRole.PatientPartner);
        await using (var other = world.Host.Scope(world.Host.TrustB))
        {
            var otherProgrammes = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<CoProduction.Programmes.ProgrammeService>(other.ServiceProvider);
            await otherProgrammes.CreateAsync("Another trust's programme", "Theirs", "First version", ProgrammeTestData.ModulesV1, [new CoProduction.Programmes.CoDesigner(theirPartner, "Shaped it")], None);
        }

        var page = await world.Programmes.ListAsync(default, None);

        page.TotalCount.Should().Be(1, "Trust B's programme is not Trust A's to see");
        page.Items.Select(p => p.Id).Should().Equal(programmeId);
    }

    [Fact]
    public async Task ListReadinessAssessmentsAsync_PagesTheAssessments()
    {
        await using var world = ServiceWorld.Create();
        var first = await world.Programmes.StartReadinessAssessmentAsync("Before cohort 1", null, ReadinessChecklist.Default, None);
        var second = await world.Programmes.StartReadinessAssessmentAsync("Before cohort 2", null, ReadinessChecklist.Default, None);

        var page = await world.Programmes.ListReadinessAssessmentsAsync(PageRequest.First(1), None);

        page.TotalCount.Should().Be(2);
        page.Items.Should().ContainSingle();
        page.HasNextPage.Should().BeTrue();
        (await world.Programmes.ListReadinessAssessmentsAsync(default, None)).Items.Select(a => a.Id).Should().BeEquivalentTo([first.Id, second.Id]);
    }

    [Fact]
    public async Task ListQuestionnairesAsync_ListsTheCreatedQuestionnaires()
    {
        await using var world = ServiceWorld.Create();
        var questionnaire = await world.Evaluation.CreateQuestionnaireAsync("Confidence", 1, 5, [new LikertItem("confidence", "I feel confident to co-produce")], None);

        var page = await world.Evaluation.ListQuestionnairesAsync(default, None);

        page.Items.Should().ContainSingle().Which.Id.Should().Be(questionnaire.Id);
    }

    [Fact]
    public async Task ListByProgrammeAsync_ListsThatProgrammesCohortsOnly()
    {
        await using var world = ServiceWorld.Create();
        var partner = await world.RegisterAsync("Patient partner A", CoProduction.People.ParticipantRole.PatientPartner);
        var programmeId = await world.ProgrammeAsync(partner);
        var otherId = (await world.Programmes.CreateAsync("Another programme", "Another aim", "First version", ProgrammeTestData.ModulesV1, [new CoProduction.Programmes.CoDesigner(partner, "Shaped it")], None)).Id;
        var cohort = await world.Cohorts.PlanAsync(programmeId, 1, "Cohort 1", ServiceWorld.CohortStart, ServiceWorld.CohortEnd, None);
        await world.Cohorts.PlanAsync(otherId, 1, "Cohort A", ServiceWorld.CohortStart, ServiceWorld.CohortEnd, None);

        var cohorts = await world.Cohorts.ListByProgrammeAsync(programmeId, None);

        cohorts.Select(c => c.Id).Should().Equal(cohort.Id);
    }
}
