using CoProduction.People;
using CoProduction.People.Events;
using CoProduction.Primitives;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduction.Storage.Specification;

/// <summary>
/// What every store's outbox must do: save an aggregate's events with it, dispatch them to handlers after commit,
/// keep an event pending when its handler throws (the save still commits), deliver it later with
/// <see cref="IEventOutbox.DispatchPendingAsync"/>, and show each organisation only its own events.
/// </summary>
public abstract class EventOutboxSpecification : StoreSpecification
{
    private readonly RecordingEventHandler _handler = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <inheritdoc />
    protected override void ConfigureServices(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<IDomainEventHandler<ParticipantRegistered>>(_handler);
        services.AddSingleton<IDomainEventHandler<ParticipantDetailsChanged>>(_handler);
    }

    [Fact]
    public async Task AddAsync_AggregateWithEvents_SavesThemInOrderWithAggregateAndVersion()
    {
        var participant = NewFullParticipant(OrganisationA);
        var raised = participant.PendingEvents.ToList();

        await WithStore<IParticipantStore>(OrganisationA, s => s.AddAsync(participant, Ct));
        var saved = await WithStore<IEventOutbox, IReadOnlyList<OutboxMessage>>(OrganisationA, o => o.ListForAggregateAsync(participant.Id.Value, Ct));

        // NewFullParticipant raises 10 events (see its documentation).
        saved.Should().HaveCount(10);
        saved.Select(m => m.Event).Should().Equal(raised);
        saved.Should().AllSatisfy(m =>
        {
            m.AggregateType.Should().Be(nameof(Participant));
            m.AggregateId.Should().Be(participant.Id.Value);
            m.AggregateVersion.Should().Be(1);
            m.OrganisationId.Should().Be(OrganisationA);
        });
        saved.Select(m => m.Sequence).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task UpdateAsync_EventsOfEachSave_CarryTheVersionTheySavedAt()
    {
        var participant = Participant.Register(OrganisationA, "Carer B", [ParticipantRole.Carer], Clock);
        await WithStore<IParticipantStore>(OrganisationA, s => s.AddAsync(participant, Ct));
        participant.Rename("Carer B", "B", Clock);
        await WithStore<IParticipantStore>(OrganisationA, s => s.UpdateAsync(participant, Ct));

        var saved = await WithStore<IEventOutbox, IReadOnlyList<OutboxMessage>>(OrganisationA, o => o.ListForAggregateAsync(participant.Id.Value, Ct));

        saved.Select(m => (m.Event.GetType(), m.AggregateVersion)).Should().Equal((typeof(ParticipantRegistered), 1L), (typeof(ParticipantDetailsChanged), 2L));
    }

    [Fact]
    public async Task AddAsync_HandlersRegistered_AreCalledAfterCommitAndEventsMarkedDispatched()
    {
        var participant = Participant.Register(OrganisationA, "Carer B", [ParticipantRole.Carer], Clock);
        var registered = (ParticipantRegistered)participant.PendingEvents.Single();

        await WithStore<IParticipantStore>(OrganisationA, s => s.AddAsync(participant, Ct));

        _handler.Received.Should().Equal(registered);
        var saved = await WithStore<IEventOutbox, IReadOnlyList<OutboxMessage>>(OrganisationA, o => o.ListForAggregateAsync(participant.Id.Value, Ct));
        var message = saved.Should().ContainSingle().Subject;
        message.DispatchedAt.Should().Be(Clock.GetUtcNow());
        message.Attempts.Should().Be(1);
        message.LastError.Should().BeNull();
        (await WithStore<IEventOutbox, IReadOnlyList<OutboxMessage>>(OrganisationA, o => o.ListPendingAsync(Ct))).Should().BeEmpty();
    }

    [Fact]
    public async Task AddAsync_HandlerThrows_SaveCommitsEventStaysPendingAndIsDeliveredLater()
    {
        var participant = Participant.Register(OrganisationA, "Carer B", [ParticipantRole.Carer], Clock);
        var registered = (ParticipantRegistered)participant.PendingEvents.Single();
        _handler.Fail = true;

        await WithStore<IParticipantStore>(OrganisationA, s => s.AddAsync(participant, Ct));

        participant.Version.Should().Be(1, "the save committed although the handler threw");
        (await WithStore<IParticipantStore, Participant?>(OrganisationA, async s => await s.FindAsync(participant.Id, Ct))).Should().NotBeNull();
        var pending = await WithStore<IEventOutbox, IReadOnlyList<OutboxMessage>>(OrganisationA, o => o.ListPendingAsync(Ct));
        var message = pending.Should().ContainSingle().Subject;
        message.Event.Should().Be(registered);
        message.DispatchedAt.Should().BeNull();
        message.Attempts.Should().Be(1);
        message.LastError.Should().StartWith("System.InvalidOperationException in ").And.Contain(nameof(RecordingEventHandler)).And.NotContain("told to fail", "a stored error keeps the type and the method that threw, never the message, which may quote a person");

        _handler.Fail = false;
        Clock.Advance(TimeSpan.FromMinutes(5));
        var delivered = await WithStore<IEventOutbox, int>(OrganisationA, o => o.DispatchPendingAsync(Ct));

        delivered.Should().Be(1);
        _handler.Received.Should().Equal(registered);
        (await WithStore<IEventOutbox, IReadOnlyList<OutboxMessage>>(OrganisationA, o => o.ListPendingAsync(Ct))).Should().BeEmpty();
        var dispatched = (await WithStore<IEventOutbox, IReadOnlyList<OutboxMessage>>(OrganisationA, o => o.ListForAggregateAsync(participant.Id.Value, Ct))).Single();
        dispatched.DispatchedAt.Should().Be(Clock.GetUtcNow());
        dispatched.Attempts.Should().Be(2);
        dispatched.LastError.Should().BeNull();
    }

    [Fact]
    public async Task SaveAsync_AnImportOfManyAdditions_DispatchesTheirEventsInOrderAndMarksThemDispatched()
    {
        var imported = Enumerable.Range(0, 100).Select(i => Participant.Register(OrganisationA, $"Carer {i}", [ParticipantRole.Carer], Clock)).ToList();
        var raised = imported.Select(p => p.PendingEvents.Single()).ToList();

        await WithStore<IUnitOfWork>(OrganisationA, u => u.SaveAsync([.. imported.Select(p => AggregateChange.Add(p))], Ct));

        _handler.Received.Should().Equal(raised);
        (await WithStore<IEventOutbox, IReadOnlyList<OutboxMessage>>(OrganisationA, o => o.ListPendingAsync(Ct))).Should().BeEmpty();
        var saved = await WithStore<IEventOutbox, IReadOnlyList<OutboxMessage>>(OrganisationA, o => o.ListForAggregateAsync(imported[42].Id.Value, Ct));
        saved.Should().ContainSingle().Which.Attempts.Should().Be(1);
    }

    [Fact]
    public async Task DispatchPendingAsync_HandlerStillThrows_KeepsEventPendingAndCountsAttempts()
    {
        var participant = Participant.Register(OrganisationA, "Carer B", [ParticipantRole.Carer], Clock);
        _handler.Fail = true;
        await WithStore<IParticipantStore>(OrganisationA, s => s.AddAsync(participant, Ct));

        var delivered = await WithStore<IEventOutbox, int>(OrganisationA, o => o.DispatchPendingAsync(Ct));

        delivered.Should().Be(0);
        var message = (await WithStore<IEventOutbox, IReadOnlyList<OutboxMessage>>(OrganisationA, o => o.ListPendingAsync(Ct))).Single();
        message.Attempts.Should().Be(2, "one attempt after the save and one from DispatchPendingAsync");
        _handler.Received.Should().BeEmpty();
    }

    [Fact]
    public async Task StaleUpdate_Refused_SavesNoEvents()
    {
        var participant = Participant.Register(OrganisationA, "Carer B", [ParticipantRole.Carer], Clock);
        await WithStore<IParticipantStore>(OrganisationA, s => s.AddAsync(participant, Ct));
        var stale = (await WithStore<IParticipantStore, Participant?>(OrganisationA, async s => await s.FindAsync(participant.Id, Ct)))!;
        participant.Rename("Carer B", "B", Clock);
        await WithStore<IParticipantStore>(OrganisationA, s => s.UpdateAsync(participant, Ct));
        stale.Rename("Carer B", "Stale", Clock);

        var update = () => WithStore<IParticipantStore>(OrganisationA, s => s.UpdateAsync(stale, Ct));

        await update.Should().ThrowAsync<ConcurrencyConflictException>();
        var saved = await WithStore<IEventOutbox, IReadOnlyList<OutboxMessage>>(OrganisationA, o => o.ListForAggregateAsync(participant.Id.Value, Ct));
        saved.Should().HaveCount(2, "registered, then the one successful rename");
        _handler.Received.Should().HaveCount(2);
    }

    [Fact]
    public async Task ListAndDispatch_AnotherOrganisationsEvents_AreNeitherListedNorDispatched()
    {
        var theirs = Participant.Register(OrganisationB, "Carer Z", [ParticipantRole.Carer], Clock);
        _handler.Fail = true;
        await WithStore<IParticipantStore>(OrganisationB, s => s.AddAsync(theirs, Ct));
        _handler.Fail = false;

        var listed = await WithStore<IEventOutbox, IReadOnlyList<OutboxMessage>>(OrganisationA, o => o.ListForAggregateAsync(theirs.Id.Value, Ct));
        var pending = await WithStore<IEventOutbox, IReadOnlyList<OutboxMessage>>(OrganisationA, o => o.ListPendingAsync(Ct));
        var delivered = await WithStore<IEventOutbox, int>(OrganisationA, o => o.DispatchPendingAsync(Ct));

        listed.Should().BeEmpty();
        pending.Should().BeEmpty();
        delivered.Should().Be(0);
        _handler.Received.Should().BeEmpty();
        (await WithStore<IEventOutbox, IReadOnlyList<OutboxMessage>>(OrganisationB, o => o.ListPendingAsync(Ct))).Should().ContainSingle();
    }
}
