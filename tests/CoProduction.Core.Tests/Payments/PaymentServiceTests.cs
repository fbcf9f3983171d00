using CoProduction.Core.Tests.TestSupport;
using CoProduction.Payments;
using CoProduction.People;
using CoProduction.Primitives;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduction.Core.Tests.Payments;

public sealed class PaymentServiceTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task SubmitClaimAsync_ActivityAlreadyOnALiveClaim_RefusedAndNothingStored()
    {
        await using var host = TestHost.CreatePaying();
        await using var scope = host.Scope();
        var (payments, partner, staff) = await ArrangeAsync(scope);
        var activity = await payments.RecordActivityAsync(partner.Id, InvolvementActivityKind.PanelMeeting, new DateOnly(2025, 3, 28), TimeSpan.FromHours(2), "Partner", "Panel meeting", null, None);
        var first = await payments.SubmitClaimAsync(partner.Id, [activity.Id], [], None);

        var act = () => payments.SubmitClaimAsync(partner.Id, [activity.Id], [], None);

        (await act.Should().ThrowAsync<DomainRuleViolationException>()).Which.Code.Should().Be(PaymentErrorCodes.ActivityAlreadyClaimed);
        (await scope.ServiceProvider.GetRequiredService<IPaymentClaimStore>().ListForParticipantAsync(partner.Id, None)).Should().ContainSingle();

        await payments.ActingAs(scope, staff.Id).RejectClaimAsync(first.Id, "Wrong month", None);
        var again = await payments.SubmitClaimAsync(partner.Id, [activity.Id], [], None);
        again.Total.Should().Be(40.00m, "after a rejection the activity may be claimed again: 2 h x 20");
    }

    [Fact]
    public async Task RecordActivityAsync_UnknownParticipantOrLevel_ClearErrorsNothingStored()
    {
        await using var host = TestHost.CreatePaying();
        await using var scope = host.Scope();
        var (payments, partner, _) = await ArrangeAsync(scope);

        var unknown = () => payments.RecordActivityAsync(ParticipantId.New(), InvolvementActivityKind.Other, new DateOnly(2025, 3, 28), TimeSpan.FromHours(1), "Partner", "Meeting", null, None);
        var level = () => payments.RecordActivityAsync(partner.Id, InvolvementActivityKind.Other, new DateOnly(2025, 3, 28), TimeSpan.FromHours(1), "Chair", "Meeting", null, None);

        (await unknown.Should().ThrowAsync<RecordNotFoundException>()).Which.Code.Should().Be(PeopleErrorCodes.ParticipantNotFound);
        (await level.Should().ThrowAsync<DomainRuleViolationException>()).Which.Code.Should().Be(PaymentErrorCodes.UnknownRoleLevel);
        (await scope.ServiceProvider.GetRequiredService<IInvolvementActivityStore>().ListForParticipantAsync(partner.Id, None)).Should().BeEmpty();
    }

    [Fact]
    public async Task GetOutstandingClaimsAsync_ListsUnpaidClaimsLongestFirstFlaggingOverdue()
    {
        await using var host = TestHost.CreatePaying(o => o.Payments.PaymentTargetDays = 30);
        await using var scope = host.Scope();
        var (payments, partner, staff) = await ArrangeAsync(scope);
        async Task<PaymentClaim> ClaimAsync(int day)
        {
            var activity = await payments.RecordActivityAsync(partner.Id, InvolvementActivityKind.ProjectMeeting, new DateOnly(2025, 3, day), TimeSpan.FromHours(1), "Partner", "Project meeting", null, None);
            return await payments.SubmitClaimAsync(partner.Id, [activity.Id], [], None);
        }

        var old = await ClaimAsync(1); // submitted on day 0
        host.Clock.Advance(TimeSpan.FromDays(20));
        var approved = await ClaimAsync(2); // day 20, then approved
        await payments.ActingAs(scope, staff.Id).ApproveClaimAsync(approved.Id, None);
        var paid = await ClaimAsync(3); // day 20, approved and paid
        await payments.ActingAs(scope, staff.Id).ApproveClaimAsync(paid.Id, None);
        await payments.ActingAs(scope, staff.Id).MarkClaimPaidAsync(paid.Id, "BACS-1", None);
        host.Clock.Advance(TimeSpan.FromDays(15)); // now day 35

        var ageing = await payments.GetOutstandingClaimsAsync(None);

        ageing.Select(a => (a.ClaimId, a.DaysOutstanding, a.IsOverdue, a.Status)).Should().Equal(
            (old.Id, 35, true, PaymentClaimStatus.Submitted),
            (approved.Id, 15, false, PaymentClaimStatus.Approved));
    }

    [Fact]
    public async Task CancelActivityAsync_OnLiveClaim_Refused()
    {
        await using var host = TestHost.CreatePaying();
        await using var scope = host.Scope();
        var (payments, partner, _) = await ArrangeAsync(scope);
        var activity = await payments.RecordActivityAsync(partner.Id, InvolvementActivityKind.PanelMeeting, new DateOnly(2025, 3, 28), TimeSpan.FromHours(2), "Partner", "Panel meeting", null, None);
        await payments.SubmitClaimAsync(partner.Id, [activity.Id], [], None);

        var act = () => payments.CancelActivityAsync(activity.Id, None);

        (await act.Should().ThrowAsync<DomainRuleViolationException>()).Which.Code.Should().Be(PaymentErrorCodes.ActivityClaimed);
        (await scope.ServiceProvider.GetRequiredService<IInvolvementActivityStore>().FindAsync(activity.Id, None))!.IsCancelled.Should().BeFalse();
    }

    [Fact]
    public async Task DecideClaim_ByTheClaimant_RefusedWithSelfDecision()
    {
        await using var host = TestHost.CreatePaying();
        await using var scope = host.Scope();
        var (payments, _, staff) = await ArrangeAsync(scope);
        // A member of staff who claims (for a task outside their job) may not decide their own claim.
        var activity = await payments.RecordActivityAsync(staff.Id, InvolvementActivityKind.PanelMeeting, new DateOnly(2025, 3, 28), TimeSpan.FromHours(2), "Partner", "Panel meeting", null, None);
        var claim = await payments.SubmitClaimAsync(staff.Id, [activity.Id], [], None);

        var approve = () => payments.ActingAs(scope, staff.Id).ApproveClaimAsync(claim.Id, None);
        var reject = () => payments.ActingAs(scope, staff.Id).RejectClaimAsync(claim.Id, "Not needed", None);

        (await approve.Should().ThrowAsync<DomainRuleViolationException>()).Which.Code.Should().Be(PaymentErrorCodes.SelfDecision);
        (await reject.Should().ThrowAsync<DomainRuleViolationException>()).Which.Code.Should().Be(PaymentErrorCodes.SelfDecision);
        (await scope.ServiceProvider.GetRequiredService<IPaymentClaimStore>().FindAsync(claim.Id, None))!.Status.Should().Be(PaymentClaimStatus.Submitted);
    }

    [Fact]
    public async Task DecideClaim_BySomeoneWithoutADeciderRole_RefusedUntilTheRoleIsConfigured()
    {
        await using var host = TestHost.CreatePaying();
        await using var scope = host.Scope();
        var (payments, partner, staff) = await ArrangeAsync(scope);
        var other = await scope.ServiceProvider.GetRequiredService<ParticipantService>().RegisterAsync("Patient partner B", [ParticipantRole.PatientPartner], None);
        var activity = await payments.RecordActivityAsync(partner.Id, InvolvementActivityKind.PanelMeeting, new DateOnly(2025, 3, 28), TimeSpan.FromHours(2), "Partner", "Panel meeting", null, None);
        var claim = await payments.SubmitClaimAsync(partner.Id, [activity.Id], [], None);

        var approve = () => payments.ActingAs(scope, other.Id).ApproveClaimAsync(claim.Id, None);

        (await approve.Should().ThrowAsync<DomainRuleViolationException>()).Which.Code.Should().Be(PaymentErrorCodes.NotAClaimDecider);
        await payments.ActingAs(scope, staff.Id).ApproveClaimAsync(claim.Id, None);
        var pay = () => payments.ActingAs(scope, partner.Id).MarkClaimPaidAsync(claim.Id, "BACS-1", None);
        (await pay.Should().ThrowAsync<DomainRuleViolationException>()).Which.Code.Should().Be(PaymentErrorCodes.SelfDecision);
        (await payments.ActingAs(scope, staff.Id).MarkClaimPaidAsync(claim.Id, "BACS-1", None)).Status.Should().Be(PaymentClaimStatus.Paid);
    }

    [Fact]
    public async Task RecordActivityAsync_DatedAfterTodayInTheTrustsTimeZone_Refused()
    {
        // 23:30 UTC on 31 May 2025 is already 1 June in London (BST): an activity on 1 June is today, not the future.
        await using var host = TestHost.CreatePaying();
        host.Clock.SetUtcNow(new DateTimeOffset(2025, 5, 31, 23, 30, 0, TimeSpan.Zero));
        await using var scope = host.Scope();
        var (payments, partner, _) = await ArrangeAsync(scope);

        var today = await payments.RecordActivityAsync(partner.Id, InvolvementActivityKind.PanelMeeting, new DateOnly(2025, 6, 1), TimeSpan.FromHours(1), "Partner", "Panel meeting", null, None);
        var tomorrow = () => payments.RecordActivityAsync(partner.Id, InvolvementActivityKind.PanelMeeting, new DateOnly(2025, 6, 2), TimeSpan.FromHours(1), "Partner", "Panel meeting", null, None);

        today.Date.Should().Be(new DateOnly(2025, 6, 1));
        (await tomorrow.Should().ThrowAsync<DomainRuleViolationException>()).Which.Code.Should().Be(PaymentErrorCodes.ActivityInFuture);
        (await scope.ServiceProvider.GetRequiredService<IInvolvementActivityStore>().ListForParticipantAsync(partner.Id, None)).Should().ContainSingle();
    }

    [Fact]
    public async Task RecordActivityAsync_LongerThanThePolicyVersionsMaximum_RefusedWithACodedRule()
    {
        await using var host = TestHost.CreatePaying();
        await using var scope = host.Scope();
        var (payments, partner, _) = await ArrangeAsync(scope);

        var act = () => payments.RecordActivityAsync(partner.Id, InvolvementActivityKind.CoDesignEvent, new DateOnly(2025, 3, 28), TimeSpan.FromHours(13), "Partner", "Co-design day", null, None);

        var refusal = (await act.Should().ThrowAsync<DomainRuleViolationException>()).Which;
        refusal.Code.Should().Be(PaymentErrorCodes.InvalidActivityDuration);
        refusal.Message.Should().Contain("at most 12 hours");
    }

    [Fact]
    public async Task RecordAndClaim_ForAnErasedParticipant_Refused()
    {
        await using var host = TestHost.CreatePaying();
        await using var scope = host.Scope();
        var (payments, partner, _) = await ArrangeAsync(scope);
        var activity = await payments.RecordActivityAsync(partner.Id, InvolvementActivityKind.PanelMeeting, new DateOnly(2025, 3, 28), TimeSpan.FromHours(2), "Partner", "Panel meeting", null, None);
        await scope.ServiceProvider.GetRequiredService<ParticipantService>().EraseAsync(partner.Id, None);

        var record = () => payments.RecordActivityAsync(partner.Id, InvolvementActivityKind.PanelMeeting, new DateOnly(2025, 3, 29), TimeSpan.FromHours(2), "Partner", "Panel meeting", null, None);
        var claim = () => payments.SubmitClaimAsync(partner.Id, [activity.Id], [], None);

        (await record.Should().ThrowAsync<DomainRuleViolationException>()).Which.Code.Should().Be(PeopleErrorCodes.ParticipantErased);
        (await claim.Should().ThrowAsync<DomainRuleViolationException>()).Which.Code.Should().Be(PeopleErrorCodes.ParticipantErased);
    }

    [Fact]
    public async Task SubmitClaimAsync_ClaimAndActivitiesSavedTogether_ActivityVersionRecordsTheClaim()
    {
        await using var host = TestHost.CreatePaying();
        await using var scope = host.Scope();
        var (payments, partner, _) = await ArrangeAsync(scope);
        var activity = await payments.RecordActivityAsync(partner.Id, InvolvementActivityKind.PanelMeeting, new DateOnly(2025, 3, 28), TimeSpan.FromHours(2), "Partner", "Panel meeting", null, None);

        var claim = await payments.SubmitClaimAsync(partner.Id, [activity.Id], [], None);

        var trail = await scope.ServiceProvider.GetRequiredService<CoProduction.Storage.IEventOutbox>().ListForAggregateAsync(activity.Id.Value, None);
        trail.Select(m => m.Event).OfType<CoProduction.Payments.Events.InvolvementActivityClaimed>().Should().ContainSingle().Which.ClaimId.Should().Be(claim.Id);
        (await scope.ServiceProvider.GetRequiredService<IInvolvementActivityStore>().FindAsync(activity.Id, None))!.Version.Should().Be(2);
    }

    private static async Task<(PaymentService Payments, Participant Partner, Participant Staff)> ArrangeAsync(AsyncServiceScope scope)
    {
        var people = scope.ServiceProvider.GetRequiredService<ParticipantService>();
        var partner = await people.RegisterAsync("Patient partner A", [ParticipantRole.PatientPartner], None);
        var staff = await people.RegisterAsync("Participation lead D", [ParticipantRole.Staff], None);
        return (scope.ServiceProvider.GetRequiredService<PaymentService>(), partner, staff);
    }
}
