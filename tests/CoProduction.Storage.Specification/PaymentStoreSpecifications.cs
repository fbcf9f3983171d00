using CoProduction.Payments;
using CoProduction.People;
using CoProduction.Primitives;

namespace CoProduction.Storage.Specification;

/// <summary>What every <see cref="IInvolvementActivityStore"/> must do: round trips, updates, isolation and its queries.</summary>
public abstract class InvolvementActivityStoreSpecification : StoreSpecification
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Records a "Partner" activity of a participant, not yet stored.</summary>
    /// <param name="organisationId">The organisation.</param>
    /// <param name="participantId">The participant.</param>
    /// <param name="date">The day it took place.</param>
    /// <param name="source">What it was part of, if anything.</param>
    /// <returns>The activity.</returns>
    protected InvolvementActivity NewActivity(OrganisationId organisationId, ParticipantId participantId, DateOnly date, InvolvementActivitySource? source = null) =>
        InvolvementActivity.Record(organisationId, participantId, InvolvementActivityKind.PanelMeeting, date, TimeSpan.FromHours(3), "Partner", "Peer review panel", source, Clock);

    [Fact]
    public async Task AddAsync_ActivityWithSource_IsFoundWithEveryPart()
    {
        var activity = NewActivity(OrganisationA, ParticipantId.New(), new DateOnly(2026, 3, 4), new InvolvementActivitySource("peer-review", Guid.CreateVersion7()));

        await WithStore<IInvolvementActivityStore>(OrganisationA, s => s.AddAsync(activity, Ct));
        var found = await WithStore<IInvolvementActivityStore, InvolvementActivity?>(OrganisationA, async s => await s.FindAsync(activity.Id, Ct));

        found!.Version.Should().Be(1);
        found.Should().BeEquivalentTo(activity, o => o.Excluding(a => a.PendingEvents));
        found.Source.Should().Be(activity.Source);
        found.Duration.Should().Be(TimeSpan.FromHours(3));
    }

    [Fact]
    public async Task AddAsync_ActivityWithoutSource_IsFoundWithoutSource()
    {
        var activity = NewActivity(OrganisationA, ParticipantId.New(), new DateOnly(2026, 3, 4));

        await WithStore<IInvolvementActivityStore>(OrganisationA, s => s.AddAsync(activity, Ct));
        var found = await WithStore<IInvolvementActivityStore, InvolvementActivity?>(OrganisationA, async s => await s.FindAsync(activity.Id, Ct));

        found!.Source.Should().BeNull();
    }

    [Fact]
    public async Task UpdateAsync_Cancelled_IsFoundCancelledAtVersion2()
    {
        var activity = NewActivity(OrganisationA, ParticipantId.New(), new DateOnly(2026, 3, 4));
        await WithStore<IInvolvementActivityStore>(OrganisationA, s => s.AddAsync(activity, Ct));

        activity.Cancel(Clock);
        await WithStore<IInvolvementActivityStore>(OrganisationA, s => s.UpdateAsync(activity, Ct));
        var found = await WithStore<IInvolvementActivityStore, InvolvementActivity?>(OrganisationA, async s => await s.FindAsync(activity.Id, Ct));

        found!.Version.Should().Be(2);
        found.IsCancelled.Should().BeTrue();
        found.CancelledAt.Should().Be(Clock.GetUtcNow());
    }

    [Fact]
    public async Task ListForParticipantAsync_SeveralParticipantsAndOrganisations_ReturnsOnlyThatParticipantsByDate()
    {
        var partner = ParticipantId.New();
        var later = NewActivity(OrganisationA, partner, new DateOnly(2026, 5, 1));
        var earlier = NewActivity(OrganisationA, partner, new DateOnly(2026, 4, 1));
        var someoneElse = NewActivity(OrganisationA, ParticipantId.New(), new DateOnly(2026, 4, 15));
        var otherOrganisation = NewActivity(OrganisationB, partner, new DateOnly(2026, 4, 20));
        foreach (var activity in new[] { later, earlier, someoneElse })
        {
            await WithStore<IInvolvementActivityStore>(OrganisationA, s => s.AddAsync(activity, Ct));
        }

        await WithStore<IInvolvementActivityStore>(OrganisationB, s => s.AddAsync(otherOrganisation, Ct));

        var listed = await WithStore<IInvolvementActivityStore, IReadOnlyList<InvolvementActivity>>(OrganisationA, s => s.ListForParticipantAsync(partner, Ct));

        listed.Select(a => a.Id).Should().Equal(earlier.Id, later.Id);
    }

    [Fact]
    public async Task ListBetweenAsync_BoundsIncluded_ReturnsActivitiesInTheRangeByDate()
    {
        var partner = ParticipantId.New();
        var beforeRange = NewActivity(OrganisationA, partner, new DateOnly(2026, 3, 31));
        var firstDay = NewActivity(OrganisationA, partner, new DateOnly(2026, 4, 1));
        var lastDay = NewActivity(OrganisationA, partner, new DateOnly(2026, 4, 30));
        var afterRange = NewActivity(OrganisationA, partner, new DateOnly(2026, 5, 1));
        foreach (var activity in new[] { lastDay, afterRange, firstDay, beforeRange })
        {
            await WithStore<IInvolvementActivityStore>(OrganisationA, s => s.AddAsync(activity, Ct));
        }

        var april = await WithStore<IInvolvementActivityStore, IReadOnlyList<InvolvementActivity>>(OrganisationA, s => s.ListBetweenAsync(new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 30), Ct));
        var aprilForB = await WithStore<IInvolvementActivityStore, IReadOnlyList<InvolvementActivity>>(OrganisationB, s => s.ListBetweenAsync(new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 30), Ct));

        april.Select(a => a.Id).Should().Equal(firstDay.Id, lastDay.Id);
        aprilForB.Should().BeEmpty();
    }

    [Fact]
    public async Task FindAsync_AnotherOrganisationsActivity_ReturnsNull()
    {
        var activity = NewActivity(OrganisationA, ParticipantId.New(), new DateOnly(2026, 3, 4));
        await WithStore<IInvolvementActivityStore>(OrganisationA, s => s.AddAsync(activity, Ct));

        var found = await WithStore<IInvolvementActivityStore, InvolvementActivity?>(OrganisationB, async s => await s.FindAsync(activity.Id, Ct));

        found.Should().BeNull();
    }
}

/// <summary>What every <see cref="IPaymentClaimStore"/> must do: round trips of claims with lines and expenses, the lifecycle, stale updates and its queries.</summary>
public abstract class PaymentClaimStoreSpecification : StoreSpecification
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// Submits a claim for two "Partner" activities (3 hours: the half-day rate, 75.00; 1.5 hours: three half-hour
    /// increments at 20.00 an hour, 30.00) and two expenses (travel 12.40 with a receipt, mileage 8.10 without one):
    /// fees 105.00, expenses 20.50, total 125.50.
    /// </summary>
    /// <param name="organisationId">The organisation.</param>
    /// <param name="claimant">The claimant.</param>
    /// <returns>The claim and its two activities.</returns>
    protected (PaymentClaim Claim, InvolvementActivity HalfDay, InvolvementActivity Hourly) NewClaim(OrganisationId organisationId, Participant claimant)
    {
        ArgumentNullException.ThrowIfNull(claimant);
        var halfDay = InvolvementActivity.Record(organisationId, claimant.Id, InvolvementActivityKind.PanelMeeting, new DateOnly(2026, 3, 4), TimeSpan.FromHours(3), "Partner", "Peer review panel", null, Clock);
        var hourly = InvolvementActivity.Record(organisationId, claimant.Id, InvolvementActivityKind.Preparation, new DateOnly(2026, 3, 3), TimeSpan.FromMinutes(90), "Partner", "Reading the submissions", null, Clock);
        var claim = PaymentClaim.Submit(
            organisationId,
            claimant,
            [halfDay, hourly],
            [new Expense(ExpenseKind.Travel, 12.40m, true, "Bus fare"), new Expense(ExpenseKind.Mileage, 8.10m, false, "18 miles")],
            SpecificationPaymentPolicy.Options(),
            Clock);
        return (claim, halfDay, hourly);
    }

    private Participant NewClaimant(OrganisationId organisationId) =>
        Participant.Register(organisationId, "Patient partner A", [ParticipantRole.PatientPartner], Clock);

    [Fact]
    public async Task AddAsync_ClaimWithLinesAndExpenses_IsFoundWithEveryPartInOrder()
    {
        var (claim, _, _) = NewClaim(OrganisationA, NewClaimant(OrganisationA));

        await WithStore<IPaymentClaimStore>(OrganisationA, s => s.AddAsync(claim, Ct));
        var found = (await WithStore<IPaymentClaimStore, PaymentClaim?>(OrganisationA, async s => await s.FindAsync(claim.Id, Ct)))!;

        found.Version.Should().Be(1);
        found.Should().BeEquivalentTo(claim, o => o.Excluding(c => c.PendingEvents).Excluding(c => c.Version).WithStrictOrdering());
        found.Lines.Select(l => (l.Basis, l.Amount)).Should().Equal((PaymentBasis.Hourly, 30.00m), (PaymentBasis.HalfDay, 75.00m));
        found.FeesTotal.Should().Be(105.00m);
        found.ExpensesTotal.Should().Be(20.50m);
        found.Total.Should().Be(125.50m);
    }

    [Fact]
    public async Task UpdateAsync_ApprovedThenPaid_IsFoundPaidWithDecisionAndReference()
    {
        var (claim, _, _) = NewClaim(OrganisationA, NewClaimant(OrganisationA));
        var approver = ParticipantId.New();
        await WithStore<IPaymentClaimStore>(OrganisationA, s => s.AddAsync(claim, Ct));

        Clock.Advance(TimeSpan.FromDays(3));
        claim.Approve(approver, Clock);
        await WithStore<IPaymentClaimStore>(OrganisationA, s => s.UpdateAsync(claim, Ct));
        Clock.Advance(TimeSpan.FromDays(10));
        claim.MarkPaid("BACS-2026-0042", Clock);
        await WithStore<IPaymentClaimStore>(OrganisationA, s => s.UpdateAsync(claim, Ct));
        var found = (await WithStore<IPaymentClaimStore, PaymentClaim?>(OrganisationA, async s => await s.FindAsync(claim.Id, Ct)))!;

        found.Version.Should().Be(3);
        found.Status.Should().Be(PaymentClaimStatus.Paid);
        found.DecidedBy.Should().Be(approver);
        found.PaymentReference.Should().Be("BACS-2026-0042");
        found.Should().BeEquivalentTo(claim, o => o.Excluding(c => c.PendingEvents).WithStrictOrdering());
    }

    [Fact]
    public async Task UpdateAsync_StaleClaim_ThrowsConcurrencyConflictAndKeepsTheFirstDecision()
    {
        var (claim, _, _) = NewClaim(OrganisationA, NewClaimant(OrganisationA));
        await WithStore<IPaymentClaimStore>(OrganisationA, s => s.AddAsync(claim, Ct));
        var approving = (await WithStore<IPaymentClaimStore, PaymentClaim?>(OrganisationA, async s => await s.FindAsync(claim.Id, Ct)))!;
        var rejecting = (await WithStore<IPaymentClaimStore, PaymentClaim?>(OrganisationA, async s => await s.FindAsync(claim.Id, Ct)))!;
        approving.Approve(ParticipantId.New(), Clock);
        rejecting.Reject(ParticipantId.New(), "Duplicate of an earlier claim", Clock);
        await WithStore<IPaymentClaimStore>(OrganisationA, s => s.UpdateAsync(approving, Ct));

        var stale = () => WithStore<IPaymentClaimStore>(OrganisationA, s => s.UpdateAsync(rejecting, Ct));

        await stale.Should().ThrowAsync<ConcurrencyConflictException>();
        var found = (await WithStore<IPaymentClaimStore, PaymentClaim?>(OrganisationA, async s => await s.FindAsync(claim.Id, Ct)))!;
        found.Status.Should().Be(PaymentClaimStatus.Approved);
        found.RejectionReason.Should().BeNull();
        found.Lines.Should().HaveCount(2);
        found.Expenses.Should().HaveCount(2);
    }

    [Fact]
    public async Task ListByStatusAsync_ClaimsInSeveralStates_ReturnsThoseInTheStateBySubmission()
    {
        var claimant = NewClaimant(OrganisationA);
        var (first, _, _) = NewClaim(OrganisationA, claimant);
        Clock.Advance(TimeSpan.FromDays(1));
        var (second, _, _) = NewClaim(OrganisationA, claimant);
        Clock.Advance(TimeSpan.FromDays(1));
        var (approved, _, _) = NewClaim(OrganisationA, claimant);
        approved.Approve(ParticipantId.New(), Clock);
        var (theirs, _, _) = NewClaim(OrganisationB, NewClaimant(OrganisationB));
        foreach (var claim in new[] { approved, second, first })
        {
            await WithStore<IPaymentClaimStore>(OrganisationA, s => s.AddAsync(claim, Ct));
        }

        await WithStore<IPaymentClaimStore>(OrganisationB, s => s.AddAsync(theirs, Ct));

        var submitted = await WithStore<IPaymentClaimStore, IReadOnlyList<PaymentClaim>>(OrganisationA, s => s.ListByStatusAsync(PaymentClaimStatus.Submitted, Ct));
        var approvedClaims = await WithStore<IPaymentClaimStore, IReadOnlyList<PaymentClaim>>(OrganisationA, s => s.ListByStatusAsync(PaymentClaimStatus.Approved, Ct));
        var paid = await WithStore<IPaymentClaimStore, IReadOnlyList<PaymentClaim>>(OrganisationA, s => s.ListByStatusAsync(PaymentClaimStatus.Paid, Ct));

        submitted.Select(c => c.Id).Should().Equal(first.Id, second.Id);
        approvedClaims.Select(c => c.Id).Should().Equal(approved.Id);
        paid.Should().BeEmpty();
    }

    [Fact]
    public async Task ListForParticipantAndContainingActivity_ReturnOnlyMatchingClaimsOfTheOrganisation()
    {
        var claimant = NewClaimant(OrganisationA);
        var (claim, halfDay, _) = NewClaim(OrganisationA, claimant);
        var (otherClaim, _, _) = NewClaim(OrganisationA, NewClaimant(OrganisationA));
        await WithStore<IPaymentClaimStore>(OrganisationA, s => s.AddAsync(claim, Ct));
        await WithStore<IPaymentClaimStore>(OrganisationA, s => s.AddAsync(otherClaim, Ct));

        var forClaimant = await WithStore<IPaymentClaimStore, IReadOnlyList<PaymentClaim>>(OrganisationA, s => s.ListForParticipantAsync(claimant.Id, Ct));
        var containing = await WithStore<IPaymentClaimStore, IReadOnlyList<PaymentClaim>>(OrganisationA, s => s.ListContainingActivityAsync(halfDay.Id, Ct));
        var containingForB = await WithStore<IPaymentClaimStore, IReadOnlyList<PaymentClaim>>(OrganisationB, s => s.ListContainingActivityAsync(halfDay.Id, Ct));
        var containingUnknown = await WithStore<IPaymentClaimStore, IReadOnlyList<PaymentClaim>>(OrganisationA, s => s.ListContainingActivityAsync(InvolvementActivityId.New(), Ct));

        forClaimant.Select(c => c.Id).Should().Equal(claim.Id);
        containing.Select(c => c.Id).Should().Equal(claim.Id);
        containingForB.Should().BeEmpty();
        containingUnknown.Should().BeEmpty();
    }

    [Fact]
    public async Task AddAsync_ClaimPricedByADatedPolicyWithJourneysAndALowerAmount_IsFoundWithEveryPart_AndExportedAfterUpdate()
    {
        var claimant = NewClaimant(OrganisationA);
        var options = new PaymentOptions();
        options.UsePolicy(PaymentPolicyPresets.NiceLayMember());
        var meeting = InvolvementActivity.Record(OrganisationA, claimant.Id, InvolvementActivityKind.PanelMeeting, new DateOnly(2026, 3, 4), TimeSpan.FromHours(4), "Partner", "Peer review panel", null, Clock);
        var review = InvolvementActivity.Record(OrganisationA, claimant.Id, InvolvementActivityKind.ReviewPreparation, new DateOnly(2026, 3, 5), TimeSpan.FromHours(2), PaymentPolicyPresets.DocumentReview, "Papers", null, Clock);
        var claim = PaymentClaim.Submit(
            OrganisationA,
            claimant,
            [meeting, review],
            [new Expense(ExpenseKind.TrustBookedTravel, 0m, false, "Train booked by the trust") { Date = new DateOnly(2026, 3, 4) }, new Expense(ExpenseKind.Childcare, 12.00m, true, "Childminder")],
            options,
            Clock,
            ClaimPayment.LowerAmount,
            160.00m,
            [new MileageJourney(new DateOnly(2026, 3, 4), 140m, 1, MileageVehicle.Car, "Return trip")]);

        await WithStore<IPaymentClaimStore>(OrganisationA, s => s.AddAsync(claim, Ct));
        var found = (await WithStore<IPaymentClaimStore, PaymentClaim?>(OrganisationA, async s => await s.FindAsync(claim.Id, Ct)))!;

        found.Should().BeEquivalentTo(claim, o => o.Excluding(c => c.PendingEvents).Excluding(c => c.Version).WithStrictOrdering());
        // 4 h: the full-day fee 150.00 (4 hours or longer); document review 25.00 flat; the claimant chose 160.00 in all.
        found.Lines.Select(l => (l.Basis, l.Rate, l.PricedAmount, l.Amount, l.PolicyName, l.PolicyVersionFrom)).Should().Equal(
            (PaymentBasis.FullDay, 150.00m, 150.00m, 150.00m, "NICE lay-member style", (DateOnly?)PaymentPolicyPresets.PlaceholderDate),
            (PaymentBasis.FlatFee, 25.00m, 25.00m, 10.00m, "NICE lay-member style", (DateOnly?)PaymentPolicyPresets.PlaceholderDate));
        found.Payment.Should().Be(ClaimPayment.LowerAmount);
        found.ChosenFeesAmount.Should().Be(160.00m);
        // 100 x 0.45 + 40 x 0.25 + 140 x 0.05 = 62.00.
        found.Expenses.Select(e => (e.Kind, e.Amount, e.Date, e.Miles, e.Passengers, e.Vehicle)).Should().Equal(
            (ExpenseKind.TrustBookedTravel, 0m, (DateOnly?)new DateOnly(2026, 3, 4), (decimal?)null, (int?)null, (MileageVehicle?)null),
            (ExpenseKind.Childcare, 12.00m, (DateOnly?)null, (decimal?)null, (int?)null, (MileageVehicle?)null),
            (ExpenseKind.Mileage, 62.00m, (DateOnly?)new DateOnly(2026, 3, 4), (decimal?)140m, (int?)1, (MileageVehicle?)MileageVehicle.Car));

        var exporter = ParticipantId.New();
        found.Approve(ParticipantId.New(), Clock);
        found.MarkExported(exporter, Clock);
        await WithStore<IPaymentClaimStore>(OrganisationA, s => s.UpdateAsync(found, Ct));
        var exported = (await WithStore<IPaymentClaimStore, PaymentClaim?>(OrganisationA, async s => await s.FindAsync(claim.Id, Ct)))!;

        exported.ExportedAt.Should().Be(Clock.GetUtcNow());
        exported.ExportedBy.Should().Be(exporter);
    }
}

/// <summary>What every <see cref="IPaymentProfileStore"/> must do: round trips of the route, benefits advice and employment, updates, erasure and isolation.</summary>
public abstract class PaymentProfileStoreSpecification : StoreSpecification
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AddAsync_ProfileWithEveryPart_IsFoundByThePersonsId()
    {
        var person = ParticipantId.New();
        var profile = PaymentProfile.Start(OrganisationA, person, Clock);
        profile.SetRoute(PaymentRoute.Payroll, Clock);
        profile.RecordBenefitsAdvice(new DateOnly(2026, 2, 1), BenefitsAdviceOutcome.Declined, ParticipantId.New(), Clock);
        profile.RecordPublicSectorEmployment("County council", true, Clock);

        await WithStore<IPaymentProfileStore>(OrganisationA, s => s.AddAsync(profile, Ct));
        var found = (await WithStore<IPaymentProfileStore, PaymentProfile?>(OrganisationA, async s => await s.FindAsync(PaymentProfileId.For(person), Ct)))!;
        var forB = await WithStore<IPaymentProfileStore, PaymentProfile?>(OrganisationB, async s => await s.FindAsync(PaymentProfileId.For(person), Ct));

        found.Version.Should().Be(1);
        found.Should().BeEquivalentTo(profile, o => o.Excluding(p => p.PendingEvents));
        found.BenefitsAdvice!.Outcome.Should().Be(BenefitsAdviceOutcome.Declined);
        found.PublicSectorEmployment!.Employer.Should().Be("County council");
        forB.Should().BeNull();
    }

    [Fact]
    public async Task AddAsync_EmptyProfile_IsFoundWithNothingRecorded()
    {
        var person = ParticipantId.New();
        await WithStore<IPaymentProfileStore>(OrganisationA, s => s.AddAsync(PaymentProfile.Start(OrganisationA, person, Clock), Ct));

        var found = (await WithStore<IPaymentProfileStore, PaymentProfile?>(OrganisationA, async s => await s.FindAsync(PaymentProfileId.For(person), Ct)))!;

        found.Route.Should().BeNull();
        found.BenefitsAdvice.Should().BeNull();
        found.PublicSectorEmployment.Should().BeNull();
    }

    [Fact]
    public async Task UpdateAsync_Erased_IsFoundWithNothingButTheErasureAndRefusesAStaleWrite()
    {
        var person = ParticipantId.New();
        var profile = PaymentProfile.Start(OrganisationA, person, Clock);
        profile.SetRoute(PaymentRoute.Cash, Clock);
        profile.RecordBenefitsAdvice(new DateOnly(2026, 2, 1), BenefitsAdviceOutcome.Accepted, ParticipantId.New(), Clock);
        await WithStore<IPaymentProfileStore>(OrganisationA, s => s.AddAsync(profile, Ct));
        var stale = (await WithStore<IPaymentProfileStore, PaymentProfile?>(OrganisationA, async s => await s.FindAsync(profile.Id, Ct)))!;

        Clock.Advance(TimeSpan.FromDays(1));
        profile.Erase(Clock);
        await WithStore<IPaymentProfileStore>(OrganisationA, s => s.UpdateAsync(profile, Ct));
        stale.SetRoute(PaymentRoute.Voucher, Clock);
        var staleWrite = () => WithStore<IPaymentProfileStore>(OrganisationA, s => s.UpdateAsync(stale, Ct));
        var found = (await WithStore<IPaymentProfileStore, PaymentProfile?>(OrganisationA, async s => await s.FindAsync(profile.Id, Ct)))!;

        await staleWrite.Should().ThrowAsync<ConcurrencyConflictException>();
        found.Version.Should().Be(2);
        found.Route.Should().BeNull();
        found.BenefitsAdvice.Should().BeNull();
        found.ErasedAt.Should().Be(Clock.GetUtcNow());
    }
}
