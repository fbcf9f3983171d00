using System.Data.Common;
using BenchmarkDotNet.Attributes;
using CoProduction.People;
using CoProduction.Primitives;
using CoProduction.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CoProduction.Benchmarks;

/// <summary>
/// The stores on the hot paths of storage: saving and loading a typical participant, bulk-loading (adding) 10,000
/// participants one store call at a time, listing 10,000 participants, and, as the baseline, inserting 10,000
/// participant rows with raw ADO.NET in one transaction (what the database can do without the library: no change
/// tracking, no outbox, no transaction per aggregate). PostgreSQL runs only when COPRODUCTION_POSTGRES_CONNECTION is
/// set (<c>source .ci/services.d/postgres.sh</c>); the raw ADO.NET baseline does not apply to the in-memory store.
/// Run: <c>dotnet run -c Release --project benchmarks/CoProduction.Benchmarks -- --filter '*StoreBenchmark*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public partial class StoreBenchmark
{
    private const int BulkSize = 10_000;
    private const string PostgresVariable = "COPRODUCTION_POSTGRES_CONNECTION";

    private readonly OrganisationId _organisation = OrganisationId.New();
    private readonly OrganisationId _listOrganisation = OrganisationId.New();
    private ServiceProvider? _services;
    private string? _sqlitePath;
    private string? _postgresServer;
    private string? _postgresDatabase;
    private string? _connectionString;

    /// <summary>Gets or sets the store under test.</summary>
    [ParamsSource(nameof(StoreNames))]
    public string Store { get; set; } = "InMemory";

    /// <summary>The stores to compare: PostgreSQL only when a server is configured.</summary>
    public static IEnumerable<string> StoreNames()
    {
        yield return "InMemory";
        yield return "Sqlite";
        if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresVariable)))
        {
            yield return "PostgreSql";
        }
    }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var services = new ServiceCollection();
        var builder = services.AddCoProduction();
        switch (Store)
        {
            case "InMemory":
                builder.UseInMemoryStores();
                break;
            case "Sqlite":
                _sqlitePath = Path.Combine(Path.GetTempPath(), $"coproduction-benchmark-{Guid.NewGuid():N}.db");
                _connectionString = $"Data Source={_sqlitePath}";
                builder.UseSqlite(_connectionString);
                break;
            case "PostgreSql":
                _postgresServer = Environment.GetEnvironmentVariable(PostgresVariable)!;
                _postgresDatabase = $"coproduction_bench_{Guid.NewGuid():N}";
                await ExecuteOnPostgresServerAsync($"CREATE DATABASE \"{_postgresDatabase}\"");
                _connectionString = new NpgsqlConnectionStringBuilder(_postgresServer) { Database = _postgresDatabase }.ConnectionString;
                builder.UsePostgreSql(_connectionString);
                break;
            default:
                throw new InvalidOperationException($"Unknown store '{Store}'.");
        }

        if (Store != "InMemory" && Environment.GetEnvironmentVariable("COPRODUCTION_BENCH_SQL") == "1")
        {
            services.ConfigureDbContext<CoProduction.Storage.EntityFrameworkCore.CoProductionDbContext>(db => db.AddInterceptors(new SqlEcho()));
        }

        _services = services.BuildServiceProvider();
        if (Store != "InMemory")
        {
            await _services.MigrateCoProductionDatabaseAsync(CancellationToken.None);
        }

        await SetUpCohortsAsync();
        await SetUpProjectsAsync();
        await SetUpSubmissionsAsync();
        await SetUpFrameworksAsync();
        await SetUpParticipantsAsync();

        // The 10,000 participants that ListTenThousandParticipants reads, in an organisation of their own (one unit of work).
        await using var scope = ScopeFor(_listOrganisation);
        await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveAsync(
            [.. Enumerable.Range(0, BulkSize).Select(i => AggregateChange.Add(NewSimpleParticipant(_listOrganisation, i)))],
            CancellationToken.None);
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        if (_sqlitePath is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { _sqlitePath, _sqlitePath + "-wal", _sqlitePath + "-shm" })
            {
                File.Delete(file);
            }
        }

        if (_postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteOnPostgresServerAsync($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)");
        }
    }

    /// <summary>Adds a fully filled-in participant (10 events, 2 accessibility needs, 3 consents) and finds it again.</summary>
    [Benchmark]
    public async Task<Participant?> SaveAndLoadTypicalParticipant()
    {
        await using var scope = ScopeFor(_organisation);
        var store = scope.ServiceProvider.GetRequiredService<IParticipantStore>();
        var participant = NewTypicalParticipant(_organisation);
        await store.AddAsync(participant, CancellationToken.None);
        return await store.FindAsync(participant.Id, CancellationToken.None);
    }

    /// <summary>Adds 10,000 participants (name, role, contact details: 2 events each), one store call and transaction each.</summary>
    [Benchmark]
    public async Task BulkLoadTenThousandParticipants()
    {
        await using var scope = ScopeFor(_organisation);
        var store = scope.ServiceProvider.GetRequiredService<IParticipantStore>();
        for (var i = 0; i < BulkSize; i++)
        {
            await store.AddAsync(NewSimpleParticipant(_organisation, i), CancellationToken.None);
        }
    }

    /// <summary>
    /// Imports 10,000 participants (2 events each) in one unit of work: one transaction with their 20,000 outbox rows,
    /// as a trust moving its spreadsheet in would.
    /// </summary>
    [Benchmark]
    public async Task ImportTenThousandParticipantsInOneUnitOfWork()
    {
        await using var scope = ScopeFor(_organisation);
        var unitOfWork = scope.ServiceProvider.GetRequiredService<IUnitOfWork>();
        var changes = new List<AggregateChange>(BulkSize);
        for (var i = 0; i < BulkSize; i++)
        {
            changes.Add(AggregateChange.Add(NewSimpleParticipant(_organisation, i)));
        }

        await unitOfWork.SaveAsync(changes, CancellationToken.None);
    }

    /// <summary>Lists the 10,000 participants of one organisation (every row materialised as an aggregate).</summary>
    [Benchmark]
    public async Task<int> ListTenThousandParticipants()
    {
        await using var scope = ScopeFor(_listOrganisation);
        var store = scope.ServiceProvider.GetRequiredService<IParticipantStore>();
        return (await store.ListAsync(null, CancellationToken.None)).Count;
    }

    /// <summary>The baseline: 10,000 participant rows inserted with a prepared ADO.NET command in one transaction.</summary>
    [Benchmark(Baseline = true)]
    public async Task RawAdoNetInsertTenThousandParticipants()
    {
        DbConnection connection = Store switch
        {
            "Sqlite" => new SqliteConnection(_connectionString),
            "PostgreSql" => new NpgsqlConnection(_connectionString),
            _ => throw new NotSupportedException("The in-memory store has no database to insert into: the baseline applies to SQLite and PostgreSQL."),
        };
        await using (connection)
        {
            await connection.OpenAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var roles = Store == "Sqlite" ? "'[\"PatientPartner\"]'" : "ARRAY['PatientPartner']";
            command.CommandText =
                "INSERT INTO participants (id, organisation_id, version, full_name, roles, registered_at, contact_email, contact_preferred_method, payment_preference_method) " +
                $"VALUES (@id, @organisation, 1, @name, {roles}, @registered, @email, 'Email', 'BankTransfer')";
            var id = Parameter(command, "id");
            var organisation = Parameter(command, "organisation");
            var name = Parameter(command, "name");
            var registered = Parameter(command, "registered");
            var email = Parameter(command, "email");
            await command.PrepareAsync();
            var now = TimeProvider.System.GetUtcNow();
            for (var i = 0; i < BulkSize; i++)
            {
                id.Value = Store == "Sqlite" ? Guid.CreateVersion7().ToString().ToUpperInvariant() : Guid.CreateVersion7();
                organisation.Value = Store == "Sqlite" ? _organisation.Value.ToString().ToUpperInvariant() : _organisation.Value;
                name.Value = $"Patient partner {i}";
                registered.Value = now;
                email.Value = $"partner.{i}@example.org";
                await command.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
        }
    }

    /// <summary>
    /// The hand-written equivalent of the import: the same 10,000 participant rows and their 20,000 outbox rows
    /// (the events serialised as the library does), prepared commands, one transaction.
    /// </summary>
    [Benchmark]
    public async Task RawAdoNetInsertTenThousandParticipantsWithEvents()
    {
        DbConnection connection = Store switch
        {
            "Sqlite" => new SqliteConnection(_connectionString),
            "PostgreSql" => new NpgsqlConnection(_connectionString),
            _ => throw new NotSupportedException("The in-memory store has no database to insert into: the baseline applies to SQLite and PostgreSQL."),
        };
        await using (connection)
        {
            await connection.OpenAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            var sqlite = Store == "Sqlite";
            var roles = sqlite ? "'[\"PatientPartner\"]'" : "ARRAY['PatientPartner']";
            insert.CommandText =
                "INSERT INTO participants (id, organisation_id, version, full_name, roles, registered_at, contact_email, contact_preferred_method, payment_preference_method) " +
                $"VALUES (@id, @organisation, 1, @name, {roles}, @registered, @email, 'Email', 'BankTransfer')";
            var id = Parameter(insert, "id");
            var organisation = Parameter(insert, "organisation");
            var name = Parameter(insert, "name");
            var registered = Parameter(insert, "registered");
            var email = Parameter(insert, "email");
            await insert.PrepareAsync();
            await using var outbox = connection.CreateCommand();
            outbox.Transaction = transaction;
            outbox.CommandText =
                "INSERT INTO outbox_messages (organisation_id, aggregate_type, aggregate_id, aggregate_version, event_type, payload, occurred_at, dispatched_at, attempts, actor) " +
                $"VALUES (@organisation, 'Participant', @id, 1, @type, {(sqlite ? "@payload" : "CAST(@payload AS jsonb)")}, @at, @at, 1, 'system')";
            var eventOrganisation = Parameter(outbox, "organisation");
            var aggregateId = Parameter(outbox, "id");
            var type = Parameter(outbox, "type");
            var payload = Parameter(outbox, "payload");
            var at = Parameter(outbox, "at");
            await outbox.PrepareAsync();
            var now = TimeProvider.System.GetUtcNow();
            for (var i = 0; i < BulkSize; i++)
            {
                var participant = NewSimpleParticipant(_organisation, i);
                id.Value = sqlite ? participant.Id.Value.ToString().ToUpperInvariant() : participant.Id.Value;
                organisation.Value = sqlite ? _organisation.Value.ToString().ToUpperInvariant() : _organisation.Value;
                name.Value = participant.FullName;
                registered.Value = now;
                email.Value = $"partner.{i}@example.org";
                await insert.ExecuteNonQueryAsync();
                foreach (var domainEvent in participant.PendingEvents)
                {
                    eventOrganisation.Value = organisation.Value;
                    aggregateId.Value = id.Value;
                    type.Value = domainEvent.GetType().FullName;
                    payload.Value = System.Text.Json.JsonSerializer.Serialize(domainEvent, domainEvent.GetType(), CoProductionJson.Options);
                    at.Value = now;
                    await outbox.ExecuteNonQueryAsync();
                }
            }

            await transaction.CommitAsync();
        }
    }

    private static DbParameter Parameter(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }

    private static Participant NewSimpleParticipant(OrganisationId organisationId, int number)
    {
        var participant = Participant.Register(organisationId, $"Patient partner {number}", [ParticipantRole.PatientPartner], TimeProvider.System);
        participant.ChangeContactDetails(new ContactDetails($"partner.{number}@example.org", null, null), TimeProvider.System);
        return participant;
    }

    private static Participant NewTypicalParticipant(OrganisationId organisationId)
    {
        var clock = TimeProvider.System;
        var participant = Participant.Register(organisationId, "Patient partner A", [ParticipantRole.PatientPartner, ParticipantRole.Carer], clock);
        participant.Rename("Patient partner A", "Partner A", clock);
        participant.ChangeContactDetails(new ContactDetails("partner.a@example.org", "01632 960001", "1 Example Street, Exampletown", ContactMethod.Phone), clock);
        participant.ChangeAccessibilityNeeds([new AccessibilityNeed("Step-free access", "Ground-floor rooms only"), new AccessibilityNeed("Large print", null)], clock);
        participant.ChangePaymentPreference(new PaymentPreference(PaymentMethod.Voucher, "Prefers supermarket vouchers"), clock);
        participant.GiveConsent(ConsentPurpose.Contact, clock);
        participant.GiveConsent(ConsentPurpose.DiversityMonitoring, clock);
        participant.RecordDiversityAnswers(new Dictionary<string, string> { ["Age band"] = "45-54" }, clock);
        participant.GiveConsent(ConsentPurpose.Recording, clock);
        participant.WithdrawConsent(ConsentPurpose.Recording, clock);
        return participant;
    }

    private AsyncServiceScope ScopeFor(OrganisationId organisationId)
    {
        var scope = _services!.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<OrganisationContext>().SetCurrent(organisationId);
        return scope;
    }

    private async Task ExecuteOnPostgresServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_postgresServer);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
