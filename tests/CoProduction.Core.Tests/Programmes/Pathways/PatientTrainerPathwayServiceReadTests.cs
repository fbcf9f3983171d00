using CoProduction.Primitives;
using CoProduction.People;
using CoProduction.Programmes;
using CoProduction.Programmes.Pathways;
using CoProduction.Storage;

namespace CoProduction.Core.Tests.Programmes.Pathways;

public sealed class PatientTrainerPathwayServiceReadTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task GetAsync_StoredPathway_ReturnsItAndFindAgrees()
    {
        await using var world = ServiceWorld.Create();
        var partner = await world.RegisterAsync("Patient partner A", ParticipantRole.PatientPartner);
        var started = await world.Pathways.StartAsync(partner, new DateOnly(2025, 3, 1), None);

        var got = await world.Pathways.GetAsync(started.Id, None);

        got.ParticipantId.Should().Be(partner);
        (await world.Pathways.FindAsync(started.Id, None))!.Id.Should().Be(started.Id);
    }

    [Fact]
    public async Task GetAsync_UnknownOrOtherTrustsPathway_IsNotFoundAndFindReturnsNull()
    {
        await using var world = ServiceWorld.Create();
        var unknown = PatientTrainerPathwayId.New();

        var act = () => world.Pathways.GetAsync(unknown, None);

        (await act.Should().ThrowAsync<RecordNotFoundException>()).Which.Code.Should().Be(ProgrammeErrorCodes.PathwayNotFound);
        (await world.Pathways.FindAsync(unknown, None)).Should().BeNull();
    }

    [Fact]
    public async Task GetAsync_EmptyId_IsInvalidInput()
    {
        await using var world = ServiceWorld.Create();

        var act = () => world.Pathways.GetAsync(default, None);

        await act.Should().ThrowAsync<InvalidInputException>();
    }

    [Fact]
    public async Task ListAsync_PagesEveryPathwayOnce()
    {
        await using var world = ServiceWorld.Create();
        var ids = new List<PatientTrainerPathwayId>();
        foreach (var name in new[] { "Patient partner A", "Patient partner B", "Patient partner C" })
        {
            ids.Add((await world.Pathways.StartAsync(await world.RegisterAsync(name, ParticipantRole.PatientPartner), new DateOnly(2025, 3, 1), None)).Id);
        }

        var first = await world.Pathways.ListAsync(PageRequest.First(2), None);
        var second = await world.Pathways.ListAsync(PageRequest.First(2).Next(), None);

        first.TotalCount.Should().Be(3);
        first.Items.Should().HaveCount(2);
        first.Items.Concat(second.Items).Select(p => p.Id).Should().BeEquivalentTo(ids, "ids made in one millisecond of the test clock tie, so only the pages' contents are certain");
    }

    [Fact]
    public async Task ListAtStageAsync_ReturnsOnlyThatStage()
    {
        await using var world = ServiceWorld.Create();
        var observer = await world.TrainerAsync("Patient partner A", PathwayStage.Observer);
        var lead = await world.TrainerAsync("Patient partner B", PathwayStage.LeadTrainer);

        (await world.Pathways.ListAtStageAsync(PathwayStage.Observer, None)).Select(p => p.ParticipantId).Should().Equal(observer);
        (await world.Pathways.ListAtStageAsync(PathwayStage.LeadTrainer, None)).Select(p => p.ParticipantId).Should().Equal(lead);
    }

    [Fact]
    public async Task ListAtStageAsync_UndefinedStage_IsInvalidInput()
    {
        await using var world = ServiceWorld.Create();

        var act = () => world.Pathways.ListAtStageAsync((PathwayStage)99, None);

        await act.Should().ThrowAsync<InvalidInputException>();
    }
}
