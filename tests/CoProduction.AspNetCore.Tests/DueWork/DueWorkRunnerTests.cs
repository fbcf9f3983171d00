using CoProduction.AspNetCore.Tests.TestSupport;
using CoProduction.Partners;
using CoProduction.Payments;
using CoProduction.People;
using CoProduction.Primitives;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduction.AspNetCore.Tests.DueWork;

public sealed class DueWorkRunnerTests
{
    private static CancellationToken Ct => Harness.Ct;

    [Fact]
    public async Task RunOnceAsync_ClaimPastThePaymentTarget_ReportsItToTheHandlersOfItsOrganisationOnly()
    {
        var reports = new List<DueWorkReport>();
        await using var harness = new Harness("in-memory", services: s => s.AddScoped<IDueWorkHandler>(_ => new RecordingDueWorkHandler(reports)));
        var trust = OrganisationId.New();
        var otherTrust = OrganisationId.New();
        var partner = await harness.RegisterAsync(trust, "Patient partner A");
        await harness.RegisterAsync(otherTrust, "Patient partner B");
        PaymentClaimId claimId;
        await using (var scope = harness.ScopeFor(trust))
        {
            var payments = scope.ServiceProvider.GetRequiredService<PaymentService>();
            var activity = await payments.RecordActivityAsync(partner.Id, InvolvementActivityKind.PanelMeeting, new DateOnly(2026, 3, 1), TimeSpan.FromHours(2), "Partner", "Peer review panel", null, Ct);
            claimId = (await payments.SubmitClaimAsync(partner.Id, [activity.Id], [], Ct)).Id;
        }

        var early = await harness.Services.GetRequiredService<DueWorkRunner>().RunOnceAsync(Ct);
        harness.Clock.Advance(TimeSpan.FromDays(31));
        var late = await harness.Services.GetRequiredService<DueWorkRunner>().RunOnceAsync(Ct);

        early.Should().HaveCount(2).And.OnlyContain(r => r.IsEmpty);
        late.Single(r => r.OrganisationId == otherTrust).IsEmpty.Should().BeTrue();
        var due = late.Single(r => r.OrganisationId == trust);
        due.OverdueClaims.Should().ContainSingle().Which.ClaimId.Should().Be(claimId);
        due.OverdueClaims[0].DaysOutstanding.Should().Be(31);
        reports.Should().HaveCount(4);
        harness.Logs.GetSnapshot().Should().ContainSingle(r => r.Message.Contains("1 claim(s) past the payment target", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunOnceAsync_PartnerWorkFallingDue_IsReportedWithTheContactMethodWhereAllowed_AndAnnouncedOnce()
    {
        var reports = new List<DueWorkReport>();
        await using var harness = new Harness("in-memory", services: s => s.AddScoped<IDueWorkHandler>(_ => new RecordingDueWorkHandler(reports)));
        var trust = OrganisationId.New();
        var consenting = await harness.RegisterAsync(trust, "Patient partner A");
        var silent = await harness.RegisterAsync(trust, "Patient partner B");
        var later = await harness.RegisterAsync(trust, "Patient partner C");
        await using (var scope = harness.ScopeFor(trust))
        {
            var people = scope.ServiceProvider.GetRequiredService<ParticipantService>();
            await people.ChangeContactDetailsAsync(consenting.Id, new ContactDetails("a@example.org", null, null, ContactMethod.Email), Ct);
            await people.GiveConsentAsync(consenting.Id, ConsentPurpose.Contact, Ct);
            await people.ChangeContactDetailsAsync(silent.Id, new ContactDetails("b@example.org", null, null, ContactMethod.Email), Ct);
            var partners = scope.ServiceProvider.GetRequiredService<PartnerService>();
            // Today is 2 March 2026: A's DBS renewal falls due in 20 days, B's training 10 days ago, C's DBS in 60 days.
            await partners.RecordCheckAsync(consenting.Id, OnboardingCheckKind.DbsCheck, null, new DateOnly(2023, 3, 22), new DateOnly(2026, 3, 22), Ct);
            await partners.RecordCheckAsync(silent.Id, OnboardingCheckKind.Training, "Safeguarding adults level 1", new DateOnly(2025, 2, 20), new DateOnly(2026, 2, 20), Ct);
            await partners.RecordCheckAsync(later.Id, OnboardingCheckKind.DbsCheck, null, new DateOnly(2023, 5, 1), new DateOnly(2026, 5, 1), Ct);
        }

        var runner = harness.Services.GetRequiredService<DueWorkRunner>();
        var first = (await runner.RunOnceAsync(Ct)).Single(r => r.OrganisationId == trust);
        var second = (await runner.RunOnceAsync(Ct)).Single(r => r.OrganisationId == trust);

        first.IsEmpty.Should().BeFalse();
        first.PartnerWork.Select(i => (i.Kind, i.ParticipantId, i.DueOn, i.ContactVia)).Should().Equal(
            (DueWorkKind.TrainingRenewal, silent.Id, new DateOnly(2026, 2, 20), (ContactMethod?)null),
            (DueWorkKind.DbsRenewal, consenting.Id, new DateOnly(2026, 3, 22), ContactMethod.Email));
        first.PartnerWorkAnnounced.Should().Be(2);
        second.PartnerWork.Should().HaveCount(2);
        second.PartnerWorkAnnounced.Should().Be(0, "each item is announced once");
        reports.Where(r => r.OrganisationId == trust).Should().HaveCount(2);
        harness.Logs.GetSnapshot().Should().Contain(r => r.Message.Contains("2 partner item(s) due (2 announced now)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(-1, true)]
    [InlineData(0, false)]
    [InlineData(366, false)]
    [InlineData(367, true)]
    public void Validate_PartnerWorkLookAheadDays_Is0To366(int days, bool refused)
    {
        var options = new CoProductionAspNetCoreOptions();
        options.DueWork.PartnerWorkLookAheadDays = days;

        var failures = options.Validate().ToList();

        if (refused)
        {
            failures.Should().ContainSingle().Which.Should().Contain("DueWork.PartnerWorkLookAheadDays");
        }
        else
        {
            failures.Should().BeEmpty();
        }
    }

    private sealed class RecordingDueWorkHandler(List<DueWorkReport> reports) : IDueWorkHandler
    {
        public Task HandleAsync(DueWorkReport report, CancellationToken cancellationToken)
        {
            reports.Add(report);
            return Task.CompletedTask;
        }
    }
}
