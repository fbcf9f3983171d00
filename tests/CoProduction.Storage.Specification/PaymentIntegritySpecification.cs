using System.Collections.Concurrent;
using CoProduction.Payments;
using CoProduction.People;
using CoProduction.Primitives;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduction.Storage.Specification;

/// <summary>
/// Claims across aggregates: a claim and the activities it holds are one unit of work, so concurrent claimers and
/// cancellers can never leave an activity on two live claims, or cancelled while on a live claim. Every refusal is a
/// <see cref="ConcurrencyConflictException"/> or a named payments rule.
/// </summary>
public abstract class PaymentIntegritySpecification : StoreSpecification
{
    private static readonly string[] AllowedRefusals = [PaymentErrorCodes.ActivityAlreadyClaimed, PaymentErrorCodes.ActivityClaimed, PaymentErrorCodes.ActivityCancelled, PaymentErrorCodes.ActivityAlreadyCancelled];

    [Fact]
    public async Task SubmitClaimAsync_EightConcurrentClaimersOverFiftyActivities_EachActivityOnAtMostOneLiveClaim()
    {
        var ct = TestContext.Current.CancellationToken;
        var (partner, activities) = await ArrangeAsync(50, ct);
        var failures = new ConcurrentBag<Exception>();
        var submitted = 0;
        using var start = new ManualResetEventSlim();
        var claimers = Enumerable.Range(0, 8).Select(claimer => Task.Run(
            async () =>
            {
                start.Wait(ct);
                var random = new Random(claimer);
                for (var attempt = 0; attempt < 12; attempt++)
                {
                    var pick = activities.OrderBy(_ => random.Next()).Take(4).ToList();
                    try
                    {
                        await using var scope = ScopeFor(OrganisationA);
                        await scope.ServiceProvider.GetRequiredService<PaymentService>().SubmitClaimAsync(partner.Id, pick, [], ct);
                        Interlocked.Increment(ref submitted);
                    }
                    catch (ConcurrencyConflictException)
                    {
                    }
                    catch (DomainRuleViolationException ex) when (AllowedRefusals.Contains(ex.Code))
                    {
                    }
                    catch (Exception ex)
                    {
                        failures.Add(ex);
                    }
                }
            },
            ct)).ToList();
        start.Set();
        await Task.WhenAll(claimers);

        failures.Should().BeEmpty("every refusal must be a concurrency conflict or a named payments rule");
        submitted.Should().BeGreaterThan(0);
        var claims = await WithStore<IPaymentClaimStore, IReadOnlyList<PaymentClaim>>(OrganisationA, s => s.ListForParticipantAsync(partner.Id, ct));
        claims.Should().HaveCount(submitted);
        var holders = claims.Where(c => c.Status != PaymentClaimStatus.Rejected).SelectMany(c => c.Lines.Select(l => l.ActivityId)).GroupBy(id => id);
        holders.Should().OnlyContain(g => g.Count() == 1, "an activity may be on one live claim only");
    }

    [Fact]
    public async Task SubmitAndCancel_Concurrently_NoCancelledActivityOnALiveClaim()
    {
        var ct = TestContext.Current.CancellationToken;
        var (partner, activities) = await ArrangeAsync(20, ct);
        var failures = new ConcurrentBag<Exception>();
        using var start = new ManualResetEventSlim();
        async Task Attempt(Func<PaymentService, Task> work)
        {
            try
            {
                await using var scope = ScopeFor(OrganisationA);
                await work(scope.ServiceProvider.GetRequiredService<PaymentService>());
            }
            catch (ConcurrencyConflictException)
            {
            }
            catch (DomainRuleViolationException ex) when (AllowedRefusals.Contains(ex.Code))
            {
            }
            catch (Exception ex)
            {
                failures.Add(ex);
            }
        }

        var tasks = activities.SelectMany(id => new[]
        {
            Task.Run(async () => { start.Wait(ct); await Attempt(p => p.SubmitClaimAsync(partner.Id, [id], [], ct)); }, ct),
            Task.Run(async () => { start.Wait(ct); await Attempt(p => p.CancelActivityAsync(id, ct)); }, ct),
        }).ToList();
        start.Set();
        await Task.WhenAll(tasks);

        failures.Should().BeEmpty();
        var claims = await WithStore<IPaymentClaimStore, IReadOnlyList<PaymentClaim>>(OrganisationA, s => s.ListForParticipantAsync(partner.Id, ct));
        var stored = await WithStore<IInvolvementActivityStore, IReadOnlyList<InvolvementActivity>>(OrganisationA, s => s.ListForParticipantAsync(partner.Id, ct));
        var claimed = claims.Where(c => c.Status != PaymentClaimStatus.Rejected).SelectMany(c => c.Lines.Select(l => l.ActivityId)).ToHashSet();
        stored.Where(a => a.IsCancelled).Select(a => a.Id).Should().NotIntersectWith(claimed, "a cancelled activity must not be on a live claim");
        stored.Should().OnlyContain(a => a.IsCancelled || claimed.Contains(a.Id), "each activity was either claimed or cancelled: one of the two racing commands won");
    }

    private async Task<(Participant Partner, List<InvolvementActivityId> Activities)> ArrangeAsync(int count, CancellationToken ct)
    {
        await using var scope = ScopeFor(OrganisationA);
        var people = scope.ServiceProvider.GetRequiredService<ParticipantService>();
        var payments = scope.ServiceProvider.GetRequiredService<PaymentService>();
        var partner = await people.RegisterAsync("Patient partner A", [ParticipantRole.PatientPartner], ct);
        var activities = new List<InvolvementActivityId>();
        for (var i = 0; i < count; i++)
        {
            var activity = await payments.RecordActivityAsync(partner.Id, InvolvementActivityKind.PanelMeeting, new DateOnly(2026, 1, 1).AddDays(i), TimeSpan.FromHours(2), "Partner", "Panel meeting", null, ct);
            activities.Add(activity.Id);
        }

        return (partner, activities);
    }
}
