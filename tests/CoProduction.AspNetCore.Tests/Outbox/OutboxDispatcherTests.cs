using CoProduction.AspNetCore.Outbox;
using CoProduction.AspNetCore.Tests.TestSupport;
using CoProduction.People;
using CoProduction.Primitives;
using CoProduction.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoProduction.AspNetCore.Tests.Outbox;

public sealed class OutboxDispatcherTests
{
    private static CancellationToken Ct => Harness.Ct;

    [Theory]
    [InlineData("in-memory")]
    [InlineData("sqlite")]
    public async Task DispatchOnceAsync_HandlerFailedTwice_RedeliversAfterTheBackoffAndLogsEachFailure(string store)
    {
        await using var harness = new Harness(store);
        harness.Handler.FailuresBeforeSuccess = 2;
        var organisation = OrganisationId.New();
        var partner = await harness.RegisterAsync(organisation, "Patient partner A");
        var dispatcher = harness.Services.GetRequiredService<OutboxDispatcher>();

        // Attempt 1 was the delivery right after commit: the first retry waits 10 s (no jitter), the second 20 s.
        await dispatcher.DispatchOnceAsync(Ct);
        var callsBeforeFirstRetryIsDue = harness.Handler.Calls;
        harness.Clock.Advance(TimeSpan.FromSeconds(10));
        await dispatcher.DispatchOnceAsync(Ct);
        var callsAfterSecondAttempt = harness.Handler.Calls;
        harness.Clock.Advance(TimeSpan.FromSeconds(19));
        await dispatcher.DispatchOnceAsync(Ct);
        var callsBeforeSecondRetryIsDue = harness.Handler.Calls;
        harness.Clock.Advance(TimeSpan.FromSeconds(1));
        var delivered = await dispatcher.DispatchOnceAsync(Ct);

        callsBeforeFirstRetryIsDue.Should().Be(1);
        callsAfterSecondAttempt.Should().Be(2);
        callsBeforeSecondRetryIsDue.Should().Be(2);
        delivered.Should().Be(1);
        harness.Handler.Handled.Should().ContainSingle().Which.ParticipantId.Should().Be(partner.Id);
        var message = await OutboxOf(harness, organisation, partner.Id);
        message.DispatchedAt.Should().Be(harness.Clock.GetUtcNow());
        message.Attempts.Should().Be(3);
        message.LastError.Should().BeNull();

        var logs = harness.Logs.GetSnapshot().Where(r => r.Category == typeof(OutboxDispatcher).FullName).ToList();
        var failure = logs.Should().ContainSingle(r => r.Level == LogLevel.Warning).Subject;
        failure.Message.Should().Contain("ParticipantRegistered").And.Contain($"Participant {partner.Id}").And.Contain("attempt 2 of 3").And.Contain("trying again in 00:00:20");
        failure.Exception.Should().BeOfType<InvalidOperationException>().Which.Message.Should().Contain("mail server is down (call 2)");
        failure.StructuredState.Should().Contain(new KeyValuePair<string, string?>("AggregateId", partner.Id.ToString()));
        logs.Should().ContainSingle(r => r.Level == LogLevel.Information).Which.Message.Should().Contain("delivered on attempt 3");
    }

    [Theory]
    [InlineData("in-memory")]
    [InlineData("sqlite")]
    public async Task DispatchOnceAsync_HandlerAlwaysFails_DeadLettersTheEventAfterMaxAttemptsAndStopsTrying(string store)
    {
        await using var harness = new Harness(store);
        harness.Handler.FailuresBeforeSuccess = -1;
        var organisation = OrganisationId.New();
        var partner = await harness.RegisterAsync(organisation, "Patient partner B");
        var dispatcher = harness.Services.GetRequiredService<OutboxDispatcher>();

        harness.Clock.Advance(TimeSpan.FromSeconds(10));
        await dispatcher.DispatchOnceAsync(Ct);                 // attempt 2
        harness.Clock.Advance(TimeSpan.FromSeconds(20));
        await dispatcher.DispatchOnceAsync(Ct);                 // attempt 3: the last
        harness.Clock.Advance(TimeSpan.FromHours(1));
        await dispatcher.DispatchOnceAsync(Ct);                 // nothing left to try

        harness.Handler.Calls.Should().Be(3);
        var message = await OutboxOf(harness, organisation, partner.Id);
        message.DispatchedAt.Should().BeNull();
        message.Attempts.Should().Be(3);
        message.LastError.Should().StartWith("System.InvalidOperationException").And.NotContain("mail server is down", "the stored error keeps no message; the log above has it");
        var backlog = await harness.Services.GetRequiredService<IOutboxDispatchStore>().GetBacklogAsync(3, Ct);
        backlog.Should().Be(new OutboxBacklog(0, null, 1));

        var logs = harness.Logs.GetSnapshot().Where(r => r.Category == typeof(OutboxDispatcher).FullName).ToList();
        logs.Where(r => r.Level == LogLevel.Warning).Should().ContainSingle().Which.Message.Should().Contain("attempt 2 of 3");
        var deadLetter = logs.Should().ContainSingle(r => r.Level == LogLevel.Error).Subject;
        deadLetter.Message.Should().Contain("dead-lettered after 3 failed attempts").And.Contain("ParticipantRegistered").And.Contain($"Participant {partner.Id}");
        deadLetter.Exception.Should().NotBeNull();
    }

    [Fact]
    public async Task DispatchOnceAsync_EventsOfTwoOrganisations_DeliversEachInAScopeOfItsOwnOrganisation()
    {
        var seen = new List<OrganisationId>();
        await using var harness = new Harness("in-memory", services: s => s.AddScoped<IDomainEventHandler<People.Events.ParticipantRegistered>>(sp => new OrganisationRecorder(sp.GetRequiredService<IOrganisationContext>(), seen)));
        harness.Handler.FailuresBeforeSuccess = 2;   // both deliveries after commit fail, before the recorder's turn
        var first = OrganisationId.New();
        var second = OrganisationId.New();
        await harness.RegisterAsync(first, "Patient partner C");
        await harness.RegisterAsync(second, "Patient partner D");
        seen.Clear();
        harness.Clock.Advance(TimeSpan.FromSeconds(10));

        var delivered = await harness.Services.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(Ct);

        delivered.Should().Be(2);
        seen.Should().BeEquivalentTo([first, second]);
    }

    [Theory]
    [InlineData("in-memory")]
    [InlineData("sqlite")]
    public async Task DispatchOnceAsync_WithAnAuditRetention_PurgesDeliveredEventsOlderThanIt_AtMostHourly_AndKeepsDeadLetters(string store)
    {
        await using var harness = new Harness(store, o => o.Outbox.AuditRetention = TimeSpan.FromDays(30));
        var organisation = OrganisationId.New();
        var delivered = await harness.RegisterAsync(organisation, "Patient partner A");
        harness.Handler.FailuresBeforeSuccess = int.MaxValue;
        var deadLettered = await harness.RegisterAsync(organisation, "Patient partner B");
        var dispatcher = harness.Services.GetRequiredService<OutboxDispatcher>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            harness.Clock.Advance(TimeSpan.FromMinutes(10));
            await dispatcher.DispatchOnceAsync(Ct);
        }

        harness.Clock.Advance(TimeSpan.FromDays(31));
        await dispatcher.DispatchOnceAsync(Ct);
        harness.Handler.FailuresBeforeSuccess = 0;
        var recent = await harness.RegisterAsync(organisation, "Patient partner C");
        harness.Clock.Advance(TimeSpan.FromMinutes(30));
        await dispatcher.DispatchOnceAsync(Ct);

        await using var scope = harness.ScopeFor(organisation);
        var outbox = scope.ServiceProvider.GetRequiredService<IEventOutbox>();
        (await outbox.ListForAggregateAsync(delivered.Id.Value, Ct)).Should().BeEmpty("it was delivered more than 30 days ago");
        (await outbox.ListForAggregateAsync(deadLettered.Id.Value, Ct)).Should().ContainSingle("an undelivered event is never purged");
        (await outbox.ListForAggregateAsync(recent.Id.Value, Ct)).Should().ContainSingle().Which.DispatchedAt.Should().NotBeNull("it was delivered, but only just");
        harness.Logs.GetSnapshot().Should().ContainSingle(r => r.Message.Contains("older than the audit retention", StringComparison.Ordinal), "the second pass came within the hour, so it did not purge again");
    }

    [Fact]
    public void RetryDelay_SuccessiveAttempts_DoubleUpToTheMaximumWithinTheJitter()
    {
        var options = new OutboxDispatcherOptions { FirstRetryDelay = TimeSpan.FromSeconds(5), MaxRetryDelay = TimeSpan.FromSeconds(60), Jitter = 0.2 };
        var dispatcher = new OutboxDispatcher(null!, null!, new StaticMonitor(new()), null!, TimeProvider.System, null!, new Random(7));

        var delays = Enumerable.Range(1, 6).Select(a => dispatcher.RetryDelay(a, options).TotalSeconds).ToList();

        delays[0].Should().BeInRange(4, 6);
        delays[1].Should().BeInRange(8, 12);
        delays[2].Should().BeInRange(16, 24);
        delays[3].Should().BeInRange(32, 48);
        delays[4].Should().BeInRange(48, 72, "capped at 60 s before jitter");
        delays[5].Should().BeInRange(48, 72);
        delays.Distinct().Should().HaveCount(6, "jitter spreads the waits");
    }

    private static async Task<OutboxMessage> OutboxOf(Harness harness, OrganisationId organisation, ParticipantId participant)
    {
        await using var scope = harness.ScopeFor(organisation);
        var messages = await scope.ServiceProvider.GetRequiredService<IEventOutbox>().ListForAggregateAsync(participant.Value, Ct);
        return messages.Should().ContainSingle().Subject;
    }

    private sealed class OrganisationRecorder(IOrganisationContext organisation, List<OrganisationId> seen) : IDomainEventHandler<People.Events.ParticipantRegistered>
    {
        public Task HandleAsync(People.Events.ParticipantRegistered domainEvent, CancellationToken cancellationToken)
        {
            lock (seen)
            {
                seen.Add(organisation.CurrentOrganisationId);
            }

            return Task.CompletedTask;
        }
    }
}

internal sealed class StaticMonitor(CoProductionAspNetCoreOptions value) : IOptionsMonitor<CoProductionAspNetCoreOptions>
{
    public CoProductionAspNetCoreOptions CurrentValue => value;

    public CoProductionAspNetCoreOptions Get(string? name) => value;

    public IDisposable? OnChange(Action<CoProductionAspNetCoreOptions, string?> listener) => null;
}
