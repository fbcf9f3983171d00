using CoProduction.Core.Tests.TestSupport;
using CoProduction.Payments;
using CoProduction.People;
using CoProduction.Primitives;
using Microsoft.Extensions.Time.Testing;

namespace CoProduction.Core.Tests.Payments;

public sealed class PaymentClaimTests
{
    private readonly FakeTimeProvider _clock = new(TestHost.Start);
    private readonly OrganisationId _trust = OrganisationId.New();
    private readonly PaymentOptions _options = new();
    private readonly Participant _partner;
    private readonly ParticipantId _approver = ParticipantId.New();

    public PaymentClaimTests()
    {
        _options.UsePolicy(TestPolicies.Illustrative());
        _partner = Participant.Register(_trust, "Patient partner A", [ParticipantRole.PatientPartner], _clock);
    }

    private InvolvementActivity Activity(double hours, string level = "Partner", ParticipantId? who = null) =>
        InvolvementActivity.Record(_trust, who ?? _partner.Id, InvolvementActivityKind.TrainingDelivery, new DateOnly(2025, 5, 1), TimeSpan.FromHours(hours), level, "Co-production training, module 1", new InvolvementActivitySource("cohort-session", Guid.NewGuid()), _clock);

    [Fact]
    public void Submit_PricesEachActivityByThePolicyVersionAndAddsExpenses()
    {
        // Partner: 1.5 h -> 1.5 x 20 = 30.00; 3 h -> half day 75.00. Lead 6 h -> full day 200.00. Fees 305.00.
        // Expenses: 12.80 train (receipt) + 9.00 mileage (no receipt needed) = 21.80. Total 326.80.
        var claim = PaymentClaim.Submit(
            _trust,
            _partner,
            [Activity(1.5), Activity(3), Activity(6, "Lead")],
            [new Expense(ExpenseKind.Travel, 12.80m, true, "Train fare"), new Expense(ExpenseKind.Mileage, 9.00m, false, "20 miles at 45p")],
            _options,
            _clock);

        claim.Lines.Select(l => (l.Basis, l.Amount)).Should().BeEquivalentTo([(PaymentBasis.Hourly, 30.00m), (PaymentBasis.HalfDay, 75.00m), (PaymentBasis.FullDay, 200.00m)]);
        claim.FeesTotal.Should().Be(305.00m);
        claim.ExpensesTotal.Should().Be(21.80m);
        claim.Total.Should().Be(326.80m);
        claim.Status.Should().Be(PaymentClaimStatus.Submitted);
        claim.CurrencyCode.Should().Be("GBP");
    }

    [Fact]
    public void Submit_ParticipantDeclinesPayment_NothingForTimeButExpensesPaid()
    {
        _partner.ChangePaymentPreference(new PaymentPreference(PaymentMethod.DeclinesPayment), _clock);

        var claim = PaymentClaim.Submit(_trust, _partner, [Activity(3)], [new Expense(ExpenseKind.Parking, 4.50m, false, "Car park")], _options, _clock);

        claim.Lines.Should().ContainSingle().Which.Should().Match<ClaimLine>(l => l.Basis == PaymentBasis.Declined && l.Amount == 0m);
        claim.Total.Should().Be(4.50m, "nobody is left out of pocket, even when declining payment (4.50 is under the 5.00 receipt threshold)");
    }

    [Fact]
    public void Submit_ExpenseOverThresholdWithoutReceipt_RefusedListingIt()
    {
        var act = () => PaymentClaim.Submit(_trust, _partner, [], [new Expense(ExpenseKind.Travel, 23.40m, false, "Taxi"), new Expense(ExpenseKind.Travel, 3.00m, false, "Bus")], _options, _clock);

        act.Should().Throw<DomainRuleViolationException>().Where(e => e.Code == PaymentErrorCodes.ReceiptRequired && e.Message.Contains("Taxi (23.40)", StringComparison.Ordinal) && !e.Message.Contains("Bus", StringComparison.Ordinal));
    }

    [Fact]
    public void Submit_ActivityOfSomeoneElse_Refused()
    {
        var act = () => PaymentClaim.Submit(_trust, _partner, [Activity(1, who: ParticipantId.New())], [], _options, _clock);

        act.Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be(PaymentErrorCodes.ActivityOfAnotherParticipant);
    }

    [Fact]
    public void Submit_Empty_Refused()
    {
        var act = () => PaymentClaim.Submit(_trust, _partner, [], [], _options, _clock);

        act.Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be(PaymentErrorCodes.EmptyClaim);
    }

    [Fact]
    public void Submit_CancelledActivityOrUnknownLevel_Refused()
    {
        var cancelled = Activity(1);
        cancelled.Cancel(_clock);
        var unknownLevel = Activity(1, "Chair");

        var first = () => PaymentClaim.Submit(_trust, _partner, [cancelled], [], _options, _clock);
        var second = () => PaymentClaim.Submit(_trust, _partner, [unknownLevel], [], _options, _clock);

        first.Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be(PaymentErrorCodes.ActivityCancelled);
        second.Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be(PaymentErrorCodes.UnknownRoleLevel);
    }

    [Fact]
    public void Lifecycle_SubmittedApprovedPaid_WithAgeing()
    {
        var claim = PaymentClaim.Submit(_trust, _partner, [Activity(1)], [], _options, _clock);
        _clock.Advance(TimeSpan.FromDays(10));
        claim.DaysOutstanding(_clock.GetUtcNow()).Should().Be(10);

        claim.Approve(_approver, _clock);
        _clock.Advance(TimeSpan.FromDays(25.5));
        claim.DaysOutstanding(_clock.GetUtcNow()).Should().Be(35);
        claim.MarkPaid("BACS-0042", _clock);
        _clock.Advance(TimeSpan.FromDays(100));

        claim.Status.Should().Be(PaymentClaimStatus.Paid);
        claim.PaymentReference.Should().Be("BACS-0042");
        claim.DaysOutstanding(_clock.GetUtcNow()).Should().Be(35, "a paid claim's age stops at payment");
        claim.IsOutstanding.Should().BeFalse();
        claim.DecidedBy.Should().Be(_approver);
    }

    [Theory]
    [InlineData(PaymentClaimStatus.Approved, "approve")]
    [InlineData(PaymentClaimStatus.Paid, "approve")]
    [InlineData(PaymentClaimStatus.Rejected, "approve")]
    [InlineData(PaymentClaimStatus.Submitted, "pay")]
    [InlineData(PaymentClaimStatus.Rejected, "pay")]
    [InlineData(PaymentClaimStatus.Paid, "pay")]
    [InlineData(PaymentClaimStatus.Approved, "reject")]
    [InlineData(PaymentClaimStatus.Paid, "reject")]
    [InlineData(PaymentClaimStatus.Rejected, "reject")]
    public void Transition_FromWrongState_RefusedNamingStateAndUnchanged(PaymentClaimStatus from, string action)
    {
        var claim = ClaimIn(from);
        var version = claim.PendingEvents.Count;

        Action act = action switch
        {
            "approve" => () => claim.Approve(_approver, _clock),
            "pay" => () => claim.MarkPaid("REF", _clock),
            _ => () => claim.Reject(_approver, "Duplicate", _clock),
        };

        act.Should().Throw<DomainRuleViolationException>().Where(e => e.Code == PaymentErrorCodes.InvalidClaimTransition && e.Message.Contains($"is {from}", StringComparison.Ordinal));
        claim.Status.Should().Be(from);
        claim.PendingEvents.Should().HaveCount(version);
    }

    [Fact]
    public void Reject_Submitted_RecordsReasonAndStopsAgeing()
    {
        var claim = PaymentClaim.Submit(_trust, _partner, [Activity(1)], [], _options, _clock);
        _clock.Advance(TimeSpan.FromDays(3));

        claim.Reject(_approver, "The session was cancelled", _clock);

        claim.Status.Should().Be(PaymentClaimStatus.Rejected);
        claim.RejectionReason.Should().Be("The session was cancelled");
        claim.DaysOutstanding(_clock.GetUtcNow()).Should().Be(0);
    }

    private PaymentClaim ClaimIn(PaymentClaimStatus status)
    {
        var claim = PaymentClaim.Submit(_trust, _partner, [Activity(1)], [], _options, _clock);
        switch (status)
        {
            case PaymentClaimStatus.Approved:
                claim.Approve(_approver, _clock);
                break;
            case PaymentClaimStatus.Paid:
                claim.Approve(_approver, _clock);
                claim.MarkPaid("REF-1", _clock);
                break;
            case PaymentClaimStatus.Rejected:
                claim.Reject(_approver, "Not eligible", _clock);
                break;
        }

        return claim;
    }
}
