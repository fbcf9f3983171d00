using CoProduction.People;
using CoProduction.Primitives;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduction.Storage.Specification;

/// <summary>
/// The unit of work: several aggregates and their events are stored in one transaction, all or nothing. A failure on
/// the second change (a stale version, an id already stored, a record that is not stored) leaves the first change
/// unwritten, stores no event, and leaves the caller's aggregates as they were.
/// </summary>
public abstract class UnitOfWorkSpecification : StoreSpecification
{
    [Fact]
    public async Task SaveAsync_AnAdditionAndAnUpdate_BothStoredWithTheirEventsInOrder()
    {
        var ct = TestContext.Current.CancellationToken;
        var existing = await StoreParticipantAsync("Patient partner A", ct);
        var loaded = await FindAsync(existing.Id, ct);
        loaded!.Rename("Patient partner A (renamed)", null, Clock);
        var added = Participant.Register(OrganisationA, "Patient partner B", [ParticipantRole.Carer], Clock);

        await SaveAsync([AggregateChange.Update(loaded), AggregateChange.Add(added)], ct);

        loaded.Version.Should().Be(2);
        loaded.PendingEvents.Should().BeEmpty();
        added.Version.Should().Be(1);
        added.PendingEvents.Should().BeEmpty();
        (await FindAsync(existing.Id, ct))!.FullName.Should().Be("Patient partner A (renamed)");
        (await FindAsync(added.Id, ct))!.Version.Should().Be(1);
        var trail = await EventsAsync(existing.Id, ct);
        trail.Select(m => m.AggregateVersion).Should().Equal(1, 2);
        (await EventsAsync(added.Id, ct)).Should().ContainSingle().Which.AggregateVersion.Should().Be(1);
    }

    [Fact]
    public async Task SaveAsync_SecondUpdateIsStale_NothingStoredAndAggregatesUnchanged()
    {
        var ct = TestContext.Current.CancellationToken;
        var first = await StoreParticipantAsync("Patient partner A", ct);
        var second = await StoreParticipantAsync("Patient partner B", ct);
        var firstLoaded = (await FindAsync(first.Id, ct))!;
        var secondLoaded = (await FindAsync(second.Id, ct))!;

        // Someone else saves the second participant first.
        var competitor = (await FindAsync(second.Id, ct))!;
        competitor.Rename("Patient partner B (by someone else)", null, Clock);
        await WithStore<IParticipantStore>(OrganisationA, s => s.UpdateAsync(competitor, ct));

        firstLoaded.Rename("Patient partner A (renamed)", null, Clock);
        secondLoaded.Rename("Patient partner B (renamed)", null, Clock);
        var added = Participant.Register(OrganisationA, "Patient partner C", [ParticipantRole.Carer], Clock);
        var save = () => SaveAsync([AggregateChange.Update(firstLoaded), AggregateChange.Add(added), AggregateChange.Update(secondLoaded)], ct);

        var refusal = (await save.Should().ThrowAsync<ConcurrencyConflictException>()).Which;
        refusal.AggregateId.Should().Be(second.Id.Value);
        await ShouldBeUnwrittenAsync(first.Id, "Patient partner A", 1, ct);
        (await FindAsync(added.Id, ct)).Should().BeNull();
        (await EventsAsync(added.Id, ct)).Should().BeEmpty();
        firstLoaded.Version.Should().Be(1);
        firstLoaded.PendingEvents.Should().ContainSingle();
        added.Version.Should().Be(0);
        added.PendingEvents.Should().ContainSingle();
    }

    [Fact]
    public async Task SaveAsync_SecondAdditionAlreadyStored_NothingStored()
    {
        var ct = TestContext.Current.CancellationToken;
        var first = await StoreParticipantAsync("Patient partner A", ct);
        var stored = await StoreParticipantAsync("Patient partner B", ct);
        var firstLoaded = (await FindAsync(first.Id, ct))!;
        firstLoaded.Rename("Patient partner A (renamed)", null, Clock);
        var duplicate = (await FindAsync(stored.Id, ct))!;
        var again = DuplicateOf(duplicate);
        var added = Participant.Register(OrganisationA, "Patient partner C", [ParticipantRole.Carer], Clock);

        var save = () => SaveAsync([AggregateChange.Update(firstLoaded), AggregateChange.Add(added), AggregateChange.Add(again)], ct);

        (await save.Should().ThrowAsync<StoreOperationException>()).Which.Code.Should().Be(StorageErrorCodes.AlreadyExists);
        await ShouldBeUnwrittenAsync(first.Id, "Patient partner A", 1, ct);
        (await FindAsync(added.Id, ct)).Should().BeNull();
        (await EventsAsync(added.Id, ct)).Should().BeEmpty();
        firstLoaded.Version.Should().Be(1);
    }

    [Fact]
    public async Task SaveAsync_SecondUpdateNotStored_NothingStored()
    {
        var ct = TestContext.Current.CancellationToken;
        var first = await StoreParticipantAsync("Patient partner A", ct);
        var firstLoaded = (await FindAsync(first.Id, ct))!;
        firstLoaded.Rename("Patient partner A (renamed)", null, Clock);
        var neverStored = Participant.Register(OrganisationA, "Patient partner B", [ParticipantRole.Carer], Clock);
        var pretendLoaded = DuplicateOf(neverStored);

        var save = () => SaveAsync([AggregateChange.Update(firstLoaded), AggregateChange.Update(pretendLoaded)], ct);

        (await save.Should().ThrowAsync<StoreOperationException>()).Which.Code.Should().Be(StorageErrorCodes.NotFound);
        await ShouldBeUnwrittenAsync(first.Id, "Patient partner A", 1, ct);
    }

    [Fact]
    public async Task SaveAsync_AnAggregateOfAnotherOrganisation_RefusedAndNothingStored()
    {
        var ct = TestContext.Current.CancellationToken;
        var ours = Participant.Register(OrganisationA, "Patient partner A", [ParticipantRole.Carer], Clock);
        var theirs = Participant.Register(OrganisationB, "Patient partner B", [ParticipantRole.Carer], Clock);

        var save = () => SaveAsync([AggregateChange.Add(ours), AggregateChange.Add(theirs)], ct);

        (await save.Should().ThrowAsync<StoreOperationException>()).Which.Code.Should().Be(StorageErrorCodes.OrganisationMismatch);
        (await FindAsync(ours.Id, ct)).Should().BeNull();
    }

    [Fact]
    public async Task SaveAsync_TheSameAggregateTwice_ThrowsArgumentException()
    {
        var ct = TestContext.Current.CancellationToken;
        var participant = Participant.Register(OrganisationA, "Patient partner A", [ParticipantRole.Carer], Clock);

        var save = () => SaveAsync([AggregateChange.Add(participant), AggregateChange.Add(participant)], ct);

        (await save.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("changes");
        (await FindAsync(participant.Id, ct)).Should().BeNull();
    }

    [Fact]
    public async Task SaveAsync_EightConcurrentUnitsOverOverlappingAggregates_EachAllOrNothing()
    {
        // 8 writers each rename the same 5 participants (in a different order) in one unit of work, 25 times. Every
        // unit either stores all 5 renames or none: at the end every participant carries the name of the same,
        // last stored unit, and each has one rename event per stored unit.
        var ct = TestContext.Current.CancellationToken;
        var ids = new List<ParticipantId>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await StoreParticipantAsync($"Patient partner {i}", ct)).Id);
        }

        var stored = 0;
        var failures = new System.Collections.Concurrent.ConcurrentBag<Exception>();
        using var start = new ManualResetEventSlim();
        var writers = Enumerable.Range(0, 8).Select(writer => Task.Run(
            async () =>
            {
                start.Wait(ct);
                for (var attempt = 0; attempt < 25; attempt++)
                {
                    try
                    {
                        await using var scope = ScopeFor(OrganisationA);
                        var store = scope.ServiceProvider.GetRequiredService<IParticipantStore>();
                        var changes = new List<AggregateChange>();
                        foreach (var id in writer % 2 == 0 ? ids : Enumerable.Reverse(ids))
                        {
                            var loaded = (await store.FindAsync(id, ct))!;
                            loaded.Rename($"Unit {writer}-{attempt}", null, Clock);
                            changes.Add(AggregateChange.Update(loaded));
                        }

                        await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveAsync(changes, ct);
                        Interlocked.Increment(ref stored);
                    }
                    catch (ConcurrencyConflictException)
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
        await Task.WhenAll(writers);

        failures.Should().BeEmpty("every unit must be stored whole or refused with ConcurrencyConflictException");
        stored.Should().BeGreaterThan(0);
        var finals = new List<Participant>();
        foreach (var id in ids)
        {
            finals.Add((await FindAsync(id, ct))!);
        }

        finals.Select(p => p.FullName).Distinct().Should().ContainSingle("a unit that stored one rename stored all five");
        finals.Should().OnlyContain(p => p.Version == stored + 1);
        foreach (var id in ids)
        {
            (await EventsAsync(id, ct)).Should().HaveCount(stored + 1);
        }
    }

    [Fact]
    public async Task SaveAsync_AnImportOfManyAdditions_AllStoredWithTheirEventsInOrder()
    {
        // Enough additions for a relational store's import path (multi-row inserts).
        var ct = TestContext.Current.CancellationToken;
        var imported = Enumerable.Range(0, 150).Select(i => NewFullParticipant(OrganisationA, $"Patient partner {i}")).ToList();
        var raised = imported.ToDictionary(p => p.Id, p => p.PendingEvents.ToList());

        await SaveAsync([.. imported.Select(p => AggregateChange.Add(p))], ct);

        imported.Should().OnlyContain(p => p.Version == 1 && p.PendingEvents.Count == 0);
        var sequences = new List<long>();
        foreach (var participant in imported)
        {
            var found = (await FindAsync(participant.Id, ct))!;
            ShouldHoldSameState(found, participant);
            var events = await EventsAsync(participant.Id, ct);
            events.Select(m => m.Event).Should().Equal(raised[participant.Id]);
            events.Should().OnlyContain(m => m.AggregateVersion == 1);
            sequences.AddRange(events.Select(m => m.Sequence));
        }

        sequences.Should().BeInAscendingOrder("events are stored in the order the changes were listed").And.OnlyHaveUniqueItems();

        // The imported participants save their next change as any other.
        var renamed = imported[75];
        renamed.Rename("Patient partner 75 (renamed)", null, Clock);
        await SaveAsync([AggregateChange.Update(renamed)], ct);
        (await FindAsync(renamed.Id, ct))!.FullName.Should().Be("Patient partner 75 (renamed)");
    }

    [Fact]
    public async Task SaveAsync_AnImportWithAnIdAlreadyStored_RefusedAndNothingStored()
    {
        var ct = TestContext.Current.CancellationToken;
        var stored = await StoreParticipantAsync("Patient partner A", ct);
        var imported = Enumerable.Range(0, 100).Select(i => NewFullParticipant(OrganisationA, $"Patient partner {i}")).Append(DuplicateOf(stored)).ToList();

        var save = () => SaveAsync([.. imported.Select(p => AggregateChange.Add(p))], ct);

        (await save.Should().ThrowAsync<StoreOperationException>()).Which.Code.Should().Be(StorageErrorCodes.AlreadyExists);
        (await FindAsync(imported[0].Id, ct)).Should().BeNull();
        (await EventsAsync(imported[99].Id, ct)).Should().BeEmpty();
        imported[0].Version.Should().Be(0);
    }

    /// <summary>A second in-memory object with the same id and state, for changes a caller should never be able to save.</summary>
    private Participant DuplicateOf(Participant participant)
    {
        var copy = Participant.Register(OrganisationA, participant.FullName, [.. participant.Roles], Clock);
        typeof(AggregateRoot<ParticipantId>).GetProperty(nameof(Participant.Id))!.SetValue(copy, participant.Id);
        return copy;
    }

    [Fact]
    public async Task ChangeMethod_StaleExpectedVersion_RefusedAndNothingStored_TheReadVersionSaves()
    {
        var ct = TestContext.Current.CancellationToken;
        var participant = await StoreParticipantAsync("Patient partner A", ct);
        await using (var scope = ScopeFor(OrganisationA))
        {
            await scope.ServiceProvider.GetRequiredService<ParticipantService>().RenameAsync(participant.Id, "Patient partner A", "A", ct);
        }

        // The client read version 1; someone renamed the participant since (version 2).
        Func<Task> stale = async () =>
        {
            await using var scope = ScopeFor(OrganisationA);
            using (ExpectedVersions.Expect(participant.Id, 1))
            {
                await scope.ServiceProvider.GetRequiredService<ParticipantService>().GiveConsentAsync(participant.Id, ConsentPurpose.Recording, ct);
            }
        };

        var refusal = (await stale.Should().ThrowAsync<ConcurrencyConflictException>()).Which;
        (refusal.ExpectedVersion, refusal.ActualVersion, refusal.Kind).Should().Be((1L, 2L, ErrorKind.Conflict));
        await ShouldBeUnwrittenAsync(participant.Id, "Patient partner A", 2, ct);
        ExpectedVersions.For(participant.Id.Value).Should().BeNull("the expectation ends with its scope");

        await using (var scope = ScopeFor(OrganisationA))
        using (ExpectedVersions.Expect(participant.Id, 2))
        {
            await scope.ServiceProvider.GetRequiredService<ParticipantService>().GiveConsentAsync(participant.Id, ConsentPurpose.Recording, ct);
        }

        (await FindAsync(participant.Id, ct))!.Version.Should().Be(3);
    }

    [Fact]
    public async Task SaveAsync_StaleExpectedVersionOfOneOfSeveral_NothingStored()
    {
        var ct = TestContext.Current.CancellationToken;
        var first = await StoreParticipantAsync("Patient partner A", ct);
        var second = await StoreParticipantAsync("Patient partner B", ct);
        var firstLoaded = (await FindAsync(first.Id, ct))!;
        var secondLoaded = (await FindAsync(second.Id, ct))!;
        firstLoaded.Rename("Patient partner A (renamed)", null, Clock);
        secondLoaded.Rename("Patient partner B (renamed)", null, Clock);

        Func<Task> save = async () =>
        {
            using (ExpectedVersions.Expect(second.Id, 5))
            {
                await SaveAsync([AggregateChange.Update(firstLoaded), AggregateChange.Update(secondLoaded)], ct);
            }
        };

        (await save.Should().ThrowAsync<ConcurrencyConflictException>()).Which.AggregateId.Should().Be(second.Id.Value);
        await ShouldBeUnwrittenAsync(first.Id, "Patient partner A", 1, ct);
        await ShouldBeUnwrittenAsync(second.Id, "Patient partner B", 1, ct);
    }

    private async Task<Participant> StoreParticipantAsync(string name, CancellationToken ct)
    {
        var participant = Participant.Register(OrganisationA, name, [ParticipantRole.PatientPartner], Clock);
        await WithStore<IParticipantStore>(OrganisationA, s => s.AddAsync(participant, ct));
        return participant;
    }

    private Task<Participant?> FindAsync(ParticipantId id, CancellationToken ct) =>
        WithStore<IParticipantStore, Participant?>(OrganisationA, async s => await s.FindAsync(id, ct));

    private Task<IReadOnlyList<OutboxMessage>> EventsAsync(ParticipantId id, CancellationToken ct) =>
        WithStore<IEventOutbox, IReadOnlyList<OutboxMessage>>(OrganisationA, s => s.ListForAggregateAsync(id.Value, ct));

    private Task SaveAsync(IReadOnlyCollection<AggregateChange> changes, CancellationToken ct) =>
        WithStore<IUnitOfWork>(OrganisationA, u => u.SaveAsync(changes, ct));

    private async Task ShouldBeUnwrittenAsync(ParticipantId id, string name, long version, CancellationToken ct)
    {
        var reloaded = (await FindAsync(id, ct))!;
        reloaded.FullName.Should().Be(name);
        reloaded.Version.Should().Be(version);
        (await EventsAsync(id, ct)).Should().HaveCount((int)version);
    }
}
