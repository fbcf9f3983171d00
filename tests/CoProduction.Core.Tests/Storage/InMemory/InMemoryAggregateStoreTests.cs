using CoProduction.Core.Tests.TestSupport;
using CoProduction.People;
using CoProduction.People.Events;
using CoProduction.Primitives;
using CoProduction.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduction.Core.Tests.Storage.InMemory;

public sealed class InMemoryAggregateStoreTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task UpdateAsync_StaleVersion_ThrowsConcurrencyConflictAndLeavesStoredAggregateUnchanged()
    {
        await using var host = TestHost.Create();
        await using var scope = host.Scope();
        var store = scope.ServiceProvider.GetRequiredService<IParticipantStore>();
        var participant = Participant.Register(host.TrustA, "Patient partner A", [ParticipantRole.PatientPartner], host.Clock);
        await store.AddAsync(participant, None);

        var first = (await store.FindAsync(participant.Id, None))!;
        var second = (await store.FindAsync(participant.Id, None))!;
        first.Rename("Patient partner A (first)", null, host.Clock);
        await store.UpdateAsync(first, None);

        second.Rename("Patient partner A (second)", null, host.Clock);
        var act = () => store.UpdateAsync(second, None);

        var thrown = (await act.Should().ThrowAsync<ConcurrencyConflictException>()).Which;
        thrown.Code.Should().Be("storage.concurrency-conflict");
        thrown.ExpectedVersion.Should().Be(1);
        thrown.ActualVersion.Should().Be(2);
        thrown.Message.Should().Contain("reload");
        var stored = (await store.FindAsync(participant.Id, None))!;
        stored.FullName.Should().Be("Patient partner A (first)");
        stored.Version.Should().Be(2);
        second.Version.Should().Be(1, "a refused update leaves the caller's copy at its old version");
        var audit = await scope.ServiceProvider.GetRequiredService<IEventOutbox>().ListForAggregateAsync(participant.Id.Value, None);
        audit.Should().HaveCount(2, "the refused update's event must not be stored");
    }

    [Fact]
    public async Task AddAsync_NewAggregate_SetsVersionOneAndClearsPendingEvents()
    {
        await using var host = TestHost.Create();
        await using var scope = host.Scope();
        var store = scope.ServiceProvider.GetRequiredService<IParticipantStore>();
        var participant = Participant.Register(host.TrustA, "Carer B", [ParticipantRole.Carer], host.Clock);
        participant.PendingEvents.Should().ContainSingle().Which.Should().BeOfType<ParticipantRegistered>();

        await store.AddAsync(participant, None);

        participant.Version.Should().Be(1);
        participant.PendingEvents.Should().BeEmpty();
        (await store.FindAsync(participant.Id, None))!.Version.Should().Be(1);
    }

    [Fact]
    public async Task AddAsync_SameIdTwice_RefusedWithCode()
    {
        await using var host = TestHost.Create();
        await using var scope = host.Scope();
        var store = scope.ServiceProvider.GetRequiredService<IParticipantStore>();
        var participant = Participant.Register(host.TrustA, "Carer B", [ParticipantRole.Carer], host.Clock);
        await store.AddAsync(participant, None);
        var copy = (await store.FindAsync(participant.Id, None))!;

        var act = () => store.AddAsync(copy, None);

        (await act.Should().ThrowAsync<StoreOperationException>()).Which.Code.Should().Be(StorageErrorCodes.NotNew);
    }

    [Fact]
    public async Task UpdateAsync_NotStored_RefusedWithNotFound()
    {
        await using var host = TestHost.Create();
        await using var scope = host.Scope();
        var store = scope.ServiceProvider.GetRequiredService<IParticipantStore>();
        var participant = Participant.Register(host.TrustA, "Carer B", [ParticipantRole.Carer], host.Clock);

        var act = () => store.UpdateAsync(participant, None);

        (await act.Should().ThrowAsync<StoreOperationException>()).Which.Code.Should().Be(StorageErrorCodes.NotFound);
        (await store.FindAsync(participant.Id, None)).Should().BeNull();
    }

    [Fact]
    public async Task FindAsync_Missing_ReturnsNull()
    {
        await using var host = TestHost.Create();
        await using var scope = host.Scope();
        var store = scope.ServiceProvider.GetRequiredService<IParticipantStore>();

        (await store.FindAsync(ParticipantId.New(), None)).Should().BeNull();
    }

    [Fact]
    public async Task Stores_AnotherOrganisationsData_CanNeverBeReadOrChanged()
    {
        await using var host = TestHost.Create();
        Participant ofTrustA;
        await using (var scopeA = host.Scope(host.TrustA))
        {
            ofTrustA = Participant.Register(host.TrustA, "Patient partner A", [ParticipantRole.PatientPartner], host.Clock);
            await scopeA.ServiceProvider.GetRequiredService<IParticipantStore>().AddAsync(ofTrustA, None);
        }

        await using var scopeB = host.Scope(host.TrustB);
        var storeB = scopeB.ServiceProvider.GetRequiredService<IParticipantStore>();
        (await storeB.FindAsync(ofTrustA.Id, None)).Should().BeNull();
        (await storeB.ListAsync(null, None)).Should().BeEmpty();
        (await scopeB.ServiceProvider.GetRequiredService<IEventOutbox>().ListForAggregateAsync(ofTrustA.Id.Value, None)).Should().BeEmpty();

        ofTrustA.Rename("Changed by Trust B", null, host.Clock);
        var update = () => storeB.UpdateAsync(ofTrustA, None);
        (await update.Should().ThrowAsync<StoreOperationException>()).Which.Code.Should().Be(StorageErrorCodes.OrganisationMismatch);

        var intruder = Participant.Register(host.TrustA, "Added by Trust B", [ParticipantRole.Staff], host.Clock);
        var add = () => storeB.AddAsync(intruder, None);
        (await add.Should().ThrowAsync<StoreOperationException>()).Which.Code.Should().Be(StorageErrorCodes.OrganisationMismatch);

        await using var scopeA2 = host.Scope(host.TrustA);
        var storeA = scopeA2.ServiceProvider.GetRequiredService<IParticipantStore>();
        (await storeA.FindAsync(ofTrustA.Id, None))!.FullName.Should().Be("Patient partner A");
        (await storeA.FindAsync(intruder.Id, None)).Should().BeNull();
    }

    [Fact]
    public async Task Stores_KeepCopies_CallersCannotChangeStoredDataByHoldingAReference()
    {
        await using var host = TestHost.Create();
        await using var scope = host.Scope();
        var store = scope.ServiceProvider.GetRequiredService<IParticipantStore>();
        var participant = Participant.Register(host.TrustA, "Patient partner A", [ParticipantRole.PatientPartner], host.Clock);
        await store.AddAsync(participant, None);

        participant.ChangeRoles([ParticipantRole.Staff], host.Clock);
        var loaded = (await store.FindAsync(participant.Id, None))!;
        loaded.ChangeAccessibilityNeeds([new AccessibilityNeed("Large print", "Papers in 16pt")], host.Clock);
        var listed = (await store.ListAsync(null, None)).Single();
        listed.Rename("Someone else", null, host.Clock);

        var fresh = (await store.FindAsync(participant.Id, None))!;
        fresh.Roles.Should().Equal(ParticipantRole.PatientPartner);
        fresh.AccessibilityNeeds.Should().BeEmpty();
        fresh.FullName.Should().Be("Patient partner A");
        fresh.Should().NotBeSameAs(loaded);
    }

    [Fact]
    public async Task UpdateAsync_ManyConcurrentWriters_EveryUpdateStoredOrRefusedNothingLost()
    {
        await using var host = TestHost.Create();
        ParticipantId id;
        await using (var scope = host.Scope())
        {
            var participant = Participant.Register(host.TrustA, "Patient partner A", [ParticipantRole.PatientPartner], host.Clock);
            await scope.ServiceProvider.GetRequiredService<IParticipantStore>().AddAsync(participant, None);
            id = participant.Id;
        }

        var successes = 0;
        var conflicts = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, 8), async (writer, ct) =>
        {
            for (var i = 0; i < 200; i++)
            {
                await using var scope = host.Scope();
                var store = scope.ServiceProvider.GetRequiredService<IParticipantStore>();
                var loaded = (await store.FindAsync(id, ct))!;
                var needs = loaded.AccessibilityNeeds.Append(new AccessibilityNeed($"writer {writer} update {i}", null)).ToList();
                loaded.ChangeAccessibilityNeeds(needs, host.Clock);
                try
                {
                    await store.UpdateAsync(loaded, ct);
                    Interlocked.Increment(ref successes);
                }
                catch (ConcurrencyConflictException)
                {
                    Interlocked.Increment(ref conflicts);
                }
            }
        });

        successes.Should().BeGreaterThan(0);
        (successes + conflicts).Should().Be(1600);
        await using var check = host.Scope();
        var final = (await check.ServiceProvider.GetRequiredService<IParticipantStore>().FindAsync(id, None))!;
        final.AccessibilityNeeds.Should().HaveCount(successes, "each successful update appended exactly one need to the latest state");
        final.Version.Should().Be(1 + successes);
    }

    [Fact]
    public async Task Outbox_HandlerThrows_SaveCommitsEventStaysPendingAndIsDeliveredLater()
    {
        var handler = new FlakyHandler { FailuresLeft = 1 };
        await using var host = TestHost.Create(services: s => s.AddSingleton<IDomainEventHandler<ParticipantRegistered>>(handler));
        await using var scope = host.Scope();
        var store = scope.ServiceProvider.GetRequiredService<IParticipantStore>();
        var outbox = scope.ServiceProvider.GetRequiredService<IEventOutbox>();
        var participant = Participant.Register(host.TrustA, "Patient partner A", [ParticipantRole.PatientPartner], host.Clock);

        await store.AddAsync(participant, None);

        (await store.FindAsync(participant.Id, None)).Should().NotBeNull("the save commits even when a handler fails");
        var pending = await outbox.ListPendingAsync(None);
        pending.Should().ContainSingle().Which.LastError.Should().Contain("System.InvalidOperationException").And.NotContain("handler is down", "a stored error keeps the type and place, never the message, which may quote a person");
        handler.Handled.Should().BeEmpty();

        (await outbox.DispatchPendingAsync(None)).Should().Be(1);

        handler.Handled.Should().ContainSingle().Which.ParticipantId.Should().Be(participant.Id);
        (await outbox.ListPendingAsync(None)).Should().BeEmpty();
        var message = (await outbox.ListForAggregateAsync(participant.Id.Value, None)).Single();
        message.Attempts.Should().Be(2);
        message.DispatchedAt.Should().Be(TestHost.Start);
        message.AggregateType.Should().Be(nameof(Participant));
        message.AggregateVersion.Should().Be(1);
    }

    private sealed class FlakyHandler : IDomainEventHandler<ParticipantRegistered>
    {
        public int FailuresLeft { get; set; }

        public List<ParticipantRegistered> Handled { get; } = [];

        public Task HandleAsync(ParticipantRegistered domainEvent, CancellationToken cancellationToken)
        {
            if (FailuresLeft-- > 0)
            {
                throw new InvalidOperationException("The handler is down.");
            }

            Handled.Add(domainEvent);
            return Task.CompletedTask;
        }
    }
}
