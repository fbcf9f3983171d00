using System.Diagnostics;
using CoProduction.AspNetCore.Outbox;
using CoProduction.AspNetCore.Tests.TestSupport;
using CoProduction.People;
using CoProduction.Primitives;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace CoProduction.AspNetCore.Tests.Telemetry;

public sealed class TelemetryTests
{
    private static readonly ActivitySource TestSource = new("CoProduction.AspNetCore.Tests");

    private static CancellationToken Ct => Harness.Ct;

    [Theory]
    [InlineData("in-memory")]
    [InlineData("sqlite")]
    public async Task StoresAndDispatcher_ThroughTheInMemoryExporter_ShowSpansAndMetrics(string store)
    {
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        using var tracing = Sdk.CreateTracerProviderBuilder().AddSource(TestSource.Name, CoProductionTelemetry.ActivitySourceName).AddInMemoryExporter(spans).Build();
        using var metering = Sdk.CreateMeterProviderBuilder().AddMeter(CoProductionTelemetry.MeterName).AddInMemoryExporter(metrics).Build();
        await using var harness = new Harness(store);
        harness.Handler.FailuresBeforeSuccess = 1;
        var organisation = OrganisationId.New();

        ActivityTraceId traceId;
        using (var root = TestSource.StartActivity("test"))
        {
            traceId = root!.TraceId;
            var partner = await harness.RegisterAsync(organisation, "Patient partner A");
            await using var scope = harness.ScopeFor(organisation);
            await scope.ServiceProvider.GetRequiredService<IParticipantStore>().FindAsync(partner.Id, Ct);
            harness.Clock.Advance(TimeSpan.FromSeconds(10));
            await harness.Services.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(Ct);
        }

        tracing.ForceFlush();
        metering.ForceFlush();
        var ours = spans.Where(s => s.TraceId == traceId && s.Source.Name == CoProductionTelemetry.ActivitySourceName).ToList();
        ours.Select(s => s.DisplayName).Should().Contain(["IParticipantStore.AddAsync", "IParticipantStore.FindAsync", "outbox.dispatch"]);
        ours.Single(s => s.DisplayName == "IParticipantStore.AddAsync").GetTagItem("coproduction.outcome").Should().Be("ok");
        ours.Single(s => s.DisplayName == "outbox.dispatch").GetTagItem("coproduction.event_type").Should().Be("ParticipantRegistered");

        Points(metrics, "coproduction.store.operations").Should().Contain(p => Tag(p, "coproduction.store") == "IParticipantStore" && Tag(p, "coproduction.operation") == "FindAsync" && p.GetSumLong() >= 1);
        Points(metrics, "coproduction.commands").Should().Contain(p => Tag(p, "coproduction.operation") == "AddAsync" && p.GetSumLong() >= 1);
        Points(metrics, "coproduction.store.operation.duration").Should().Contain(p => Tag(p, "coproduction.operation") == "AddAsync" && p.GetHistogramCount() >= 1);
        Points(metrics, "coproduction.outbox.delivered").Should().Contain(p => Tag(p, "coproduction.event_type") == "ParticipantRegistered" && p.GetSumLong() >= 1);
        metrics.Select(m => m.Name).Should().Contain(["coproduction.outbox.backlog", "coproduction.outbox.oldest_pending_age"]);
    }

    [Fact]
    public async Task Dispatcher_HandlerFailing_CountsTheFailureAndMarksItsSpanAsAnError()
    {
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        using var tracing = Sdk.CreateTracerProviderBuilder().AddSource(TestSource.Name, CoProductionTelemetry.ActivitySourceName).AddInMemoryExporter(spans).Build();
        using var metering = Sdk.CreateMeterProviderBuilder().AddMeter(CoProductionTelemetry.MeterName).AddInMemoryExporter(metrics).Build();
        await using var harness = new Harness("in-memory");
        harness.Handler.FailuresBeforeSuccess = -1;

        ActivityTraceId traceId;
        using (var root = TestSource.StartActivity("test"))
        {
            traceId = root!.TraceId;
            await harness.RegisterAsync(OrganisationId.New(), "Patient partner B");
            harness.Clock.Advance(TimeSpan.FromSeconds(10));
            await harness.Services.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(Ct);
        }

        tracing.ForceFlush();
        metering.ForceFlush();
        var dispatch = spans.Single(s => s.TraceId == traceId && s.DisplayName == "outbox.dispatch");
        dispatch.Status.Should().Be(ActivityStatusCode.Error);
        Points(metrics, "coproduction.outbox.failures").Should().Contain(p => Tag(p, "coproduction.event_type") == "ParticipantRegistered" && p.GetSumLong() >= 1);
    }

    private static List<MetricPoint> Points(List<Metric> metrics, string name)
    {
        var points = new List<MetricPoint>();
        foreach (var metric in metrics.Where(m => m.Name == name))
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                points.Add(point);
            }
        }

        return points;
    }

    private static string? Tag(MetricPoint point, string key)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == key)
            {
                return tag.Value?.ToString();
            }
        }

        return null;
    }
}
