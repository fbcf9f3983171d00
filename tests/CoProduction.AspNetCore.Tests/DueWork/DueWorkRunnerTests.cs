using CoProduction.AspNetCore.Tests.TestSupport;
using CoProduction.Payments;
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

    private sealed class RecordingDueWorkHandler(List<DueWorkReport> reports) : IDueWorkHandler
    {
        public Task HandleAsync(DueWorkReport report, CancellationToken cancellationToken)
        {
            reports.Add(report);
            return Task.CompletedTask;
        }
    }
}
