using CoProduction.Core.Tests.TestSupport;
using CoProduction.Payments;
using CoProduction.Payments.Events;
using CoProduction.People;
using CoProduction.Primitives;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CoProduction.Core.Tests.Payments;

/// <summary>Dated pricing, mileage, payment choices, safeguards, finance export and ageing through the service, worked by hand.</summary>
public sealed class PaymentPolicyServiceTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task RateChangeEffectiveMidMonth_PricesEitherSideDifferently_AndLeavesEarlierClaimsUnchanged()
    {
        var policy = new PaymentPolicy { Name = "Trust involvement policy" };
        policy.Versions.Add(DayVersion(new DateOnly(2025, 1, 1), half: 75m, full: 150m));
        await using var host = TestHost.Create(o => o.Payments.UsePolicy(policy));
        await using var scope = host.Scope();
        var (payments, partner, _) = await ArrangeAsync(scope);
        var first = await payments.RecordActivityAsync(partner.Id, InvolvementActivityKind.PanelMeeting, new DateOnly(2025, 3, 20), TimeSpan.FromHours(4), "Partner", "Panel meeting", null, None);
        var earlierClaim = await payments.SubmitClaimAsync(partner.Id, [first.Id], [], None);

        // The trust's new rates take effect on 15 March: after the earlier claim was submitted, and before its activity's date.
        var options = scope.ServiceProvider.GetRequiredService<IOptions<CoProductionOptions>>().Value.Payments;
        options.Policy.Versions.Add(DayVersion(new DateOnly(2025, 3, 15), half: 80m, full: 160m));
        var before = await payments.RecordActivityAsync(partner.Id, InvolvementActivityKind.PanelMeeting, new DateOnly(2025, 3, 14), TimeSpan.FromHours(4), "Partner", "Panel meeting", null, None);
        var after = await payments.RecordActivityAsync(partner.Id, InvolvementActivityKind.PanelMeeting, new DateOnly(2025, 3, 16), TimeSpan.FromHours(4), "Partner", "Panel meeting", null, None);
        var later = await payments.SubmitClaimAsync(partner.Id, [before.Id, after.Id], [], None);

        // 14 March: the January version, 150.00; 16 March: the new version, 160.00.
        later.Lines.Select(l => (l.Date, l.Amount, l.PolicyVersionFrom, l.PolicyName)).Should().Equal(
            (new DateOnly(2025, 3, 14), 150.00m, (DateOnly?)new DateOnly(2025, 1, 1), "Trust involvement policy"),
            (new DateOnly(2025, 3, 16), 160.00m, (DateOnly?)new DateOnly(2025, 3, 15), "Trust involvement policy"));
        // The earlier claim keeps the price it was given, although the new version now covers its date.
        var reread = await payments.GetClaimAsync(earlierClaim.Id, None);
        reread.Lines.Should().ContainSingle().Which.Should().Match<ClaimLine>(l => l.Amount == 150.00m && l.Rate == 150.00m && l.PolicyVersionFrom == new DateOnly(2025, 1, 1));
        reread.Total.Should().Be(150.00m);
    }

    [Fact]
    public async Task SevenHourDay_WithADailyCap_IsPaidTheCapAndASecondActivityThatDayNothing()
    {
        var policy = new PaymentPolicy { Name = "Hourly with a daily cap" };
        var version = new PaymentPolicyVersion { EffectiveFrom = new DateOnly(2025, 1, 1), BillingBlockMinutes = 60, DailyCap = 100.00m };
        version.Rates.Add(new RoleRate { RoleLevel = "Partner", HourlyRate = 20.00m });
        policy.Versions.Add(version);
        await using var host = TestHost.Create(o => o.Payments.UsePolicy(policy));
        await using var scope = host.Scope();
        var (payments, partner, _) = await ArrangeAsync(scope);
        var day = await payments.RecordActivityAsync(partner.Id, InvolvementActivityKind.CoDesignEvent, new DateOnly(2025, 3, 20), TimeSpan.FromHours(7), "Partner", "Co-design day", null, None);
        var evening = await payments.RecordActivityAsync(partner.Id, InvolvementActivityKind.ProjectMeeting, new DateOnly(2025, 3, 20), TimeSpan.FromHours(1), "Partner", "Evening meeting", null, None);
        var nextDay = await payments.RecordActivityAsync(partner.Id, InvolvementActivityKind.ProjectMeeting, new DateOnly(2025, 3, 21), TimeSpan.FromHours(1), "Partner", "Project meeting", null, None);

        var claim = await payments.SubmitClaimAsync(partner.Id, [day.Id], [], None);
        var second = await payments.SubmitClaimAsync(partner.Id, [evening.Id, nextDay.Id], [], None);

        // 7 h x 20.00 = 140.00, capped at 100.00 for the day.
        claim.Lines.Single().Should().Match<ClaimLine>(l => l.PricedAmount == 140.00m && l.Amount == 100.00m && l.Basis == PaymentBasis.Hourly);
        // The evening meeting (20.00) finds the day's cap used up by the earlier claim: 0.00; the next day pays 20.00.
        second.Lines.Select(l => (l.PricedAmount, l.Amount)).Should().Equal((20.00m, 0.00m), (20.00m, 20.00m));
    }

    [Fact]
    public async Task MonthlyPeriodCap_LowersTheLinesInDateOrder_AndANewMonthStartsAgain()
    {
        var policy = PaymentPolicyPresets.NhsEnglandPpvLevel4();
        policy.Versions[0].PeriodCap = 200.00m;
        policy.Versions[0].CapPeriod = CapPeriod.Month;
        await using var host = TestHost.Create(o => o.Payments.UsePolicy(policy));
        host.Clock.Advance(TimeSpan.FromDays(5));
        await using var scope = host.Scope();
        var (payments, partner, _) = await ArrangeAsync(scope);
        var ids = new List<InvolvementActivityId>();
        foreach (var date in new[] { new DateOnly(2025, 3, 3), new DateOnly(2025, 3, 10), new DateOnly(2025, 3, 17), new DateOnly(2025, 4, 1) })
        {
            ids.Add((await payments.RecordActivityAsync(partner.Id, InvolvementActivityKind.CoDesignEvent, date, TimeSpan.FromHours(5), "Partner", "Co-design day", null, None)).Id);
        }

        var claim = await payments.SubmitClaimAsync(partner.Id, ids, [], None);

        // March: 150.00, then 50.00 left under the 200.00 cap, then 0.00; 1 April starts a new month: 150.00.
        claim.Lines.Select(l => l.Amount).Should().Equal(150.00m, 50.00m, 0.00m, 150.00m);
        claim.Lines.Should().OnlyContain(l => l.PricedAmount == 150.00m);
    }

    [Fact]
    public async Task Mileage_140MilesWithATaperAndAPassenger_AndABicycleJourney()
    {
        await using var host = TestHost.Create(o => o.Payments.UsePolicy(PaymentPolicyPresets.NhsEnglandPpvLevel4()));
        await using var scope = host.Scope();
        var (payments, partner, _) = await ArrangeAsync(scope);

        var submitted = await payments.SubmitClaimRequestAsync(
            new ClaimRequest(partner.Id, [], [])
            {
                Journeys =
                [
                    new MileageJourney(new DateOnly(2025, 3, 20), 140m, 1, MileageVehicle.Car, "Return trip to the co-design day"),
                    new MileageJourney(new DateOnly(2025, 3, 21), 10m, 0, MileageVehicle.Bicycle, "Cycle to the ward meeting"),
                ],
            },
            None);

        // Car: 100 miles x 0.45 = 45.00, then 40 miles x 0.25 = 10.00, plus 1 passenger x 140 miles x 0.05 = 7.00: 62.00.
        // Bicycle: 10 miles x 0.20 = 2.00.
        var claim = submitted.Claim;
        claim.Expenses.Select(e => (e.Kind, e.Amount, e.Miles, e.Passengers, e.Vehicle)).Should().Equal(
            (ExpenseKind.Mileage, 62.00m, (decimal?)140m, (int?)1, (MileageVehicle?)MileageVehicle.Car),
            (ExpenseKind.Mileage, 2.00m, (decimal?)10m, (int?)0, (MileageVehicle?)MileageVehicle.Bicycle));
        claim.Total.Should().Be(64.00m);
    }

    [Fact]
    public async Task Mileage_TheTaperCountsTheClaimsCarMilesTogether()
    {
        await using var host = TestHost.Create(o => o.Payments.UsePolicy(PaymentPolicyPresets.PerBlock()));
        await using var scope = host.Scope();
        var (payments, partner, _) = await ArrangeAsync(scope);

        var claim = (await payments.SubmitClaimRequestAsync(
            new ClaimRequest(partner.Id, [], [])
            {
                Journeys = [new MileageJourney(new DateOnly(2025, 3, 21), 80m, 0, MileageVehicle.Car, "Second trip"), new MileageJourney(new DateOnly(2025, 3, 20), 60m, 0, MileageVehicle.Car, "First trip")],
            },
            None)).Claim;

        // By date: the first 60 miles x 0.45 = 27.00; the second trip has 40 miles left before the taper (18.00) and 40 after (10.00): 28.00.
        claim.Expenses.Select(e => e.Amount).Should().Equal(27.00m, 28.00m);
    }

    [Fact]
    public async Task Expenses_TrustBookedTravelChildcareAndReceiptRulesPerKind()
    {
        await using var host = TestHost.Create(o =>
        {
            o.Payments.UsePolicy(PaymentPolicyPresets.NhsEnglandPpvLevel4());
            o.Payments.ReceiptRequiredAboveByKind[ExpenseKind.Childcare] = 0m;
        });
        await using var scope = host.Scope();
        var (payments, partner, _) = await ArrangeAsync(scope);
        var booked = new Expense(ExpenseKind.TrustBookedTravel, 0m, false, "Train booked by the trust") { Date = new DateOnly(2025, 3, 20) };
        var childcareWithoutReceipt = new Expense(ExpenseKind.Childcare, 4.00m, false, "Childminder, one hour");

        var refused = () => payments.SubmitClaimAsync(partner.Id, [], [booked, childcareWithoutReceipt], None);
        var claim = await payments.SubmitClaimAsync(partner.Id, [], [booked, childcareWithoutReceipt with { ReceiptProvided = true }, new Expense(ExpenseKind.CareCosts, 30.00m, true, "Carer cover")], None);

        // Childcare needs a receipt for any amount under its own rule, although 4.00 is under the general 5.00 threshold.
        (await refused.Should().ThrowAsync<DomainRuleViolationException>()).Which.Code.Should().Be(PaymentErrorCodes.ReceiptRequired);
        claim.ExpensesTotal.Should().Be(34.00m, "trust-booked travel reimburses nothing: 0 + 4.00 + 30.00");
        claim.Expenses[0].Date.Should().Be(new DateOnly(2025, 3, 20));
        var paidTrustTravel = () => new Expense(ExpenseKind.TrustBookedTravel, 12.00m, true, "Train");
        paidTrustTravel.Should().Throw<InvalidInputException>();
    }

    [Fact]
    public async Task BenefitsAdviceBlock_RefusesAFirstPaidClaimWithItsCode_UntilTheOfferIsRecordedBeforeTheFirstPaidActivity()
    {
        await using var host = TestHost.Create(o =>
        {
            o.Payments.UsePolicy(PaymentPolicyPresets.NhsEnglandPpvLevel4());
            o.Payments.BenefitsAdviceRule = BenefitsAdviceRule.Block;
        });
        await using var scope = host.Scope();
        var (payments, partner, staff) = await ArrangeAsync(scope);
        var meeting = await payments.RecordActivityAsync(partner.Id, InvolvementActivityKind.PanelMeeting, new DateOnly(2025, 3, 20), TimeSpan.FromHours(3), "Partner", "Panel meeting", null, None);

        var first = () => payments.SubmitClaimAsync(partner.Id, [meeting.Id], [], None);
        (await first.Should().ThrowAsync<DomainRuleViolationException>()).Which.Code.Should().Be(PaymentErrorCodes.BenefitsAdviceNotOffered);
        // An offer recorded after the activity does not count: it must come before the first paid activity.
        await payments.ActingAs(scope, staff.Id).RecordBenefitsAdviceOfferAsync(partner.Id, new DateOnly(2025, 3, 25), BenefitsAdviceOutcome.Declined, None);
        (await first.Should().ThrowAsync<DomainRuleViolationException>()).Which.Code.Should().Be(PaymentErrorCodes.BenefitsAdviceNotOffered);
        // Expenses only is not blocked.
        var expensesOnly = await payments.SubmitClaimRequestAsync(new ClaimRequest(partner.Id, [meeting.Id], [new Expense(ExpenseKind.Travel, 4.20m, false, "Bus fare")]) { Payment = ClaimPayment.ExpensesOnly }, None);
        expensesOnly.Claim.FeesTotal.Should().Be(0m);
        await payments.ActingAs(scope, staff.Id).RejectClaimAsync(expensesOnly.Claim.Id, "Resubmit with fees", None);

        await payments.ActingAs(scope, staff.Id).RecordBenefitsAdviceOfferAsync(partner.Id, new DateOnly(2025, 3, 18), BenefitsAdviceOutcome.Accepted, None);
        var paid = await payments.SubmitClaimAsync(partner.Id, [meeting.Id], [], None);

        paid.FeesTotal.Should().Be(75.00m);
        var profile = await payments.FindPaymentProfileAsync(partner.Id, None);
        profile!.BenefitsAdvice.Should().Match<BenefitsAdviceRecord>(r => r.OfferedOn == new DateOnly(2025, 3, 18) && r.Outcome == BenefitsAdviceOutcome.Accepted && r.RecordedBy == staff.Id);
        var selfRecorded = () => payments.ActingAs(scope, partner.Id).RecordBenefitsAdviceOfferAsync(partner.Id, new DateOnly(2025, 3, 18), BenefitsAdviceOutcome.Accepted, None);
        (await selfRecorded.Should().ThrowAsync<DomainRuleViolationException>()).Which.Code.Should().Be(PaymentErrorCodes.SelfDecision);
    }

    [Fact]
    public async Task BenefitsAdviceWarn_SubmitsTheClaimWithAWarning()
    {
        await using var host = TestHost.Create(o =>
        {
            o.Payments.UsePolicy(PaymentPolicyPresets.NhsEnglandPpvLevel4());
            o.Payments.BenefitsAdviceRule = BenefitsAdviceRule.Warn;
        });
        await using var scope = host.Scope();
        var (payments, partner, _) = await ArrangeAsync(scope);
        var meeting = await payments.RecordActivityAsync(partner.Id, InvolvementActivityKind.PanelMeeting, new DateOnly(2025, 3, 20), TimeSpan.FromHours(3), "Partner", "Panel meeting", null, None);

        var submitted = await payments.SubmitClaimRequestAsync(new ClaimRequest(partner.Id, [meeting.Id], []), None);

        submitted.Claim.FeesTotal.Should().Be(75.00m);
        submitted.Warnings.Should().ContainSingle().Which.Code.Should().Be(PaymentErrorCodes.BenefitsAdviceNotOffered);
    }

    [Fact]
    public async Task TaxYearTotals_CrossingFifthAndSixthApril_SplitIntoTwoYears_AndWarnOverTheThreshold()
    {
        await using var host = TestHost.Create(o =>
        {
            o.Payments.UsePolicy(PaymentPolicyPresets.NhsEnglandPpvLevel4());
            o.Payments.TaxYearWarningThreshold = 250.00m;
        });
        host.Clock.Advance(TimeSpan.FromDays(10)); // 11 April 2025
        await using var scope = host.Scope();
        var (payments, partner, _) = await ArrangeAsync(scope);
        async Task<InvolvementActivityId> DayAsync(int month, int day) =>
            (await payments.RecordActivityAsync(partner.Id, InvolvementActivityKind.CoDesignEvent, new DateOnly(2025, month, day), TimeSpan.FromHours(5), "Partner", "Co-design day", null, None)).Id;

        var first = await payments.SubmitClaimRequestAsync(new ClaimRequest(partner.Id, [await DayAsync(4, 4)], []), None);
        var second = await payments.SubmitClaimRequestAsync(new ClaimRequest(partner.Id, [await DayAsync(4, 5), await DayAsync(4, 6)], []), None);
        var totals = await payments.GetTaxYearTotalsAsync(partner.Id, None);

        // 4 and 5 April 2025 fall in 2024-25 (150.00 + 150.00 = 300.00, over 250.00); 6 April starts 2025-26 (150.00).
        first.Warnings.Should().BeEmpty("150.00 is under the threshold");
        second.Warnings.Should().ContainSingle().Which.Should().Match<PaymentWarning>(w => w.Code == PaymentErrorCodes.TaxYearThresholdReached && w.Message.Contains("2024-25") && w.Message.Contains("300.00"));
        totals.Select(t => (t.TaxYear.ToString(), t.Fees, t.PaidActivities, t.OverThreshold)).Should().Equal(("2024-25", 300.00m, 2, true), ("2025-26", 150.00m, 1, false));
    }

    [Fact]
    public async Task PaymentChoice_LowerAmountAndExpensesOnly()
    {
        await using var host = TestHost.Create(o => o.Payments.UsePolicy(PaymentPolicyPresets.NhsEnglandPpvLevel4()));
        await using var scope = host.Scope();
        var (payments, partner, _) = await ArrangeAsync(scope);
        var day = await payments.RecordActivityAsync(partner.Id, InvolvementActivityKind.CoDesignEvent, new DateOnly(2025, 3, 20), TimeSpan.FromHours(5), "Partner", "Co-design day", null, None);
        var meeting = await payments.RecordActivityAsync(partner.Id, InvolvementActivityKind.PanelMeeting, new DateOnly(2025, 3, 21), TimeSpan.FromHours(2), "Partner", "Panel meeting", null, None);

        var tooMuch = () => payments.SubmitClaimRequestAsync(new ClaimRequest(partner.Id, [day.Id, meeting.Id], []) { Payment = ClaimPayment.LowerAmount, ChosenFeesAmount = 225.00m }, None);
        (await tooMuch.Should().ThrowAsync<DomainRuleViolationException>()).Which.Code.Should().Be(PaymentErrorCodes.InvalidLowerAmount);
        var lower = (await payments.SubmitClaimRequestAsync(new ClaimRequest(partner.Id, [day.Id, meeting.Id], []) { Payment = ClaimPayment.LowerAmount, ChosenFeesAmount = 160.00m }, None)).Claim;

        // In full: 150.00 + 75.00 = 225.00. The partner chose 160.00: the first line pays 150.00 and the second 10.00.
        lower.Lines.Select(l => (l.PricedAmount, l.Amount)).Should().Equal((150.00m, 150.00m), (75.00m, 10.00m));
        lower.FeesTotal.Should().Be(160.00m);
        lower.Payment.Should().Be(ClaimPayment.LowerAmount);
        lower.ChosenFeesAmount.Should().Be(160.00m);
    }

    [Fact]
    public async Task PublicSectorStaff_WorkWithinTheirJob_RefusedFeesWithTheCode_ExpensesStillPaid()
    {
        await using var host = TestHost.Create(o => o.Payments.UsePolicy(PaymentPolicyPresets.NhsEnglandPpvLevel4()));
        await using var scope = host.Scope();
        var (payments, partner, _) = await ArrangeAsync(scope);
        await payments.RecordPublicSectorEmploymentAsync(partner.Id, "NHS trust", involvementWithinJob: true, None);
        var meeting = await payments.RecordActivityAsync(partner.Id, InvolvementActivityKind.PanelMeeting, new DateOnly(2025, 3, 20), TimeSpan.FromHours(3), "Partner", "Panel meeting", null, None);

        var fees = () => payments.SubmitClaimAsync(partner.Id, [meeting.Id], [], None);
        (await fees.Should().ThrowAsync<DomainRuleViolationException>()).Which.Code.Should().Be(PaymentErrorCodes.StaffWithinOwnJob);
        var expenses = await payments.SubmitClaimRequestAsync(new ClaimRequest(partner.Id, [meeting.Id], [new Expense(ExpenseKind.Parking, 3.50m, false, "Car park")]) { Payment = ClaimPayment.ExpensesOnly }, None);

        expenses.Claim.Total.Should().Be(3.50m);
        expenses.Claim.Lines.Single().Basis.Should().Be(PaymentBasis.Declined);
    }

    [Fact]
    public async Task WeeklyLimit_ASecondPaidActivityInTheWeek_Refused()
    {
        await using var host = TestHost.Create(o =>
        {
            o.Payments.UsePolicy(PaymentPolicyPresets.NhsEnglandPpvLevel4());
            o.Payments.MaximumPaidActivitiesPerWeek = 1;
        });
        await using var scope = host.Scope();
        var (payments, partner, _) = await ArrangeAsync(scope);
        var monday = await payments.RecordActivityAsync(partner.Id, InvolvementActivityKind.PanelMeeting, new DateOnly(2025, 3, 17), TimeSpan.FromHours(2), "Partner", "Panel meeting", null, None);
        var sunday = await payments.RecordActivityAsync(partner.Id, InvolvementActivityKind.PanelMeeting, new DateOnly(2025, 3, 23), TimeSpan.FromHours(2), "Partner", "Panel meeting", null, None);
        var nextMonday = await payments.RecordActivityAsync(partner.Id, InvolvementActivityKind.PanelMeeting, new DateOnly(2025, 3, 24), TimeSpan.FromHours(2), "Partner", "Panel meeting", null, None);
        await payments.SubmitClaimAsync(partner.Id, [monday.Id], [], None);

        var sameWeek = () => payments.SubmitClaimAsync(partner.Id, [sunday.Id], [], None);

        (await sameWeek.Should().ThrowAsync<DomainRuleViolationException>()).Which.Code.Should().Be(PaymentErrorCodes.WeeklyLimitExceeded);
        (await payments.SubmitClaimAsync(partner.Id, [nextMonday.Id], [], None)).FeesTotal.Should().Be(75.00m, "Monday 24 March starts a new week");
    }

    [Fact]
    public async Task ExportApprovedClaims_ReturnsOneRowPerLineWithPolicyAndRate_MarksThemExported_AndNeverTwice()
    {
        await using var host = TestHost.Create(o => o.Payments.UsePolicy(PaymentPolicyPresets.NiceLayMember()));
        await using var scope = host.Scope();
        var (payments, partner, staff) = await ArrangeAsync(scope);
        await payments.SetPaymentRouteAsync(partner.Id, PaymentRoute.BankTransfer, None);
        var meeting = await payments.RecordActivityAsync(partner.Id, InvolvementActivityKind.PanelMeeting, new DateOnly(2025, 3, 20), TimeSpan.FromHours(4), "Partner", "Panel meeting", null, None);
        var review = await payments.RecordActivityAsync(partner.Id, InvolvementActivityKind.ReviewPreparation, new DateOnly(2025, 3, 21), TimeSpan.FromHours(2), PaymentPolicyPresets.DocumentReview, "Papers", null, None);
        var claim = await payments.SubmitClaimAsync(partner.Id, [meeting.Id, review.Id], [new Expense(ExpenseKind.Travel, 12.40m, true, "Train fare")], None);
        var notApproved = await payments.SubmitClaimAsync(partner.Id, [], [new Expense(ExpenseKind.Parking, 2.00m, false, "Parking")], None);
        await payments.ActingAs(scope, staff.Id).ApproveClaimAsync(claim.Id, None);

        var export = await payments.ActingAs(scope, staff.Id).ExportApprovedClaimsAsync(new DateOnly(2025, 4, 1), new DateOnly(2025, 4, 30), None);
        var again = await payments.ActingAs(scope, staff.Id).ExportApprovedClaimsAsync(new DateOnly(2025, 4, 1), new DateOnly(2025, 4, 30), None);

        export.ClaimIds.Should().Equal(claim.Id);
        export.Rows.Select(r => (r.LineType, r.Amount, r.Rate, r.Basis, r.PolicyName, r.PaymentRoute)).Should().Equal(
            ("Fee", 150.00m, (decimal?)150.00m, "FullDay", "NICE lay-member style", (PaymentRoute?)PaymentRoute.BankTransfer),
            ("Fee", 25.00m, (decimal?)25.00m, "FlatFee", "NICE lay-member style", (PaymentRoute?)PaymentRoute.BankTransfer),
            ("Expense", 12.40m, null, null, null, (PaymentRoute?)PaymentRoute.BankTransfer));
        export.Rows[0].PolicyVersionFrom.Should().Be(PaymentPolicyPresets.PlaceholderDate);
        export.Rows.Select(r => (r.Description, r.Date)).Should().Equal(
            ("Panel meeting, Partner rate", new DateOnly(2025, 3, 20)),
            ("Review preparation, Document review rate", new DateOnly(2025, 3, 21)),
            ("Travel: Train fare", DateOnly.FromDateTime(TestHost.Start.UtcDateTime)));
        export.Total.Should().Be(187.40m);
        again.Rows.Should().BeEmpty("an exported claim is not exported twice");
        var saved = await payments.GetClaimAsync(claim.Id, None);
        saved.ExportedAt.Should().Be(host.Clock.GetUtcNow());
        saved.ExportedBy.Should().Be(staff.Id);
        (await payments.GetClaimAsync(notApproved.Id, None)).ExportedAt.Should().BeNull();
        var trail = await scope.ServiceProvider.GetRequiredService<CoProduction.Storage.IEventOutbox>().ListForAggregateAsync(claim.Id.Value, None);
        trail.Select(m => m.Event).OfType<PaymentClaimExported>().Should().ContainSingle();
        var outOfRange = await payments.ActingAs(scope, staff.Id).ExportApprovedClaimsAsync(new DateOnly(2025, 5, 1), new DateOnly(2025, 5, 31), None);
        outOfRange.Rows.Should().BeEmpty();
        var backwards = () => payments.ActingAs(scope, staff.Id).ExportApprovedClaimsAsync(new DateOnly(2025, 5, 1), new DateOnly(2025, 4, 1), None);
        (await backwards.Should().ThrowAsync<DomainRuleViolationException>()).Which.Code.Should().Be(PaymentErrorCodes.InvalidExportRange);
        var byPartner = () => payments.ActingAs(scope, partner.Id).ExportApprovedClaimsAsync(new DateOnly(2025, 4, 1), new DateOnly(2025, 4, 30), None);
        (await byPartner.Should().ThrowAsync<DomainRuleViolationException>()).Which.Code.Should().Be(PaymentErrorCodes.NotAClaimDecider);
    }

    [Fact]
    public async Task AgeingReport_BucketsOutstandingClaimsByDaysWaited_WithThePolicysTarget()
    {
        await using var host = TestHost.Create(o => o.Payments.UsePolicy(PaymentPolicyPresets.NiceLayMember()));
        await using var scope = host.Scope();
        var (payments, partner, _) = await ArrangeAsync(scope);
        async Task ClaimAsync(decimal amount) => await payments.SubmitClaimAsync(partner.Id, [], [new Expense(ExpenseKind.Travel, amount, true, "Fare")], None);

        await ClaimAsync(10m); // will wait 50 days
        host.Clock.Advance(TimeSpan.FromDays(15));
        await ClaimAsync(20m); // 35 days
        host.Clock.Advance(TimeSpan.FromDays(14));
        await ClaimAsync(30m); // 21 days
        host.Clock.Advance(TimeSpan.FromDays(7));
        await ClaimAsync(40m); // 14 days
        host.Clock.Advance(TimeSpan.FromDays(14));

        var report = await payments.GetClaimAgeingReportAsync(None);

        report.PaymentTargetDays.Should().Be(21, "the NICE-style policy's target, not the options' 30 days");
        report.Buckets.Select(b => (b.Label, b.Claims, b.Total)).Should().Equal(("0-14 days", 1, 40m), ("15-28 days", 1, 30m), ("29-42 days", 1, 20m), ("over 42 days", 1, 10m));
        report.Overdue.Should().Be(2, "35 and 50 days are past 21; 21 days is not");
    }

    [Fact]
    public async Task NoVersionInForce_OnTheActivitysDate_RefusedWithTheCode()
    {
        var policy = new PaymentPolicy { Name = "From April" };
        policy.Versions.Add(DayVersion(new DateOnly(2025, 4, 1), half: 75m, full: 150m));
        await using var host = TestHost.Create(o => o.Payments.UsePolicy(policy));
        await using var scope = host.Scope();
        var (payments, partner, _) = await ArrangeAsync(scope);

        // An activity is a record of involvement, so it is recorded; claiming it is refused.
        var activity = await payments.RecordActivityAsync(partner.Id, InvolvementActivityKind.PanelMeeting, new DateOnly(2025, 3, 31), TimeSpan.FromHours(2), "Partner", "Panel meeting", null, None);

        var act = () => payments.SubmitClaimAsync(partner.Id, [activity.Id], [], None);

        var refusal = (await act.Should().ThrowAsync<DomainRuleViolationException>()).Which;
        refusal.Code.Should().Be(PaymentErrorCodes.NoPolicyVersionInForce);
        refusal.Message.Should().Contain("'From April'").And.Contain("2025-03-31").And.Contain("2025-04-01");
        (await payments.ListClaimsForParticipantAsync(partner.Id, None)).Should().BeEmpty();
    }

    [Fact]
    public async Task NoPolicyConfigured_AFourAndAHalfHourMeeting_IsNotPricedAtAllAndTheRefusalSaysWhatToConfigure()
    {
        // The library has no built-in rates or thresholds: without a policy nothing is priced, not even as a half day.
        await using var host = TestHost.Create();
        await using var scope = host.Scope();
        var (payments, partner, _) = await ArrangeAsync(scope);
        var meeting = await payments.RecordActivityAsync(partner.Id, InvolvementActivityKind.PanelMeeting, new DateOnly(2025, 3, 20), TimeSpan.FromHours(4.5), "Partner", "Panel meeting", null, None);

        var act = () => payments.SubmitClaimAsync(partner.Id, [meeting.Id], [], None);

        var refusal = (await act.Should().ThrowAsync<DomainRuleViolationException>()).Which;
        refusal.Code.Should().Be(PaymentErrorCodes.NoPolicyVersionInForce);
        refusal.Message.Should().Contain("UsePolicy(PaymentPolicyPresets.").And.Contain("CoProduction:Payments:Policy").And.Contain("2025-03-20");
        host.Provider.GetRequiredService<IOptions<CoProductionOptions>>().Value.Payments.Validate().Should().BeEmpty("an empty policy is allowed at start-up: the library's other areas work without payments");
    }

    [Fact]
    public async Task NoPolicyConfigured_AnExpensesOnlyClaim_IsStillPaid()
    {
        await using var host = TestHost.Create();
        await using var scope = host.Scope();
        var (payments, partner, _) = await ArrangeAsync(scope);

        var claim = await payments.SubmitClaimAsync(partner.Id, [], [new Expense(ExpenseKind.Travel, 4.20m, ReceiptProvided: false, "Bus fare")], None);

        claim.Total.Should().Be(4.20m, "expenses need no policy; only fees and mileage are priced by one");
    }

    [Fact]
    public async Task DecideOrExport_AsASystemProcessOrAnUnknownPerson_ForbiddenWithTheCode()
    {
        await using var host = TestHost.Create(o => o.Payments.UsePolicy(PaymentPolicyPresets.NhsEnglandPpvLevel4()));
        await using var scope = host.Scope();
        var (payments, partner, staff) = await ArrangeAsync(scope);
        var activity = await payments.RecordActivityAsync(partner.Id, InvolvementActivityKind.PanelMeeting, new DateOnly(2025, 3, 20), TimeSpan.FromHours(2), "Partner", "Panel meeting", null, None);
        var claim = await payments.SubmitClaimAsync(partner.Id, [activity.Id], [], None);

        // No actor set: the scope runs for the application's process, which decides nothing.
        var bySystem = () => payments.ApproveClaimAsync(claim.Id, None);
        var exportBySystem = () => payments.ExportApprovedClaimsAsync(new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 31), None);
        var adviceBySystem = () => payments.RecordBenefitsAdviceOfferAsync(partner.Id, new DateOnly(2025, 3, 1), BenefitsAdviceOutcome.Accepted, None);
        var byStranger = () => payments.ActingAs(scope, ParticipantId.New()).RejectClaimAsync(claim.Id, "No", None);

        (await adviceBySystem.Should().ThrowAsync<DomainRuleViolationException>()).Which.Message.Should().Contain("system process").And.Contain("Actor.ForParticipant");
        (await exportBySystem.Should().ThrowAsync<DomainRuleViolationException>()).Which.Code.Should().Be(PaymentErrorCodes.NoDecidingPerson);
        foreach (var act in new[] { bySystem, byStranger })
        {
            var refusal = (await act.Should().ThrowAsync<DomainRuleViolationException>()).Which;
            (refusal.Kind, refusal.Code).Should().Be((ErrorKind.Forbidden, PaymentErrorCodes.NoDecidingPerson));
        }

        (await byStranger.Should().ThrowAsync<DomainRuleViolationException>()).Which.Message.Should().Contain("has no participant record in this organisation");
        (await payments.GetClaimAsync(claim.Id, None)).Status.Should().Be(PaymentClaimStatus.Submitted);

        // The decision names the person it came from, never a parameter.
        var approved = await payments.ActingAs(scope, staff.Id).ApproveClaimAsync(claim.Id, None);
        approved.DecidedBy.Should().Be(staff.Id);
    }

    [Fact]
    public async Task Erasure_ClearsThePaymentProfile_AndTheExportShowedItBefore()
    {
        await using var host = TestHost.CreatePaying();
        await using var scope = host.Scope();
        var (payments, partner, staff) = await ArrangeAsync(scope);
        await payments.SetPaymentRouteAsync(partner.Id, PaymentRoute.Voucher, None);
        await payments.ActingAs(scope, staff.Id).RecordBenefitsAdviceOfferAsync(partner.Id, new DateOnly(2025, 3, 1), BenefitsAdviceOutcome.Accepted, None);
        await payments.RecordPublicSectorEmploymentAsync(partner.Id, "County council", false, None);
        var people = scope.ServiceProvider.GetRequiredService<ParticipantService>();

        var export = System.Text.Json.JsonSerializer.Serialize(await people.ExportAsync(partner.Id, None));
        await people.EraseAsync(partner.Id, None);
        var profile = await payments.FindPaymentProfileAsync(partner.Id, None);

        export.Should().Contain("County council").And.Contain($"\"Route\":{(int)PaymentRoute.Voucher}");
        profile!.Route.Should().BeNull();
        profile.BenefitsAdvice.Should().BeNull();
        profile.PublicSectorEmployment.Should().BeNull();
        profile.ErasedAt.Should().NotBeNull();
    }

    private static PaymentPolicyVersion DayVersion(DateOnly from, decimal half, decimal full)
    {
        var version = new PaymentPolicyVersion { EffectiveFrom = from, HalfDayFromHours = 0, FullDayFromHours = 4 };
        version.Rates.Add(new RoleRate { RoleLevel = "Partner", HalfDayRate = half, FullDayRate = full });
        return version;
    }

    private static async Task<(PaymentService Payments, Participant Partner, Participant Staff)> ArrangeAsync(AsyncServiceScope scope)
    {
        var people = scope.ServiceProvider.GetRequiredService<ParticipantService>();
        var partner = await people.RegisterAsync("Patient partner A", [ParticipantRole.PatientPartner], None);
        var staff = await people.RegisterAsync("Participation lead D", [ParticipantRole.Staff], None);
        return (scope.ServiceProvider.GetRequiredService<PaymentService>(), partner, staff);
    }
}
