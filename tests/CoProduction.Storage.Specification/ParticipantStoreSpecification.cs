using CoProduction.People;
using CoProduction.Primitives;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduction.Storage.Specification;

/// <summary>
/// What every <see cref="IParticipantStore"/> must do: find, add, update, refuse stale updates, keep organisations
/// apart, hand out copies rather than shared references, and answer its queries. Each test uses fresh organisations.
/// </summary>
public abstract class ParticipantStoreSpecification : StoreSpecification
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FindAsync_IdNeverStored_ReturnsNull()
    {
        var found = await WithStore<IParticipantStore, Participant?>(OrganisationA, async s => await s.FindAsync(ParticipantId.New(), Ct));

        found.Should().BeNull();
    }

    [Fact]
    public async Task FindManyAsync_SomeIdsOfThisOrganisationSomeOfAnotherSomeOfNobody_ReturnsOnlyThisOrganisationsWholeRecords()
    {
        var first = NewFullParticipant(OrganisationA, "Patient partner A");
        var second = NewFullParticipant(OrganisationA, "Patient partner B");
        var notAsked = NewFullParticipant(OrganisationA, "Patient partner C");
        var elsewhere = NewFullParticipant(OrganisationB, "Patient partner D");
        await WithStore<IParticipantStore>(OrganisationA, async s =>
        {
            await s.AddAsync(first, Ct);
            await s.AddAsync(second, Ct);
            await s.AddAsync(notAsked, Ct);
        });
        await WithStore<IParticipantStore>(OrganisationB, s => s.AddAsync(elsewhere, Ct));

        var found = await WithStore<IParticipantStore, IReadOnlyList<Participant>>(OrganisationA, s => s.FindManyAsync([first.Id, second.Id, second.Id, elsewhere.Id, ParticipantId.New()], Ct));
        var none = await WithStore<IParticipantStore, IReadOnlyList<Participant>>(OrganisationA, s => s.FindManyAsync([], Ct));

        found.Select(p => p.Id).Should().BeEquivalentTo([first.Id, second.Id], "another organisation's id and an unknown id are skipped, a repeated id found once");
        ShouldHoldSameState(found.Single(p => p.Id == first.Id), first);
        none.Should().BeEmpty();
    }

    [Fact]
    public async Task AddAsync_FullRecord_IsFoundWithEveryPartAtVersion1()
    {
        var participant = NewFullParticipant(OrganisationA);

        await WithStore<IParticipantStore>(OrganisationA, s => s.AddAsync(participant, Ct));
        var found = await WithStore<IParticipantStore, Participant?>(OrganisationA, async s => await s.FindAsync(participant.Id, Ct));

        found.Should().NotBeNull();
        found!.Version.Should().Be(1);
        found.PendingEvents.Should().BeEmpty();
        ShouldHoldSameState(found, participant);
        found.Roles.Should().Equal(ParticipantRole.PatientPartner, ParticipantRole.Carer);
        found.DiversityAnswers.Should().Equal(new Dictionary<string, string> { ["Age band"] = "45-54", ["Ethnicity"] = "Prefer not to say" });
        found.Consents.Select(c => c.Purpose).Should().Equal(ConsentPurpose.Contact, ConsentPurpose.DiversityMonitoring, ConsentPurpose.Recording);
    }

    [Fact]
    public async Task AddAsync_MinimalRecord_IsFoundWithoutOptionalParts()
    {
        var participant = Participant.Register(OrganisationA, "Carer B", [ParticipantRole.Carer], Clock);

        await WithStore<IParticipantStore>(OrganisationA, s => s.AddAsync(participant, Ct));
        var found = await WithStore<IParticipantStore, Participant?>(OrganisationA, async s => await s.FindAsync(participant.Id, Ct));

        found!.Contact.Should().BeNull();
        found.PreferredName.Should().BeNull();
        found.AccessibilityNeeds.Should().BeEmpty();
        found.Consents.Should().BeEmpty();
        found.DiversityAnswers.Should().BeEmpty();
        found.PaymentPreference.Should().Be(new PaymentPreference(PaymentMethod.BankTransfer));
        ShouldHoldSameState(found, participant);
    }

    [Fact]
    public async Task AddAsync_Saved_SetsVersion1AndClearsPendingEvents()
    {
        var participant = NewFullParticipant(OrganisationA);

        await WithStore<IParticipantStore>(OrganisationA, s => s.AddAsync(participant, Ct));

        participant.Version.Should().Be(1);
        participant.PendingEvents.Should().BeEmpty();
    }

    [Fact]
    public async Task AddAsync_AlreadyStoredAggregate_ThrowsNotNewAndChangesNothing()
    {
        var participant = Participant.Register(OrganisationA, "Carer B", [ParticipantRole.Carer], Clock);
        await WithStore<IParticipantStore>(OrganisationA, s => s.AddAsync(participant, Ct));
        participant.Rename("Carer B renamed", null, Clock);

        var add = () => WithStore<IParticipantStore>(OrganisationA, s => s.AddAsync(participant, Ct));

        (await add.Should().ThrowAsync<StoreOperationException>()).Which.Code.Should().Be(StorageErrorCodes.NotNew);
        var found = await WithStore<IParticipantStore, Participant?>(OrganisationA, async s => await s.FindAsync(participant.Id, Ct));
        found!.FullName.Should().Be("Carer B");
        participant.PendingEvents.Should().ContainSingle("the refused save leaves the rename pending");
    }

    [Fact]
    public async Task AddAsync_AggregateOfAnotherOrganisation_ThrowsOrganisationMismatchAndStoresNothing()
    {
        var participant = Participant.Register(OrganisationB, "Service user C", [ParticipantRole.ServiceUser], Clock);

        var add = () => WithStore<IParticipantStore>(OrganisationA, s => s.AddAsync(participant, Ct));

        (await add.Should().ThrowAsync<StoreOperationException>()).Which.Code.Should().Be(StorageErrorCodes.OrganisationMismatch);
        participant.Version.Should().Be(0);
        (await WithStore<IParticipantStore, Participant?>(OrganisationB, async s => await s.FindAsync(participant.Id, Ct))).Should().BeNull();
        (await WithStore<IParticipantStore, Participant?>(OrganisationA, async s => await s.FindAsync(participant.Id, Ct))).Should().BeNull();
    }

    [Fact]
    public async Task UpdateAsync_ChangedRecord_IsFoundChangedAtNextVersion()
    {
        var participant = NewFullParticipant(OrganisationA);
        await WithStore<IParticipantStore>(OrganisationA, s => s.AddAsync(participant, Ct));
        var loaded = (await WithStore<IParticipantStore, Participant?>(OrganisationA, async s => await s.FindAsync(participant.Id, Ct)))!;

        Clock.Advance(TimeSpan.FromDays(1));
        loaded.ChangeRoles([ParticipantRole.CommunityMember], Clock);
        loaded.ChangeContactDetails(new ContactDetails(null, "01632 960002", null, ContactMethod.TextMessage), Clock);
        loaded.ChangeAccessibilityNeeds([new AccessibilityNeed("British Sign Language interpreter", "Book an interpreter for every session")], Clock);
        loaded.WithdrawConsent(ConsentPurpose.DiversityMonitoring, Clock);
        loaded.GiveConsent(ConsentPurpose.Quotation, Clock);
        await WithStore<IParticipantStore>(OrganisationA, s => s.UpdateAsync(loaded, Ct));
        var found = await WithStore<IParticipantStore, Participant?>(OrganisationA, async s => await s.FindAsync(participant.Id, Ct));

        loaded.Version.Should().Be(2);
        found!.Version.Should().Be(2);
        ShouldHoldSameState(found, loaded);
        found.Roles.Should().Equal(ParticipantRole.CommunityMember);
        found.AccessibilityNeeds.Should().ContainSingle().Which.Need.Should().Be("British Sign Language interpreter");
        found.DiversityAnswers.Should().BeEmpty("withdrawing consent to diversity monitoring deletes the answers");
        found.Consents.Should().HaveCount(4);
    }

    [Fact]
    public async Task UpdateAsync_TwiceInARow_VersionsFollowEachSave()
    {
        var participant = Participant.Register(OrganisationA, "Carer B", [ParticipantRole.Carer], Clock);
        await WithStore<IParticipantStore>(OrganisationA, s => s.AddAsync(participant, Ct));

        participant.Rename("Carer B", "B", Clock);
        await WithStore<IParticipantStore>(OrganisationA, s => s.UpdateAsync(participant, Ct));
        participant.ChangeContactDetails(new ContactDetails("carer.b@example.org", null, null), Clock);
        await WithStore<IParticipantStore>(OrganisationA, s => s.UpdateAsync(participant, Ct));

        // Added at 1, then two updates: 2 and 3.
        participant.Version.Should().Be(3);
        var found = await WithStore<IParticipantStore, Participant?>(OrganisationA, async s => await s.FindAsync(participant.Id, Ct));
        found!.Version.Should().Be(3);
        ShouldHoldSameState(found, participant);
    }

    [Fact]
    public async Task UpdateAsync_ContactRemovedByErasure_IsFoundErasedWithoutPersonalData()
    {
        var participant = NewFullParticipant(OrganisationA);
        await WithStore<IParticipantStore>(OrganisationA, s => s.AddAsync(participant, Ct));

        participant.Erase(Clock);
        await WithStore<IParticipantStore>(OrganisationA, s => s.UpdateAsync(participant, Ct));
        var found = (await WithStore<IParticipantStore, Participant?>(OrganisationA, async s => await s.FindAsync(participant.Id, Ct)))!;

        found.IsErased.Should().BeTrue();
        found.FullName.Should().Be(Participant.ErasedName);
        found.Contact.Should().BeNull();
        found.AccessibilityNeeds.Should().BeEmpty();
        found.DiversityAnswers.Should().BeEmpty();
        found.PaymentPreference.Notes.Should().BeNull();
        ShouldHoldSameState(found, participant);
    }

    [Fact]
    public async Task UpdateAsync_StaleVersion_ThrowsConcurrencyConflictAndKeepsTheFirstSave()
    {
        var participant = Participant.Register(OrganisationA, "Carer B", [ParticipantRole.Carer], Clock);
        await WithStore<IParticipantStore>(OrganisationA, s => s.AddAsync(participant, Ct));
        var first = (await WithStore<IParticipantStore, Participant?>(OrganisationA, async s => await s.FindAsync(participant.Id, Ct)))!;
        var second = (await WithStore<IParticipantStore, Participant?>(OrganisationA, async s => await s.FindAsync(participant.Id, Ct)))!;
        first.Rename("Carer B (first)", null, Clock);
        second.Rename("Carer B (second)", null, Clock);
        second.ChangeAccessibilityNeeds([new AccessibilityNeed("Hearing loop", null)], Clock);
        await WithStore<IParticipantStore>(OrganisationA, s => s.UpdateAsync(first, Ct));

        var stale = () => WithStore<IParticipantStore>(OrganisationA, s => s.UpdateAsync(second, Ct));

        var conflict = (await stale.Should().ThrowAsync<ConcurrencyConflictException>()).Which;
        conflict.Code.Should().Be(ConcurrencyConflictException.ErrorCode);
        conflict.AggregateId.Should().Be(participant.Id.Value);
        conflict.ExpectedVersion.Should().Be(1);
        second.Version.Should().Be(1, "a refused update leaves the caller's aggregate as it was");
        second.PendingEvents.Should().HaveCount(2);
        var found = (await WithStore<IParticipantStore, Participant?>(OrganisationA, async s => await s.FindAsync(participant.Id, Ct)))!;
        found.Version.Should().Be(2);
        found.FullName.Should().Be("Carer B (first)");
        found.AccessibilityNeeds.Should().BeEmpty("nothing of the refused update is written");
    }

    [Fact]
    public async Task UpdateAsync_NeverStored_ThrowsNotFound()
    {
        var participant = Participant.Register(OrganisationA, "Carer B", [ParticipantRole.Carer], Clock);

        var update = () => WithStore<IParticipantStore>(OrganisationA, s => s.UpdateAsync(participant, Ct));

        (await update.Should().ThrowAsync<StoreOperationException>()).Which.Code.Should().Be(StorageErrorCodes.NotFound);
        (await WithStore<IParticipantStore, Participant?>(OrganisationA, async s => await s.FindAsync(participant.Id, Ct))).Should().BeNull();
    }

    [Fact]
    public async Task FindAsync_AnotherOrganisationsParticipant_ReturnsNull()
    {
        var participant = NewFullParticipant(OrganisationA);
        await WithStore<IParticipantStore>(OrganisationA, s => s.AddAsync(participant, Ct));

        var found = await WithStore<IParticipantStore, Participant?>(OrganisationB, async s => await s.FindAsync(participant.Id, Ct));

        found.Should().BeNull();
    }

    [Fact]
    public async Task UpdateAsync_FromAnotherOrganisation_IsRefusedAndChangesNothing()
    {
        var participant = Participant.Register(OrganisationA, "Carer B", [ParticipantRole.Carer], Clock);
        await WithStore<IParticipantStore>(OrganisationA, s => s.AddAsync(participant, Ct));
        participant.Rename("Changed by organisation B", null, Clock);

        var update = () => WithStore<IParticipantStore>(OrganisationB, s => s.UpdateAsync(participant, Ct));

        (await update.Should().ThrowAsync<StoreOperationException>()).Which.Code.Should().Be(StorageErrorCodes.OrganisationMismatch);
        var found = (await WithStore<IParticipantStore, Participant?>(OrganisationA, async s => await s.FindAsync(participant.Id, Ct)))!;
        found.FullName.Should().Be("Carer B");
        found.Version.Should().Be(1);
    }

    [Fact]
    public async Task ListAsync_TwoOrganisations_ReturnsOnlyTheCurrentOrganisationsParticipants()
    {
        var ours = Participant.Register(OrganisationA, "Patient partner A", [ParticipantRole.PatientPartner], Clock);
        var theirs = Participant.Register(OrganisationB, "Patient partner Z", [ParticipantRole.PatientPartner], Clock);
        await WithStore<IParticipantStore>(OrganisationA, s => s.AddAsync(ours, Ct));
        await WithStore<IParticipantStore>(OrganisationB, s => s.AddAsync(theirs, Ct));

        var listedForA = await WithStore<IParticipantStore, IReadOnlyList<Participant>>(OrganisationA, s => s.ListAsync(null, Ct));
        var listedForB = await WithStore<IParticipantStore, IReadOnlyList<Participant>>(OrganisationB, s => s.ListAsync(ParticipantRole.PatientPartner, Ct));

        listedForA.Select(p => p.Id).Should().Equal(ours.Id);
        listedForB.Select(p => p.Id).Should().Equal(theirs.Id);
    }

    [Fact]
    public async Task ListAsync_ByRole_ReturnsHoldersOfThatRoleOrderedByName()
    {
        var carerB = Participant.Register(OrganisationA, "Carer B", [ParticipantRole.Carer], Clock);
        var partnerA = Participant.Register(OrganisationA, "Patient partner A", [ParticipantRole.PatientPartner, ParticipantRole.Carer], Clock);
        var staffD = Participant.Register(OrganisationA, "Staff member D", [ParticipantRole.Staff], Clock);
        var carerAa = Participant.Register(OrganisationA, "Carer Aa", [ParticipantRole.Carer], Clock);
        foreach (var participant in new[] { carerB, partnerA, staffD, carerAa })
        {
            await WithStore<IParticipantStore>(OrganisationA, s => s.AddAsync(participant, Ct));
        }

        var carers = await WithStore<IParticipantStore, IReadOnlyList<Participant>>(OrganisationA, s => s.ListAsync(ParticipantRole.Carer, Ct));
        var everyone = await WithStore<IParticipantStore, IReadOnlyList<Participant>>(OrganisationA, s => s.ListAsync(null, Ct));
        var communityMembers = await WithStore<IParticipantStore, IReadOnlyList<Participant>>(OrganisationA, s => s.ListAsync(ParticipantRole.CommunityMember, Ct));

        // Ordinal order of the names: "Carer Aa" < "Carer B" < "Patient partner A" < "Staff member D".
        carers.Select(p => p.FullName).Should().Equal("Carer Aa", "Carer B", "Patient partner A");
        everyone.Select(p => p.FullName).Should().Equal("Carer Aa", "Carer B", "Patient partner A", "Staff member D");
        communityMembers.Should().BeEmpty();
    }

    [Fact]
    public async Task FindAsync_CallerChangesTheReturnedAggregate_StoredAggregateIsUnchanged()
    {
        var participant = NewFullParticipant(OrganisationA);
        await WithStore<IParticipantStore>(OrganisationA, s => s.AddAsync(participant, Ct));

        await using (var scope = ScopeFor(OrganisationA))
        {
            var store = scope.ServiceProvider.GetRequiredService<IParticipantStore>();
            var first = (await store.FindAsync(participant.Id, Ct))!;
            first.Rename("Changed without saving", null, Clock);
            first.ChangeAccessibilityNeeds([], Clock);
            var second = (await store.FindAsync(participant.Id, Ct))!;

            second.Should().NotBeSameAs(first);
            second.FullName.Should().Be("Patient partner A");
            second.AccessibilityNeeds.Should().HaveCount(2);
        }
    }

    [Fact]
    public async Task AddAsync_CallerChangesTheAggregateAfterSaving_StoredAggregateIsUnchanged()
    {
        var participant = NewFullParticipant(OrganisationA);
        await WithStore<IParticipantStore>(OrganisationA, s => s.AddAsync(participant, Ct));

        participant.Rename("Changed after saving", null, Clock);
        participant.ChangeAccessibilityNeeds([], Clock);
        var found = (await WithStore<IParticipantStore, Participant?>(OrganisationA, async s => await s.FindAsync(participant.Id, Ct)))!;

        found.FullName.Should().Be("Patient partner A");
        found.AccessibilityNeeds.Should().HaveCount(2);
    }

    [Fact]
    public async Task ListAsync_CallerChangesAListedAggregate_StoredAggregateIsUnchanged()
    {
        var participant = Participant.Register(OrganisationA, "Carer B", [ParticipantRole.Carer], Clock);
        await WithStore<IParticipantStore>(OrganisationA, s => s.AddAsync(participant, Ct));

        var listed = await WithStore<IParticipantStore, IReadOnlyList<Participant>>(OrganisationA, s => s.ListAsync(null, Ct));
        listed[0].ChangeRoles([ParticipantRole.Staff], Clock);
        var found = (await WithStore<IParticipantStore, Participant?>(OrganisationA, async s => await s.FindAsync(participant.Id, Ct)))!;

        found.Roles.Should().Equal(ParticipantRole.Carer);
    }

    [Fact]
    public async Task FindAsync_CancelledToken_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var find = () => WithStore<IParticipantStore, Participant?>(OrganisationA, async s => await s.FindAsync(ParticipantId.New(), cancelled.Token));

        await find.Should().ThrowAsync<OperationCanceledException>();
    }
}
