using CoProduction.AspNetCore.Tests.TestSupport;
using CoProduction.Primitives;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CoProduction.AspNetCore.Tests.Health;

public sealed class HealthCheckTests
{
    private static CancellationToken Ct => Harness.Ct;

    [Fact]
    public async Task CheckHealthAsync_SqliteDatabaseMigrated_IsHealthy()
    {
        await using var harness = new Harness("sqlite");
        await harness.RegisterAsync(OrganisationId.New(), "Patient partner A");

        var report = await CheckAsync(harness);

        report.Entries["coproduction-database"].Status.Should().Be(HealthStatus.Healthy);
        report.Entries["coproduction-outbox"].Status.Should().Be(HealthStatus.Healthy);
        report.Status.Should().Be(HealthStatus.Healthy);
    }

    [Fact]
    public async Task CheckHealthAsync_SqliteDatabaseFileGone_IsUnhealthyAndDoesNotCreateTheFile()
    {
        await using var harness = new Harness("sqlite");
        await harness.RegisterAsync(OrganisationId.New(), "Patient partner A");
        SqliteConnection.ClearAllPools();
        File.Delete(harness.SqlitePath!);

        var report = await CheckAsync(harness, "coproduction-database");

        var entry = report.Entries["coproduction-database"];
        entry.Status.Should().Be(HealthStatus.Unhealthy);
        entry.Description.Should().Contain("does not exist");
        File.Exists(harness.SqlitePath).Should().BeFalse();
    }

    [Fact]
    public async Task CheckHealthAsync_SqliteDatabaseWithoutTheMigrations_IsUnhealthyNamingThem()
    {
        await using var harness = new Harness("sqlite");
        await using (var connection = new SqliteConnection($"Data Source={harness.SqlitePath}"))
        {
            await connection.OpenAsync(Ct);   // a database of someone else's: reachable, none of the library's tables
            await using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE notes (text TEXT)";
            await command.ExecuteNonQueryAsync(Ct);
        }

        SqliteConnection.ClearAllPools();

        var report = await CheckAsync(harness, "coproduction-database");

        var entry = report.Entries["coproduction-database"];
        entry.Status.Should().Be(HealthStatus.Unhealthy);
        entry.Description.Should().Contain("InitialCreate").And.Contain("not applied");
        entry.Data["reachable"].Should().Be(true);
    }

    [Fact]
    public async Task CheckHealthAsync_OldestPendingEventAgeing_GoesFromHealthyToDegradedToUnhealthy()
    {
        await using var harness = new Harness("in-memory", o =>
        {
            o.Outbox.MaxAttempts = 10;
            o.Outbox.DegradedAfter = TimeSpan.FromMinutes(15);
            o.Outbox.UnhealthyAfter = TimeSpan.FromHours(1);
        });
        harness.Handler.FailuresBeforeSuccess = -1;
        await harness.RegisterAsync(OrganisationId.New(), "Patient partner A");

        var fresh = (await CheckAsync(harness, "coproduction-outbox")).Status;
        harness.Clock.Advance(TimeSpan.FromMinutes(20));
        var degraded = (await CheckAsync(harness, "coproduction-outbox")).Status;
        harness.Clock.Advance(TimeSpan.FromHours(1));
        var stale = await CheckAsync(harness, "coproduction-outbox");

        fresh.Should().Be(HealthStatus.Healthy);
        degraded.Should().Be(HealthStatus.Degraded);
        stale.Status.Should().Be(HealthStatus.Unhealthy);
        stale.Entries["coproduction-outbox"].Description.Should().Contain("1 event(s) pending, the oldest 80 minute(s) old");
    }

    [Fact]
    public async Task CheckHealthAsync_DeadLetteredEvent_IsDegraded()
    {
        await using var harness = new Harness("in-memory", o => o.Outbox.MaxAttempts = 1);
        harness.Handler.FailuresBeforeSuccess = -1;
        await harness.RegisterAsync(OrganisationId.New(), "Patient partner A");

        var report = await CheckAsync(harness, "coproduction-outbox");

        report.Status.Should().Be(HealthStatus.Degraded);
        report.Entries["coproduction-outbox"].Data["deadLettered"].Should().Be(1);
    }

    private static Task<HealthReport> CheckAsync(Harness harness, string? only = null) =>
        harness.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(c => only is null || c.Name == only, Ct);
}
