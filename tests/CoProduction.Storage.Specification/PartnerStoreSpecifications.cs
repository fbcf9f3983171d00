using System.Text.Json;
using CoProduction.Partners;
using CoProduction.People;
using CoProduction.Primitives;
using FluentAssertions.Equivalency;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduction.Storage.Specification;

/// <summary>Sample Partners aggregates in every state, built below the services.</summary>
internal static class PartnerSamples
{
    internal static EquivalencyAssertionOptions<T> SameState<T>(EquivalencyAssertionOptions<T> options)
        where T : IAggregateRoot
        => options.Excluding(a => a.PendingEvents).ComparingRecordsByMembers().WithStrictOrdering();

    internal static RoleDescription Role(string title = "Patient partner, stroke pathway group") =>
        new(title, "Brings the patient view to the stroke pathway group", "Two hours a month", "Trust involvement payment policy", "Education centre", true, "Step-free access; hearing loop");

    /// <summary>A published opportunity with every kind of check, three expressions of interest (decided and told, decided, withdrawn).</summary>
    internal static Opportunity Opportunity(OrganisationId organisationId, TimeProvider clock, ParticipantId first, ParticipantId second, ParticipantId third, string title = "Patient partner, stroke pathway group")
    {
        var opportunity = Partners.Opportunity.Draft(
            organisationId,
            Role(title),
            DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(30),
            [new(OnboardingCheckKind.InvolvementAgreement), new(OnboardingCheckKind.DbsCheck, validForMonths: 36), new(OnboardingCheckKind.Training, "Safeguarding adults level 1", 12)],
            18,
            ["stroke", "carer"],
            Availability.WeekdayMornings | Availability.Weekends,
            clock);
        opportunity.Publish(clock);
        var a = opportunity.ExpressInterest(first, "I had a stroke in 2019", Availability.WeekdayMornings | Availability.WeekdayEvenings, "Large-print papers", clock);
        var b = opportunity.ExpressInterest(second, "I care for my father", Availability.Weekends, null, clock);
        var c = opportunity.ExpressInterest(third, "Diabetes", Availability.None, null, clock);
        opportunity.Decide(a.Id, SelectionOutcome.Selected, "Recent experience of the pathway", ParticipantId.New(), clock);
        opportunity.RecordTold(a.Id, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ContactMethod.TextMessage, clock);
        opportunity.Decide(b.Id, SelectionOutcome.NotSelected, "More applicants than places", ParticipantId.New(), clock);
        opportunity.WithdrawInterest(c.Id, clock);
        return opportunity;
    }

    /// <summary>A partner record with checks (one renewed), a fixed-term role made active, two story-sharing sessions (ready and withdrawn) and an announcement.</summary>
    internal static PartnerRecord Record(OrganisationId organisationId, TimeProvider clock, ParticipantId participantId)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var opportunity = Opportunity(organisationId, clock, participantId, ParticipantId.New(), ParticipantId.New());
        var record = PartnerRecord.Open(organisationId, participantId, clock);
        record.RecordCheck(OnboardingCheckKind.InvolvementAgreement, null, today.AddDays(-10), null, clock);
        record.RecordCheck(OnboardingCheckKind.DbsCheck, null, today.AddYears(-4), today.AddYears(-1), clock);
        record.RecordCheck(OnboardingCheckKind.DbsCheck, null, today.AddDays(-5), today.AddDays(-5).AddMonths(36), clock);
        record.RecordCheck(OnboardingCheckKind.Training, "Safeguarding adults level 1", today.AddDays(-3), today.AddDays(-3).AddMonths(12), clock);
        var appointment = record.Appoint(opportunity, today, clock);
        record.RecordFirstActivity(opportunity, appointment.Id, today, clock);
        record.ScheduleSupportPlanReview(today.AddMonths(6), clock);
        var ready = record.PlanStorySharing("Board meeting patient story", today.AddDays(14), clock);
        record.ConfirmReadyToShare(ready.Id, today, clock);
        var withdrawn = record.PlanStorySharing("Quality conference", today.AddDays(40), clock);
        record.WithdrawFromStorySharing(withdrawn.Id, clock);
        record.Announce([new DueWorkItem(DueWorkKind.SupportPlanReview, participantId, record.Id.Value, today.AddMonths(6), ContactMethod.Email)], clock);
        return record;
    }
}

/// <summary>What every <see cref="IOpportunityStore"/> must do: round trips of opportunities with their checklist and expressions of interest, stale updates, isolation and its queries.</summary>
public abstract class OpportunityStoreSpecification : StoreSpecification
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AddAsync_PublishedOpportunityWithDecisions_IsFoundWithEveryPartInOrder()
    {
        var opportunity = PartnerSamples.Opportunity(OrganisationA, Clock, ParticipantId.New(), ParticipantId.New(), ParticipantId.New());

        await WithStore<IOpportunityStore>(OrganisationA, s => s.AddAsync(opportunity, Ct));
        var found = (await WithStore<IOpportunityStore, Opportunity?>(OrganisationA, async s => await s.FindAsync(opportunity.Id, Ct)))!;

        found.Version.Should().Be(1);
        found.Should().BeEquivalentTo(opportunity, PartnerSamples.SameState);
        found.AvailabilityNeeded.Should().Be(Availability.WeekdayMornings | Availability.Weekends);
        found.LivedExperienceSought.Should().Equal("stroke", "carer");
        found.RequiredChecks.Select(c => (c.Kind, c.TrainingName, c.ValidForMonths)).Should().Equal((OnboardingCheckKind.InvolvementAgreement, null, null), (OnboardingCheckKind.DbsCheck, null, 36), (OnboardingCheckKind.Training, "Safeguarding adults level 1", 12));
        found.Expressions.Select(e => e.Outcome).Should().Equal(SelectionOutcome.Selected, SelectionOutcome.NotSelected, null);
        found.Expressions[0].ToldVia.Should().Be(ContactMethod.TextMessage);
        found.Expressions[2].WithdrawnAt.Should().NotBeNull();
    }

    [Fact]
    public async Task UpdateAsync_Closed_IsFoundAtVersion2AndStaleCopyConflicts()
    {
        var opportunity = PartnerSamples.Opportunity(OrganisationA, Clock, ParticipantId.New(), ParticipantId.New(), ParticipantId.New());
        await WithStore<IOpportunityStore>(OrganisationA, s => s.AddAsync(opportunity, Ct));
        var stale = (await WithStore<IOpportunityStore, Opportunity?>(OrganisationA, async s => await s.FindAsync(opportunity.Id, Ct)))!;
        opportunity.Close(Clock);
        await WithStore<IOpportunityStore>(OrganisationA, s => s.UpdateAsync(opportunity, Ct));
        stale.ExpressInterest(ParticipantId.New(), "Stroke", Availability.Weekends, null, Clock);

        var staleUpdate = () => WithStore<IOpportunityStore>(OrganisationA, s => s.UpdateAsync(stale, Ct));

        await staleUpdate.Should().ThrowAsync<ConcurrencyConflictException>();
        var found = (await WithStore<IOpportunityStore, Opportunity?>(OrganisationA, async s => await s.FindAsync(opportunity.Id, Ct)))!;
        found.Version.Should().Be(2);
        found.Status.Should().Be(OpportunityStatus.Closed);
        found.Should().BeEquivalentTo(opportunity, PartnerSamples.SameState);
    }

    [Fact]
    public async Task ListAsync_AndListForParticipantAsync_ReturnOnlyTheOrganisationsByClosingDate()
    {
        var person = ParticipantId.New();
        var published = PartnerSamples.Opportunity(OrganisationA, Clock, person, ParticipantId.New(), ParticipantId.New(), "Reader panel");
        var draft = Opportunity.Draft(OrganisationA, PartnerSamples.Role("Newsletter reviewer"), DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime).AddDays(5), [], null, [], Availability.None, Clock);
        var theirs = PartnerSamples.Opportunity(OrganisationB, Clock, person, ParticipantId.New(), ParticipantId.New(), "Their panel");
        await WithStore<IOpportunityStore>(OrganisationA, s => s.AddAsync(published, Ct));
        await WithStore<IOpportunityStore>(OrganisationA, s => s.AddAsync(draft, Ct));
        await WithStore<IOpportunityStore>(OrganisationB, s => s.AddAsync(theirs, Ct));

        (await WithStore<IOpportunityStore, IReadOnlyList<Opportunity>>(OrganisationA, s => s.ListAsync(null, Ct))).Select(o => o.Id).Should().Equal(draft.Id, published.Id);
        (await WithStore<IOpportunityStore, IReadOnlyList<Opportunity>>(OrganisationA, s => s.ListAsync(OpportunityStatus.Published, Ct))).Select(o => o.Id).Should().Equal(published.Id);
        (await WithStore<IOpportunityStore, IReadOnlyList<Opportunity>>(OrganisationA, s => s.ListForParticipantAsync(person, Ct))).Select(o => o.Id).Should().Equal(published.Id);
        (await WithStore<IOpportunityStore, Opportunity?>(OrganisationA, async s => await s.FindAsync(theirs.Id, Ct))).Should().BeNull();
    }
}

/// <summary>What every <see cref="IPartnerRecordStore"/> must do: round trips with checks, roles, story sharing and announcements, one record per participant, isolation and its queries.</summary>
public abstract class PartnerRecordStoreSpecification : StoreSpecification
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AddAsync_RecordWithEveryPart_IsFoundByIdAndByParticipant()
    {
        var person = ParticipantId.New();
        var record = PartnerSamples.Record(OrganisationA, Clock, person);

        await WithStore<IPartnerRecordStore>(OrganisationA, s => s.AddAsync(record, Ct));
        var found = (await WithStore<IPartnerRecordStore, PartnerRecord?>(OrganisationA, async s => await s.FindAsync(record.Id, Ct)))!;
        var byParticipant = (await WithStore<IPartnerRecordStore, PartnerRecord?>(OrganisationA, s => s.FindByParticipantAsync(person, Ct)))!;

        found.Version.Should().Be(1);
        found.Should().BeEquivalentTo(record, PartnerSamples.SameState);
        byParticipant.Id.Should().Be(record.Id);
        found.Checks.Should().HaveCount(4);
        found.Appointments.Should().ContainSingle().Which.IsActive.Should().BeTrue();
        found.StorySharing.Select(s => s.Readiness).Should().Equal(StoryReadiness.Ready, StoryReadiness.Withdrawn);
        found.Announced.Should().ContainSingle().Which.Kind.Should().Be(DueWorkKind.SupportPlanReview);
        (await WithStore<IPartnerRecordStore, PartnerRecord?>(OrganisationB, s => s.FindByParticipantAsync(person, Ct))).Should().BeNull();
    }

    [Fact]
    public async Task AddAsync_SecondRecordForTheSameParticipant_IsRefusedAsAConflict()
    {
        var person = ParticipantId.New();
        await WithStore<IPartnerRecordStore>(OrganisationA, s => s.AddAsync(PartnerRecord.Open(OrganisationA, person, Clock), Ct));

        var second = () => WithStore<IPartnerRecordStore>(OrganisationA, s => s.AddAsync(PartnerRecord.Open(OrganisationA, person, Clock), Ct));

        var refusal = (await second.Should().ThrowAsync<DomainRuleViolationException>()).Which;
        refusal.Code.Should().Be(PartnerErrorCodes.PartnerRecordExists);
        refusal.Kind.Should().Be(ErrorKind.Conflict);
        await WithStore<IPartnerRecordStore>(OrganisationB, s => s.AddAsync(PartnerRecord.Open(OrganisationB, person, Clock), Ct));
        (await WithStore<IPartnerRecordStore, IReadOnlyList<PartnerRecord>>(OrganisationA, s => s.ListAsync(Ct))).Should().ContainSingle();
    }

    [Fact]
    public async Task UpdateAsync_StoryDebriefedAndCheckAdded_IsFoundAtVersion2AndStaleCopyConflicts()
    {
        var record = PartnerSamples.Record(OrganisationA, Clock, ParticipantId.New());
        await WithStore<IPartnerRecordStore>(OrganisationA, s => s.AddAsync(record, Ct));
        var stale = (await WithStore<IPartnerRecordStore, PartnerRecord?>(OrganisationA, async s => await s.FindAsync(record.Id, Ct)))!;
        Clock.Advance(TimeSpan.FromDays(15));
        record.RecordDebriefHeld(record.StorySharing[0].Id, SupportRecordId.New(), DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime), Clock);
        record.RecordCheck(OnboardingCheckKind.References, null, DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime), null, Clock);
        await WithStore<IPartnerRecordStore>(OrganisationA, s => s.UpdateAsync(record, Ct));
        stale.RecordCheck(OnboardingCheckKind.Induction, null, DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime), null, Clock);

        var staleUpdate = () => WithStore<IPartnerRecordStore>(OrganisationA, s => s.UpdateAsync(stale, Ct));

        await staleUpdate.Should().ThrowAsync<ConcurrencyConflictException>();
        var found = (await WithStore<IPartnerRecordStore, PartnerRecord?>(OrganisationA, async s => await s.FindAsync(record.Id, Ct)))!;
        found.Version.Should().Be(2);
        found.Should().BeEquivalentTo(record, PartnerSamples.SameState);
        found.StorySharing[0].DebriefId.Should().NotBeNull();
    }
}

/// <summary>What every <see cref="ISupportRecordStore"/> must do: round trips of confidential support records, isolation and the list by participant.</summary>
public abstract class SupportRecordStoreSpecification : StoreSpecification
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AddAsync_SupportRecords_AreFoundAndListedByParticipantByDateHeld()
    {
        var person = ParticipantId.New();
        var today = DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);
        var review = SupportRecord.Record(OrganisationA, person, SupportRecordKind.SupportPlanReview, today, ParticipantId.New(), "Monthly check-ins", "Finding meetings tiring", null, today.AddMonths(6), Clock);
        var debrief = SupportRecord.Record(OrganisationA, person, SupportRecordKind.Debrief, today.AddDays(-3), ParticipantId.New(), "Rest this week", null, StorySharingId.New(), null, Clock);
        var someoneElse = SupportRecord.Record(OrganisationA, ParticipantId.New(), SupportRecordKind.WellbeingCheckIn, today, ParticipantId.New(), "Call next week", null, null, null, Clock);
        var theirs = SupportRecord.Record(OrganisationB, person, SupportRecordKind.WellbeingCheckIn, today, ParticipantId.New(), "Their record", null, null, null, Clock);
        foreach (var record in new[] { review, debrief, someoneElse })
        {
            await WithStore<ISupportRecordStore>(OrganisationA, s => s.AddAsync(record, Ct));
        }

        await WithStore<ISupportRecordStore>(OrganisationB, s => s.AddAsync(theirs, Ct));

        var found = (await WithStore<ISupportRecordStore, SupportRecord?>(OrganisationA, async s => await s.FindAsync(review.Id, Ct)))!;
        found.Should().BeEquivalentTo(review, PartnerSamples.SameState);
        (await WithStore<ISupportRecordStore, IReadOnlyList<SupportRecord>>(OrganisationA, s => s.ListForParticipantAsync(person, Ct))).Select(r => r.Id).Should().Equal(debrief.Id, review.Id);
        (await WithStore<ISupportRecordStore, SupportRecord?>(OrganisationA, async s => await s.FindAsync(theirs.Id, Ct))).Should().BeNull();
    }
}

/// <summary>
/// Erasure and the subject-access export reach Partners through the store: after <see cref="ParticipantService.EraseAsync"/>,
/// none of the person's words in expressions of interest, decision reasons, story-sharing occasions or confidential
/// support records can be read back, while another person's, stored alongside, are intact; before it, the export holds them.
/// </summary>
public abstract class PartnersErasureSpecification : StoreSpecification
{
    private static readonly string[] Distinctive =
    [
        "my stroke on the number 38 bus",
        "a seat by the door for my wheelchair",
        "chosen for the bus-stop story",
        "Board story about the number 38 bus",
        "counselling after the board story",
        "nightmares since the bus",
    ];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EraseAsync_PartnerWithEveryKindOfRecord_LeavesNoneOfTheirWords_AndTheExportHeldThem()
    {
        var today = DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);
        var (person, other, opportunityId) = await InScopeAsync(async sp =>
        {
            var people = sp.GetRequiredService<ParticipantService>();
            var staff = (await people.RegisterAsync("Participation lead P", [ParticipantRole.Staff], Ct)).Id;
            sp.GetRequiredService<ActorContext>().SetCurrent(Actor.ForParticipant(staff));
            var person = (await people.RegisterAsync("Patient partner A", [ParticipantRole.PatientPartner], Ct)).Id;
            var other = (await people.RegisterAsync("Patient partner B", [ParticipantRole.PatientPartner], Ct)).Id;
            var recruitment = sp.GetRequiredService<RecruitmentService>();
            var partners = sp.GetRequiredService<PartnerService>();
            var opportunity = await recruitment.DraftAsync(PartnerSamples.Role(), today.AddDays(20), [new(OnboardingCheckKind.InvolvementAgreement)], 12, ["stroke"], Availability.None, Ct);
            await recruitment.PublishAsync(opportunity.Id, Ct);
            var mine = await recruitment.ExpressInterestAsync(opportunity.Id, person, Distinctive[0], Availability.Weekends, Distinctive[1], Ct);
            var theirs = await recruitment.ExpressInterestAsync(opportunity.Id, other, "Other partner lived experience", Availability.Weekends, "Other partner adjustment", Ct);
            await recruitment.DecideAsync(opportunity.Id, mine.Id, SelectionOutcome.Selected, Distinctive[2], Ct);
            await recruitment.DecideAsync(opportunity.Id, theirs.Id, SelectionOutcome.NotSelected, "Other partner reason", Ct);
            await recruitment.RecordToldAsync(opportunity.Id, mine.Id, today, ContactMethod.Email, Ct);
            await partners.RecordCheckAsync(person, OnboardingCheckKind.InvolvementAgreement, null, today, null, Ct);
            await partners.AppointAsync(opportunity.Id, person, today, Ct);
            var story = await partners.PlanStorySharingAsync(person, Distinctive[3], today.AddDays(2), Ct);
            await partners.ConfirmReadyToShareAsync(person, story.Id, today, Ct);
            await partners.RecordSupportAsync(person, SupportRecordKind.WellbeingCheckIn, today, Distinctive[4], Distinctive[5], null, null, Ct);
            await partners.RecordCheckAsync(other, OnboardingCheckKind.Induction, null, today, null, Ct);
            await partners.RecordSupportAsync(other, SupportRecordKind.WellbeingCheckIn, today, "Other partner next step", "Other partner notes", null, null, Ct);
            return (person, other, opportunity.Id);
        });

        var before = await InScopeAsync(async sp => JsonSerializer.Serialize((await sp.GetRequiredService<ParticipantService>().ExportAsync(person, Ct)).Sections["partners"], CoProductionJson.Options));
        before.Should().ContainAll(Distinctive).And.NotContain("Other partner");

        await InScopeAsync(sp => sp.GetRequiredService<ParticipantService>().EraseAsync(person, Ct));

        var stored = await InScopeAsync(async sp => JsonSerializer.Serialize(
            new object?[]
            {
                await sp.GetRequiredService<IOpportunityStore>().FindAsync(opportunityId, Ct),
                await sp.GetRequiredService<IPartnerRecordStore>().FindByParticipantAsync(person, Ct),
                await sp.GetRequiredService<ISupportRecordStore>().ListForParticipantAsync(person, Ct),
                await sp.GetRequiredService<IPartnerRecordStore>().FindByParticipantAsync(other, Ct),
                await sp.GetRequiredService<ISupportRecordStore>().ListForParticipantAsync(other, Ct),
            },
            CoProductionJson.Options));
        foreach (var text in Distinctive)
        {
            stored.Should().NotContain(text);
        }

        stored.Should().Contain("Other partner lived experience").And.Contain("Other partner adjustment").And.Contain("Other partner reason").And.Contain("Other partner notes");
        var after = await InScopeAsync(async sp => JsonSerializer.Serialize((await sp.GetRequiredService<ParticipantService>().ExportAsync(person, Ct)).Sections["partners"], CoProductionJson.Options));
        after.Should().NotContainAny(Distinctive).And.Contain(PersonalData.RemovedOnErasure);
    }

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = ScopeFor(OrganisationA);
        return await work(scope.ServiceProvider);
    }

    private async Task InScopeAsync(Func<IServiceProvider, Task> work)
    {
        await using var scope = ScopeFor(OrganisationA);
        await work(scope.ServiceProvider);
    }
}
