using System.Globalization;
using CoProduction.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CoProduction.AspNetCore.Health;

/// <summary>The database is reachable and every migration is applied (from the store's <see cref="IStoreHealthProbe"/>).</summary>
internal sealed class StoreHealthCheck(IStoreHealthProbe probe) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var health = await probe.CheckAsync(cancellationToken).ConfigureAwait(false);
        var data = new Dictionary<string, object>
        {
            ["reachable"] = health.IsReachable,
            ["pendingMigrations"] = health.PendingMigrations.Count,
        };
        return health.Problem is null
            ? HealthCheckResult.Healthy("The database is reachable and its schema is up to date.", data)
            : new HealthCheckResult(context.Registration.FailureStatus, health.Problem, data: data);
    }
}

/// <summary>
/// The outbox keeps up: Degraded when the oldest pending event is older than <see cref="OutboxDispatcherOptions.DegradedAfter"/>
/// or an event is dead-lettered, Unhealthy beyond <see cref="OutboxDispatcherOptions.UnhealthyAfter"/>.
/// </summary>
internal sealed class OutboxHealthCheck(IOutboxDispatchStore outbox, IOptionsMonitor<CoProductionAspNetCoreOptions> options, TimeProvider clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var settings = options.CurrentValue.Outbox;
        var backlog = await outbox.GetBacklogAsync(settings.MaxAttempts, cancellationToken).ConfigureAwait(false);
        var age = backlog.OldestPendingOccurredAt is { } oldest ? clock.GetUtcNow() - oldest : TimeSpan.Zero;
        var data = new Dictionary<string, object>
        {
            ["pending"] = backlog.PendingCount,
            ["deadLettered"] = backlog.DeadLetteredCount,
            ["oldestPendingAgeSeconds"] = Math.Round(age.TotalSeconds, 1),
        };
        var description = string.Create(CultureInfo.InvariantCulture, $"{backlog.PendingCount} event(s) pending, the oldest {age.TotalMinutes:0.#} minute(s) old; {backlog.DeadLetteredCount} dead-lettered.");
        if (age > settings.UnhealthyAfter)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"The outbox is not being delivered: {description}", data: data);
        }

        return age > settings.DegradedAfter || backlog.DeadLetteredCount > 0
            ? HealthCheckResult.Degraded($"The outbox is behind or has dead-lettered events: {description}", data: data)
            : HealthCheckResult.Healthy(description, data);
    }
}
