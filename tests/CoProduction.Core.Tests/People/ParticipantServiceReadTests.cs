using CoProduction.Core.Tests.TestSupport;
using CoProduction.People;
using CoProduction.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduction.Core.Tests.People;

public sealed class ParticipantServiceReadTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task FindAsync_KnownAndUnknown_ReturnsTheParticipantOrNull()
    {
        await using var host = TestHost.Create();
        await using var scope = host.Scope();
        var people = scope.ServiceProvider.GetRequiredService<ParticipantService>();
        var partner = await people.RegisterAsync("Patient partner A", [ParticipantRole.PatientPartner], None);

        (await people.FindAsync(partner.Id, None))!.FullName.Should().Be("Patient partner A");
        (await people.FindAsync(ParticipantId.New(), None)).Should().BeNull();
    }

    [Fact]
    public async Task ListAsync_PagesTheOrganisationsParticipantsOnly()
    {
        await using var host = TestHost.Create();
        await using var scope = host.Scope();
        var people = scope.ServiceProvider.GetRequiredService<ParticipantService>();
        var a = await people.RegisterAsync("Patient partner A", [ParticipantRole.PatientPartner], None);
        var b = await people.RegisterAsync("Carer B", [ParticipantRole.Carer], None);
        await using (var other = host.Scope(host.TrustB))
        {
            await other.ServiceProvider.GetRequiredService<ParticipantService>().RegisterAsync("Patient partner Z", [ParticipantRole.PatientPartner], None);
        }

        var page = await people.ListAsync(PageRequest.First(1), None);

        var next = await people.ListAsync(PageRequest.First(1).Next(), None);

        page.TotalCount.Should().Be(2);
        page.Items.Should().ContainSingle();
        next.Items.Should().ContainSingle();
        page.Items.Concat(next.Items).Select(p => p.Id).Should().BeEquivalentTo([a.Id, b.Id], "ids made in the same millisecond of the test clock tie, so the order within it is fixed but not the order of creation");
    }
}
