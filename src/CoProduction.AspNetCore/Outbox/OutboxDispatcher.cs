using System.Diagnostics;
using CoProduction.Primitives;
using CoProduction.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoProduction.AspNetCore.Outbox;

/// <summary>
/// Delivers every organisation's pending domain events: for each organisation with events to deliver, a DI scope whose
/// <see cref="OrganisationContext"/> is that organisation, and in it each pending event handed to
/// <see cref="DomainEventDispatcher"/>. A failed attempt is logged (event, aggregate, attempt, error) and tried again
/// after a wait that doubles each time (with jitter); after <see cref="OutboxDispatcherOptions.MaxAttempts"/> attempts
/// the event is dead-lettered and logged as an error.
/// </summary>
internal sealed partial class OutboxDispatcher
{
    private readonly IServiceScopeFactory _scopes;
    private readonly IOutboxDispatchStore _outbox;
    private readonly IOptionsMonitor<CoProductionAspNetCoreOptions> _options;
    private readonly CoProductionInstruments _instruments;
    private readonly TimeProvider _clock;
    private readonly ILogger<OutboxDispatcher> _logger;
    private readonly Dictionary<long, DateTimeOffset> _notBefore = [];
    private readonly Random _random;
    private DateTimeOffset? _lastPurge;

    /// <summary>The actor of the changes event handlers make while the dispatcher delivers their events.</summary>
    internal static readonly Actor ProcessActor = Actor.ForSystemProcess("coproduction-outbox-dispatcher");

    public OutboxDispatcher(
        IServiceScopeFactory scopes,
        IOutboxDispatchStore outbox,
        IOptionsMonitor<CoProductionAspNetCoreOptions> options,
        CoProductionInstruments instruments,
        TimeProvider clock,
        ILogger<OutboxDispatcher> logger)
        : this(scopes, outbox, options, instruments, clock, logger, Random.Shared)
    {
    }

    internal OutboxDispatcher(
        IServiceScopeFactory scopes,
        IOutboxDispatchStore outbox,
        IOptionsMonitor<CoProductionAspNetCoreOptions> options,
        CoProductionInstruments instruments,
        TimeProvider clock,
        ILogger<OutboxDispatcher> logger,
        Random random)
    {
        _scopes = scopes;
        _outbox = outbox;
        _options = options;
        _instruments = instruments;
        _clock = clock;
        _logger = logger;
        _random = random;
    }

    /// <summary>One pass over every organisation with pending events.</summary>
    /// <returns>How many events were delivered.</returns>
    internal async Task<int> DispatchOnceAsync(CancellationToken cancellationToken)
    {
        var options = _options.CurrentValue.Outbox;
        var delivered = 0;
        foreach (var organisationId in await _outbox.ListOrganisationsWithPendingEventsAsync(options.MaxAttempts, cancellationToken).ConfigureAwait(false))
        {
            delivered += await DispatchOrganisationAsync(organisationId, options, cancellationToken).ConfigureAwait(false);
        }

        _instruments.RecordBacklog(await _outbox.GetBacklogAsync(options.MaxAttempts, cancellationToken).ConfigureAwait(false), _clock.GetUtcNow());
        await PurgeAsync(options, cancellationToken).ConfigureAwait(false);
        return delivered;
    }

    /// <summary>At most once an hour, deletes the events delivered longer ago than <see cref="OutboxDispatcherOptions.AuditRetention"/>.</summary>
    /// <returns>How many events were deleted (0 when no retention is set or the last purge was within the hour).</returns>
    internal async Task<int> PurgeAsync(OutboxDispatcherOptions options, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        if (options.AuditRetention is not { } retention || (_lastPurge is { } last && now - last < TimeSpan.FromHours(1)))
        {
            return 0;
        }

        _lastPurge = now;
        var purged = await _outbox.PurgeDispatchedAsync(now - retention, cancellationToken).ConfigureAwait(false);
        if (purged > 0)
        {
            LogPurged(purged, retention);
        }

        return purged;
    }

    /// <summary>Gets the wait before the attempt that follows <paramref name="attemptsSoFar"/> failed attempts.</summary>
    internal TimeSpan RetryDelay(int attemptsSoFar, OutboxDispatcherOptions options)
    {
        var jitter = options.Jitter == 0 ? 1 : 1 + (options.Jitter * ((_random.NextDouble() * 2) - 1));
        return BaseRetryDelay(attemptsSoFar, options) * jitter;
    }

    private static TimeSpan BaseRetryDelay(int attemptsSoFar, OutboxDispatcherOptions options)
    {
        var exponent = Math.Clamp(attemptsSoFar - 1, 0, 30);
        return TimeSpan.FromMilliseconds(Math.Min(options.FirstRetryDelay.TotalMilliseconds * Math.Pow(2, exponent), options.MaxRetryDelay.TotalMilliseconds));
    }

    private async Task<int> DispatchOrganisationAsync(OrganisationId organisationId, OutboxDispatcherOptions options, CancellationToken cancellationToken)
    {
        var pending = await _outbox.ListPendingAsync(organisationId, options.MaxAttempts, options.BatchSize, cancellationToken).ConfigureAwait(false);
        var now = _clock.GetUtcNow();
        var due = pending.Where(m => IsDue(m, now, options)).ToList();
        if (due.Count == 0)
        {
            return 0;
        }

        var scope = _scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            scope.ServiceProvider.GetRequiredService<OrganisationContext>().SetCurrent(organisationId);
            scope.ServiceProvider.GetRequiredService<ActorContext>().SetCurrent(ProcessActor);
            var dispatcher = scope.ServiceProvider.GetRequiredService<DomainEventDispatcher>();
            var delivered = 0;
            foreach (var message in due)
            {
                if (await TryDeliverAsync(dispatcher, message, options, cancellationToken).ConfigureAwait(false))
                {
                    delivered++;
                }
            }

            return delivered;
        }
    }

    private bool IsDue(OutboxMessage message, DateTimeOffset now, OutboxDispatcherOptions options)
    {
        if (_notBefore.TryGetValue(message.Sequence, out var notBefore))
        {
            return notBefore <= now;
        }

        // Not tried by this dispatcher yet. Never tried at all: the request that saved it is delivering it, so take it
        // only once it is clearly left behind. Tried and failed right after commit (or before a restart): the wait is
        // counted from when it happened, without jitter so that each pass decides alike.
        return message.Attempts == 0
            ? now - message.Event.OccurredAt >= options.MinimumAge
            : now >= message.Event.OccurredAt + BaseRetryDelay(message.Attempts, options);
    }

    private async Task<bool> TryDeliverAsync(DomainEventDispatcher dispatcher, OutboxMessage message, OutboxDispatcherOptions options, CancellationToken cancellationToken)
    {
        var eventType = message.Event.GetType().Name;
        var attempt = message.Attempts + 1;
        using var activity = CoProductionTelemetry.Source.StartActivity("outbox.dispatch");
        activity?.SetTag("coproduction.event_type", eventType);
        activity?.SetTag("coproduction.aggregate_type", message.AggregateType);
        activity?.SetTag("coproduction.aggregate_id", message.AggregateId.ToString());
        activity?.SetTag("coproduction.outbox.sequence", message.Sequence);
        activity?.SetTag("coproduction.outbox.attempt", attempt);
        var eventTag = new KeyValuePair<string, object?>("coproduction.event_type", eventType);
        try
        {
            await dispatcher.DispatchAsync(message.Event, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            activity?.AddException(ex);
            _instruments.Failures.Add(1, eventTag);
            await _outbox.RecordAttemptAsync(message.OrganisationId, message.Sequence, OutboxFailure.Describe(ex), cancellationToken).ConfigureAwait(false);
            if (attempt >= options.MaxAttempts)
            {
                _notBefore.Remove(message.Sequence);
                _instruments.DeadLettered.Add(1, eventTag);
                LogDeadLettered(ex, eventType, message.Sequence, message.AggregateType, message.AggregateId, message.OrganisationId.Value, attempt);
            }
            else
            {
                var delay = RetryDelay(attempt, options);
                _notBefore[message.Sequence] = _clock.GetUtcNow() + delay;
                LogAttemptFailed(ex, eventType, message.Sequence, message.AggregateType, message.AggregateId, message.OrganisationId.Value, attempt, options.MaxAttempts, delay);
            }

            return false;
        }

        await _outbox.RecordAttemptAsync(message.OrganisationId, message.Sequence, null, cancellationToken).ConfigureAwait(false);
        _notBefore.Remove(message.Sequence);
        _instruments.Delivered.Add(1, eventTag);
        if (attempt > 1)
        {
            LogRedelivered(eventType, message.Sequence, message.AggregateType, message.AggregateId, message.OrganisationId.Value, attempt);
        }

        return true;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Delivering event {EventType} #{Sequence} of {AggregateType} {AggregateId} (organisation {OrganisationId}) failed on attempt {Attempt} of {MaxAttempts}; trying again in {RetryDelay}")]
    private partial void LogAttemptFailed(Exception exception, string eventType, long sequence, string aggregateType, Guid aggregateId, Guid organisationId, int attempt, int maxAttempts, TimeSpan retryDelay);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "Event {EventType} #{Sequence} of {AggregateType} {AggregateId} (organisation {OrganisationId}) is dead-lettered after {Attempts} failed attempts: it stays in the outbox with its last error and is no longer tried; fix the handler, then raise Outbox.MaxAttempts or call IEventOutbox.DispatchPendingAsync")]
    private partial void LogDeadLettered(Exception exception, string eventType, long sequence, string aggregateType, Guid aggregateId, Guid organisationId, int attempts);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Deleted {Count} delivered events older than the audit retention of {Retention}")]
    private partial void LogPurged(int count, TimeSpan retention);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Event {EventType} #{Sequence} of {AggregateType} {AggregateId} (organisation {OrganisationId}) was delivered on attempt {Attempt}")]
    private partial void LogRedelivered(string eventType, long sequence, string aggregateType, Guid aggregateId, Guid organisationId, int attempt);
}

/// <summary>Runs the <see cref="OutboxDispatcher"/> every <see cref="OutboxDispatcherOptions.PollInterval"/>, the first time one interval after start.</summary>
internal sealed partial class OutboxDispatcherService(OutboxDispatcher dispatcher, IOptionsMonitor<CoProductionAspNetCoreOptions> options, TimeProvider clock, ILogger<OutboxDispatcherService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.CurrentValue.Outbox.Enabled)
        {
            return;
        }

        // The first pass waits one interval, so that it does not compete with the application's own start-up.
        using var timer = new PeriodicTimer(options.CurrentValue.Outbox.PollInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await dispatcher.DispatchOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogPassFailed(ex);
            }
        }
    }

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "The outbox dispatcher could not read the outbox; it tries again at its next poll")]
    private partial void LogPassFailed(Exception exception);
}
