using CoProduction.Core.Tests.TestSupport;
using CoProduction.Involvement;
using CoProduction.Involvement.Assessments;
using CoProduction.Involvement.Frameworks;
using CoProduction.Involvement.Projects;
using CoProduction.People;
using CoProduction.Primitives;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduction.Core.Tests.Involvement.Assessments;

public sealed class AssessmentServiceReadTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task GetAsync_And_ListForProjectAsync_ReadWhatWasOpened()
    {
        await using var host = TestHost.Create();
        await using var scope = host.Scope();
        var (projects, framework) = await ArrangeAsync(scope);
        var lead = await scope.ServiceProvider.GetRequiredService<ParticipantService>().RegisterAsync("Staff member X", [ParticipantRole.Staff], None);
        var project = await projects.StartAsync(framework, "Discharge letters", "Letters patients understand", "Acute medicine", lead.Id, new DateOnly(2025, 3, 1), None);
        var other = await projects.StartAsync(framework, "Outpatient clinic", "Shorter waits", "Outpatients", lead.Id, new DateOnly(2025, 3, 1), None);
        var assessments = scope.ServiceProvider.GetRequiredService<AssessmentService>();
        var spring = await assessments.OpenForProjectAsync(project.Id, "Spring review", None);
        await assessments.OpenForProjectAsync(other.Id, "Other review", None);

        (await assessments.GetAsync(spring.Id, None)).Title.Should().Be("Spring review");
        (await assessments.FindAsync(spring.Id, None))!.Id.Should().Be(spring.Id);
        (await assessments.ListForProjectAsync(project.Id, None)).Select(a => a.Id).Should().Equal(spring.Id);
        (await projects.ListAsync(default, None)).Items.Select(p => p.Id).Should().BeEquivalentTo([project.Id, other.Id]);
    }

    [Fact]
    public async Task GetAsync_UnknownOrEmptyId_IsRefusedAndFindReturnsNull()
    {
        await using var host = TestHost.Create();
        await using var scope = host.Scope();
        var assessments = scope.ServiceProvider.GetRequiredService<AssessmentService>();
        var unknown = AssessmentId.New();

        var act = () => assessments.GetAsync(unknown, None);
        var empty = () => assessments.GetAsync(default, None);

        (await act.Should().ThrowAsync<RecordNotFoundException>()).Which.Code.Should().Be(InvolvementErrorCodes.AssessmentNotFound);
        await empty.Should().ThrowAsync<InvalidInputException>();
        (await assessments.FindAsync(unknown, None)).Should().BeNull();
    }

    private static async Task<(ImprovementProjectService Projects, InvolvementFrameworkId Framework)> ArrangeAsync(AsyncServiceScope scope)
    {
        var service = scope.ServiceProvider.GetRequiredService<InvolvementFrameworkService>();
        var framework = await service.AdoptAsync("trust", "Trust framework", "2025.1", [FrameworkPresets.TlapLadderOfCoProduction, FrameworkPresets.UkStandardsForPublicInvolvement, FrameworkPresets.ModelForImprovement], None);
        await service.PublishAsync(framework.Id, None);
        return (scope.ServiceProvider.GetRequiredService<ImprovementProjectService>(), framework.Id);
    }
}
