using CoProduction.Partners;
using CoProduction.Partners.Events;
using CoProduction.People;
using CoProduction.Primitives;
using CoProduction.Storage;
using Microsoft.Extensions.DependencyInjection;
using static CoProduction.Core.Tests.Partners.PartnerWorld;

namespace CoProduction.Core.Tests.Partners;

public sealed class RecruitmentRoundTests
{
    private static readonly string[] Letters = ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L"];

    [Fact]
    public async Task RecruitmentRound_PublishTwelveInterestsSelectOnboardAndFirstActivity_EndToEnd()
    {
        await using var world = Create();
        var lead = await world.ActAsStaffAsync();
        var opportunity = await world.PublishedRoleAsync();
        opportunity.Status.Should().Be(OpportunityStatus.Published);

        // Twelve people express interest: every third mentions stroke and caring, every other one is available in the mornings and afternoons.
        var people = new List<ParticipantId>();
        var interests = new List<ExpressionOfInterest>();
        for (var i = 0; i < 12; i++)
        {
            var person = await world.RegisterAsync($"Patient partner {Letters[i]}", ParticipantRole.PatientPartner);
            people.Add(person);
            var words = (i % 3) switch
            {
                0 => "I had a Stroke and now my partner is my carer",
                1 => "I have lived with a stroke for ten years",
                _ => "I use the diabetes service",
            };
            var availability = i % 2 == 0 ? Availability.WeekdayMornings | Availability.WeekdayAfternoons | Availability.Weekends : Availability.WeekdayEvenings;
            interests.Add(await world.Recruitment.ExpressInterestAsync(opportunity.Id, person, words, availability, i == 4 ? "Large-print papers" : null, None));
        }

        // Matching only suggests: best lived-experience match first, then availability; nothing is decided by it.
        var suggestions = await world.Recruitment.SuggestMatchesAsync(opportunity.Id, None);
        suggestions.Should().HaveCount(12);
        suggestions.Take(4).Should().OnlyContain(s => s.LivedExperienceMatched.Count == 2, "people 0, 3, 6 and 9 mention both stroke and caring");
        suggestions[0].AvailabilityCovers.Should().BeTrue();
        suggestions[0].ParticipantId.Should().Be(people[0], "of the four, person 0 is available when the role needs and came first");
        suggestions.Skip(8).Should().OnlyContain(s => s.LivedExperienceMatched.Count == 0);
        (await world.Recruitment.FindAsync(opportunity.Id, None))!.Expressions.Should().OnlyContain(e => e.Outcome == null, "a suggestion decides nothing");

        await world.Recruitment.CloseAsync(opportunity.Id, None);

        // Selection: a reason for every decision, and every person told.
        var selected = new[] { people[0], people[3], people[6] };
        foreach (var interest in interests)
        {
            var chosen = selected.Contains(interest.ParticipantId);
            await world.Recruitment.DecideAsync(opportunity.Id, interest.Id, chosen ? SelectionOutcome.Selected : SelectionOutcome.NotSelected, chosen ? "Recent experience of the stroke pathway, as a patient and with a carer" : "We had more applicants than places; we will tell you of the next role", None);
            await world.Recruitment.RecordToldAsync(opportunity.Id, interest.Id, Today, ContactMethod.Email, None);
        }

        var decided = (await world.Recruitment.FindAsync(opportunity.Id, None))!;
        decided.Expressions.Should().HaveCount(12).And.OnlyContain(e => e.Outcome != null && !string.IsNullOrWhiteSpace(e.DecisionReason) && e.ToldOn == Today && e.ToldVia == ContactMethod.Email);
        decided.Expressions.Count(e => e.Outcome == SelectionOutcome.Selected).Should().Be(3);

        // Onboarding: each missing check refuses the appointment with its own code, in checklist order.
        var first = people[0];
        var refusals = new List<string>();
        async Task TryAppointAsync()
        {
            var act = () => world.Partners.AppointAsync(opportunity.Id, first, Today, None);
            refusals.Add((await act.Should().ThrowAsync<DomainRuleViolationException>()).Which.Code);
        }

        (await world.Partners.ListMissingChecksAsync(opportunity.Id, first, Today, None)).Should().Equal(FullChecklist);
        await world.Partners.RecordCheckAsync(first, OnboardingCheckKind.Induction, null, new DateOnly(2025, 3, 20), null, None);
        (await world.Partners.ListMissingChecksAsync(opportunity.Id, first, Today, None)).Select(c => c.Kind).Should().Equal(OnboardingCheckKind.InvolvementAgreement, OnboardingCheckKind.DbsCheck, OnboardingCheckKind.References, OnboardingCheckKind.Training);
        await TryAppointAsync();
        await world.Partners.RecordCheckAsync(first, OnboardingCheckKind.InvolvementAgreement, null, new DateOnly(2025, 3, 21), null, None);
        await TryAppointAsync();
        await world.Partners.RecordCheckAsync(first, OnboardingCheckKind.DbsCheck, null, new DateOnly(2025, 3, 22), new DateOnly(2028, 3, 22), None);
        await TryAppointAsync();
        await world.Partners.RecordCheckAsync(first, OnboardingCheckKind.References, null, new DateOnly(2025, 3, 24), null, None);
        await TryAppointAsync();
        refusals.Should().Equal(PartnerErrorCodes.AgreementNotSigned, PartnerErrorCodes.DbsCheckMissing, PartnerErrorCodes.ReferencesMissing, PartnerErrorCodes.TrainingMissing);

        // A course other than the one required does not count.
        await world.Partners.RecordCheckAsync(first, OnboardingCheckKind.Training, "Manual handling", new DateOnly(2025, 3, 25), null, None);
        await TryAppointAsync();
        refusals[^1].Should().Be(PartnerErrorCodes.TrainingMissing);
        await world.Partners.RecordCheckAsync(first, OnboardingCheckKind.Training, "Safeguarding adults level 1", new DateOnly(2025, 3, 25), new DateOnly(2026, 3, 25), None);

        var appointment = await world.Partners.AppointAsync(opportunity.Id, first, Today, None);
        appointment.ReviewOn.Should().Be(new DateOnly(2026, 10, 1), "a fixed term of 18 months from 1 April 2025");
        appointment.IsActive.Should().BeFalse("appointed, not yet active");

        // First activity: active in the role.
        world.SetToday(new DateOnly(2025, 4, 10));
        var active = await world.Partners.RecordFirstActivityAsync(first, appointment.Id, new DateOnly(2025, 4, 10), None);
        active.IsActive.Should().BeTrue();
        var record = (await world.Partners.FindRecordAsync(first, None))!;
        record.Appointments.Should().ContainSingle().Which.FirstActivityOn.Should().Be(new DateOnly(2025, 4, 10));

        var events = world.Services.GetRequiredService<IEventOutbox>();
        var stored = await events.ListForAggregateAsync(record.Id.Value, None);
        stored.Select(m => m.Event).Should().ContainSingle(e => e is PartnerAppointed).And.ContainSingle(e => e is PartnerActiveInRole);
    }

    [Fact]
    public async Task AppointAsync_NotSelectedOrNotTold_IsRefused()
    {
        await using var world = Create();
        var lead = await world.ActAsStaffAsync();
        var opportunity = await world.PublishedRoleAsync([new(OnboardingCheckKind.InvolvementAgreement)]);
        var turnedDown = await world.RegisterAsync("Patient partner A", ParticipantRole.PatientPartner);
        var notTold = await world.RegisterAsync("Patient partner B", ParticipantRole.PatientPartner);
        var a = await world.Recruitment.ExpressInterestAsync(opportunity.Id, turnedDown, "Stroke survivor", Availability.Weekends, null, None);
        var b = await world.Recruitment.ExpressInterestAsync(opportunity.Id, notTold, "Stroke survivor", Availability.Weekends, null, None);
        await world.Recruitment.DecideAsync(opportunity.Id, a.Id, SelectionOutcome.NotSelected, "Availability does not fit the meetings", None);
        await world.Recruitment.RecordToldAsync(opportunity.Id, a.Id, Today, ContactMethod.Phone, None);
        await world.Recruitment.DecideAsync(opportunity.Id, b.Id, SelectionOutcome.Selected, "Good fit", None);
        foreach (var person in new[] { turnedDown, notTold })
        {
            await world.Partners.RecordCheckAsync(person, OnboardingCheckKind.InvolvementAgreement, null, Today, null, None);
            var act = () => world.Partners.AppointAsync(opportunity.Id, person, Today, None);
            (await act.Should().ThrowAsync<DomainRuleViolationException>()).Which.Code.Should().Be(PartnerErrorCodes.NotSelected);
        }
    }

    [Fact]
    public async Task AppointAsync_DbsCheckExpired_IsRefusedSayingItExpired_AndFirstActivityAfterExpiryToo()
    {
        await using var world = Create();
        var lead = await world.ActAsStaffAsync();
        var opportunity = await world.PublishedRoleAsync([new(OnboardingCheckKind.DbsCheck, validForMonths: 36)]);
        var person = await world.RegisterAsync("Patient partner A", ParticipantRole.PatientPartner);
        var interest = await world.Recruitment.ExpressInterestAsync(opportunity.Id, person, "Stroke", Availability.WeekdayMornings, null, None);
        await world.Recruitment.DecideAsync(opportunity.Id, interest.Id, SelectionOutcome.Selected, "Good fit", None);
        await world.Recruitment.RecordToldAsync(opportunity.Id, interest.Id, Today, ContactMethod.Email, None);
        await world.Partners.RecordCheckAsync(person, OnboardingCheckKind.DbsCheck, null, new DateOnly(2022, 3, 1), new DateOnly(2025, 3, 1), None);

        var act = () => world.Partners.AppointAsync(opportunity.Id, person, Today, None);
        var refusal = (await act.Should().ThrowAsync<DomainRuleViolationException>()).Which;
        refusal.Code.Should().Be(PartnerErrorCodes.DbsCheckMissing);
        refusal.Message.Should().Contain("expired on 1 March 2025");

        await world.Partners.RecordCheckAsync(person, OnboardingCheckKind.DbsCheck, null, new DateOnly(2025, 3, 30), new DateOnly(2025, 4, 20), None);
        var appointment = await world.Partners.AppointAsync(opportunity.Id, person, Today, None);
        world.SetToday(new DateOnly(2025, 5, 1));
        var late = () => world.Partners.RecordFirstActivityAsync(person, appointment.Id, new DateOnly(2025, 5, 1), None);
        (await late.Should().ThrowAsync<DomainRuleViolationException>()).Which.Code.Should().Be(PartnerErrorCodes.DbsCheckMissing);
    }

    [Fact]
    public async Task ExpressInterestAsync_DraftClosedOrTwice_IsRefused()
    {
        await using var world = Create();
        var person = await world.RegisterAsync("Patient partner A", ParticipantRole.PatientPartner);
        var draft = await world.Recruitment.DraftAsync(Role(), new DateOnly(2025, 4, 30), [], null, [], Availability.None, None);
        var early = () => world.Recruitment.ExpressInterestAsync(draft.Id, person, "Stroke", Availability.Weekends, null, None);
        (await early.Should().ThrowAsync<DomainRuleViolationException>()).Which.Code.Should().Be(PartnerErrorCodes.OpportunityNotOpen);

        await world.Recruitment.PublishAsync(draft.Id, None);
        await world.Recruitment.ExpressInterestAsync(draft.Id, person, "Stroke", Availability.Weekends, null, None);
        var twice = () => world.Recruitment.ExpressInterestAsync(draft.Id, person, "Stroke again", Availability.Weekends, null, None);
        (await twice.Should().ThrowAsync<DomainRuleViolationException>()).Which.Code.Should().Be(PartnerErrorCodes.AlreadyExpressedInterest);

        world.SetToday(new DateOnly(2025, 5, 1));
        var other = await world.RegisterAsync("Patient partner B", ParticipantRole.PatientPartner);
        var late = () => world.Recruitment.ExpressInterestAsync(draft.Id, other, "Stroke", Availability.Weekends, null, None);
        (await late.Should().ThrowAsync<DomainRuleViolationException>()).Which.Code.Should().Be(PartnerErrorCodes.OpportunityNotOpen);
    }

    [Fact]
    public async Task DraftAsync_DuplicateCheckAndBadTerm_AreOneInvalidInput()
    {
        await using var world = Create();
        var act = () => world.Recruitment.DraftAsync(Role(), new DateOnly(2025, 4, 30), [new(OnboardingCheckKind.Induction), new(OnboardingCheckKind.Induction)], 0, [], Availability.None, None);
        var errors = (await act.Should().ThrowAsync<InvalidInputException>()).Which.Errors;
        errors.Keys.Should().Contain(["requiredChecks", "fixedTermMonths"]);
    }
}
