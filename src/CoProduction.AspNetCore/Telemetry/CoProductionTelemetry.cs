using System.Diagnostics;
using System.Diagnostics.Metrics;
using CoProduction.Storage;

namespace CoProduction.AspNetCore;

/// <summary>
/// The names under which the library reports traces and metrics, for OpenTelemetry:
/// <c>tracing.AddSource(CoProductionTelemetry.ActivitySourceName)</c> and <c>metrics.AddMeter(CoProductionTelemetry.MeterName)</c>.
/// </summary>
/// <remarks>
/// Spans: one per store call (<c>IParticipantStore.FindAsync</c>, <c>IUnitOfWork.SaveAsync</c>, ...), one per outbox
/// delivery attempt (<c>outbox.dispatch</c>) and one per due-work run (<c>due-work</c>). Metrics:
/// <c>coproduction.store.operations</c> and <c>coproduction.store.operation.duration</c> (every store call, by store,
/// operation and outcome), <c>coproduction.commands</c> (every write: add, update or unit of work, by aggregate and
/// outcome), <c>coproduction.refusals</c> (refusals answered as problem details, by kind and code),
/// <c>coproduction.outbox.delivered</c>, <c>coproduction.outbox.failures</c>, <c>coproduction.outbox.dead_lettered</c>,
/// the gauges <c>coproduction.outbox.backlog</c>, <c>coproduction.outbox.dead_letter_backlog</c> and
/// <c>coproduction.outbox.oldest_pending_age</c>, and <c>coproduction.due_work.items</c>.
/// </remarks>
public static class CoProductionTelemetry
{
    /// <summary>The name of the library's <see cref="System.Diagnostics.ActivitySource"/>.</summary>
    public const string ActivitySourceName = "CoProduction";

    /// <summary>The name of the library's <see cref="System.Diagnostics.Metrics.Meter"/>.</summary>
    public const string MeterName = "CoProduction";

    /// <summary>Gets the source of the library's spans.</summary>
    internal static ActivitySource Source { get; } = new(ActivitySourceName, typeof(CoProductionTelemetry).Assembly.GetName().Version?.ToString());
}

/// <summary>The library's instruments, made once per service provider from its <see cref="IMeterFactory"/>.</summary>
internal sealed class CoProductionInstruments
{
    private OutboxBacklog? _backlog;
    private DateTimeOffset _backlogMeasuredAt;

    public CoProductionInstruments(IMeterFactory meters, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(clock);
        var meter = meters.Create(CoProductionTelemetry.MeterName);
        StoreOperations = meter.CreateCounter<long>("coproduction.store.operations", "{operation}", "Store calls, by store, operation and outcome.");
        StoreDuration = meter.CreateHistogram<double>("coproduction.store.operation.duration", "s", "How long store calls take.");
        Commands = meter.CreateCounter<long>("coproduction.commands", "{command}", "Writes to the stores (add, update, unit of work), by aggregate and outcome.");
        Refusals = meter.CreateCounter<long>("coproduction.refusals", "{refusal}", "Refusals answered as problem details, by kind and code.");
        Delivered = meter.CreateCounter<long>("coproduction.outbox.delivered", "{event}", "Events the outbox dispatcher delivered.");
        Failures = meter.CreateCounter<long>("coproduction.outbox.failures", "{attempt}", "Delivery attempts whose handler failed.");
        DeadLettered = meter.CreateCounter<long>("coproduction.outbox.dead_lettered", "{event}", "Events dead-lettered after their last attempt.");
        DueWorkItems = meter.CreateCounter<long>("coproduction.due_work.items", "{item}", "Due work found, by kind.");
        meter.CreateObservableGauge("coproduction.outbox.backlog", () => _backlog?.PendingCount ?? 0, "{event}", "Pending events, at the dispatcher's last look.");
        meter.CreateObservableGauge("coproduction.outbox.dead_letter_backlog", () => _backlog?.DeadLetteredCount ?? 0, "{event}", "Dead-lettered events, at the dispatcher's last look.");
        meter.CreateObservableGauge(
            "coproduction.outbox.oldest_pending_age",
            () => _backlog?.OldestPendingOccurredAt is { } oldest ? Math.Max(0, (_backlogMeasuredAt - oldest).TotalSeconds) : 0,
            "s",
            "Age of the oldest pending event, at the dispatcher's last look.");
    }

    public Counter<long> StoreOperations { get; }

    public Histogram<double> StoreDuration { get; }

    public Counter<long> Commands { get; }

    public Counter<long> Refusals { get; }

    public Counter<long> Delivered { get; }

    public Counter<long> Failures { get; }

    public Counter<long> DeadLettered { get; }

    public Counter<long> DueWorkItems { get; }

    /// <summary>Keeps the backlog the dispatcher last measured, for the gauges.</summary>
    public void RecordBacklog(OutboxBacklog backlog, DateTimeOffset measuredAt)
    {
        _backlogMeasuredAt = measuredAt;
        _backlog = backlog;
    }
}
