using System.Data.Common;
using BenchmarkDotNet.Attributes;
using CoProduction.People;
using CoProduction.Programmes;
using CoProduction.Programmes.Cohorts;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace CoProduction.Benchmarks;

/// <summary>
/// A running cohort (24 sessions with two facilitators each, 3 teams of 4, the register of the 12 sessions delivered:
/// 255 child rows): loaded, and saved after one change (one participant's attendance at one session corrected), by
/// the store and by hand-written ADO.NET that sends the minimal statements for the same work.
/// </summary>
public partial class StoreBenchmark
{
    private FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
    private Cohort? _cohort;
    private Cohort? _baselineCohort;
    private long _baselineVersion = 1;
    private int _toggle;

    /// <summary>Loads the running cohort through its store: the root and its seven child tables.</summary>
    [Benchmark]
    public async Task<Cohort?> LoadRunningCohort()
    {
        await using var scope = ScopeFor(_organisation);
        return await scope.ServiceProvider.GetRequiredService<ICohortStore>().FindAsync(_cohort!.Id, CancellationToken.None);
    }

    /// <summary>Corrects one attendance of the running cohort and saves it through its store.</summary>
    [Benchmark]
    public async Task SaveRunningCohortAfterOneChange()
    {
        var cohort = _cohort!;
        cohort.RecordAttendance(cohort.Sessions[0].Id, cohort.Teams[0].Members[0].ParticipantId, ++_toggle % 2 == 0 ? "Present" : "Late", _clock);
        await using var scope = ScopeFor(_organisation);
        await scope.ServiceProvider.GetRequiredService<ICohortStore>().UpdateAsync(cohort, CancellationToken.None);
    }

    /// <summary>
    /// The hand-written load: in one read transaction, the root row and the rows of each child table, by the
    /// cohort's id, read into value arrays.
    /// </summary>
    [Benchmark]
    public async Task<int> RawAdoNetLoadRunningCohort()
    {
        await using var connection = OpenBaselineConnection();
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead);
        var rows = 0;
        foreach (var table in (string[])["cohorts", "cohort_sessions", "cohort_session_facilitators", "cohort_teams", "cohort_team_members", "cohort_attendance", "cohort_attendance_statuses", "cohort_completion_criteria"])
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = table == "cohorts"
                ? "SELECT * FROM cohorts WHERE id = @id AND organisation_id = @organisation"
                : $"SELECT * FROM {table} WHERE cohort_id = @id";
            IdParameter(command, "id", _baselineCohort!.Id.Value);
            IdParameter(command, "organisation", _organisation.Value);
            await using var reader = await command.ExecuteReaderAsync();
            var values = new object[reader.FieldCount];
            while (await reader.ReadAsync())
            {
                reader.GetValues(values);
                rows++;
            }
        }

        await transaction.CommitAsync();
        return rows;
    }

    /// <summary>
    /// The hand-written save of the same change: claim the root row at its version, update the one register row,
    /// insert the event, in one transaction (prepared statements, as a careful hand would write them).
    /// </summary>
    [Benchmark]
    public async Task RawAdoNetSaveRunningCohortAfterOneChange()
    {
        await using var connection = OpenBaselineConnection();
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var now = _clock.GetUtcNow();
        await using (var claim = connection.CreateCommand())
        {
            claim.Transaction = transaction;
            claim.CommandText = "UPDATE cohorts SET version = @next WHERE id = @id AND version = @expected";
            IdParameter(claim, "id", _baselineCohort!.Id.Value);
            ValueParameter(claim, "next", _baselineVersion + 1);
            ValueParameter(claim, "expected", _baselineVersion);
            if (await claim.ExecuteNonQueryAsync() != 1)
            {
                throw new InvalidOperationException("The baseline cohort was saved by someone else.");
            }
        }

        await using (var row = connection.CreateCommand())
        {
            row.Transaction = transaction;
            row.CommandText = "UPDATE cohort_attendance SET status_code = @status, recorded_at = @at WHERE cohort_id = @id AND position = 0";
            IdParameter(row, "id", _baselineCohort.Id.Value);
            ValueParameter(row, "status", ++_toggle % 2 == 0 ? "Present" : "Late");
            ValueParameter(row, "at", now);
            await row.ExecuteNonQueryAsync();
        }

        await using (var outbox = connection.CreateCommand())
        {
            outbox.Transaction = transaction;
            outbox.CommandText =
                "INSERT INTO outbox_messages (organisation_id, aggregate_type, aggregate_id, aggregate_version, event_type, payload, occurred_at, dispatched_at, attempts, actor) " +
                $"VALUES (@organisation, 'Cohort', @id, @next, 'CoProduction.Programmes.Cohorts.Events.AttendanceRecorded, CoProduction.Core', {(Store == "Sqlite" ? "@payload" : "CAST(@payload AS jsonb)")}, @at, @at, 1, 'system')";
            IdParameter(outbox, "organisation", _organisation.Value);
            IdParameter(outbox, "id", _baselineCohort.Id.Value);
            ValueParameter(outbox, "next", _baselineVersion + 1);
            ValueParameter(outbox, "payload", $"{{\"CohortId\":\"{_baselineCohort.Id.Value}\",\"SessionId\":\"{Guid.NewGuid()}\",\"ParticipantId\":\"{Guid.NewGuid()}\",\"StatusCode\":\"Late\",\"OccurredAt\":\"{now:O}\"}}");
            ValueParameter(outbox, "at", now);
            await outbox.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        _baselineVersion++;
    }

    /// <summary>Stores the running cohort the store benchmarks use, and its twin the hand-written ones use.</summary>
    private async Task SetUpCohortsAsync()
    {
        _cohort = NewRunningCohort();
        _baselineCohort = NewRunningCohort();
        await using var scope = ScopeFor(_organisation);
        var store = scope.ServiceProvider.GetRequiredService<ICohortStore>();
        await store.AddAsync(_cohort, CancellationToken.None);
        await store.AddAsync(_baselineCohort, CancellationToken.None);

        // The store's instance as a caller would have it: loaded.
        _cohort = await store.FindAsync(_cohort.Id, CancellationToken.None);
    }

    private Cohort NewRunningCohort()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        _clock = clock;
        var trainer = ParticipantId.New();
        var staff = ParticipantId.New();
        var programme = Programme.Create(_organisation, "Co-Production for Improvement", "Teams learn to improve services with patients", clock);
        programme.PublishVersion(
            "First version",
            [
                new("M1", "What co-production is", ["Explain what co-production means"], TimeSpan.FromHours(3), DeliveryMode.InPerson),
                new("M2", "Planning improvement together", ["Write an improvement aim with patient partners"], TimeSpan.FromHours(2), DeliveryMode.Hybrid),
            ],
            [new CoDesignContribution(trainer, CoDesignPerspective.LivedExperience, "Wrote the modules")],
            clock);
        programme.ChangeAttendanceStatuses([new("Present", 1m), new("Late", 1m), new("Absent", 0m)], clock);
        var cohort = Cohort.Plan(programme, 1, "Cohort 1", new DateOnly(2026, 3, 2), new DateOnly(2026, 12, 31), clock);
        var sessions = new List<CohortSessionId>();
        for (var i = 0; i < 24; i++)
        {
            sessions.Add(cohort.ScheduleSession(
                programme,
                i % 2 == 0 ? "M1" : "M2",
                new DateTimeOffset(2026, 3, 3, 10, 0, 0, TimeSpan.Zero).AddDays(7 * i),
                null,
                [new(trainer, FacilitatorRole.Lead, true), new(staff, FacilitatorRole.CoFacilitator, false)],
                clock));
        }

        cohort.OpenRecruitment(clock);
        foreach (var team in (string[])["Discharge team", "Outpatients team", "Pharmacy team"])
        {
            cohort.EnrolTeam(new TeamEnrolment(team, "Co-design the service with patients", [new(ParticipantId.New(), true), new(ParticipantId.New(), true), new(ParticipantId.New(), false), new(ParticipantId.New(), false)]), clock);
        }

        cohort.Start(clock);
        var members = cohort.Teams.SelectMany(t => t.Members).ToList();
        for (var i = 0; i < 12; i++)
        {
            clock.SetUtcNow(new DateTimeOffset(2026, 3, 3, 16, 0, 0, TimeSpan.Zero).AddDays(7 * i));
            cohort.MarkSessionDelivered(sessions[i], clock);
            cohort.RecordSessionAttendance(sessions[i], members.Select(m => new AttendanceEntry(m.ParticipantId, "Present")), clock);
        }

        return cohort;
    }

    private DbConnection OpenBaselineConnection() => Store switch
    {
        "Sqlite" => new SqliteConnection(_connectionString),
        "PostgreSql" => new NpgsqlConnection(_connectionString),
        _ => throw new NotSupportedException("The in-memory store has no database: the hand-written baseline applies to SQLite and PostgreSQL."),
    };

    private void IdParameter(DbCommand command, string name, Guid value) =>
        ValueParameter(command, name, Store == "Sqlite" ? value.ToString().ToUpperInvariant() : value);

    private static void ValueParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
