using CoProduction.People;
using CoProduction.People.Events;
using CoProduction.Primitives;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduction.Storage.Specification;

/// <summary>
/// What a store's <see cref="IOutboxDispatchStore"/> must do, for a background dispatcher: find every organisation
/// (and those with events to deliver), list one organisation's pending events oldest first within the attempts
/// allowed, record each attempt, and measure the backlog. Stores that share a database with other tests see their
/// organisations too, so the questions asked across organisations check only what this test's events decide.
/// </summary>
public abstract class OutboxDispatchStoreSpecification : StoreSpecification
{
    private readonly RecordingEventHandler _handler = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IOutboxDispatchStore Outbox => Services.GetRequiredService<IOutboxDispatchStore>();

    /// <inheritdoc />
    protected override void ConfigureServices(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<IDomainEventHandler<ParticipantRegistered>>(_handler);
        services.AddSingleton<IDomainEventHandler<ParticipantDetailsChanged>>(_handler);
    }

    [Fact]
    public async Task ListOrganisationsAsync_TwoOrganisationsStoredSomething_ListsBoth()
    {
        await AddAsync(OrganisationA, "Patient partner A");
        await AddAsync(OrganisationB, "Patient partner B");

        var organisations = await Outbox.ListOrganisationsAsync(Ct);

        organisations.Should().Contain([OrganisationA, OrganisationB]).And.OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task ListOrganisationsWithPendingEventsAsync_OnlyOneOrganisationsHandlerFailed_ListsThatOneUntilItsEventsAreDeadLettered()
    {
        _handler.Fail = true;
        await AddAsync(OrganisationA, "Patient partner A");
        _handler.Fail = false;
        await AddAsync(OrganisationB, "Patient partner B");

        var withPending = await Outbox.ListOrganisationsWithPendingEventsAsync(2, Ct);
        var afterOneAttempt = await Outbox.ListOrganisationsWithPendingEventsAsync(1, Ct);

        withPending.Should().Contain(OrganisationA).And.NotContain(OrganisationB);
        afterOneAttempt.Should().NotContain(OrganisationA, "its one attempt so far is all that one attempt allows");
    }

    [Fact]
    public async Task ListPendingAsync_FailedEvents_ListsOnlyThatOrganisationsOldestFirstWithinTheLimit()
    {
        _handler.Fail = true;
        var first = await AddAsync(OrganisationA, "Patient partner A");
        Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await AddAsync(OrganisationA, "Patient partner B");
        await AddAsync(OrganisationB, "Carer C");

        var pending = await Outbox.ListPendingAsync(OrganisationA, 5, 10, Ct);
        var limited = await Outbox.ListPendingAsync(OrganisationA, 5, 1, Ct);
        var none = await Outbox.ListPendingAsync(OrganisationA, 1, 10, Ct);

        pending.Select(m => m.AggregateId).Should().Equal(first.Id.Value, second.Id.Value);
        pending.Should().AllSatisfy(m =>
        {
            m.OrganisationId.Should().Be(OrganisationA);
            m.Attempts.Should().Be(1);
            m.LastError.Should().StartWith("System.InvalidOperationException").And.NotContain("told to fail");
            m.Event.Should().BeOfType<ParticipantRegistered>();
        });
        limited.Should().ContainSingle().Which.AggregateId.Should().Be(first.Id.Value);
        none.Should().BeEmpty("each was tried once, which is all one attempt allows");
    }

    [Fact]
    public async Task RecordAttemptAsync_FailureThenSuccess_CountsBothAndMarksTheEventDelivered()
    {
        _handler.Fail = true;
        var participant = await AddAsync(OrganisationA, "Patient partner A");
        var message = (await Outbox.ListPendingAsync(OrganisationA, 5, 10, Ct)).Single();

        await Outbox.RecordAttemptAsync(OrganisationA, message.Sequence, "SmtpException: the mail server is down", Ct);
        var afterFailure = (await Outbox.ListPendingAsync(OrganisationA, 5, 10, Ct)).Single();
        Clock.Advance(TimeSpan.FromMinutes(5));
        await Outbox.RecordAttemptAsync(OrganisationA, message.Sequence, null, Ct);
        await Outbox.RecordAttemptAsync(OrganisationA, message.Sequence, "A late failure from another dispatcher", Ct);

        afterFailure.Attempts.Should().Be(2);
        afterFailure.LastError.Should().Be("SmtpException: the mail server is down");
        (await Outbox.ListPendingAsync(OrganisationA, 5, 10, Ct)).Should().BeEmpty();
        var delivered = (await WithStore<IEventOutbox, IReadOnlyList<OutboxMessage>>(OrganisationA, o => o.ListForAggregateAsync(participant.Id.Value, Ct))).Single();
        delivered.DispatchedAt.Should().Be(Clock.GetUtcNow());
        delivered.Attempts.Should().Be(3);
        delivered.LastError.Should().BeNull("a failure recorded after delivery changes nothing");
    }

    [Fact]
    public async Task RecordAttemptAsync_AnotherOrganisationsEvent_ChangesNothing()
    {
        _handler.Fail = true;
        await AddAsync(OrganisationA, "Patient partner A");
        var message = (await Outbox.ListPendingAsync(OrganisationA, 5, 10, Ct)).Single();

        await Outbox.RecordAttemptAsync(OrganisationB, message.Sequence, null, Ct);

        (await Outbox.ListPendingAsync(OrganisationA, 5, 10, Ct)).Single().Attempts.Should().Be(1);
    }

    [Fact]
    public async Task GetBacklogAsync_PendingAndDeadLetteredEvents_CountsThemAndDatesTheOldest()
    {
        _handler.Fail = true;
        var registeredAt = Clock.GetUtcNow();
        await AddAsync(OrganisationA, "Patient partner A");
        var message = (await Outbox.ListPendingAsync(OrganisationA, 5, 10, Ct)).Single();

        var pending = await Outbox.GetBacklogAsync(5, Ct);
        await Outbox.RecordAttemptAsync(OrganisationA, message.Sequence, "Still failing", Ct);
        var deadAfterTwo = await Outbox.GetBacklogAsync(2, Ct);

        pending.PendingCount.Should().BeGreaterThanOrEqualTo(1);
        pending.OldestPendingOccurredAt.Should().NotBeNull().And.BeOnOrBefore(registeredAt);
        deadAfterTwo.DeadLetteredCount.Should().BeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task Arguments_BelowOne_AreRefused()
    {
        var outbox = Outbox;

        await outbox.Invoking(o => o.ListOrganisationsWithPendingEventsAsync(0, Ct)).Should().ThrowAsync<ArgumentOutOfRangeException>().WithParameterName("maxAttempts");
        await outbox.Invoking(o => o.ListPendingAsync(OrganisationA, 1, 0, Ct)).Should().ThrowAsync<ArgumentOutOfRangeException>().WithParameterName("limit");
        await outbox.Invoking(o => o.GetBacklogAsync(0, Ct)).Should().ThrowAsync<ArgumentOutOfRangeException>().WithParameterName("maxAttempts");
    }

    private async Task<Participant> AddAsync(OrganisationId organisationId, string name)
    {
        var participant = Participant.Register(organisationId, name, [ParticipantRole.PatientPartner], Clock);
        await WithStore<IParticipantStore>(organisationId, s => s.AddAsync(participant, Ct));
        return participant;
    }
}
