using CoProduction.Core.Tests.TestSupport;
using CoProduction.Payments;
using CoProduction.People;
using CoProduction.Primitives;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduction.Core.Tests.Payments;

public sealed class PaymentServiceReadTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task GetClaimAsync_StoredClaim_ReturnsItAndTheListsFindIt()
    {
        await using var host = TestHost.CreatePaying();
        await using var scope = host.Scope();
        var (payments, partner, staff) = await ArrangeAsync(scope);
        var activity = await payments.RecordActivityAsync(partner.Id, InvolvementActivityKind.PanelMeeting, new DateOnly(2025, 3, 28), TimeSpan.FromHours(2), "Partner", "Panel meeting", null, None);
        var claim = await payments.SubmitClaimAsync(partner.Id, [activity.Id], [], None);

        (await payments.GetClaimAsync(claim.Id, None)).Total.Should().Be(claim.Total);
        (await payments.FindClaimAsync(claim.Id, None))!.Id.Should().Be(claim.Id);
        (await payments.ListClaimsForParticipantAsync(partner.Id, None)).Select(c => c.Id).Should().Equal(claim.Id);
        (await payments.ListClaimsForParticipantAsync(staff.Id, None)).Should().BeEmpty();
        (await payments.ListClaimsByStatusAsync(PaymentClaimStatus.Submitted, None)).Select(c => c.Id).Should().Equal(claim.Id);
        (await payments.ListClaimsByStatusAsync(PaymentClaimStatus.Paid, None)).Should().BeEmpty();
        (await payments.ListActivitiesForParticipantAsync(partner.Id, None)).Select(a => a.Id).Should().Equal(activity.Id);
    }

    [Fact]
    public async Task GetClaimAsync_UnknownClaim_IsNotFoundAndFindReturnsNull()
    {
        await using var host = TestHost.CreatePaying();
        await using var scope = host.Scope();
        var payments = scope.ServiceProvider.GetRequiredService<PaymentService>();
        var unknown = PaymentClaimId.New();

        var act = () => payments.GetClaimAsync(unknown, None);

        (await act.Should().ThrowAsync<RecordNotFoundException>()).Which.Code.Should().Be(PaymentErrorCodes.ClaimNotFound);
        (await payments.FindClaimAsync(unknown, None)).Should().BeNull();
    }

    [Fact]
    public async Task GetClaimAsync_EmptyIdAndListClaimsByStatusAsync_UndefinedStatus_AreInvalidInput()
    {
        await using var host = TestHost.CreatePaying();
        await using var scope = host.Scope();
        var payments = scope.ServiceProvider.GetRequiredService<PaymentService>();

        var empty = () => payments.GetClaimAsync(default, None);
        var status = () => payments.ListClaimsByStatusAsync((PaymentClaimStatus)99, None);

        await empty.Should().ThrowAsync<InvalidInputException>();
        await status.Should().ThrowAsync<InvalidInputException>();
    }

    private static async Task<(PaymentService Payments, Participant Partner, Participant Staff)> ArrangeAsync(AsyncServiceScope scope)
    {
        var people = scope.ServiceProvider.GetRequiredService<ParticipantService>();
        var partner = await people.RegisterAsync("Patient partner A", [ParticipantRole.PatientPartner], None);
        var staff = await people.RegisterAsync("Participation lead D", [ParticipantRole.Staff], None);
        return (scope.ServiceProvider.GetRequiredService<PaymentService>(), partner, staff);
    }
}
