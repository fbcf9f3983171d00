using CoProduction.Partners;
using CoProduction.Partners.Events;
using CoProduction.Payments;
using CoProduction.People;
using CoProduction.Storage;
using Microsoft.Extensions.DependencyInjection;
using static CoProduction.Core.Tests.Partners.PartnerWorld;

namespace CoProduction.Core.Tests.Partners;

public sealed class PartnerDueWorkTests
{
    private const string Safeguarding = "Safeguarding adults level 1";

    /// <summary>
    /// A year of generated records (seeded, so the same every run): checks with renewals, support plans, fixed-term
    /// roles, story-sharing sessions with and without debriefs, and claims, some paid. The test works out the expected
    /// items from its own log of what it did, by the rules in words, and compares counts per kind and window.
    /// </summary>
    [Fact]
    public async Task ListAsync_AYearOfGeneratedRecords_MatchesCountsWorkedOutIndependently()
    {
        await using var world = Create(o => o.Payments.PaymentTargetDays = 30);
        var random = new Random(2025);
        var start = Today;
        var staff = await world.ActAsStaffAsync();
        var sixMonths = await world.Recruitment.DraftAsync(Role("Reader panel member"), start.AddDays(400), [], 6, [], Availability.None, None);
        var eighteenMonths = await world.Recruitment.DraftAsync(Role("Stroke pathway partner"), start.AddDays(400), [], 18, [], Availability.None, None);
        var openEnded = await world.Recruitment.DraftAsync(Role("Newsletter reviewer"), start.AddDays(400), [], null, [], Availability.None, None);
        var roles = new[] { sixMonths, eighteenMonths, openEnded };
        foreach (var role in roles)
        {
            await world.Recruitment.PublishAsync(role.Id, None);
        }

        // The test's own log: (kind, due date) of what should be due, with superseded renewals removed.
        var expected = new List<(DueWorkKind Kind, DateOnly DueOn, ParticipantId Person)>();
        var latestDbs = new Dictionary<ParticipantId, DateOnly>();
        var latestTraining = new Dictionary<ParticipantId, DateOnly>();
        var planReview = new Dictionary<ParticipantId, DateOnly>();
        var actions = new List<(int Day, Func<Task> Act)>();
        var partners = new List<ParticipantId>();
        for (var i = 0; i < 30; i++)
        {
            var person = await world.RegisterAsync($"Patient partner {i + 1}", ParticipantRole.PatientPartner);
            partners.Add(person);
            var dbsOn = start.AddDays(-random.Next(0, 1100));
            await world.Partners.RecordCheckAsync(person, OnboardingCheckKind.DbsCheck, null, dbsOn, dbsOn.AddMonths(36), None);
            latestDbs[person] = dbsOn.AddMonths(36);
            var trainingOn = start.AddDays(-random.Next(0, 365));
            await world.Partners.RecordCheckAsync(person, OnboardingCheckKind.Training, Safeguarding, trainingOn, trainingOn.AddMonths(12), None);
            latestTraining[person] = trainingOn.AddMonths(12);
            var reviewOn = start.AddDays(random.Next(0, 500));
            await world.Partners.ScheduleSupportPlanReviewAsync(person, reviewOn, None);
            planReview[person] = reviewOn;

            if (random.Next(3) == 0)
            {
                // A renewal during the year replaces both checks' due dates.
                var renewDay = random.Next(1, 365);
                actions.Add((renewDay, async () =>
                {
                    var on = start.AddDays(renewDay);
                    await world.Partners.RecordCheckAsync(person, OnboardingCheckKind.DbsCheck, null, on, on.AddMonths(36), None);
                    await world.Partners.RecordCheckAsync(person, OnboardingCheckKind.Training, Safeguarding, on, on.AddMonths(12), None);
                    latestDbs[person] = on.AddMonths(36);
                    latestTraining[person] = on.AddMonths(12);
                }));
            }

            // A role, given on a day of the year.
            var role = roles[random.Next(3)];
            var appointDay = random.Next(0, 365);
            actions.Add((appointDay, async () =>
            {
                var on = start.AddDays(appointDay);
                var interest = await world.Recruitment.ExpressInterestAsync(role.Id, person, "Lived experience of stroke", Availability.Weekends, null, None);
                await world.Recruitment.DecideAsync(role.Id, interest.Id, SelectionOutcome.Selected, "Good fit", None);
                await world.Recruitment.RecordToldAsync(role.Id, interest.Id, on, ContactMethod.Email, None);
                await world.Partners.AppointAsync(role.Id, person, on, None);
                if (role.FixedTermMonths is { } months)
                {
                    expected.Add((DueWorkKind.FixedTermRoleReview, on.AddMonths(months), person));
                }
            }));

            // Story-sharing sessions: planned a fortnight ahead; some confirmed, some withdrawn, some debriefed.
            for (var s = 0; s < 2; s++)
            {
                var planDay = random.Next(0, 340);
                var sessionOn = start.AddDays(planDay + 14);
                var occasion = $"Story session {s + 1}";
                var fate = random.Next(4); // 0 not confirmed, 1 withdrawn, 2 ready and debriefed, 3 ready and not debriefed
                actions.Add((planDay, async () =>
                {
                    var entry = await world.Partners.PlanStorySharingAsync(person, occasion, sessionOn, None);
                    if (fate >= 1)
                    {
                        await world.Partners.ConfirmReadyToShareAsync(person, entry.Id, start.AddDays(planDay), None);
                    }

                    if (fate == 1)
                    {
                        await world.Partners.WithdrawFromStorySharingAsync(person, entry.Id, None);
                    }

                    if (fate == 2)
                    {
                        actions.Add((planDay + 15, () => world.Partners.RecordSupportAsync(person, SupportRecordKind.Debrief, sessionOn.AddDays(1), "Talk again next month", null, entry.Id, null, None)));
                    }

                    if (fate == 3)
                    {
                        expected.Add((DueWorkKind.DebriefNotHeld, sessionOn.AddDays(7), person));
                    }
                }));
            }

            // A claim on a day of the year; half of them are paid within a fortnight.
            var claimDay = random.Next(0, 350);
            var paid = random.Next(2) == 0;
            actions.Add((claimDay, async () =>
            {
                var on = start.AddDays(claimDay);
                var activity = await world.Payments.RecordActivityAsync(person, InvolvementActivityKind.Other, on, TimeSpan.FromHours(2), "Partner", "Reader panel", null, None);
                var claim = await world.Payments.SubmitClaimAsync(person, [activity.Id], [], None);
                if (paid)
                {
                    actions.Add((claimDay + 10, async () =>
                    {
                        await world.Payments.ApproveClaimAsync(claim.Id, None);
                        await world.Payments.MarkClaimPaidAsync(claim.Id, "BACS-0001", None);
                    }));
                }
                else
                {
                    // Submitted at 09:00 on the day: more than 30 whole days have passed from 09:00 on day 31.
                    expected.Add((DueWorkKind.ClaimOverdue, on.AddDays(31), person));
                }
            }));
        }

        // Live the year, a day at a time.
        for (var day = 0; day < 366; day++)
        {
            world.SetToday(start.AddDays(day));
            foreach (var (_, act) in actions.Where(a => a.Day == day).ToList())
            {
                await act();
            }
        }

        expected.AddRange(latestDbs.Select(d => (DueWorkKind.DbsRenewal, d.Value, d.Key)));
        expected.AddRange(latestTraining.Select(t => (DueWorkKind.TrainingRenewal, t.Value, t.Key)));
        expected.AddRange(planReview.Select(p => (DueWorkKind.SupportPlanReview, p.Value, p.Key)));

        foreach (var (from, to) in new[] { (start, start.AddDays(364)), (start.AddDays(90), start.AddDays(181)), (start.AddDays(365), start.AddDays(729)) })
        {
            var due = await world.DueWork.ListAsync(from, to, None);
            var want = expected.Where(e => e.DueOn >= from && e.DueOn <= to).ToList();
            due.GroupBy(d => d.Kind).ToDictionary(g => g.Key, g => g.Count())
                .Should().BeEquivalentTo(want.GroupBy(e => e.Kind).ToDictionary(g => g.Key, g => g.Count()), $"the window {from} to {to}");
            due.Select(d => (d.Kind, d.DueOn, d.ParticipantId)).Should().BeEquivalentTo(want);
            due.Select(d => d.DueOn).Should().BeInAscendingOrder();
        }

        expected.Where(e => e.DueOn >= start && e.DueOn <= start.AddDays(364)).Select(e => e.Kind).Distinct().Should().HaveCount(6, "the generated year exercises every kind but follow-ups");
    }

    [Fact]
    public async Task ContactVia_IsThePreferredMethodOnlyWithConsentAndTheDetailsForIt()
    {
        await using var world = Create();
        var consenting = await world.RegisterAsync("Patient partner A", ParticipantRole.PatientPartner);
        var noConsent = await world.RegisterAsync("Patient partner B", ParticipantRole.PatientPartner);
        var noPhone = await world.RegisterAsync("Patient partner C", ParticipantRole.PatientPartner);
        await world.People.ChangeContactDetailsAsync(consenting, new ContactDetails(null, "07700 900001", null, ContactMethod.TextMessage), None);
        await world.People.GiveConsentAsync(consenting, ConsentPurpose.Contact, None);
        await world.People.ChangeContactDetailsAsync(noConsent, new ContactDetails("b@example.org", null, null, ContactMethod.Email), None);
        await world.People.ChangeContactDetailsAsync(noPhone, new ContactDetails("c@example.org", null, null, ContactMethod.Phone), None);
        await world.People.GiveConsentAsync(noPhone, ConsentPurpose.Contact, None);
        foreach (var person in new[] { consenting, noConsent, noPhone })
        {
            await world.Partners.RecordCheckAsync(person, OnboardingCheckKind.DbsCheck, null, new DateOnly(2022, 5, 1), new DateOnly(2025, 5, 1), None);
        }

        var due = await world.DueWork.ListAsync(Today, Today.AddDays(60), None);

        due.Should().HaveCount(3).And.OnlyContain(d => d.Kind == DueWorkKind.DbsRenewal && d.DueOn == new DateOnly(2025, 5, 1));
        due.Single(d => d.ParticipantId == consenting).ContactVia.Should().Be(ContactMethod.TextMessage);
        due.Single(d => d.ParticipantId == noConsent).ContactVia.Should().BeNull("no consent to be contacted");
        due.Single(d => d.ParticipantId == noPhone).ContactVia.Should().BeNull("they prefer the phone and no number is recorded");
    }

    [Fact]
    public async Task AnnounceAsync_RaisesOneEventPerItemOnce()
    {
        await using var world = Create();
        var person = await world.RegisterAsync("Patient partner A", ParticipantRole.PatientPartner);
        await world.Partners.RecordCheckAsync(person, OnboardingCheckKind.DbsCheck, null, new DateOnly(2022, 5, 1), new DateOnly(2025, 5, 1), None);
        await world.Partners.RecordCheckAsync(person, OnboardingCheckKind.Training, Safeguarding, new DateOnly(2024, 6, 1), new DateOnly(2025, 6, 1), None);
        await world.Partners.ScheduleSupportPlanReviewAsync(person, new DateOnly(2025, 9, 1), None);

        (await world.DueWork.AnnounceAsync(Today, Today.AddDays(90), None)).Should().Be(2);
        (await world.DueWork.AnnounceAsync(Today, Today.AddDays(90), None)).Should().Be(0, "each item is announced once");
        (await world.DueWork.AnnounceAsync(Today, Today.AddDays(180), None)).Should().Be(1, "the support-plan review comes into the wider window");

        var record = (await world.Partners.FindRecordAsync(person, None))!;
        var events = await world.Services.GetRequiredService<IEventOutbox>().ListForAggregateAsync(record.Id.Value, None);
        events.Select(e => e.Event).OfType<PartnerWorkFellDue>().Select(e => e.Kind)
            .Should().BeEquivalentTo([DueWorkKind.DbsRenewal, DueWorkKind.TrainingRenewal, DueWorkKind.SupportPlanReview]);
    }

    [Fact]
    public async Task ListAsync_AClaimFallsDueByThePaymentTargetOfThePolicyInForce()
    {
        // The NICE-style preset pays within 3 weeks: a claim submitted today is overdue once more than 21 whole days have passed.
        await using var world = Create(o => o.Payments.UsePolicy(PaymentPolicyPresets.NiceLayMember()));
        var person = await world.RegisterAsync("Patient partner A", ParticipantRole.PatientPartner);
        var meeting = await world.Payments.RecordActivityAsync(person, InvolvementActivityKind.PanelMeeting, Today, TimeSpan.FromHours(4), PaymentPolicyPresets.PartnerLevel, "Panel meeting", null, None);
        await world.Payments.SubmitClaimAsync(person, [meeting.Id], [], None);

        var due = await world.DueWork.ListAsync(Today, Today.AddDays(60), None);

        due.Should().ContainSingle(d => d.Kind == DueWorkKind.ClaimOverdue).Which.DueOn.Should().Be(Today.AddDays(22), "the policy's 21 days, not the options' 30");
    }

    [Fact]
    public async Task ListAsync_WindowBackwards_IsInvalidInput()
    {
        await using var world = Create();
        var act = () => world.DueWork.ListAsync(Today, Today.AddDays(-1), None);
        (await act.Should().ThrowAsync<CoProduction.Primitives.InvalidInputException>()).Which.Errors.Keys.Should().Contain("to");
    }
}

public sealed class PartnerDueWorkFollowUpTests
{
    [Fact]
    public async Task ListAsync_PeerReviewActionsOverdue_AreListedByTheirDueDateInTheWindowOnly()
    {
        var peerReview = new PeerReview.PeerReviewWorld();
        var (submission, _) = peerReview.InState(CoProduction.PeerReview.SubmissionState.ResponseReceived);
        var actions = submission.CurrentRound.Actions;
        actions.Should().NotBeEmpty();
        await using var host = TestSupport.TestHost.Create();
        host.Clock.SetUtcNow(new DateTimeOffset(2026, 2, 2, 9, 0, 0, TimeSpan.Zero));
        await using var scope = host.Scope(peerReview.Organisation);
        await scope.ServiceProvider.GetRequiredService<CoProduction.PeerReview.IReviewSubmissionStore>().AddAsync(submission, CancellationToken.None);
        var dueWork = scope.ServiceProvider.GetRequiredService<PartnerDueWorkService>();

        var january = await dueWork.ListAsync(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31), CancellationToken.None);
        var february = await dueWork.ListAsync(new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 28), CancellationToken.None);

        january.Should().HaveCount(actions.Count).And.OnlyContain(i => i.Kind == DueWorkKind.FollowUpOverdue && i.DueOn == peerReview.Today && i.ParticipantId == peerReview.Lead);
        january.Select(i => i.ItemId).Should().BeEquivalentTo(actions.Select(a => a.Id.Value));
        january.Should().OnlyContain(i => i.ContactVia == null, "the owner has no participant record here, so no consent to be contacted");
        february.Should().BeEmpty();
    }
}
