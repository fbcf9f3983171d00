using CoProduction.PeerReview;
using CoProduction.People;
using CoProduction.Primitives;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduction.Core.Tests.PeerReview;

/// <summary><see cref="PanelService"/>: registration, members and their records.</summary>
public sealed class PanelServiceTests
{
    private static CancellationToken Ct => ServiceWorld.Ct;

    [Fact]
    public async Task AddCoProduction_RegistersTheServicesAndStores()
    {
        await using var world = new ServiceWorld();

        world.Scope.GetRequiredService<PanelService>().Should().NotBeNull();
        world.Scope.GetRequiredService<ReviewSubmissionService>().Should().NotBeNull();
        world.Scope.GetRequiredService<PanelMeetingService>().Should().NotBeNull();
        CoProductionStores.Contracts.Should().Contain([typeof(IPanelStore), typeof(IReviewSubmissionStore), typeof(IPanelMeetingStore)]);
    }

    [Fact]
    public async Task AppointMember_UnknownParticipant_IsRefusedAndThePanelIsUnchanged()
    {
        await using var world = new ServiceWorld();
        var p = await ServicePanel.CreateAsync(world);

        var act = () => world.Panels.AppointMemberAsync(p.PanelId, ParticipantId.New(), PanelRole.PatientReviewer, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), Ct);

        (await act.Should().ThrowAsync<RecordNotFoundException>()).Which.Code.Should().Be(PeopleErrorCodes.ParticipantNotFound);
        (await world.PanelStore.FindAsync(p.PanelId, Ct))!.Members.Should().HaveCount(6);
    }

    [Fact]
    public async Task AppointMember_RolesThatDoNotFit_AreRefused()
    {
        await using var world = new ServiceWorld();
        var p = await ServicePanel.CreateAsync(world);
        var (start, end) = (new DateOnly(2028, 1, 1), new DateOnly(2028, 12, 31));

        var staffAsReviewer = () => world.Panels.AppointMemberAsync(p.PanelId, p.Lead, PanelRole.PatientReviewer, start, end, Ct);
        var patientAsFacilitator = () => world.Panels.AppointMemberAsync(p.PanelId, p.R1, PanelRole.StaffFacilitator, start, end, Ct);

        (await staffAsReviewer.Should().ThrowAsync<DomainRuleViolationException>()).Which.Code.Should().Be(PeerReviewErrorCodes.RoleMismatch);
        (await patientAsFacilitator.Should().ThrowAsync<DomainRuleViolationException>()).Which.Code.Should().Be(PeerReviewErrorCodes.RoleMismatch);
    }

    [Fact]
    public async Task AppointMember_ErasedParticipant_IsRefused()
    {
        await using var world = new ServiceWorld();
        var p = await ServicePanel.CreateAsync(world);
        var leaver = await world.RegisterAsync("Patient partner K", ParticipantRole.PatientPartner);
        var record = (await world.Participants.FindAsync(leaver, Ct))!;
        record.Erase(world.Clock);
        await world.Participants.UpdateAsync(record, Ct);

        var act = () => world.Panels.AppointMemberAsync(p.PanelId, leaver, PanelRole.PatientReviewer, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), Ct);

        (await act.Should().ThrowAsync<DomainRuleViolationException>()).Which.Code.Should().Be(PeopleErrorCodes.ParticipantErased);
    }
}
